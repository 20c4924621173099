"""The station's aid figures for a period, grouped the ways the Reports page shows them.

Voided aid is left out everywhere, as in `aid.totals`. Two reads make all the figures: the
period's aid through the `aid_local_date` index (with its programme), then the few columns
of the families it reached, looked up by id in sorted order (an `IN` list is walked in
order, so each page is read once, not once per aid: at a 200k-family station, one join per
grouping cost 0.6 s each on the encrypted file) in the covering index `families_report`
(named: SQLite prefers the id's unique index, which then reads every row from the table). The
grouping is then done here, once, in Python. The one count over all families, `registered`,
reads an index of the families not merged, never the table.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from sqlite_utils import Database

Grouping = Literal["programme", "month", "reason", "employment", "tier"]
GROUPINGS: tuple[Grouping, ...] = ("programme", "month", "reason", "employment", "tier")
CHUNK = 500  # ids per IN list: well under SQLite's limit of bound parameters

_FAMILIES = ("SELECT id, merged_into, employment, coalesce(tier, ''), reasons "
             "FROM families INDEXED BY families_report WHERE id IN ({marks})")
_AID = """
    SELECT a.family_id, p.code, p.name_zh, p.name_en, substr(a.local_date, 1, 7), a.amount_fen
    FROM aid a JOIN programmes p ON p.id = a.programme_id
    WHERE a.voided_at IS NULL AND a.local_date BETWEEN ? AND ?"""


@dataclass
class _Group:
    aid_count: int = 0
    total_fen: int = 0
    families: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Family:
    kept: str  # the family it was merged into (one level), or itself
    employment: str
    tier: str
    reasons: tuple[str, ...]


def figures(db: Database, start: date, end: date) -> dict[str, Any]:
    """Aid not voided dated `start`..`end` (station local dates, both included):
    `overall` {aid_count, total_fen, families} and, for each of GROUPINGS, rows of `key`,
    `aid_count`, `total_fen`, `families` (distinct families reached) ordered by key;
    programme rows carry `name_zh`/`name_en`. A family merged into another counts as the
    one kept; a family with several reasons counts under each of them."""
    aid = db.execute(_AID, [start.isoformat(), end.isoformat()]).fetchall()
    facts = _families(db, {str(r[0]) for r in aid})
    groups: dict[str, dict[str, _Group]] = {g: {} for g in GROUPINGS}
    by_programme, by_month, by_reason = groups["programme"], groups["month"], groups["reason"]
    by_employment, by_tier = groups["employment"], groups["tier"]
    names: dict[str, tuple[str, str]] = {}
    reached: set[str] = set()
    total = 0
    unknown = _Family("", "", "", ())

    def add(to: dict[str, _Group], key: str, fen: int, family: str) -> None:
        g = to.get(key)
        if g is None:
            g = to[key] = _Group()
        g.aid_count += 1
        g.total_fen += fen
        g.families.add(family)

    for family_id, code, name_zh, name_en, month, fen in aid:
        f = facts.get(family_id, unknown)
        kept = f.kept or family_id
        names[code] = (name_zh, name_en)
        total += fen
        reached.add(kept)
        add(by_programme, code, fen, kept)
        add(by_month, month, fen, kept)
        add(by_employment, f.employment, fen, kept)
        add(by_tier, f.tier, fen, kept)
        for reason in f.reasons:
            add(by_reason, reason, fen, kept)
    out: dict[str, Any] = {"overall": {"aid_count": len(aid), "total_fen": total,
                                       "families": len(reached)}}
    for grouping, made in groups.items():
        out[grouping] = [{"key": k, "aid_count": g.aid_count, "total_fen": g.total_fen,
                          "families": len(g.families)} for k, g in sorted(made.items())]
    for row in out["programme"]:
        row["name_zh"], row["name_en"] = names[row["key"]]
    return out


def _families(db: Database, ids: Iterable[str]) -> dict[str, _Family]:
    wanted = sorted(ids)
    found: dict[str, _Family] = {}
    parsed: dict[str, tuple[str, ...]] = {}  # few distinct reason lists: parse each once
    for n in range(0, len(wanted), CHUNK):
        chunk = wanted[n:n + CHUNK]
        marks = ",".join("?" for _ in chunk)
        for fid, merged, employment, tier, reasons in db.execute(
                _FAMILIES.format(marks=marks), chunk).fetchall():
            key = reasons or "[]"
            if key not in parsed:
                parsed[key] = tuple(dict.fromkeys(json.loads(key)))
            found[fid] = _Family(merged or fid, employment, tier, parsed[key])
    return found


def registered(db: Database) -> int:
    """Families on file (merged registrations count once, under the family kept)."""
    return int(db.execute(
        "SELECT count(*) FROM families WHERE merged_into IS NULL").fetchone()[0])


def plan(db: Database, what: Literal["aid", "families", "registered"]) -> list[str]:
    """SQLite's query plan of one of these reads (for the tests and the benchmark)."""
    day = date(2000, 1, 1).isoformat()
    sql, params = {
        "aid": (_AID, [day, day]),
        "families": (_FAMILIES.format(marks="?, ?"), ["a", "b"]),
        "registered": ("SELECT count(*) FROM families WHERE merged_into IS NULL", []),
    }[what]
    return [str(r[3]) for r in db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]
