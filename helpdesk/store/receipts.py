"""Receipt signing keys of the station's devices, and the log of printed receipts.

A device's private key lives only in this encrypted file and is never put in the outbox; the
public key is what other stations and the server will get (sync, enrollment). Prints are
local: copy 0 of an aid is its original receipt, every later copy is a reprint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database


@dataclass(frozen=True)
class DeviceKey:
    key_id: str
    device_id: str
    station_id: str
    public_key: bytes
    private_key: bytes | None
    created_at: str
    revoked_at: str | None


@dataclass(frozen=True)
class Print:
    aid_id: str
    copy_no: int
    printed_at: str
    volunteer_id: str
    device_id: str
    format: str
    via: str


_KEY_COLUMNS = "key_id, device_id, station_id, public_key, private_key, created_at, revoked_at"


def _key(row: tuple[Any, ...] | None) -> DeviceKey | None:
    if row is None:
        return None
    key_id, device_id, station_id, public, private, created, revoked = row
    return DeviceKey(str(key_id), str(device_id), str(station_id), bytes(public),
                     bytes(private) if private is not None else None,
                     str(created), str(revoked) if revoked is not None else None)


def key_of_device(db: Database, device_id: str) -> DeviceKey | None:
    """The newest key of a device that is not revoked and whose private key is here."""
    return _key(db.execute(
        f"SELECT {_KEY_COLUMNS} FROM device_keys WHERE device_id = ? AND revoked_at IS NULL "
        "AND private_key IS NOT NULL ORDER BY created_at DESC LIMIT 1", [device_id]).fetchone())


def get_key(db: Database, key_id: str) -> DeviceKey | None:
    return _key(db.execute(f"SELECT {_KEY_COLUMNS} FROM device_keys WHERE key_id = ?",
                           [key_id]).fetchone())


def put_key(db: Database, key: DeviceKey) -> None:
    """Insert a key; call inside the use case's transaction."""
    db.execute(f"INSERT INTO device_keys({_KEY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [key.key_id, key.device_id, key.station_id, key.public_key, key.private_key,
                key.created_at, key.revoked_at])


def revoke_key(db: Database, key_id: str, at: str) -> bool:
    """Mark a key revoked (first revocation wins); returns whether a row changed."""
    cursor = db.execute("UPDATE device_keys SET revoked_at = ? WHERE key_id = ? "
                        "AND revoked_at IS NULL", [at, key_id])
    return bool(cursor.rowcount)


def public_keys(db: Database) -> list[DeviceKey]:
    """Every key known here, without private keys (for enrollment and sync)."""
    rows = db.execute(f"SELECT {_KEY_COLUMNS} FROM device_keys ORDER BY created_at").fetchall()
    keys = [_key(r) for r in rows]
    return [DeviceKey(k.key_id, k.device_id, k.station_id, k.public_key, None, k.created_at,
                      k.revoked_at) for k in keys if k is not None]


def prints_of(db: Database, aid_id: str) -> list[Print]:
    rows = db.execute("SELECT aid_id, copy_no, printed_at, volunteer_id, device_id, format, via "
                      "FROM receipt_prints WHERE aid_id = ? ORDER BY copy_no", [aid_id])
    return [Print(*r) for r in rows.fetchall()]


def add_print(db: Database, aid_id: str, *, printed_at: str, volunteer_id: str, device_id: str,
              format: str, via: str) -> Print:
    """Record one print of an aid's receipt; the copy number is the next one, gap-free.
    Call inside the use case's write transaction."""
    row = db.execute("SELECT coalesce(max(copy_no) + 1, 0) FROM receipt_prints WHERE aid_id = ?",
                     [aid_id]).fetchone()
    made = Print(aid_id, int(row[0]), printed_at, volunteer_id, device_id, format, via)
    db.execute("INSERT INTO receipt_prints(aid_id, copy_no, printed_at, volunteer_id, device_id, "
               "format, via) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [made.aid_id, made.copy_no, made.printed_at, made.volunteer_id, made.device_id,
                made.format, made.via])
    return made


def roster(db: Database, programme_id: str) -> list[tuple[str, str, str, str, bool]]:
    """Families receiving help (not merged away), by pinyin: head name, document kind and
    number, phone, and whether they already had this programme's aid (not voided)."""
    rows = db.execute(
        "SELECT f.head_name, f.id_kind, f.id_number, f.phone, EXISTS (SELECT 1 FROM aid a "
        "WHERE a.family_id = f.id AND a.programme_id = ? AND a.voided_at IS NULL) "
        "FROM families f WHERE f.merged_into IS NULL AND f.status = 'active' "
        "ORDER BY f.name_pinyin, f.head_name", [programme_id]).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), bool(r[4])) for r in rows]
