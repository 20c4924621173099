"""Match records: the little another station of the region may know of a family.

Kept as a projection: every newly accepted family or aid change of a station refreshes its
family's record, which takes a new number in the region's server order, so stations pull the
newest record like any change. A record carries the keyed hash of the head's resident ID,
the masked ID, the name and pinyin keys, the station and the aid per programme (voided aid
left out) — never the full profile, never a signature.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.domain import idcard
from helpdesk.domain.changes import Change
from helpdesk.server import accounts, sequence, sql
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller
from helpdesk.sync import wire


def refresh(conn: Connection, caller: Caller, accepted: Iterable[tuple[Change, str]]) -> None:
    """Refresh the records of the families these newly accepted changes touch; call inside
    the push transaction, after the aid projection. A family state older (by HLC) than the
    record's is ignored; only the caller's own records are read or written (`rules`)."""
    states: dict[str, tuple[str, dict[str, Any]]] = {}
    touched: set[str] = set()
    for change, hlc in accepted:
        if change.entity == "family":
            touched.add(change.entity_id)
            if change.entity_id not in states or states[change.entity_id][0] <= hlc:
                states[change.entity_id] = (hlc, change.state)
        elif change.entity == "aid":
            touched.add(str(change.state["family_id"]))
    if not touched:
        return
    current, counts = records_and_counts(conn, caller.station_code, touched)
    key = accounts.region_key(conn, caller.region)
    rows = []
    for family_id in sorted(touched):
        old = current.get(family_id)
        fields = None
        if family_id in states:
            hlc, state = states[family_id]
            fields = {**record_fields(key, state), "hlc": hlc}
        if old is not None and (fields is None or fields["hlc"] < old.hlc):
            fields = {k: getattr(old, k) for k in ("id_hash", "masked_id", "name",
                                                   "name_pinyin", "name_initials", "hlc",
                                                   "employment", "reason")}
        if fields is None:
            continue  # aid of a family not seen yet: its record comes with the family
        rows.append({"family_id": family_id, "region": caller.region,
                     "station_code": caller.station_code,
                     "aid": json.dumps(counts[family_id], sort_keys=True), **fields})
    put(conn, caller.region, rows)


def records_and_counts(conn: Connection, station_code: str, family_ids: set[str]
                       ) -> tuple[dict[str, Any], dict[str, dict[str, int]]]:
    """The stored records of these families of the station by id, and their aid not voided,
    counted per programme (every family id has an entry, maybe empty)."""
    ids = {"ids": list(family_ids), "station_code": station_code}
    current = {row.family_id: row for row in conn.execute(
        sql.prepared(conn, _records_of), ids)}
    counts: dict[str, dict[str, int]] = {f: {} for f in family_ids}
    for family_id, programme_id, n in conn.execute(
            sql.prepared(conn, _counts_of), ids):
        counts[family_id][programme_id] = int(n)
    return current, counts


def _records_of(dialect: str) -> Any:
    r = st.match_records.c
    return sa.select(st.match_records).where(r.station_code == sa.bindparam("station_code"),
                                             sql.among_param(dialect, r.family_id, "ids"))


def _counts_of(dialect: str) -> Any:
    a = st.aid.c
    return (sa.select(a.family_id, a.programme_id, sa.func.count())
            .where(a.station_code == sa.bindparam("station_code"),
                   sql.among_param(dialect, a.family_id, "ids"), a.voided.is_(False))
            .group_by(a.family_id, a.programme_id))


def put(conn: Connection, region: str, rows: list[dict[str, Any]]) -> None:
    """Upsert whole records, numbered in the region's order so pullers see them anew. Call
    inside the push transaction (the region counter stays locked)."""
    if not rows:
        return
    for n, row in enumerate(rows, 1):
        row["server_seq"] = n
        row["item"] = item(row)
    names = [k for k in rows[0] if k not in ("station_code", "family_id")]
    sequence.insert_numbered(conn, st.match_records, region, rows, lambda stmt: (
        stmt.on_conflict_do_update(index_elements=["station_code", "family_id"],
                                   set_={k: stmt.excluded[k] for k in names})))


def record_fields(key: str, state: dict[str, Any]) -> dict[str, Any]:
    """What a match record says of a family state: the keyed ID hash, never the number."""
    resident = state.get("id_kind", "resident_id") == "resident_id"
    number = str(state.get("id_number") or "")
    return {"id_hash": wire.match_hash(key, number) if resident else "",
            "masked_id": idcard.mask(number) if number else "",
            "name": str(state.get("head_name", "")),
            "name_pinyin": str(state.get("name_pinyin", "")),
            "name_initials": str(state.get("name_initials", "")),
            # Not pulled by stations (`item`): the office's summaries class aid by them.
            "employment": str(state.get("employment", "")),
            "reason": str((state.get("reasons") or [""])[0])}


_ITEM_FIELDS = ("family_id", "station_code", "id_hash", "masked_id", "name", "name_pinyin",
                "name_initials", "hlc")


def item(row: dict[str, Any]) -> str:
    """A record's JSON as a pull hands it out, less "kind" and "server_seq" (`after` adds
    them): made once when the record is written, not for each station that pulls it."""
    return orjson.dumps({**{k: row[k] for k in _ITEM_FIELDS},
                         "aid": orjson.loads(row["aid"])}).decode()


def after(conn: Connection, caller: Caller, cursor: int, limit: int) -> list[tuple[int, str]]:
    """Other stations' records of the caller's region after the cursor, in server order, as
    (server_seq, JSON of a `wire.MatchRecord`)."""
    return [(int(seq), f'{{"kind":"match","server_seq":{int(seq)},{text[1:]}')
            for seq, text in conn.execute(sql.prepared(conn, _after), {
                "region": caller.region, "cursor": cursor,
                "station_code": caller.station_code, "limit": limit})]


def _after(_dialect: str) -> Any:
    r = st.match_records.c
    return (sa.select(r.server_seq, r.item)
            .where(r.region == sa.bindparam("region"), r.server_seq > sa.bindparam("cursor"),
                   r.station_code != sa.bindparam("station_code"))
            .order_by(r.server_seq).limit(sa.bindparam("limit", type_=sa.Integer)))
