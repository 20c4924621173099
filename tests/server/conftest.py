"""Server test fixtures: every server test runs on SQLite and on PostgreSQL.

PostgreSQL comes from $HELPDESK_TEST_PG_URL (default: the `helpdesk` role on 127.0.0.1, as made
by `.ci/postgres.sh`); each test module gets a fresh database, dropped afterwards. Outside CI
an unreachable PostgreSQL skips its half of the tests with a message saying how to run it; in
CI ($CI set) it fails them.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy.engine import Engine

from helpdesk.server.app import create_app
from helpdesk.server.settings import Settings
from tests.server import support


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres",
                                                               marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, empty server database URL for this test module, per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('server') / 'server.db'}"
        return
    with support.fresh_pg_database() as url:
        yield url


@pytest.fixture(scope="module")
def app(db_url: str) -> FastAPI:
    return create_app(Settings(db_url=db_url))


@pytest.fixture(scope="module")
def engine(app: FastAPI) -> Engine:
    found: Engine = app.state.engine
    return found


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[support.Client]:
    with warnings.catch_warnings():  # TestClient on plain httpx warns; it works
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client
