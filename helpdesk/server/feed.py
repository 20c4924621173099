"""Pull: what a station gets from its region, in server order (DESIGN.md points 3, 4, 7).

Scope comes from the token: only the caller's region is read. A station gets its own
station's changes made on its other devices, the central programmes of its region, the match
records of the region's other stations' families (see `matches`) and the region's
duplicate-aid alerts (see `alerts`), and the region's device keys (see `devices`). Signatures
never travel: aid changes carry only the signature's hash, match records carry neither.
"""

from __future__ import annotations

import heapq
import itertools
import json
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.server import accounts, alerts, devices, matches
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
        changes = [(int(r.server_seq),
                    f'{{"kind":"change","server_seq":{int(r.server_seq)},"change":{r.body},'
                    f'"hlc":{json.dumps(r.server_hlc)}}}') for r in conn.execute(
            st.prepared(conn, (_changes_after,), _changes_after),
            {"region": caller.region, "cursor": after, "station_code": caller.station_code,
             "device_id": caller.device_id, "limit": limit + 1})]
        records = matches.after(conn, caller, after, limit + 1)
        raised = alerts.after(conn, caller, after, limit + 1)
        keys = devices.after(conn, caller, after, limit + 1)
    merged = list(itertools.islice(heapq.merge(changes, records, raised, keys,
                                               key=lambda item: item[0]), limit + 1))
    more = len(merged) > limit
    items = merged[:limit]
    next_after = max(items[-1][0] if items else after, after)
    return (f'{{"protocol":{wire.PROTOCOL},"items":[{",".join(text for _, text in items)}],'
            f'"next_after":{next_after},"more":{"true" if more else "false"},'
            f'"server_time_ms":{int(time.time() * 1000)}}}')


def _changes_after(_dialect: str) -> Any:
    """The caller's station's changes made on its other devices and the central programmes,
    after the cursor."""
    c = st.changes.c
    return (sa.select(c.server_seq, c.body, c.server_hlc)
            .where(c.region == sa.bindparam("region"), c.server_seq > sa.bindparam("cursor"),
                   c.status == "accepted",
                   sa.or_(sa.and_(c.station_code == sa.bindparam("station_code"),
                                  c.device_id != sa.bindparam("device_id")),
                          c.station_code == SERVER_STATION))
            .order_by(c.server_seq).limit(sa.bindparam("limit", type_=sa.Integer)))
