"""m008_income_unknown: a family's income may be NULL (not known); the rows stored keep theirs."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3
from sqlite_utils import Database

from helpdesk.store import db as dbm
from helpdesk.store import migrations

KEY = bytes(range(32))
FAMILY = ("INSERT INTO families(id, head_name, id_kind, region, hukou, employment, income_fen, "
          "created_at, updated_at, last_change_id, hlc) VALUES (?, ?, 'none', '110101', 'urban', "
          "'employee', ?, 't', 't', 'c', 'h')")


def _at_m006(path: Path) -> Database:
    old = dbm.connect(path, KEY, create=True)
    migrations.migrations.apply(old, stop_before="m008_income_unknown")
    return old


def test_before_m007_an_unknown_income_is_refused(tmp_path: Path) -> None:
    old = _at_m006(tmp_path / "station.db")
    with pytest.raises(sqlcipher3.IntegrityError):
        old.execute(FAMILY, ["f1", "张三", None])
    old.conn.close()


def test_m007_allows_an_unknown_income_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    old = _at_m006(path)
    old.execute(FAMILY, ["f1", "张三", 120_000])
    old.conn.commit()
    old.conn.close()
    opened, _ = dbm.open_database(path, [KEY])
    db = opened.db
    assert opened.migrated[:1] == ["m008_income_unknown"]  # and any added after it
    with dbm.immediate(db):
        db.execute(FAMILY, ["f2", "李四", None])
    rows = db.execute("SELECT id, income_fen FROM families ORDER BY id").fetchall()
    assert rows == [("f1", 120_000), ("f2", None)]
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # The search index's triggers still follow the table: the new family is found by name.
    found = db.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    assert found == 2
    dbm.close(db, path)
