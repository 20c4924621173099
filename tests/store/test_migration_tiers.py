"""m012_hardship_tiers: a family's tier and yearly essential spending, NULL when not known."""

from __future__ import annotations

from pathlib import Path

from helpdesk.store import db as dbm
from helpdesk.store import migrations

KEY = bytes(range(32))


def test_families_stored_before_keep_no_tier(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    old = dbm.connect(path, KEY, create=True)
    migrations.migrations.apply(old, stop_before="m012_hardship_tiers")
    old.execute("INSERT INTO families(id, head_name, id_kind, region, hukou, employment, "
                "created_at, updated_at, last_change_id, hlc) VALUES ('f1', '张三', 'none', "
                "'110101', 'urban', 'employee', 't', 't', 'c', 'h')")
    old.conn.commit()
    old.conn.close()
    opened, _ = dbm.open_database(path, [KEY])
    assert "m012_hardship_tiers" in opened.migrated
    row = opened.db.execute("SELECT tier, essential_spending_fen FROM families").fetchone()
    assert tuple(row) == (None, None)
    dbm.close(opened.db, path)
