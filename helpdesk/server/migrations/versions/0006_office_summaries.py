"""What the union office console reads without scanning every aid row.

- `aid` keeps what the 台账 prints (time given, kind, receipt number, recipient, volunteer),
  the station's region, and the family's employment and first difficulty reason as the
  server knew them when the aid arrived; an index by (local_date, station, id) serves the
  ledger's keyset pages.
- `match_records` keep the family's employment and first reason, so an aid arriving without
  its family in the batch is classified by one indexed read; a partial index by region of
  the families with aid counts the families reached.
- `programmes` keep their kind and campaign dates (this campaign = programmes open today).
- `aid_summary`: count and total of non-void aid per (station, programme, month, kind,
  reason, employment), kept by ingest in the aid's own transaction (`summaries`), with two
  roll-ups the overview reads: `aid_monthly` per (region, programme, month) and
  `aid_classes` per (region, employment, reason).
- `station_sync`: each station's last push, changes received, quarantined and rejected,
  clock skew and app version, kept by ingest at every push.
- `decisions`: the office's decisions on duplicate-aid alerts, numbered in the region's
  server order so stations pull them.

Every new column is filled from the rows stored before (the change bodies hold everything).

Revision ID: 0006_office_summaries
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006_office_summaries"
down_revision = "0005_office_users"
branch_labels = None
depends_on = None

_CODE = sa.String(32)
_ID = sa.String(64)
_TIME = sa.String(32)


def _blank(name: str, type_: sa.types.TypeEngine[Any]) -> sa.Column[Any]:
    return sa.Column(name, type_, nullable=False, server_default="")


def _field(path: str) -> str:
    """The change body's `state` field at `path` ("employment", "reasons.0"), as text."""
    parts = path.split(".")
    if op.get_bind().dialect.name == "postgresql":
        steps = "".join(f"->'{p}'" if not p.isdigit() else f"->{p}" for p in parts[:-1])
        last = parts[-1]
        last = f"->>{last}" if last.isdigit() else f"->>'{last}'"
        return f"(CAST(c.body AS JSON)->'state'{steps}{last})"
    jpath = "$.state" + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in parts)
    return f"json_extract(c.body, '{jpath}')"


def _latest(entity: str, id_column: str, path: str) -> str:
    """SQL: the field of the newest accepted change of this row's entity, or ''."""
    return (f"COALESCE((SELECT {_field(path)} FROM changes c WHERE c.station_code = "
            f"{id_column.split('.')[0]}.station_code AND c.entity_id = {id_column} AND "
            f"c.entity = '{entity}' AND c.status = 'accepted' ORDER BY c.server_hlc DESC "
            f"LIMIT 1), '')")


def upgrade() -> None:
    with op.batch_alter_table("match_records") as batch:
        batch.add_column(_blank("employment", sa.String(16)))
        batch.add_column(_blank("reason", sa.String(16)))
    with op.batch_alter_table("programmes") as batch:
        batch.add_column(_blank("kind", sa.String(8)))
        batch.add_column(_blank("starts_on", sa.String(10)))
        batch.add_column(_blank("ends_on", sa.String(10)))
    with op.batch_alter_table("aid") as batch:
        batch.add_column(_blank("region", sa.String(6)))
        batch.add_column(_blank("given_at", _TIME))
        batch.add_column(_blank("kind", sa.String(8)))
        batch.add_column(_blank("receipt_no", sa.String(40)))
        batch.add_column(_blank("recipient_name", sa.String(120)))
        batch.add_column(_blank("volunteer_id", _ID))
        batch.add_column(_blank("employment", sa.String(16)))
        batch.add_column(_blank("reason", sa.String(16)))
    op.create_index("aid_ledger", "aid", ["local_date", "station_code", "id"])

    op.execute("UPDATE match_records SET "
               f"employment = {_latest('family', 'match_records.family_id', 'employment')}, "
               f"reason = {_latest('family', 'match_records.family_id', 'reasons.0')}")
    op.execute("UPDATE programmes SET "
               f"kind = {_latest('programme', 'programmes.id', 'kind')}, "
               f"starts_on = {_latest('programme', 'programmes.id', 'starts_on')}, "
               f"ends_on = {_latest('programme', 'programmes.id', 'ends_on')}")
    fields = ("given_at", "kind", "receipt_no", "recipient_name", "volunteer_id")
    record = ("(SELECT m.{col} FROM match_records m WHERE m.station_code = aid.station_code "
              "AND m.family_id = aid.family_id)")
    op.execute(
        "UPDATE aid SET "
        "region = COALESCE((SELECT s.region FROM stations s "
        "WHERE s.code = aid.station_code), ''), "
        + ", ".join(f"{f} = {_latest('aid', 'aid.id', f)}" for f in fields) + ", "
        f"employment = COALESCE({record.format(col='employment')}, ''), "
        f"reason = COALESCE({record.format(col='reason')}, '')")

    op.create_table(
        "aid_summary",
        sa.Column("station_code", _CODE, nullable=False),
        sa.Column("programme_id", _ID, nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("employment", sa.String(16), nullable=False),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("aid_count", sa.BigInteger, nullable=False),
        sa.Column("total_fen", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("station_code", "programme_id", "month", "kind", "reason",
                                "employment"),
    )
    op.create_index("aid_summary_region", "aid_summary", ["region"])
    op.execute(
        "INSERT INTO aid_summary (station_code, programme_id, month, kind, reason, "
        "employment, region, aid_count, total_fen) "
        "SELECT station_code, programme_id, substr(local_date, 1, 7), kind, reason, "
        "employment, region, count(*), sum(amount_fen) FROM aid WHERE voided = false "
        "GROUP BY station_code, programme_id, substr(local_date, 1, 7), kind, reason, "
        "employment, region")

    widths = {"programme_id": _ID, "month": sa.String(7), "employment": sa.String(16),
              "reason": sa.String(16)}
    for name, key in (("aid_monthly", ("programme_id", "month")),
                      ("aid_classes", ("employment", "reason"))):
        op.create_table(
            name,
            sa.Column("region", sa.String(6), nullable=False),
            *(sa.Column(k, widths[k], nullable=False) for k in key),
            sa.Column("aid_count", sa.BigInteger, nullable=False),
            sa.Column("total_fen", sa.BigInteger, nullable=False),
            sa.PrimaryKeyConstraint("region", *key),
        )
        columns = ", ".join(key)
        op.execute(f"INSERT INTO {name} (region, {columns}, aid_count, total_fen) "
                   f"SELECT region, {columns}, sum(aid_count), sum(total_fen) "
                   f"FROM aid_summary GROUP BY region, {columns}")

    op.create_table(
        "station_sync",
        sa.Column("station_code", _CODE, primary_key=True),
        sa.Column("last_push_at", _TIME, nullable=False),
        sa.Column("pushes", sa.BigInteger, nullable=False),
        sa.Column("received", sa.BigInteger, nullable=False),
        sa.Column("quarantined", sa.BigInteger, nullable=False),
        sa.Column("rejected", sa.BigInteger, nullable=False),
        sa.Column("clock_skew_ms", sa.BigInteger),
        sa.Column("app_version", sa.String(40), nullable=False, server_default=""),
    )
    op.create_table(
        "decisions",
        sa.Column("station_code", _CODE, nullable=False),  # the alert's key
        sa.Column("aid_id", _ID, nullable=False),
        sa.Column("region", sa.String(6), nullable=False),
        sa.Column("decision", sa.String(12), nullable=False),  # allowed | ask_void
        sa.Column("reason", sa.String(400), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=False),
        sa.Column("decided_at", _TIME, nullable=False),
        sa.Column("server_seq", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("station_code", "aid_id"),
    )
    op.create_index("decisions_region_seq", "decisions", ["region", "server_seq"], unique=True)
    op.create_index("alerts_queue", "alerts", ["region", "created_at"])
    reached = sa.text("aid <> '{}'")
    op.create_index("match_records_reached", "match_records", ["region"],
                    postgresql_where=reached, sqlite_where=reached)


def downgrade() -> None:
    op.drop_index("match_records_reached", "match_records")
    op.drop_index("alerts_queue", "alerts")
    op.drop_table("decisions")
    op.drop_table("station_sync")
    op.drop_table("aid_classes")
    op.drop_table("aid_monthly")
    op.drop_table("aid_summary")
    op.drop_index("aid_ledger", "aid")
    for table, columns in (("aid", ("region", "given_at", "kind", "receipt_no",
                                    "recipient_name", "volunteer_id", "employment", "reason")),
                           ("programmes", ("kind", "starts_on", "ends_on")),
                           ("match_records", ("employment", "reason"))):
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.drop_column(column)
