"""The aid ledger (台账) of the office's scope: filtered pages for the screen, a stream for
the export.

Rows come in the order of the key (local date, station, aid id) — newest first on pages,
oldest first in the export — read along the `aid_ledger` index. Pages are keyset pages: the
next page starts after the last row's key (`Page.next`), so rows that arrive meanwhile never
make a page repeat or skip a row. The name and masked ID are the family's match record's
(the kept family's, after a merge); the full ID number never leaves the station. The
difficulty class and reason are the family's as the server knew them when the aid arrived.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.server import storage as st
from helpdesk.server.summaries import in_scope

MAX_PAGE = 500
_SEP = "|"


@dataclass(frozen=True)
class Filters:
    """What the ledger is narrowed to; None (or "") is no narrowing. `programme` is a
    programme id; `voided` True shows only voided aid, False only aid in force."""

    region_prefix: str = ""
    station: str | None = None
    programme: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    kind: str | None = None
    voided: bool | None = None
    programmes: tuple[str, ...] = ()  # any of these programme ids (a code's, a campaign's)
    employment: str | None = None  # the family's class as counted at ingest
    reason: str | None = None


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    next: str | None  # the `after` of the next page; None on the last page
    previous: str | None = None  # the `before` of the page before; None on the first page


def query(filters: Filters) -> Any:
    a, m, p, s = st.aid.c, st.match_records.c, st.programmes.c, st.stations.c
    where = [in_scope(a.region, filters.region_prefix)]
    if filters.station:
        where.append(a.station_code == filters.station)
    if filters.programme:
        where.append(a.programme_id == filters.programme)
    if filters.date_from:
        where.append(a.local_date >= filters.date_from.isoformat())
    if filters.date_to:
        where.append(a.local_date <= filters.date_to.isoformat())
    if filters.kind:
        where.append(a.kind == filters.kind)
    if filters.voided is not None:
        where.append(a.voided.is_(filters.voided))
    if filters.programmes:
        where.append(a.programme_id.in_(filters.programmes))
    if filters.employment is not None:
        where.append(a.employment == filters.employment)
    if filters.reason is not None:
        where.append(a.reason == filters.reason)
    return (sa.select(a.local_date, a.station_code, a.id, a.given_at, a.kind, a.amount_fen,
                      a.voided, a.receipt_no, a.recipient_name, a.volunteer_id, a.employment,
                      a.reason, a.programme_id, a.region,
                      sa.func.coalesce(m.name, "").label("name"),
                      sa.func.coalesce(m.masked_id, "").label("masked_id"),
                      sa.func.coalesce(p.name_zh, "").label("programme_name"),
                      sa.func.coalesce(p.code, a.programme_id).label("programme_code"),
                      sa.func.coalesce(s.name, "").label("station_name"))
            .select_from(st.aid.outerjoin(st.match_records, sa.and_(
                m.station_code == a.station_code, m.family_id == a.family_id))
                # The aid's programme: its station's own, or the office's ("" owns those).
                .outerjoin(st.programmes, sa.and_(p.id == a.programme_id,
                                                  p.station_code.in_([a.station_code, ""])))
                .outerjoin(st.stations, s.code == a.station_code))
            .where(*where))


def _key(a: Any) -> Any:
    return sa.tuple_(a.local_date, a.station_code, a.id)


def _parse(after: str) -> tuple[str, str, str]:
    parts = after.split(_SEP)
    if len(parts) != 3 or not all(parts):
        raise ValueError(f"not a ledger position: {after!r}")
    return parts[0], parts[1], parts[2]


def ledger_page(conn: Connection, filters: Filters, after: str | None = None,
                limit: int = 50, before: str | None = None) -> Page:
    """One page of the ledger, newest first, starting after the position `after` (the
    previous page's `next`), or ending before the position `before` (the next page's
    `previous`). ValueError for a position that is not one."""
    a = st.aid.c
    limit = max(1, min(limit, MAX_PAGE))
    found_q = query(filters)
    if before:
        found_q = found_q.where(_key(a) > sa.tuple_(*map(sa.literal, _parse(before))))
        found_q = found_q.order_by(a.local_date, a.station_code, a.id)
        newer = list(reversed(conn.execute(found_q.limit(limit + 1)).all()))
        more_before = len(newer) > limit
        kept = newer[1:] if more_before else newer
        rows = [row(r) for r in kept]
        name_volunteers(conn, rows, {})
        return Page(rows, _position(kept[-1]) if kept else None,
                    _position(kept[0]) if kept and more_before else None)
    if after:
        found_q = found_q.where(_key(a) < sa.tuple_(*map(sa.literal, _parse(after))))
    found_q = found_q.order_by(a.local_date.desc(), a.station_code.desc(), a.id.desc())
    found = conn.execute(found_q.limit(limit + 1)).all()
    rows = [row(r) for r in found[:limit]]
    name_volunteers(conn, rows, {})
    last = found[limit - 1] if len(found) > limit else None
    return Page(rows, _position(last) if last else None,
                _position(found[0]) if after and found else None)


def _position(r: Any) -> str:
    return _SEP.join((r.local_date, r.station_code, r.id))


def ledger_rows(conn: Connection, filters: Filters, chunk: int = 1000
                ) -> Iterator[dict[str, Any]]:
    """Every row of the ledger, oldest first, streamed with a server-side cursor (`chunk`
    rows at a time): memory stays flat however many rows. Iterate inside the transaction of
    `conn` (`storage.read`, one snapshot)."""
    a = st.aid.c
    ordered = query(filters).order_by(a.local_date, a.station_code, a.id)
    names: dict[tuple[str, str], str] = {}
    if conn.dialect.name == "postgresql":
        # A long export looks costly to the planner, which then spends a second compiling
        # it (JIT) before the first row: more than reading 10,000 rows takes.
        conn.exec_driver_sql("SET LOCAL jit = off")
    result = conn.execute(ordered, execution_options={"stream_results": True,
                                                    "yield_per": chunk})
    for part in result.partitions():
        rows = [row(r) for r in part]
        name_volunteers(conn, rows, names)
        yield from rows


def row(r: Any) -> dict[str, Any]:
    """A ledger row as a dict: the query's columns (`query`) and "volunteer" (the name
    `name_volunteers` fills in)."""
    out = dict(r._mapping)
    out["amount_fen"] = int(out["amount_fen"])
    out["voided"] = bool(out["voided"])
    out["volunteer"] = ""
    return out


def name_volunteers(conn: Connection, rows: list[dict[str, Any]],
                     known: dict[tuple[str, str], str]) -> None:
    """Fill each row's "volunteer" with the volunteer's name (from the station's volunteer
    changes, the newest), remembering names in `known`."""
    wanted = {(r["station_code"], r["volunteer_id"]) for r in rows} - set(known)
    if wanted:
        c = st.changes.c
        found = conn.execute(
            sa.select(c.station_code, c.entity_id, c.body)
            .where(sa.tuple_(c.station_code, c.entity_id).in_(sorted(wanted)),
                   c.entity == "volunteer", c.status == "accepted")
            .order_by(c.server_hlc))
        for row in found:  # oldest first: the newest name stays
            known[(row.station_code, row.entity_id)] = str(
                orjson.loads(row.body)["state"].get("name", ""))
        for key in wanted:
            known.setdefault(key, "")
    for r in rows:
        r["volunteer"] = known[(r["station_code"], r["volunteer_id"])] or r["volunteer_id"]


def summed(conn: Connection, filters: Filters) -> tuple[int, int] | None:
    """(aid in force, total fen) of the ledger under `filters`, read from the summaries kept
    at ingest, never from the aid rows: the roll-up by (region, programme, month) or by
    (region, employment, reason) when it answers, else the full summary of one station (read
    along its key). None when no summary can say it cheaply: only voided aid asked for, a
    date range that does not start and end on a month's edge, a kind without a station, or
    a class beside a programme or dates without a station."""
    first, last = filters.date_from, filters.date_to
    if filters.voided is True or (first and first.day != 1) or (
            last and (last + timedelta(days=1)).day != 1):
        return None
    classed = filters.employment is not None or filters.reason is not None
    dated = bool(first or last or filters.programme or filters.programmes)
    if filters.station:
        table = st.aid_summary
    elif filters.kind or (classed and dated):
        return None
    else:
        table = st.aid_classes if classed else st.aid_monthly
    s = table.c
    where = [in_scope(s.region, filters.region_prefix)]
    if filters.station:
        where.append(s.station_code == filters.station)
    if filters.kind:
        where.append(s.kind == filters.kind)
    for name in ("employment", "reason"):
        if getattr(filters, name) is not None:
            where.append(s[name] == getattr(filters, name))
    if filters.programme:
        where.append(s.programme_id == filters.programme)
    if filters.programmes:
        where.append(s.programme_id.in_(filters.programmes))
    if first:
        where.append(s.month >= first.isoformat()[:7])
    if last:
        where.append(s.month <= last.isoformat()[:7])
    n, fen = conn.execute(sa.select(sa.func.coalesce(sa.func.sum(s.aid_count), 0),
                                    sa.func.coalesce(sa.func.sum(s.total_fen), 0))
                          .where(*where)).one()
    return int(n), int(fen)
