"""The stations' closes of their cash days on the server: a projection of the accepted
"close" changes (`rules` has already checked each one is the caller's own and unaltered but
for its reopening), one row per (station, id), the state of the newest HLC kept."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.domain.changes import Change
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller

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
        stmt = st.insert(conn, st.day_closes).values(**values)
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
