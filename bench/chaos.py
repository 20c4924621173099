"""Chaos: random SIGKILLs of give-aid writers, of `helpdesk sync` and of the server mid-push,
and syncs through a fault-injecting TCP proxy; then heal and check that nothing was lost,
doubled or skipped.

    python bench/chaos.py [--kills 1000] [--faulty-syncs 200] [--db sqlite|pg|URL]
                          [--seed 1] [--minutes 120] [--dir D]

--db pg makes a fresh PostgreSQL database through $HELPDESK_TEST_PG_URL (dropped afterwards);
a URL is used as it is (an empty database). The kills are split in three: writers
(bench/chaos_writer.py giving aid in a loop), `helpdesk sync` processes, and the server while a
sync is under way. Each kill comes after a random delay. Faulty syncs go through
bench/chaos_proxy.py (drop, delay, truncate, duplicate). Rounds come in a seeded random order;
no new round starts after --minutes. Then: server up, syncs without faults until nothing
waits, and the checks of bench/chaos_checks.py. Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import chaos_checks as checks
import httpx
import machine
from chaos_proxy import FaultProxy

ROOT = checks.ROOT
PIN = "123456"
PY = sys.executable


@dataclass
class Figures:
    kills: Counter[str] = field(default_factory=Counter)       # by kind
    landed: Counter[str] = field(default_factory=Counter)      # the process was still running
    cut_syncs: int = 0              # syncs that failed because the server died under them
    aid_given: int = 0              # writers' aid reported given before their kill
    faulty_syncs: int = 0
    faulty_failed: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    hung: int = 0                   # syncs still running after the timeout (killed)
    heal_syncs: int = 0
    rounds_skipped: int = 0         # not started: the time bound came first
    wall_s: float = 0.0
    checked: dict[str, Any] = field(default_factory=dict)

    def lines(self) -> list[str]:
        c, f = self.checked, self.faults
        return [
            f"kills: {sum(self.kills.values())} (writers {self.kills['writer']}, syncs "
            f"{self.kills['sync']}, server mid-push {self.kills['server']}); landed on a "
            f"running process: writers {self.landed['writer']}, syncs {self.landed['sync']}; "
            f"server killed with a push in flight {self.landed['server']}, syncs it cut "
            f"{self.cut_syncs}",
            f"aid given by killed writers before their kill: {self.aid_given}",
            f"faulty syncs: {self.faulty_syncs} ({self.faulty_failed} failed); faults: drop "
            f"{f['drop']}, delay {f['delay']}, truncate {f['truncate']}, duplicate "
            f"{f['duplicate']}; syncs hung and killed: {self.hung}",
            f"rounds not started (time bound): {self.rounds_skipped}; healing syncs: "
            f"{self.heal_syncs}",
            f"checked: {c.get('receipts', 0)} receipts, {c.get('changes', 0)} device changes "
            f"on the station, {c.get('server_changes', 0)} on the server; gap-free, none "
            f"doubled, none waiting, quick_check ok",
            f"final totals (station = server): {c.get('aid_count', 0)} aid, "
            f"{c.get('total_fen', 0)} fen",
            f"wall time: {self.wall_s:.0f} s",
        ]


class Server:
    """`helpdesk-server serve` on a free port: start, kill, start again."""

    def __init__(self, db_url: str, log: Path) -> None:
        self.db_url, self.log = db_url, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [PY, "-m", "helpdesk.server.cli", "--db", self.db_url, "serve", "--port",
                 str(self.port), "--log-level", "warning"],
                cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=out,
                stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise checks.ChaosFailure(f"server exited: {self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise checks.ChaosFailure(f"server did not start: {self.log.read_text()[-3000:]}")

    def kill(self) -> bool:
        """SIGKILL; True when it was running."""
        assert self.proc is not None
        running = self.proc.poll() is None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        return running

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Station:
    """A station made for the run (fast KDF: sign-ins cost little), driven through its CLI."""

    def __init__(self, folder: Path) -> None:
        self.data, self.config = folder / "station", folder / "config"
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), "HELPDESK_PIN": PIN,
                    "HELPDESK_CONFIG_DIR": str(self.config), "HELPDESK_LANG": "en",
                    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}

    def create(self, families: int) -> None:
        code = ("import sys; from pathlib import Path\n"
                "from helpdesk import paths; from helpdesk.services import demo, session\n"
                "from helpdesk.store import keys\n"
                "s, _ = session.create_station(paths.Paths(Path(sys.argv[1]), Path(sys.argv[2])),"
                " {'name': '压力测试帮扶站', 'region': '420111'}, head_name='admin',"
                " head_pin=sys.argv[3], kdf=keys.KdfParams.fast())\n"
                "demo.ensure_programmes(s); demo.add_families(s, int(sys.argv[4])); s.close()\n")
        subprocess.run([PY, "-c", code, str(self.data), str(self.config), PIN, str(families)],
                       cwd=ROOT, env=self.env, check=True, timeout=300)

    def cli(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen([PY, "-m", "helpdesk.cli", *args, "--data-dir", str(self.data)],
                                cwd=ROOT, env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)

    def sync(self, url: str) -> subprocess.Popen[str]:
        return self.cli("sync", "--server", url)

    def writer(self, count: int, seed: int) -> subprocess.Popen[str]:
        return subprocess.Popen([PY, str(ROOT / "bench" / "chaos_writer.py"), str(self.data),
                                 str(count), str(seed)], cwd=ROOT, env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish(proc: subprocess.Popen[str], timeout: float) -> tuple[int | None, str]:
    """Wait for a process; kill it past the timeout (exit None)."""
    try:
        out, _ = proc.communicate(timeout=timeout)
        return proc.returncode, out
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        return None, out


def kill_after(proc: subprocess.Popen[str], delay: float) -> tuple[bool, str]:
    """SIGKILL after `delay` seconds; whether it was still running, and what it printed."""
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        return True, out
    out, _ = proc.communicate()
    return False, out


@contextmanager
def database(choice: str) -> Iterator[str]:
    """A server database URL: a SQLite file, a fresh PostgreSQL database, or the given URL."""
    if choice == "sqlite":
        with tempfile.TemporaryDirectory(prefix="helpdesk-chaos-db-") as folder:
            yield f"sqlite:///{folder}/server.db"
        return
    if choice != "pg":
        yield choice
        return
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    admin_url = os.environ.get("HELPDESK_TEST_PG_URL",
                               "postgresql+psycopg://helpdesk:helpdesk@127.0.0.1:5432/postgres")
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"helpdesk_chaos_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


class Run:
    def __init__(self, folder: Path, db_url: str, seed: int) -> None:
        self.rng = random.Random(seed)
        self.figures = Figures()
        self.station = Station(folder)
        self.server = Server(db_url, folder / "server.log")
        self.proxy = FaultProxy(self.server.port, seed=seed)
        folder.mkdir(parents=True, exist_ok=True)
        self.log = (folder / "chaos.log").open("a", encoding="utf-8")
        self.sync_times = [2.0]  # seconds of the syncs that finished: the kill windows follow

    def note(self, *what: object) -> None:
        self.log.write(" ".join(str(w) for w in what).replace("\n", " | ")[:2000] + "\n")
        self.log.flush()

    def sync_window(self) -> float:
        recent = sorted(self.sync_times[-30:])
        return recent[len(recent) // 2]

    def timed_sync(self, url: str, timeout: float = 90) -> tuple[int | None, str]:
        start = time.monotonic()
        code, out = finish(self.station.sync(url), timeout)
        if code == 0:
            self.sync_times.append(time.monotonic() - start)
        elif code is None:
            self.figures.hung += 1
        return code, out

    def set_up(self, families: int) -> None:
        self.station.create(families)
        self.server.start()
        added = checks.cli_json(["helpdesk.server.cli", "--db", self.server.db_url, "station",
                                 "add", "--name", "压力测试帮扶站", "--region", "420111",
                                 "--json"], {**os.environ, "PYTHONPATH": str(ROOT)})
        code, out = finish(self.station.cli("enroll", "--server", self.server.url, "--code",
                                            added["code"]), 120)
        checks.expect(code == 0, f"enroll failed: {out}")
        self.proxy.start()

    def kill_writer(self) -> None:
        writer = self.station.writer(100_000, self.rng.randrange(10**9))
        beside = self.station.sync(self.server.url) if self.rng.random() < 0.5 else None
        delay = self.rng.uniform(0.1, 3.0)
        landed, out = kill_after(writer, delay)
        self.note("writer", f"{delay:.2f}", landed, out if not landed else out.count("given"))
        self.figures.kills["writer"] += 1
        self.figures.landed["writer"] += landed
        self.figures.aid_given += out.count("given")
        if beside is not None:
            finish(beside, 90)

    def push_started(self, proc: subprocess.Popen[str], timeout: float = 30) -> bool:
        """Wait until the proxy forwards a push request of `proc` (False if it ended first)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            if self.proxy.push_seen.wait(0.05):
                return True
        return False

    def kill_sync(self) -> None:
        """Half after a random delay from its start, half a moment after its push went out."""
        if self.rng.random() < 0.5:
            delay = self.rng.uniform(0.05, 1.1 * self.sync_window())
            landed, out = kill_after(self.station.sync(self.server.url), delay)
        else:
            self.proxy.push_seen.clear()
            sync = self.station.sync(self.proxy.url)
            delay = self.rng.uniform(0, 0.3) if self.push_started(sync) else 0
            landed, out = kill_after(sync, delay)
            delay = -delay  # negative in the log: counted from the push
        self.note("sync", f"{delay:.2f}", landed, out)
        self.figures.kills["sync"] += 1
        self.figures.landed["sync"] += landed

    def kill_server(self) -> None:
        """A moment after a push request went out, through the proxy without faults; a short
        writer beside the sync: more to push, and the station's file shared."""
        writer = self.station.writer(self.rng.randrange(5, 60), self.rng.randrange(10**9))
        self.proxy.push_seen.clear()
        sync = self.station.sync(self.proxy.url)
        in_flight = self.push_started(sync)
        delay = self.rng.uniform(0, 0.04)  # a batch takes tens of milliseconds to store
        time.sleep(delay)
        self.server.kill()
        self.figures.kills["server"] += 1
        code, out = finish(sync, 90)
        self.figures.landed["server"] += in_flight
        self.figures.cut_syncs += code not in (0, None)
        wrote, written = finish(writer, 120)
        self.note("server", f"{delay:.2f}", in_flight, code, out, "writer:", wrote,
                  written if wrote else written.count("given"))
        self.server.start()

    def faulty_sync(self) -> None:
        self.proxy.faulty = True
        try:
            code, out = self.timed_sync(self.proxy.url)
        finally:
            self.proxy.faulty = False
        self.note("faulty", code, out, dict(self.proxy.faults))
        self.figures.faulty_syncs += 1
        self.figures.faulty_failed += code != 0

    def heal(self) -> None:
        if self.server.proc is None or self.server.proc.poll() is not None:
            self.server.start()
        for _ in range(20):
            self.figures.heal_syncs += 1
            code, out = self.timed_sync(self.server.url)
            if code == 0:  # a push goes on until the outbox is empty
                return
        raise checks.ChaosFailure(f"syncs without faults do not succeed: {out}")

    def check(self) -> None:
        got = checks.station_checks(self.station.data, self.station.config, PIN)
        got |= checks.server_checks(self.server.db_url, got["devices"])
        got |= checks.totals_agree(self.station.data, self.server.db_url, self.station.env)
        self.figures.checked = got


def run(*, kills: int, faulty_syncs: int, db: str = "sqlite", seed: int = 1,
        minutes: float = 120, families: int = 200, folder: Path | None = None) -> Figures:
    """One chaos run; raises ChaosFailure when a check fails."""
    start = time.monotonic()
    # The station's device secret lives in a file of the run's folder, never a keyring.
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with tempfile.TemporaryDirectory(prefix="helpdesk-chaos-") as tmp, database(db) as url:
        chaos = Run(Path(folder or tmp), url, seed)
        rounds = (["writer"] * (kills - 2 * (kills // 3)) + ["sync"] * (kills // 3)
                  + ["server"] * (kills // 3) + ["faulty"] * faulty_syncs)
        chaos.rng.shuffle(rounds)
        try:
            chaos.set_up(families)
            deadline = start + minutes * 60
            for i, kind in enumerate(rounds):
                if time.monotonic() > deadline:
                    chaos.figures.rounds_skipped = len(rounds) - i
                    break
                getattr(chaos, {"writer": "kill_writer", "sync": "kill_sync",
                                "server": "kill_server", "faulty": "faulty_sync"}[kind])()
            chaos.heal()
            chaos.figures.faults = Counter(chaos.proxy.faults)
            chaos.check()
        finally:
            chaos.server.stop()
            if chaos.proxy.port:
                chaos.proxy.stop()
            chaos.log.close()
        chaos.figures.wall_s = time.monotonic() - start
        return chaos.figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--kills", type=int, default=1000)
    ap.add_argument("--faulty-syncs", type=int, default=200)
    ap.add_argument("--db", default="sqlite", help="sqlite, pg (a fresh database through "
                                                   "$HELPDESK_TEST_PG_URL) or a database URL")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--minutes", type=float, default=120, help="no new round after this")
    ap.add_argument("--families", type=int, default=200)
    ap.add_argument("--dir", type=Path, help="keep the station and server log here")
    args = ap.parse_args()
    print(f"machine: {machine.describe()}")
    print(f"chaos: --kills {args.kills} --faulty-syncs {args.faulty_syncs} --db "
          f"{args.db.split('://')[0]} --seed {args.seed} --minutes {args.minutes:g}", flush=True)
    try:
        figures = run(kills=args.kills, faulty_syncs=args.faulty_syncs, db=args.db,
                      seed=args.seed, minutes=args.minutes, families=args.families,
                      folder=args.dir)
    except checks.ChaosFailure as err:
        print(f"FAILED: {err}")
        return 1
    print("\n".join(figures.lines()))
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
