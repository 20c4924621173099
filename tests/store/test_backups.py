"""Rotating encrypted backups."""

from __future__ import annotations

import sqlite3

import pytest

from helpdesk.services import backups
from helpdesk.services.session import Session
from helpdesk.store import backups as store_backups
from helpdesk.store import db as dbm


def test_only_the_newest_backups_are_kept(station: Session) -> None:
    made = [backups.backup_now(station) for _ in range(store_backups.KEEP + 3)]
    kept = store_backups.listing(station.paths.backups)
    assert kept == sorted(made, reverse=True)[: store_backups.KEEP]
    newest = kept[0]
    assert (newest / "station.keys.json").exists()
    assert oct((newest / "station.db").stat().st_mode & 0o777) == "0o600"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(newest / "station.db").execute("SELECT 1 FROM families").fetchall()
    copy = dbm.connect(newest / "station.db", station.key)
    assert dbm.meta(copy, "is_backup") == "1"
    assert copy.execute("SELECT count(*) FROM programmes").fetchone()[0] == 5


def test_restoring_something_else_is_refused(station: Session, tmp_path) -> None:
    from helpdesk.errors import KnownError

    with pytest.raises(KnownError):
        backups.restore(station.paths, tmp_path)
