"""Field versions of families and members: every write of every mergeable field, and the
merge of a change into the stored row (DESIGN.md point 5, rules in `domain.fieldmerge`).

A family or member that was never edited has no rows here: its stored row is exactly one
change's state (its registration), and it is seeded from that row the first time an edit
or merge touches it. That keeps registering and the first pull of a station cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from helpdesk.domain import fieldmerge
from helpdesk.domain.changes import Change, canonical_json
from helpdesk.domain.families import Family, Member
from helpdesk.store import conflicts, families


def record(db: Database, writes: Iterable[fieldmerge.Write], *, entity: str,
           entity_id: str) -> None:
    """Keep these writes; a write already here is left as it is (applying twice is once)."""
    db.conn.executemany(
        "INSERT INTO field_versions(entity, entity_id, field, change_id, hlc, device_id, "
        "base_change_id, author, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        [(entity, entity_id, w.field, w.change_id, w.hlc, w.device_id, w.base_change_id,
          w.author, w.value) for w in writes])


def writes(db: Database, entity: str, entity_id: str) -> list[fieldmerge.Write]:
    rows = db.execute("SELECT field, value, hlc, device_id, change_id, base_change_id, author "
                      "FROM field_versions WHERE entity = ? AND entity_id = ?",
                      [entity, entity_id]).fetchall()
    return [fieldmerge.Write(*r) for r in rows]


def _seed(db: Database, entity: str, state: dict[str, Any]) -> None:
    """The stored row as the write of its last change, when nothing was recorded yet."""
    entity_id = str(state["id"])
    if db.execute("SELECT 1 FROM field_versions WHERE entity = ? AND entity_id = ? LIMIT 1",
                  [entity, entity_id]).fetchone():
        return
    names = [f for f in fieldmerge.MERGEABLE[entity] if f in state]
    if entity == "family":
        names += ["name_pinyin", "name_initials"]
    record(db, [fieldmerge.Write(field=f, value=canonical_json(state.get(f)), hlc=state["hlc"],
                                 device_id="", change_id=state["last_change_id"],
                                 base_change_id=None, author="")
                for f in names if f != "merged_into" or state.get(f)], entity=entity,
           entity_id=entity_id)


def known_hlcs(db: Database, change_ids: Iterable[str]) -> dict[str, str]:
    """HLCs of these changes as far as this station knows them (own outbox, field writes)."""
    ids = sorted({c for c in change_ids if c})
    out: dict[str, str] = {}
    for n in range(0, len(ids), 500):
        chunk = ids[n:n + 500]
        marks = ",".join("?" for _ in chunk)
        for sql in (f"SELECT change_id, hlc FROM changes WHERE change_id IN ({marks})",
                    f"SELECT DISTINCT change_id, hlc FROM field_versions "
                    f"WHERE change_id IN ({marks})"):
            out.update({str(a): str(b) for a, b in db.execute(sql, chunk).fetchall()})
    return out


def _current(db: Database, entity: str, entity_id: str) -> Family | Member | None:
    return families.get(db, entity_id) if entity == "family" else \
        families.get_member(db, entity_id)


def settle(db: Database, change: Change) -> Family | Member:
    """Merge a family or member change (local or pulled) into the stored row, field by field,
    and refresh that entity's conflict flags; idempotent, and the same in any order. Call
    inside the write transaction. Raises pydantic's ValidationError for a state that does
    not validate and the database's IntegrityError for one it refuses."""
    entity, entity_id = change.entity, change.entity_id
    current = _current(db, entity, entity_id)
    model: type[Family] | type[Member] = Family if entity == "family" else Member
    if current is None and change.op == "put" and change.base_change_id is None:
        new = model.model_validate(change.state)  # a registration: seeded at its first edit
        _store(db, new)
        return new
    if current is not None and (current.last_change_id, current.hlc) == (change.change_id,
                                                                        change.hlc):
        return current  # the stored row is this change's result: applied already
    base = change.state if current is None else current.model_dump(mode="json")
    if current is not None:
        _seed(db, entity, base)
    record(db, fieldmerge.writes_of(change), entity=entity, entity_id=entity_id)
    every = writes(db, entity, entity_id)
    state = fieldmerge.merged_state(base, every)
    if state.get("last_change_id") == change.change_id and "updated_at" in change.state:
        state["updated_at"] = change.state["updated_at"]
    merged = model.model_validate(state)
    if current is None or merged != current:
        _store(db, merged)
    bases = known_hlcs(db, [w.base_change_id or "" for w in every])
    family_id = entity_id if entity == "family" else str(state["family_id"])
    conflicts.refresh(db, entity, entity_id, family_id, fieldmerge.lost(every, bases))
    return merged


def _store(db: Database, value: Family | Member) -> None:
    if isinstance(value, Family):
        families.replace(db, value)
    else:
        families.put_member(db, value)
