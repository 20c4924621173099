"""Checking a receipt code centrally (`POST /v1/receipts/verify`).

The code is read and its signature checked by `helpdesk.domain.receipt_code`, the module the
station uses; the key comes from the server's device keys, the truth from the aid changes the
server stored. A receipt of a revoked key gets the verdict a station gives it offline
(`receipt_code.revoked_key_rule`: signed before the revocation stands, after is refused), and
the answer says whether the server ever received the aid. Read-only; scoped to the caller's
region like everything else: of another region's receipt it says only that.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection, Engine

from helpdesk.domain import receipt_code
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller
from helpdesk.sync import wire

Reason = Literal["", "voided", "bad_format", "unknown_key", "other_region", "wrong_station",
                 "bad_signature", "revoked_key", "mismatch"]


class VerifyIn(BaseModel):
    """A receipt code as scanned or typed (spaces and lower case are forgiven)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    protocol: Literal[1]
    payload: str = Field(min_length=1, max_length=400)


class VerifyOut(BaseModel):
    """The verdict. `valid` only for a genuine receipt of aid that stands (not voided);
    `reason` says what is wrong ("" when valid); `altered` names the fields on the receipt that
    differ from the server's record. The receipt's fields are echoed when the code could be
    read and its key is of the caller's region (of another region's receipt, nothing but
    `other_region`); `recorded` says whether the server has the aid."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    valid: bool
    voided: bool = False
    reason: Reason = ""
    message: str
    message_zh: str
    recorded: bool = False
    altered: tuple[str, ...] = ()
    receipt_no: str | None = None
    local_date: date | None = None
    kind: str | None = None
    amount_fen: int | None = None
    lines: int | None = None
    aid_id: str | None = None
    station_id: str | None = None
    station_code: str | None = None
    key_id: str | None = None


_TEXT: dict[str, tuple[str, str]] = {
    "": ("genuine receipt", "凭证有效"),
    "voided": ("genuine receipt, but the aid was voided", "凭证属实，但这笔发放已作废"),
    "unknown_key": ("signed by a key the server does not know", "签名密钥在服务器上未知"),
    "other_region": ("a receipt of another region's station", "这是其他地区站点的凭证"),
    "wrong_station": ("the station on the receipt is not the station of its key",
                      "凭证上的站点与签名密钥所属站点不一致"),
    "bad_signature": ("the signature does not match the contents: altered or mistyped",
                      "签名与内容不符：凭证被改动或抄错"),
    "revoked_key": ("signed by a key revoked before the receipt's date",
                    "签名密钥在凭证日期之前已被吊销"),
    "mismatch": ("signed, but different from the server's record", "签名正确，但与服务器记录不符"),
}


def verify(engine: Engine, caller: Caller, text: str) -> VerifyOut:
    """Check one receipt code against the server's keys and aid records; read-only."""
    return check(engine, lambda region: region == caller.region, text)


def check(engine: Engine, sees: Callable[[str], bool], text: str) -> VerifyOut:
    """`verify` for whoever sees the regions `sees` accepts (a station its own region, an
    office user their region prefix): of any other region's receipt it says only that."""
    try:
        signed = receipt_code.parse(text)
    except receipt_code.PayloadError as err:
        return VerifyOut(valid=False, reason="bad_format", message=f"bad format: {err.en}",
                         message_zh=f"格式不对：{err.zh}")
    p = signed.payload
    fields: dict[str, Any] = {"receipt_no": p.receipt_no, "local_date": p.local_date,
                              "kind": p.kind, "amount_fen": p.amount_fen, "lines": p.lines,
                              "aid_id": p.aid_id, "station_id": p.station_id, "key_id": p.key_id}
    with st.read(engine) as conn:
        key = _key(conn, p.key_id)
        state = _state(conn, key.code, p.aid_id) if key is not None else None
    if key is None:
        return _out("unknown_key", fields)
    if not sees(key.region):
        return _out("other_region", {})  # nothing of another region's station or receipt
    fields["station_code"] = key.code
    if key.station_id != p.station_id:
        return _out("wrong_station", fields)
    altered = _altered(p, state) if state is not None else ()
    recorded = state is not None
    if not receipt_code.signature_ok(signed, base64.b64decode(key.public_key)):
        return _out("bad_signature", fields, recorded=recorded, altered=altered)
    revoked = (receipt_code.revoked_key_rule(p.local_date, key.revoked_at)
               if key.revoked_at is not None else None)  # the stations' rule too
    if revoked is not None and not revoked.stands:
        return _out("revoked_key", fields, revoked, recorded=recorded, altered=altered)
    if altered:
        return _out("mismatch", fields, revoked, recorded=recorded, altered=altered)
    voided = state is not None and state.get("voided_at") is not None
    return _out("voided" if voided else "", fields, revoked, recorded=recorded, voided=voided)


def _out(reason: Reason, fields: dict[str, Any], revoked: receipt_code.Revoked | None = None,
         **extra: Any) -> VerifyOut:
    en, zh = _TEXT.get(reason, (reason, reason))
    if revoked is not None:  # say which side of the revocation the receipt is on
        if reason == "revoked_key":
            en, zh = revoked.en, revoked.zh
        else:
            en, zh = f"{en}; {revoked.en}", f"{zh}；{revoked.zh}"
        if not extra.get("recorded"):
            en += "; the server never received this aid"
            zh += "；服务器从未收到这笔发放的记录"
    altered = extra.get("altered", ())
    if altered:
        en += "; altered: " + ", ".join(altered)
        zh += "；被改动：" + "、".join(_FIELD_ZH.get(a, a) for a in altered)
    return VerifyOut(valid=reason == "", reason=reason, message=en, message_zh=zh, **fields,
                     **extra)


_FIELD_ZH = {"amount_fen": "金额", "receipt_no": "凭证号", "local_date": "日期",
             "kind": "发放方式", "lines": "物资行数", "station": "站点"}


def _altered(p: receipt_code.Payload, state: dict[str, Any]) -> tuple[str, ...]:
    """The receipt's fields that differ from the recorded aid state."""
    kind = str(state.get("kind", ""))
    lines = len(state.get("goods") or ()) if kind == "goods" else 0
    recorded = {"amount_fen": state.get("amount_fen"), "receipt_no": state.get("receipt_no"),
                "local_date": state.get("local_date"), "kind": kind, "lines": lines}
    on_receipt = {"amount_fen": p.amount_fen, "receipt_no": p.receipt_no,
                  "local_date": p.local_date.isoformat(), "kind": p.kind, "lines": p.lines}
    return tuple(k for k in recorded if recorded[k] != on_receipt[k])


def _key(conn: Connection, key_id: str) -> Any:
    """The device key with this id (the station's region and UUID with it), or None."""
    d, s = st.devices.c, st.stations.c
    rows = conn.execute(sa.select(d.public_key, d.revoked_at, s.code, s.region, s.station_id)
                        .join(st.stations, s.code == d.station_code)
                        .where(d.public_key != ""))
    # Key ids are not stored; a server has thousands of devices at most, so hash them here.
    return next((r for r in rows if wire.key_id_of(r.public_key) == key_id), None)


def _state(conn: Connection, station_code: str, aid_id: str) -> dict[str, Any] | None:
    """The station's aid of this id as last accepted, or None (ids are per station: another
    station's row of the same id is not this receipt's)."""
    c = st.changes.c
    body = conn.execute(sa.select(c.body)
                        .where(c.station_code == station_code, c.entity_id == aid_id,
                               c.entity == "aid", c.status == "accepted")
                        .order_by(c.server_seq.desc()).limit(1)).scalar()
    if body is None:
        return None
    state: dict[str, Any] = json.loads(body)["state"]
    return state
