"""Helpers of the server and sync tests: PostgreSQL databases, enrolled devices, changes."""

from __future__ import annotations

import base64
import contextlib
import os
import time
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import Engine, make_url

from helpdesk.domain import idcard, receipt_code
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
        # FORCE may meet a backend of another role (autovacuum's, which PostgreSQL does not let
        # this role end): it is gone a moment later, so try again before giving up on the drop.
        for _ in range(10):
            try:
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except sa.exc.DBAPIError:
                time.sleep(0.5)
        else:
            warnings.warn(f"could not drop the test database {name}", stacklevel=1)
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
    setup: list[Change] = field(default_factory=list)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def change(self, entity: str = "audit", state: dict[str, Any] | None = None,
               op: str = "put", entity_id: str | None = None, hlc: str | None = None
               ) -> Change:
        self.seq += 1
        self.hlc_ms += 1
        entity_id = entity_id or new_id()
        if state is None:
            state = {"id": entity_id, "at": "2026-11-20T02:00:00.000000Z", "volunteer_id": "v1",
                     "action": "test", "entity": "", "entity_id": "", "screen": "",
                     "detail": {}, "device_id": self.device_id,
                     "hlc": hlc or str(Hlc(self.hlc_ms + 1, 0))}
        state = dict(state)
        return Change(change_id=new_id(), device_id=self.device_id, epoch=self.epoch,
                      device_seq=self.seq, entity=entity,  # type: ignore[arg-type]
                      entity_id=entity_id, op=op,  # type: ignore[arg-type]
                      fields=tuple(sorted(state)), state=state,
                      hlc=hlc or str(Hlc(self.hlc_ms, 0)), author="v1")

    def aid(self, amount_fen: int, programme_id: str = "prog-1", day: str = "2026-11-20",
            voided: bool = False, aid_id: str | None = None,
            family_id: str = "fam-1") -> Change:
        aid_id = aid_id or new_id()
        if voided and aid_id in self.extra.get("aid", {}):
            # A void carries the aid as it was given, with the void's fields set.
            state = {**self.extra["aid"][aid_id], "voided_at": "2026-11-21T00:00:00.000000Z",
                     "void_reason": "wrong", "voided_by": "v1",
                     "hlc": str(Hlc(self.hlc_ms + 1, 0))}
            return self.change("aid", state, op="void", entity_id=aid_id)
        if not voided:
            self.register(family_id, programme_id)
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
        self.extra.setdefault("aid", {})[aid_id] = state
        return self.change("aid", state, op="void" if voided else "put", entity_id=aid_id)

    def family(self, id_number: str = "", name: str = "张三", family_id: str | None = None,
               hlc: str | None = None, **fields: Any) -> Change:
        """A family's whole state, valid for the domain model (the server checks it)."""
        state = self.family_state(id_number, name, family_id, hlc, **fields)
        self.extra.setdefault("known", set()).add(("family", state["id"]))
        return self.change("family", state, entity_id=state["id"], hlc=hlc)

    def family_state(self, id_number: str = "", name: str = "张三",
                     family_id: str | None = None, hlc: str | None = None,
                     **fields: Any) -> dict[str, Any]:
        family_id = family_id or new_id()
        return {"id": family_id, "head_name": name,
                 "id_kind": "resident_id" if id_number else "none", "id_number": id_number,
                 "birth_date": idcard.birth_date(id_number).isoformat() if id_number else None,
                 "phone": "", "address": "", "region": self.region, "hukou": "rural",
                 "employment": "unemployed", "reasons": ["illness"], "income_fen": 0,
                 "insurance": [], "status": "active", "consent_date": None, "notes": "",
                 "name_pinyin": "zhang san", "name_initials": "zs", "merged_into": None,
                 "created_at": "2026-11-20T02:00:00.000000Z",
                 "updated_at": "2026-11-20T02:00:00.000000Z", "last_change_id": "c0",
                 "hlc": hlc or str(Hlc(self.hlc_ms + 1, 0)), **fields}

    def audit(self, detail: dict[str, Any]) -> Change:
        change = self.change()
        state = {**change.state, "detail": detail}
        return change.model_copy(update={"state": state})

    def programme(self, code: str = "SWN-27", programme_id: str | None = None) -> Change:
        """A station's own (local) programme."""
        programme_id = programme_id or code
        state = {"id": programme_id, "code": code, "name_zh": "送温暖", "name_en": "",
                 "kind": "cash", "starts_on": "2026-01-01", "ends_on": "2027-12-31",
                 "limit_per_family": 1, "budget_fen": None, "local": True, "active": True,
                 "hlc": str(Hlc(self.hlc_ms + 1, 0))}
        self.extra.setdefault("known", set()).add(("programme", programme_id))
        return self.change("programme", state, entity_id=programme_id)

    def register(self, family_id: str = "fam-1", programme_id: str = "prog-1") -> None:
        """Make the family and programme an aid names, as the station would have before it
        gave the aid (the server refuses aid of a family or programme it does not know): the
        next push sends them first (`setup`)."""
        known = self.extra.setdefault("known", set())
        if ("family", family_id) not in known and not family_id.startswith("other:"):
            known.add(("family", family_id))
            self.setup.append(self.family(family_id=family_id))
        if ("programme", programme_id) not in known and not programme_id.startswith("office:"):
            known.add(("programme", programme_id))
            code = programme_id if len(programme_id) <= 32 else "LOCAL-1"
            self.setup.append(self.programme(code, programme_id=programme_id))

    def raw_change(self, **overrides: Any) -> dict[str, Any]:
        """The JSON of a valid change with some fields replaced: a change the `Change`
        model itself would refuse to make."""
        return {**self.change().model_dump(mode="json"), **overrides}

    def push_body(self, changes: list[Change] | list[dict[str, Any]],
                  **overrides: Any) -> dict[str, Any]:
        """The push request of these changes, after the set-up changes not yet sent."""
        changes = [*self.setup, *changes]  # type: ignore[list-item]
        self.setup.clear()
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
    """Push and return the answer, less the answers to the set-up changes sent first."""
    setup = {c.change_id for c in device.setup}
    response = client.post("/v1/sync/push", json=device.push_body(changes), headers=device.auth)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    assert all(a["status"] == "accepted" for a in result["answers"]
               if a["change_id"] in setup), result
    result["answers"] = [a for a in result["answers"] if a["change_id"] not in setup]
    return result


def count(engine: Engine, table: str, where: str = "") -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table} {where}").scalar_one())


@dataclass
class Signer:
    """An enrolled device whose private key the test holds, so it can print receipts."""

    device: Device
    private: bytes
    key_id: str

    def code(self, aid: Any, **changed: Any) -> str:
        """The receipt code of a pushed aid change, optionally with other (signed) contents."""
        state = aid.state
        fields = {"receipt_no": state["receipt_no"],
                  "local_date": date.fromisoformat(state["local_date"]), "kind": state["kind"],
                  "amount_fen": state["amount_fen"], "lines": 0, "aid_id": aid.entity_id,
                  "station_id": self.device.station_id, "key_id": self.key_id, **changed}
        return receipt_code.sign(receipt_code.Payload(**fields), self.private)


def signer(client: Client, engine: Engine, region: str = "420111",
           name: str = "凭证站点") -> Signer:
    private, public = receipt_code.new_key()
    _code, enrollment = accounts.add_station(engine, name, region)
    station_id, device_id = new_id(), new_id()
    response = client.post("/v1/enroll", json={
        "protocol": 1, "code": enrollment, "station_id": station_id, "device_id": device_id,
        "epoch": 1, "device_public_key": base64.b64encode(public).decode()})
    assert response.status_code == 200, response.text
    body = response.json()
    device = Device(token=body["token"], station_id=station_id,
                            station_code=body["station_code"], region=body["region"],
                            device_id=device_id)
    return Signer(device, private, receipt_code.key_id_of(public))


def verify(client: Client, device: Device, payload: str) -> dict[str, Any]:
    """POST /v1/receipts/verify as this device; the answer's JSON (asserting a 200)."""
    response = client.post("/v1/receipts/verify", headers=device.auth,
                           json={"protocol": 1, "payload": payload})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result
