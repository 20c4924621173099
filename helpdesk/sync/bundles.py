"""Offline sync on the station (DESIGN.md point 9): enrollment files and bundle files.

A station that never gets online pins the server's keys from an enrollment file, then
exports its pending changes and pull cursor as a bundle file, sealed to the server's X25519
key and signed by this device's Ed25519 key (the key the server knows, or that the bundle's
enrollment request names). The server's answer file is checked against the pinned server
key, the station and this database's sealing key before anything is written; its answers
and pull pages are then recorded in one transaction by the same functions as an online push
and pull (`client.record_answers`, `client.apply_page`), so importing twice is harmless.
These functions take and return bytes: reading or writing the files is the caller's part.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from helpdesk.domain import sealing
from helpdesk.domain.changes import Change
from helpdesk.domain.common import iso, utcnow
from helpdesk.domain.station import Device
from helpdesk.store import db as dbm
from helpdesk.store import outbox
from helpdesk.sync import client, wire

META_PENDING = client.META_PENDING  # JSON: the code, station code and URL of a file
META_ANSWER_KEY = "sync.bundle_answer_key"  # X25519 private key: answers are sealed to it
ALL_PENDING = 10_000_000


@dataclass(frozen=True)
class Signer:
    """This device and its Ed25519 key pair (raw bytes), which sign its bundles."""

    device: Device
    public_key: bytes
    private_key: bytes


@dataclass(frozen=True)
class Imported:
    """What an answer file moved: the push and pull reports, and its header."""

    pushed: client.PushReport
    pulled: client.PullReport
    header: wire.BundleHeader
    enrolled: bool


def _known(err: wire.BundleError) -> client.SyncError:
    return client.SyncError(err.code, err.zh, err.en)


def enroll_from_file(db: Database, data: bytes) -> wire.EnrollmentFile:
    """Pin the server's keys from an enrollment file and keep its code for the first bundle;
    one transaction. SyncError for a bad file or a station that is already enrolled."""
    try:
        found = wire.read_file(data, wire.EnrollmentFile)
    except wire.BundleError as err:
        raise _known(err) from None
    if client.enrollment(db) is not None:
        raise client.SyncError("already_enrolled", "本站点已登记到服务器",
                               "This station is already enrolled with a server")
    with dbm.immediate(db):
        dbm.set_meta(db, client.META_KEY, found.server_public_key)
        dbm.set_meta(db, client.META_BUNDLE_KEY, found.server_bundle_key)
        if found.server_url:
            dbm.set_meta(db, client.META_URL, found.server_url)
        dbm.set_meta(db, META_PENDING, json.dumps(
            {"code": found.code, "station_code": found.station_code,
             "server_url": found.server_url}))
    return found


def pending_enrollment(db: Database) -> dict[str, str] | None:
    """The enrollment file's code, station code and URL while it is not answered yet."""
    text = dbm.meta(db, META_PENDING)
    return json.loads(text) if text else None


def export(db: Database, signer: Signer, *, station_id: str) -> tuple[bytes, wire.BundleHeader]:
    """The bundle file of every pending change and the pull cursor; writes only this
    database's answer key (made at the first export). SyncError when the station is not
    enrolled, by the network or by a file."""
    enrolled, pending = client.enrollment(db), pending_enrollment(db)
    server_key = dbm.meta(db, client.META_BUNDLE_KEY)
    if enrolled is None and pending is None:
        raise client.SyncError("not_enrolled", "本站点尚未登记：先运行 helpdesk enroll",
                               "This station has not enrolled: run helpdesk enroll first")
    if not server_key:  # enrolled online with a server older than bundle files
        raise client.SyncError("no_bundle_key", "没有服务器的加密公钥：请用登记文件重新登记",
                               "The server's bundle key is not known here: enroll again "
                               "with an enrollment file")
    device, public = signer.device, sealing.b64(signer.public_key)
    enroll = device_request = None
    if enrolled is None and pending is not None:
        enroll = wire.EnrollRequest(protocol=1, code=pending["code"], station_id=station_id,
                                    device_id=device.id, epoch=device.epoch,
                                    device_public_key=public)
    elif dbm.meta(db, client.META_DEVICE) != device.id:  # a restored or copied database
        device_request = wire.DeviceRequest(protocol=1, device_id=device.id,
                                            epoch=device.epoch, device_public_key=public)
    with dbm.immediate(db):
        answer_key = _answer_key(db)
        pushes = _pushes(outbox.pending(db, limit=ALL_PENDING))
        cursor = int(dbm.meta(db, client.META_CURSOR, "0") or 0)
    contents = wire.StationBundle(
        protocol=1, pushes=pushes, cursor=cursor, answer_key=answer_key, enroll=enroll,
        device=device_request, token=enrolled.token if device_request and enrolled else "")
    station_code = (enrolled.station_code if enrolled else (pending or {})["station_code"])
    header = wire.BundleHeader(
        kind="station", station_id=station_id, station_code=station_code, device_id=device.id,
        epoch=device.epoch, key_id=wire.key_id_of(public), created_at=iso(utcnow()),
        counts={"changes": sum(len(p.changes) for p in pushes), "cursor": cursor,
                "enrollment": int(enroll is not None or device_request is not None)})
    sealed = wire.seal(contents, header, server_key)
    return wire.file_bytes(wire.sign(header, sealed, signer.private_key)), header


def _answer_key(db: Database) -> str:
    """The public half of this database's answer key, made once; call inside a transaction."""
    private = dbm.meta(db, META_ANSWER_KEY)
    if private is None:
        private, _public = sealing.new_box_key()
        dbm.set_meta(db, META_ANSWER_KEY, private)
    return sealing.public_box_key(private)


def _pushes(changes: list[Change]) -> tuple[wire.PushRequest, ...]:
    """Push requests as an online push would send them: one device's run, MAX_BATCH each."""
    runs: list[list[Change]] = []
    for change in changes:
        if runs and runs[-1][0].device_id == change.device_id and \
                len(runs[-1]) < wire.MAX_BATCH:
            runs[-1].append(change)
        else:
            runs.append([change])
    return tuple(wire.PushRequest(protocol=1, device_id=run[0].device_id, epoch=run[0].epoch,
                                  changes=tuple(run)) for run in runs)


def check_answer(db: Database, data: bytes, *, station_id: str
                 ) -> tuple[wire.BundleHeader, wire.AnswerBundle]:
    """The answer file's header and contents once it proves to be the server's answer to
    this station, sealed to this database; reads only. SyncError otherwise."""
    try:
        bundle = wire.read_file(data, wire.BundleFile)
        pinned = dbm.meta(db, client.META_KEY)
        if bundle.header.kind != "answer":
            raise wire.BundleError("not_answer", "这是站点的同步文件，不是服务器的回执",
                                   "This is a station's bundle, not the server's answer")
        if not pinned:
            raise wire.BundleError("not_enrolled", "本站点尚未登记，无法核对服务器签名",
                                   "This station has not enrolled: the server's signature "
                                   "cannot be checked")
        if bundle.header.key_id != wire.key_id_of(pinned):
            raise wire.BundleError("bad_signature", "回执不是由本站登记的服务器签名的",
                                   "The answer is not signed by this station's server")
        wire.verify(bundle, pinned)
        if bundle.header.station_id != station_id:
            raise wire.BundleError("other_station", "这份回执是发给其他站点的",
                                   "This answer is for another station")
        private = dbm.meta(db, META_ANSWER_KEY)
        if private is None:
            raise wire.BundleError("bundle_sealed", "本机从未导出同步文件，这份回执不是给本机的",
                                   "This database never exported a bundle: the answer is "
                                   "not for it")
        return bundle.header, wire.unseal(bundle, private, wire.AnswerBundle)
    except wire.BundleError as err:
        raise _known(err) from None


def import_answer(db: Database, data: bytes, *, station_id: str) -> Imported:
    """Apply the server's answer file in one transaction: the token of an enrollment or a
    new device, the answers to the pushed changes, the pull pages. Importing it again, or
    an older answer after a newer one, changes nothing (a token issued earlier than the one
    kept is left alone). SyncError, nothing written, when the file is refused."""
    header, reply = check_answer(db, data, station_id=station_id)
    pushed, pulled = client.PushReport(), client.PullReport()
    enrolled = False
    with dbm.immediate(db):
        newer = (dbm.meta(db, client.META_TOKEN_AT) or "") < header.created_at
        if reply.enrollment is not None and (newer or client.enrollment(db) is None):
            pending = pending_enrollment(db) or {}
            client.store_enrollment(
                db, reply.enrollment, station_id=station_id, device_id=header.device_id,
                server_url=dbm.meta(db, client.META_URL) or pending.get("server_url", ""),
                issued_at=header.created_at)
            enrolled = True
        if reply.device is not None and newer:
            client.store_device_token(db, reply.device.token, header.device_id,
                                      header.created_at)
        for ack in reply.acks:
            client.record_answers(db, ack.response)
            pushed.add(ack.device_id, ack.response)
        for page in reply.pages:
            applied, skipped, records, pulled.cursor = client.apply_page(db, page)
            pulled.applied += applied
            pulled.skipped += skipped
            pulled.match_records += records
            pulled.pages += 1
    return Imported(pushed, pulled, header, enrolled)
