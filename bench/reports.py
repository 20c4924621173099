"""Benchmark of the Reports page (not a test): how long the station head waits for it.

    python bench/reports.py --dir D [--families 200000 --aid 20000] [--runs 3]

Fills a station with `helpdesk demo-data` once when D has none (kept in D), then in one
offscreen process signs in as the head and measures, each period (today, this month, this
campaign): the service's queries alone (`services.reports.report`), and the page's load
(queries and drawing the charts and tables), best and median of the runs; it prints SQLite's
plan of each query, and the memory QtCharts adds when the page is first opened.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HEAD, PIN = "admin", "123456"


def _fill(folder: Path, families: int, aid: int) -> None:
    env = dict(os.environ, HELPDESK_PIN=PIN, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "helpdesk", "demo-data", "--families", str(families),
                    "--aid", str(aid), "--data-dir", str(folder)], check=True, env=env,
                   cwd=ROOT, timeout=7200)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--families", type=int, default=200_000)
    ap.add_argument("--aid", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not (args.dir / "station.db").exists():
        _fill(args.dir, args.families, args.aid)
    from PySide6.QtWidgets import QApplication

    from helpdesk import app as appmod
    from helpdesk import paths as pathsmod
    from helpdesk.services import reports
    from helpdesk.store import reports as store

    qapp = appmod.make_application([])
    window = appmod.build_window(pathsmod.resolve(args.dir), language="zh_CN")
    window.resize(1366, 768)
    window.show()
    window.sign_in_page.choose(HEAD)
    window.sign_in_page.try_pin(PIN)
    for _ in range(600):  # the key derivation runs off the GUI thread
        QApplication.processEvents()
        if window.shell is not None:
            break
        time.sleep(0.05)
    shell = window.shell
    assert shell is not None, "could not sign in"
    session = shell.session
    print(f"families {store.registered(session.db)}, aid "
          f"{session.db.execute('SELECT count(*) FROM aid').fetchone()[0]}")
    for what in ("aid", "families", "registered"):
        print(f"plan {what:<10} " + " | ".join(store.plan(session.db, what)))  # type: ignore[arg-type]
    before = _rss_mb()
    started = time.perf_counter()
    page = shell.go("reports")
    QApplication.processEvents()
    print(f"first opening (imports QtCharts, builds the page, campaign): "
          f"{time.perf_counter() - started:.3f} s; RSS +{_rss_mb() - before:.0f} MB")
    for kind in ("today", "month", "campaign"):
        span = reports.period(session, kind)
        queries, loads = [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            got = reports.report(session, span)
            queries.append(time.perf_counter() - t)
            page.load(kind)
            QApplication.processEvents()
            loads.append(page.load_seconds)
        print(f"{kind:<9} {span.start}..{span.end}: {got.aid_count} aid; queries best "
              f"{min(queries) * 1000:.0f} ms median {statistics.median(queries) * 1000:.0f} ms; "
              f"page load best {min(loads) * 1000:.0f} ms median "
              f"{statistics.median(loads) * 1000:.0f} ms")
    window.close()
    qapp.processEvents()


if __name__ == "__main__":
    main()
