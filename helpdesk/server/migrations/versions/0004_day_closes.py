"""Closes of the stations' cash days (日结), as the stations push them: one row per close,
keyed by (station, id) like every row a station writes; a reopening updates its row.

Revision ID: 0004_day_closes
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_day_closes"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_closes",
        sa.Column("station_code", sa.String(32), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
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
        sa.PrimaryKeyConstraint("station_code", "id"),
    )
    op.create_index("day_closes_day", "day_closes", ["region", "day"])


def downgrade() -> None:
    op.drop_index("day_closes_day", "day_closes")
    op.drop_table("day_closes")
