"""The station's SQLCipher file: opening it with a key, transactions, migrations, health checks.

One `Store` per thread. Every use case runs inside `store.write()`, a `BEGIN IMMEDIATE`
transaction: the write lock is taken at the start, so two processes writing at once queue up
(busy timeout) instead of failing half-way, and counters allocated inside stay gap-free.
Commits are durable: WAL with `synchronous=FULL` fsyncs the log on every commit.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from helpdesk.errors import KnownError
from helpdesk.store import migrations

BUSY_TIMEOUT_MS = 10_000


class StoreError(KnownError):
    """The database cannot be used; says why and what to do, in both languages."""


class WrongKey(StoreError):
    def __init__(self) -> None:
        super().__init__("wrong_key", "无法解密站点数据库：密钥不对或文件已损坏",
                         "Cannot decrypt the station database: wrong key or damaged file")


class Damaged(StoreError):
    def __init__(self, detail: str) -> None:
        super().__init__("damaged", f"站点数据库已损坏（{detail}），请从备份恢复",
                         f"The station database is damaged ({detail}): restore a backup")


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("a SQLCipher raw key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def connect(path: Path, key: bytes) -> Database:
    """Open (or create) the encrypted file with a raw 32-byte key; raises WrongKey."""
    conn = sqlcipher3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                              isolation_level=None, check_same_thread=True)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error to report
    conn.execute(f"PRAGMA key = {_key_pragma(key)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise WrongKey() from None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return Database(conn)


@contextlib.contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock at once; rolls back on any exception."""
    if db.conn.in_transaction:
        with db.atomic():  # a nested use case becomes a savepoint of the outer one
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    else:
        try:
            db.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise


def meta(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(db: Database, key: str, value: str) -> None:
    db.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])


def next_counter(db: Database, name: str) -> int:
    """The next value of a gap-free counter; call inside the transaction that uses it."""
    row = db.execute("UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value",
                     [name]).fetchone()
    if row is not None:
        return int(row[0])
    db.execute("INSERT INTO counters(name, value) VALUES (?, 1)", [name])
    return 1


def schema_version(db: Database) -> list[str]:
    """The names of the applied migrations, oldest first (shown in About)."""
    return [m.name for m in migrations.migrations.applied(db)]


@dataclass
class Opened:
    db: Database
    migrated: list[str]
    checked: bool
    copy_aside: Path | None


def open_database(path: Path, keys: list[bytes]) -> tuple[Opened, bytes]:
    """Open the station file with the first key that works, check it, migrate it.

    After an unclean exit (the `.open` marker beside the file is still there) runs
    `PRAGMA quick_check`. Before applying pending migrations copies the file aside
    (`station.db.before-<migration>`), so a failed upgrade never loses the data.
    Returns the opened database and the key that opened it.
    """
    last: StoreError = WrongKey()
    for key in keys:
        try:
            db = connect(path, key)
        except WrongKey as err:
            last = err
            continue
        break
    else:
        raise last
    marker = path.with_suffix(path.suffix + ".open")
    checked = False
    if marker.exists():
        try:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
        except sqlcipher3.DatabaseError as err:
            result = str(err)
        checked = True
        if result != "ok":
            db.conn.close()
            raise Damaged(str(result))
    marker.write_text(datetime.now(UTC).isoformat())
    pending = migrations.pending(db)
    aside = None
    if pending and db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]:
        aside = copy_aside(db, path, pending[0], key)
    migrations.apply(db)
    return Opened(db, pending, checked, aside), key


def copy_aside(db: Database, path: Path, label: str, key: bytes) -> Path:
    """A consistent encrypted copy of the live file, named after the migration about to run."""
    target = path.with_name(f"{path.name}.before-{label}")
    backup_to(db, target, key)
    return target


def backup_to(db: Database, target: Path, key: bytes) -> None:
    """Copy the whole database to `target` with SQLite's backup API, encrypted with `key`."""
    target.unlink(missing_ok=True)
    copy = sqlcipher3.connect(str(target), isolation_level=None)
    try:
        copy.execute(f"PRAGMA key = {_key_pragma(key)}")
        db.conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


def close(db: Database, path: Path) -> None:
    """Checkpoint, close and remove the unclean-exit marker."""
    with contextlib.suppress(sqlite3.Error, sqlcipher3.Error):
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    path.with_suffix(path.suffix + ".open").unlink(missing_ok=True)
