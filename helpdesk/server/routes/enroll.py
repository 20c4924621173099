"""POST /v1/enroll: a station device joins with a one-time code (see `accounts.enroll`)."""

from __future__ import annotations

from fastapi import APIRouter

from helpdesk.server import accounts
from helpdesk.server.deps import EngineDep
from helpdesk.server.errors import documented
from helpdesk.sync import wire

router = APIRouter(prefix="/v1", tags=["enroll"])


@router.post("/enroll", responses=documented(400, 403, 409, 413, 415, 422))
def enroll(request: wire.EnrollRequest, engine: EngineDep) -> wire.EnrollResponse:
    return accounts.enroll(engine, request)
