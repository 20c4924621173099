"""GET /v1/health: the server is up and its database answers."""

from __future__ import annotations

import time

import sqlalchemy as sa
from fastapi import APIRouter

from helpdesk.server import storage as st
from helpdesk.server.deps import EngineDep
from helpdesk.sync import wire

router = APIRouter(prefix="/v1", tags=["health"])


@router.get("/health")
def health(engine: EngineDep) -> wire.Health:
    with st.read(engine) as conn:
        conn.execute(sa.select(1))
    return wire.Health(database=engine.dialect.name, server_time_ms=int(time.time() * 1000))
