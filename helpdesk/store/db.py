"""The station's SQLCipher file: opening it with a key, transactions, migrations, health checks.

One `Store` per thread. Every use case runs inside `store.write()`, a `BEGIN IMMEDIATE`
transaction: the write lock is taken at the start, so two processes writing at once queue up
(busy timeout) instead of failing half-way, and counters allocated inside stay gap-free.
Commits are durable: WAL with `synchronous=FULL` fsyncs the log on every commit.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
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
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 10, 11, 13, 26  # primary codes
NEARLY_FULL = 1024 * 1024  # bytes free under which an I/O error means a full disk


class StoreError(KnownError):
    """The database cannot be used; says why and what to do, in both languages."""


class WrongKey(StoreError):
    def __init__(self) -> None:
        super().__init__("wrong_key", "无法解密站点数据库：密钥不对或文件已损坏",
                         "Cannot decrypt the station database: wrong key or damaged file")


class Damaged(StoreError):
    """The file is there but unreadable (a bad page, cut off, emptied): nothing is written
    into it; the message names the newest backup and the command that restores it."""

    def __init__(self, path: Path, zh_detail: str, en_detail: str) -> None:
        newest = newest_backup(path)
        if newest is None:
            zh_how = f"在 {path.parent / 'backups'} 中没有备份：请找回该文件的副本"
            en_how = f"there is no backup in {path.parent / 'backups'}: find a copy of the file"
        else:
            zh_how = f"请恢复最新的备份：helpdesk restore {newest}"
            en_how = f"restore the newest backup: helpdesk restore {newest}"
        super().__init__("damaged",
                         f"站点数据库 {path} 已损坏（{zh_detail}），未对其做任何改动。{zh_how}",
                         f"The station database {path} is damaged ({en_detail}); nothing was "
                         f"written into it. To go on, {en_how}")


class DiskFull(StoreError):
    def __init__(self) -> None:
        super().__init__("disk_full", "磁盘已满：请腾出一些空间。没有丢失任何数据。",
                         "The disk is full: free some space; nothing was lost.")


class Missing(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__("no_database", f"找不到站点数据库 {path}",
                         f"No station database at {path}")


def newest_backup(database: Path) -> Path | None:
    """The newest backup folder (`backups/<UTC time>/`) beside the station file, if any."""
    folder = database.parent / "backups"
    if not folder.is_dir():
        return None
    found = sorted(p for p in folder.iterdir() if (p / database.name).is_file())
    return found[-1] if found else None


def translated(err: BaseException, path: Path) -> StoreError | None:
    """What an SQLite or OS error means to the user (disk full, damaged file), else None."""
    if isinstance(err, StoreError):
        return err
    if isinstance(err, OSError) and err.errno == errno.ENOSPC:
        return DiskFull()
    if isinstance(err, sqlcipher3.DatabaseError):
        code = (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF
        if code == SQLITE_FULL or (code == SQLITE_IOERR and _nearly_full(path)):
            return DiskFull()  # a full disk when opening (the shared-memory file) is an I/O error
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return Damaged(path, str(err), str(err))
    return None


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL
    except OSError:
        return False


@contextlib.contextmanager
def told(path: Path) -> Iterator[None]:
    """Raise what `translated` makes of an error inside, chained to the original."""
    try:
        yield
    except (OSError, sqlcipher3.DatabaseError) as err:
        known = translated(err, path)
        if known is None:
            raise
        raise known from err


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("a SQLCipher raw key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def connect(path: Path, key: bytes, *, create: bool = False) -> Database:
    """Open the encrypted file with a raw 32-byte key (`create`: a new file, else an existing one).

    An existing file is opened read-write but never created, and an empty one (0 bytes, no
    log beside it) is refused untouched. Raises WrongKey, Damaged, DiskFull, Missing.
    """
    if create:
        if path.exists():
            raise FileExistsError(path)
        target, uri = str(path), False
    else:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise Missing(path) from None
        wal = path.with_name(path.name + "-wal")
        if size == 0 and not (wal.exists() and wal.stat().st_size):
            raise Damaged(path, "空文件，0 字节", "an empty file, 0 bytes")
        target, uri = path.resolve().as_uri() + "?mode=rw", True
    conn = sqlcipher3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, uri=uri,
                              isolation_level=None, check_same_thread=True)
    try:
        with told(path):
            conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error to report
            conn.execute(f"PRAGMA key = {_key_pragma(key)}")
            try:
                conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            except sqlcipher3.DatabaseError as err:
                if (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF != SQLITE_NOTADB:
                    raise
                raise WrongKey() from None
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return Database(conn)


@contextlib.contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock at once; rolls back on any exception."""
    if db.conn.in_transaction:
        with db.atomic():  # a nested use case becomes a savepoint of the outer one
            yield db
        return
    with told(database_path(db)):
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


def database_path(db: Database) -> Path:
    """The file behind a connection (for messages)."""
    row = db.conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else Path("station.db")


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


def open_database(path: Path, keys: list[bytes], *, create: bool = False
                  ) -> tuple[Opened, bytes]:
    """Open the station file with the first key that works, check it, migrate it.

    After an unclean exit (the `.open` marker beside the file is still there) runs
    `PRAGMA quick_check`. Before applying pending migrations copies the file aside
    (`station.db.before-<migration>`), so a failed upgrade never loses the data.
    Returns the opened database and the key that opened it. `create` makes a missing file.
    """
    last: StoreError = WrongKey()
    for key in keys:
        try:
            db = connect(path, key, create=create and not path.exists())
        except WrongKey as err:
            last = err
            continue
        break
    else:
        raise last
    try:
        with told(path):
            return _check_and_migrate(db, path, key), key
    except BaseException:
        db.conn.close()
        raise


def _check_and_migrate(db: Database, path: Path, key: bytes) -> Opened:
    marker = path.with_suffix(path.suffix + ".open")
    checked = False
    if marker.exists():
        try:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
        except sqlcipher3.DatabaseError as err:
            result = str(err)
        checked = True
        if result != "ok":
            raise Damaged(path, str(result), str(result))
    marker.write_text(datetime.now(UTC).isoformat())
    pending = migrations.pending(db)
    aside = None
    if pending and db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]:
        aside = copy_aside(db, path, pending[0], key)
    migrations.apply(db)
    return Opened(db, pending, checked, aside)


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
