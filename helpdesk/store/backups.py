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


def restore(backup: Path, *, database: Path, key_file: Path) -> list[Path]:
    """Put a backup in place of the (closed) station files; returns where the old ones went.

    `backup` is a backup folder or the `station.db` in one. Nothing is deleted or overwritten:
    the live database (with its log) and key file are moved aside to `<name>.replaced-<time>`,
    whether or not they can be opened. A backup without a key file leaves the live one in use.
    """
    if backup.is_file():
        backup = backup.parent
    if not (backup / "station.db").is_file():
        raise dbm.StoreError("no_backup", f"{backup} 不是站点备份（其中没有 station.db）",
                             f"{backup} is not a station backup (it holds no station.db)")
    keys = next(backup.glob("*.keys.json"), None)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    live = [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))]
    if keys is not None:
        live.append(key_file)
    moved = []
    for path in live:
        if path.exists():
            aside = path.with_name(f"{path.name}.replaced-{stamp}")
            if aside.exists():
                raise FileExistsError(aside)
            path.rename(aside)
            moved.append(aside)
    shutil.copy2(backup / "station.db", database)
    if keys is not None:
        shutil.copy2(keys, key_file)
    return moved
