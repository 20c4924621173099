"""Stations, one-time enrollment codes, device tokens, the server's key pair, regions' keys.

Tokens and codes are random and kept only hashed (SHA-256): a copy of the server database
gives no working token or code. (The server's Ed25519 private key and the regions' match keys
are stored in the database as they are, for now.) Station, device and region are always found
from the token, never taken from a request.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import Connection, Engine

from helpdesk.domain import regions, sealing
from helpdesk.domain.common import iso
from helpdesk.domain.errors import Invalid
from helpdesk.server import sequence, sql
from helpdesk.server import storage as st
from helpdesk.server.errors import ApiError
from helpdesk.sync import wire

_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # read aloud and typed back: no 0/O, 1/I/L


@dataclass(frozen=True)
class Caller:
    """Who a valid token belongs to."""

    station_code: str
    station_id: str
    region: str
    device_id: str
    epoch: int


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def new_enrollment_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _normal_code(code: str) -> str:
    return code.strip().upper().replace(" ", "").replace("-", "")


def add_station(engine: Engine, name: str, region: str, hours: int = 72) -> tuple[str, str]:
    """Create a station with its readable code and a one-time enrollment code valid for
    `hours`; returns (station code, enrollment code). One transaction; ValueError for a bad
    region or name."""
    region = regions.validate(region)
    name = name.strip()
    if not 2 <= len(name) <= 120:
        raise Invalid("station_name", "站点名称为 2 至 120 个字", "The station name is 2 to 120 "
                      "characters", "name")
    code = new_enrollment_code()
    with st.write(engine) as conn:
        taken = conn.execute(sa.select(sa.func.count()).select_from(st.stations)
                             .where(st.stations.c.region == region)).scalar_one()
        station_code = f"{region}-{taken + 1:03d}"
        conn.execute(st.stations.insert().values(code=station_code, name=name, region=region,
                                                 created_at=iso(_now())))
        conn.execute(st.enrollment_codes.insert().values(
            code_hash=digest(_normal_code(code)), station_code=station_code,
            expires_at=iso(_now() + timedelta(hours=hours))))
    return station_code, code


def issue_code(engine: Engine, station_code: str, hours: int = 72) -> str:
    """A new one-time enrollment code for an existing station (another laptop, a lost token).
    Raises KeyError when there is no such station or it was revoked."""
    code = new_enrollment_code()
    with st.write(engine) as conn:
        found = conn.execute(sa.select(st.stations.c.code).where(
            st.stations.c.code == station_code, st.stations.c.revoked_at.is_(None))).first()
        if found is None:
            raise KeyError(station_code)
        conn.execute(st.enrollment_codes.insert().values(
            code_hash=digest(_normal_code(code)), station_code=station_code,
            expires_at=iso(_now() + timedelta(hours=hours))))
    return code


def list_stations(engine: Engine) -> list[dict[str, object]]:
    with st.read(engine) as conn:
        devices = sa.select(sa.func.count()).where(
            st.devices.c.station_code == st.stations.c.code).scalar_subquery()
        rows = conn.execute(sa.select(st.stations, devices.label("devices"))
                            .order_by(st.stations.c.code)).mappings().all()
    return [dict(r) for r in rows]


def revoke_station(engine: Engine, station_code: str) -> bool:
    """Revoke a station, its devices' tokens and keys (the region's stations learn it at
    their next pull); False when there is no such station."""
    now = iso(_now())
    with st.write(engine) as conn:
        region = conn.execute(sa.select(st.stations.c.region)
                              .where(st.stations.c.code == station_code)).scalar()
        if region is None:
            return False
        conn.execute(st.stations.update().where(st.stations.c.code == station_code)
                     .values(revoked_at=now))
        revoked = list(conn.execute(
            st.devices.update().where(st.devices.c.station_code == station_code,
                                      st.devices.c.revoked_at.is_(None))
            .values(revoked_at=now).returning(st.devices.c.device_id)).scalars())
        publish_keys(conn, region, revoked)
    return True


def revoke_device(engine: Engine, station_code: str, device_id: str) -> bool:
    """Revoke one device of a station (a lost laptop): its token stops working and the
    region's stations pull the revocation of its key; False when the station has no such
    active device."""
    d = st.devices.c
    with st.write(engine) as conn:
        region = conn.execute(sa.select(st.stations.c.region)
                              .where(st.stations.c.code == station_code)).scalar()
        done = conn.execute(st.devices.update().where(
            d.device_id == device_id, d.station_code == station_code, d.revoked_at.is_(None))
            .values(revoked_at=iso(_now()))).rowcount
        if region is None or done != 1:
            return False
        publish_keys(conn, region, [device_id])
    return True


def devices_of(engine: Engine, station_codes: list[str]) -> list[dict[str, object]]:
    """These stations' devices (no secrets), with the time the server last received a
    change of their station: the newest of the station's changes in region order (one
    index probe per station)."""
    d, c, s = st.devices.c, st.changes.c, st.stations.c
    last = (sa.select(c.received_at).where(c.region == s.region, c.station_code == s.code,
                                           c.server_seq.is_not(None))
            .order_by(c.server_seq.desc()).limit(1).scalar_subquery())
    with st.read(engine) as conn:
        rows = conn.execute(
            sa.select(s.code.label("station_code"), last.label("last_received"), d.device_id,
                      d.epoch, d.created_at, d.revoked_at, (d.public_key != "").label("keyed"))
            .select_from(st.stations.outerjoin(st.devices, d.station_code == s.code))
            .where(s.code.in_(station_codes)).order_by(s.code, d.created_at)).mappings().all()
    return [dict(r) for r in rows]


def code_is_live(engine: Engine, station_code: str, code: str) -> bool:
    """Whether `code` is an unspent, unexpired enrollment code of this station."""
    e = st.enrollment_codes.c
    with st.read(engine) as conn:
        row = conn.execute(sa.select(e.station_code).where(
            e.code_hash == digest(_normal_code(code)), e.station_code == station_code,
            e.used_at.is_(None), e.expires_at > iso(_now()))).first()
    return row is not None


def publish_keys(conn: Connection, region: str, device_ids: list[str]) -> None:
    """Give these devices' keys a new place in the region's order, so every station of the
    region pulls their news (a new key, a revocation). Call inside the write transaction."""
    with_key = list(conn.execute(sa.select(st.devices.c.device_id).where(
        st.devices.c.device_id.in_(device_ids), st.devices.c.public_key != "")
        .order_by(st.devices.c.device_id)).scalars())
    if not with_key:
        return
    first = sequence.allocate(conn, region, len(with_key)) + 1
    for n, device_id in enumerate(with_key):
        conn.execute(st.devices.update().where(st.devices.c.device_id == device_id)
                     .values(key_seq=first + n))



def check_device_public_key(text: str) -> None:
    """A device's key must be a raw 32-byte Ed25519 key in base64; else ApiError 422."""
    try:
        key = base64.b64decode(text, validate=True)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ApiError(422, "bad_public_key", "The device public key is not a raw Ed25519 key",
                       "设备公钥格式不对")

def enroll(engine: Engine, request: wire.EnrollRequest, *,
           signed: bool = False) -> wire.EnrollResponse:
    """Spend a one-time code: bind the station's UUID, register the device, issue its token.

    One transaction; the code is marked used by a conditional UPDATE, so two enrollments
    racing for one code cannot both win. Raises ApiError 403/409 with a clear code.
    `signed`: the request came in a bundle signed by the device's key (the caller checked
    it), so the same request made again, with the code this device already spent, is
    answered with a fresh token: a lost or re-imported answer bundle must not strand it.
    """
    check_device_public_key(request.device_public_key)
    token = secrets.token_urlsafe(32)
    now = iso(_now())
    with st.write(engine) as conn:
        code_hash = digest(_normal_code(request.code))
        row = conn.execute(sa.select(st.enrollment_codes, st.stations).join(
            st.stations, st.stations.c.code == st.enrollment_codes.c.station_code).where(
            st.enrollment_codes.c.code_hash == code_hash)).mappings().first()
        if signed and row is not None and _spent_by(conn, row, request):
            conn.execute(st.devices.update().where(st.devices.c.device_id == request.device_id)
                         .values(token_hash=digest(token)))
        else:
            _spend(conn, row, code_hash, request, token, now)
        assert row is not None  # _spend refuses an unknown code
        public = server_public_key(conn)
        bundle_key = server_public_key(conn, "bundle")
        match_key = region_key(conn, row["region"])
    return wire.EnrollResponse(token=token, station_code=row["station_code"],
                               station_name=row["name"], region=row["region"],
                               server_public_key=public, match_key=match_key,
                               server_bundle_key=bundle_key,
                               server_time_ms=int(_now().timestamp() * 1000))


def _spent_by(conn: Connection, row: Any, request: wire.EnrollRequest) -> bool:
    """Whether this code was spent by this very device with this key, still active."""
    device = conn.execute(sa.select(st.devices).where(
        st.devices.c.device_id == request.device_id)).mappings().first()
    return (row["used_at"] is not None and row["revoked_at"] is None
            and row["station_id"] == request.station_id and device is not None
            and device["station_code"] == row["station_code"] and device["revoked_at"] is None
            and device["public_key"] == request.device_public_key
            and device["epoch"] == request.epoch)


def _spend(conn: Connection, row: Any, code_hash: str, request: wire.EnrollRequest,
           token: str, now: str) -> None:
    if row is None or row["used_at"] is not None or row["revoked_at"] is not None:
        raise ApiError(403, "enrollment_refused",
                       "This enrollment code is unknown, already used or revoked",
                       "登记码无效、已被使用或已被撤销")
    if row["expires_at"] <= now:
        raise ApiError(403, "enrollment_expired", "This enrollment code has expired: ask "
                       "the union office for a new one", "登记码已过期，请向工会索取新的登记码")
    if row["station_id"] not in (None, request.station_id):
        raise ApiError(409, "station_bound", "This server station is already bound to "
                       "another station", "该站点已与另一个站点绑定")
    claimed = conn.execute(sa.select(st.stations.c.code).where(
        st.stations.c.station_id == request.station_id,
        st.stations.c.code != row["station_code"])).first()
    if claimed is not None or conn.execute(sa.select(st.devices.c.device_id).where(
            st.devices.c.device_id == request.device_id)).first() is not None:
        raise ApiError(409, "already_enrolled", "This station or device is already "
                       "enrolled", "该站点或设备已登记")
    used = conn.execute(st.enrollment_codes.update().where(
        st.enrollment_codes.c.code_hash == code_hash,
        st.enrollment_codes.c.used_at.is_(None)).values(used_at=now)).rowcount
    if used != 1:
        raise ApiError(403, "enrollment_refused", "This enrollment code was just used",
                       "登记码刚刚已被使用")
    conn.execute(st.stations.update().where(st.stations.c.code == row["station_code"])
                 .values(station_id=request.station_id, enrolled_at=now))
    conn.execute(st.devices.insert().values(
        device_id=request.device_id, station_code=row["station_code"],
        epoch=request.epoch, public_key=request.device_public_key,
        token_hash=digest(token), created_at=now))
    publish_keys(conn, row["region"], [request.device_id])


def device_caller(engine: Engine, device_id: str) -> tuple[Caller, str] | None:
    """The device as a caller and its public key (base64; "" when the server has none), or
    None when the server does not know it; ApiError 401 when it or its station is revoked.
    A bundle names its device and is signed by its key, as a request shows a token."""
    with st.read(engine) as conn:
        row = conn.execute(sa.select(st.devices, st.stations.c.station_id,
                                     st.stations.c.region,
                                     st.stations.c.revoked_at.label("station_revoked"))
                           .join(st.stations, st.stations.c.code == st.devices.c.station_code)
                           .where(st.devices.c.device_id == device_id)).mappings().first()
    if row is None:
        return None
    if row["revoked_at"] or row["station_revoked"]:
        raise ApiError(401, "device_revoked", "This device or its station was revoked",
                       "该设备或其站点已被撤销")
    return (Caller(row["station_code"], row["station_id"], row["region"], row["device_id"],
                   row["epoch"]), str(row["public_key"]))


@dataclass(frozen=True)
class Bearer:
    """A station token not looked up yet: push and pull look it up in their own transaction
    (`caller_in`), so a request costs one transaction, not a second one for the token."""

    token: str


_BY_TOKEN = (sa.select(st.devices.c.station_code, st.devices.c.device_id, st.devices.c.epoch,
                       st.devices.c.revoked_at, st.stations.c.station_id, st.stations.c.region,
                       st.stations.c.revoked_at.label("station_revoked"))
             .join(st.stations, st.stations.c.code == st.devices.c.station_code)
             .where(st.devices.c.token_hash == sa.bindparam("token_hash")))


def caller_in(conn: Connection, who: Caller | Bearer) -> Caller:
    """The caller itself, or the device a bearer token belongs to, read in this transaction;
    ApiError 401 when the token is unknown or revoked."""
    if isinstance(who, Caller):
        return who
    row = conn.execute(_BY_TOKEN, {"token_hash": digest(who.token)}).first()
    if row is None or row.revoked_at or row.station_revoked:
        raise ApiError(401, "bad_token", "The station token is unknown or revoked: enroll again",
                       "站点令牌无效或已被撤销，请重新登记",
                       headers={"WWW-Authenticate": "Bearer"})
    return Caller(row.station_code, row.station_id, row.region, row.device_id, row.epoch)


def caller(engine: Engine, token: str) -> Caller:
    """The device a bearer token belongs to; ApiError 401 when unknown or revoked."""
    with st.read(engine) as conn:
        return caller_in(conn, Bearer(token))


def ensure_server_key(engine: Engine) -> str:
    """Make the server's key pairs at first start: Ed25519 ("main", signs answer bundles and
    is pinned by stations) and X25519 ("bundle", bundles are sealed to it). Returns the
    public signing key (base64)."""
    with st.write(engine) as conn:
        for name, make in (("main", sealing.new_signing_key), ("bundle", sealing.new_box_key)):
            if conn.execute(sa.select(st.server_keys.c.name)
                            .where(st.server_keys.c.name == name)).first() is None:
                private, public = make()
                conn.execute(sql.insert(conn, st.server_keys).values(
                    name=name, private_key=private, public_key=public, created_at=iso(_now()))
                    .on_conflict_do_nothing(index_elements=["name"]))
        return server_public_key(conn)


# Region keys are made once and never changed, so a key read from the database (committed:
# this one's own new key is not cached, its transaction may still roll back) is kept per
# engine, and pushes of the region stop reading it.
_region_keys: weakref.WeakKeyDictionary[Engine, dict[str, str]] = weakref.WeakKeyDictionary()
_KEY_OF = sa.select(st.region_keys.c.match_key).where(
    st.region_keys.c.region == sa.bindparam("region"))


def region_key(conn: Connection, region: str) -> str:
    """The region's match key (base64), made at first use; call inside a write transaction."""
    cached = _region_keys.setdefault(conn.engine, {})
    if region in cached:
        return cached[region]
    known = conn.execute(_KEY_OF, {"region": region}).scalar()
    if known is not None:
        cached[region] = str(known)
        return str(known)
    conn.execute(sql.insert(conn, st.region_keys).values(
        region=region, match_key=base64.b64encode(os.urandom(32)).decode(),
        created_at=iso(_now())).on_conflict_do_nothing(index_elements=["region"]))
    return str(conn.execute(_KEY_OF, {"region": region}).scalar_one())


def server_public_key(conn: Connection, name: str = "main") -> str:
    """The server's public Ed25519 key ("main") or X25519 bundle key ("bundle"), base64."""
    return str(conn.execute(sa.select(st.server_keys.c.public_key)
                            .where(st.server_keys.c.name == name)).scalar_one())


def server_secret(engine: Engine, name: str = "main") -> str:
    """The private half (base64 of the raw 32 bytes) of one of the server's key pairs."""
    with st.read(engine) as conn:
        return str(conn.execute(sa.select(st.server_keys.c.private_key)
                                .where(st.server_keys.c.name == name)).scalar_one())


def server_private_key(engine: Engine) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(server_secret(engine)))
