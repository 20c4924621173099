"""Load benchmark (not a test): many stations push a day's changes and pull, all at once.

    python bench/load.py [--stations 1000] [--per-station 60] [--spread 10] [--regions 40]
                         [--regions 1] [--history 1] [--workers CORES] [--threads N]
                         [--rounds 1] [--db URL] [--root DIR] [--office-users 20]
                         [--office-think 0.5,2]

Each station is enrolled first and pushes `--history` earlier days of changes (default 1: a
server that has run for a day, with the planner's statistics of a day's rows; 0: a new, empty
server), and its pull cursor starts where yesterday's pull left it. Then, timed, each station
pushes today's changes in one gzip batch and pulls once, the stations starting evenly within
`--spread` seconds, against `helpdesk-server serve` (uvicorn) on loopback. Prints errors,
push/pull latency percentiles (goal: errors 0, push p99 <= 1 s for 1,000 stations within 10 s
on PostgreSQL) and the CPU seconds of client, server and the whole machine (the rest is
mostly the database).

Every run gets a fresh database: a new SQLite file, or with a PostgreSQL `--db` URL a new
database made beside it (the role needs CREATEDB) and dropped afterwards. `--regions` (may be
repeated) spreads the stations evenly over that many regions; `--root` (may be repeated) runs
the server of another code tree, e.g. an export of the last commit, so before and after are
measured in one run, alternately, round by round. Medians over rounds are printed at the end.

`--office-users N` measures every configuration twice, each on a fresh database with the same
data: without office users, and with N signed-in office users browsing the console (overview,
ledger and its next page, stations, cash closes; each also exports the ledger once, where
there is an export; `load_office`) while the stations sync; push p50/p99 of the two side by
side (goal: p99 with them within 20 % of p99 without), each office page's p95 and the
exports' times.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import load_office
import sqlalchemy as sa
import sync as common  # bench/sync.py: change generators, server start, enrollment

from helpdesk.domain import regions as region_list
from helpdesk.server import storage


def regions(count: int) -> list[str]:
    """`count` distinct county codes of one province (Hubei, 103 of them), real ones: the
    server takes a station only in a region of the current list."""
    counties = region_list.counties_of("42")
    if count > len(counties):
        raise SystemExit(f"--regions: at most {len(counties)}")
    return list(counties[:count])


@dataclass
class Figures:
    push: list[float] = field(default_factory=list)
    pull: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    late: float = 0.0  # how far behind schedule the client started its last push
    wall: float = 0.0
    client_cpu: float = 0.0  # CPU seconds of this (client) process while the stations ran
    server_cpu: float = 0.0  # CPU seconds of the server's processes meanwhile
    machine_cpu: float = 0.0  # CPU seconds the whole machine was busy meanwhile (+ database)
    office_users: int = 0
    office: load_office.Browsing = field(default_factory=load_office.Browsing)


def pct(values: list[float], p: float) -> float:
    """The p-quantile in ms (nearest rank), 0 for no values."""
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0


class _Http:
    """A bare HTTP/1.1 client on one keep-alive connection: the requests are bytes made
    before the clock starts and a response is read by its Content-Length, so the stations
    (on the same two cores as the server) cost a fraction of what httpx costs per request,
    and the CPU goes to the server being measured."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> _Http:
        return cls(*await asyncio.open_connection(host, port))

    async def send(self, request: bytes) -> tuple[int, bytes]:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
        length = {k.strip().lower(): v.strip() for k, v in headers.items()}["content-length"]
        return status, await self.reader.readexactly(int(length))

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(OSError):
            await self.writer.wait_closed()


def requests_of(host: str, token: str, body: bytes, after: int) -> tuple[bytes, bytes]:
    """The push (gzip JSON) and pull (from cursor `after`) requests of one station, as bytes."""
    auth = f"Host: {host}\r\nAuthorization: Bearer {token}\r\n"
    push = (f"POST /v1/sync/push HTTP/1.1\r\n{auth}Content-Type: application/json\r\n"
            f"Content-Encoding: gzip\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    pull = f"GET /v1/sync/pull?after={after} HTTP/1.1\r\n{auth}\r\n".encode()
    return push, pull


async def _station(address: tuple[str, int], push: bytes, pull: bytes, start_at: float,
                   out: Figures) -> None:
    await asyncio.sleep(max(0.0, start_at - time.perf_counter()))
    out.late = max(out.late, time.perf_counter() - start_at)
    try:
        began = time.perf_counter()
        http = await _Http.open(*address)  # a station connects when it starts
        try:
            status, answer = await http.send(push)
            out.push.append(time.perf_counter() - began)
            if status != 200 or {a["status"] for a in json.loads(answer)["answers"]} \
                    != {"accepted"}:
                out.errors.append(f"push {status}")
            began = time.perf_counter()
            status, _ = await http.send(pull)
            out.pull.append(time.perf_counter() - began)
            if status != 200:
                out.errors.append(f"pull {status}")
        finally:
            await http.close()
    except (OSError, asyncio.IncompleteReadError, ValueError, KeyError) as err:
        out.errors.append(type(err).__name__)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children still running (Linux /proc;
    0 elsewhere): the server's, with its worker processes."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    total += (int(fields[11]) + int(fields[12])) / tick
    return total + sum(cpu_seconds(int(k)) for k in kids)


def machine_busy() -> float:
    """CPU seconds the machine has been busy since boot, over all cores (Linux /proc/stat;
    0 elsewhere): what is neither client nor server is mostly the database."""
    try:
        ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    return (sum(ticks[:8]) - idle) / (os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100)


def _batch(device: str, per_station: int, day: int) -> bytes:
    """A station's changes of one day (`day` 0 is today, 1 yesterday…), as a gzip push body."""
    return gzip.compress(json.dumps({
        "protocol": 1, "device_id": device, "epoch": 1,
        "changes": common.changes(device, per_station, first_seq=1 + day * per_station,
                                  age_ms=day * 86_400_000)}).encode(), 5)


async def _seed(address: tuple[str, int], pushes: list[bytes]) -> None:
    """Push earlier days' batches through the server being measured, a few at a time."""
    gate = asyncio.Semaphore(4)

    async def one(request: bytes) -> None:
        async with gate:
            http = await _Http.open(*address)
            try:
                status, answer = await http.send(request)
            finally:
                await http.close()
            if status != 200:
                raise SystemExit(f"seeding failed: {status} {answer[:200]!r}")

    await asyncio.gather(*[one(r) for r in pushes])


def _analyze(engine: sa.Engine) -> None:
    """Statistics for the planner, as a server that has run for a day has them."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")


def run_once(url: str, engine: sa.Engine, stations: int, region_count: int, per_station: int,
             spread_s: float, history: int, server_pid: int = 0, office_users: int = 0,
             think: tuple[float, float] = load_office.THINK,
             exporting: int | None = None, idle_client: bool = True) -> Figures:
    """Enroll the stations and push `history` earlier days of theirs (then ANALYZE, and each
    station's pull cursor starts where yesterday's pull left it), then let them all push and
    pull today; the requests are made (JSON, gzip, HTTP) before the clock starts, so the
    client spends its time on the wire alone. `office_users` browse the console meanwhile
    from a process of their own, signed in before the clock starts."""
    codes = regions(region_count)
    with httpx.Client(base_url=url, timeout=60) as http:
        enrolled = [common.enroll(http, engine, codes[k % region_count])
                    for k in range(stations)]
    host, port = httpx.URL(url).host, int(httpx.URL(url).port or 80)
    cursors = {code: 0 for code in codes}
    if history:
        asyncio.run(_seed((host, port), [
            requests_of(f"{host}:{port}", token, _batch(device, per_station, day), 0)[0]
            for day in range(history, 0, -1) for token, device, _ in enrolled]))
        _analyze(engine)
        with engine.connect() as conn:
            cursors.update(conn.execute(sa.select(storage.region_counters.c.region,
                                                  storage.region_counters.c.value)).all())
    work = [requests_of(f"{host}:{port}", token, _batch(device, per_station, 0),
                        cursors[codes[k % region_count]])
            for k, (token, device, _) in enumerate(enrolled)]
    out = Figures(office_users=office_users)
    names = load_office.add_users(engine, office_users) if office_users else []

    office = (load_office.Elsewhere(url, names, think, spread_s, exporting, idle_client)
              if names else None)
    if office:
        office.start()  # signed in, browsing

    async def run() -> None:
        began = time.perf_counter()
        await asyncio.gather(*[
            _station((host, port), push, pull, began + spread_s * k / stations, out)
            for k, (push, pull) in enumerate(work)])
        out.wall = time.perf_counter() - began

    client, server, machine = time.process_time(), cpu_seconds(server_pid), machine_busy()
    asyncio.run(run())
    if office:
        out.office = office.finish()
    out.client_cpu = time.process_time() - client
    out.server_cpu = cpu_seconds(server_pid) - server
    out.machine_cpu = machine_busy() - machine
    return out


@contextlib.contextmanager
def fresh_database(db: str | None, folder: Path, n: int) -> Iterator[str]:
    """A new empty database for one run: a SQLite file, or a PostgreSQL database made beside
    `db` and dropped afterwards."""
    if not db or db.startswith("sqlite"):
        yield f"sqlite:///{folder / f'load-{n}.db'}"
        return
    admin = sa.create_engine(db, isolation_level="AUTOCOMMIT")
    name = f"helpdesk_load_{int(time.time())}_{n}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield sa.make_url(db).set(database=name).render_as_string(hide_password=False)
    finally:
        # A figure measured must not be lost to a failed clean-up (FORCE may meet a backend
        # of another role, e.g. autovacuum's): try again without it, else say what is left.
        for sql in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
                    f"DROP DATABASE IF EXISTS {name}"):
            try:
                with admin.connect() as conn:
                    conn.exec_driver_sql(sql)
                break
            except sa.exc.DBAPIError:
                time.sleep(2)
        else:
            print(f"warning: could not drop database {name}; drop it by hand", flush=True)
        admin.dispose()


def measure(root: Path, url_db: str, folder: Path, args: argparse.Namespace,
            region_count: int, office_users: int = 0) -> Figures:
    # The server migrates the database as it starts (its own tree's migrations); the
    # stations are then added to it directly.
    extra = ("--threads", str(args.threads)) if args.threads else ()
    server, url = common.start_server(url_db, folder, args.workers, root, extra)
    engine = storage.make_engine(url_db)
    try:
        return run_once(url, engine, args.stations, region_count, args.per_station,
                        args.spread, args.history, server.pid, office_users,
                        args.office_think, args.office_exports,
                        not args.office_client_normal)
    finally:
        server.terminate()
        server.wait(timeout=30)
        engine.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stations", type=int, default=1000)
    ap.add_argument("--per-station", type=int, default=60, help="a day's changes")
    ap.add_argument("--history", type=int, default=1, help="days every station pushed (and "
                    "pulled) before today, 0 for a new empty server (default 1)")
    ap.add_argument("--spread", type=float, default=10.0, help="all start within S seconds")
    ap.add_argument("--regions", type=int, action="append", help="stations spread over N "
                    "regions (repeat to compare; default 40: 25 stations to a county)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="server worker processes (default: one per core, as the README "
                    "advises on PostgreSQL)")
    ap.add_argument("--threads", type=int, help="requests at once per worker (default: the "
                    "server's)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--db", help="PostgreSQL URL to make fresh databases beside (default: "
                    "SQLite files)")
    ap.add_argument("--office-users", type=int, default=0, help="also measure each run with "
                    "N office users browsing the console, on a fresh database with the same "
                    "data (default 0: not)")
    ap.add_argument("--office-think", type=lambda t: tuple(float(v) for v in t.split(",")),
                    default=load_office.THINK, help="an office user's think time between "
                    "two pages, FROM,TO seconds (default 0.5,2)")
    ap.add_argument("--office-client-normal", action="store_true", help="run the office "
                    "users' browsing process at the normal priority (default: Linux's idle "
                    "class, as they stand for other computers)")
    ap.add_argument("--office-exports", type=int, help="how many of the office users export "
                    "the ledger once (default: every one)")
    ap.add_argument("--root", type=Path, action="append",
                    help="code tree whose server to run (repeat to compare; default this one)")
    args = ap.parse_args()
    roots = [r.resolve() for r in args.root or [common.ROOT]]
    folder = Path(tempfile.mkdtemp(prefix="helpdesk-bench-load-"))
    results: dict[tuple[Path, int, int], list[Figures]] = {}
    n = 0
    office = [0, args.office_users] if args.office_users else [0]
    for round_ in range(args.rounds):
        for region_count in args.regions or [40]:
            for root, office_users in ((r, o) for r in roots
                                       for o in (office if round_ % 2 == 0 else office[::-1])):
                n += 1
                with fresh_database(args.db, folder, n) as url_db:
                    got = measure(root, url_db, folder, args, region_count, office_users)
                results.setdefault((root, region_count, office_users), []).append(got)
                print(f"{root.name} regions={region_count} office users={office_users}: "
                      f"errors {len(got.errors)}, push "
                      f"p50 {pct(got.push, .5):.0f} p99 {pct(got.push, .99):.0f} ms, pull p50 "
                      f"{pct(got.pull, .5):.0f} ms, client late {got.late:.1f} s, wall "
                      f"{got.wall:.1f} s, CPU s client {got.client_cpu:.1f} server "
                      f"{got.server_cpu:.1f} machine {got.machine_cpu:.1f}, load "
                      f"{os.getloadavg()[0]:.1f} "
                      f"{sorted(set(got.errors))[:4]}", flush=True)
                if office_users:
                    load_office.report(got.office)
    backend = "postgresql" if args.db and not args.db.startswith("sqlite") else "sqlite"
    print(f"\n{backend}; {args.stations} stations x {args.per_station} changes, "
          f"{args.history} day(s) before, starting within {args.spread:.0f} s, "
          f"{args.workers} worker(s); medians of {args.rounds} "
          f"round(s); goal: errors 0, push p99 <= 1000 ms")
    print("tree | regions | office users | errors | push p50 ms | push p99 ms | push max ms "
          "| pull p50 ms | pull p99 ms | wall s")
    for (root, region_count, office_users), runs in sorted(
            results.items(), key=lambda kv: (str(kv[0][0]), kv[0][1], kv[0][2])):
        def med(f: Any, runs: list[Figures] = runs) -> float:
            return float(statistics.median(f(r) for r in runs))
        print(f"{root.name} | {region_count} | {office_users} | "
              f"{med(lambda r: len(r.errors)):.0f} | "
              f"{med(lambda r: pct(r.push, .5)):.0f} | {med(lambda r: pct(r.push, .99)):.0f} | "
              f"{med(lambda r: pct(r.push, 1)):.0f} | {med(lambda r: pct(r.pull, .5)):.0f} | "
              f"{med(lambda r: pct(r.pull, .99)):.0f} | {med(lambda r: r.wall):.1f}")
    if args.office_users:
        load_office.compare(results, args.office_users)
    return 0


if __name__ == "__main__":
    sys.exit(main())
