"""Server sequence numbers: per region, visible in commit order (DESIGN.md point 3).

On PostgreSQL, numbers from a SEQUENCE are handed out before commit, so concurrent
transactions commit them out of order and a reader can see 101 before 100 commits, then
move its cursor past 100 for ever. Here the numbers come from the region's counter row,
updated inside the writing transaction: the row stays locked until that transaction ends,
so the next writer of the region gets its numbers only after the previous one committed.
"""

from __future__ import annotations

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
