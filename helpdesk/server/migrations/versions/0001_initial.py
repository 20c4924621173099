"""The server's first schema: stations, enrollment, devices, changes, quarantine, projections
(aid, programmes, match records), duplicate-aid alerts, region and server keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_ID = sa.String(64)
_TIME = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "stations",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("station_id", _ID, unique=True),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("enrolled_at", _TIME),
        sa.Column("revoked_at", _TIME),
    )
    op.create_table(
        "enrollment_codes",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("station_code", sa.String(32), sa.ForeignKey("stations.code"),
                  nullable=False),
        sa.Column("expires_at", _TIME, nullable=False),
        sa.Column("used_at", _TIME),
    )
    op.create_table(
        "devices",
        sa.Column("device_id", _ID, primary_key=True),
        sa.Column("station_code", sa.String(32), sa.ForeignKey("stations.code"),
                  nullable=False),
        sa.Column("epoch", sa.Integer, nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False, server_default=""),
        sa.Column("token_hash", sa.String(64), unique=True),  # NULL: known by a push only
        sa.Column("watermark", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("revoked_at", _TIME),
        sa.Column("key_seq", sa.BigInteger),
    )
    op.create_table(
        "changes",
        sa.Column("change_id", _ID, primary_key=True),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("station_code", sa.String(32), nullable=False),
        sa.Column("device_id", _ID, nullable=False),
        sa.Column("epoch", sa.Integer, nullable=False),
        sa.Column("device_seq", sa.BigInteger, nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("entity_id", _ID, nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("hlc", sa.String(21), nullable=False),
        sa.Column("server_hlc", sa.String(21), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("reason", sa.String(64), nullable=False, server_default=""),
        sa.Column("server_seq", sa.BigInteger),
        sa.Column("received_at", _TIME, nullable=False),
        sa.UniqueConstraint("device_id", "device_seq", name="changes_device_seq"),
    )
    op.create_index("changes_region_seq", "changes", ["region", "server_seq"], unique=True)
    op.create_index("changes_entity", "changes", ["entity", "entity_id"])
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("change_id", _ID, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("station_code", sa.String(32), nullable=False),
        sa.Column("device_id", _ID, nullable=False),
        sa.Column("device_seq", sa.BigInteger, nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("received_at", _TIME, nullable=False),
        sa.UniqueConstraint("change_id", "hash", name="quarantine_change_hash"),
    )
    op.create_table(
        "region_counters",
        sa.Column("region", sa.String(6), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "aid",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("station_code", sa.String(32), nullable=False),
        sa.Column("family_id", _ID, nullable=False),
        sa.Column("programme_id", _ID, nullable=False),
        sa.Column("local_date", sa.String(10), nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("voided", sa.Boolean, nullable=False),
    )
    op.create_index("ix_aid_family_id", "aid", ["family_id"])
    op.create_table(
        "match_records",
        sa.Column("family_id", _ID, primary_key=True),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("station_code", sa.String(32), nullable=False),
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("masked_id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("name_pinyin", sa.String(200), nullable=False),
        sa.Column("name_initials", sa.String(60), nullable=False),
        sa.Column("aid", sa.Text, nullable=False),
        sa.Column("hlc", sa.String(21), nullable=False),
        sa.Column("server_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("match_records_region_seq", "match_records", ["region", "server_seq"],
                    unique=True)
    op.create_index("match_records_id_hash", "match_records", ["id_hash"])
    op.create_table(
        "alerts",
        sa.Column("aid_id", _ID, primary_key=True),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("programme_id", _ID, nullable=False),
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("masked_id", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(32), nullable=False),
        sa.Column("family_id", _ID, nullable=False),
        sa.Column("others", sa.Text, nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("server_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("alerts_region_seq", "alerts", ["region", "server_seq"], unique=True)
    op.create_table(
        "region_keys",
        sa.Column("region", sa.String(6), primary_key=True),
        sa.Column("match_key", sa.String(64), nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
    )
    op.create_table(
        "programmes",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name_zh", sa.String(120), nullable=False),
        sa.Column("hlc", sa.String(21), nullable=False),
    )
    op.create_table(
        "server_keys",
        sa.Column("name", sa.String(16), primary_key=True),
        sa.Column("private_key", sa.String(64), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
    )
