"""The checks after a chaos run (bench/chaos.py): station and server agree, nothing lost, doubled
or skipped. Each returns figures; a failed check raises ChaosFailure with what differs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]


class ChaosFailure(AssertionError):
    pass


def expect(ok: bool, what: str) -> None:
    if not ok:
        raise ChaosFailure(what)


def cli_json(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    expect(done.returncode == 0, f"{' '.join(args[:3])} failed: {done.stderr[-2000:]}")
    return dict(json.loads(done.stdout))


def gap_free(numbers: list[int]) -> bool:
    return sorted(numbers) == list(range(1, len(numbers) + 1))


def station_checks(data_dir: Path, config_dir: Path, pin: str) -> dict[str, Any]:
    """Signed in on the station: receipts and device sequence numbers without a gap, the
    outbox empty but for this sign-in's own audit change, PRAGMA quick_check ok."""
    from helpdesk import paths as pathsmod
    from helpdesk.services import session
    from helpdesk.store import outbox

    s = session.sign_in(pathsmod.Paths(data_dir, config_dir), "admin", pin)
    try:
        quick = [r[0] for r in s.db.execute("PRAGMA quick_check")]
        expect(quick == ["ok"], f"station PRAGMA quick_check: {quick[:5]}")
        # A writer killed between saving its device binding and committing makes the next
        # sign-in start a new device (store.devices.bind: "one needless new device"), so
        # every device of the file is checked, each on its own numbers.
        devices = [r[0] for r in s.db.execute("SELECT id FROM devices ORDER BY epoch")]
        receipts, changes, expected = 0, 0, {}
        for device_id in devices:
            by_year: dict[str, list[int]] = defaultdict(list)
            for (receipt_no,) in s.db.execute("SELECT receipt_no FROM aid WHERE device_id = ?",
                                              [device_id]):
                year, seq = receipt_no.rsplit("-", 2)[1:]
                by_year[year].append(int(seq))
            for year, seqs in by_year.items():
                expect(gap_free(seqs), f"receipt numbers of {year} have gaps or doubles: "
                                       f"{len(seqs)} numbers, highest {max(seqs)}")
            receipts += sum(len(v) for v in by_year.values())
            seqs = [c.device_seq for c in outbox.since(s.db, device_id)]
            expect(gap_free(seqs), f"device sequence numbers have gaps: {len(seqs)} changes, "
                                   f"highest {max(seqs, default=0)}")
            changes += len(seqs)
            # The server has them all but this check's own sign-in (the current device's last).
            expected[device_id] = max(seqs, default=0) - (device_id == s.device.id)
        waiting = [r[0] for r in s.db.execute(
            "SELECT entity FROM changes WHERE sync_status = 'pending'")]
        # Signing in for this check wrote one audit change; nothing else may wait.
        expect(waiting == ["audit"], f"{len(waiting)} changes still wait to be pushed")
        return {"device_id": s.device.id, "devices": expected, "receipts": receipts,
                "changes": changes, "last_seq": expected[s.device.id] + 1}
    finally:
        s.close()


def server_checks(db_url: str, expected: dict[str, int]) -> dict[str, Any]:
    """The server holds each device's changes once, with no gap, up to the highest the station
    pushed (`expected`: device id → that number); none quarantined."""
    engine = sa.create_engine(db_url)
    held = 0
    try:
        with engine.connect() as conn:
            for device_id, last in expected.items():
                seqs = [r[0] for r in conn.execute(sa.text(
                    "SELECT device_seq FROM changes WHERE device_id = :d ORDER BY device_seq"),
                    {"d": device_id})]
                quarantined = conn.execute(sa.text(
                    "SELECT count(*) FROM quarantine WHERE device_id = :d"), {"d": device_id}
                    ).scalar_one()
                expect(seqs == list(range(1, last + 1)),
                       f"server holds {len(seqs)} changes of device {device_id} (highest "
                       f"{max(seqs, default=0)}), expected 1..{last} once each")
                expect(quarantined == 0, f"{quarantined} of the device's changes were "
                                         "quarantined")
                held += len(seqs)
    finally:
        engine.dispose()
    return {"server_changes": held}


def totals_agree(data_dir: Path, db_url: str, env: dict[str, str]) -> dict[str, int]:
    """`helpdesk totals --json` equals `helpdesk-server report --json`."""
    station = cli_json(["helpdesk.cli", "totals", "--json", "--data-dir", str(data_dir)], env)
    server = cli_json(["helpdesk.server.cli", "--db", db_url, "report", "--json"],
                      {**os.environ, "PYTHONPATH": str(ROOT)})
    pairs = {k: (station[k], server[k]) for k in ("aid_count", "total_fen")}
    expect(all(a == b for a, b in pairs.values()),
           f"station and server totals differ (station, server): {pairs}")
    return {"aid_count": station["aid_count"], "total_fen": station["total_fen"]}
