"""Rotating encrypted backups."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpdesk.errors import KnownError
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
    with pytest.raises(KnownError):
        backups.restore(station.paths, tmp_path)


def test_a_backup_is_named_in_the_stations_local_time(station: Session) -> None:
    assert station.station.tz == "Asia/Shanghai"
    before = datetime.now(UTC)
    made = backups.backup_now(station)
    after = datetime.now(UTC)
    when = datetime.strptime(made.name, store_backups.STAMP)
    assert when.utcoffset() == timedelta(hours=8)  # Shanghai's time, not UTC's
    assert before - timedelta(seconds=1) <= when <= after
    assert made.name.startswith(before.astimezone(ZoneInfo("Asia/Shanghai"))
                                .strftime("%Y%m%dT%H"))
    assert store_backups.name_of(datetime(2026, 3, 1, 20, 30, tzinfo=UTC),
                                 ZoneInfo("Asia/Shanghai")) == "20260302T043000000000+0800"


def test_old_utc_names_and_local_names_are_listed_by_their_moment(tmp_path: Path) -> None:
    names = ["20260301T080000000000Z",  # 08:00 UTC, as backups were named before
             "20260301T153000000000+0800",  # 07:30 UTC: older despite the larger name
             "20260301T170000000000+0800"]  # 09:00 UTC
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "station.db").write_bytes(b"")
    assert [p.name for p in store_backups.listing(tmp_path)] == [names[2], names[0], names[1]]


def test_a_backup_goes_to_the_folder_chosen_and_is_opened_to_check_it(
        station: Session, tmp_path: Path) -> None:
    drive = tmp_path / "usb"
    drive.mkdir()
    assert backups.choose_folder(station, drive) == drive
    made = backups.backup_now(station)
    assert made.parent == drive / backups.SUBFOLDER
    assert backups.listing(station) == [made]
    assert store_backups.listing(station.paths.backups) == []  # not in the station's own folder
    store_backups.check(made, station.key)  # opens as a restore would
    copy = dbm.connect(made / "station.db", station.key)
    assert copy.execute("SELECT count(*) FROM programmes").fetchone()[0] == 5
    copy.conn.close()
    # the drive unplugged: told, naming the folder, and nothing is written elsewhere
    drive.rename(tmp_path / "away")
    with pytest.raises(KnownError) as told:
        backups.backup_now(station)
    assert str(drive) in told.value.en and str(drive) in told.value.zh
    assert store_backups.listing(station.paths.backups) == []
    backups.choose_folder(station, None)
    assert backups.backup_now(station).parent == station.paths.backups


def test_choosing_a_folder_that_is_not_there_is_refused_and_changes_nothing(
        station: Session, tmp_path: Path) -> None:
    with pytest.raises(KnownError) as told:
        backups.choose_folder(station, tmp_path / "missing")
    assert "Backup folder" in told.value.en and "备份文件夹" in told.value.zh
    assert backups.chosen_folder(station) is None


def test_a_backup_that_does_not_open_is_refused_and_removed(
        station: Session, tmp_path: Path) -> None:
    made = backups.backup_now(station)
    (made / "station.db").write_bytes(b"\0" * 4096)  # what a failing drive gives back
    with pytest.raises(dbm.StoreError) as told:
        store_backups.check(made, station.key)
    assert told.value.code == "backup_unreadable"
    garbled = tmp_path / "station.keys.json"
    garbled.write_bytes(b"\xff not json")  # a key file that would not open after a restore
    with pytest.raises(dbm.StoreError):
        store_backups.make(station.db, station.key, key_file=garbled, folder=tmp_path / "b")
    assert list((tmp_path / "b").iterdir()) == []  # no half backup left behind
