"""`create_app(settings)`: the FastAPI app of the central server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI

from helpdesk.server import accounts, errors, office, storage
from helpdesk.server.body import BodyLimit
from helpdesk.server.deps import KnownTokens
from helpdesk.server.office.exports import Exporter
from helpdesk.server.office.proxy import OfficeProxy
from helpdesk.server.routes import devices, enroll, health, receipts, sync
from helpdesk.server.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    """Build the app; the database is migrated and the server key made before it is returned,
    so a broken database fails at start, not at the first request."""
    engine = storage.make_engine(settings.db_url,
                                 connections=settings.threads + settings.office_threads)
    if settings.migrate:
        storage.migrate(engine)
    accounts.ensure_server_key(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Routes that touch the database run in anyio's worker threads: as many as the
        # settings say, each with a connection of the pool. The office console may hold
        # `office_threads` of them at once (its gate), so the sync API always has `threads`.
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = settings.threads + settings.office_threads
        yield
        app.state.exporter.close()
        engine.dispose()

    app = FastAPI(title="Helpdesk server", version="1", lifespan=lifespan,
                  summary="Enrollment and sync for trade-union help stations")
    app.state.settings = settings
    app.state.engine = engine
    app.state.known_tokens = KnownTokens()
    app.state.exporter = Exporter(settings.db_url)
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    for module in (health, enroll, devices, sync, receipts):
        app.include_router(module.router)
    # the union office's console under /office/
    office.install(app, settings.office_threads, settings.office_fresh_seconds)
    if settings.office_socket:  # served by the console's own process instead (office.process)
        app.add_middleware(OfficeProxy, socket_path=settings.office_socket)
    return app


def create_app_from_env() -> FastAPI:
    """The app for `uvicorn --factory` (several worker processes): settings from the
    environment ($HELPDESK_SERVER_DB)."""
    return create_app(Settings.from_env())
