"""The union office's web console under /office/: server-rendered pages (Jinja2, Babel
catalogs, zh_CN and en), htmx and Apache ECharts vendored in static/vendor, office users with
roles and region scopes, server-side sessions, CSRF tokens and an audit log.

`install(app)` mounts it on the server's FastAPI app; pages call the same storage functions as
the sync API.
"""

from __future__ import annotations

from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from helpdesk.server.office import recent, users, web
from helpdesk.server.office.pages import (
    admin,
    auth,
    closes,
    ledger,
    overview,
    programmes,
    receipts,
    review,
    stations,
)
from helpdesk.server.settings import DEFAULT_OFFICE_FRESH_SECONDS

STATIC = Path(__file__).parent / "static"


def install(app: FastAPI, requests_at_once: int = 2,
            fresh_seconds: float = DEFAULT_OFFICE_FRESH_SECONDS) -> None:
    for page in (auth, overview, ledger, stations, programmes, closes, receipts, review, admin):
        app.include_router(page.router, include_in_schema=False)
    app.mount(f"{web.PREFIX}/static", StaticFiles(directory=STATIC), name="office-static")
    # Last: any other /office address is the console's own "not found" page, not the API's
    # JSON error.
    app.add_api_route(web.PREFIX + "/{rest:path}", _not_found, methods=["GET"],
                      include_in_schema=False)
    web.install_handlers(app)
    app.add_middleware(web.SecurityHeaders)
    app.state.office_slots = anyio.Semaphore(max(1, requests_at_once))
    app.state.office_recent = recent.Recent(fresh_seconds)
    app.add_middleware(web.Gate, slots=app.state.office_slots, kept=app.state.office_recent)


def _not_found(request: Request, rest: str) -> None:
    del rest
    request.state.office_session = users.session(
        web.engine(request), request.cookies.get(web.SESSION_COOKIE, ""))
    raise web.Denied(404)
