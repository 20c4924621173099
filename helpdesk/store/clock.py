"""The station's hybrid logical clock, kept in the database so it never goes backwards."""

from __future__ import annotations

import time

from sqlite_utils import Database

from helpdesk.domain.hlc import ZERO, Hlc
from helpdesk.store import db as dbm


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def last(db: Database) -> Hlc:
    text = dbm.meta(db, "hlc")
    return Hlc.parse(text) if text else ZERO


def tick(db: Database, wall_ms: int | None = None) -> str:
    """The next timestamp of this device; call inside the write transaction that uses it."""
    stamp = last(db).tick(now_ms() if wall_ms is None else wall_ms)
    dbm.set_meta(db, "hlc", str(stamp))
    return str(stamp)


def receive(db: Database, remote: Hlc, wall_ms: int | None = None) -> Hlc:
    """Absorb a timestamp from the server or another device."""
    stamp = last(db).receive(remote, now_ms() if wall_ms is None else wall_ms)
    dbm.set_meta(db, "hlc", str(stamp))
    return stamp


def behind_by_ms(db: Database, wall_ms: int | None = None) -> int:
    """How far the machine's clock is behind the last recorded timestamp (0 when it is not)."""
    wall = now_ms() if wall_ms is None else wall_ms
    return max(0, last(db).wall_ms - wall)
