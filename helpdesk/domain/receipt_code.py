"""The receipt code (the QR payload): compact, versioned, signed with the device's Ed25519 key.

    HD1.<receipt no>.<local date YYYYMMDD>.<kind C|G|S>.<amount fen>.<goods lines>.<base32>

The first fields can be read by a person (and compared with the printed receipt); the base32
tail holds the aid id (16 bytes), the station id (16), the key id (8) and the Ed25519 signature
(64) over everything before it. Only capitals, digits, '.' and '-': the QR code uses its compact
alphanumeric mode, and the text printed under it can be typed back (spaces and lower case are
forgiven, nothing else: `parse`). Nothing in it comes from the family's ID number.

Pure functions, no I/O: the station (`helpdesk.receipts.qr`, which draws the code) and the
central server (`/v1/receipts/verify`) read and check codes with this one module.
"""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

VERSION = "HD1"
MAX_FEN = 9_999_999_999
_KINDS = {"cash": "C", "goods": "G", "service": "S"}
_KIND_NAMES = {v: k for k, v in _KINDS.items()}
_RECEIPT = re.compile(r"[0-9A-Z]{2,8}-[0-9]{4}-[0-9]{1,9}", re.ASCII)
_NUMBER = re.compile(r"0|[1-9][0-9]{0,10}", re.ASCII)
_DAY = re.compile(r"[0-9]{8}", re.ASCII)
_BASE32 = re.compile(r"[A-Z2-7]+", re.ASCII)
_WHITE = re.compile(r"[ \t\r\n]+")
_FOREIGN = re.compile(r"[^0-9A-Za-z.\-]")
_BLOB_BYTES = 16 + 16 + 8 + 64
_TAIL_CHARS = -(-_BLOB_BYTES * 8 // 5)  # 167: the last character carries 2 bits and 3 zeros


class PayloadError(ValueError):
    """The text is not a well-formed receipt code; says what is wrong in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.code = "bad_format"
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class Payload:
    """What a receipt's QR code vouches for."""

    receipt_no: str
    local_date: date
    kind: str
    amount_fen: int
    lines: int
    aid_id: str
    station_id: str
    key_id: str


@dataclass(frozen=True)
class Signed:
    """A parsed payload with its signature and the exact bytes that were signed."""

    payload: Payload
    signature: bytes
    message: bytes
    text: str


def new_key() -> tuple[bytes, bytes]:
    """A fresh Ed25519 key pair as raw bytes: (private 32, public 32)."""
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    raw_public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return raw_private, raw_public


def key_id_of(public_key: bytes) -> str:
    """The key id: the first 8 bytes of the public key's SHA-256, as 16 hex digits."""
    return hashlib.sha256(public_key).digest()[:8].hex()


def _fields(p: Payload) -> list[str]:
    return [VERSION, p.receipt_no, f"{p.local_date:%Y%m%d}", _KINDS[p.kind],
            str(p.amount_fen), str(p.lines)]


def _ids(p: Payload) -> bytes:
    return uuid.UUID(p.aid_id).bytes + uuid.UUID(p.station_id).bytes + bytes.fromhex(p.key_id)


def _message(fields: list[str], ids: bytes) -> bytes:
    return ".".join(fields).encode("ascii") + b"." + ids


def sign(payload: Payload, private_key: bytes) -> str:
    """The payload text, signed with the device's raw Ed25519 private key."""
    fields = _fields(payload)
    ids = _ids(payload)
    signature = Ed25519PrivateKey.from_private_bytes(private_key).sign(_message(fields, ids))
    tail = base64.b32encode(ids + signature).decode("ascii").rstrip("=")
    return ".".join([*fields, tail])


def parse(text: str) -> Signed:
    """Read a payload as printed or scanned; the one parser of receipt codes.

    Canonical: ASCII digits, the capitals of the base32 alphabet, '.' and '-' only. Typing is
    forgiven exactly two things: lower case ASCII letters and ASCII white space (spaces, tabs,
    line breaks: the printed code groups its tail with spaces). Anything else — full-width or
    Arabic-Indic digits, other scripts, '=' padding, a tail whose unused bits are not zero —
    raises PayloadError saying which part is malformed, in both languages. Checks no signature.
    """
    compact = _WHITE.sub("", text)
    bad = _FOREIGN.search(compact)
    if bad is not None:
        char = bad.group()
        shown = char if char.isprintable() else f"U+{ord(char):04X}"
        raise PayloadError(f"凭证码含有不允许的字符“{shown}”（第 {bad.start() + 1} 个）："
                           "凭证码只有半角数字、英文字母、“.”和“-”",
                           f"The receipt code has a character that is not allowed, '{shown}' "
                           f"(at {bad.start() + 1}): only ASCII digits, letters, '.' and '-'")
    compact = compact.upper()
    if not compact.startswith("HD"):
        raise PayloadError("这不是本系统的凭证码：凭证码以 HD1. 开头",
                           "Not a Helpdesk receipt code: it starts with HD1.")
    version = compact.split(".", 1)[0]
    if version != VERSION:
        raise PayloadError(f"凭证码版本 {_short(version)} 无法识别：请更新软件",
                           f"Unknown receipt code version {_short(version)}: update the app")
    parts = compact.split(".")
    if len(parts) != 7:
        raise PayloadError(f"凭证码应有 7 段（用“.”分隔），这里有 {len(parts)} 段："
                           "可能抄错或不完整",
                           f"A receipt code has 7 parts separated by '.', this one has "
                           f"{len(parts)}: mistyped or cut short")
    _, receipt_no, day, kind, amount, lines, tail = parts
    if not _RECEIPT.fullmatch(receipt_no):
        raise PayloadError(f"凭证号“{_short(receipt_no)}”格式不对",
                           f"Malformed receipt number '{_short(receipt_no)}'")
    try:
        if not _DAY.fullmatch(day):
            raise ValueError(day)
        local_date = date(int(day[:4]), int(day[4:6]), int(day[6:8]))
    except ValueError:
        raise PayloadError(f"日期“{_short(day)}”格式不对",
                           f"Malformed date '{_short(day)}'") from None
    if kind not in _KIND_NAMES:
        raise PayloadError(f"发放方式“{_short(kind)}”无法识别",
                           f"Unknown kind of aid '{_short(kind)}'")
    for name_zh, name_en, value in (("金额", "amount", amount), ("物资行数", "line count", lines)):
        if not _NUMBER.fullmatch(value):
            raise PayloadError(f"{name_zh}“{_short(value)}”格式不对",
                               f"Malformed {name_en} '{_short(value)}'")
    if int(amount) > MAX_FEN:
        raise PayloadError("金额超出上限", "The amount is above the limit")
    blob = _tail_bytes(tail)
    ids, signature = blob[:40], blob[40:]
    payload = Payload(receipt_no=receipt_no, local_date=local_date, kind=_KIND_NAMES[kind],
                      amount_fen=int(amount), lines=int(lines),
                      aid_id=str(uuid.UUID(bytes=ids[:16])),
                      station_id=str(uuid.UUID(bytes=ids[16:32])), key_id=ids[32:40].hex())
    return Signed(payload, signature, _message(parts[:6], ids), compact)


def _tail_bytes(tail: str) -> bytes:
    """The base32 tail's bytes; PayloadError unless it is the one canonical spelling of them
    (the exact alphabet, no '=' padding, the unused low bits of the last character zero)."""
    if not _BASE32.fullmatch(tail):
        raise PayloadError("签名部分有无效字符：可能抄错",
                           "The signature part has invalid characters: mistyped?")
    if len(tail) != _TAIL_CHARS:
        raise PayloadError("签名部分长度不对：可能抄错或不完整",
                           "The signature part has the wrong length: mistyped or cut short")
    blob = base64.b32decode(tail + "=" * (-len(tail) % 8))
    if base64.b32encode(blob).decode("ascii").rstrip("=") != tail:
        raise PayloadError("签名部分的最后一个字符不对：可能抄错",
                           "The last character of the signature part cannot end a receipt "
                           "code (its unused bits are not zero): mistyped?")
    return blob


def _short(value: str) -> str:
    """A malformed value as echoed in a message: at most 20 characters."""
    return value if len(value) <= 20 else value[:19] + "…"


def signature_ok(signed: Signed, public_key: bytes) -> bool:
    """Whether the signature was made over exactly these contents by this key."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signed.signature, signed.message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Revoked:
    """What the revocation of its key means for one receipt: `stands` when it was signed
    before the revocation; the verdict text says which it was, in both languages."""

    stands: bool
    zh: str
    en: str


def revoked_key_rule(local_date: date, revoked_at: str) -> Revoked:
    """The one rule for receipts of a revoked key, applied alike by a station (offline, with
    the keys pulled in sync) and by the central server: signed before the revocation stays
    valid, signed after is refused.

    What both sides have: the receipt (its local date, no time and no time zone) and the key's
    `revoked_at` (UTC). Nothing else: revocation is by station, so a station checking such a
    receipt is always another station, and stations never hold other stations' aid. So the
    receipt counts as signed before the revocation only when its whole local day was over
    before the revocation in any time zone (UTC-12 to UTC+14): when the day after its date,
    12:00 UTC, is not later than `revoked_at`. The day of the revocation is refused, and so is
    the day before it when the revocation came before 12:00 UTC (20:00 in Beijing).

    Limit: whoever holds the stolen device and a PIN can date a receipt in the past, and the
    date is all an offline check can go by. The server says besides whether it ever received
    the aid (a backdated forgery never reached it: the revoked station's tokens stopped
    working with its keys).
    """
    revoked = datetime.fromisoformat(revoked_at).astimezone(UTC)
    over = datetime.combine(local_date + timedelta(days=1), time(12), tzinfo=UTC)
    when = f"{revoked:%Y-%m-%d %H:%M} UTC"
    if over <= revoked:
        return Revoked(True, f"签名密钥已于 {when} 吊销，凭证日期 {local_date} "
                             "在吊销之前，仍然有效",
                       f"its key was revoked at {when}, but the receipt is dated {local_date}, "
                       "before the revocation: it stands")
    return Revoked(False, f"签名密钥已于 {when} 吊销（设备丢失或被盗），凭证日期 {local_date} "
                          "不在吊销之前，不予承认",
                   f"signed by a key revoked at {when} (device lost or stolen), and dated "
                   f"{local_date}, not before the revocation: refused")


def grouped(text: str, size: int = 6) -> str:
    """The payload as printed under the QR code: readable fields, then the tail in groups."""
    head, _, tail = text.rpartition(".")
    return head + ". " + " ".join(tail[i:i + size] for i in range(0, len(tail), size))
