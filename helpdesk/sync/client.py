"""The station's sync client: enroll, push the outbox, pull the region's changes.

HTTP goes through anything shaped like `httpx.Client` (`Http`): a real client made by
`connect`, or Starlette's TestClient around the server app in tests. Every function below
takes the station database and an `Http`; each server answer is written in one transaction,
so a crash between two batches loses nothing and a retry converges (the server's answers are
idempotent). Errors reach the caller as `SyncError` (a `KnownError`) with the server's code.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError
from sqlite_utils import Database

import helpdesk
from helpdesk.domain.common import iso, utcnow
from helpdesk.domain.hlc import Hlc
from helpdesk.domain.station import Device
from helpdesk.errors import KnownError
from helpdesk.store import clock, outbox
from helpdesk.store import db as dbm
from helpdesk.sync import apply, matches, schema, wire

if TYPE_CHECKING:  # imported when a sync starts: httpx and its CLI's rich and click weigh
    import httpx  # ~13 MB, which a station that never syncs need not carry

META_URL, META_TOKEN, META_KEY = "sync.server_url", "sync.token", "sync.server_public_key"
META_CURSOR, META_STATION_CODE = "sync.cursor", "sync.station_code"
META_DEVICE = "sync.device_id"  # the device the stored token was issued to
META_BUNDLE_KEY = "sync.server_bundle_key"  # the server's X25519 key: bundles are sealed to it
META_TOKEN_AT = "sync.token_issued_at"
META_PENDING = "sync.pending_enrollment"  # an enrollment file's code until it is spent
M = TypeVar("M", bound=BaseModel)
Stop = Callable[[], bool]  # asked between pages: True to stop there
_DONE = {"accepted": "accepted", "already_had": "accepted", "rejected": "rejected",
         "quarantined": "quarantined"}


class Http(Protocol):
    def get(self, url: str, *, params: Any = ..., headers: Any = ...) -> httpx.Response: ...
    def post(self, url: str, *, content: Any = ..., headers: Any = ...) -> httpx.Response: ...


class SyncError(KnownError):
    """The server refused or could not be reached; `status` is the HTTP status (0: none)."""

    def __init__(self, code: str, zh: str, en: str, status: int = 0) -> None:
        super().__init__(code, zh, en)
        self.status = status


def connect(server_url: str, *, timeout: float = 30.0, verify: Any = True) -> httpx.Client:
    """An HTTP client for the server. Plain HTTP is refused except to this machine, since the
    token must only travel over TLS (DESIGN.md point 10)."""
    parts = urlsplit(server_url)
    local = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise SyncError("insecure_url", "服务器地址必须以 https:// 开头",
                        "The server address must start with https://")
    import httpx

    return httpx.Client(base_url=server_url, timeout=timeout, verify=verify)


@dataclass(frozen=True)
class Enrollment:
    server_url: str
    token: str
    station_code: str
    server_public_key: str


@dataclass
class PushReport:
    """What one push moved: counts by answer, clamped timestamps, the server clock's skew."""

    accepted: int = 0
    already_had: int = 0
    quarantined: int = 0
    rejected: int = 0
    clamped: int = 0
    batches: int = 0
    watermarks: dict[str, int] = field(default_factory=dict)
    skew_ms: int = 0
    stopped: bool = False  # asked to stop between batches: the rest waits for next time

    def add(self, device_id: str, answer: wire.PushResponse) -> None:
        """Count one batch's answers."""
        self.batches += 1
        self.clamped += answer.clamped
        self.watermarks[device_id] = answer.watermark
        for a in answer.answers:
            setattr(self, a.status, getattr(self, a.status) + 1)


@dataclass
class PullReport:
    """What one pull moved: changes applied and skipped, match records stored, the cursor."""

    applied: int = 0
    skipped: int = 0
    match_records: int = 0
    pages: int = 0
    cursor: int = 0
    skew_ms: int = 0
    stopped: bool = False  # asked to stop between pages: the rest comes next time


def enrollment(db: Database) -> Enrollment | None:
    """The stored enrollment, or None when this station has not enrolled."""
    token = dbm.meta(db, META_TOKEN)
    if not token:
        return None
    return Enrollment(dbm.meta(db, META_URL) or "", token, dbm.meta(db, META_STATION_CODE) or "",
                      dbm.meta(db, META_KEY) or "")


def enroll(db: Database, http: Http, *, server_url: str, code: str, station_id: str,
           device: Device, device_public_key: str) -> Enrollment:
    """Spend a one-time code. On success stores URL, token, pinned server keys and the
    station's readable code, name and region as the server has them — all in one transaction.
    A server whose key differs from one pinned from an enrollment file is refused."""
    request = wire.EnrollRequest(protocol=1, code=code, station_id=station_id,
                                 device_id=device.id, epoch=device.epoch,
                                 device_public_key=device_public_key)
    answer = _call(http, "POST", "/v1/enroll", wire.EnrollResponse,
                   content=request.model_dump_json().encode(), token=None)
    with dbm.immediate(db):
        store_enrollment(db, answer, server_url=server_url, station_id=station_id,
                         device_id=device.id)
    return Enrollment(server_url, answer.token, answer.station_code, answer.server_public_key)


def store_enrollment(db: Database, answer: wire.EnrollResponse, *, server_url: str,
                     station_id: str, device_id: str, issued_at: str | None = None) -> None:
    """Keep what enrolling gave (online or by answer bundle); call inside a transaction.
    Raises SyncError when a server key was pinned before and this answer has another.
    `issued_at`: when the server issued the token (now, for an online answer)."""
    for key, value in ((META_KEY, answer.server_public_key),
                       (META_BUNDLE_KEY, answer.server_bundle_key)):
        pinned = dbm.meta(db, key)
        if pinned and value and pinned != value:
            raise SyncError("server_key_mismatch", "服务器密钥与登记文件中的不一致，已拒绝",
                            "The server's key differs from the one pinned at enrollment: "
                            "refused")
    store_device_token(db, answer.token, device_id, issued_at)
    for key, value in ((META_URL, server_url),
                       (META_KEY, answer.server_public_key),
                       (META_BUNDLE_KEY, answer.server_bundle_key),
                       (META_STATION_CODE, answer.station_code),
                       (META_CURSOR, dbm.meta(db, META_CURSOR) or "0"),
                       (matches.META_MATCH_KEY, answer.match_key)):
        dbm.set_meta(db, key, value)
    db.execute("DELETE FROM meta WHERE key = ?", [META_PENDING])
    db.execute("UPDATE station SET code = ?, code_provisional = 0, enrolled = 1, name = ?, "
               "region = ? WHERE id = ?",
               [answer.station_code, answer.station_name, answer.region, station_id])
    clock.receive(db, Hlc(answer.server_time_ms, 0))


def register_device(db: Database, http: Http, *, device: Device,
                    device_public_key: str) -> str:
    """Register this database's device (a new laptop, a restored or copied database of an
    enrolled station) with its public key, using the station's token; the device's own
    token replaces it, in one transaction. Returns the key id."""
    request = wire.DeviceRequest(protocol=1, device_id=device.id, epoch=device.epoch,
                                 device_public_key=device_public_key)
    answer = _call(http, "POST", "/v1/devices", wire.DeviceResponse, token=_token(db),
                   content=request.model_dump_json().encode())
    with dbm.immediate(db):
        store_device_token(db, answer.token, device.id)
    return answer.key_id


def store_device_token(db: Database, token: str, device_id: str,
                       issued_at: str | None = None) -> None:
    """Keep the token issued to this device; call inside a transaction. `issued_at` (the
    server's time for a token from an answer bundle, else now) lets an older answer bundle
    imported later leave a newer token alone (see `sync.bundles`)."""
    dbm.set_meta(db, META_TOKEN, token)
    dbm.set_meta(db, META_DEVICE, device_id)
    dbm.set_meta(db, META_TOKEN_AT, issued_at or iso(utcnow()))


def push(db: Database, http: Http, *, batch_size: int = wire.MAX_BATCH,
         stop: Stop | None = None) -> PushReport:
    """Push every pending change, one device's run at a time, in batches.

    Each answer batch is applied in one transaction: answered changes are marked accepted,
    rejected or quarantined (with the reason in `sync_detail`); unanswered ones stay pending
    for the next push. A batch over the server's size limit is split in halves. `stop` is
    asked before each batch, never inside one: when it says so, the report comes back with
    `stopped` and the rest stays pending. Raises SyncError when the server refuses or is
    unreachable.
    """
    token = _token(db)
    report = PushReport()
    while True:
        if stop is not None and stop():
            report.stopped = True
            return report
        pending = outbox.pending(db, limit=batch_size)
        if not pending:
            return report
        device_id, epoch = pending[0].device_id, pending[0].epoch
        batch = [c for c in pending if c.device_id == device_id]
        request = wire.PushRequest(protocol=1, device_id=device_id, epoch=epoch,
                                   changes=tuple(batch))
        try:
            answer = _call(http, "POST", "/v1/sync/push", wire.PushResponse, token=token,
                           content=gzip.compress(request.model_dump_json().encode(), 5),
                           gzip_body=True)
        except SyncError as err:
            if err.status == 413 and len(batch) > 1:  # over the server's size limit: halve
                batch_size = max(1, len(batch) // 2)
                continue
            raise
        with dbm.immediate(db):
            marked = record_answers(db, answer)
        report.add(device_id, answer)
        report.skew_ms = answer.server_time_ms - clock.now_ms()
        if marked == 0:  # the server answered nothing we sent: stop rather than loop
            raise SyncError("no_answers", "服务器没有确认任何变更",
                            "The server acknowledged nothing")


def record_answers(db: Database, answer: wire.PushResponse) -> int:
    """Mark the answered changes and absorb the server's clock; call inside a transaction.
    Only pending changes are marked, so recording the same answers again changes nothing.
    Returns how many changes were marked now."""
    marked = 0
    for a in answer.answers:
        detail = a.reason if a.status in ("rejected", "quarantined") else \
            (f"server_seq={a.server_seq}" + (f" hlc={a.hlc}" if a.hlc else ""))
        marked += db.execute(
            "UPDATE changes SET sync_status = ?, sync_detail = ? "
            "WHERE change_id = ? AND sync_status = 'pending'",
            [_DONE[a.status], detail, a.change_id]).rowcount
    clock.receive(db, Hlc(answer.server_time_ms, 0))
    return marked


def pull(db: Database, http: Http, *, limit: int = wire.MAX_PULL,
         stop: Stop | None = None) -> PullReport:
    """Fetch and apply what the server has after the stored cursor, page by page.

    Each page is applied and its cursor stored in one transaction; the cursor never moves
    backwards, so a crash mid-pull repeats at most one page, which applies the same again.
    `stop` is asked before each page, never inside one (see `push`).
    """
    token = _token(db)
    report = PullReport(cursor=int(dbm.meta(db, META_CURSOR, "0") or 0))
    while True:
        if stop is not None and stop():
            report.stopped = True
            return report
        page = _call(http, "GET", "/v1/sync/pull", wire.PullResponse, token=token,
                     params={"after": report.cursor, "limit": limit})
        with dbm.immediate(db):
            applied, skipped, records, cursor = apply_page(db, page)
        report.applied += applied
        report.skipped += skipped
        report.match_records += records
        report.pages += 1
        report.cursor = cursor
        report.skew_ms = page.server_time_ms - clock.now_ms()
        if not page.more or not page.items:
            return report


def apply_page(db: Database, page: wire.PullResponse) -> tuple[int, int, int, int]:
    """Apply one pull page and store the cursor; call inside a transaction. The cursor
    never moves backwards, and applying a page again changes nothing. Returns (applied,
    skipped, match records, cursor)."""
    schema.install(db)
    applied, skipped, records = apply.apply_all(db, page.items)
    cursor = max(int(dbm.meta(db, META_CURSOR, "0") or 0), page.next_after)
    dbm.set_meta(db, META_CURSOR, str(cursor))
    stamps = [Hlc.parse(i.hlc) for i in page.items
              if isinstance(i, (wire.PulledChange, wire.MatchRecord))]
    if stamps:
        clock.receive(db, max(stamps))
    return applied, skipped, records, cursor


def sync_once(db: Database, http: Http, *, stop: Stop | None = None,
              page_size: int | None = None) -> tuple[PushReport, PullReport]:
    """Push, then pull: what `helpdesk sync` does once. Stopped between pages when `stop`
    says so (a stopped push pulls nothing). `page_size`: changes per push batch and pull
    page (the protocol's maximum when None)."""
    pushed = push(db, http, batch_size=page_size or wire.MAX_BATCH, stop=stop)
    if pushed.stopped:
        return pushed, PullReport(cursor=int(dbm.meta(db, META_CURSOR, "0") or 0),
                                  stopped=True)
    return pushed, pull(db, http, limit=page_size or wire.MAX_PULL, stop=stop)


def _token(db: Database) -> str:
    found = enrollment(db)
    if found is None:
        raise SyncError("not_enrolled", "本站点尚未登记到服务器：先运行 helpdesk enroll",
                        "This station has not enrolled with a server: run helpdesk enroll")
    return found.token


def _call(http: Http, method: str, path: str, model: type[M], *, token: str | None,
          content: bytes | None = None, params: dict[str, Any] | None = None,
          gzip_body: bool = False) -> M:
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if gzip_body:
        headers["Content-Encoding"] = "gzip"
    # For the office's stations page (`server.station_list`): what runs here, and its clock.
    headers["X-Helpdesk-Version"] = helpdesk.__version__
    headers["X-Helpdesk-Time"] = str(int(time.time() * 1000))
    import httpx

    try:
        if method == "GET":
            response = http.get(path, params=params, headers=headers)
        else:
            response = http.post(path, content=content, headers=headers)
    except httpx.TransportError as err:
        raise SyncError("server_unreachable", f"无法连接服务器（{type(err).__name__}）",
                        f"Cannot reach the server ({type(err).__name__}: {err})") from err
    if response.status_code != 200:
        try:
            error = wire.ErrorEnvelope.model_validate_json(response.content).error
        except ValidationError:
            raise SyncError("bad_answer", f"服务器返回了无法识别的错误（{response.status_code}）",
                            f"The server answered {response.status_code} with an unknown body",
                            response.status_code) from None
        raise SyncError(error.code, error.message_zh or error.message, error.message,
                        response.status_code)
    try:
        return model.model_validate_json(response.content)
    except ValidationError as err:
        raise SyncError("bad_answer", "服务器的回答不符合协议",
                        f"The server's answer does not match the protocol: "
                        f"{err.errors()[:1]}") from None
