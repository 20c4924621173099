"""Devices after enrollment: a new laptop, or a restored or copied database, of an enrolled
station registers its public key (DESIGN.md point 8), and every station of the region pulls
the region's device keys, so receipts verify offline and a revoked key stops verifying.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from helpdesk.domain.common import iso, utcnow
from helpdesk.server import accounts, sql
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller
from helpdesk.server.errors import ApiError
from helpdesk.sync import wire


def register(engine: Engine, caller: Caller, request: wire.DeviceRequest) -> wire.DeviceResponse:
    """Register another device of the caller's station with its key and give it a token; one
    transaction. A device the server only knew from a push (no key yet) gets its key now;
    registering the same key again gives a fresh token. Raises ApiError 403 when the device
    belongs to another station, 409 when it has another key or epoch."""
    accounts.check_device_public_key(request.device_public_key)
    token = secrets.token_urlsafe(32)
    d = st.devices.c
    with st.write(engine) as conn:
        row = conn.execute(sa.select(d.station_code, d.epoch, d.public_key, d.revoked_at)
                           .where(d.device_id == request.device_id)).first()
        if row is None:
            conn.execute(st.devices.insert().values(
                device_id=request.device_id, station_code=caller.station_code,
                epoch=request.epoch, public_key=request.device_public_key,
                token_hash=accounts.digest(token), created_at=iso(utcnow())))
        else:
            if row.station_code != caller.station_code or row.revoked_at:
                raise ApiError(403, "other_station", "This device belongs to another station "
                               "or was revoked", "该设备属于其他站点或已被撤销")
            if row.epoch != request.epoch or row.public_key not in ("",
                                                                    request.device_public_key):
                raise ApiError(409, "device_key_mismatch", "This device is registered with "
                               "another key or epoch", "该设备已用其他密钥或纪元登记")
            conn.execute(st.devices.update().where(d.device_id == request.device_id).values(
                public_key=request.device_public_key, token_hash=accounts.digest(token)))
        accounts.publish_keys(conn, caller.region, [request.device_id])
    return wire.DeviceResponse(token=token, key_id=wire.key_id_of(request.device_public_key))


def after(conn: Connection, caller: Caller, cursor: int, limit: int) -> list[tuple[int, str]]:
    """The region's device keys whose news comes after the cursor, in server order, as
    (server_seq, JSON of a `wire.DeviceKey`)."""
    rows = conn.execute(sql.prepared(conn, _keys_after),
                        {"region": caller.region, "cursor": cursor, "limit": limit})
    return [(int(r.key_seq), json.dumps(
        {"kind": "key", "server_seq": r.key_seq, "key_id": wire.key_id_of(r.public_key),
         "station_id": r.station_id, "station_code": r.code, "device_id": r.device_id,
         "public_key": r.public_key, "created_at": r.created_at, "revoked_at": r.revoked_at},
        ensure_ascii=False, separators=(",", ":"))) for r in rows]


def _keys_after(_dialect: str) -> Any:
    d, s = st.devices.c, st.stations.c
    return (sa.select(d.key_seq, d.device_id, d.public_key, d.created_at, d.revoked_at,
                      s.station_id, s.code)
            .join(st.stations, s.code == d.station_code)
            .where(s.region == sa.bindparam("region"), d.key_seq > sa.bindparam("cursor"),
                   d.public_key != "", s.station_id.is_not(None))
            .order_by(d.key_seq).limit(sa.bindparam("limit", type_=sa.Integer)))
