"""The station's sync client: enroll, push the outbox, pull the region's changes.

HTTP goes through anything shaped like `httpx.Client` (`Http`): a real client made by
`connect`, or Starlette's TestClient around the server app in tests. Every function below
takes the station database and an `Http`; each server answer is written in one transaction,
so a crash between two batches loses nothing and a retry converges (the server's answers are
idempotent). Errors reach the caller as `SyncError` (a `KnownError`) with the server's code.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError
from sqlite_utils import Database

from helpdesk.domain.hlc import Hlc
from helpdesk.domain.station import Device
from helpdesk.errors import KnownError
from helpdesk.store import clock, outbox
from helpdesk.store import db as dbm
from helpdesk.sync import apply, matches, schema, wire

META_URL, META_TOKEN, META_KEY = "sync.server_url", "sync.token", "sync.server_public_key"
META_CURSOR, META_STATION_CODE = "sync.cursor", "sync.station_code"
META_DEVICE = "sync.device_id"  # the device the stored token was issued to
M = TypeVar("M", bound=BaseModel)
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


@dataclass
class PullReport:
    """What one pull moved: changes applied and skipped, match records stored, the cursor."""

    applied: int = 0
    skipped: int = 0
    match_records: int = 0
    pages: int = 0
    cursor: int = 0


def enrollment(db: Database) -> Enrollment | None:
    """The stored enrollment, or None when this station has not enrolled."""
    token = dbm.meta(db, META_TOKEN)
    if not token:
        return None
    return Enrollment(dbm.meta(db, META_URL) or "", token, dbm.meta(db, META_STATION_CODE) or "",
                      dbm.meta(db, META_KEY) or "")


def enroll(db: Database, http: Http, *, server_url: str, code: str, station_id: str,
           device: Device, device_public_key: str) -> Enrollment:
    """Spend a one-time code. On success stores URL, token, pinned server key and the station's
    readable code, name and region as the server has them — all in one transaction."""
    request = wire.EnrollRequest(protocol=1, code=code, station_id=station_id,
                                 device_id=device.id, epoch=device.epoch,
                                 device_public_key=device_public_key)
    answer = _call(http, "POST", "/v1/enroll", wire.EnrollResponse,
                   content=request.model_dump_json().encode(), token=None)
    with dbm.immediate(db):
        for key, value in ((META_URL, server_url), (META_TOKEN, answer.token),
                           (META_KEY, answer.server_public_key),
                           (META_STATION_CODE, answer.station_code), (META_CURSOR, "0"),
                           (META_DEVICE, device.id),
                           (matches.META_MATCH_KEY, answer.match_key)):
            dbm.set_meta(db, key, value)
        db.execute("UPDATE station SET code = ?, code_provisional = 0, enrolled = 1, name = ?, "
                   "region = ? WHERE id = ?",
                   [answer.station_code, answer.station_name, answer.region, station_id])
        clock.receive(db, Hlc(answer.server_time_ms, 0))
    return Enrollment(server_url, answer.token, answer.station_code, answer.server_public_key)


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
        dbm.set_meta(db, META_TOKEN, answer.token)
        dbm.set_meta(db, META_DEVICE, device.id)
    return answer.key_id


def push(db: Database, http: Http, *, batch_size: int = wire.MAX_BATCH) -> PushReport:
    """Push every pending change, one device's run at a time, in batches.

    Each answer batch is applied in one transaction: answered changes are marked accepted,
    rejected or quarantined (with the reason in `sync_detail`); unanswered ones stay pending
    for the next push. A batch over the server's size limit is split in halves. Raises
    SyncError when the server refuses or is unreachable.
    """
    token = _token(db)
    report = PushReport()
    while True:
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
        marked = _record(db, answer)
        report.batches += 1
        report.clamped += answer.clamped
        report.watermarks[device_id] = answer.watermark
        report.skew_ms = answer.server_time_ms - clock.now_ms()
        for a in answer.answers:
            setattr(report, a.status, getattr(report, a.status) + 1)
        if marked == 0:  # the server answered nothing we sent: stop rather than loop
            raise SyncError("no_answers", "服务器没有确认任何变更",
                            "The server acknowledged nothing")


def _record(db: Database, answer: wire.PushResponse) -> int:
    """Mark the answered changes and absorb the server's clock; one transaction."""
    marked = 0
    with dbm.immediate(db):
        for a in answer.answers:
            detail = a.reason if a.status in ("rejected", "quarantined") else \
                (f"server_seq={a.server_seq}" + (f" hlc={a.hlc}" if a.hlc else ""))
            marked += db.execute(
                "UPDATE changes SET sync_status = ?, sync_detail = ? "
                "WHERE change_id = ? AND sync_status = 'pending'",
                [_DONE[a.status], detail, a.change_id]).rowcount
        clock.receive(db, Hlc(answer.server_time_ms, 0))
    return marked


def pull(db: Database, http: Http, *, limit: int = wire.MAX_PULL) -> PullReport:
    """Fetch and apply what the server has after the stored cursor, page by page.

    Each page is applied and its cursor stored in one transaction; the cursor never moves
    backwards, so a crash mid-pull repeats at most one page, which applies the same again.
    """
    token = _token(db)
    report = PullReport(cursor=int(dbm.meta(db, META_CURSOR, "0") or 0))
    while True:
        page = _call(http, "GET", "/v1/sync/pull", wire.PullResponse, token=token,
                     params={"after": report.cursor, "limit": limit})
        with dbm.immediate(db):
            schema.install(db)
            applied, skipped, records = apply.apply_all(db, page.items)
            cursor = max(report.cursor, int(dbm.meta(db, META_CURSOR, "0") or 0),
                         page.next_after)
            dbm.set_meta(db, META_CURSOR, str(cursor))
            stamps = [Hlc.parse(i.hlc) for i in page.items
                      if isinstance(i, (wire.PulledChange, wire.MatchRecord))]
            if stamps:
                clock.receive(db, max(stamps))
        report.applied += applied
        report.skipped += skipped
        report.match_records += records
        report.pages += 1
        report.cursor = cursor
        if not page.more or not page.items:
            return report


def sync_once(db: Database, http: Http) -> tuple[PushReport, PullReport]:
    """Push, then pull: what `helpdesk sync` does once."""
    return push(db, http), pull(db, http)


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
