"""POST /v1/sync/push and GET /v1/sync/pull (see `ingest` and `feed`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from helpdesk.server import feed, ingest
from helpdesk.server.deps import CallerDep, EngineDep, SettingsDep
from helpdesk.sync import wire

router = APIRouter(prefix="/v1/sync", tags=["sync"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": wire.ErrorEnvelope} for code in (400, 401, 403, 409, 413, 422)}


@router.post("/push", responses=_ERRORS)
def push(request: wire.PushRequest, caller: CallerDep, engine: EngineDep,
         settings: SettingsDep) -> wire.PushResponse:
    return ingest.push(engine, caller, request, settings.max_clock_ahead_ms)


@router.get("/pull", responses=_ERRORS)
def pull(caller: CallerDep, engine: EngineDep,
         after: Annotated[int, Query(ge=0)] = 0,
         limit: Annotated[int, Query(ge=1, le=wire.MAX_PULL)] = wire.MAX_PULL
         ) -> wire.PullResponse:
    return feed.pull(engine, caller, after, limit)
