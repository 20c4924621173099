"""Aid counted at ingest, and the office's overview read from those counts.

`aid_summary` holds, per (station, programme, month, kind, difficulty reason, employment),
the count and total of non-void aid; `aid_monthly` (per region, programme, month) and
`aid_classes` (per region, employment, reason) roll it up for the overview, which reads only
them. `ingest` calls `aid_rows` and `count` in the push transaction that stores or voids the
aid, and all three move together: a new aid adds to its row, a void subtracts from
the row the aid was added to (its class is kept on the aid row, so a later edit of the
family moves nothing). A family's class is its employment form and its first difficulty
reason as the server knows them when the aid arrives: from the family's change in the same
batch, else from its match record (`matches`), else "" (not known yet).

Families reached are counted from the match records, which ingest already keeps one per
family with its non-void aid per programme (a merged family's record is emptied): the
families of the scope whose record has aid. No per-month count of families is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from helpdesk.domain.changes import Change
from helpdesk.domain.common import iso, utcnow
from helpdesk.server import sql
from helpdesk.server import storage as st

KEY = ("station_code", "programme_id", "month", "kind", "reason", "employment")
# Columns of an aid row that say where it is counted (`aid_rows` makes them).
COUNTED = ("station_code", "programme_id", "local_date", "kind", "reason", "employment",
           "region", "amount_fen")
CALLED_OUT = ("platform", "rural_migrant")  # the employment forms the union reports apart


def classes(conn: Connection, station_code: str, changes: Sequence[Change]
            ) -> dict[str, tuple[str, str]]:
    """(employment, first reason) of the families these aid changes name, by family id."""
    wanted = {str(c.state["family_id"]) for c in changes if c.entity == "aid"}
    found: dict[str, tuple[str, str, str]] = {}  # family → (hlc, employment, reason)
    for c in changes:
        if c.entity == "family" and c.entity_id in wanted:
            reasons = c.state.get("reasons") or [""]
            if c.entity_id not in found or found[c.entity_id][0] <= c.hlc:
                found[c.entity_id] = (c.hlc, str(c.state.get("employment", "")),
                                      str(reasons[0]))
    out = {f: (e, r) for f, (_h, e, r) in found.items()}
    missing = wanted - set(out)
    if missing:
        for row in conn.execute(sql.prepared(conn, _records_of),
                                {"station_code": station_code, "ids": list(missing)}):
            out[row.family_id] = (row.employment, row.reason)
    return out


def _records_of(dialect: str) -> Any:
    r = st.match_records.c
    return sa.select(r.family_id, r.employment, r.reason).where(
        r.station_code == sa.bindparam("station_code"),
        sql.among_param(dialect, r.family_id, "ids"))


def aid_rows(station_code: str, region: str, changes: Iterable[Change],
             family_classes: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    """The `aid` projection rows of these aid changes."""
    rows = []
    for c in changes:
        s = c.state
        employment, reason = family_classes.get(str(s["family_id"]), ("", ""))
        rows.append({"station_code": station_code, "id": c.entity_id,
                     "family_id": s["family_id"], "programme_id": s["programme_id"],
                     "local_date": s["local_date"], "amount_fen": int(s["amount_fen"]),
                     "voided": s.get("voided_at") is not None, "region": region,
                     "given_at": str(s.get("given_at", ""))[:32],
                     "kind": str(s.get("kind", "")), "receipt_no": str(s.get("receipt_no", "")),
                     "recipient_name": str(s.get("recipient_name", "")),
                     "volunteer_id": str(s.get("volunteer_id", "")),
                     "employment": employment, "reason": reason})
    return rows


# Each summary table and its key. Two roll-ups beside the full table, so the overview of a
# province reads about ten thousand rows at a million aid, not one per aid (a station's aid
# spreads over so many (month, programme, reason, employment) combinations that the full
# table holds nearly one row per aid) nor one per station. Programme ids are UUIDs, so a
# roll-up by region needs no programme owner.
TABLES: tuple[tuple[sa.Table, tuple[str, ...]], ...] = (
          (st.aid_summary, KEY), (st.aid_monthly, ("region", "programme_id", "month")),
          (st.aid_classes, ("region", "employment", "reason")))


def count(conn: Connection, added: Iterable[Any], removed: Iterable[Any]) -> None:
    """Add the aid rows now stored not void, subtract those now voided (rows with the
    `COUNTED` columns), in every summary table; call in the transaction that stored or
    voided them."""
    deltas: dict[tuple[str, ...], list[Any]] = {}
    for sign, rows in ((1, added), (-1, removed)):
        for row in rows:
            key: tuple[str, ...] = (row.station_code, row.programme_id, row.local_date[:7],
                                    row.kind, row.reason, row.employment)
            entry = deltas.setdefault(key, [row.region, 0, 0])
            entry[1] += sign
            entry[2] += sign * int(row.amount_fen)
    for table, names in TABLES:
        rolled: dict[tuple[str, ...], list[Any]] = {}
        for key, (region, n, fen) in deltas.items():
            full = {**dict(zip(KEY, key, strict=True)), "region": region}
            entry = rolled.setdefault(tuple(str(full[k]) for k in names), [region, 0, 0])
            entry[1] += n
            entry[2] += fen
        values = [{**dict(zip(names, key, strict=True)), "region": region,
                   "aid_count": n, "total_fen": fen}
                  for key, (region, n, fen) in rolled.items() if n or fen]
        if values:
            sql.insert_rows(conn, table, values, _ADDERS[table.name])


def _adder(table: sa.Table, names: tuple[str, ...]) -> Any:
    def build(stmt: Any) -> Any:
        c = table.c
        return stmt.on_conflict_do_update(
            index_elements=list(names),
            set_={"aid_count": c.aid_count + stmt.excluded.aid_count,
                  "total_fen": c.total_fen + stmt.excluded.total_fen})
    return build


_ADDERS = {table.name: _adder(table, names) for table, names in TABLES}


def rebuild(conn: Connection) -> None:
    """Make the summary tables anew from the aid rows (a scan: for repairs and bulk loads)."""
    a = st.aid.c
    month = sa.func.substr(a.local_date, 1, 7).label("month")
    for table, _names in TABLES:
        conn.execute(table.delete())
    conn.execute(st.aid_summary.insert().from_select(
        [*KEY, "region", "aid_count", "total_fen"],
        sa.select(a.station_code, a.programme_id, month, a.kind, a.reason, a.employment,
                  a.region, sa.func.count(), sa.func.sum(a.amount_fen))
        .where(a.voided.is_(False))
        .group_by(a.station_code, a.programme_id, month, a.kind, a.reason, a.employment,
                  a.region)))
    s = st.aid_summary.c
    for table, names in TABLES[1:]:
        columns = [s[k] for k in names]
        conn.execute(table.insert().from_select(
            [*names, "aid_count", "total_fen"],
            sa.select(*columns, sa.func.sum(s.aid_count), sa.func.sum(s.total_fen))
            .group_by(*columns)))


def in_scope(column: sa.ColumnElement[str], region_prefix: str) -> sa.ColumnElement[bool]:
    """`column` (a region code) under the prefix; "" is everything. Written as a range
    (4201 → from "4201" up to "4202"), not LIKE '4201%': PostgreSQL uses a btree index for
    LIKE only under the C collation, for a range under any. Region codes are digits, which
    every collation orders as text. ValueError for a prefix that is not 1 to 6 digits."""
    if not region_prefix:
        return sa.true()
    if not region_prefix.isdigit() or len(region_prefix) > 6:
        raise ValueError(f"a region prefix is 1 to 6 digits, not {region_prefix!r}")
    head = region_prefix.rstrip("9")
    if not head:  # 9, 99, …: nothing above
        return column >= region_prefix
    upper = head[:-1] + str(int(head[-1]) + 1)
    return sa.and_(column >= region_prefix, column < upper)


def _totals(conn: Connection, where: sa.ColumnElement[bool]) -> dict[str, int]:
    s = st.aid_monthly.c
    n, fen = conn.execute(sa.select(sa.func.coalesce(sa.func.sum(s.aid_count), 0),
                                    sa.func.coalesce(sa.func.sum(s.total_fen), 0))
                          .where(where)).one()
    return {"aid_count": int(n), "total_fen": int(fen)}


def open_programmes(conn: Connection, today: date) -> list[tuple[str, str]]:
    """(owner station, id) of the programmes whose campaign includes today."""
    p = st.programmes.c
    day = today.isoformat()
    return [(r.station_code, r.id) for r in conn.execute(
        sa.select(p.station_code, p.id).where(p.starts_on <= day, p.ends_on >= day,
                                              p.starts_on != ""))]


def _series(conn: Connection, table: sa.Table, scope: sa.ColumnElement[bool], *columns: Any
            ) -> list[dict[str, Any]]:
    s = table.c
    rows = conn.execute(sa.select(*columns, sa.func.sum(s.aid_count).label("aid_count"),
                                  sa.func.sum(s.total_fen).label("total_fen"))
                        .where(scope).group_by(*columns).order_by(*columns))
    return [{**{k: v for k, v in r._mapping.items() if k not in ("aid_count", "total_fen")},
             "aid_count": int(r.aid_count), "total_fen": int(r.total_fen)}
            for r in rows if r.aid_count]


def overview(conn: Connection, region_prefix: str, today: date,
             now: datetime | None = None) -> dict[str, Any]:
    """Everything the overview page shows for a user scoped to `region_prefix` ("" is all),
    read from summaries and small tables only. All money in fen. `today` is the office's
    local date (this month, this campaign); `now` (UTC) dates the sync ages."""
    s, k = st.aid_monthly.c, st.aid_classes.c
    scope, classes = in_scope(s.region, region_prefix), in_scope(k.region, region_prefix)
    month = today.isoformat()[:7]
    campaign = sorted({pid for _owner, pid in open_programmes(conn, today)})
    in_campaign = s.programme_id.in_(campaign) if campaign else sa.false()
    monthly = st.aid_monthly
    return {
        "all_time": _totals(conn, scope),
        "this_month": _totals(conn, sa.and_(scope, s.month == month)),
        "this_campaign": _totals(conn, sa.and_(scope, in_campaign)),
        "families_reached": families_reached(conn, region_prefix),
        "stations": sync_ages(conn, region_prefix, now),
        "open_alerts": open_alerts(conn, region_prefix),
        "by_month": _series(conn, monthly, scope, s.month),
        "by_programme": _by_programme(conn, scope),
        "by_region": _series(conn, monthly, scope, s.region),
        "by_employment": [{**r, "called_out": r["employment"] in CALLED_OUT}
                          for r in _series(conn, st.aid_classes, classes, k.employment)],
        "by_reason": _series(conn, st.aid_classes, classes, k.reason),
    }


def _by_programme(conn: Connection, scope: sa.ColumnElement[bool]) -> list[dict[str, Any]]:
    """By programme, labelled by its code (the same code at several stations sums up)."""
    s, p = st.aid_monthly.c, st.programmes.c
    totals = (sa.select(s.programme_id, sa.func.sum(s.aid_count).label("n"),
                        sa.func.sum(s.total_fen).label("fen"))
              .where(scope).group_by(s.programme_id).subquery())
    codes = (sa.select(p.id, sa.func.min(p.code).label("code")).group_by(p.id)
             .where(p.id.in_(sa.select(totals.c.programme_id))).subquery())
    label = sa.func.coalesce(codes.c.code, totals.c.programme_id).label("programme")
    rows = conn.execute(
        sa.select(label, sa.func.sum(totals.c.n).label("aid_count"),
                  sa.func.sum(totals.c.fen).label("total_fen"))
        .select_from(totals.outerjoin(codes, codes.c.id == totals.c.programme_id))
        .group_by(label).order_by(label))
    return [{"programme": r.programme, "aid_count": int(r.aid_count),
             "total_fen": int(r.total_fen)} for r in rows if r.aid_count]


def spend(conn: Connection, region_prefix: str) -> dict[tuple[str, str], int]:
    """Fen given (voided aid left out) per (region, programme code) in the scope, from the
    monthly roll-up: the programmes page's spend against budget."""
    s, p = st.aid_monthly.c, st.programmes.c
    codes = sa.select(p.id, sa.func.min(p.code).label("code")).group_by(p.id).subquery()
    label = sa.func.coalesce(codes.c.code, s.programme_id).label("programme")
    rows = conn.execute(
        sa.select(s.region, label, sa.func.sum(s.total_fen).label("fen"))
        .select_from(st.aid_monthly.outerjoin(codes, codes.c.id == s.programme_id))
        .where(in_scope(s.region, region_prefix)).group_by(s.region, label))
    return {(r.region, r.programme): int(r.fen) for r in rows}


def families_reached(conn: Connection, region_prefix: str) -> int:
    """Families of the scope with non-void aid, counted once (merged families as one)."""
    r = st.match_records.c
    # `aid <> '{}'` written out, so the partial index match_records_reached serves it.
    return int(conn.execute(sa.select(sa.func.count()).select_from(st.match_records).where(
        in_scope(r.region, region_prefix), sa.text("match_records.aid <> '{}'"))).scalar_one())


def open_alerts(conn: Connection, region_prefix: str) -> int:
    """Duplicate-aid alerts of the scope not yet decided."""
    a, d = st.alerts.c, st.decisions.c
    decided = sa.exists().where(d.station_code == a.station_code, d.aid_id == a.aid_id)
    return int(conn.execute(sa.select(sa.func.count()).select_from(st.alerts).where(
        in_scope(a.region, region_prefix), ~decided)).scalar_one())


def sync_ages(conn: Connection, region_prefix: str, now: datetime | None = None
              ) -> dict[str, int]:
    """Stations of the scope (not revoked) that pushed in the last 24 h, in the last 7 days,
    and never."""
    now = now or utcnow()
    t, y = st.stations.c, st.station_sync.c
    last = y.last_push_at
    day, week = iso(now - timedelta(days=1)), iso(now - timedelta(days=7))
    row = conn.execute(
        sa.select(sa.func.count().label("stations"),
                  sa.func.count(sa.case((last >= day, 1))).label("day"),
                  sa.func.count(sa.case((last >= week, 1))).label("week"),
                  sa.func.count(sa.case((last.is_(None), 1))).label("never"))
        .select_from(st.stations.outerjoin(st.station_sync, y.station_code == t.code))
        .where(in_scope(t.region, region_prefix), t.revoked_at.is_(None))).one()
    return {"stations": int(row.stations), "synced_24h": int(row.day),
            "synced_7d": int(row.week), "never": int(row.never)}
