"""Rotating encrypted backups of the station: the database and the key file that opens it.

A backup is a folder `<local time with its UTC offset>/` (in `backups/` or in a folder chosen
in Settings, such as a removable drive) with `station.db` (same encryption, written with SQLite's
backup API) and a copy of the key file as it was. The copy is marked as a backup, so when it is
ever restored and opened it becomes a new device (see `devices.bind`). Every backup is opened
again once written, so a bad drive is found when the backup is made, not when it is needed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from sqlite_utils import Database

from helpdesk.store import db as dbm

KEEP = 7
STAMP = "%Y%m%dT%H%M%S%f%z"  # 20260301T160000000000+0800; older backups end in Z (UTC)


def name_of(moment: datetime, tz: tzinfo) -> str:
    """A backup's folder name: the station's local time, with its offset so it stays exact."""
    return moment.astimezone(tz).strftime(STAMP)


def make(db: Database, key: bytes, *, key_file: Path, folder: Path, keep: int = KEEP,
         tz: tzinfo = UTC, now: datetime | None = None) -> Path:
    """Write one backup named in `tz`'s time, check it by opening it (`check`), and drop the
    oldest beyond `keep`; returns the new backup's folder. Raises StoreError when the folder
    cannot be written or the written backup does not open."""
    target = folder / name_of(now or datetime.now(UTC), tz)
    try:
        target.mkdir(parents=True, mode=0o700)
    except OSError as err:
        raise dbm.StoreError("backup_folder", f"无法在 {folder} 中写入备份：{err.strerror}",
                             f"Cannot write a backup in {folder}: {err.strerror}") from None
    try:
        _write(db, key, key_file, target)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)  # no half backup left to be restored later
        raise
    for old in listing(folder)[keep:]:
        shutil.rmtree(old)
    return target


def _write(db: Database, key: bytes, key_file: Path, target: Path) -> None:
    dbm.backup_to(db, target / "station.db", key)
    copy = dbm.connect(target / "station.db", key)
    try:
        with dbm.immediate(copy):
            dbm.set_meta(copy, "is_backup", "1")
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.conn.close()
    shutil.copyfile(key_file, target / key_file.name)  # no copied modes: FAT drives refuse
    for path in target.iterdir():
        with contextlib.suppress(PermissionError):  # FAT and exFAT keep no permissions
            os.chmod(path, 0o600)
    check(target, key)


def check(backup: Path, key: bytes) -> None:
    """Open a written backup as a restore would: the database with `key` passes SQLite's
    quick_check and is marked as a backup, and its key file is readable. Raises StoreError."""
    copy = None
    try:
        copy = dbm.connect(backup / "station.db", key)
        ok = copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        ok = ok and dbm.meta(copy, "is_backup") == "1"
        keys = next(backup.glob("*.keys.json"), None)
        ok = ok and keys is not None and isinstance(json.loads(keys.read_bytes()), dict)
    except (dbm.StoreError, OSError, ValueError):
        ok = False
    finally:
        if copy is not None:
            copy.conn.close()
    if not ok:
        raise dbm.StoreError("backup_unreadable",
                             f"备份 {backup} 写入后无法打开：请换一个文件夹或移动硬盘再备份",
                             f"The backup {backup} cannot be opened after writing: back up "
                             "again to another folder or drive")


def _when(path: Path) -> datetime:
    try:
        return datetime.strptime(path.name, STAMP)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)


def listing(folder: Path) -> list[Path]:
    """Backups, newest first (by the moment in their names, whatever their offsets)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if (p / "station.db").exists()]
    return sorted(found, key=lambda p: (_when(p), p.name), reverse=True)


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
