"""Totals for the union office: aid count and fen by station, programme and month.

Read from the aid projection kept by `ingest`; voided aid is excluded, as in the station's
`helpdesk totals`, so the two agree to the fen.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.server import alerts
from helpdesk.server import storage as st


def totals(engine: Engine) -> dict[str, Any]:
    """`aid_count` and `total_fen` at the top, then the rows by station, programme and month,
    then the duplicate-aid alerts."""
    a, p = st.aid.c, st.programmes.c
    month = sa.func.substr(a.local_date, 1, 7).label("month")
    programme = sa.func.coalesce(p.code, a.programme_id).label("programme")
    query = (sa.select(a.station_code.label("station"), programme, month,
                       sa.func.count().label("aid_count"),
                       sa.func.sum(a.amount_fen).label("total_fen"))
             # The aid's programme: its station's own, or the office's ("" owns those).
             .select_from(st.aid.outerjoin(st.programmes, sa.and_(
                 p.id == a.programme_id, p.station_code.in_([a.station_code, ""]))))
             .where(a.voided.is_(False))
             .group_by(a.station_code, programme, month)
             .order_by(month, a.station_code, programme))
    with st.read(engine) as conn:
        rows = [{"station": r.station, "programme": r.programme, "month": r.month,
                 "aid_count": int(r.aid_count), "total_fen": int(r.total_fen)}
                for r in conn.execute(query)]
    return {"aid_count": sum(r["aid_count"] for r in rows),
            "total_fen": sum(r["total_fen"] for r in rows),
            "by_station_programme_month": rows,
            "alerts": alerts.all_(engine)}
