"""Paper sheets printed by this device, the photos or scans attached to them, and which aid was
typed back from which sheet line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlite_utils import Database

from helpdesk.domain import paper
from helpdesk.domain.station import Device
from helpdesk.store import db as dbm
from helpdesk.store import rows


@dataclass(frozen=True)
class Sheet:
    number: str
    kind: str  # "roster" or "blank"
    programme_id: str | None
    lines: int
    printed_at: str
    printed_by: str
    device_id: str


def issue(db: Database, device: Device, *, kind: str, programme_id: str | None, lines: int,
          printed_at: str, printed_by: str) -> Sheet:
    """Record a printed sheet under the next number of this device (gap-free); call inside
    the transaction that prints it."""
    number = paper.sheet_number(device.code, dbm.next_counter(db, f"paper_sheet:{device.code}"))
    sheet = Sheet(number, kind, programme_id, lines, printed_at, printed_by, device.id)
    db.table("paper_sheets").insert(sheet.__dict__)
    return sheet


def get(db: Database, number: str) -> Sheet | None:
    row = rows.one(db, "SELECT * FROM paper_sheets WHERE number = ?", [number])
    return Sheet(**row) if row else None


def entered(db: Database, number: str, line: int) -> str | None:
    """The receipt number of the aid (not voided) already typed back from this sheet line on
    any device of the station this database knows of, or None."""
    row = db.execute("SELECT receipt_no FROM aid WHERE paper_sheet = ? AND paper_line = ? "
                     "AND voided_at IS NULL ORDER BY entered_at LIMIT 1",
                     [number, line]).fetchone()
    return str(row[0]) if row else None


def lines_entered(db: Database, number: str) -> dict[int, str]:
    """The sheet's lines typed back so far (not voided): line → receipt number."""
    return {int(line): str(no) for line, no in db.execute(
        "SELECT paper_line, receipt_no FROM aid WHERE paper_sheet = ? AND voided_at IS NULL "
        "ORDER BY paper_line", [number]).fetchall()}


def put_scan(db: Database, data: bytes, mime: str) -> str:
    """Store a sheet's photo or scan once, addressed by its SHA-256; returns the hash."""
    digest = hashlib.sha256(data).hexdigest()
    db.execute("INSERT OR IGNORE INTO paper_scans(hash, mime, data) VALUES (?, ?, ?)",
               [digest, mime, data])
    return digest


def scan(db: Database, digest: str) -> tuple[str, bytes] | None:
    row = db.execute("SELECT mime, data FROM paper_scans WHERE hash = ?", [digest]).fetchone()
    return (str(row[0]), bytes(row[1])) if row else None
