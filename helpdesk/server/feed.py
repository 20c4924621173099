"""Pull: what a station gets from its region, in server order (DESIGN.md points 3, 4, 7).

Scope comes from the token: only the caller's region is read. A station gets its own
station's changes made on its other devices, the central programmes of its region, the match
records of the region's other stations' families (see `matches`) and the region's
duplicate-aid alerts (see `alerts`) and the office's decisions on them (see `review_queue`),
and the region's device keys (see `devices`). Signatures
never travel: aid changes carry only the signature's hash, match records carry neither.
"""

from __future__ import annotations

import heapq
import itertools
import json
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from helpdesk.server import accounts, alerts, devices, matches, review_queue, sql
from helpdesk.server import storage as st
from helpdesk.server.accounts import Bearer, Caller
from helpdesk.server.programmes import SERVER_STATION
from helpdesk.sync import wire


def pull(engine: Engine, caller: Caller | Bearer, after: int, limit: int) -> wire.PullResponse:
    """Items (changes, match records, alerts, keys) after the cursor, in server order; read-only
    and repeatable.

    The cursor moves to the last item returned (or stays), so it never moves backwards and
    never passes an item it did not hand out. Because server numbers become visible in order
    (see `sequence`), nothing below the cursor can appear later.
    """
    return wire.PullResponse.model_validate_json(page(engine, caller, after, limit))


def page(engine: Engine, who: Caller | Bearer, after: int, limit: int) -> str:
    """`pull` as the JSON of its `wire.PullResponse`, made straight from the rows: the stored
    change bodies are embedded as they are and the database writes the match records and
    alerts, so a page of 1,000 items never becomes 1,000 models (they cost more than the
    reads). `who` is the caller, or a bearer token looked up in the same transaction.
    tests/server/test_pull.py validates pages against the wire models."""
    limit = max(1, min(limit, wire.MAX_PULL))
    # All reads in one snapshot: with a snapshot per statement, pushes committing between
    # them could show a later match record but not an earlier change, and the cursor would
    # pass that change (tests/server/test_matches.py shows it on PostgreSQL).
    with st.read(engine) as conn:
        caller = accounts.caller_in(conn, who)
        # The own station's changes of its other devices, and the programmes (the server's
        # changes): two reads along the (region, station, server order) index.
        own, central = (_changes(conn, station, caller, after, limit + 1)
                        for station in (caller.station_code, SERVER_STATION))
        records = matches.after(conn, caller, after, limit + 1)
        raised = alerts.after(conn, caller, after, limit + 1)
        keys = devices.after(conn, caller, after, limit + 1)
        decided = review_queue.after(conn, caller, after, limit + 1)
    merged = list(itertools.islice(heapq.merge(own, central, records, raised, keys, decided,
                                               key=lambda item: item[0]), limit + 1))
    more = len(merged) > limit
    items = merged[:limit]
    next_after = max(items[-1][0] if items else after, after)
    return (f'{{"protocol":{wire.PROTOCOL},"items":[{",".join(text for _, text in items)}],'
            f'"next_after":{next_after},"more":{"true" if more else "false"},'
            f'"server_time_ms":{int(time.time() * 1000)}}}')


def _changes(conn: Connection, station: str, caller: Caller, after: int, limit: int
             ) -> list[tuple[int, str]]:
    """A station's accepted changes of the caller's region after the cursor, but those of the
    caller's own device, in server order, as (server_seq, JSON of a `wire.PulledChange`)."""
    return [(int(r.server_seq),
             f'{{"kind":"change","server_seq":{int(r.server_seq)},"change":{r.body},'
             f'"hlc":{json.dumps(r.server_hlc)}}}') for r in conn.execute(
        sql.prepared(conn, _changes_after),
        {"region": caller.region, "station_code": station, "cursor": after,
         "device_id": caller.device_id, "limit": limit})]


def _changes_after(_dialect: str) -> Any:
    c = st.changes.c
    return (sa.select(c.server_seq, c.body, c.server_hlc)
            .where(c.region == sa.bindparam("region"),
                   c.station_code == sa.bindparam("station_code"),
                   c.server_seq > sa.bindparam("cursor"), c.status == "accepted",
                   c.device_id != sa.bindparam("device_id"))
            .order_by(c.server_seq).limit(sa.bindparam("limit", type_=sa.Integer)))
