"""Rotating encrypted backups of the station: the database and the key file that opens it.

A backup is a folder `backups/<UTC time>/` with `station.db` (same encryption, written with
SQLite's backup API) and a copy of the key file as it was. The copy is marked as a backup, so
when it is ever restored and opened it becomes a new device (see `devices.bind`).
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from helpdesk.store import db as dbm

KEEP = 7


def make(db: Database, key: bytes, *, key_file: Path, folder: Path, keep: int = KEEP) -> Path:
    """Write one backup and drop the oldest beyond `keep`; returns the new backup's folder."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / stamp
    target.mkdir(parents=True, mode=0o700)
    dbm.backup_to(db, target / "station.db", key)
    copy = dbm.connect(target / "station.db", key)
    try:
        with dbm.immediate(copy):
            dbm.set_meta(copy, "is_backup", "1")
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.conn.close()
    shutil.copy2(key_file, target / key_file.name)
    for path in target.iterdir():
        os.chmod(path, 0o600)
    for old in listing(folder)[keep:]:
        shutil.rmtree(old)
    return target


def listing(folder: Path) -> list[Path]:
    """Backups, newest first."""
    if not folder.exists():
        return []
    return sorted((p for p in folder.iterdir() if (p / "station.db").exists()), reverse=True)


def restore(backup: Path, *, database: Path, key_file: Path) -> None:
    """Put a backup in place of the (closed) station files; the old ones are kept aside."""
    if not (backup / "station.db").exists():
        raise dbm.StoreError("no_backup", "所选文件夹不是站点备份",
                             "That folder is not a station backup")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for live in (database, key_file):
        if live.exists():
            shutil.move(live, live.with_name(f"{live.name}.replaced-{stamp}"))
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    shutil.copy2(backup / "station.db", database)
    keys = next(backup.glob("*.keys.json"), None)
    if keys is not None:
        shutil.copy2(keys, key_file)
