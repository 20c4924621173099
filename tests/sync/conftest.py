"""Sync tests use the server fixtures: each runs against SQLite and PostgreSQL servers; `server`
is a real `helpdesk-server serve` process over that database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from tests.server.conftest import app, client, db_url, engine
from tests.sync.test_uvicorn import Server

__all__ = ["app", "client", "db_url", "engine"]


@pytest.fixture
def server(db_url: str, engine: Engine, tmp_path: Path) -> Iterator[Server]:
    del engine  # the schema exists before the process starts
    running = Server(db_url, tmp_path / "server.log")
    running.start()
    yield running
    running.stop()
