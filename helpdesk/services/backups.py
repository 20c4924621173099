"""Backing up the station now (to its own folder or to one chosen in Settings), and restoring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from helpdesk import paths as pathsmod
from helpdesk.errors import KnownError
from helpdesk.services.session import Session
from helpdesk.store import backups
from helpdesk.store import db as dbm

FOLDER_META = "backup_folder"  # this device's choice, like its receipt printer
SUBFOLDER = "helpdesk-backups"  # inside a chosen folder, so rotation touches only our backups


def chosen_folder(session: Session) -> Path | None:
    """The folder chosen in Settings (a removable drive, say), or None for the station's own."""
    text = dbm.meta(session.db, FOLDER_META) or ""
    return Path(text) if text else None


def destination(session: Session) -> Path:
    """Where the next backup goes: `helpdesk-backups` in the chosen folder, else `backups/`."""
    chosen = chosen_folder(session)
    return chosen / SUBFOLDER if chosen is not None else session.paths.backups


def choose_folder(session: Session, folder: Path | None) -> Path | None:
    """Remember the backup folder for this device (None: back to the station's own folder),
    audited in one transaction; KnownError naming the field when it is not an existing folder."""
    if folder is not None:
        folder = folder.expanduser()
        if not folder.is_absolute() or not folder.is_dir():
            raise KnownError("backup_folder", f"备份文件夹：{folder} 不是一个存在的文件夹",
                             f"Backup folder: {folder} is not an existing folder")
    with session.write() as db:
        dbm.set_meta(db, FOLDER_META, str(folder) if folder is not None else "")
        session.audit("backup_folder", session.tick(),
                      detail={"folder": str(folder) if folder is not None else ""})
    return folder


@dataclass(frozen=True)
class Job:
    """What a worker needs to write a backup on its own thread (plain data, no Session)."""

    database: Path
    key: bytes
    key_file: Path
    folder: Path
    tz: tzinfo


def job(session: Session) -> Job:
    """The next backup's plain data; KnownError when the chosen folder is gone (a drive
    unplugged)."""
    chosen = chosen_folder(session)
    if chosen is not None and not chosen.is_dir():
        raise KnownError("backup_folder", f"找不到备份文件夹 {chosen}：请插上移动硬盘，"
                         "或在设置中另选文件夹",
                         f"The backup folder {chosen} is not there: plug the drive in, or "
                         "choose another folder in Settings")
    return Job(session.paths.database, session.key, session.paths.key_file,
               destination(session), session.tz)


def write(j: Job) -> Path:
    """Write the backup through a connection of its own (a worker thread), named in the
    station's local time and opened again to check it; the oldest beyond 7 there are
    dropped. KnownError when it cannot be written or opened."""
    db = dbm.connect(j.database, j.key)
    try:
        return backups.make(db, j.key, key_file=j.key_file, folder=j.folder, tz=j.tz)
    finally:
        db.conn.close()  # not dbm.close: the app's own connection is still open


def record(session: Session, folder: Path) -> None:
    """Audit a written backup (on the session's own thread)."""
    with session.write():
        session.audit("backup", session.tick(), detail={"folder": folder.name,
                                                        "in": str(folder.parent)})


def backup_now(session: Session) -> Path:
    """`job`, `write` and `record` in one go, on this thread (the command line)."""
    j = job(session)
    db = session.db
    folder = backups.make(db, j.key, key_file=j.key_file, folder=j.folder, tz=j.tz)
    record(session, folder)
    return folder


def listing(session: Session) -> list[Path]:
    """The backups in the current destination, newest first."""
    return backups.listing(destination(session))


def restore(paths: pathsmod.Paths, backup: Path) -> list[Path]:
    """Put a backup in place of the station's files (the app must have closed the database);
    returns where the replaced files were moved (never deleted, even when they cannot be opened).

    The restored database becomes a new device at the next sign-in, so its receipt numbers
    and sequence numbers never collide with what the old device wrote after the backup.
    """
    paths.ensure()
    return backups.restore(backup, database=paths.database, key_file=paths.key_file)
