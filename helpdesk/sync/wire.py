"""The sync protocol (v1): the messages station and server exchange, shared by both sides.

Every message is frozen, refuses unknown fields and names its protocol version, so a station
and a server of different versions fail with a clear error instead of misreading each other.
The server imports this module and `helpdesk.domain`, nothing else of the station app.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import json
import re
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from helpdesk.domain import idcard, sealing
from helpdesk.domain.changes import MAX_INT, Change, Counter, Id, canonical_json

PROTOCOL = 1
MAX_BATCH = 1000  # changes in one push (DESIGN.md point 2)
MAX_PULL = 1000  # items in one pull page
MAX_BODY_BYTES = 16 * 1024 * 1024  # a request body after gunzip: 1,000 changes fit easily
MAX_CURSOR = MAX_INT  # a pull cursor is a server sequence number: a signed 64-bit column
M = TypeVar("M", bound=BaseModel)

Status = Literal["accepted", "already_had", "quarantined", "rejected"]


class Message(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PushRequest(Message):
    """One batch of one device's outbox, in device order; every change must be that device's."""

    protocol: Literal[1]
    device_id: Id
    epoch: Counter
    changes: tuple[Change, ...] = Field(max_length=MAX_BATCH)

    @model_validator(mode="after")
    def _one_device(self) -> PushRequest:
        for change in self.changes:
            if change.device_id != self.device_id or change.epoch != self.epoch:
                raise ValueError(f"change {change.change_id} is not of device "
                                 f"{self.device_id} epoch {self.epoch}")
        return self


class Answer(Message):
    """The server's decision about one change.

    accepted: stored now. already_had: stored before with the same content. quarantined: the
    id was stored before with different content; recorded, never applied. rejected: refused
    for `reason` (recorded, so it counts for the watermark). `hlc` is the timestamp the server
    uses when it clamped one that was too far ahead of its clock.
    """

    change_id: str
    device_seq: int
    status: Status
    reason: str = ""
    server_seq: int | None = None
    hlc: str | None = None


class PushResponse(Message):
    """Answers in the order of the request. `watermark`: the highest device sequence up to
    which every change of this device has an answer on the server (gaps stop it)."""

    protocol: Literal[1] = 1
    answers: tuple[Answer, ...]
    watermark: int
    clamped: int = 0
    server_time_ms: int


class PulledChange(Message):
    """A change the station should apply, with its place in the region's server order."""

    kind: Literal["change"] = "change"
    server_seq: int
    change: Change
    hlc: str  # the server's (possibly clamped) timestamp, used for ordering


class MatchRecord(Message):
    """What another station of the region may know of a family (DESIGN.md point 4): enough to
    find a duplicate and apply a programme's cap at the desk, no more. A newer record of the
    same family replaces the older one."""

    kind: Literal["match"] = "match"
    server_seq: int
    family_id: str
    station_code: str
    id_hash: str  # `match_hash` of the head's resident ID; "" for other documents
    masked_id: str
    name: str
    name_pinyin: str
    name_initials: str
    aid: dict[str, int]  # programme id → aid received, voided aid left out
    hlc: str


class Alert(Message):
    """The same family (same resident ID) got the same programme at two stations: raised by
    the aid that made it two, sent to every station of the region and shown in `report`."""

    kind: Literal["alert"] = "alert"
    server_seq: int
    aid_id: str
    programme_id: str
    masked_id: str
    station_code: str
    family_id: str
    others: tuple[dict[str, str], ...]  # {station_code, family_id} of the earlier aid
    created_at: str


class DeviceKey(Message):
    """A station device's public key (it signs that device's receipts), sent to every station
    of the region so receipts verify offline; `revoked_at` set once it must stop verifying."""

    kind: Literal["key"] = "key"
    server_seq: int
    key_id: str  # `key_id_of(public key)`
    station_id: str
    station_code: str
    device_id: str
    public_key: str  # raw Ed25519, base64
    created_at: str
    revoked_at: str | None = None


class Decision(Message):
    """The union office's decision on a duplicate-aid alert (keyed by the alert's station
    and aid): "allowed" with the reason why, or "ask_void" — the alert's station is asked to
    void that aid, with this reason. Sent to every station of the region."""

    kind: Literal["decision"] = "decision"
    server_seq: int
    station_code: str
    aid_id: str
    decision: Literal["allowed", "ask_void"]
    reason: str
    decided_at: str


PulledItem = Annotated[PulledChange | MatchRecord | Alert | DeviceKey | Decision,
                       Field(discriminator="kind")]


class PullResponse(Message):
    """Items after the cursor in server order; `next_after` is the cursor for the next call
    (never smaller than the one sent); `more` says whether another page is waiting."""

    protocol: Literal[1] = 1
    items: tuple[PulledItem, ...]
    next_after: int
    more: bool
    server_time_ms: int


class EnrollRequest(Message):
    """A station device joins the server with a one-time code issued by `station add`."""

    protocol: Literal[1]
    code: str = Field(min_length=4, max_length=40, pattern=r"^[ -~]+$")
    station_id: Id
    device_id: Id
    epoch: Counter
    device_public_key: str = Field(min_length=40, max_length=60,  # raw Ed25519, base64
                                   pattern=r"^[A-Za-z0-9+/=]+$")


class DeviceRequest(Message):
    """Another device of an enrolled station (a new laptop, a restored or copied database)
    registers its public key with the station's token, and gets a token of its own."""

    protocol: Literal[1]
    device_id: Id
    epoch: Counter
    device_public_key: str = Field(min_length=40, max_length=60, pattern=r"^[A-Za-z0-9+/=]+$")


class DeviceResponse(Message):
    protocol: Literal[1] = 1
    token: str
    key_id: str


class EnrollResponse(Message):
    """What the station keeps: its token (shown once), its readable code, name and region as
    the server has them, and the server's public key to pin."""

    protocol: Literal[1] = 1
    token: str
    station_code: str
    station_name: str
    region: str
    server_public_key: str
    match_key: str  # the region's key of `match_hash`, shared by its stations
    server_time_ms: int
    server_bundle_key: str = ""  # X25519, base64: bundle files are encrypted to it


class ErrorBody(Message):
    code: str
    message: str
    message_zh: str = ""
    details: tuple[dict[str, Any], ...] = ()


class ErrorEnvelope(Message):
    """The one shape of every error answer of the server, whatever its status."""

    protocol: Literal[1] = 1
    error: ErrorBody


class Health(Message):
    protocol: Literal[1] = 1
    status: Literal["ok"] = "ok"
    database: str
    server_time_ms: int


def match_hash(match_key: str, id_number: str) -> str:
    """The keyed hash of a resident ID that match records carry: equal IDs give equal hashes
    within a region, and without the region's key the ID cannot be recomputed from it."""
    if not id_number:
        return ""
    key = base64.b64decode(match_key)
    return hmac.new(key, idcard.normalise(id_number).encode(), hashlib.sha256).hexdigest()


def key_id_of(public_key_b64: str) -> str:
    """A key's id: the first 8 bytes of the raw public key's SHA-256, as 16 hex digits (the
    id receipts carry, see `helpdesk.receipts.qr.key_id_of`)."""
    return hashlib.sha256(base64.b64decode(public_key_b64)).digest()[:8].hex()


# Bundle files (DESIGN.md point 9): offline sync on a USB stick. A file is one JSON document:
# a plain header saying what it holds (no personal data), the contents sealed to the
# recipient's X25519 key (ephemeral X25519, HKDF-SHA256, AES-256-GCM with the header as
# associated data; see `helpdesk.domain.sealing`), and an Ed25519 signature over header and
# sealed contents. Files are written in one canonical form, so any changed byte makes a file
# that is refused.

_SIGNED = b"helpdesk bundle v1\n"


class BundleError(ValueError):
    """A bundle or enrollment file that cannot be used; both languages, a stable code."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


class BundleHeader(Message):
    """What a bundle holds, readable without any key. `key_id`: the signer's key;
    `in_reply_to`: an answer's SHA-256 of the station bundle it answers."""

    format: Literal["helpdesk-bundle"] = "helpdesk-bundle"
    protocol: Literal[1] = 1
    kind: Literal["station", "answer"]
    station_id: str = Field(min_length=1, max_length=64)
    station_code: str = Field(max_length=32)
    device_id: str = Field(min_length=1, max_length=64)
    epoch: int = Field(ge=1)
    key_id: str = Field(min_length=16, max_length=16)
    created_at: str = Field(max_length=40)
    in_reply_to: str = Field(default="", max_length=64)
    counts: dict[str, int] = Field(max_length=20)


class Sealed(Message):
    ephemeral_key: str = Field(max_length=60)  # X25519, base64
    nonce: str = Field(max_length=24)
    ciphertext: str  # base64 of AES-GCM over gzip of the contents' JSON


class BundleFile(Message):
    header: BundleHeader
    sealed: Sealed
    signature: str = Field(max_length=100)  # Ed25519 over `signed_bytes`, base64


class StationBundle(Message):
    """A station's bundle: its pending changes (one push request per device run of at most
    MAX_BATCH), its pull cursor, the X25519 key the answer is sealed to; the enrollment
    request of a station enrolled by file, or a new device's registration with the token."""

    protocol: Literal[1]
    pushes: tuple[PushRequest, ...] = ()
    cursor: int = Field(ge=0, le=MAX_CURSOR)
    answer_key: str = Field(min_length=40, max_length=60)
    enroll: EnrollRequest | None = None
    device: DeviceRequest | None = None
    token: str = Field(default="", max_length=100)


class BundleAck(Message):
    """The server's answers to one push request of the bundle."""

    device_id: str
    epoch: int
    response: PushResponse


class AnswerBundle(Message):
    """The server's answer: acknowledgements of every push request, the pull pages after the
    bundle's cursor, and for a bundle that enrolled or registered a device, its token."""

    protocol: Literal[1]
    acks: tuple[BundleAck, ...] = ()
    pages: tuple[PullResponse, ...] = ()
    enrollment: EnrollResponse | None = None
    device: DeviceResponse | None = None


class EnrollmentFile(Message):
    """What `station add --enrollment-file` writes for a station that cannot reach the
    server: the one-time code and the server's keys to pin."""

    format: Literal["helpdesk-enrollment"]
    protocol: Literal[1]
    code: str = Field(min_length=4, max_length=40)
    station_code: str = Field(max_length=32)
    station_name: str = Field(max_length=120)
    region: str = Field(max_length=6)
    server_public_key: str = Field(min_length=40, max_length=60)
    server_bundle_key: str = Field(min_length=40, max_length=60)
    server_url: str = Field(default="", max_length=300)
    expires_at: str = Field(max_length=40)


def file_bytes(model: BaseModel) -> bytes:
    """The one canonical form of a bundle or enrollment file."""
    text = json.dumps(model.model_dump(mode="json"), sort_keys=True, indent=1,
                      ensure_ascii=False)
    return (text + "\n").encode()


def read_file(data: bytes, model: type[M]) -> M:
    """Parse a file written by `file_bytes`; BundleError when it is not one, or was altered."""
    try:
        found = model.model_validate_json(data)
    except ValidationError as err:
        zh, en = _what_is_wrong(err.errors()[0])
        raise BundleError("bad_bundle", f"文件不是有效的同步文件（{zh}）",
                          f"Not a valid Helpdesk file ({en})") from None
    if file_bytes(found) != data:
        raise BundleError("bundle_altered", "文件已被改动，拒绝导入",
                          "The file was altered after it was written: refused")
    return found


def _what_is_wrong(first: Any) -> tuple[str, str]:
    """The first validation error of a file, said in both languages; an error about the
    whole file (no location: not JSON, or not an object) says that instead of a field."""
    if first["loc"]:
        where = ".".join(str(p) for p in first["loc"])
        return where, f"{where}: {first['msg']}"
    if first["type"] == "json_invalid":
        found = re.search(r"line (\d+) column (\d+)", str(first["msg"]))
        at_zh = f"，第 {found[1]} 行第 {found[2]} 列" if found else ""
        at_en = f", at line {found[1]} column {found[2]}" if found else ""
        return (f"整个文件：不是 JSON 文本，可能已损坏或不完整{at_zh}",
                f"the whole file: it is not JSON text, damaged or cut short{at_en}")
    return ("整个文件：内容应是一个 JSON 对象", f"the whole file: {first['msg']}; "
            "a Helpdesk file is one JSON object")


def signed_bytes(header: BundleHeader, sealed: Sealed) -> bytes:
    body = {"header": header.model_dump(mode="json"), "sealed": sealed.model_dump(mode="json")}
    return _SIGNED + canonical_json(body).encode()


def _aad(header: BundleHeader) -> bytes:
    return canonical_json(header.model_dump(mode="json")).encode()


def seal(contents: BaseModel, header: BundleHeader, recipient_key: str) -> Sealed:
    """Encrypt the contents (gzip of their JSON) to the recipient's X25519 key (base64)."""
    plain = gzip.compress(contents.model_dump_json().encode(), 6, mtime=0)
    eph, nonce, cipher = sealing.seal(plain, _aad(header), recipient_key)
    return Sealed(ephemeral_key=eph, nonce=nonce, ciphertext=cipher)


def unseal(bundle: BundleFile, private_key: str, model: type[M]) -> M:
    """Decrypt and validate the contents; BundleError when they do not open or validate."""
    s = bundle.sealed
    try:
        plain = sealing.unseal(s.ephemeral_key, s.nonce, s.ciphertext, _aad(bundle.header),
                               private_key)
        return model.model_validate_json(gzip.decompress(plain))
    except (sealing.SealError, OSError, EOFError, ValidationError):
        raise BundleError("bundle_sealed", "无法解密文件：它不是发给本机的，或已损坏",
                          "The file cannot be decrypted: it is not for this recipient, "
                          "or it is damaged") from None


def sign(header: BundleHeader, sealed: Sealed, private_seed: bytes) -> BundleFile:
    """The file: header and sealed contents signed with an Ed25519 private key (raw)."""
    return BundleFile(header=header, sealed=sealed,
                      signature=sealing.sign(signed_bytes(header, sealed), private_seed))


def verify(bundle: BundleFile, public_key: str) -> None:
    """Check the signature with an Ed25519 public key (base64); BundleError when it fails."""
    try:
        sealing.verify(signed_bytes(bundle.header, bundle.sealed), bundle.signature, public_key)
    except sealing.SealError:
        raise BundleError("bad_signature", "文件签名无效：可能被篡改或并非由对方签发",
                          "The file's signature is not valid: altered, or not signed by "
                          "the expected key") from None
