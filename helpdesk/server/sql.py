"""Dialect-aware pieces of SQL the server's modules build their statements from: a list
parameter, statements built once per dialect and kept, inserts that skip duplicates, JSON
objects and text, many rows in one statement, rows passed as one JSON record set. The tables
and transactions are `server.storage`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine


def among_param(dialect: str, column: sa.ColumnElement[Any], name: str
                ) -> sa.ColumnElement[bool]:
    """`column IN :name`, the list given when the statement runs (see `prepared`). On
    PostgreSQL as `IN (SELECT unnest(array))`, one parameter however many. Not
    `= ANY(array)`: against a young table whose statistics still say "tiny" the planner
    answers that with a sequential scan testing every row against every value, which grew to
    tens of milliseconds per push under load; the semi-join probes the index."""
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        array = sa.bindparam(name, type_=postgresql.ARRAY(column.type))
        return column.in_(sa.select(sa.func.unnest(array)).scalar_subquery())
    return column.in_(sa.bindparam(name, expanding=True))


_prepared: dict[tuple[Any, ...], Any] = {}


def prepared(conn: Connection, build: Callable[[str], Any],
             key: tuple[Any, ...] | None = None) -> Any:
    """The statement `build(dialect name)` makes, built at the first call for this dialect
    and `key` (by default `build` itself, a module-level builder) and kept: the statements a
    push runs are the same every time but for their parameters, and building one again costs
    more Python than running it (SQLAlchemy memoizes the cache key of a statement object, not
    of an equal new one)."""
    full = (conn.dialect.name, *(key or (build,)))
    found = _prepared.get(full)
    if found is None:
        found = _prepared[full] = build(conn.dialect.name)
    return found


def insert(engine_or_conn: Engine | Connection, table: sa.Table) -> Any:
    """The dialect's INSERT, which has `on_conflict_do_nothing` on SQLite and PostgreSQL."""
    if engine_or_conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql
        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite
    return sqlite.insert(table)


def json_object(conn: Connection, fields: dict[str, Any]) -> sa.ColumnElement[str]:
    """A JSON object built by the database, as text: `fields` maps each key to a column (or a
    `json_text` of one, embedded as JSON) or a constant string. Pull pages are made of these:
    the database writes a thousand small objects faster than Python builds a model of each."""
    args: list[Any] = []
    for key, value in fields.items():
        args.append(sa.literal_column(_sql_string(key)))
        args.append(sa.literal_column(_sql_string(value)) if isinstance(value, str) else value)
    if conn.dialect.name == "postgresql":
        return sa.cast(sa.func.json_build_object(*args), sa.Text)
    return sa.func.json_object(*args, type_=sa.Text)


def json_text(conn: Connection, column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """A text column holding JSON, to embed as JSON (not as a string) in `json_object`."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql
        return sa.cast(column, postgresql.JSON)
    return sa.func.json(column)


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def insert_rows(conn: Connection, table: sa.Table, rows: list[dict[str, Any]],
                build: Callable[[Any], Any] = lambda stmt: stmt) -> sa.CursorResult[Any]:
    """INSERT `rows` (dicts with the same keys) as one statement; `build` adds ON CONFLICT or
    RETURNING to the dialect's insert (see `insert`) and must depend on nothing but the
    statement and the rows' keys: the statement is built once per table, keys and `build`.
    On PostgreSQL the rows travel as one JSON parameter expanded by json_to_recordset
    (`recordset`): one short statement, where an executemany would send and run one
    statement per row, and a multi-row VALUES list would have the driver parse and escape
    thousands of parameters value by value."""
    names = tuple(rows[0])
    key = ("insert_rows", table.name, names, build.__code__)
    if conn.dialect.name != "postgresql":
        return conn.execute(prepared(conn, lambda _d: build(insert(conn, table)), key), rows)

    def make(_dialect: str) -> Any:
        source = recordset(table, names)
        return build(insert(conn, table).from_select(names, sa.select(*source.c)))

    return conn.execute(prepared(conn, make, key), {"rows": recordset_json(rows)})


def recordset(table: sa.Table, names: Iterable[str]) -> Any:
    """PostgreSQL: rows with these keys (columns of `table`) as the derived table `r` of
    json_to_recordset over the JSON parameter "rows" (`recordset_json`), typed as the
    table's columns."""
    return sa.func.json_to_recordset(sa.cast(sa.bindparam("rows", type_=sa.Text), sa.JSON)
                                     ).table_valued(*(sa.column(n, table.c[n].type)
                                                      for n in names)
                                                    ).render_derived("r", with_types=True)


def recordset_json(rows: list[dict[str, Any]]) -> str:
    return orjson.dumps(rows).decode()
