"""The office audit log: who did what, when, to which object. The only module that writes or
reads `office_audit`; every office action and every view of a full ID number is recorded."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from helpdesk.domain.common import iso, utcnow
from helpdesk.server import storage as st

PAGE = 100


def record(engine_or_conn: Engine | Connection, user: str, action: str, object_: str = "",
           details: str = "") -> None:
    """Append one entry; in `conn`'s transaction when given one (so an action and its entry
    commit together), else in its own."""
    values = {"at": iso(utcnow()), "user_name": user, "action": action,
              "object": object_[:120], "details": details}
    if isinstance(engine_or_conn, Connection):
        engine_or_conn.execute(st.office_audit.insert().values(**values))
        return
    with st.write(engine_or_conn) as conn:
        conn.execute(st.office_audit.insert().values(**values))


def page(engine: Engine, before: int | None = None, limit: int = PAGE) -> list[dict[str, Any]]:
    """The newest entries first, `limit` of them, older than entry `before` when given
    (keyset pagination by id)."""
    a = st.office_audit.c
    query = sa.select(st.office_audit).order_by(a.id.desc()).limit(limit)
    if before is not None:
        query = query.where(a.id < before)
    with st.read(engine) as conn:
        return [dict(r) for r in conn.execute(query).mappings()]
