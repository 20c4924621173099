"""The security tests run against the real server app on SQLite and PostgreSQL, with the
fixtures of the server tests (a fresh database per module and backend)."""

from tests.server.conftest import app, client, db_url, engine

__all__ = ["app", "client", "db_url", "engine"]
