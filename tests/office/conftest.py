"""Office console fixtures: the server's database on SQLite and PostgreSQL (as tests/server),
office users, and a test client signed in as one of them."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy.engine import Engine

from helpdesk.server.app import create_app
from helpdesk.server.office import users
from helpdesk.server.settings import Settings
from tests.server import support
from tests.server.conftest import db_url

__all__ = ["db_url"]
PASSWORD = "correct horse 1"


@pytest.fixture(autouse=True)
def _qt_main_thread(qapp: Any) -> Any:
    """The receipt check decodes uploaded photos with QImage on a thread of its own, and Qt
    takes the first thread that touches it for its main thread (whose objects alone an
    application's event filters see). In the server that is harmless; in this test process
    the station's UI tests come later, so pytest-qt's QApplication is made first, here."""
    return qapp


@pytest.fixture(scope="module")
def app(db_url: str) -> FastAPI:
    return create_app(Settings(db_url=db_url))


@pytest.fixture(scope="module")
def engine(app: FastAPI) -> Engine:
    found: Engine = app.state.engine
    return found


def client_of(app: FastAPI) -> Iterator[support.Client]:
    with warnings.catch_warnings():  # TestClient on plain httpx warns; it works
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def client(app: FastAPI) -> Iterator[support.Client]:
    """A fresh browser: no cookies."""
    yield from client_of(app)


def ensure_user(engine: Engine, name: str, role: str, region: str = "") -> None:
    if not any(u["name"] == name for u in users.list_(engine)):
        users.add(engine, name, role, region, PASSWORD)


def sign_in(client: support.Client, name: str, password: str = PASSWORD) -> Any:
    """Post the sign-in form as a browser would (its token from the form page)."""
    page = client.get("/office/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, page.text
    return client.post("/office/login", data={"username": name, "password": password,
                                              "csrf_token": token.group(1)},
                       follow_redirects=False)


def csrf_of(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
    assert found and found.group(1)
    return found.group(1)
