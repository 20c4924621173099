"""The office's review queue of duplicate-aid alerts (`alerts`), and its decisions.

An alert is open until the office decides it: *allowed* (with the reason why) or *ask_void*
(the station that gave the later aid is asked to void it, the reason filled in for it). A
decision is stored once per alert in `decisions`, numbered in the region's server order
(`sequence`), and travels down to every station of the region at its next pull as an item
of kind "decision" (`after`, called by `feed`); both stations of the alert find it there.

The queue is shown one alert at a time in the order alerts were raised, with both aids side
by side: station, date, amount, volunteer, masked ID and why they match.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.domain.common import iso, utcnow
from helpdesk.server import ledger, sequence, sql
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller
from helpdesk.server.errors import ApiError
from helpdesk.server.summaries import in_scope

DECISIONS = ("allowed", "ask_void")
MAX_REASON = 400
MATCH_REASONS = {"same_id": ("身份证号相同", "Same resident ID number"),
                 "same_name": ("姓名相同", "Same name")}


def _open(region_prefix: str) -> Any:
    a, d = st.alerts.c, st.decisions.c
    decided = sa.exists().where(d.station_code == a.station_code, d.aid_id == a.aid_id)
    return sa.and_(in_scope(a.region, region_prefix), ~decided)


def open_count(conn: Connection, region_prefix: str) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(st.alerts)
                            .where(_open(region_prefix))).scalar_one())


def item(conn: Connection, region_prefix: str, position: int = 1) -> dict[str, Any] | None:
    """The open alert at `position` (1-based, oldest first) of the scope, with "position"
    and "of" (how many are open); None when there is no such alert."""
    a = st.alerts.c
    total = open_count(conn, region_prefix)
    if position < 1 or position > total:
        return None
    row = conn.execute(sa.select(st.alerts).where(_open(region_prefix))
                       .order_by(a.created_at, a.station_code, a.aid_id)
                       .offset(position - 1).limit(1)).first()
    if row is None:
        return None
    return {"position": position, "of": total, **_detail(conn, row)}


def get(conn: Connection, region_prefix: str, station_code: str, aid_id: str
        ) -> dict[str, Any] | None:
    """One alert of the scope, open or decided, with its decision; None outside the scope."""
    a = st.alerts.c
    row = conn.execute(sa.select(st.alerts).where(
        a.station_code == station_code, a.aid_id == aid_id,
        in_scope(a.region, region_prefix))).first()
    return None if row is None else _detail(conn, row)


def _detail(conn: Connection, alert: Any) -> dict[str, Any]:
    a = st.aid.c
    found = _aid_sides(conn, sa.and_(a.station_code == alert.station_code,
                                     a.id == alert.aid_id))
    this = found[0] if found else None
    others = []  # every aid of the programme the other stations gave the family
    for other in json.loads(alert.others):
        others += _aid_sides(conn, sa.and_(a.station_code == other["station_code"],
                                           a.family_id == other["family_id"],
                                           a.programme_id == alert.programme_id))
    reasons = ["same_id"]
    if this and others and all(o["name"] == this["name"] for o in others):
        reasons.append("same_name")
    d = st.decisions.c
    decision = conn.execute(sa.select(d.decision, d.reason, d.decided_by, d.decided_at)
                            .where(d.station_code == alert.station_code,
                                   d.aid_id == alert.aid_id)).first()
    return {"station_code": alert.station_code, "aid_id": alert.aid_id,
            "region": alert.region, "programme_id": alert.programme_id,
            "masked_id": alert.masked_id, "created_at": alert.created_at,
            "this": this, "others": others, "match_reasons": reasons,
            "decision": dict(decision._mapping) if decision else None}


def _aid_sides(conn: Connection, where: sa.ColumnElement[bool], limit: int = 10
               ) -> list[dict[str, Any]]:
    """The aid rows as sides of the comparison: those in force first, newest first."""
    a = st.aid.c
    rows = [ledger.row(r) for r in conn.execute(
        ledger.query(ledger.Filters()).where(where)
        .order_by(a.voided, a.local_date.desc(), a.id.desc()).limit(limit))]
    ledger.name_volunteers(conn, rows, {})
    return [{k: side[k] for k in ("station_code", "station_name", "id", "local_date",
                                  "amount_fen", "kind", "voided", "volunteer", "masked_id",
                                  "name", "receipt_no", "programme_code", "programme_name")}
            for side in rows]


def decide(conn: Connection, region_prefix: str, station_code: str, aid_id: str,
           decision: str, reason: str, by_user: str) -> dict[str, Any]:
    """Record the office's decision on an open alert of the scope, numbered for the region's
    stations to pull; call in a write transaction (`storage.write`). Raises ApiError: 404 for
    an alert outside the scope, 409 when it is decided already, 422 for a decision that is
    not one or an "allowed" without its reason."""
    a = st.alerts.c
    alert = conn.execute(sa.select(a.region).where(
        a.station_code == station_code, a.aid_id == aid_id,
        in_scope(a.region, region_prefix))).first()
    if alert is None:
        raise ApiError(404, "not_found", "No such alert", "没有这条提醒")
    if decision not in DECISIONS:
        raise ApiError(422, "bad_decision", "decision: choose allowed or ask_void",
                       "处理结果：请选择“允许”或“请站点作废”")
    reason = reason.strip()
    if decision == "allowed" and not reason:
        raise ApiError(422, "reason_required", "reason: say why the second aid is allowed",
                       "原因：请写明允许再次发放的原因")
    if len(reason) > MAX_REASON:
        raise ApiError(422, "reason_too_long", f"reason: at most {MAX_REASON} characters",
                       f"原因：最多 {MAX_REASON} 个字")
    row = {"station_code": station_code, "aid_id": aid_id, "region": alert.region,
           "decision": decision, "reason": reason, "decided_by": by_user[:64],
           "decided_at": iso(utcnow()), "server_seq": 1}
    done = sequence.insert_numbered(conn, st.decisions, alert.region, [row], lambda stmt: (
        stmt.on_conflict_do_nothing(index_elements=["station_code", "aid_id"])
        .returning(st.decisions.c.server_seq))).all()
    if not done:
        raise ApiError(409, "already_decided", "This alert is decided already",
                       "这条提醒已经处理过了")
    return {**row, "server_seq": int(done[0].server_seq)}


def after(conn: Connection, caller: Caller, cursor: int, limit: int) -> list[tuple[int, str]]:
    """The region's decisions after the cursor, in server order, as (server_seq, JSON of a
    `wire.Decision`) made by the database."""
    return [(int(seq), text) for seq, text in conn.execute(
        sql.prepared(conn, lambda _d: _after(conn), (_after,)),
        {"region": caller.region, "cursor": cursor, "limit": limit})]


def _after(conn: Connection) -> Any:
    d = st.decisions.c
    item = sql.json_object(conn, {
        "kind": "decision", "server_seq": d.server_seq, "station_code": d.station_code,
        "aid_id": d.aid_id, "decision": d.decision, "reason": d.reason,
        "decided_at": d.decided_at})
    return (sa.select(d.server_seq, item)
            .where(d.region == sa.bindparam("region"), d.server_seq > sa.bindparam("cursor"))
            .order_by(d.server_seq).limit(sa.bindparam("limit", type_=sa.Integer)))
