"""The station's aid figures for a period, grouped the ways the Reports page shows them.

Voided aid is left out everywhere, as in `aid.totals`. Every query starts from the aid of the
period through the `aid_local_date` index and reaches each family by its primary key, so the
cost follows the period's aid, not the number of families on file (the one count over all
families, `registered`, reads the `families_merged_into` index only).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from sqlite_utils import Database

from helpdesk.store import rows

Grouping = Literal["programme", "month", "reason", "employment", "tier"]

_PERIOD = "a.voided_at IS NULL AND a.local_date BETWEEN ? AND ?"
# A family merged into another counts as the one it was merged into (one level: the kept one).
_FAMILY = "coalesce(f.merged_into, f.id)"

_GROUPS: dict[str, tuple[str, str]] = {  # key expression, FROM … JOIN
    "month": ("substr(a.local_date, 1, 7)", "aid a JOIN families f ON f.id = a.family_id"),
    "employment": ("f.employment", "aid a JOIN families f ON f.id = a.family_id"),
    "tier": ("coalesce(f.tier, '')", "aid a JOIN families f ON f.id = a.family_id"),
    # One row per reason the family gives: a family with two reasons counts under both.
    "reason": ("r.value", "aid a JOIN families f ON f.id = a.family_id, json_each(f.reasons) r"),
}


def grouped(db: Database, by: Grouping, start: date, end: date) -> list[dict[str, Any]]:
    """Rows of `key`, `aid_count`, `total_fen`, `families` (distinct families reached) for
    aid not voided dated `start`..`end` (station local dates, both included), by `by`.
    Programmes also carry `name_zh`/`name_en`; rows come ordered by key."""
    span = [start.isoformat(), end.isoformat()]
    if by == "programme":
        return rows.many(db, f"""
            SELECT p.code AS key, p.name_zh AS name_zh, p.name_en AS name_en,
                   count(*) AS aid_count, sum(a.amount_fen) AS total_fen,
                   count(DISTINCT {_FAMILY}) AS families
            FROM aid a JOIN programmes p ON p.id = a.programme_id
                       JOIN families f ON f.id = a.family_id
            WHERE {_PERIOD} GROUP BY p.code ORDER BY p.code""", span)
    key, source = _GROUPS[by]
    return rows.many(db, f"""
        SELECT {key} AS key, count(*) AS aid_count, sum(a.amount_fen) AS total_fen,
               count(DISTINCT {_FAMILY}) AS families
        FROM {source} WHERE {_PERIOD} GROUP BY {key} ORDER BY {key}""", span)


def overall(db: Database, start: date, end: date) -> dict[str, int]:
    """`aid_count`, `total_fen` and `families` reached in the period (voided aid excluded)."""
    row = db.execute(f"""
        SELECT count(*), coalesce(sum(a.amount_fen), 0), count(DISTINCT {_FAMILY})
        FROM aid a JOIN families f ON f.id = a.family_id WHERE {_PERIOD}""",
                     [start.isoformat(), end.isoformat()]).fetchone()
    return {"aid_count": int(row[0]), "total_fen": int(row[1]), "families": int(row[2])}


def registered(db: Database) -> int:
    """Families on file (merged registrations count once, under the family kept)."""
    return int(db.execute(
        "SELECT count(*) FROM families WHERE merged_into IS NULL").fetchone()[0])


def plan(db: Database, by: Grouping | Literal["overall", "registered"]) -> list[str]:
    """SQLite's query plan of one of these queries (for the tests and the benchmark)."""
    day = date(2000, 1, 1)
    if by == "registered":
        sql, params = "SELECT count(*) FROM families WHERE merged_into IS NULL", []
    elif by == "overall":
        sql, params = (f"SELECT count(*) FROM aid a JOIN families f ON f.id = a.family_id "
                       f"WHERE {_PERIOD}", [day.isoformat()] * 2)
    else:
        key, source = _GROUPS.get(by, ("p.code", "aid a JOIN programmes p "
                                                 "ON p.id = a.programme_id"))
        sql, params = (f"SELECT {key}, count(*) FROM {source} WHERE {_PERIOD} GROUP BY {key}",
                       [day.isoformat()] * 2)
    return [str(r[3]) for r in db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]
