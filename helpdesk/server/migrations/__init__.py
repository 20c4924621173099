"""Alembic migrations of the server database; run by `storage.migrate`."""
