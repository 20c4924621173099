"""Family edits and merges on the server (DESIGN.md "Sync protocol" point 5).

The server merges a family's edits field by field by the same rules as every station
(`domain.fieldmerge`, over the accepted changes of that family), so its match record carries
the same winning name and ID as the station's copies, and `conflicts` names the same losing
values. A `merge` change joins a duplicate family into the one kept: the aid projection of
the merged family is folded into the kept one (so match-record counts and duplicate-aid
alerts see one family), and the merged family's record is emptied (no ID hash, no aid) so
no station finds it as a second family any more. Called in the push transaction by
`ingest._project`, after the match records are refreshed and before alerts are checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.domain import fieldmerge
from helpdesk.domain.changes import Change
from helpdesk.server import accounts, matches, sql
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller


def project(conn: Connection, caller: Caller, accepted: Iterable[Change]) -> None:
    """Bring match records and the aid projection in step with newly accepted family edits,
    merges and aid of merged families. Idempotent; the same whatever order changes come in."""
    edited: set[str] = set()
    merged: set[str] = set()
    aid_of: dict[str, str] = {}
    for c in accepted:
        if c.entity == "family" and c.op == "merge":
            merged.add(c.entity_id)
        elif c.entity == "family" and c.base_change_id is not None:
            edited.add(c.entity_id)
        elif c.entity == "aid":
            aid_of[c.entity_id] = str(c.state["family_id"])
    station = caller.station_code  # a station's families are its own (`rules`)
    if aid_of:
        merged |= _merged_among(conn, station, set(aid_of.values()))
    if not edited and not merged:
        return
    touched = set(edited)
    for family_id in sorted(merged):
        kept = kept_of(conn, station, family_id)
        if kept == family_id:
            continue
        a = st.aid.c
        conn.execute(st.aid.update().where(a.station_code == station, a.family_id == family_id)
                     .values(family_id=kept))
        touched |= {family_id, kept}
    _rewrite_records(conn, caller, touched)


def _writes(conn: Connection, station: str, family_id: str
            ) -> list[tuple[Change, list[fieldmerge.Write]]]:
    c = st.changes.c
    rows = conn.execute(sa.select(c.body).where(c.station_code == station,
                                                c.entity_id == family_id, c.entity == "family",
                                                c.status == "accepted")).scalars()
    out = []
    for body in rows:
        change = Change.model_validate_json(body)
        out.append((change, fieldmerge.writes_of(change)))
    return out


def state(conn: Connection, station: str, family_id: str) -> dict[str, Any] | None:
    """The station's family's state merged field by field from its accepted changes, or
    None."""
    found = _writes(conn, station, family_id)
    if not found:
        return None
    first = min(found, key=lambda x: x[0].hlc)[0]
    return fieldmerge.merged_state(first.state, [w for _, ws in found for w in ws])


def conflicts(conn: Connection, station: str, family_id: str) -> list[fieldmerge.Lost]:
    """The family's losing values the stations flag for review (the same on every copy)."""
    return fieldmerge.lost([w for _, ws in _writes(conn, station, family_id) for w in ws])


def kept_of(conn: Connection, station: str, family_id: str) -> str:
    """The station's family this one was merged into, following merges (itself when not
    merged)."""
    seen = {family_id}
    current = family_id
    while True:
        into = (state(conn, station, current) or {}).get("merged_into") \
            if _merged_among(conn, station, {current}) else None
        if not into or into in seen:
            return current
        current = str(into)
        seen.add(current)


def _merged_among(conn: Connection, station: str, family_ids: set[str]) -> set[str]:
    return set(conn.execute(sql.prepared(conn, _merges_of),
                            {"ids": list(family_ids), "station_code": station}).scalars())


def _merges_of(dialect: str) -> Any:
    c = st.changes.c
    # `op = 'merge'` written out, not a parameter: so even a plan made once for all values
    # (PostgreSQL's generic plan of a prepared statement) sees the partial index
    # changes_merges, which holds the few merge changes and nothing else.
    return (sa.select(c.entity_id).distinct()
            .where(sa.text("changes.op = 'merge'"),
                   sql.among_param(dialect, c.entity_id, "ids"),
                   c.station_code == sa.bindparam("station_code"),
                   c.entity == "family", c.status == "accepted"))


def _rewrite_records(conn: Connection, caller: Caller, touched: set[str]) -> None:
    """New records (new region numbers) for the touched families whose record changed."""
    if not touched:
        return
    current, counts = matches.records_and_counts(conn, caller.station_code, touched)
    key = accounts.region_key(conn, caller.region)
    rows = []
    for family_id in sorted(touched):
        old = current.get(family_id)
        merged = state(conn, caller.station_code, family_id)
        if old is None or merged is None:
            continue
        if merged.get("merged_into"):
            fields: dict[str, Any] = {"id_hash": "", "aid": "{}"}
        else:
            fields = matches.record_fields(key, merged)
            fields["hlc"] = max(old.hlc, str(merged.get("hlc", "")))
            fields["aid"] = json.dumps(counts[family_id], sort_keys=True)
        if all(getattr(old, k) == v for k, v in fields.items()):
            continue
        rows.append({"family_id": family_id, "region": old.region,
                     "station_code": old.station_code,
                     **{k: getattr(old, k) for k in ("id_hash", "masked_id", "name",
                                                     "name_pinyin", "name_initials", "aid",
                                                     "hlc", "employment", "reason")},
                     **fields})
    matches.put(conn, caller.region, rows)
