"""The `changes` outbox: one row per changed entity, written in the same transaction.

Device sequence numbers are gap-free per device: they come from a counter row updated inside
the transaction, so a rollback takes the number back with everything else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from helpdesk.domain.changes import Change, Op, canonical_json
from helpdesk.domain.common import iso, new_id, utcnow
from helpdesk.domain.station import Device
from helpdesk.store import db as dbm


def append(db: Database, device: Device, *, entity: str, entity_id: str, op: Op,
           state: dict[str, Any], fields: Iterable[str] | None = None,
           base_change_id: str | None = None, hlc: str, author: str,
           change_id: str | None = None) -> Change:
    """Append one change; call inside the write transaction that changed the entity."""
    seq = dbm.next_counter(db, f"seq:{device.id}")
    change = Change(change_id=change_id or new_id(), device_id=device.id, epoch=device.epoch,
                    device_seq=seq,
                    entity=entity,  # type: ignore[arg-type]
                    entity_id=entity_id, op=op,
                    fields=tuple(sorted(fields if fields is not None else state)),
                    state=state, base_change_id=base_change_id, hlc=hlc, author=author)
    db.execute(
        "INSERT INTO changes(device_seq, change_id, device_id, epoch, entity, entity_id, op, "
        "fields, state, base_change_id, hlc, author, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, change.change_id, device.id, device.epoch, entity, entity_id, op,
         canonical_json(list(change.fields)), canonical_json(state), base_change_id, hlc,
         author, iso(utcnow())])
    return change


def _row_to_change(row: tuple[Any, ...]) -> Change:
    return Change(device_seq=row[0], change_id=row[1], device_id=row[2], epoch=row[3],
                  entity=row[4], entity_id=row[5], op=row[6], fields=tuple(json.loads(row[7])),
                  state=json.loads(row[8]), base_change_id=row[9], hlc=row[10], author=row[11])


_COLUMNS = ("device_seq, change_id, device_id, epoch, entity, entity_id, op, fields, state, "
            "base_change_id, hlc, author")


def pending(db: Database, limit: int = 1000) -> list[Change]:
    """Changes not yet acknowledged by the server, in device order."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM changes WHERE sync_status = 'pending' "
                      "ORDER BY device_id, device_seq LIMIT ?", [limit]).fetchall()
    return [_row_to_change(r) for r in rows]


def pending_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM changes WHERE sync_status = 'pending'"
                          ).fetchone()[0])


def for_entity(db: Database, entity: str, entity_id: str) -> list[Change]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM changes WHERE entity = ? AND entity_id = ? "
                      "ORDER BY hlc", [entity, entity_id]).fetchall()
    return [_row_to_change(r) for r in rows]


def since(db: Database, device_id: str, after_seq: int = 0) -> list[Change]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM changes WHERE device_id = ? AND device_seq > ? "
                      "ORDER BY device_seq", [device_id, after_seq]).fetchall()
    return [_row_to_change(r) for r in rows]
