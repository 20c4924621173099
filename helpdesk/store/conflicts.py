"""Conflict flags: values that lost a field merge to a write that never saw them, kept for a
station head to review (DESIGN.md point 5). The open flags of an entity are recomputed from
its field writes at every change, so they are the same on every copy whatever the order."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from helpdesk.domain import fieldmerge
from helpdesk.domain.common import iso, utcnow
from helpdesk.store import rows


def refresh(db: Database, entity: str, entity_id: str, family_id: str,
            lost: list[fieldmerge.Lost]) -> None:
    """Make the entity's open flags exactly `lost`: new ones added, the winner of open ones
    brought up to date, and open ones no longer lost (a later edit saw them) removed.
    Resolved flags stay as they are."""
    now = iso(utcnow())
    keep: set[tuple[str, str]] = set()
    for item in lost:
        w, win = item.loser, item.winner
        keep.add((w.field, w.change_id))
        db.execute(
            "INSERT INTO conflicts(entity, entity_id, family_id, field, kept_value, "
            "kept_change_id, kept_by, kept_hlc, losing_value, losing_change_id, lost_by, "
            "losing_hlc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(entity, entity_id, field, losing_change_id) DO UPDATE SET "
            "kept_value = excluded.kept_value, kept_change_id = excluded.kept_change_id, "
            "kept_by = excluded.kept_by, kept_hlc = excluded.kept_hlc "
            "WHERE conflicts.resolved_at IS NULL",
            [entity, entity_id, family_id, w.field, win.value, win.change_id,
             _who(win), win.hlc, w.value, w.change_id, _who(w), w.hlc, now])
    for cid, field, losing in db.execute(
            "SELECT id, field, losing_change_id FROM conflicts WHERE entity = ? "
            "AND entity_id = ? AND resolved_at IS NULL", [entity, entity_id]).fetchall():
        if (field, losing) not in keep:
            db.execute("DELETE FROM conflicts WHERE id = ?", [cid])


def _who(w: fieldmerge.Write) -> str:
    return f"{w.author}@{w.device_id}"


def open_(db: Database) -> list[dict[str, Any]]:
    """Unresolved flags, oldest first."""
    return rows.many(db, "SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY id", [])


def get(db: Database, conflict_id: int) -> dict[str, Any] | None:
    return rows.one(db, "SELECT * FROM conflicts WHERE id = ?", [conflict_id])


def resolve(db: Database, conflict_id: int, *, resolution: str, by: str) -> None:
    db.execute("UPDATE conflicts SET resolved_at = ?, resolution = ?, resolved_by = ? "
               "WHERE id = ? AND resolved_at IS NULL",
               [iso(utcnow()), resolution, by, conflict_id])


def count_open(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL"
                          ).fetchone()[0])
