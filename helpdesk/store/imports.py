"""Roster imports in the station database: each import and the families its rows touched."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from helpdesk.store import rows


def add(db: Database, record: dict[str, Any]) -> None:
    db.table("imports").insert(record)


def set_counts(db: Database, import_id: str, counts: dict[str, int]) -> None:
    db.table("imports").update(import_id, counts)


def add_row(db: Database, import_id: str, number: int, row_hash: str, family_id: str,
            outcome: str) -> None:
    db.execute("INSERT INTO import_rows(import_id, row_number, row_hash, family_id, outcome) "
               "VALUES (?, ?, ?, ?, ?)", [import_id, number, row_hash, family_id, outcome])


def imported_families(db: Database, hashes: Iterable[str]) -> dict[str, str]:
    """Of these row hashes, those an earlier import brought in, with the family each made."""
    wanted = sorted(set(hashes))
    found: dict[str, str] = {}
    for n in range(0, len(wanted), 500):
        chunk = wanted[n:n + 500]
        marks = ",".join("?" for _ in chunk)
        found.update((str(r[0]), str(r[1])) for r in db.execute(
            "SELECT row_hash, family_id FROM import_rows "
            f"WHERE row_hash IN ({marks})", chunk).fetchall())
    return found


def of_family(db: Database, family_id: str) -> list[dict[str, Any]]:
    """The imports that added or filled in this family, oldest first."""
    return rows.many(db, "SELECT i.*, r.row_number, r.outcome FROM import_rows r "
                         "JOIN imports i ON i.id = r.import_id WHERE r.family_id = ? "
                         "ORDER BY i.created_at", [family_id])


def recent(db: Database, limit: int = 20) -> list[dict[str, Any]]:
    return rows.many(db, "SELECT * FROM imports ORDER BY created_at DESC LIMIT ?", [limit])


def known_families(db: Database) -> list[dict[str, Any]]:
    """What duplicate matching needs of every family not merged away, and its members' ID
    numbers (which `families.by_id_number` finds too), in one read."""
    return rows.many(
        db, "SELECT id, head_name, name_pinyin, id_number, birth_date, phone FROM families "
            "WHERE merged_into IS NULL UNION ALL "
            "SELECT f.id, f.head_name, f.name_pinyin, m.id_number, NULL, '' "
            "FROM members m JOIN families f ON f.id = m.family_id "
            "WHERE m.id_number != '' AND f.merged_into IS NULL", [])
