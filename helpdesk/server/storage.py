"""The server's database: SQLAlchemy Core tables, the engine, transactions, migrations (the
pieces of SQL statements are built from are in `server.sql`).

A SQLite file by default (one command, no set-up), PostgreSQL (psycopg 3) in production; the
same statements run on both. The schema is created and upgraded by the Alembic migrations in
`helpdesk/server/migrations`, run at every start; the tables below describe it for queries and
must follow those migrations.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).parent / "migrations"

metadata = sa.MetaData()

stations = sa.Table(
    "stations", metadata,
    sa.Column("code", sa.String(32), primary_key=True),  # readable, assigned by the server
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("region", sa.String(6), nullable=False),
    sa.Column("station_id", sa.String(64), unique=True),  # the station's UUID, bound at enroll
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("enrolled_at", sa.String(32)),
    sa.Column("revoked_at", sa.String(32)),
)

enrollment_codes = sa.Table(
    "enrollment_codes", metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("station_code", sa.String(32), sa.ForeignKey("stations.code"), nullable=False),
    sa.Column("expires_at", sa.String(32), nullable=False),
    sa.Column("used_at", sa.String(32)),
)

devices = sa.Table(
    "devices", metadata,
    sa.Column("device_id", sa.String(64), primary_key=True),
    sa.Column("station_code", sa.String(32), sa.ForeignKey("stations.code"), nullable=False),
    sa.Column("epoch", sa.Integer, nullable=False),
    sa.Column("public_key", sa.String(64), nullable=False, server_default=""),
    sa.Column("token_hash", sa.String(64), unique=True),  # NULL: known by a push only
    sa.Column("watermark", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("revoked_at", sa.String(32)),
    sa.Column("key_seq", sa.BigInteger),  # region order of its key's last news; NULL: no key
)

changes = sa.Table(
    "changes", metadata,
    sa.Column("change_id", sa.String(64), primary_key=True),
    sa.Column("region", sa.String(6), nullable=False),
    sa.Column("station_code", sa.String(32), nullable=False),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("epoch", sa.Integer, nullable=False),
    sa.Column("device_seq", sa.BigInteger, nullable=False),
    sa.Column("entity", sa.String(16), nullable=False),
    sa.Column("entity_id", sa.String(64), nullable=False),
    sa.Column("op", sa.String(8), nullable=False),
    sa.Column("hlc", sa.String(21), nullable=False),  # as sent
    sa.Column("server_hlc", sa.String(21), nullable=False),  # clamped when too far ahead
    sa.Column("body", sa.Text, nullable=False),  # canonical JSON of the whole change
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),  # accepted | rejected
    sa.Column("reason", sa.String(64), nullable=False, server_default=""),
    sa.Column("server_seq", sa.BigInteger),  # per region; NULL for rejected changes
    sa.Column("received_at", sa.String(32), nullable=False),
    sa.UniqueConstraint("device_id", "device_seq", name="changes_device_seq"),
    sa.Index("changes_region_seq", "region", "server_seq", unique=True),
    sa.Index("changes_station_seq", "region", "station_code", "server_seq"),  # pulls
    sa.Index("changes_merges", "entity_id", postgresql_where=sa.text("op = 'merge'"),
             sqlite_where=sa.text("op = 'merge'")),  # merge._merged_among
    # A row is its station's (rules.py): ownership checks, a family's edits, a receipt's aid.
    sa.Index("changes_owned", "station_code", "entity_id"),
)

quarantine = sa.Table(
    "quarantine", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("change_id", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("station_code", sa.String(32), nullable=False),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("device_seq", sa.BigInteger, nullable=False),
    sa.Column("reason", sa.String(64), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("received_at", sa.String(32), nullable=False),
    sa.UniqueConstraint("change_id", "hash", name="quarantine_change_hash"),
)

region_counters = sa.Table(
    "region_counters", metadata,
    sa.Column("region", sa.String(6), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

aid = sa.Table(  # projection of the aid changes, for reports and match records
    "aid", metadata,
    sa.Column("station_code", sa.String(32), primary_key=True),  # ids are per station
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("family_id", sa.String(64), nullable=False),
    sa.Column("programme_id", sa.String(64), nullable=False),
    sa.Column("local_date", sa.String(10), nullable=False),
    sa.Column("amount_fen", sa.BigInteger, nullable=False),
    sa.Column("voided", sa.Boolean, nullable=False),
    # What the 台账 prints, and the family's class when the aid arrived (`summaries`).
    sa.Column("region", sa.String(6), nullable=False, server_default=""),  # the station's
    sa.Column("given_at", sa.String(32), nullable=False, server_default=""),
    sa.Column("kind", sa.String(8), nullable=False, server_default=""),
    sa.Column("receipt_no", sa.String(40), nullable=False, server_default=""),
    sa.Column("recipient_name", sa.String(120), nullable=False, server_default=""),
    sa.Column("volunteer_id", sa.String(64), nullable=False, server_default=""),
    sa.Column("employment", sa.String(16), nullable=False, server_default=""),
    sa.Column("reason", sa.String(16), nullable=False, server_default=""),
    sa.Index("aid_family", "station_code", "family_id"),
    sa.Index("aid_ledger", "local_date", "station_code", "id"),  # `ledger` keyset pages
)

aid_summary = sa.Table(  # non-void aid counted at ingest, for the office's overview
    "aid_summary", metadata,
    sa.Column("station_code", sa.String(32), primary_key=True),
    sa.Column("programme_id", sa.String(64), primary_key=True),
    sa.Column("month", sa.String(7), primary_key=True),
    sa.Column("kind", sa.String(8), primary_key=True),
    sa.Column("reason", sa.String(16), primary_key=True),
    sa.Column("employment", sa.String(16), primary_key=True),
    sa.Column("region", sa.String(6), nullable=False),
    sa.Column("aid_count", sa.BigInteger, nullable=False),
    sa.Column("total_fen", sa.BigInteger, nullable=False),
    sa.Index("aid_summary_region", "region"),
)

aid_monthly = sa.Table(  # the same, rolled up per (region, programme, month)
    "aid_monthly", metadata,
    sa.Column("region", sa.String(6), primary_key=True),
    sa.Column("programme_id", sa.String(64), primary_key=True),
    sa.Column("month", sa.String(7), primary_key=True),
    sa.Column("aid_count", sa.BigInteger, nullable=False),
    sa.Column("total_fen", sa.BigInteger, nullable=False),
)

aid_classes = sa.Table(  # the same, rolled up per (region, employment, reason)
    "aid_classes", metadata,
    sa.Column("region", sa.String(6), primary_key=True),
    sa.Column("employment", sa.String(16), primary_key=True),
    sa.Column("reason", sa.String(16), primary_key=True),
    sa.Column("aid_count", sa.BigInteger, nullable=False),
    sa.Column("total_fen", sa.BigInteger, nullable=False),
)

station_sync = sa.Table(  # each station's pushes as ingest saw them, for the stations page
    "station_sync", metadata,
    sa.Column("station_code", sa.String(32), primary_key=True),
    sa.Column("last_push_at", sa.String(32), nullable=False),
    sa.Column("pushes", sa.BigInteger, nullable=False),
    sa.Column("received", sa.BigInteger, nullable=False),
    sa.Column("quarantined", sa.BigInteger, nullable=False),
    sa.Column("rejected", sa.BigInteger, nullable=False),
    sa.Column("clock_skew_ms", sa.BigInteger),  # station clock minus server's; NULL: unknown
    sa.Column("app_version", sa.String(40), nullable=False, server_default=""),
)

decisions = sa.Table(  # the office's decision on a duplicate-aid alert; pulled by stations
    "decisions", metadata,
    sa.Column("station_code", sa.String(32), primary_key=True),  # the alert's key
    sa.Column("aid_id", sa.String(64), primary_key=True),
    sa.Column("region", sa.String(6), nullable=False),
    sa.Column("decision", sa.String(12), nullable=False),  # allowed | ask_void
    sa.Column("reason", sa.String(400), nullable=False),
    sa.Column("decided_by", sa.String(64), nullable=False),
    sa.Column("decided_at", sa.String(32), nullable=False),
    sa.Column("server_seq", sa.BigInteger, nullable=False),
    sa.Index("decisions_region_seq", "region", "server_seq", unique=True),
)

programmes = sa.Table(  # projection of the programme changes, for reports
    "programmes", metadata,
    sa.Column("station_code", sa.String(32), primary_key=True),  # "" for the office's
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("region", sa.String(6), nullable=False),
    sa.Column("code", sa.String(32), nullable=False),
    sa.Column("name_zh", sa.String(120), nullable=False),
    sa.Column("hlc", sa.String(21), nullable=False),
    sa.Column("kind", sa.String(8), nullable=False, server_default=""),
    sa.Column("starts_on", sa.String(10), nullable=False, server_default=""),
    sa.Column("ends_on", sa.String(10), nullable=False, server_default=""),
    sa.Index("programmes_id", "id"),
)

match_records = sa.Table(  # the latest match record of each family, in region order
    "match_records", metadata,
    sa.Column("station_code", sa.String(32), primary_key=True),  # ids are per station
    sa.Column("family_id", sa.String(64), primary_key=True),
    sa.Column("region", sa.String(6), nullable=False),
    sa.Column("id_hash", sa.String(64), nullable=False),
    sa.Column("masked_id", sa.String(40), nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("name_pinyin", sa.String(200), nullable=False),
    sa.Column("name_initials", sa.String(60), nullable=False),
    sa.Column("aid", sa.Text, nullable=False),  # JSON: programme id → count
    sa.Column("hlc", sa.String(21), nullable=False),
    sa.Column("server_seq", sa.BigInteger, nullable=False),
    # The record as a pull hands it out, less "kind" and "server_seq" (`matches.item`):
    # written once, read by every other station of the region.
    sa.Column("item", sa.Text, nullable=False, server_default=""),
    sa.Column("employment", sa.String(16), nullable=False, server_default=""),
    sa.Column("reason", sa.String(16), nullable=False, server_default=""),  # the first one
    sa.Index("match_records_region_seq", "region", "server_seq", unique=True),
    sa.Index("match_records_id_hash", "id_hash"),
    # The families with aid, by region: `summaries.families_reached` counts them.
    sa.Index("match_records_reached", "region", postgresql_where=sa.text("aid <> '{}'"),
             sqlite_where=sa.text("aid <> '{}'")),
)

alerts = sa.Table(  # the same family given the same programme at two stations
    "alerts", metadata,
    sa.Column("station_code", sa.String(32), primary_key=True),  # of the aid that raised it
    sa.Column("aid_id", sa.String(64), primary_key=True),
    sa.Column("region", sa.String(6), nullable=False),
    sa.Column("programme_id", sa.String(64), nullable=False),
    sa.Column("id_hash", sa.String(64), nullable=False),
    sa.Column("masked_id", sa.String(40), nullable=False),
    sa.Column("family_id", sa.String(64), nullable=False),
    sa.Column("others", sa.Text, nullable=False),  # JSON: [{station_code, family_id}]
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("server_seq", sa.BigInteger, nullable=False),
    sa.Index("alerts_region_seq", "region", "server_seq", unique=True),
    sa.Index("alerts_queue", "region", "created_at"),  # `review_queue`
)

day_closes = sa.Table(  # the stations' closes of their cash days (`server.closes`)
    "day_closes", metadata,
    sa.Column("station_code", sa.String(32), primary_key=True),  # ids are per station
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("region", sa.String(6), nullable=False),
    sa.Column("day", sa.String(10), nullable=False),
    sa.Column("float_fen", sa.BigInteger, nullable=False),
    sa.Column("cash_out_fen", sa.BigInteger, nullable=False),
    sa.Column("aid_count", sa.BigInteger, nullable=False),
    sa.Column("expected_fen", sa.BigInteger, nullable=False),
    sa.Column("counted_fen", sa.BigInteger, nullable=False),
    sa.Column("difference_fen", sa.BigInteger, nullable=False),
    sa.Column("reason", sa.String(200), nullable=False),
    sa.Column("closed_by", sa.String(64), nullable=False),
    sa.Column("witness_id", sa.String(64), nullable=False),
    sa.Column("closed_at", sa.String(32), nullable=False),
    sa.Column("reopened_at", sa.String(32)),
    sa.Column("hlc", sa.String(21), nullable=False),
    sa.Index("day_closes_day", "region", "day"),
)

region_keys = sa.Table(  # the key of match_hash, one per region
    "region_keys", metadata,
    sa.Column("region", sa.String(6), primary_key=True),
    sa.Column("match_key", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)

server_keys = sa.Table(
    "server_keys", metadata,
    sa.Column("name", sa.String(16), primary_key=True),
    sa.Column("private_key", sa.String(64), nullable=False),  # raw Ed25519 seed, base64
    sa.Column("public_key", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)


# The office console's users, their sessions and the log of what they did (migration
# 0005_office_users); their functions are in `helpdesk.server.office.users` and `.audit`.
office_users = sa.Table(
    "office_users", metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),  # admin | reviewer | viewer
    sa.Column("region", sa.String(6), nullable=False),  # prefix: "42", "4201", "420111"
    sa.Column("password_hash", sa.String(200), nullable=False),  # argon2id
    sa.Column("totp_secret", sa.String(64)),  # base32; NULL: no second factor
    sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", sa.String(32)),
    sa.Column("created_at", sa.String(32), nullable=False),
)

office_sessions = sa.Table(
    "office_sessions", metadata,
    sa.Column("id_hash", sa.String(64), primary_key=True),  # sha256 of the cookie's value
    sa.Column("user_name", sa.String(64), sa.ForeignKey("office_users.name"), nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("last_seen", sa.String(32), nullable=False),
    sa.Index("office_sessions_user", "user_name"),
)

office_audit = sa.Table(
    "office_audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("user_name", sa.String(64), nullable=False),  # "" before sign-in
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("object", sa.String(120), nullable=False, server_default=""),
    sa.Column("details", sa.Text, nullable=False, server_default=""),
)

def make_engine(url: str, connections: int = 4) -> Engine:
    """An engine for `sqlite:///file` or `postgresql+psycopg://…`.

    SQLite gets WAL, full fsync, a busy timeout, and BEGIN IMMEDIATE for write transactions
    (see `write`), so concurrent writers queue for the lock instead of failing half-way.
    PostgreSQL gets a pool of `connections` (the server's threads, `Settings.threads`) and as
    many again for bursts outside them; a request waits for a free one rather than failing.
    """
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    # Plain executemany: psycopg pipelines it; SQLAlchemy's multi-row VALUES would make the
    # driver parse a statement with thousands of placeholders for every batch.
    return sa.create_engine(url, pool_size=connections, max_overflow=connections,
                            pool_timeout=120, pool_pre_ping=True, use_insertmanyvalues=False)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (SQLAlchemy's pysqlite recipe)
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("helpdesk_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextlib.contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed on success, rolled back on any exception."""
    with engine.connect() as conn:
        conn.execution_options(helpdesk_write=True)
        with conn.begin():
            yield conn


@contextlib.contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """One read-only transaction that sees one snapshot for all its statements: REPEATABLE
    READ on PostgreSQL (its default READ COMMITTED takes a new snapshot per statement), a
    deferred transaction in WAL mode on SQLite."""
    with engine.connect() as conn, conn.begin():
        if is_postgres(engine):
            # As the first statement of the transaction, not as a connection option: that one
            # costs a SET on checkout and another on return, for every token lookup and pull.
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield conn


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration; safe to run at every start."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with write(engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
