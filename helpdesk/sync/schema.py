"""Station-side tables of sync: other stations' match records (DESIGN.md point 4), the
region's duplicate-aid alerts, field versions and conflicts of the three-way merge (point 5).

The SQL lives in the store's migration `m005_sync` (the store may not import sync); `install`
runs the same idempotent script, and the client runs it before it applies a pull, so a
station database opened by an older build works at once.
"""

from __future__ import annotations

from sqlite_utils import Database

from helpdesk.store import migrations

SCHEMA = migrations.SCHEMA_SYNC


def install(db: Database) -> None:
    """Create the sync tables when missing; call inside a write transaction."""
    migrations.install_sync(db)
