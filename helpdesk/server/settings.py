"""The server's settings: where its database is and its limits. Built once, passed to create_app."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from helpdesk.sync import wire

ENV_DB = "HELPDESK_SERVER_DB"
ENV_THREADS = "HELPDESK_SERVER_THREADS"
# Requests served at once by one worker process (each with its own database connection).
# Few is faster: measured on two cores with 1,000 stations, 4 per worker beat 40 (push p99
# 2.2 s against 5.1 s; bench/load.py) — more threads only queue for Python's lock and the
# database's CPU, and hold more transactions open while they do.
DEFAULT_THREADS = 4
ENV_OFFICE_THREADS = "HELPDESK_SERVER_OFFICE_THREADS"
# Office console requests served at once by one worker process, beside (never instead of)
# the `threads` the sync API keeps for itself: twenty office users browsing took the
# stations' threads and pushes waited (bench/load.py --office-users).
DEFAULT_OFFICE_THREADS = 2
ENV_OFFICE_FRESH_SECONDS = "HELPDESK_SERVER_OFFICE_FRESH_SECONDS"
# How old the figures on a console page may be (office.recent): twenty office users looking
# at one scope then cost the database one read of each page in that time, not twenty.
# 0: every page reads afresh.
DEFAULT_OFFICE_FRESH_SECONDS = 10.0
# The console's own process (office.process) listens here; the workers pass /office to it.
ENV_OFFICE_SOCKET = "HELPDESK_SERVER_OFFICE_SOCKET"


def default_db_url() -> str:
    """$HELPDESK_SERVER_DB, else a SQLite file in the current folder (the embedded default)."""
    return os.environ.get(ENV_DB) or f"sqlite:///{Path.cwd() / 'helpdesk-server.db'}"


def office_fresh_seconds() -> float:
    """$HELPDESK_SERVER_OFFICE_FRESH_SECONDS, else the default."""
    given = os.environ.get(ENV_OFFICE_FRESH_SECONDS, "").strip()
    try:
        seconds = float(given) if given else DEFAULT_OFFICE_FRESH_SECONDS
    except ValueError:
        seconds = -1
    if not 0 <= seconds <= 3600:
        raise SystemExit(f"helpdesk-server: {ENV_OFFICE_FRESH_SECONDS} is seconds from 0 to "
                         f"3600, not {given!r}")
    return seconds


@dataclass(frozen=True)
class Settings:
    db_url: str
    max_body_bytes: int = wire.MAX_BODY_BYTES
    enrollment_hours: int = 72
    max_clock_ahead_ms: int = 5 * 60 * 1000  # DESIGN.md point 6
    migrate: bool = True
    threads: int = DEFAULT_THREADS
    office_threads: int = DEFAULT_OFFICE_THREADS
    office_socket: str = ""  # "": the console is served by this process itself
    office_fresh_seconds: float = DEFAULT_OFFICE_FRESH_SECONDS

    @classmethod
    def from_env(cls) -> Settings:
        return cls(db_url=default_db_url(),
                   threads=int(os.environ.get(ENV_THREADS) or DEFAULT_THREADS),
                   office_threads=int(os.environ.get(ENV_OFFICE_THREADS)
                                      or DEFAULT_OFFICE_THREADS),
                   office_socket=os.environ.get(ENV_OFFICE_SOCKET, ""),
                   office_fresh_seconds=office_fresh_seconds())
