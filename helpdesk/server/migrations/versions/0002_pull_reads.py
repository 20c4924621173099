"""What a pull reads, made cheap: match records keep the JSON a pull hands out (`item`),
written once when the record is, instead of being built by the database for every station of
the region that pulls it; and changes get an index by region, station and server order, so a
station's pull reads its own station's changes (and the programmes) after its cursor, not
every change of its region after it. A partial index finds the few merge changes among a
family's, which every push of aid asks for while its region waits.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FIELDS = ("family_id", "station_code", "id_hash", "masked_id", "name", "name_pinyin",
           "name_initials", "hlc")


def upgrade() -> None:
    op.add_column("match_records", sa.Column("item", sa.Text, nullable=False,
                                             server_default=""))
    postgres = op.get_bind().dialect.name == "postgresql"
    pairs = ", ".join(f"'{name}', {name}" for name in _FIELDS)
    if postgres:
        built = f"CAST(json_build_object({pairs}, 'aid', CAST(aid AS JSON)) AS TEXT)"
    else:
        built = f"json_object({pairs}, 'aid', json(aid))"
    op.execute(f"UPDATE match_records SET item = {built}")
    op.create_index("changes_station_seq", "changes", ["region", "station_code", "server_seq"])
    merges = sa.text("op = 'merge'")
    op.create_index("changes_merges", "changes", ["entity_id"], postgresql_where=merges,
                    sqlite_where=merges)


def downgrade() -> None:
    op.drop_index("changes_merges", "changes")
    op.drop_index("changes_station_seq", "changes")
    op.drop_column("match_records", "item")
