"""POST /v1/receipts/verify: check a receipt code against the server's keys and records."""

from __future__ import annotations

from fastapi import APIRouter

from helpdesk.server import receipts
from helpdesk.server.deps import CallerDep, EngineDep
from helpdesk.server.errors import documented

router = APIRouter(prefix="/v1/receipts", tags=["receipts"])


@router.post("/verify", responses=documented(400, 401, 413, 415, 422))
def verify(request: receipts.VerifyIn, caller: CallerDep,
           engine: EngineDep) -> receipts.VerifyOut:
    return receipts.verify(engine, caller, request.payload)
