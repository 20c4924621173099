"""Item models for the views (each passes qtmodeltester)."""
