"""Helpers of the server and sync tests: PostgreSQL databases, enrolled devices, changes."""

from __future__ import annotations

import base64
import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import Engine, make_url

from helpdesk.domain.changes import Change
from helpdesk.domain.common import new_id
from helpdesk.domain.hlc import Hlc
from helpdesk.server import accounts

PG_DEFAULT = "postgresql+psycopg://helpdesk:helpdesk@127.0.0.1:5432/postgres"
HOW = ("PostgreSQL is not reachable ({err}): run `eval \"$(bash .ci/postgres.sh)\"`, which "
       "installs and starts it, creates the helpdesk role and prints HELPDESK_TEST_PG_URL")


class Client(Protocol):
    def get(self, url: str, **kwargs: Any) -> Any: ...
    def post(self, url: str, **kwargs: Any) -> Any: ...


@contextlib.contextmanager
def fresh_pg_database() -> Iterator[str]:
    """Create an empty PostgreSQL database through the helpdesk role; dropped afterwards."""
    admin_url = os.environ.get("HELPDESK_TEST_PG_URL", PG_DEFAULT)
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT",
                             connect_args={"connect_timeout": 3})
    name = f"helpdesk_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as err:
        admin.dispose()
        if os.environ.get("CI"):
            raise
        pytest.skip(HOW.format(err=str(err.orig).splitlines()[0] if err.orig else err))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def public_key() -> str:
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


@dataclass
class Device:
    """An enrolled station device as a test drives it: its token and its next change."""

    token: str
    station_id: str
    station_code: str
    region: str
    device_id: str
    epoch: int = 1
    seq: int = 0
    hlc_ms: int = 1_795_000_000_000
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def change(self, entity: str = "audit", state: dict[str, Any] | None = None,
               op: str = "put", entity_id: str | None = None, hlc: str | None = None
               ) -> Change:
        self.seq += 1
        self.hlc_ms += 1
        entity_id = entity_id or new_id()
        state = dict(state if state is not None else {"id": entity_id, "action": "test"})
        return Change(change_id=new_id(), device_id=self.device_id, epoch=self.epoch,
                      device_seq=self.seq, entity=entity,  # type: ignore[arg-type]
                      entity_id=entity_id, op=op,  # type: ignore[arg-type]
                      fields=tuple(sorted(state)), state=state,
                      hlc=hlc or str(Hlc(self.hlc_ms, 0)), author="v1")

    def aid(self, amount_fen: int, programme_id: str = "prog-1", day: str = "2026-11-20",
            voided: bool = False, aid_id: str | None = None,
            family_id: str = "fam-1") -> Change:
        aid_id = aid_id or new_id()
        state = {"id": aid_id, "family_id": family_id, "programme_id": programme_id,
                 "given_at": f"{day}T02:00:00.000000Z", "local_date": day, "kind": "cash",
                 "amount_fen": amount_fen, "goods": [], "service_note": "",
                 "recipient_name": "张三", "recipient_relation": "head",
                 "signature_hash": "ab" * 32, "volunteer_id": "v1",
                 "second_volunteer_id": None, "override_reason": "", "override_by": None,
                 "receipt_no": f"ABCD-2026-{self.seq + 1:05d}", "device_id": self.device_id,
                 "voided_at": "2026-11-21T00:00:00.000000Z" if voided else None,
                 "void_reason": "wrong" if voided else "", "voided_by": "v1" if voided else None,
                 "hlc": str(Hlc(self.hlc_ms, 0))}
        return self.change("aid", state, op="void" if voided else "put", entity_id=aid_id)

    def family(self, id_number: str = "", name: str = "张三", family_id: str | None = None,
               hlc: str | None = None) -> Change:
        family_id = family_id or new_id()
        state = {"id": family_id, "head_name": name, "id_kind": "resident_id",
                 "id_number": id_number, "name_pinyin": "zhang san", "name_initials": "zs",
                 "region": self.region, "hukou": "rural", "employment": "unemployed",
                 "merged_into": None, "hlc": hlc or str(Hlc(self.hlc_ms + 1, 0))}
        return self.change("family", state, entity_id=family_id, hlc=hlc)

    def raw_change(self, **overrides: Any) -> dict[str, Any]:
        """The JSON of a valid change with some fields replaced: a change the `Change`
        model itself would refuse to make."""
        return {**self.change().model_dump(mode="json"), **overrides}

    def push_body(self, changes: list[Change] | list[dict[str, Any]],
                  **overrides: Any) -> dict[str, Any]:
        body: dict[str, Any] = {"protocol": 1, "device_id": self.device_id, "epoch": self.epoch,
                                "changes": [c if isinstance(c, dict) else c.model_dump(mode="json")
                                            for c in changes]}
        body.update(overrides)
        return body


def enroll(client: Client, engine: Engine, region: str = "420111",
           name: str = "关山街道帮扶站") -> Device:
    """Add a station on the server and enroll one device of it over the API."""
    _code, enrollment = accounts.add_station(engine, name, region)
    station_id, device_id = new_id(), new_id()
    response = client.post("/v1/enroll", json={
        "protocol": 1, "code": enrollment, "station_id": station_id, "device_id": device_id,
        "epoch": 1, "device_public_key": public_key()})
    assert response.status_code == 200, response.text
    body = response.json()
    return Device(token=body["token"], station_id=station_id, station_code=body["station_code"],
                  region=body["region"], device_id=device_id)


def second_device(client: Client, engine: Engine,
                   first: Device) -> Device:
    """Another laptop of the same station, enrolled with a fresh code."""
    code = accounts.issue_code(engine, first.station_code)
    second = Device(token="", station_id=first.station_id,
                            station_code=first.station_code, region=first.region,
                            device_id=new_id())
    response = client.post("/v1/enroll", json={
        "protocol": 1, "code": code, "station_id": first.station_id,
        "device_id": second.device_id, "epoch": 1, "device_public_key": public_key()})
    assert response.status_code == 200, response.text
    second.token = response.json()["token"]
    return second


def push(client: Client, device: Device, changes: list[Change]) -> dict[str, Any]:
    response = client.post("/v1/sync/push", json=device.push_body(changes), headers=device.auth)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def count(engine: Engine, table: str, where: str = "") -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table} {where}").scalar_one())
