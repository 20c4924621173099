"""The client against a real `helpdesk-server serve` process (uvicorn on 127.0.0.1), plain and
over TLS; the server killed with SIGKILL in the middle of pushes, and the station killed after
the server committed a batch but before it recorded the answer: a retry converges, nothing
lost or doubled.
"""

from __future__ import annotations

import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy.engine import Engine

from helpdesk.server import report
from helpdesk.services import aid as aidcases
from helpdesk.services import demo
from helpdesk.services import session as sessions
from helpdesk.store import outbox
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN
from tests.server import support
from tests.sync.test_client import enroll, laptop

__all__ = ["laptop"]
pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


class Server:
    """`python -m helpdesk.server.cli serve` on a free port; start, kill, start again."""

    def __init__(self, db_url: str, log: Path, tls: tuple[Path, Path] | None = None,
                 workers: int = 1) -> None:
        self.db_url, self.log, self.tls, self.workers = db_url, log, tls, workers
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.verify: ssl.SSLContext | bool = (
            ssl.create_default_context(cafile=str(tls[0])) if tls else True)
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "helpdesk.server.cli", "--db", self.db_url, "serve",
                 "--port", str(self.port), "--log-level", "warning",
                 "--workers", str(self.workers),
                 *(["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])]
                   if self.tls else [])],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log.read_text()
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1,
                             verify=self.verify).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError(f"server did not start: {self.log.read_text()}")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def test_client_against_a_real_uvicorn_process(laptop: tuple[sessions.Session, str],
                                                server: Server, engine: Engine) -> None:
    s, _ = laptop
    demo.add_families(s, 20, seed=3)
    demo.add_aid(s, 30, seed=3)
    with sync.connect(server.url) as http:
        enroll(s, http, engine)
        pushed, pulled = sync.sync_once(s.db, http)
    assert pushed.accepted == outbox.since(s.db, s.device.id).__len__()
    assert outbox.pending_count(s.db) == 0 and pulled.applied == 0
    station_code = sync.enrollment(s.db).station_code  # type: ignore[union-attr]
    mine = [r for r in report.totals(engine)["by_station_programme_month"]
            if r["station"] == station_code]
    totals = aidcases.totals(s)
    assert sum(r["aid_count"] for r in mine) == totals["aid_count"]
    assert sum(r["total_fen"] for r in mine) == totals["total_fen"]


def test_server_killed_mid_push_then_retry_converges(laptop: tuple[sessions.Session, str],
                                                     server: Server, engine: Engine) -> None:
    s, _ = laptop
    demo.add_families(s, 400, seed=4)
    demo.add_aid(s, 400, seed=4)
    total = outbox.pending_count(s.db)
    with sync.connect(server.url, timeout=10) as http:
        enroll(s, http, engine)
    interrupted = 0
    for delay in (0.05, 0.1, 0.2, 0.3, 0.45):
        # The station's database belongs to this thread: the timer kills the server instead.
        killer = threading.Timer(delay, server.kill)
        killer.start()
        try:
            with sync.connect(server.url, timeout=10) as http:
                sync.push(s.db, http, batch_size=200)
        except sync.SyncError as err:
            assert err.code == "server_unreachable"
            interrupted += 1
        killer.join()
        server.start()
    assert interrupted >= 1, "no push was cut off: make the outbox larger"
    with sync.connect(server.url) as http:
        sync.push(s.db, http, batch_size=200)
    assert outbox.pending_count(s.db) == 0
    device_rows = support.count(engine, "changes", f"WHERE device_id = '{s.device.id}'")
    assert device_rows == total  # every change exactly once
    station_code = sync.enrollment(s.db).station_code  # type: ignore[union-attr]
    mine = [r for r in report.totals(engine)["by_station_programme_month"]
            if r["station"] == station_code]
    assert sum(r["total_fen"] for r in mine) == aidcases.totals(s)["total_fen"]
    assert support.count(engine, "quarantine", f"WHERE device_id = '{s.device.id}'") == 0


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "server.crt", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def test_client_over_tls(laptop: tuple[sessions.Session, str], db_url: str, engine: Engine,
                         tmp_path: Path) -> None:
    s, _ = laptop
    demo.add_families(s, 5, seed=5)
    tls = Server(db_url, tmp_path / "tls.log", tls=self_signed(tmp_path))
    tls.start()
    try:
        with sync.connect(tls.url, verify=tls.verify) as http:
            enroll(s, http, engine)
            pushed = sync.push(s.db, http)
        assert pushed.accepted > 0 and outbox.pending_count(s.db) == 0
        # An unknown certificate is refused.
        with pytest.raises(sync.SyncError) as untrusted, sync.connect(tls.url) as http:
            sync.pull(s.db, http)
        assert untrusted.value.code == "server_unreachable"
    finally:
        tls.stop()


STATION_SCRIPT = """
import sys, time
from pathlib import Path
from helpdesk import paths as pathsmod
from helpdesk.services import session as sessions
from helpdesk.sync import client as sync

data, config, url = sys.argv[1:4]
s = sessions.sign_in(pathsmod.Paths(Path(data), Path(config)), "admin", "123456")


class StallAfterAnswer:
    # The server has committed and answered; the station dies before recording the answer.
    def __init__(self, http):
        self.http = http

    def get(self, url, **kwargs):
        return self.http.get(url, **kwargs)

    def post(self, url, **kwargs):
        response = self.http.post(url, **kwargs)
        if url.endswith("/push"):
            print("ANSWERED", response.status_code, flush=True)
            time.sleep(120)
        return response


with sync.connect(url) as http:
    sync.push(s.db, StallAfterAnswer(http), batch_size=50)
"""


def test_station_killed_after_the_server_committed(laptop: tuple[sessions.Session, str],
                                                   server: Server, engine: Engine) -> None:
    s, _ = laptop
    demo.add_families(s, 30, seed=6)
    demo.add_aid(s, 30, seed=6)
    with sync.connect(server.url) as http:
        enroll(s, http, engine)
    total = outbox.pending_count(s.db)
    paths = s.paths
    s.close()
    station = subprocess.Popen([sys.executable, "-c", STATION_SCRIPT, str(paths.data_dir),
                                str(paths.config_dir), server.url], cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert station.stdout is not None
    line = station.stdout.readline().decode()
    assert line.startswith("ANSWERED 200"), line + station.stdout.read().decode()
    station.send_signal(signal.SIGKILL)
    station.wait(timeout=10)
    device_rows = f"WHERE device_id = '{s.device.id}'"
    assert support.count(engine, "changes", device_rows) == 50  # committed, never recorded
    again = sessions.sign_in(paths, HEAD, PIN)
    try:
        waiting = outbox.pending_count(again.db)
        assert waiting == total + 2  # nothing recorded; + the two sign-ins' audit changes
        with sync.connect(server.url) as http:
            pushed = sync.push(again.db, http, batch_size=50)
        assert pushed.already_had == 50 and pushed.accepted == waiting - 50
        assert outbox.pending_count(again.db) == 0
        assert support.count(engine, "changes", device_rows) == waiting
        assert support.count(engine, "quarantine", device_rows) == 0
    finally:
        again.close()


def test_two_worker_processes_share_the_work(laptop: tuple[sessions.Session, str],
                                             db_url: str, engine: Engine,
                                             tmp_path: Path) -> None:
    s, _ = laptop
    demo.add_families(s, 10, seed=8)
    both = Server(db_url, tmp_path / "workers.log", workers=2)
    both.start()
    try:
        with sync.connect(both.url) as http:
            enroll(s, http, engine)
            pushed = sync.push(s.db, http, batch_size=5)
        assert pushed.accepted > 0 and outbox.pending_count(s.db) == 0
    finally:
        both.stop()
