"""POST /v1/sync/push and GET /v1/sync/pull (see `ingest` and `feed`).

Both answer with ready JSON in a Response: a returned model would be validated again by
FastAPI against the declared response model before being serialized, which for a pull page of
1,000 items cost more than reading it from the database. A push answer is its wire model
serialized once; a pull page is written straight from the rows (`feed.page`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from helpdesk.server import feed, ingest
from helpdesk.server.deps import CallerDep, EngineDep, SettingsDep
from helpdesk.sync import wire

router = APIRouter(prefix="/v1/sync", tags=["sync"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": wire.ErrorEnvelope} for code in (400, 401, 403, 409, 413, 422)}


def _json(message: wire.Message) -> Response:
    return Response(message.model_dump_json(), media_type="application/json")


@router.post("/push", responses=_ERRORS, response_model=wire.PushResponse)
def push(request: wire.PushRequest, caller: CallerDep, engine: EngineDep,
         settings: SettingsDep) -> Response:
    return _json(ingest.push(engine, caller, request, settings.max_clock_ahead_ms))


@router.get("/pull", responses=_ERRORS, response_model=wire.PullResponse)
def pull(caller: CallerDep, engine: EngineDep,
         after: Annotated[int, Query(ge=0)] = 0,
         limit: Annotated[int, Query(ge=1, le=wire.MAX_PULL)] = wire.MAX_PULL) -> Response:
    return Response(feed.page(engine, caller, after, limit), media_type="application/json")
