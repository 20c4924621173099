"""Pull: what a station gets from its region, in server order (DESIGN.md points 3, 4, 7).

Scope comes from the token: only the caller's region is read. A station gets its own
station's changes made on its other devices, the central programmes of its region, the match
records of the region's other stations' families (see `matches`) and the region's
duplicate-aid alerts (see `alerts`), and the region's device keys (see `devices`). Signatures
never travel: aid changes carry only the signature's hash, match records carry neither.
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.domain.changes import Change
from helpdesk.server import alerts, devices, matches
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller
from helpdesk.server.programmes import SERVER_STATION
from helpdesk.sync import wire


def pull(engine: Engine, caller: Caller, after: int, limit: int) -> wire.PullResponse:
    """Items (changes, match records, alerts, keys) after the cursor, in server order; read-only
    and repeatable.

    The cursor moves to the last item returned (or stays), so it never moves backwards and
    never passes an item it did not hand out. Because server numbers become visible in order
    (see `sequence`), nothing below the cursor can appear later.
    """
    limit = max(1, min(limit, wire.MAX_PULL))
    c = st.changes.c
    query = (sa.select(c.server_seq, c.body, c.server_hlc)
             .where(c.region == caller.region, c.server_seq > after, c.status == "accepted",
                    sa.or_(sa.and_(c.station_code == caller.station_code,
                                   c.device_id != caller.device_id),
                           c.station_code == SERVER_STATION))
             .order_by(c.server_seq).limit(limit + 1))
    # All reads in one snapshot: with a snapshot per statement, pushes committing between
    # them could show a later match record but not an earlier change, and the cursor would
    # pass that change (tests/server/test_matches.py shows it on PostgreSQL).
    with st.read(engine) as conn:
        changes: list[wire.PulledItem] = [
            wire.PulledChange(server_seq=r.server_seq, change=Change.model_validate_json(r.body),
                              hlc=r.server_hlc) for r in conn.execute(query)]
        records: list[wire.PulledItem] = list(matches.after(conn, caller, after, limit + 1))
        raised: list[wire.PulledItem] = list(alerts.after(conn, caller, after, limit + 1))
        keys: list[wire.PulledItem] = list(devices.after(conn, caller, after, limit + 1))
    merged = sorted(changes + records + raised + keys, key=lambda item: item.server_seq)
    more = len(merged) > limit
    items = tuple(merged[:limit])
    next_after = items[-1].server_seq if items else after
    return wire.PullResponse(items=items, next_after=max(next_after, after), more=more,
                             server_time_ms=int(time.time() * 1000))
