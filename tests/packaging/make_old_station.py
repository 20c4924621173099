"""Makes tests/packaging/old-station/: a station as the first release's schema left it.

    .venv/bin/python tests/packaging/make_old_station.py

Run once, at the commit that added it (migrations m001–m004 in the code); the files are kept in
the repository and never remade, so the upgrade test in test_bundle.py keeps opening data
written by an older release however many migrations are added later. m004 only adds an index,
so dropping it leaves exactly what m001–m003 wrote: the packaged app then always has at least
one migration to apply, and must copy the file aside before it does.

The folder holds data/ (station.db.old and station.keys.json of the demo station: head admin,
PIN 123456), config/ (the device secret as a file, as on a machine with no OS keyring) and
totals.json (what `helpdesk totals --json` printed before the downgrade).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TARGET = HERE / "old-station"
RELEASED = ["m001_initial", "m002_search", "m003_receipts"]


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from helpdesk import paths as pathsmod
    from helpdesk.services import session
    from helpdesk.store import db as dbm

    shutil.rmtree(TARGET, ignore_errors=True)
    env = {**os.environ, "HELPDESK_CONFIG_DIR": str(TARGET / "config"), "HELPDESK_PIN": "123456",
           "HELPDESK_LANG": "en", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    exe = [sys.executable, "-m", "helpdesk"]
    data = str(TARGET / "data")
    subprocess.run([*exe, "demo-data", "--families", "30", "--aid", "20", "--seed", "5",
                    "--data-dir", data], env=env, check=True, cwd=ROOT)
    totals = subprocess.run([*exe, "totals", "--json", "--data-dir", data], env=env, check=True,
                            cwd=ROOT, capture_output=True, text=True).stdout
    (TARGET / "totals.json").write_text(totals, encoding="utf-8")
    os.environ.update(env)
    s = session.sign_in(pathsmod.resolve(data), "admin", "123456")
    applied = dbm.schema_version(s.db)
    assert applied == [*RELEASED, "m004_waiting_changes"], applied
    s.db.execute("DROP INDEX changes_waiting")
    s.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_waiting_changes'")
    s.db.execute("VACUUM")
    s.close()
    for leftover in [*Path(data).glob("station.db-*"), *TARGET.rglob("*.lock")]:
        leftover.unlink()  # WAL files are empty after close's checkpoint
    # .gitignore leaves out *.db; the test renames it back
    (Path(data) / "station.db").rename(Path(data) / "station.db.old")
    print("written", *sorted(p.relative_to(TARGET).as_posix() for p in TARGET.rglob("*")
                             if p.is_file()))


if __name__ == "__main__":
    main()
