"""Station-side tables of sync: other stations' match records (DESIGN.md point 4) and the
region's duplicate-aid alerts, which a station head reviews.

`install` is idempotent (IF NOT EXISTS) and is also run by the client before it applies a
pull, so a station database made before this table existed works at once; registering it as
a station migration makes the schema visible in About like the rest.
"""

from __future__ import annotations

from sqlite_utils import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS match_records (
    family_id TEXT PRIMARY KEY,
    station_code TEXT NOT NULL,
    id_hash TEXT NOT NULL,
    masked_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_pinyin TEXT NOT NULL,
    name_initials TEXT NOT NULL,
    aid TEXT NOT NULL,
    hlc TEXT NOT NULL,
    server_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS match_records_id_hash ON match_records(id_hash) WHERE id_hash != '';
CREATE INDEX IF NOT EXISTS match_records_name ON match_records(name);
CREATE INDEX IF NOT EXISTS match_records_initials ON match_records(name_initials);
CREATE TABLE IF NOT EXISTS alerts (
    aid_id TEXT PRIMARY KEY,
    programme_id TEXT NOT NULL,
    masked_id TEXT NOT NULL,
    station_code TEXT NOT NULL,
    family_id TEXT NOT NULL,
    others TEXT NOT NULL,
    created_at TEXT NOT NULL,
    server_seq INTEGER NOT NULL,
    reviewed_at TEXT
)
"""


def install(db: Database) -> None:
    """Create the sync tables when missing; call inside a write transaction."""
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
