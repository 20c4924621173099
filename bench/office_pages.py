"""CPU per console page (not a test): what one office page costs the sync API's worker (which
passes it on to the console's process) and the console's process, measured by their own CPU
clocks over many requests of one signed-in user.

    python bench/office_pages.py [--stations 100] [--requests 200] [--root DIR ...]

Each tree (`--root`, may be repeated; default this one) gets a fresh SQLite server database
with `--stations` stations (no aid: the stations page is the widest), one admin, and
`helpdesk-server serve --workers 1` on a free port; then, for each page and /v1/health (the
worker's own cost of a request, for comparison), `--requests` sequential GETs. Prints the
page's size, the worker's and the console's CPU milliseconds per request (medians of five
slices) and the wall time per request, tree after tree.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import machine

PAGES = ("/office/", "/office/stations", "/office/ledger", "/office/closes", "/v1/health")
PASSWORD = "office pages 1"
SETUP = """
import sys
from helpdesk.server import accounts, storage
from helpdesk.server.office import users
engine = storage.make_engine(sys.argv[1])
storage.migrate(engine)
for n in range(int(sys.argv[2])):
    accounts.add_station(engine, f"站点{n}", "420111")
users.add(engine, "bench", "admin", "", sys.argv[3])
"""


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(root: Path, stations: int, requests: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(root))
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{folder}/server.db"
        subprocess.run([sys.executable, "-c", SETUP, db, str(stations), PASSWORD], env=env,
                       check=True, cwd=root)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "helpdesk.server.cli", "--db", db,
                                   "serve", "--port", str(port), "--workers", "1",
                                   "--log-level", "warning"], env=env, cwd=root)
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    httpx.get(url + "/v1/health")
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            console = next(int(p) for p in subprocess.run(
                ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
            ).stdout.split() if "serve-office" in Path(f"/proc/{p}/cmdline").read_text())
            http = httpx.Client(base_url=url)
            form = http.get("/office/login").text
            token = re.search(r'name="csrf_token" value="([^"]+)"', form)
            assert token, "no sign-in form"
            http.post("/office/login", data={"username": "bench", "password": PASSWORD,
                                             "csrf_token": token.group(1)})
            for path in PAGES:
                size = len(http.get(path).content)  # the first one reads; the rest are timed
                slices: list[tuple[float, float, float]] = []
                for _ in range(5):
                    worker, office, began = _cpu(server.pid), _cpu(console), time.perf_counter()
                    for _ in range(requests // 5):
                        answer = http.get(path)
                        assert answer.status_code == 200, (path, answer.status_code)
                    n = requests // 5
                    slices.append(((_cpu(server.pid) - worker) * 1000 / n,
                                   (_cpu(console) - office) * 1000 / n,
                                   (time.perf_counter() - began) * 1000 / n))
                w, c, t = (statistics.median(s[i] for s in slices) for i in range(3))
                print(f"{root.name or root} | {path} | {size:,} | {w:.2f} | {c:.2f} | {t:.1f}")
        finally:
            server.terminate()
            server.wait(30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stations", type=int, default=100)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--root", type=Path, action="append")
    args = ap.parse_args()
    print(f"machine: {machine.describe()}")
    print(f"{args.stations} stations, {args.requests} requests per page, one worker, SQLite")
    print("tree | page | bytes | worker CPU ms | console CPU ms | wall ms")
    for root in args.root or [Path(__file__).resolve().parents[1]]:
        measure(root.resolve(), args.stations, args.requests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
