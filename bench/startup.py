"""Benchmark of the station app's start (not a test): figures for issue 3's closing note.

    python bench/startup.py [--families 200000] [--dir D] [--runs 3] [--root OLD_TREE ...]

Fills a station with `helpdesk demo-data --families N --aid 0 --data-dir D` once (kept in D),
then for each run starts a fresh Python process that measures, offscreen:

- cold start: from just before the process is spawned until the sign-in screen is shown;
- sign-in: from the PIN's OK until the home page is shown, and the key derivation inside it;
- RSS (resident memory) with the home page shown, and its peak;
- search on the GUI thread at that size (the families page calls it as the volunteer types).

With `--root` (repeatable) each tree given is measured too, on the same station, the runs
interleaved, so an older checkout's figures are printed beside this tree's from one run.

Budgets (issue 3): cold start ≤ 1.0 s, sign-in ≤ 0.5 s plus the key derivation, ≤ 150 MB RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HEAD, PIN = "admin", "123456"

CHILD = r"""
import json, os, sys, time
T0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QTimer
from helpdesk import app as appmod, paths as pathsmod
from helpdesk.services import families, session as sessions
from helpdesk.store import keys

def rss_mb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return float("nan")

out = {}
qapp = appmod.make_application([])
paths = pathsmod.resolve(sys.argv[3])
window = appmod.build_window(paths)
window.resize(1366, 768)
window.show()

def shown_sign_in():
    window.repaint()  # painted, not only shown
    out["cold_start_s"] = time.time() - T0
    out["rss_sign_in_mb"] = rss_mb("VmRSS")
    window.sign_in_page.choose("admin")
    window.sign_in_page.pad.field.setText("123456")
    out["t_ok"] = time.perf_counter()
    window.sign_in_page.try_pin("123456")

def shown_home():
    qapp.processEvents()
    window.repaint()
    out["sign_in_s"] = time.perf_counter() - out.pop("t_ok")
    out["rss_home_mb"] = rss_mb("VmRSS")
    s = window.session
    kf = keys.KeyFile.load(paths.key_file)
    holder = next(h for h in kf.holders() if h.name == "admin")
    t = time.perf_counter()
    kf.verify_pin(holder.id, "123456", s.secrets)
    out["key_derivation_s"] = time.perf_counter() - t
    timings = {}
    for q in ("王", "王小", "zs", "wang", "1234", "13812"):
        runs = []
        for _ in range(20):
            t = time.perf_counter()
            families.find(s, q, limit=50)
            runs.append(time.perf_counter() - t)
        timings[q] = sorted(runs)[int(len(runs) * 0.95) - 1] * 1000
    out["search_p95_ms"] = timings
    t = time.perf_counter()
    window.shell.go("families").search.setText("王小")
    qapp.processEvents()
    out["families_page_query_ms"] = (time.perf_counter() - t) * 1000
    out["families"] = families.find.__module__ and s.db.execute(
        "SELECT count(*) FROM families").fetchone()[0]
    out["rss_peak_mb"] = rss_mb("VmHWM")
    print(json.dumps(out))
    window.close()

window.signed_in.connect(lambda: QTimer.singleShot(0, shown_home))
QTimer.singleShot(0, shown_sign_in)
qapp.exec()
"""


# demo.add_families draws ID numbers at random, which collide by the birthday paradox at 200k
# (UNIQUE constraint failed: families.id_number); this draws them from a counter instead.
GENERATE = r"""
import itertools, sys
from datetime import date, timedelta
sys.path.insert(0, sys.argv[1])
from helpdesk import paths as pathsmod
from helpdesk.domain import idcard
from helpdesk.services import demo, session as sessions
counter = itertools.count()
make = idcard.make
def unique(region, birth, seq):
    n = next(counter)
    return make(region, date(1950, 1, 1) + timedelta(days=n // 999), n % 999 + 1)
demo.idcard.make = unique
paths = pathsmod.resolve(sys.argv[2])
s, _ = sessions.create_station(paths, {"name": "基准测试帮扶站", "region": "420111"},
                               head_name="admin", head_pin="123456")
demo.ensure_programmes(s)
demo.add_families(s, int(sys.argv[3]), seed=1)
s.close()
"""


def ensure_station(folder: Path, families: int) -> None:
    station = folder / "station"
    if (station / "station.db").exists():
        return
    print(f"generating {families} families in {station} (once) …", flush=True)
    helpdesk = Path(sys.executable).parent / "helpdesk"
    made = subprocess.run([str(helpdesk), "demo-data", "--families", str(families), "--aid",
                           "0", "--data-dir", str(station)], env=_env(folder))
    if made.returncode != 0:
        print("helpdesk demo-data failed: generating in-process with unique IDs", flush=True)
        for name in ("station.db", "station.keys.json", "station.db-wal", "station.db-shm"):
            (station / name).unlink(missing_ok=True)
        subprocess.run([sys.executable, "-c", GENERATE, str(ROOT), str(station),
                        str(families)], check=True, env=_env(folder))


def _env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["HELPDESK_CONFIG_DIR"] = str(folder / "config")
    env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    env["HELPDESK_LANG"] = env.get("HELPDESK_LANG", "zh_CN")
    return env


def run_once(folder: Path, root: Path = ROOT) -> dict[str, object]:
    t0 = time.time()
    done = subprocess.run([sys.executable, "-c", CHILD, repr(t0), str(root),
                           str(folder / "station")], capture_output=True, text=True,
                          env=_env(folder), check=True)
    line = [x for x in done.stdout.splitlines() if x.startswith("{")][-1]
    return json.loads(line)  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=200_000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, action="append", default=[],
                        help="another source tree to measure beside this one (e.g. an older "
                        "clone)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.gettempdir()) / f"helpdesk-bench-{args.families}"
    folder.mkdir(parents=True, exist_ok=True)
    ensure_station(folder, args.families)
    try:
        from bench import machine

        print(machine.describe())
    except Exception:  # the description is a nicety
        pass
    roots = [ROOT, *(r.resolve() for r in args.root)]
    by_root: dict[Path, list[dict[str, object]]] = {r: [] for r in roots}
    for _ in range(args.runs):
        for root in roots:
            by_root[root].append(run_once(folder, root))
    for root in roots:
        if len(roots) > 1:
            print(f"\n== {root} ==")
        report(by_root[root], args.runs)
    return 0


def report(results: list[dict[str, object]], runs: int) -> None:
    last = results[-1]
    print(f"families: {last['families']}")

    def med(key: str) -> float:
        return statistics.median(float(r[key]) for r in results)  # type: ignore[arg-type]

    print(f"cold start → sign-in shown: {med('cold_start_s'):.2f} s (median of {runs}; "
          "budget 1.0 s)")
    print(f"sign-in → home shown: {med('sign_in_s'):.2f} s, of which key derivation "
          f"{med('key_derivation_s'):.2f} s (budget 0.5 s + derivation)")
    print(f"RSS: {med('rss_sign_in_mb'):.0f} MB at sign-in, {med('rss_home_mb'):.0f} MB at "
          f"home, peak {med('rss_peak_mb'):.0f} MB (budget 150 MB)")
    print("search p95 on the GUI thread (ms): " + ", ".join(
        f"{q!r} {ms:.1f}" for q, ms in last["search_p95_ms"].items()))  # type: ignore[union-attr]
    print(f"families page, typing '王小' until the list is filled: "
          f"{med('families_page_query_ms'):.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
