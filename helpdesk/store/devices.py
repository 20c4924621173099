"""This database's device identity, and noticing when the file is a restored or copied one.

A device is one installation's database. Its binding to this machine lives outside the file,
beside the device secret (see `secrets`): the device id and a count of opens. When the file's own
record disagrees — it was restored from a backup, copied from another laptop, or is a backup
itself — the database becomes a new device (new id, new code, next epoch), so nothing it writes
can collide with what the old device wrote.
"""

from __future__ import annotations

from sqlite_utils import Database

from helpdesk.domain.common import iso, new_id, utcnow
from helpdesk.domain.station import Device, new_device_code
from helpdesk.store import db as dbm
from helpdesk.store.keys.device_secrets import Binding, DeviceSecrets


def current(db: Database) -> Device:
    row = db.execute("SELECT id, code, epoch, created_at, reason FROM devices WHERE current = 1"
                     ).fetchone()
    if row is None:
        raise dbm.StoreError("no_device", "数据库中没有本机设备记录",
                             "The database has no device record")
    return Device(id=row[0], code=row[1], epoch=row[2], created_at=row[3], reason=row[4])


def start_new(db: Database, reason: str) -> Device:
    """Make this database a new device; call inside a write transaction."""
    used = {r[0] for r in db.execute("SELECT code FROM devices")}
    code = new_device_code()
    while code in used:
        code = new_device_code()
    epoch = (db.execute("SELECT max(epoch) FROM devices").fetchone()[0] or 0) + 1
    device = Device(id=new_id(), code=code, epoch=epoch, created_at=iso(utcnow()), reason=reason)
    db.execute("UPDATE devices SET current = 0 WHERE current = 1")
    db.execute("INSERT INTO devices(id, code, epoch, created_at, reason, current) "
               "VALUES (?, ?, ?, ?, ?, 1)",
               [device.id, device.code, device.epoch, device.created_at, reason])
    return device


def bind(db: Database, secrets: DeviceSecrets, install_id: str,
         secret: bytes) -> tuple[Device, str | None]:
    """Check the file against this machine's binding; start a new device when they disagree.

    Returns the device and, when a new one was started, why ('restored', 'copied', 'backup').
    Runs in one write transaction; the binding is saved just before the commit, so a crash in
    between can only cause one needless new device, never a reused one.
    """
    with dbm.immediate(db):
        binding = secrets.load(install_id)
        device = current(db)
        opens = int(dbm.meta(db, "device_opens", "0") or 0)
        reason = None
        if dbm.meta(db, "is_backup") == "1":
            reason = "restored"
        elif binding is None or binding.device_id is None:
            reason = None if opens == 0 and binding is not None else "copied"
        elif binding.device_id != device.id:
            reason = "copied"
        elif binding.opens != opens:
            reason = "restored"
        if reason is not None:
            device = start_new(db, reason)
            opens = 0
        db.execute("DELETE FROM meta WHERE key = 'is_backup'")
        dbm.set_meta(db, "device_opens", str(opens + 1))
        secrets.save(install_id, Binding(secret=secret, device_id=device.id, opens=opens + 1))
    return device, reason
