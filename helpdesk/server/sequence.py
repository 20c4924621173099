"""Server sequence numbers: per region, visible in commit order (DESIGN.md point 3).

On PostgreSQL, numbers from a SEQUENCE are handed out before commit, so concurrent
transactions commit them out of order and a reader can see 101 before 100 commits, then
move its cursor past 100 for ever. Here the numbers come from the region's counter row,
updated inside the writing transaction: the row stays locked until that transaction ends,
so the next writer of the region gets its numbers only after the previous one committed.
Rows may be written earlier in the transaction without a number (invisible to pulls, which
read `server_seq > cursor`); only numbering them must wait for the counter.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.server import storage as st


def allocate(conn: Connection, region: str, count: int) -> int:
    """Reserve `count` numbers of the region; returns the one before the first. Call inside
    the write transaction that uses them, as late as it can be: the counter row stays locked
    until that transaction ends. Calling again in it is fine (the lock is held)."""
    c = st.region_counters.c
    # One upsert (a first number of a new region, or the next ones) rather than an insert
    # followed by an update: one round trip less while every writer of the region waits.
    stmt = st.insert(conn, st.region_counters).values(region=region, value=count)
    last = conn.execute(stmt.on_conflict_do_update(index_elements=["region"],
                                                   set_={"value": c.value + count})
                        .returning(c.value)).scalar_one()
    return int(last) - count


_PG_STAMP = sa.text(
    "WITH counter AS ("
    " INSERT INTO region_counters (region, value) VALUES (:region, :count)"
    " ON CONFLICT (region) DO UPDATE SET value = region_counters.value + :count"
    " RETURNING value - :count AS base)"
    " UPDATE changes SET server_seq = counter.base + t.n"
    " FROM counter, unnest(CAST(:ids AS text[])) WITH ORDINALITY AS t(change_id, n)"
    " WHERE changes.change_id = t.change_id"
    " RETURNING changes.change_id, changes.server_seq")


def stamp(conn: Connection, region: str, change_ids: list[str]) -> dict[str, int]:
    """Number these changes, stored earlier in this transaction, in this order with the next
    numbers of the region (`allocate`, so the counter stays locked until the transaction
    ends); returns change id → number. On PostgreSQL one statement takes the numbers and
    writes them."""
    if not change_ids:
        return {}
    if st.is_postgres(conn.engine):
        return {cid: int(seq) for cid, seq in conn.execute(
            _PG_STAMP, {"region": region, "count": len(change_ids), "ids": change_ids})}
    first = allocate(conn, region, len(change_ids)) + 1
    numbers = {cid: first + n for n, cid in enumerate(change_ids)}
    c = st.changes.c
    conn.execute(st.changes.update().where(c.change_id == sa.bindparam("cid"))
                 .values(server_seq=sa.bindparam("seq")),
                 [{"cid": cid, "seq": seq} for cid, seq in numbers.items()])
    return numbers
