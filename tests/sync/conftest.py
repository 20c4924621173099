"""Sync tests use the server fixtures: each runs against SQLite and PostgreSQL servers."""

from __future__ import annotations

from tests.server.conftest import app, client, db_url, engine

__all__ = ["app", "client", "db_url", "engine"]
