"""The server's settings: where its database is and its limits. Built once, passed to create_app."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from helpdesk.sync import wire

ENV_DB = "HELPDESK_SERVER_DB"


def default_db_url() -> str:
    """$HELPDESK_SERVER_DB, else a SQLite file in the current folder (the embedded default)."""
    return os.environ.get(ENV_DB) or f"sqlite:///{Path.cwd() / 'helpdesk-server.db'}"


@dataclass(frozen=True)
class Settings:
    db_url: str
    max_body_bytes: int = wire.MAX_BODY_BYTES
    enrollment_hours: int = 72
    max_clock_ahead_ms: int = 5 * 60 * 1000  # DESIGN.md point 6
    migrate: bool = True

    @classmethod
    def from_env(cls) -> Settings:
        return cls(db_url=default_db_url())
