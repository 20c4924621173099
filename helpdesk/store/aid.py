"""Aid rows, signatures, receipt numbers and totals in the station database."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlite_utils import Database

from helpdesk.domain.aid import Aid
from helpdesk.domain.station import Device
from helpdesk.store import db as dbm
from helpdesk.store import rows

_JSON = ("goods",)


def insert(db: Database, aid: Aid) -> None:
    db.table("aid").insert(rows.to_row(aid, json_fields=_JSON))


def replace(db: Database, aid: Aid) -> None:
    db.table("aid").insert(rows.to_row(aid, json_fields=_JSON), replace=True)


def get(db: Database, aid_id: str) -> Aid | None:
    row = rows.one(db, "SELECT * FROM aid WHERE id = ?", [aid_id])
    return rows.from_row(Aid, row, json_fields=_JSON) if row else None


def by_receipt(db: Database, receipt_no: str) -> Aid | None:
    row = rows.one(db, "SELECT * FROM aid WHERE receipt_no = ?", [receipt_no.strip().upper()])
    return rows.from_row(Aid, row, json_fields=_JSON) if row else None


def last(db: Database) -> Aid | None:
    # An aid typed back from paper is as recent as its entry, not as its paper date.
    row = rows.one(db, "SELECT * FROM aid ORDER BY coalesce(entered_at, given_at) DESC, id DESC "
                   "LIMIT 1", [])
    return rows.from_row(Aid, row, json_fields=_JSON) if row else None


def of_family(db: Database, family_id: str) -> list[Aid]:
    return [rows.from_row(Aid, r, json_fields=_JSON) for r in rows.many(
        db, "SELECT * FROM aid WHERE family_id = ? ORDER BY given_at DESC", [family_id])]


def count_for(db: Database, family_ids: list[str], programme_id: str) -> int:
    """Aid not voided of this programme to any of these families (a merged family counts as one)."""
    marks = ",".join("?" for _ in family_ids)
    return int(db.execute(
        f"SELECT count(*) FROM aid WHERE programme_id = ? AND voided_at IS NULL "
        f"AND family_id IN ({marks})", [programme_id, *family_ids]).fetchone()[0])


def received_by(db: Database, family_ids: list[str]) -> dict[str, tuple[int, int]]:
    """Aid not voided to any of these families, by programme id: (count, fen)."""
    marks = ",".join("?" for _ in family_ids)
    return {str(p): (int(n), int(fen)) for p, n, fen in db.execute(
        f"SELECT programme_id, count(*), coalesce(sum(amount_fen), 0) FROM aid "
        f"WHERE voided_at IS NULL AND family_id IN ({marks}) GROUP BY programme_id",
        family_ids).fetchall()}


def next_receipt_no(db: Database, device: Device, year: int) -> str:
    """`<device code>-<year>-<seq>`, gap-free per device and year; call inside the transaction."""
    seq = dbm.next_counter(db, f"receipt:{device.code}:{year}")
    return f"{device.code}-{year}-{seq:05d}"


def put_signature(db: Database, png: bytes) -> str:
    """Store a signature image once, addressed by its SHA-256; returns the hash."""
    digest = hashlib.sha256(png).hexdigest()
    db.execute("INSERT OR IGNORE INTO signatures(hash, png) VALUES (?, ?)", [digest, png])
    return digest


def signature(db: Database, digest: str) -> bytes | None:
    row = db.execute("SELECT png FROM signatures WHERE hash = ?", [digest]).fetchone()
    return bytes(row[0]) if row else None


def totals(db: Database) -> list[dict[str, Any]]:
    """Aid count and sum in fen by programme and month (station local), voided aid excluded."""
    return rows.many(db, """
        SELECT p.code AS programme, p.name_zh AS name_zh, p.name_en AS name_en,
               substr(a.local_date, 1, 7) AS month,
               count(*) AS aid_count, sum(a.amount_fen) AS total_fen
        FROM aid a JOIN programmes p ON p.id = a.programme_id
        WHERE a.voided_at IS NULL
        GROUP BY p.code, month ORDER BY month, p.code""", [])


def day_totals(db: Database, day: str) -> tuple[int, int]:
    row = db.execute("SELECT count(*), coalesce(sum(amount_fen), 0) FROM aid "
                     "WHERE local_date = ? AND voided_at IS NULL", [day]).fetchone()
    return int(row[0]), int(row[1])


def ledger(db: Database, *, date_from: str | None = None, date_to: str | None = None,
           programme_id: str | None = None) -> list[dict[str, Any]]:
    """Aid in a period (station local dates, both ends included) and/or of one programme, void
    aid included, oldest first, each joined with its family, programme, volunteer and the
    family's number of members: the rows of the 台账."""
    return [r | {"goods": json.loads(r["goods"] or "[]")} for r in rows.many(db, """
        SELECT a.id, a.local_date, a.given_at, a.kind, a.amount_fen, a.goods, a.service_note,
               a.recipient_name, a.recipient_relation, a.receipt_no, a.voided_at,
               a.void_reason, a.no_signature_reason,
               f.head_name, f.id_kind, f.id_number, f.reasons, f.employment, f.tier,
               (SELECT count(*) FROM members m WHERE m.family_id = f.id) AS members,
               p.code AS programme_code, p.name_zh AS programme_zh, p.name_en AS programme_en,
               v.name AS volunteer_name
        FROM aid a JOIN families f ON f.id = a.family_id
             JOIN programmes p ON p.id = a.programme_id
             LEFT JOIN volunteers v ON v.id = a.volunteer_id
        WHERE (:from IS NULL OR a.local_date >= :from) AND (:to IS NULL OR a.local_date <= :to)
          AND (:programme IS NULL OR a.programme_id = :programme)
        ORDER BY a.local_date, a.given_at, a.receipt_no""",
        {"from": date_from, "to": date_to, "programme": programme_id})]  # type: ignore[arg-type]
