"""Closes of the cash day in the station database (`domain.closes`), and the day's cash aid."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from helpdesk.domain.closes import DayClose
from helpdesk.store import rows

_JSON = ("counts",)


def put(db: Database, close: DayClose) -> None:
    """Insert or replace a close (a reopening replaces it with its reopen fields set)."""
    db.table("day_closes").insert(rows.to_row(close, json_fields=_JSON), replace=True)


def get(db: Database, close_id: str) -> DayClose | None:
    row = rows.one(db, "SELECT * FROM day_closes WHERE id = ?", [close_id])
    return rows.from_row(DayClose, row, json_fields=_JSON) if row else None


def open_close(db: Database, day: str) -> DayClose | None:
    """The close that keeps `day` closed (not reopened), or None when the day is open."""
    row = rows.one(db, "SELECT * FROM day_closes WHERE day = ? AND reopened_at IS NULL", [day])
    return rows.from_row(DayClose, row, json_fields=_JSON) if row else None


def newer(db: Database, close: DayClose) -> bool:
    """True when `close` is newer (by HLC) than the stored one, or none is stored."""
    row = db.execute("SELECT hlc FROM day_closes WHERE id = ?", [close.id]).fetchone()
    return row is None or str(row[0]) < close.hlc


def all_(db: Database, limit: int = 1000) -> list[DayClose]:
    """Closes, newest day first (a day's reopened closes after its newer ones)."""
    return [rows.from_row(DayClose, r, json_fields=_JSON) for r in rows.many(
        db, "SELECT * FROM day_closes ORDER BY day DESC, closed_at DESC LIMIT ?", [limit])]


def cash_aid(db: Database, day: str) -> list[dict[str, Any]]:
    """The cash aid of a station day not voided, in the order given: receipt number, time,
    family head, programme, amount in fen, who handed it over."""
    return rows.many(db, """
        SELECT a.id, a.receipt_no, a.given_at, a.amount_fen, a.volunteer_id,
               a.recipient_name, f.head_name, p.code AS programme, p.name_zh, p.name_en
        FROM aid a JOIN programmes p ON p.id = a.programme_id
        LEFT JOIN families f ON f.id = a.family_id
        WHERE a.local_date = ? AND a.kind = 'cash' AND a.voided_at IS NULL
        ORDER BY a.given_at, a.id""", [day])
