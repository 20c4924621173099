"""Benchmark of the union office console's reads (not a test): figures for issue 14 "Speed".

    python bench/office.py [--stations 1000] [--aid 1000000] [--export 100000] [--db URL]

Makes a fresh PostgreSQL database beside `--db` (default $HELPDESK_TEST_PG_URL), migrated to
the newest schema, and fills it by COPY with N stations over Hubei's counties, their families
(match records, one per three aid), M aid rows (2 % voided, two years of dates, employment
and difficulty reason from the family) and duplicate-aid alerts; the summaries are then made
by `summaries.rebuild` (the same rows ingest keeps one aid at a time: tests/server prove
them equal). Then, for a city user (4201, Wuhan) and a province user (42), times p50/p95 of
the overview, the ledger's first and next page and the review queue — each beside the same
figures read by a plain scan of the aid table (the overview's figures aggregated from the
aid rows; the pages' very statements with PostgreSQL's index scans switched off) — and the
streamed export to .xlsx of 10,000 and of `--export` rows in separate processes, with their
time and peak RSS (VmHWM). openpyxl writes each cell through ElementTree when lxml is not
installed (it is not a dependency): the line says which it used.

A database built with `--keep` can be measured again with `--measure-only URL`.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa

from bench.machine import percentile
from helpdesk.domain import regions
from helpdesk.server import ledger, ledger_xlsx, review_queue, summaries
from helpdesk.server import storage as st

PG_DEFAULT = "postgresql+psycopg://helpdesk:helpdesk@127.0.0.1:5432/postgres"
TODAY = date(2026, 11, 20)
JOBS = ("employee", "rural_migrant", "platform", "flexible", "unemployed", "retired")
JOB_WEIGHTS = (30, 25, 15, 15, 10, 5)
REASONS = ("illness", "disability", "work_injury", "unemployment", "single_parent",
           "disaster", "schooling", "wage_arrears", "no_insurance", "other")
PROGRAMMES = (("SWN-2025", "2025-01-01", "2025-12-31"), ("SWN-2026", "2026-11-01", "2027-02-28"),
              ("ZX-2026", "2026-01-01", "2026-12-31"), ("JZ-2026", "2026-06-01", "2026-09-30"))


def machine_line(url: str) -> str:
    import platform

    cpu = platform.processor() or "unknown CPU"
    with contextlib.suppress(OSError, StopIteration), open("/proc/cpuinfo",
                                                           encoding="utf-8") as f:
        cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        pg = conn.exec_driver_sql("SHOW server_version").scalar_one()
    engine.dispose()
    return (f"{platform.platform()} · {cpu} · {os.cpu_count()} cores · "
            f"Python {platform.python_version()} · PostgreSQL {pg} · SQLAlchemy {sa.__version__}")


@contextlib.contextmanager
def fresh_database(admin_url: str, keep: bool = False) -> Iterator[str]:
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"helpdesk_office_{int(time.time())}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        if not keep:
            with admin.connect() as conn:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def _copy(conn: sa.Connection, table: str, columns: tuple[str, ...],
          rows: Iterator[tuple[Any, ...]]) -> int:
    n = 0
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def build(engine: sa.Engine, n_stations: int, n_aid: int, seed: int = 7) -> dict[str, Any]:
    """Fill the database; returns what the measures need (stations, alerts)."""
    rnd = random.Random(seed)
    counties = regions.counties_of("42")
    stations = []
    for n in range(n_stations):
        region = counties[n % len(counties)]
        stations.append((f"{region}-{n // len(counties) + 1:03d}", region))
    n_families = max(1, n_aid // 3)
    families = []  # (station, region, family id, employment, reason)
    for n in range(n_families):
        code, region = stations[n % n_stations]
        families.append((code, region, f"f{n:07d}", rnd.choices(JOBS, JOB_WEIGHTS)[0],
                         rnd.choice(REASONS)))
    first_day = date(2025, 1, 1)
    now = "2026-11-20T02:00:00.000000Z"
    with st.write(engine) as conn:
        _copy(conn, "stations", ("code", "name", "region", "created_at", "enrolled_at"),
              ((c, f"站点{c}", r, now, now) for c, r in stations))
        _copy(conn, "devices", ("device_id", "station_code", "epoch", "public_key",
                                "token_hash", "created_at"),
              ((f"d-{c}", c, 1, "", f"t-{c}", now) for c, _ in stations))
        _copy(conn, "station_sync", ("station_code", "last_push_at", "pushes", "received",
                                     "quarantined", "rejected", "clock_skew_ms",
                                     "app_version"),
              ((c, f"2026-11-{rnd.randint(1, 20):02d}T08:00:00.000000Z", 30, 3000, 0, 0,
                rnd.randint(-900, 900), "0.1.0") for c, _ in stations[: n_stations * 9 // 10]))
        _copy(conn, "programmes", ("station_code", "id", "region", "code", "name_zh", "hlc",
                                   "kind", "starts_on", "ends_on"),
              (("", f"{r}-{code}", r, code, f"送温暖{code}", "0", "cash", a, b)
               for r in counties for code, a, b in PROGRAMMES))
        _copy(conn, "changes", ("change_id", "region", "station_code", "device_id", "epoch",
                                "device_seq", "entity", "entity_id", "op", "hlc", "server_hlc",
                                "body", "hash", "status", "server_seq", "received_at"),
              ((f"v-{c}", r, c, f"d-{c}", 1, 1, "volunteer", "v1", "put", "0", "0",
                '{"state": {"name": "李志愿"}}', "h", "accepted", i + 1, now)
               for i, (c, r) in enumerate(stations)))
        counts: dict[str, int] = {}
        given: list[tuple[str, str, str, str, str]] = []  # the first aid, for alerts
        aid_rows = []
        for n in range(n_aid):
            code, region, fam, job, reason = families[rnd.randrange(n_families)]
            prog = PROGRAMMES[rnd.randrange(len(PROGRAMMES))]
            day = first_day + timedelta(days=rnd.randrange(700))
            aid_rows.append((code, f"a{n:08d}", fam, f"{region}-{prog[0]}", day.isoformat(),
                             rnd.randrange(100, 200_000) // 100 * 100, rnd.random() < 0.02,
                             region, f"{day.isoformat()}T03:00:00.000000Z", "cash",
                             f"D{code[-3:]}-{day.year}-{n:06d}", "张三", "v1", job, reason))
            counts[fam] = counts.get(fam, 0) + 1
            if len(given) < 20_000:
                given.append((code, f"a{n:08d}", region, fam, f"{region}-{prog[0]}"))
        _copy(conn, "aid", ("station_code", "id", "family_id", "programme_id", "local_date",
                            "amount_fen", "voided", "region", "given_at", "kind", "receipt_no",
                            "recipient_name", "volunteer_id", "employment", "reason"),
              iter(aid_rows))
        del aid_rows
        _copy(conn, "match_records", ("station_code", "family_id", "region", "id_hash",
                                      "masked_id", "name", "name_pinyin", "name_initials",
                                      "aid", "hlc", "server_seq", "item", "employment",
                                      "reason"),
              ((c, f, r, f"h{i % (n_families // 2 + 1)}", "420111********0018", "王五",
                "wang wu", "ww", '{"x": 1}' if f in counts else "{}", "0",
                n_stations + i + 1, "{}", j, why)
               for i, (c, r, f, j, why) in enumerate(families)))
        alerts = []  # an aid of a family, and another station's family of its region
        others: dict[str, list[tuple[str, str]]] = {}
        for c, _a, r, f, _p in given:
            others.setdefault(r, []).append((c, f))
        for n in range(min(2_000, n_families // 10)):
            c, aid_id, r, f, programme = given[rnd.randrange(len(given))]
            other = next((x for x in others[r] if x[0] != c), None)
            if other is None:
                continue
            alerts.append((c, aid_id, r, programme, "h", "420111********0018", f,
                           f'[{{"station_code": "{other[0]}", "family_id": "{other[1]}"}}]',
                           f"2026-11-{n % 20 + 1:02d}T00:00:00.000000Z", 10_000_000 + n))
        _copy(conn, "alerts", ("station_code", "aid_id", "region", "programme_id", "id_hash",
                               "masked_id", "family_id", "others", "created_at", "server_seq"),
              iter({(a[0], a[1]): a for a in alerts}.values()))
        summaries.rebuild(conn)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    return {"stations": stations}


def plain_overview(conn: sa.Connection, prefix: str, today: date) -> dict[str, Any]:
    """The overview's aid figures read straight from the aid rows."""
    a, p = st.aid.c, st.programmes.c
    scope = sa.and_(a.voided.is_(False), a.region.like(prefix + "%"))
    day = today.isoformat()
    open_ids = sa.select(p.id).where(p.starts_on <= day, p.ends_on >= day)
    out: dict[str, Any] = {}
    for name, where in (("all", scope), ("month", sa.and_(scope, a.local_date.like(
            day[:7] + "%"))), ("campaign", sa.and_(scope, a.programme_id.in_(open_ids)))):
        out[name] = conn.execute(sa.select(sa.func.count(), sa.func.sum(a.amount_fen))
                                 .where(where)).one()
    for column in (sa.func.substr(a.local_date, 1, 7), a.programme_id, a.region,
                   a.employment, a.reason):
        out[str(column)] = conn.execute(sa.select(column, sa.func.count(),
                                                  sa.func.sum(a.amount_fen))
                                        .where(scope).group_by(column)).all()
    out["families"] = conn.execute(sa.select(sa.func.count()).select_from(
        sa.select(a.station_code, a.family_id).where(scope).distinct().subquery())).scalar()
    return out


def timed(engine: sa.Engine, fn: Callable[[sa.Connection], Any], runs: int,
          plain: bool = False) -> list[float]:
    times = []
    for _ in range(runs):
        with st.read(engine) as conn:
            if plain:
                conn.exec_driver_sql("SET LOCAL enable_indexscan = off")
                conn.exec_driver_sql("SET LOCAL enable_bitmapscan = off")
                conn.exec_driver_sql("SET LOCAL enable_indexonlyscan = off")
            t = time.perf_counter()
            fn(conn)
            times.append((time.perf_counter() - t) * 1000)
    return times


def measure(engine: sa.Engine, prefix: str, runs: int, plain_runs: int) -> None:
    filters = ledger.Filters(region_prefix=prefix)
    with st.read(engine) as conn:
        first = ledger.ledger_page(conn, filters)
        shown = review_queue.item(conn, prefix, 1)
    after = first.next
    sides = "none" if shown is None else f"{shown['of']:,} open, first with " \
        f"{1 if shown['this'] else 0} + {len(shown['others'])} aid side by side"

    def overview(conn: sa.Connection) -> Any:
        return summaries.overview(conn, prefix, TODAY)

    def first_page(conn: sa.Connection) -> Any:
        return ledger.ledger_page(conn, filters)

    def next_page(conn: sa.Connection) -> Any:
        return ledger.ledger_page(conn, filters, after)

    def queue(conn: sa.Connection) -> Any:
        return review_queue.item(conn, prefix, 1)

    cases = (("overview", overview, lambda c: plain_overview(c, prefix, TODAY), False),
             ("ledger first page", first_page, first_page, True),
             ("ledger next page", next_page, next_page, True),
             ("review queue item", queue, queue, True))
    print(f"\n  scope {prefix!r} (review queue: {sides})")
    print(f"  ms{'':<28}{'p50':>8}{'p95':>8}   plain scan{'p50':>8}{'p95':>8}")
    for label, fn, plain_fn, off in cases:
        got = timed(engine, fn, runs)
        base = timed(engine, plain_fn, plain_runs, plain=off)
        print(f"  {label:<30}{percentile(got, 50):>8.1f}{percentile(got, 95):>8.1f}"
              f"{'':>13}{percentile(base, 50):>8.1f}{percentile(base, 95):>8.1f}", flush=True)


def peak_rss_mb() -> float:
    """This process's peak RSS since its exec (VmHWM): not getrusage's ru_maxrss, which on
    Linux a child keeps from the parent it was forked from (here, the one that built)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export(url: str, rows: int) -> None:
    """Child process: stream `rows` ledger rows to an .xlsx; print time and peak RSS."""
    engine = st.make_engine(url)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, st.read(engine) as conn:
        out = Path(folder) / "ledger.xlsx"
        stream = itertools.islice(ledger.ledger_rows(conn, ledger.Filters()), rows)
        count, total = ledger_xlsx.write(stream, str(out), "帮扶台账")
        size = out.stat().st_size
    seconds = time.perf_counter() - start
    from openpyxl.xml import LXML

    peak = peak_rss_mb()
    print(f"  export {rows:>9,} rows: {seconds:6.1f} s, peak RSS {peak:6.0f} MB, "
          f"file {size / 1e6:.1f} MB ({count:,} in force, {total / 100:,.2f} yuan; "
          f"openpyxl {'with' if LXML else 'without'} lxml)", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stations", type=int, default=1_000)
    ap.add_argument("--aid", type=int, default=1_000_000)
    ap.add_argument("--export", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=50, help="timed runs of each read")
    ap.add_argument("--plain-runs", type=int, default=5, help="timed runs of each plain scan")
    ap.add_argument("--db", default=os.environ.get("HELPDESK_TEST_PG_URL", PG_DEFAULT))
    ap.add_argument("--keep", action="store_true", help="keep the database; print its URL")
    ap.add_argument("--measure-only", metavar="URL",
                    help="measure a database an earlier --keep run built, then keep it")
    ap.add_argument("--export-child", nargs=2, metavar=("URL", "ROWS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.export_child:
        export(args.export_child[0], int(args.export_child[1]))
        return 0
    print(machine_line(args.db))
    if args.measure_only:
        engine = st.make_engine(args.measure_only)
        for prefix in ("4201", "42"):
            measure(engine, prefix, args.runs, args.plain_runs)
        engine.dispose()
        return 0
    with fresh_database(args.db, args.keep) as url:
        engine = st.make_engine(url)
        st.migrate(engine)
        start = time.perf_counter()
        build(engine, args.stations, args.aid)
        print(f"\n== {args.stations:,} stations, {args.aid:,} aid rows: built in "
              f"{time.perf_counter() - start:.0f} s (COPY, summaries.rebuild, VACUUM ANALYZE)")
        with st.read(engine) as conn:
            sizes = conn.exec_driver_sql(
                "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class "
                "WHERE relname IN ('aid', 'aid_summary', 'match_records') ORDER BY 1").all()
            print("  " + ", ".join(f"{n} {s}" for n, s in sizes) + "; summary rows "
                  f"{conn.execute(sa.select(sa.func.count()).select_from(st.aid_summary)).scalar():,}")
        for prefix in ("4201", "42"):
            measure(engine, prefix, args.runs, args.plain_runs)
        engine.dispose()
        print()
        for rows in sorted({min(10_000, args.export), args.export}):
            subprocess.run([sys.executable, __file__, "--export-child", url, str(rows)],
                           check=True)
        if args.keep:
            print(f"kept: {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
