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
