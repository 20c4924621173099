"""The station database's schema, as sqlite-utils Migrations applied in order at every open.

A migration is never edited once released; a new one is added below it. `store.db.open_store`
copies the file aside before applying any pending migration.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("helpdesk")

SCHEMA_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE TABLE station (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region TEXT NOT NULL,
    code TEXT NOT NULL,
    code_provisional INTEGER NOT NULL DEFAULT 1,
    union_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    cash_threshold_fen INTEGER NOT NULL,
    enrolled INTEGER NOT NULL DEFAULT 0,
    tz TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    hlc TEXT NOT NULL
);
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    epoch INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE volunteers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('head', 'volunteer')),
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    hlc TEXT NOT NULL
);
CREATE UNIQUE INDEX volunteers_active_name ON volunteers(name) WHERE active = 1;
CREATE TABLE programmes (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cash', 'goods', 'service')),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    limit_per_family INTEGER NOT NULL DEFAULT 1,
    budget_fen INTEGER,
    local INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    hlc TEXT NOT NULL
);
CREATE TABLE families (
    id TEXT PRIMARY KEY,
    head_name TEXT NOT NULL,
    id_kind TEXT NOT NULL,
    id_number TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL,
    hukou TEXT NOT NULL,
    employment TEXT NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    income_fen INTEGER NOT NULL DEFAULT 0,
    insurance TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'active',
    consent_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    birth_date TEXT,
    name_pinyin TEXT NOT NULL DEFAULT '',
    name_initials TEXT NOT NULL DEFAULT '',
    merged_into TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_change_id TEXT NOT NULL,
    hlc TEXT NOT NULL
);
CREATE UNIQUE INDEX families_id_number ON families(id_number)
    WHERE id_number != '' AND merged_into IS NULL;
CREATE TABLE members (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families(id),
    name TEXT NOT NULL,
    relation TEXT NOT NULL,
    birth_date TEXT,
    id_number TEXT NOT NULL DEFAULT '',
    health TEXT NOT NULL DEFAULT '',
    school_or_work TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_change_id TEXT NOT NULL,
    hlc TEXT NOT NULL
);
CREATE INDEX members_family ON members(family_id);
CREATE TABLE signatures (
    hash TEXT PRIMARY KEY,
    png BLOB NOT NULL
);
CREATE TABLE aid (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families(id),
    programme_id TEXT NOT NULL REFERENCES programmes(id),
    given_at TEXT NOT NULL,
    local_date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cash', 'goods', 'service')),
    amount_fen INTEGER NOT NULL,
    goods TEXT NOT NULL DEFAULT '[]',
    service_note TEXT NOT NULL DEFAULT '',
    recipient_name TEXT NOT NULL,
    recipient_relation TEXT NOT NULL DEFAULT '',
    signature_hash TEXT REFERENCES signatures(hash),
    volunteer_id TEXT NOT NULL,
    second_volunteer_id TEXT,
    override_reason TEXT NOT NULL DEFAULT '',
    override_by TEXT,
    receipt_no TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL,
    voided_at TEXT,
    void_reason TEXT NOT NULL DEFAULT '',
    voided_by TEXT,
    hlc TEXT NOT NULL
);
CREATE INDEX aid_family ON aid(family_id, given_at);
CREATE INDEX aid_programme_date ON aid(programme_id, local_date);
CREATE INDEX aid_local_date ON aid(local_date);
CREATE TABLE changes (
    device_seq INTEGER NOT NULL,
    change_id TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('put', 'void', 'merge')),
    fields TEXT NOT NULL,
    state TEXT NOT NULL,
    base_change_id TEXT,
    hlc TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sync_status TEXT NOT NULL DEFAULT 'pending',
    sync_detail TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (device_id, device_seq)
);
CREATE INDEX changes_pending ON changes(sync_status, device_id, device_seq);
CREATE INDEX changes_entity ON changes(entity, entity_id);
CREATE TABLE audit (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    volunteer_id TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT '',
    screen TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}',
    device_id TEXT NOT NULL,
    hlc TEXT NOT NULL
);
CREATE INDEX audit_at ON audit(at);
"""


@migrations()
def m001_initial(db: Database) -> None:
    for statement in _statements(SCHEMA_V1):
        db.execute(statement)


@migrations()
def m002_search(db: Database) -> None:
    # Imported here so that the search index's DDL lives beside the queries that use it.
    from helpdesk.store import search

    search.install(db)
    search.rebuild(db)  # index the families a file of the first schema already has


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def pending(db: Database) -> list[str]:
    return [m.name for m in migrations.pending(db)]


def apply(db: Database) -> None:
    """Apply every pending migration, each in its own transaction."""
    migrations.apply(db)


SCHEMA_RECEIPTS = """
CREATE TABLE device_keys (
    key_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    station_id TEXT NOT NULL,
    public_key BLOB NOT NULL,
    private_key BLOB,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX device_keys_device ON device_keys(device_id);
CREATE TABLE receipt_prints (
    aid_id TEXT NOT NULL,
    copy_no INTEGER NOT NULL,
    printed_at TEXT NOT NULL,
    volunteer_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    format TEXT NOT NULL,
    via TEXT NOT NULL,
    PRIMARY KEY (aid_id, copy_no)
);
"""


@migrations()
def m003_receipts(db: Database) -> None:
    # device_keys: Ed25519 keys that sign receipt QR codes; the private key only for this
    # database's own devices (it never leaves the encrypted file). receipt_prints: every
    # time a receipt was printed or saved; copy 0 is the original, later ones are reprints.
    for statement in _statements(SCHEMA_RECEIPTS):
        db.execute(statement)


@migrations()
def m004_waiting_changes(db: Database) -> None:
    # The always-visible "N waiting" count: only pending rows are in this index, so counting
    # them stays cheap when hundreds of thousands of changes have long been acknowledged.
    db.execute("CREATE INDEX changes_waiting ON changes(device_id, device_seq) "
               "WHERE sync_status = 'pending'")


# Sync tables. match_records and alerts are the same SQL as `helpdesk.sync.schema` (which now
# runs this script), kept here because the store may not import sync; IF NOT EXISTS because a
# database synced before m005 already has them. field_versions holds every write of every
# mergeable field (DESIGN.md point 5): the greatest (HLC, device, change) is the field's
# value, and a value the winner never saw is flagged in conflicts for a person to review.
SCHEMA_SYNC = """
CREATE TABLE IF NOT EXISTS match_records (
    family_id TEXT NOT NULL,
    station_code TEXT NOT NULL,
    id_hash TEXT NOT NULL,
    masked_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_pinyin TEXT NOT NULL,
    name_initials TEXT NOT NULL,
    aid TEXT NOT NULL,
    hlc TEXT NOT NULL,
    server_seq INTEGER NOT NULL,
    PRIMARY KEY (station_code, family_id)
);
CREATE INDEX IF NOT EXISTS match_records_id_hash ON match_records(id_hash) WHERE id_hash != '';
CREATE INDEX IF NOT EXISTS match_records_name ON match_records(name);
CREATE INDEX IF NOT EXISTS match_records_initials ON match_records(name_initials);
CREATE TABLE IF NOT EXISTS alerts (
    aid_id TEXT NOT NULL,
    programme_id TEXT NOT NULL,
    masked_id TEXT NOT NULL,
    station_code TEXT NOT NULL,
    family_id TEXT NOT NULL,
    others TEXT NOT NULL,
    created_at TEXT NOT NULL,
    server_seq INTEGER NOT NULL,
    reviewed_at TEXT,
    PRIMARY KEY (station_code, aid_id)
);
CREATE TABLE IF NOT EXISTS field_versions (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    change_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    base_change_id TEXT,
    author TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field, change_id)
);
CREATE INDEX IF NOT EXISTS field_versions_change ON field_versions(change_id);
CREATE TABLE IF NOT EXISTS conflicts (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    family_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kept_value TEXT NOT NULL,
    kept_change_id TEXT NOT NULL,
    kept_by TEXT NOT NULL,
    kept_hlc TEXT NOT NULL,
    losing_value TEXT NOT NULL,
    losing_change_id TEXT NOT NULL,
    lost_by TEXT NOT NULL,
    losing_hlc TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT NOT NULL DEFAULT '',
    resolved_by TEXT,
    UNIQUE (entity, entity_id, field, losing_change_id)
);
CREATE INDEX IF NOT EXISTS conflicts_open ON conflicts(resolved_at, id);
CREATE INDEX IF NOT EXISTS families_merged_into ON families(merged_into)
    WHERE merged_into IS NOT NULL;
CREATE INDEX IF NOT EXISTS changes_stuck ON changes(sync_status)
    WHERE sync_status IN ('rejected', 'quarantined')
"""


def install_sync(db: Database) -> None:
    """Create the sync tables when missing (idempotent); `helpdesk.sync.schema` calls this."""
    for statement in _statements(SCHEMA_SYNC):
        db.execute(statement)


@migrations()
def m005_sync(db: Database) -> None:
    install_sync(db)


@migrations()
def m006_station_namespaces(db: Database) -> None:
    # Ids are per station (the server keys rows by station and id, so a station that copies
    # another's family or aid id makes a row of its own): other stations' match records and
    # the alerts are keyed by (station, id) here too, or one would replace the other.
    for table in ("match_records", "alerts"):
        db.execute(f"ALTER TABLE {table} RENAME TO {table}_m005")
    for name in ("match_records_id_hash", "match_records_name", "match_records_initials"):
        db.execute(f"DROP INDEX IF EXISTS {name}")
    install_sync(db)
    for table in ("match_records", "alerts"):
        db.execute(f"INSERT INTO {table} SELECT * FROM {table}_m005")
        db.execute(f"DROP TABLE {table}_m005")


@migrations()
def m007_no_signature(db: Database) -> None:
    # An aid the recipient could not sign: the reason and the station head who recorded it.
    db.execute("ALTER TABLE aid ADD COLUMN no_signature_reason TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE aid ADD COLUMN no_signature_by TEXT")


@migrations()
def m008_income_unknown(db: Database) -> None:
    # A family's monthly income may be unknown (NULL), not 0: a blank on the form stays blank.
    # SQLite cannot drop a NOT NULL by ALTER TABLE; rebuilding `families` would break the
    # members' and aid's references and the search triggers, so the column's declaration is
    # edited in place, SQLite's documented way for removing a NOT NULL constraint (the rows
    # on disk do not change). Rows stored before keep their 0.
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    old = "income_fen INTEGER NOT NULL DEFAULT 0,"
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("UPDATE sqlite_schema SET sql = replace(sql, ?, 'income_fen INTEGER,') "
                   "WHERE type = 'table' AND name = 'families' AND instr(sql, ?) > 0",
                   [old, old])
        db.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")


# Later steps live in their own modules, registered here in order after the ones above.
from helpdesk.store import migrations_paperwork  # noqa: E402

for _step in migrations_paperwork.STEPS:
    migrations()(_step)
