"""The office console's users (argon2id hashes, role, region prefix, lock-out), their
server-side sessions and the audit log of office actions.

Revision ID: 0005_office_users
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_office_users"
down_revision = "0004_day_closes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_users",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("totp_secret", sa.String(64)),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.String(32)),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "office_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(64), sa.ForeignKey("office_users.name"),
                  nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("last_seen", sa.String(32), nullable=False),
    )
    op.create_index("office_sessions_user", "office_sessions", ["user_name"])
    op.create_table(
        "office_audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("object", sa.String(120), nullable=False, server_default=""),
        sa.Column("details", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("office_audit")
    op.drop_table("office_sessions")
    op.drop_table("office_users")
