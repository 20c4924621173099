"""The station app's widgets: pages, dialogs, item models and workers. Talks to services only."""
