"""POST /v1/sync/push and GET /v1/sync/pull (see `ingest` and `feed`).

Both answer with ready JSON in a Response: a returned model would be validated again by
FastAPI against the declared response model before being serialized, which for a pull page of
1,000 items cost more than reading it from the database. A push answer is its wire model
serialized once; a pull page is written straight from the rows (`feed.page`). A push body is
validated from its bytes by pydantic in one pass (FastAPI would parse it with `json` into
Python objects first and validate those: twice the work for a batch of 1,000 changes); an
invalid one raises the same `RequestValidationError`, so the same error envelope answers it.
The token is looked up inside the push's or pull's own transaction (`accounts.Bearer`); a
push's token is also checked before its body is parsed (`deps.KnownTokens`), so a stranger's
megabytes are never parsed.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from helpdesk.server import feed, ingest
from helpdesk.server.deps import BearerDep, CheckedBearerDep, EngineDep, SettingsDep
from helpdesk.server.deps import KnownTokensDep as KnownDep
from helpdesk.server.errors import ApiError, documented
from helpdesk.sync import wire

router = APIRouter(prefix="/v1/sync", tags=["sync"])


def _inline(schema: Any, defs: dict[str, Any]) -> Any:
    """A JSON schema with its `$defs` references replaced by the definitions themselves, so
    it stands on its own inside the OpenAPI document (whose "#" is the document, not it)."""
    if isinstance(schema, dict):
        ref = schema.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline(v, defs) for k, v in schema.items() if k != "$defs"}
    if isinstance(schema, list):
        return [_inline(v, defs) for v in schema]
    return schema


_PUSH_SCHEMA = wire.PushRequest.model_json_schema()
_PUSH_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": _inline(_PUSH_SCHEMA, _PUSH_SCHEMA.get("$defs", {}))}}}}


def _json(message: wire.Message) -> Response:
    return Response(message.model_dump_json(), media_type="application/json")


@router.post("/push", responses=documented(400, 401, 403, 409, 413, 415, 422),
             response_model=wire.PushResponse, openapi_extra=_PUSH_BODY)
async def push(raw: Request, bearer: CheckedBearerDep, engine: EngineDep,
               settings: SettingsDep, known: KnownDep) -> Response:
    try:
        request = wire.PushRequest.model_validate_json(await raw.body())
    except ValidationError as err:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])}
                                      for e in err.errors(include_url=False)]) from None
    try:
        answer = await run_in_threadpool(ingest.push, engine, bearer, request,
                                         settings.max_clock_ahead_ms,
                                         raw.headers.get("x-helpdesk-version", "")[:40],
                                         _client_ms(raw.headers.get("x-helpdesk-time", "")))
    except ApiError as err:
        if err.status == 401:  # revoked since it was last seen valid
            known.forget(bearer.token)
        raise
    return _json(answer)


def _client_ms(text: str) -> int | None:
    """The station's clock as its client sent it (ms since the epoch), or None: a header
    that is not a plausible number is ignored, never an error (it only feeds a display)."""
    if not text.isdigit() or len(text) > 15:
        return None
    return int(text)


@router.get("/pull", responses=documented(401, 422), response_model=wire.PullResponse)
def pull(bearer: BearerDep, engine: EngineDep, known: KnownDep,
         after: Annotated[int, Query(ge=0, le=wire.MAX_CURSOR)] = 0,
         limit: Annotated[int, Query(ge=1, le=wire.MAX_PULL)] = wire.MAX_PULL) -> Response:
    try:
        page = feed.page(engine, bearer, after, limit)
    except ApiError as err:
        if err.status == 401:
            known.forget(bearer.token)
        raise
    known.add(bearer.token)  # so the push that follows needs no lookup of its own
    return Response(page, media_type="application/json")
