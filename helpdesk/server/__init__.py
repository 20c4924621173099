"""The central server: FastAPI app, storage, enrollment, sync API, admin CLI."""
