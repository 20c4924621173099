"""The Alembic migrations make exactly the schema `storage` describes, and an upgrade keeps
what a server of the previous schema stored (on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from helpdesk.server import storage as st
from helpdesk.sync import wire
from tests.server import support


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/server.db"
        return
    with support.fresh_pg_database() as url:
        yield url


def _upgrade(engine: sa.Engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(st.MIGRATIONS))
    with st.write(engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def test_the_migrations_make_the_schema_storage_describes(empty_url: str) -> None:
    engine = st.make_engine(empty_url)
    try:
        st.migrate(engine)
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), st.metadata)
        assert differences == []
    finally:
        engine.dispose()


def test_upgrading_fills_the_pull_json_of_records_stored_before(empty_url: str) -> None:
    engine = st.make_engine(empty_url)
    try:
        _upgrade(engine, "0001")
        record = {"family_id": "fam-1", "region": "420111", "station_code": "S-1",
                  "id_hash": "ab" * 32, "masked_id": "420111********0018",
                  "name": "王五", "name_pinyin": "wang wu", "name_initials": "ww",
                  "aid": '{"SWN": 2}', "hlc": "001795000001000-00000", "server_seq": 7}
        with st.write(engine) as conn:
            conn.execute(sa.table("match_records", *(sa.column(k) for k in record)).insert(),
                         record)
        _upgrade(engine, "head")
        with st.read(engine) as conn:
            item = conn.execute(sa.select(st.match_records.c.item)).scalar_one()
        text = f'{{"kind":"match","server_seq":7,{item.strip()[1:]}'
        parsed = wire.MatchRecord.model_validate_json(text)
        assert parsed.aid == {"SWN": 2} and parsed.name == "王五"
        assert parsed.model_dump(exclude={"kind", "server_seq", "aid"}) == {
            k: v for k, v in record.items() if k not in ("region", "aid", "server_seq")}
    finally:
        engine.dispose()


def test_upgrading_fills_the_office_columns_and_summaries_from_stored_rows(
        empty_url: str) -> None:
    from helpdesk.domain.changes import canonical_json
    from tests.server import office_support as office

    engine = st.make_engine(empty_url)
    try:
        _upgrade(engine, "0003")
        device = support.Device(token="", station_id="s1", station_code="420111-001",
                                region="420111", device_id="d1")
        family = device.family(office.number(11), employment="platform",
                               reasons=["wage_arrears"])
        programme = device.programme("SWN-27")
        given = [device.aid(1_000, family_id=family.entity_id, programme_id="SWN-27"),
                 device.aid(2_500, family_id=family.entity_id, programme_id="SWN-27")]
        void = device.aid(0, voided=True, aid_id=given[1].entity_id)
        changes = [family, programme, *given, void]
        t = {name: sa.table(name, *(sa.column(k) for k in cols)) for name, cols in {
            "stations": ("code", "name", "region", "created_at"),
            "changes": ("change_id", "region", "station_code", "device_id", "epoch",
                        "device_seq", "entity", "entity_id", "op", "hlc", "server_hlc", "body",
                        "hash", "status", "server_seq", "received_at"),
            "aid": ("station_code", "id", "family_id", "programme_id", "local_date",
                    "amount_fen", "voided"),
            "programmes": ("station_code", "id", "region", "code", "name_zh", "hlc"),
            "match_records": ("station_code", "family_id", "region", "id_hash", "masked_id",
                              "name", "name_pinyin", "name_initials", "aid", "hlc",
                              "server_seq", "item")}.items()}
        with st.write(engine) as conn:
            conn.execute(t["stations"].insert(), {"code": "420111-001", "name": "站",
                                                  "region": "420111", "created_at": "x"})
            for n, c in enumerate(changes, 1):
                conn.execute(t["changes"].insert(), {
                    "change_id": c.change_id, "region": "420111", "station_code": "420111-001",
                    "device_id": "d1", "epoch": 1, "device_seq": n, "entity": c.entity,
                    "entity_id": c.entity_id, "op": c.op, "hlc": c.hlc, "server_hlc": c.hlc,
                    "body": canonical_json(c.model_dump(mode="json")), "hash": "h",
                    "status": "accepted", "server_seq": n, "received_at": "x"})
            for aid, voided in ((given[0], False), (given[1], True)):
                conn.execute(t["aid"].insert(), {
                    "station_code": "420111-001", "id": aid.entity_id,
                    "family_id": family.entity_id, "programme_id": "SWN-27",
                    "local_date": "2026-11-20", "amount_fen": aid.state["amount_fen"],
                    "voided": voided})
            conn.execute(t["programmes"].insert(), {
                "station_code": "420111-001", "id": "SWN-27", "region": "420111",
                "code": "SWN-27", "name_zh": "送温暖", "hlc": programme.hlc})
            conn.execute(t["match_records"].insert(), {
                "station_code": "420111-001", "family_id": family.entity_id,
                "region": "420111", "id_hash": "ab", "masked_id": "m", "name": "张三",
                "name_pinyin": "", "name_initials": "", "aid": '{"SWN-27": 1}',
                "hlc": family.hlc, "server_seq": 9, "item": "{}"})
        _upgrade(engine, "head")
        with st.read(engine) as conn:
            rows = {r.id: r for r in conn.execute(sa.select(st.aid))}
            prog = conn.execute(sa.select(st.programmes)).one()
            record = conn.execute(sa.select(st.match_records)).one()
        first = rows[given[0].entity_id]
        assert (first.region, first.kind, first.employment, first.reason) == (
            "420111", "cash", "platform", "wage_arrears")
        assert first.receipt_no == given[0].state["receipt_no"] and first.volunteer_id == "v1"
        assert first.given_at == "2026-11-20T02:00:00.000000Z"
        assert (prog.kind, prog.starts_on, prog.ends_on) == ("cash", "2026-01-01", "2027-12-31")
        assert (record.employment, record.reason) == ("platform", "wage_arrears")
        kept, scanned = office.summaries_and_scan(engine)
        assert kept == scanned == {
            ("aid_summary", "420111-001", "SWN-27", "2026-11", "cash", "wage_arrears",
             "platform", "420111", 1, 1_000),
            ("aid_monthly", "420111", "SWN-27", "2026-11", 1, 1_000),
            ("aid_classes", "420111", "platform", "wage_arrears", 1, 1_000)}
    finally:
        engine.dispose()
