"""The whole give-aid transaction with a durable commit, beside the disk's raw fsync time.

    python bench/give_aid.py [--families 10000] [--aid 300] [--dir D]

Creates a station in a temporary folder (never the user's), fills it with sample families,
then times `services.aid.give_aid` end to end (validation, cap and threshold checks, receipt
number, signature blob, aid row, outbox and audit rows, WAL commit with fsync). In the same run
it times a raw 4 KiB write + fsync in the same folder, the floor any durable commit pays.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import machine

from helpdesk import paths as pathsmod
from helpdesk.services import aid, demo, session
from helpdesk.services.aid import Approval
from helpdesk.store import programmes

SIGNATURE = b"\x89PNG\r\n\x1a\n" + os.urandom(6000)  # about the size of a pad signature


def raw_fsync_ms(folder: Path, count: int) -> list[float]:
    path = folder / "fsync-probe"
    out = []
    with path.open("wb") as f:
        for _ in range(count):
            start = time.perf_counter()
            f.write(os.urandom(4096))
            f.flush()
            os.fsync(f.fileno())
            out.append((time.perf_counter() - start) * 1000)
    path.unlink()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--families", type=int, default=10_000)
    ap.add_argument("--aid", type=int, default=300)
    ap.add_argument("--dir", type=Path)
    args = ap.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="helpdesk-bench-"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    paths = pathsmod.Paths(folder / "station", folder / "config")
    s, _ = session.create_station(paths, {"name": "基准测试帮扶站", "region": "420111"},
                                  head_name="admin", head_pin="123456")
    demo.ensure_programmes(s)
    demo.add_families(s, args.families)
    cash = next(p for p in programmes.all_(s.db) if p.code.startswith("YLJZ"))
    ids = [r[0] for r in s.db.execute("SELECT id FROM families LIMIT ?", [args.aid])]
    approval = Approval(s.volunteer.id, "benchmark", "123456")
    times = []
    for i in range(args.aid):
        data = {"family_id": ids[i % len(ids)], "programme_id": cash.id, "kind": "cash",
                "amount_fen": 50_000, "signature_png": SIGNATURE}
        start = time.perf_counter()
        aid.give_aid(s, data, cap_approval=approval)
        times.append((time.perf_counter() - start) * 1000)
    fsync = raw_fsync_ms(paths.data_dir, args.aid)
    s.close()
    print(f"machine: {machine.describe()}")
    print(f"station: {args.families} families, {args.aid} aid given, folder {folder}")
    print(f"{'measure':<34}{'p50 ms':>9}{'p95 ms':>9}")
    print(f"{'give_aid (durable commit)':<34}{machine.median(times):>9.2f}"
          f"{machine.percentile(times, 95):>9.2f}")
    print(f"{'raw 4 KiB write + fsync':<34}{machine.median(fsync):>9.2f}"
          f"{machine.percentile(fsync, 95):>9.2f}")
    print(f"ratio give_aid / fsync (p50): {machine.median(times) / machine.median(fsync):.1f}×")


if __name__ == "__main__":
    main()
