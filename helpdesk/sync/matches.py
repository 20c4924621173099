"""Other stations' families as the station knows them: match records pulled from the server,
and the region's duplicate-aid alerts.

Enough to warn at the desk that a family is registered, or already received a programme,
at another station of the region — found by the keyed hash of the resident ID (the region's
match key came with the enrollment) or by name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from helpdesk.store import db as dbm
from helpdesk.sync import wire

META_MATCH_KEY = "sync.match_key"


_PUT = (
    "INSERT INTO match_records(family_id, station_code, id_hash, masked_id, name, "
    "name_pinyin, name_initials, aid, hlc, server_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(station_code, family_id) DO UPDATE SET "
    "id_hash = excluded.id_hash, masked_id = excluded.masked_id, name = excluded.name, "
    "name_pinyin = excluded.name_pinyin, name_initials = excluded.name_initials, "
    "aid = excluded.aid, hlc = excluded.hlc, server_seq = excluded.server_seq "
    "WHERE excluded.server_seq > match_records.server_seq")


def put(db: Database, record: wire.MatchRecord) -> None:
    """Store a record unless a newer one of that family is here; idempotent."""
    put_many(db, [record])


def put_many(db: Database, records: Iterable[wire.MatchRecord]) -> None:
    """`put` each record, in order, in one statement (the same as one by one)."""
    db.conn.executemany(_PUT, [
        (r.family_id, r.station_code, r.id_hash, r.masked_id, r.name, r.name_pinyin,
         r.name_initials, json.dumps(r.aid, sort_keys=True), r.hlc, r.server_seq)
        for r in records])


def put_alert(db: Database, alert: wire.Alert) -> None:
    """Keep a duplicate-aid alert for review; idempotent (its station and aid id are the
    key)."""
    db.execute("INSERT INTO alerts(aid_id, programme_id, masked_id, station_code, family_id, "
               "others, created_at, server_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT(station_code, aid_id) DO NOTHING",
               [alert.aid_id, alert.programme_id, alert.masked_id, alert.station_code,
                alert.family_id, json.dumps(list(alert.others)), alert.created_at,
                alert.server_seq])


def put_decision(db: Database, decision: wire.Decision) -> None:
    """Keep the union office's decision on an alert for the station head; idempotent (one
    decision per alert: its station and aid id are the key)."""
    db.execute("INSERT INTO decisions(station_code, aid_id, decision, reason, decided_at, "
               "server_seq) VALUES (?, ?, ?, ?, ?, ?) "
               "ON CONFLICT(station_code, aid_id) DO NOTHING",
               [decision.station_code, decision.aid_id, decision.decision, decision.reason,
                decision.decided_at, decision.server_seq])


def alerts(db: Database, *, unreviewed: bool = True) -> list[dict[str, Any]]:
    """The region's duplicate-aid alerts, newest first."""
    where = "WHERE reviewed_at IS NULL" if unreviewed else ""
    found = _rows(db, f"SELECT * FROM alerts {where} ORDER BY server_seq DESC", [], "others")
    return found


def by_id_number(db: Database, id_number: str) -> list[dict[str, Any]]:
    """Records of other stations' families whose head has this resident ID."""
    key = dbm.meta(db, META_MATCH_KEY)
    if not key or not id_number:
        return []
    return _rows(db, "SELECT * FROM match_records WHERE id_hash = ? AND id_hash != ''",
                 [wire.match_hash(key, id_number)])


def by_name(db: Database, name: str) -> list[dict[str, Any]]:
    return _rows(db, "SELECT * FROM match_records WHERE name = ?", [name])


def _rows(db: Database, sql: str, params: list[Any], json_column: str = "aid"
          ) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    out = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in out:
        row[json_column] = json.loads(row[json_column])
    return out
