"""POST /v1/receipts/verify: check a receipt code against the server's keys and records."""

from __future__ import annotations

from fastapi import APIRouter

from helpdesk.server import receipts
from helpdesk.server.deps import CallerDep, EngineDep
from helpdesk.sync import wire

router = APIRouter(prefix="/v1/receipts", tags=["receipts"])


@router.post("/verify", responses={code: {"model": wire.ErrorEnvelope} for code in (401, 422)})
def verify(request: receipts.VerifyIn, caller: CallerDep,
           engine: EngineDep) -> receipts.VerifyOut:
    return receipts.verify(engine, caller, request.payload)
