"""POST /v1/enroll: a station device joins with a one-time code (see `accounts.enroll`)."""

from __future__ import annotations

from fastapi import APIRouter

from helpdesk.server import accounts
from helpdesk.server.deps import EngineDep
from helpdesk.sync import wire

router = APIRouter(prefix="/v1", tags=["enroll"])


@router.post("/enroll", responses={403: {"model": wire.ErrorEnvelope},
                                   409: {"model": wire.ErrorEnvelope}})
def enroll(request: wire.EnrollRequest, engine: EngineDep) -> wire.EnrollResponse:
    return accounts.enroll(engine, request)
