"""m005_sync: a station file of the m004 schema gains the sync tables, keeping what it had."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from helpdesk.store import db as dbm
from helpdesk.store import migrations
from helpdesk.sync import schema

KEY = bytes(range(32))
SYNC_TABLES = {"match_records", "alerts", "field_versions", "conflicts"}


def _tables(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_database_at_m004_migrates(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    old = dbm.connect(path, KEY, create=True)
    migrations.migrations.apply(old, stop_before="m005_sync")
    assert not SYNC_TABLES & _tables(old)
    old.execute("INSERT INTO meta(key, value) VALUES ('kept', 'yes')")
    old.conn.commit()
    old.conn.close()
    opened, _ = dbm.open_database(path, [KEY])
    assert opened.migrated[:4] == ["m005_sync", "m006_station_namespaces",
                                   "m007_no_signature", "m008_income_unknown"]
    assert opened.copy_aside is not None
    assert _tables(opened.db) >= SYNC_TABLES
    assert dbm.meta(opened.db, "kept") == "yes"
    with dbm.immediate(opened.db):
        schema.install(opened.db)  # the client's install stays harmless after the migration
    dbm.close(opened.db, path)


def test_a_database_synced_before_m005_migrates(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    old = dbm.connect(path, KEY, create=True)
    migrations.migrations.apply(old, stop_before="m005_sync")
    with dbm.immediate(old):  # an older client made match_records and alerts itself
        old.execute("CREATE TABLE match_records (family_id TEXT PRIMARY KEY, station_code TEXT "
                    "NOT NULL, id_hash TEXT NOT NULL, masked_id TEXT NOT NULL, name TEXT NOT "
                    "NULL, name_pinyin TEXT NOT NULL, name_initials TEXT NOT NULL, aid TEXT NOT "
                    "NULL, hlc TEXT NOT NULL, server_seq INTEGER NOT NULL)")
        old.execute("INSERT INTO match_records VALUES ('f', 'S', '', '', '张三', '', '', '{}', "
                    "'h', 1)")
    old.conn.close()
    opened, _ = dbm.open_database(path, [KEY])
    assert "m005_sync" in opened.migrated and _tables(opened.db) >= SYNC_TABLES
    assert opened.db.execute("SELECT name FROM match_records").fetchall() == [("张三",)]
    dbm.close(opened.db, path)
