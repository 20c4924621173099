"""The key file's contents (see `helpdesk.store.keys`): in memory, as JSON, and the changes
to them that need no user secret (enrolling a holder, opening the master-key slots).

`read` turns a missing, unreadable or malformed file into a KeysError; nothing here writes.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from helpdesk.store.keys import crypto
from helpdesk.store.keys.crypto import KdfParams
from helpdesk.store.keys.errors import (
    KeyFileCorrupt,
    KeyFileMissing,
    KeysError,
    LockedOut,
    UnknownHolder,
    WrongPin,
)

FORMAT = "helpdesk-keys"
VERSION = 1
RECOVERY_ID = "recovery"
ROLES = ("head", "volunteer")
LOCK_AFTER = 5  # consecutive wrong PINs
FIRST_LOCK = timedelta(minutes=5)  # doubled by each further failure...
MAX_LOCK = timedelta(hours=1)  # ...up to this


class NewerVersion(ValueError):
    """The file was written by a newer Helpdesk (a format version we do not know)."""


@dataclass
class Record:
    """One holder as stored; `device_check` is None for the recovery holder."""

    id: str
    name: str
    role: str
    public_key: bytes
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    private_key: bytes  # sealed under the holder's KEK
    device_check: bytes | None


@dataclass
class Slot:
    """One master key (current or pending): its check tag and its wrap per holder."""

    check: bytes
    wraps: dict[str, crypto.Wrap]


@dataclass
class Lock:
    failures: int
    until: datetime | None


@dataclass
class State:
    install_id: str
    holders: dict[str, Record]  # in the order added: the sign-in screen's order
    current: Slot
    pending: Slot | None
    lockout: dict[str, Lock]

    @classmethod
    def new(cls, master_key: bytes) -> State:
        """An empty key file for `master_key`, under a new random install id."""
        return cls(str(uuid.uuid4()), {}, Slot(crypto.master_check(master_key), {}),
                   None, {})


def key_aad(holder_id: str) -> bytes:
    """AAD of a sealed private key: format version + holder id (a key cannot change owner)."""
    return f"{FORMAT} v{VERSION}\x00{holder_id}".encode()


def wrap_aad(holder_id: str) -> bytes:
    return f"{FORMAT} master v{VERSION}\x00{holder_id}".encode()


def enrol(st: State, holder_id: str, name: str, role: str, kek: bytes, salt: bytes,
          kdf: KdfParams, device_check: bytes | None, master: bytes) -> None:
    """(Re)make a holder: a new key pair sealed under `kek`, the master key wrapped to it.

    The caller has checked there is no pending re-key (the new holder gets no pending wrap).
    """
    private, public = crypto.new_keypair()
    nonce, sealed = crypto.seal(kek, private, key_aad(holder_id))
    st.holders[holder_id] = Record(holder_id, name.strip(), role, public, salt, kdf, nonce,
                                   sealed, device_check)
    st.current.wraps[holder_id] = crypto.wrap_to(public, master, wrap_aad(holder_id))
    st.lockout.pop(holder_id, None)


def enrol_volunteer(st: State, holder_id: str, name: str, role: str, pin: str,
                    device_secret: bytes, kdf: KdfParams, master: bytes) -> None:
    """(Re)make a volunteer whose KEK needs `pin` and this machine's `device_secret`."""
    salt = os.urandom(crypto.SALT_BYTES)
    kek = crypto.volunteer_kek(pin, salt, kdf, device_secret)
    check = crypto.device_check(device_secret, st.install_id)
    enrol(st, holder_id, name, role, kek, salt, kdf, check, master)


def open_slot(slot: Slot, holder_id: str, private: bytes) -> bytes | None:
    """The slot's master key for this holder, checked against its tag; None if unreachable."""
    wrap = slot.wraps.get(holder_id)
    key = None if wrap is None else crypto.unwrap_with(private, wrap, wrap_aad(holder_id))
    return key if key is not None and crypto.master_check(key) == slot.check else None


def volunteer(st: State, holder_id: str) -> Record:
    """The volunteer (not `recovery`) with this id; UnknownHolder."""
    rec = st.holders.get(holder_id)
    if rec is None or holder_id == RECOVERY_ID:
        raise UnknownHolder(holder_id)
    return rec


def refuse_last_head(st: State, holder_id: str) -> None:
    """KeysError if `holder_id` is the only head: nobody could manage volunteers after."""
    if not any(r.role == "head" and h != holder_id for h, r in st.holders.items()):
        raise KeysError("不能去掉最后一位站长。", "The last station head cannot be removed.")


def require_master(st: State, master_key: bytes) -> None:
    """KeysError unless `master_key` is the current one and no re-key is pending."""
    if st.pending is not None:
        raise rekey_pending()
    if crypto.master_check(master_key) != st.current.check:
        raise KeysError("给出的主密钥不是本站当前的主密钥。",
                        "The master key given is not the station's current one.")


def rekey_pending() -> KeysError:
    return KeysError("上一次换钥尚未完成，请先重新登录以完成它。",
                     "A re-key is unfinished: sign in again to finish it first.")


def locked_out(st: State, holder_id: str, now: datetime) -> LockedOut | None:
    """The LockedOut to raise if the holder is locked at `now`, else None."""
    lock = st.lockout.get(holder_id)
    if lock is None or lock.until is None or lock.until <= now:
        return None
    lock.until = min(lock.until, now + MAX_LOCK)  # a clock set back must not lock for days
    return LockedOut(lock.until, now)


def record_failure(st: State, holder_id: str, now: datetime) -> KeysError:
    """Count a wrong PIN; the error to raise: WrongPin, or LockedOut from the 5th on."""
    failures = st.lockout[holder_id].failures + 1 if holder_id in st.lockout else 1
    until = None
    if failures >= LOCK_AFTER:
        until = now + min(FIRST_LOCK * 2 ** min(failures - LOCK_AFTER, 4), MAX_LOCK)
    st.lockout[holder_id] = Lock(failures, until)
    return LockedOut(until, now) if until else WrongPin(failures, LOCK_AFTER - failures)


def dump(st: State) -> bytes:
    """The JSON form (UTF-8): names stay readable Chinese, binary fields are base64."""

    def slot(s: Slot) -> dict[str, Any]:
        wraps = {h: {"epk": _b64(w.epk), "nonce": _b64(w.nonce), "ct": _b64(w.ct)}
                 for h, w in s.wraps.items()}
        return {"check": _b64(s.check), "wraps": wraps}

    holders = [{
        "id": r.id, "name": r.name, "role": r.role, "public_key": _b64(r.public_key),
        "salt": _b64(r.salt), "kdf": dataclasses.asdict(r.kdf), "nonce": _b64(r.nonce),
        "private_key": _b64(r.private_key),
        "device_check": None if r.device_check is None else _b64(r.device_check),
    } for r in st.holders.values()]
    lockout = {h: {"failures": lk.failures,
                   "locked_until": None if lk.until is None else lk.until.isoformat()}
               for h, lk in st.lockout.items()}
    doc = {
        "format": FORMAT, "version": VERSION, "install_id": st.install_id, "holders": holders,
        "master": {"current": slot(st.current),
                   "pending": None if st.pending is None else slot(st.pending)},
        "lockout": lockout,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def parse(raw: bytes) -> State:
    """Read `dump`'s output, checking every field; NewerVersion, or ValueError and kin."""
    doc = json.loads(raw)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("not a Helpdesk key file")
    if doc.get("version") != VERSION:
        raise NewerVersion(f"format version {doc.get('version')!r}")

    holders: dict[str, Record] = {}
    for r in doc["holders"]:
        hid, role = _str(r["id"]), _str(r["role"])
        if (role == RECOVERY_ID) != (hid == RECOVERY_ID) or role not in (*ROLES, RECOVERY_ID):
            raise ValueError(f"bad role {role!r} for {hid!r}")
        check = r["device_check"]
        if (check is None) != (hid == RECOVERY_ID):
            raise ValueError(f"bad device check for {hid!r}")
        if hid in holders:
            raise ValueError(f"holder {hid!r} twice")
        holders[hid] = Record(
            hid, _str(r["name"]), role, _bytes(r["public_key"], 32), _bytes(r["salt"], 16),
            KdfParams(**{_str(k): _count(v) for k, v in r["kdf"].items()}),
            _bytes(r["nonce"], 12), _bytes(r["private_key"], 48),
            None if check is None else _bytes(check, 16))

    def slot(d: dict[str, Any]) -> Slot:
        wraps = {_str(h): crypto.Wrap(_bytes(w["epk"], 32), _bytes(w["nonce"], 12),
                                        _bytes(w["ct"], 48))
                 for h, w in d["wraps"].items()}
        if not set(wraps) <= set(holders):
            raise ValueError("a wrap for an unknown holder")
        return Slot(_bytes(d["check"], 16), wraps)

    lockout = {_str(h): Lock(_count(v["failures"]), _time(v["locked_until"]))
               for h, v in doc["lockout"].items()}
    master = doc["master"]
    pending = None if master["pending"] is None else slot(master["pending"])
    install_id = str(uuid.UUID(_str(doc["install_id"])))
    return State(install_id, holders, slot(master["current"]), pending, lockout)


def read(path: Path) -> State:
    """Read and check the key file; KeyFileMissing, KeyFileCorrupt or KeysError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileMissing(path) from None
    except OSError as exc:
        raise KeysError(f"无法读取密钥文件 {path}：{exc}。",
                        f"Cannot read key file {path}: {exc}.") from exc
    try:
        return parse(raw)
    except NewerVersion as exc:
        raise KeysError(f"密钥文件 {path} 来自更新版本的 Helpdesk，请先升级本程序。",
                        f"Key file {path} is from a newer Helpdesk: update this app first."
                        ) from exc
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise KeyFileCorrupt(path, f"{type(exc).__name__}: {exc}") from exc


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _bytes(v: Any, size: int) -> bytes:
    out = base64.b64decode(_str(v), validate=True)
    if len(out) != size:
        raise ValueError(f"expected {size} bytes, got {len(out)}")
    return out


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise TypeError(f"expected text, got {type(v).__name__}")
    return v


def _count(v: Any) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise TypeError(f"expected a count, got {v!r}")
    return v


def _time(v: Any) -> datetime | None:
    if v is None:
        return None
    t = datetime.fromisoformat(_str(v))
    if t.tzinfo is None:
        raise ValueError("a time without a time zone")
    return t.astimezone(UTC)
