"""Rows are their station's: the aid projection, match records, alerts and programmes are
keyed by (station, id), so an id copied from another station's receipt can only ever name a
row of the caller's own (`helpdesk.server.rules`). Programmes also say their region, and the
office's are owned by "" (`rules.OFFICE`). Changes get an index by (station, entity id) for
the ownership checks, in place of the one by (entity, entity id).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ID = sa.String(64)
_CODE = sa.String(32)


def _rebuild(name: str, columns: list[sa.Column[object]], key: tuple[str, ...],
             select: str) -> None:
    """Make `name` anew with these columns and primary key, filled by `select` (SQL over the
    old table), without touching its data otherwise."""
    op.create_table(f"{name}_new", *columns, sa.PrimaryKeyConstraint(*key))
    names = ", ".join(c.name for c in columns)
    op.execute(f"INSERT INTO {name}_new ({names}) {select}")
    op.drop_table(name)
    op.rename_table(f"{name}_new", name)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER INDEX {name}_new_pkey RENAME TO {name}_pkey")


def upgrade() -> None:
    _rebuild("aid", [
        sa.Column("station_code", _CODE, nullable=False),
        sa.Column("id", _ID, nullable=False),
        sa.Column("family_id", _ID, nullable=False),
        sa.Column("programme_id", _ID, nullable=False),
        sa.Column("local_date", sa.String(10), nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("voided", sa.Boolean, nullable=False),
    ], ("station_code", "id"), "SELECT station_code, id, family_id, programme_id, local_date, "
       "amount_fen, voided FROM aid")
    op.create_index("aid_family", "aid", ["station_code", "family_id"])

    # A programme's owner and region are those of the change that made it.
    first = ("(SELECT {col} FROM changes WHERE changes.entity = 'programme' "
             "AND changes.entity_id = programmes.id ORDER BY changes.server_seq LIMIT 1)")
    _rebuild("programmes", [
        sa.Column("station_code", _CODE, nullable=False),
        sa.Column("id", _ID, nullable=False),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("code", _CODE, nullable=False),
        sa.Column("name_zh", sa.String(120), nullable=False),
        sa.Column("hlc", sa.String(21), nullable=False),
    ], ("station_code", "id"),
        f"SELECT COALESCE({first.format(col='station_code')}, ''), id, "
        f"COALESCE({first.format(col='region')}, ''), code, name_zh, hlc FROM programmes")
    op.create_index("programmes_id", "programmes", ["id"])

    record_columns = ("station_code", "family_id", "region", "id_hash", "masked_id", "name",
                      "name_pinyin", "name_initials", "aid", "hlc", "server_seq", "item")
    _rebuild("match_records", [
        sa.Column("station_code", _CODE, nullable=False),
        sa.Column("family_id", _ID, nullable=False),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("masked_id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("name_pinyin", sa.String(200), nullable=False),
        sa.Column("name_initials", sa.String(60), nullable=False),
        sa.Column("aid", sa.Text, nullable=False),
        sa.Column("hlc", sa.String(21), nullable=False),
        sa.Column("server_seq", sa.BigInteger, nullable=False),
        sa.Column("item", sa.Text, nullable=False, server_default=""),
    ], ("station_code", "family_id"), f"SELECT {', '.join(record_columns)} FROM match_records")
    op.create_index("match_records_region_seq", "match_records", ["region", "server_seq"],
                    unique=True)
    op.create_index("match_records_id_hash", "match_records", ["id_hash"])

    alert_columns = ("station_code", "aid_id", "region", "programme_id", "id_hash",
                     "masked_id", "family_id", "others", "created_at", "server_seq")
    _rebuild("alerts", [
        sa.Column("station_code", _CODE, nullable=False),
        sa.Column("aid_id", _ID, nullable=False),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("programme_id", _ID, nullable=False),
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("masked_id", sa.String(40), nullable=False),
        sa.Column("family_id", _ID, nullable=False),
        sa.Column("others", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("server_seq", sa.BigInteger, nullable=False),
    ], ("station_code", "aid_id"), f"SELECT {', '.join(alert_columns)} FROM alerts")
    op.create_index("alerts_region_seq", "alerts", ["region", "server_seq"], unique=True)

    op.drop_index("changes_entity", "changes")
    op.create_index("changes_owned", "changes", ["station_code", "entity_id"])


def downgrade() -> None:
    raise RuntimeError("0003 keeps ids apart per station; there is no way back "
                              "without losing rows of stations that share an id")
