"""Volunteers in the station database (their PIN wraps live in the key file)."""

from __future__ import annotations

from sqlite_utils import Database

from helpdesk.domain.station import Station, Volunteer
from helpdesk.store import rows


def put(db: Database, volunteer: Volunteer) -> None:
    db.table("volunteers").insert(rows.to_row(volunteer), replace=True)


def get(db: Database, volunteer_id: str) -> Volunteer | None:
    row = rows.one(db, "SELECT * FROM volunteers WHERE id = ?", [volunteer_id])
    return rows.from_row(Volunteer, row) if row else None


def active(db: Database) -> list[Volunteer]:
    return [rows.from_row(Volunteer, r) for r in rows.many(
        db, "SELECT * FROM volunteers WHERE active = 1 ORDER BY role, name", [])]


def by_name(db: Database, name: str) -> Volunteer | None:
    row = rows.one(db, "SELECT * FROM volunteers WHERE name = ? AND active = 1", [name])
    return rows.from_row(Volunteer, row) if row else None


def put_station(db: Database, station: Station) -> None:
    db.table("station").insert(rows.to_row(station), replace=True)


def station(db: Database) -> Station | None:
    row = rows.one(db, "SELECT * FROM station LIMIT 1", [])
    return rows.from_row(Station, row) if row else None
