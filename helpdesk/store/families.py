"""Families and members in the station database."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

from sqlite_utils import Database

from helpdesk.domain.families import Family, Member
from helpdesk.store import rows

_JSON = ("reasons", "insurance")


def insert(db: Database, family: Family) -> None:
    # A plain INSERT: sqlite-utils' `Table.insert` reads the table's schema at every call,
    # which is most of the time of a roster import's 10,000 inserts.
    _insert_many(db, "families", [rows.to_row(family, json_fields=_JSON)])


def replace(db: Database, family: Family) -> None:
    """Insert or update the family by its id. Another family holding the same ID number
    raises IntegrityError: an upsert on `id` only, never INSERT OR REPLACE, which would
    delete that other family (and leave its search document behind)."""
    _upsert(db, "families", rows.to_row(family, json_fields=_JSON))


def insert_many(db: Database, new: list[Family]) -> None:
    """Insert families not stored yet, in one statement (a pull's bulk path). Raises
    IntegrityError, having inserted part of them, for an id or ID number already here:
    call inside a savepoint."""
    _insert_many(db, "families", [rows.to_row(f, json_fields=_JSON) for f in new])


def insert_members(db: Database, new: list[Member]) -> None:
    """Insert members not stored yet, in one statement; like `insert_many` (a member whose
    family is missing raises IntegrityError too)."""
    _insert_many(db, "members", [rows.to_row(m) for m in new])


def stored_ids(db: Database, table: Literal["families", "members"], ids: Iterable[str]
               ) -> set[str]:
    """Which of these ids are rows of `table` (families or members) already."""
    wanted = sorted(set(ids))
    found: set[str] = set()
    for n in range(0, len(wanted), 500):
        chunk = wanted[n:n + 500]
        marks = ",".join("?" for _ in chunk)
        found.update(str(r[0]) for r in db.execute(
            f"SELECT id FROM {table} WHERE id IN ({marks})", chunk).fetchall())
    return found


def _insert_many(db: Database, table: str, new: list[dict[str, Any]]) -> None:
    if not new:
        return
    names = list(new[0])
    db.conn.executemany(
        f"INSERT INTO {table}({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        [[row[n] for n in names] for row in new])


def _upsert(db: Database, table: str, row: dict[str, Any]) -> None:
    names = list(row)
    sets = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
    db.execute(f"INSERT INTO {table}({', '.join(names)}) VALUES "
               f"({', '.join('?' for _ in names)}) ON CONFLICT(id) DO UPDATE SET {sets}",
               [row[n] for n in names])


def get(db: Database, family_id: str) -> Family | None:
    row = rows.one(db, "SELECT * FROM families WHERE id = ?", [family_id])
    return rows.from_row(Family, row, json_fields=_JSON) if row else None


def by_id_number(db: Database, id_number: str) -> Family | None:
    """The family registered with this document number, if any (merged families excluded)."""
    if not id_number:
        return None
    row = rows.one(db, "SELECT * FROM families WHERE id_number = ? AND merged_into IS NULL",
                   [id_number])
    if row is None:
        row = rows.one(db, "SELECT f.* FROM members m JOIN families f ON f.id = m.family_id "
                           "WHERE m.id_number = ? AND f.merged_into IS NULL", [id_number])
    return rows.from_row(Family, row, json_fields=_JSON) if row else None


def likely_duplicates(db: Database, *, name: str, initials: str, pinyin: str,
                      birth_date: date | None, phone: str, exclude_id: str | None = None,
                      limit: int = 10) -> list[Family]:
    """Families that may be the same household: same name or same pinyin, and same birth date
    or same phone; or the same phone alone. Uses the indexes of `search`'s migration."""
    found: dict[str, dict[str, Any]] = {}
    if phone:
        for row in rows.many(db, "SELECT * FROM families WHERE phone = ? AND merged_into IS NULL "
                                 "LIMIT ?", [phone, limit]):
            found[row["id"]] = row
    candidates = rows.many(
        db, "SELECT * FROM families WHERE (head_name = ? OR name_pinyin = ?) "
            "AND merged_into IS NULL LIMIT 200", [name, pinyin])
    for row in candidates:
        same_birth = birth_date is not None and row["birth_date"] == birth_date.isoformat()
        if same_birth or (phone and row["phone"] == phone):
            found[row["id"]] = row
    del initials
    found.pop(exclude_id or "", None)
    return [rows.from_row(Family, r, json_fields=_JSON) for r in list(found.values())[:limit]]


def members_of(db: Database, family_id: str) -> list[Member]:
    return [rows.from_row(Member, r) for r in rows.many(
        db, "SELECT * FROM members WHERE family_id = ? ORDER BY created_at", [family_id])]


def get_member(db: Database, member_id: str) -> Member | None:
    row = rows.one(db, "SELECT * FROM members WHERE id = ?", [member_id])
    return rows.from_row(Member, row) if row else None


def put_member(db: Database, member: Member) -> None:
    """Insert or update the member by its id."""
    _upsert(db, "members", rows.to_row(member))


def count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM families WHERE merged_into IS NULL").fetchone()[0])


def all_with_id_number(db: Database, id_number: str) -> list[Family]:
    """Every family whose head or a member has this document number, merged ones included."""
    return [rows.from_row(Family, r, json_fields=_JSON) for r in rows.many(
        db, "SELECT * FROM families WHERE id_number = ? UNION "
            "SELECT f.* FROM members m JOIN families f ON f.id = m.family_id "
            "WHERE m.id_number = ?", [id_number, id_number])] if id_number else []


def joined_ids(db: Database, family_id: str) -> list[str]:
    """This family and every family merged into it, directly or through another merged one
    (a merge change of a head joins duplicates: caps and history count them as one)."""
    return [str(r[0]) for r in db.execute(
        "WITH RECURSIVE joined(id) AS (SELECT ? UNION "
        "SELECT f.id FROM families f JOIN joined j ON f.merged_into = j.id) "
        "SELECT id FROM joined", [family_id]).fetchall()]


def kept_of(db: Database, family_id: str) -> str:
    """The family this one was merged into, following merges (itself when not merged)."""
    seen = {family_id}
    current = family_id
    while True:
        row = db.execute("SELECT merged_into FROM families WHERE id = ?", [current]).fetchone()
        if row is None or not row[0] or row[0] in seen:
            return current
        current = str(row[0])
        seen.add(current)


def roster(db: Database) -> list[dict[str, Any]]:
    """Every family not merged away, by registration, with its members' names and relations
    (`members`: a list of [name, relation]): the rows of the 困难职工档案."""
    found = [r | {"reasons": json.loads(r["reasons"]), "insurance": json.loads(r["insurance"]),
                  "members": []}
             for r in rows.many(db, "SELECT * FROM families WHERE merged_into IS NULL "
                                    "ORDER BY created_at, id", [])]
    by_id = {r["id"]: r for r in found}
    for family_id, name, relation in db.execute(
            "SELECT m.family_id, m.name, m.relation FROM members m JOIN families f "
            "ON f.id = m.family_id WHERE f.merged_into IS NULL ORDER BY m.created_at"):
        by_id[family_id]["members"].append([name, relation])
    return found
