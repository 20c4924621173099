"""Backing up the station now, and restoring a backup."""

from __future__ import annotations

from pathlib import Path

from helpdesk import paths as pathsmod
from helpdesk.services.session import Session
from helpdesk.store import backups


def backup_now(session: Session) -> Path:
    """An encrypted backup of the database with its key file; the oldest beyond 7 are dropped."""
    folder = backups.make(session.db, session.key, key_file=session.paths.key_file,
                          folder=session.paths.backups)
    with session.write():
        session.audit("backup", session.tick(), detail={"folder": folder.name})
    return folder


def restore(paths: pathsmod.Paths, backup: Path) -> list[Path]:
    """Put a backup in place of the station's files (the app must have closed the database);
    returns where the replaced files were moved (never deleted, even when they cannot be opened).

    The restored database becomes a new device at the next sign-in, so its receipt numbers
    and sequence numbers never collide with what the old device wrote after the backup.
    """
    paths.ensure()
    return backups.restore(backup, database=paths.database, key_file=paths.key_file)
