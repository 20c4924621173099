"""Offline stations on the server (DESIGN.md point 9): enrollment files and bundle files.

`answer` takes a station's bundle file and makes the answer file. It checks the signature
against the device's registered key before it opens the contents (a device enrolling or
registering by bundle proves the key its request names), then runs the same code as the API:
`accounts.enroll` and `devices.register`, `ingest.push` for every push request, `feed.pull`
from the bundle's cursor. The answer is signed by the server's Ed25519 key and sealed to the
key the station sent. Importing a bundle again is harmless: ingest answers "already had".
A refused file changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine

from helpdesk.domain import sealing
from helpdesk.domain.common import iso
from helpdesk.server import accounts, devices, feed, ingest
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller
from helpdesk.server.errors import ApiError
from helpdesk.sync import wire

MAX_PAGES = 100  # pull pages in one answer (100,000 items); the next bundle brings the rest


@dataclass
class Answered:
    """What one imported bundle moved, and the answer file's bytes."""

    station_code: str
    device_id: str
    answer: bytes
    counts: dict[str, int] = field(default_factory=dict)
    enrolled: bool = False


def enrollment_file(engine: Engine, station_code: str, code: str, *, hours: int,
                    server_url: str = "") -> bytes:
    """The enrollment file of a station just added: its one-time code and the server's keys
    to pin (and the server's address when known). Carry it on a USB stick: it is a secret
    until the code is spent."""
    row = next(r for r in accounts.list_stations(engine) if r["code"] == station_code)
    with st.read(engine) as conn:
        found = wire.EnrollmentFile(
            format="helpdesk-enrollment", protocol=1, code=code, station_code=station_code,
            station_name=str(row["name"]), region=str(row["region"]),
            server_public_key=accounts.server_public_key(conn),
            server_bundle_key=accounts.server_public_key(conn, "bundle"),
            server_url=server_url,
            expires_at=iso(datetime.now(UTC) + timedelta(hours=hours)))
    return wire.file_bytes(found)


def answer(engine: Engine, data: bytes, *, max_ahead_ms: int) -> Answered:
    """Verify, open and apply a station's bundle; return the signed, sealed answer.

    Raises wire.BundleError (bad, altered, unsigned or wrongly signed file, unknown or
    revoked device, refused enrollment) before anything is written for a bad file.
    """
    bundle = wire.read_file(data, wire.BundleFile)
    header = bundle.header
    if header.kind != "station":
        raise wire.BundleError("not_station_bundle", "这是服务器的回执文件，不是站点的同步文件",
                               "This is a server's answer file, not a station's bundle")
    try:
        known = accounts.device_caller(engine, header.device_id)
        box = accounts.server_secret(engine, "bundle")
        if known is not None and known[1]:
            _check_key(bundle, known[1])  # before the contents are even opened
            contents = wire.unseal(bundle, box, wire.StationBundle)
        else:
            contents = wire.unseal(bundle, box, wire.StationBundle)
            _check_key(bundle, _claimed_key(contents))
        _check_claims(header, contents, known[1] if known else "")
        enrollment = (accounts.enroll(engine, contents.enroll, signed=True)
                      if contents.enroll else None)
        device = (devices.register(engine, accounts.caller(engine, contents.token),
                                   contents.device) if contents.device else None)
        found = accounts.device_caller(engine, header.device_id)
        if found is None:
            raise wire.BundleError("unknown_device", "服务器不认识这台设备：请先登记",
                                   "The server does not know this device: enroll first")
        caller = found[0]
        if caller.station_id != header.station_id:
            raise wire.BundleError("other_station", "文件中的站点与设备登记的站点不符",
                                   "The bundle's station is not the device's station")
        acks = tuple(wire.BundleAck(device_id=p.device_id, epoch=p.epoch,
                                    response=ingest.push(engine, caller, p, max_ahead_ms))
                     for p in contents.pushes)
    except ApiError as err:
        raise wire.BundleError(err.code, err.message_zh or err.message, err.message) from None
    pages = _pull(engine, caller, contents.cursor)
    reply = wire.AnswerBundle(protocol=1, acks=acks, pages=pages, enrollment=enrollment,
                              device=device)
    counts = _counts(reply)
    return Answered(caller.station_code, header.device_id,
                    _answer_file(engine, header, caller, data, reply, contents.answer_key,
                                 counts), counts, enrollment is not None)


def _claimed_key(contents: wire.StationBundle) -> str:
    """The key a device not known (with a key) to the server claims in its bundle."""
    if contents.enroll is not None:
        return contents.enroll.device_public_key
    if contents.device is not None:
        return contents.device.device_public_key
    raise wire.BundleError("unknown_device", "服务器不认识这台设备：请先登记",
                           "The server does not know this device: enroll first")


def _check_key(bundle: wire.BundleFile, public_key: str) -> None:
    if wire.key_id_of(public_key) != bundle.header.key_id:
        raise wire.BundleError("bad_signature", "文件不是由这台设备的密钥签名的",
                               "The bundle is not signed by this device's key")
    wire.verify(bundle, public_key)


def _check_claims(header: wire.BundleHeader, contents: wire.StationBundle,
                  registered: str) -> None:
    """An enrollment or registration inside must be of the signing device and its key; the
    answer key must be a key."""
    try:
        sealing.raw(contents.answer_key, 32)
    except sealing.SealError:
        raise wire.BundleError("bad_bundle", "文件中的回执密钥格式不对",
                               "The bundle's answer key is malformed") from None
    for request in (contents.enroll, contents.device):
        if request is None:
            continue
        if (request.device_id != header.device_id or request.epoch != header.epoch
                or wire.key_id_of(request.device_public_key) != header.key_id
                or registered not in ("", request.device_public_key)):
            raise wire.BundleError("bad_bundle", "文件中的登记请求与签名设备不符",
                                   "The enrollment in the bundle is not of the signing device")
    if contents.enroll is not None and contents.enroll.station_id != header.station_id:
        raise wire.BundleError("bad_bundle", "文件中的登记请求与站点不符",
                               "The enrollment in the bundle is not of its station")


def _pull(engine: Engine, caller: Caller, after: int) -> tuple[wire.PullResponse, ...]:
    """What pulls from the bundle's cursor would bring, page by page (the same `feed`)."""
    pages: list[wire.PullResponse] = []
    for _ in range(MAX_PAGES):
        page = feed.pull(engine, caller, after, wire.MAX_PULL)
        pages.append(page)
        after = page.next_after
        if not page.more or not page.items:
            break
    return tuple(pages)


def _counts(reply: wire.AnswerBundle) -> dict[str, int]:
    counts = dict.fromkeys(("accepted", "already_had", "quarantined", "rejected"), 0)
    for ack in reply.acks:
        for a in ack.response.answers:
            counts[a.status] += 1
    counts["items"] = sum(len(p.items) for p in reply.pages)
    counts["more"] = int(bool(reply.pages) and reply.pages[-1].more)
    counts["enrollment"] = int(reply.enrollment is not None or reply.device is not None)
    return counts


def _answer_file(engine: Engine, asked: wire.BundleHeader, caller: Caller, data: bytes,
                 reply: wire.AnswerBundle, answer_key: str, counts: dict[str, int]) -> bytes:
    with st.read(engine) as conn:
        public = accounts.server_public_key(conn)
    header = wire.BundleHeader(
        kind="answer", station_id=caller.station_id, station_code=caller.station_code,
        device_id=asked.device_id, epoch=asked.epoch, key_id=wire.key_id_of(public),
        created_at=iso(datetime.now(UTC)), in_reply_to=hashlib.sha256(data).hexdigest(),
        counts=counts)
    sealed = wire.seal(reply, header, answer_key)
    seed = sealing.raw(accounts.server_secret(engine), 32)
    return wire.file_bytes(wire.sign(header, sealed, seed))
