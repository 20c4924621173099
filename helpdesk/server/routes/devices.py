"""POST /v1/devices: another device of an enrolled station registers (see `devices`)."""

from __future__ import annotations

from fastapi import APIRouter

from helpdesk.server import devices
from helpdesk.server.deps import CallerDep, EngineDep
from helpdesk.server.errors import documented
from helpdesk.sync import wire

router = APIRouter(prefix="/v1", tags=["devices"])


@router.post("/devices", responses=documented(400, 401, 403, 409, 413, 415, 422))
def register(request: wire.DeviceRequest, caller: CallerDep,
             engine: EngineDep) -> wire.DeviceResponse:
    return devices.register(engine, caller, request)
