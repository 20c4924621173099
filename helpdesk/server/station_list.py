"""The stations page's data: each station with its devices and how its syncs went.

The server kept no record of a station's syncs but its changes, so `ingest.push` calls
`record_push` in every push transaction: one upsert of the station's row in `station_sync`
(last push, changes received, quarantined and rejected, clock skew, app version). The app
version and the station's clock come from the sync client's `X-Helpdesk-Version` and
`X-Helpdesk-Time` headers; a client that does not send them leaves them unknown. A pull
writes nothing (it is read-only), so "last sync" is the last push: every sync pushes first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.domain import regions
from helpdesk.domain.common import utcnow
from helpdesk.server import sql
from helpdesk.server import storage as st
from helpdesk.server.summaries import in_scope


def record_push(conn: Connection, station_code: str, at: str, app_version: str,
                clock_skew_ms: int | None, *, received: int, quarantined: int,
                rejected: int) -> None:
    """Note a push of the station in its transaction (changes newly accepted, quarantined
    and newly rejected by it); skew and version are kept from the last push that sent them."""
    y = st.station_sync.c
    stmt = sql.insert(conn, st.station_sync).values(
        station_code=station_code, last_push_at=at, pushes=1, received=received,
        quarantined=quarantined, rejected=rejected, clock_skew_ms=clock_skew_ms,
        app_version=app_version[:40])
    x = stmt.excluded
    conn.execute(stmt.on_conflict_do_update(index_elements=["station_code"], set_={
        "last_push_at": x.last_push_at, "pushes": y.pushes + 1,
        "received": y.received + x.received, "quarantined": y.quarantined + x.quarantined,
        "rejected": y.rejected + x.rejected,
        "clock_skew_ms": sa.func.coalesce(x.clock_skew_ms, y.clock_skew_ms),
        "app_version": sa.case((x.app_version != "", x.app_version), else_=y.app_version)}))


def stations(conn: Connection, region_prefix: str, now: datetime | None = None
             ) -> list[dict[str, Any]]:
    """The scope's stations by code: region and its name, devices (not revoked), enrolled or
    revoked, last push and its age in seconds (None: never), changes received, quarantined,
    rejected, clock skew (ms, station minus server) and app version."""
    now = now or utcnow()
    t, y, d = st.stations.c, st.station_sync.c, st.devices.c
    devices = (sa.select(sa.func.count()).where(d.station_code == t.code, d.revoked_at.is_(None),
                                                d.token_hash.is_not(None))
               .scalar_subquery())
    rows = conn.execute(
        sa.select(t.code, t.name, t.region, t.enrolled_at, t.revoked_at, devices.label("devices"),
                  y.last_push_at, y.pushes, y.received, y.quarantined, y.rejected,
                  y.clock_skew_ms, y.app_version)
        .select_from(st.stations.outerjoin(st.station_sync, y.station_code == t.code))
        .where(in_scope(t.region, region_prefix)).order_by(t.code))
    out = []
    for r in rows:
        age = None
        if r.last_push_at:
            age = int((now - datetime.fromisoformat(r.last_push_at)).total_seconds())
        out.append({"code": r.code, "name": r.name, "region": r.region,
                    "region_name": regions.display(r.region), "devices": int(r.devices),
                    "enrolled_at": r.enrolled_at, "revoked_at": r.revoked_at,
                    "last_sync_at": r.last_push_at, "last_sync_age_s": age,
                    "pushes": int(r.pushes or 0), "received": int(r.received or 0),
                    "quarantined": int(r.quarantined or 0), "rejected": int(r.rejected or 0),
                    "clock_skew_ms": r.clock_skew_ms, "app_version": r.app_version or ""})
    return out


def names(conn: Connection, region_prefix: str) -> list[dict[str, str]]:
    """The scope's stations by code, with their names only (for a filter's choices)."""
    t = st.stations.c
    return [{"code": r.code, "name": r.name} for r in conn.execute(
        sa.select(t.code, t.name).where(in_scope(t.region, region_prefix)).order_by(t.code))]
