"""Server sequence numbers: per region, visible in commit order (DESIGN.md point 3).

On PostgreSQL, numbers from a SEQUENCE are handed out before commit, so concurrent
transactions commit them out of order and a reader can see 101 before 100 commits, then
move its cursor past 100 for ever. Here the numbers come from the region's counter row,
updated inside the writing transaction: the row stays locked until that transaction ends,
so the next writer of the region gets its numbers only after the previous one committed.
Rows are written with their numbers (`insert_numbered`) once the counter is taken; whatever
needs no number is done before it, so the region's writers queue for as short a time as can be.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.server import sql
from helpdesk.server import storage as st


def allocate(conn: Connection, region: str, count: int) -> int:
    """Reserve `count` numbers of the region; returns the one before the first. Call inside
    the write transaction that uses them, as late as it can be: the counter row stays locked
    until that transaction ends. Calling again in it is fine (the lock is held)."""
    c = st.region_counters.c
    # One upsert (a first number of a new region, or the next ones) rather than an insert
    # followed by an update: one round trip less while every writer of the region waits.
    stmt = sql.insert(conn, st.region_counters).values(region=region, value=count)
    last = conn.execute(stmt.on_conflict_do_update(index_elements=["region"],
                                                   set_={"value": c.value + count})
                        .returning(c.value)).scalar_one()
    return int(last) - count


def insert_numbered(conn: Connection, table: sa.Table, region: str, rows: list[dict[str, Any]],
                    build: Callable[[Any], Any] = lambda stmt: stmt) -> sa.CursorResult[Any]:
    """INSERT `rows` (as `sql.insert_rows`, `build` adds ON CONFLICT / RETURNING), each
    row's "server_seq" — 1, 2, 3… in the order they must become visible, or None for a row
    that takes no number — replaced by the region's next numbers (`allocate`: the counter
    stays locked until the transaction ends). Numbers of rows the insert skips on a conflict
    are left unused: pullers only need them in commit order, not without gaps.

    On PostgreSQL the counter is taken and the rows written by one statement (the counter's
    upsert as a CTE), so the region's other writers wait one round trip less."""
    count = max((r["server_seq"] for r in rows if r["server_seq"] is not None), default=0)
    if count == 0:
        return sql.insert_rows(conn, table, rows, build)
    if not st.is_postgres(conn.engine):
        base = allocate(conn, region, count)
        numbered = [{**r, "server_seq": None if r["server_seq"] is None
                     else base + r["server_seq"]} for r in rows]
        return sql.insert_rows(conn, table, numbered, build)

    def make(_dialect: str) -> Any:
        c = st.region_counters.c
        taken = sa.bindparam("count", type_=sa.BigInteger)
        counter = (sql.insert(conn, st.region_counters)
                   .values(region=sa.bindparam("region"), value=taken)
                   .on_conflict_do_update(index_elements=["region"],
                                          set_={"value": c.value + taken})
                   .returning((c.value - taken).label("base")).cte("counter"))
        source = sql.recordset(table, names)
        values = [counter.c.base + source.c[n] if n == "server_seq" else source.c[n]
                  for n in names]
        stmt = sql.insert(conn, table).from_select(
            names, sa.select(*values).select_from(counter.join(source, sa.true())))
        return build(stmt.add_cte(counter))

    names = tuple(rows[0])
    stmt = sql.prepared(conn, make, ("insert_numbered", table.name, names, build.__code__))
    return conn.execute(stmt, {"region": region, "count": count,
                               "rows": sql.recordset_json(rows)})
