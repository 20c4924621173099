"""Syncing from the app: connecting the station to its server, one sync, what to show about it.

`connect_server`, `sync_now`, `export_bundle` and `import_bundle` run on a worker thread. A
SQLite connection belongs to the thread that opened it, so they take plain data (`Target`:
the file, its key, this device) and open their own connection to the same file, closed again
before they return. Only one of them runs at a time in this process; `wait_idle` lets a
restore wait until none does.
"""

from __future__ import annotations

import base64
import contextlib
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError
from sqlite_utils import Database

from helpdesk.domain.common import iso
from helpdesk.domain.station import Device
from helpdesk.errors import KnownError
from helpdesk.services.session import Session
from helpdesk.store import clock, outbox, volunteers
from helpdesk.store import db as dbm
from helpdesk.sync import bundles, client, wire

META_LAST_SYNC = "sync.last_success"
_busy = threading.Lock()  # one sync or enrollment at a time in this process


@dataclass(frozen=True)
class Target:
    """What a worker needs to open the station file on its own thread."""

    database: Path
    key: bytes
    device: Device
    station_id: str
    device_public_key: str  # raw Ed25519, base64: the device's receipt key


@dataclass(frozen=True)
class Outcome:
    """What one sync moved, the changes still waiting, the server clock's skew (ms)."""

    accepted: int
    rejected: int
    quarantined: int
    applied: int
    waiting: int
    skew_ms: int
    finished_at: str  # UTC, ISO 8601
    stopped: bool = False  # cancelled between pages: the rest goes next time

    @property
    def sent(self) -> int:
        """Changes the server answered (accepted, refused or held back)."""
        return self.accepted + self.rejected + self.quarantined


def target(session: Session) -> Target:
    """The plain data a worker needs; makes the device's receipt key if it has none."""
    from helpdesk.services import receipts  # the receipts' Qt printing, only when syncing

    public = receipts.signing_key(session).public_key
    return Target(session.paths.database, session.key, session.device, session.station.id,
                  base64.b64encode(public).decode())


def enrollment(session: Session) -> client.Enrollment | None:
    """The server this station is enrolled with, or None."""
    return client.enrollment(session.db)


def last_sync(session: Session) -> datetime | None:
    """When the last sync succeeded (UTC), or None."""
    text = dbm.meta(session.db, META_LAST_SYNC)
    return datetime.fromisoformat(text) if text else None


def reload_station(session: Session) -> None:
    """Read the station again (enrolling gives it the server's code, name and region)."""
    found = volunteers.station(session.db)
    if found is not None:
        session.station = found


def check_url(url: str) -> str:
    """The server address, trimmed; SyncError unless https:// (http:// only to this machine)."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise client.SyncError("bad_url", "请填写服务器地址，例如 https://sync.example.cn",
                               "Enter the server address, e.g. https://sync.example.cn")
    client.connect(url).close()  # refuses plain http except to localhost
    return url


def check_code(code: str) -> str:
    code = code.strip()
    if not 4 <= len(code) <= 40:
        raise KnownError("bad_code", "请填写服务器给的登记码", "Enter the enrollment code "
                         "the server gave you")
    return code


@contextlib.contextmanager
def _connection(t: Target) -> Iterator[Database]:
    with _busy:
        db = dbm.connect(t.database, t.key)
        try:
            yield db
        finally:
            db.conn.close()  # not dbm.close: the app's own connection is still open


def wait_idle(timeout: float = 60.0) -> bool:
    """Wait (on a worker thread) until no sync or enrollment runs; False on timeout."""
    if _busy.acquire(timeout=timeout):
        _busy.release()
        return True
    return False


def connect_server(t: Target, url: str, code: str, **http: Any) -> client.Enrollment:
    """Enroll this station with a one-time code (worker thread). Raises SyncError with the
    server's code (`enrollment_refused`, `enrollment_expired`, …) or `server_unreachable`."""
    url, code = check_url(url), check_code(code)
    with _connection(t) as db, client.connect(url, **http) as conn:
        return client.enroll(db, conn, server_url=url, code=code, station_id=t.station_id,
                             device=t.device, device_public_key=t.device_public_key)


def sync_now(t: Target, *, stop: client.Stop | None = None, page_size: int | None = None,
             **http: Any) -> Outcome:
    """Push the outbox and pull the region's changes once (worker thread); records the time
    of success. Registers this device first when the token was issued to another one (a
    restored or copied database). `stop` (any thread may make it true) is asked between
    pages, never inside one: every page is its own transaction, so a stopped sync leaves a
    consistent station whose next sync sends and fetches the rest; the outcome then says
    `stopped` and the time of success is left as it was. Raises SyncError."""
    with _connection(t) as db:
        found = client.enrollment(db)
        if found is None:
            raise client.SyncError("not_enrolled", "本站点尚未连接服务器",
                                   "This station is not connected to a server")
        with client.connect(found.server_url, **http) as conn:
            skew = _skew(conn)
            if dbm.meta(db, client.META_DEVICE) != t.device.id:
                client.register_device(db, conn, device=t.device,
                                       device_public_key=t.device_public_key)
            pushed, pulled = client.sync_once(db, conn, stop=stop, page_size=page_size)
        finished = iso(datetime.now(UTC))
        stopped = pushed.stopped or pulled.stopped
        if not stopped:
            with dbm.immediate(db):
                dbm.set_meta(db, META_LAST_SYNC, finished)
        return Outcome(pushed.accepted + pushed.already_had, pushed.rejected,
                       pushed.quarantined, pulled.applied, outbox.pending_count(db),
                       skew, finished, stopped)


def _skew(conn: client.Http) -> int:
    """The server's clock minus ours (ms), from its health answer, half the round trip in."""
    import httpx  # see sync.client: only when a sync runs

    started = clock.now_ms()
    try:
        health = wire.Health.model_validate_json(conn.get("/v1/health").content)
    except httpx.TransportError as err:
        raise client.SyncError("server_unreachable", f"无法连接服务器（{type(err).__name__}）",
                               f"Cannot reach the server ({type(err).__name__})") from err
    except ValidationError:  # an older server, or a proxy's page: push reports the skew
        return 0
    ended = clock.now_ms()
    return health.server_time_ms - (started + ended) // 2


# Offline sync by bundle files (a USB stick)
def signer(session: Session) -> bundles.Signer:
    """This device and its receipt key pair, which sign its bundles (plain data for a worker)."""
    from helpdesk.services import receipts

    key = receipts.signing_key(session)
    assert key.private_key is not None, "signing_key returns this device's own key"
    return bundles.Signer(session.device, key.public_key, key.private_key)


def export_bundle(t: Target, sign: bundles.Signer, path: Path) -> wire.BundleHeader:
    """Write the bundle of pending changes for the server to `path` (worker thread); its
    header's counts say what it holds. SyncError when not enrolled, KnownError when the file
    cannot be written (nothing half-written is left)."""
    with _connection(t) as db:
        data, header = bundles.export(db, sign, station_id=t.station_id)
    write_file(path, data)
    return header


def import_bundle(t: Target, path: Path) -> bundles.Imported:
    """Apply the server's answer file at `path` (worker thread), in one transaction. SyncError
    (`bundle_altered`, `other_station`, `bad_signature`, …), nothing written, when refused."""
    data = read_file(path)
    with _connection(t) as db:
        return bundles.import_answer(db, data, station_id=t.station_id)


def read_file(path: Path | str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise KnownError("cannot_read", f"无法读取 {path}：{err.strerror}",
                         f"Cannot read {path}: {err.strerror}") from None


def write_file(path: Path, data: bytes) -> None:
    """The whole file or none (a USB stick may be pulled out mid-write)."""
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    except OSError as err:
        part.unlink(missing_ok=True)
        raise KnownError("cannot_write", f"无法写入 {path}：{err.strerror}",
                         f"Cannot write {path}: {err.strerror}") from None
