"""Benchmark of the packaged app (not a test): its size and its start beside the venv's.

    .venv/bin/python bench/package.py [--bundle dist/helpdesk] [--runs 7]

Builds the bundle into a temporary folder unless --bundle names one (`make package` makes
dist/helpdesk), then prints, in one run on one machine:

- the unpacked bundle's size (goal ≤ 150 MB) and the .tar.gz's when it is there;
- start to `helpdesk --version` printed, and start to the sign-in window shown and painted
  (offscreen, a station with 300 families), medians over --runs fresh processes each, for the
  packaged app and for the venv (`python packaging/launcher.py`, the same code as
  .venv/bin/helpdesk). packaging/launcher.py's $HELPDESK_BENCH_T0 hook prints the time to
  the window. The file cache is warm (the first run is left out of the median): it measures
  the start's own work, not the disk.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1e6


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "XDG_DATA_HOME": str(home / "share"), "XDG_CONFIG_HOME": str(home / "config"),
            "QT_QPA_PLATFORM": "offscreen", "HELPDESK_LANG": "en", **extra}


def time_version(cmd: list[str], home: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([*cmd, "--version"], env=clean_env(home), check=True, capture_output=True)
    return time.perf_counter() - t0


def time_window(cmd: list[str], home: Path, station: Path) -> float:
    done = subprocess.run([*cmd, "--data-dir", str(station)], capture_output=True, text=True,
                          env=clean_env(home, HELPDESK_BENCH_T0=repr(time.time())), check=True)
    line = next(x for x in done.stderr.splitlines() if x.startswith("HELPDESK_SHOWN"))
    return float(line.split()[1])


def median_of(runs: int, measure: object, *args: object) -> float:
    values = [measure(*args) for _ in range(runs + 1)][1:]  # type: ignore[operator]
    return statistics.median(values)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bundle", type=Path, help="a built one-folder app (default: build one)")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    from bench import machine

    print(machine.describe())
    with tempfile.TemporaryDirectory(prefix="helpdesk-bench-package-") as tmp:
        work = Path(tmp)
        bundle = args.bundle
        if bundle is None:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "packaging" / "pack.py"), "--dist",
                            str(work / "dist"), "--work", str(work / "build")], check=True,
                           stdout=subprocess.DEVNULL)
            print(f"build (PyInstaller + tar.gz): {time.perf_counter() - t0:.0f} s")
            bundle = work / "dist" / "helpdesk"
        bundle = bundle.resolve()
        print(f"bundle {bundle}: {size_mb(bundle):.1f} MB unpacked (goal ≤ 150 MB)")
        for archive in sorted(bundle.parent.glob("helpdesk-*-linux-*.tar.gz")):
            print(f"archive {archive.name}: {archive.stat().st_size / 1e6:.1f} MB")
        home = work / "home"
        station = work / "station"
        subprocess.run([str(bundle / "helpdesk"), "demo-data", "--families", "300", "--aid",
                        "0", "--data-dir", str(station)], env=clean_env(home), check=True,
                       capture_output=True)
        commands = {"packaged": [str(bundle / "helpdesk")],
                    "venv": [sys.executable, str(ROOT / "packaging" / "launcher.py")]}
        print(f"{'median of ' + str(args.runs):<16}{'--version':>12}{'sign-in window':>18}")
        for name, cmd in commands.items():
            version = median_of(args.runs, time_version, cmd, home)
            window = median_of(args.runs, time_window, cmd, home, station)
            print(f"{name:<16}{version:>10.2f} s{window:>16.2f} s")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
