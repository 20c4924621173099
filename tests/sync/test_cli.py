"""The station's sync commands as a user runs them: real `helpdesk` and `helpdesk-server`
processes, a real uvicorn server, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from helpdesk.server import report
from tests.sync.test_uvicorn import ROOT, Server

pytestmark = pytest.mark.slow


def helpdesk(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HELPDESK_LANG=lang, HELPDESK_PIN="123456",
               PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "helpdesk", *args], capture_output=True,
                          text=True, env=env, timeout=300, stdin=subprocess.DEVNULL, cwd=ROOT)


def server_cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "helpdesk.server.cli", "--db", db_url, *args],
                          capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)


def station(folder: Path, families: int = 8, aid: int = 15) -> str:
    made = helpdesk("demo-data", "--families", str(families), "--aid", str(aid),
                    "--data-dir", str(folder))
    assert made.returncode == 0, made.stderr
    return str(folder)


def totals(data_dir: str) -> tuple[int, int]:
    done = helpdesk("totals", "--json", "--data-dir", data_dir)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    return found["aid_count"], found["total_fen"]


def server_totals(engine: Engine, station_code: str) -> tuple[int, int]:
    mine = [r for r in report.totals(engine)["by_station_programme_month"]
            if r["station"] == station_code]
    return sum(r["aid_count"] for r in mine), sum(r["total_fen"] for r in mine)


def test_enroll_and_sync_against_a_real_server(server: Server, db_url: str, engine: Engine,
                                               tmp_path: Path) -> None:
    data = station(tmp_path / "online")
    refused = helpdesk("sync", "--data-dir", data)
    assert refused.returncode == 1 and "has not enrolled" in refused.stderr
    added = server_cli(db_url, "station", "add", "--name", "关山街道帮扶站", "--region",
                       "420111", "--json")
    assert added.returncode == 0, added.stderr
    code, station_code = json.loads(added.stdout)["code"], json.loads(added.stdout)["station_code"]
    enrolled = helpdesk("enroll", "--server", server.url, "--code", code, "--data-dir", data)
    assert enrolled.returncode == 0, enrolled.stderr
    assert f"Enrolled with {server.url}: station {station_code}" in enrolled.stdout
    synced = helpdesk("sync", "--data-dir", data)
    assert synced.returncode == 0, synced.stderr
    lines = synced.stdout.splitlines()
    assert lines[0].startswith("Pushed: ") and " 0 already had, 0 rejected, 0 quarantined" \
        in lines[0] and not lines[0].startswith("Pushed: 0 ")
    assert lines[1].startswith("Pulled: ") and "match records" in lines[1]
    assert lines[2].startswith("Clock skew (server minus this laptop): ")
    again = helpdesk("sync", "--data-dir", data, lang="zh")
    assert again.returncode == 0, again.stderr
    # Only the sign-in's audit row is new.
    assert "推送：接受 1，已有 0，拒绝 0，隔离 0" in again.stdout
    assert server_totals(engine, station_code) == totals(data)
    used = helpdesk("enroll", "--server", server.url, "--code", code, "--data-dir",
                    station(tmp_path / "second", 1, 0))
    assert used.returncode == 1 and "already used" in used.stderr
    server.stop()
    down = helpdesk("sync", "--data-dir", data)
    assert down.returncode == 1 and "Cannot reach the server" in down.stderr


def test_offline_by_files_then_online(server: Server, db_url: str, engine: Engine,
                                      tmp_path: Path) -> None:
    data = station(tmp_path / "offline")
    enrollment, bundle, answer = (tmp_path / "enroll.json", tmp_path / "station.bundle",
                                  tmp_path / "answer.bundle")
    added = server_cli(db_url, "station", "add", "--name", "卓刀泉街道帮扶站", "--region",
                       "420111", "--enrollment-file", str(enrollment), "--server-url",
                       server.url, "--json")
    assert added.returncode == 0, added.stderr
    station_code = json.loads(added.stdout)["station_code"]
    read = helpdesk("enroll", "--file", str(enrollment), "--data-dir", data)
    assert read.returncode == 0 and station_code in read.stdout, read.stderr
    exported = helpdesk("export-bundle", str(bundle), "--data-dir", data)
    assert exported.returncode == 0, exported.stderr
    assert f"Wrote {bundle}: " in exported.stdout and "with the enrollment request" \
        in exported.stdout
    imported = server_cli(db_url, "import-bundle", str(bundle), "-o", str(answer))
    assert imported.returncode == 0, imported.stderr
    assert "(enrolled now)" in imported.stdout and " 0 already had" in imported.stdout
    altered = tmp_path / "altered.bundle"
    text = answer.read_bytes()
    at = text.index(b'"ciphertext": "') + 40
    altered.write_bytes(text[:at] + (b"A" if text[at:at + 1] != b"A" else b"B") + text[at + 1:])
    refused = helpdesk("import-bundle", str(altered), "--data-dir", data)
    assert refused.returncode == 1 and "signature is not valid" in refused.stderr
    digest = hashlib.sha256(answer.read_bytes()).hexdigest()
    done = helpdesk("import-bundle", str(answer), "--data-dir", data)
    assert done.returncode == 0, done.stderr
    assert f"Enrolled: station {station_code}" in done.stdout
    assert "0 already had, 0 rejected, 0 quarantined" in done.stdout
    twice = helpdesk("import-bundle", str(answer), "--data-dir", data)
    assert twice.returncode == 0 and "Enrolled" not in twice.stdout, twice.stderr
    assert hashlib.sha256(answer.read_bytes()).hexdigest() == digest
    forged = server_cli(db_url, "import-bundle", str(answer), "-o", str(tmp_path / "x"))
    assert forged.returncode == 1 and "not a station's bundle" in forged.stderr
    # Online at last: the enrollment file gave the address, the answer the token.
    synced = helpdesk("sync", "--data-dir", data)
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.startswith("Pushed: ") and "0 rejected" in synced.stdout
    assert server_totals(engine, station_code) == totals(data)
