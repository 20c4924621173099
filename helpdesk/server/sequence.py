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
    the write transaction that uses them; calling again in it is fine (the lock is held)."""
    conn.execute(st.insert(conn, st.region_counters).values(region=region, value=0)
                 .on_conflict_do_nothing(index_elements=["region"]))
    last = conn.execute(st.region_counters.update()
                        .where(st.region_counters.c.region == region)
                        .values(value=st.region_counters.c.value + count)
                        .returning(st.region_counters.c.value)).scalar_one()
    return int(last) - count
