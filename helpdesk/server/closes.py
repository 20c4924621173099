"""The stations' closes of their cash days on the server: a projection of the accepted
"close" changes (`rules` has already checked each one is the caller's own and unaltered but
for its reopening), one row per (station, id), the state of the newest HLC kept."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.domain.changes import Change
from helpdesk.server import ledger, sql
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller
from helpdesk.server.summaries import in_scope

_COLUMNS = ("day", "float_fen", "cash_out_fen", "aid_count", "expected_fen", "counted_fen",
            "difference_fen", "reason", "closed_by", "witness_id", "closed_at", "reopened_at")


def project(conn: Connection, caller: Caller, accepted: Iterable[tuple[Change, str]]) -> None:
    """Insert or update the closes of newly accepted changes, given with their server HLC;
    an older state never replaces a newer one, so either order ends the same."""
    for change, hlc in accepted:
        if change.entity != "close":
            continue
        values = {"station_code": caller.station_code, "id": change.entity_id,
                  "region": caller.region, "hlc": hlc,
                  **{k: change.state.get(k) for k in _COLUMNS}}
        stmt = sql.insert(conn, st.day_closes).values(**values)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["station_code", "id"],
            set_={k: stmt.excluded[k] for k in (*_COLUMNS, "hlc")},
            where=st.day_closes.c.hlc < stmt.excluded.hlc))


def of_station(conn: Connection, station_code: str) -> list[dict[str, Any]]:
    """A station's closes, newest day first."""
    c = st.day_closes.c
    return [dict(r._mapping) for r in conn.execute(
        sa.select(st.day_closes).where(c.station_code == station_code)
        .order_by(c.day.desc(), c.closed_at.desc()))]


MAX_PAGE = 200
_SEP = "|"


def page(conn: Connection, region_prefix: str, station: str | None = None,
         date_from: str | None = None, date_to: str | None = None, after: str | None = None,
         limit: int = 50) -> tuple[list[dict[str, Any]], str | None]:
    """One keyset page of the closes in a region scope, newest day first (then station, id),
    with the closer's and witness's names where the server has the station's volunteers
    ("closer", "witness"; else their ids); and the `after` of the next page, None on the
    last. `after` is the key of the previous page's last row, as this function gave it."""
    c = st.day_closes.c
    where = [in_scope(c.region, region_prefix)]
    if station:
        where.append(c.station_code == station)
    if date_from:
        where.append(c.day >= date_from)
    if date_to:
        where.append(c.day <= date_to)
    if after:
        day, code, close_id = [*after.split(_SEP), "", "", ""][:3]
        where.append(sa.or_(c.day < day, sa.and_(c.day == day, sa.or_(
            c.station_code > code, sa.and_(c.station_code == code, c.id > close_id)))))
    limit = max(1, min(limit, MAX_PAGE))
    rows = [dict(r._mapping) for r in conn.execute(
        sa.select(st.day_closes, st.stations.c.name.label("station_name"))
        .join(st.stations, st.stations.c.code == c.station_code, isouter=True)
        .where(*where).order_by(c.day.desc(), c.station_code, c.id).limit(limit + 1))]
    more = len(rows) > limit
    rows = rows[:limit]
    names: dict[tuple[str, str], str] = {}
    for field, into in (("closed_by", "closer"), ("witness_id", "witness")):
        proxies = [{"station_code": r["station_code"], "volunteer_id": r[field]} for r in rows]
        ledger.name_volunteers(conn, proxies, names)
        for r, p in zip(rows, proxies, strict=True):
            r[into] = p["volunteer"]
    last = rows[-1] if rows else None
    following = _SEP.join((last["day"], last["station_code"], last["id"])) \
        if more and last else None
    return rows, following
