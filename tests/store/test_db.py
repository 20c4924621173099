"""Opening, migrating and checking the station file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from helpdesk.store import db as dbm
from helpdesk.store import migrations, search

KEY = bytes(range(32))


def _insert_family(db: Database, fid: str, name: str, pinyin: str, initials: str) -> None:
    db.execute(
        "INSERT INTO families(id, head_name, id_kind, id_number, region, hukou, employment, "
        "name_pinyin, name_initials, created_at, updated_at, last_change_id, hlc) "
        "VALUES (?, ?, 'resident_id', '', '420111', 'urban', 'employee', ?, ?, 'now', 'now', "
        "'c', 'h')", [fid, name, pinyin, initials])


def test_migrates_an_empty_file(tmp_path: Path) -> None:
    opened, key = dbm.open_database(tmp_path / "station.db", [KEY], create=True)
    assert key == KEY
    assert opened.migrated == [m.name for m in migrations.migrations._migrations]
    assert opened.copy_aside is None  # nothing to keep from an empty file
    assert dbm.schema_version(opened.db) == opened.migrated
    assert opened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert opened.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: durable commits
    dbm.close(opened.db, tmp_path / "station.db")


def test_migrates_a_file_of_the_previous_schema_keeping_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    old = dbm.connect(path, KEY, create=True)
    migrations.migrations.apply(old, stop_before="m002_search")  # as the first release left it
    _insert_family(old, "f1", "曾国藩", "zeng guo fan", "zgf")
    old.conn.close()
    opened, _ = dbm.open_database(path, [KEY])
    assert "m002_search" in opened.migrated
    assert opened.copy_aside is not None and opened.copy_aside.exists()
    assert [h.family_id for h in search.search(opened.db, "zgf")] == ["f1"]
    assert [h.family_id for h in search.search(opened.db, "国")] == ["f1"]
    aside = dbm.connect(opened.copy_aside, KEY)  # the copy is encrypted too, and complete
    assert aside.execute("SELECT head_name FROM families").fetchone()[0] == "曾国藩"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(opened.copy_aside).execute("SELECT 1 FROM families").fetchall()


def test_wrong_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    opened, _ = dbm.open_database(path, [KEY], create=True)
    dbm.close(opened.db, path)
    with pytest.raises(dbm.WrongKey):
        dbm.open_database(path, [bytes(32)])
    opened, key = dbm.open_database(path, [bytes(32), KEY])  # a pending re-key: try both
    assert key == KEY
    dbm.close(opened.db, path)


def test_quick_check_runs_after_an_unclean_exit(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    opened, _ = dbm.open_database(path, [KEY], create=True)
    assert not opened.checked
    opened.db.conn.close()  # no dbm.close: the marker stays, as after a crash
    again, _ = dbm.open_database(path, [KEY])
    assert again.checked
    dbm.close(again.db, path)
    clean, _ = dbm.open_database(path, [KEY])
    assert not clean.checked
    dbm.close(clean.db, path)


def test_a_damaged_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    opened, _ = dbm.open_database(path, [KEY], create=True)
    opened.db.execute("CREATE TABLE filler(x)")
    with dbm.immediate(opened.db):
        for _i in range(3000):
            opened.db.execute("INSERT INTO filler VALUES (?)", [os.urandom(200)])
    opened.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.db.conn.close()
    with path.open("r+b") as f:  # scribble over a page in the middle
        f.seek(path.stat().st_size // 2)
        f.write(os.urandom(4096))
    with pytest.raises(dbm.StoreError):
        again, _ = dbm.open_database(path, [KEY])
        again.db.execute("SELECT count(*) FROM filler").fetchone()


def test_counters_roll_back_with_the_transaction(tmp_path: Path) -> None:
    opened, _ = dbm.open_database(tmp_path / "station.db", [KEY], create=True)
    db = opened.db
    with dbm.immediate(db):
        assert dbm.next_counter(db, "x") == 1
    with pytest.raises(RuntimeError), dbm.immediate(db):
        assert dbm.next_counter(db, "x") == 2
        raise RuntimeError
    with dbm.immediate(db):
        assert dbm.next_counter(db, "x") == 2
