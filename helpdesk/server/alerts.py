"""Duplicate aid across stations: the same family (keyed hash of the resident ID) given the
same programme at two stations of a region raises an alert (one per aid that made it two).

Checked in the push transaction after the match records are refreshed, against the other
stations' records of the same ID hash, so whichever station's aid arrives second raises it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from helpdesk.domain.changes import Change
from helpdesk.domain.common import iso, utcnow
from helpdesk.server import sequence, sql
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller
from helpdesk.sync import wire


def check(conn: Connection, caller: Caller, accepted: Iterable[Change]) -> int:
    """Raise alerts for newly accepted, not voided aid; returns how many. Idempotent: an aid
    raises at most one alert (its id is the key)."""
    aid = [c for c in accepted if c.entity == "aid" and c.state.get("voided_at") is None]
    if not aid:
        return 0
    own = {row.family_id: row for row in conn.execute(
        sql.prepared(conn, _own_records),
        {"ids": list({str(c.state["family_id"]) for c in aid}),
         "station_code": caller.station_code})}
    hashes = {row.id_hash for row in own.values()}
    if not hashes:
        return 0
    others: dict[str, list[Any]] = {}
    for record in conn.execute(sql.prepared(conn, _other_records),
                               {"hashes": list(hashes), "station_code": caller.station_code}):
        others.setdefault(record.id_hash, []).append(record)
    rows: list[dict[str, Any]] = []
    for change in aid:
        family = own.get(str(change.state["family_id"]))
        if family is None:
            continue
        programme = str(change.state["programme_id"])
        earlier = [{"station_code": o.station_code, "family_id": o.family_id}
                   for o in others.get(family.id_hash, [])
                   if json.loads(o.aid).get(programme, 0) > 0]
        if earlier:
            rows.append({"aid_id": change.entity_id, "region": caller.region,
                         "programme_id": programme, "id_hash": family.id_hash,
                         "masked_id": family.masked_id, "station_code": caller.station_code,
                         "family_id": family.family_id, "others": json.dumps(earlier),
                         "created_at": iso(utcnow())})
    if not rows:
        return 0
    for n, values in enumerate(rows, 1):
        values["server_seq"] = n
    sequence.insert_numbered(conn, st.alerts, caller.region, rows,
                             lambda stmt: stmt.on_conflict_do_nothing(
                                 index_elements=["station_code", "aid_id"]))
    return len(rows)


def _own_records(dialect: str) -> Any:
    r = st.match_records.c
    return sa.select(r.family_id, r.id_hash, r.masked_id).where(
        sql.among_param(dialect, r.family_id, "ids"),
        r.station_code == sa.bindparam("station_code"), r.id_hash != "")


def _other_records(dialect: str) -> Any:
    r = st.match_records.c
    return sa.select(r.id_hash, r.station_code, r.family_id, r.aid).where(
        sql.among_param(dialect, r.id_hash, "hashes"),
        r.station_code != sa.bindparam("station_code"))


def _model(row: Any) -> wire.Alert:
    return wire.Alert(server_seq=row.server_seq, aid_id=row.aid_id,
                      programme_id=row.programme_id, masked_id=row.masked_id,
                      station_code=row.station_code, family_id=row.family_id,
                      others=tuple(json.loads(row.others)), created_at=row.created_at)


def after(conn: Connection, caller: Caller, cursor: int, limit: int) -> list[tuple[int, str]]:
    """The region's alerts after the cursor, in server order (every station gets them), as
    (server_seq, JSON of a `wire.Alert`) made by the database."""
    return [(int(seq), text) for seq, text in conn.execute(
        sql.prepared(conn, lambda _d: _after(conn), (_after,)),
        {"region": caller.region, "cursor": cursor, "limit": limit})]


def _after(conn: Connection) -> Any:
    a = st.alerts.c
    item = sql.json_object(conn, {
        "kind": "alert", "server_seq": a.server_seq, "aid_id": a.aid_id,
        "programme_id": a.programme_id, "masked_id": a.masked_id,
        "station_code": a.station_code, "family_id": a.family_id,
        "others": sql.json_text(conn, a.others), "created_at": a.created_at})
    return (sa.select(a.server_seq, item)
            .where(a.region == sa.bindparam("region"), a.server_seq > sa.bindparam("cursor"))
            .order_by(a.server_seq).limit(sa.bindparam("limit", type_=sa.Integer)))


def all_(engine: Engine) -> list[dict[str, Any]]:
    """Every alert, oldest first, for `report`."""
    with st.read(engine) as conn:
        rows = conn.execute(sa.select(st.alerts).order_by(st.alerts.c.created_at)).all()
    return [{"region": row.region, **_model(row).model_dump(mode="json",
                                                           exclude={"kind", "server_seq"})}
            for row in rows]
