"""Programmes in the station database."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from helpdesk.domain.programmes import Programme
from helpdesk.store import rows


def put(db: Database, programme: Programme) -> None:
    db.table("programmes").insert(rows.to_row(programme), replace=True)


def get(db: Database, programme_id: str) -> Programme | None:
    row = rows.one(db, "SELECT * FROM programmes WHERE id = ?", [programme_id])
    return rows.from_row(Programme, row) if row else None


def by_code(db: Database, code: str) -> Programme | None:
    row = rows.one(db, "SELECT * FROM programmes WHERE code = ?", [code.strip().upper()])
    return rows.from_row(Programme, row) if row else None


def all_(db: Database) -> list[Programme]:
    return [rows.from_row(Programme, r) for r in rows.many(
        db, "SELECT * FROM programmes ORDER BY starts_on DESC, code", [])]


def open_on(db: Database, day: date) -> list[Programme]:
    """Active programmes whose campaign period includes `day`."""
    return [rows.from_row(Programme, r) for r in rows.many(
        db, "SELECT * FROM programmes WHERE active = 1 AND starts_on <= ? AND ends_on >= ? "
            "ORDER BY code", [day.isoformat(), day.isoformat()])]
