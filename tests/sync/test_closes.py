"""Day closes travel as changes: a real sync takes a close and its reopening to the server
(SQLite and PostgreSQL), the station's other laptop pulls it and its day is closed there too,
and the server refuses a close that is not the caller's or that alters what was counted."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.domain.closes import DayClose, counts_for
from helpdesk.domain.common import new_id
from helpdesk.domain.hlc import Hlc
from helpdesk.errors import KnownError
from helpdesk.server import closes as server_closes
from helpdesk.server import storage as st
from helpdesk.services import aid as aidcases
from helpdesk.services import closes, volunteers
from helpdesk.services import session as sessions
from helpdesk.store import keys
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN
from tests.server import support
from tests.services import helpers
from tests.sync.test_client import enroll, family, laptop

__all__ = ["laptop"]


def _server_closes(engine: Engine, station_code: str) -> list[dict[str, Any]]:
    with st.read(engine) as conn:
        return server_closes.of_station(conn, station_code)


def test_a_close_and_its_reopening_reach_the_server_and_the_other_laptop(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine,
        tmp_path: Path, fast_kdf: keys.KdfParams) -> None:
    s1, recovery = laptop
    volunteers.add_volunteer(s1, "王芳", "135790")
    aidcases.give_aid(s1, helpers.cash_aid(s1, family(s1, 0), amount="320"))
    enrolled = enroll(s1, client, engine)
    sync.push(s1.db, client)
    paths1 = s1.paths
    s1.close()
    paths2 = pathsmod.Paths(tmp_path / "laptop2", tmp_path / "config2")
    shutil.copytree(paths1.data_dir, paths2.data_dir)
    s2 = sessions.sign_in_with_recovery(paths2, recovery, kdf=fast_kdf)
    s1 = sessions.sign_in(paths1, HEAD, PIN, kdf=fast_kdf)
    try:
        today = s1.today().isoformat()
        close = closes.close_day(s1, {"day": today, "float_fen": "1000",
                                      "counts": counts_for(68_000)},
                                 closer_pin=PIN, witness_id="王芳", witness_pin="135790")
        pushed = sync.push(s1.db, client)
        assert pushed.accepted > 0 and pushed.rejected == 0
        [row] = _server_closes(engine, enrolled.station_code)
        assert (row["id"], row["day"], row["expected_fen"], row["counted_fen"],
                row["difference_fen"], row["reopened_at"]) == (close.id, today, 68_000,
                                                               68_000, 0, None)
        sync.register_device(s2.db, client, device=s2.device,
                             device_public_key=support.public_key())
        assert sync.pull(s2.db, client).applied > 0  # the other laptop: its day closes too
        assert closes.closed(s2, today) == close
        with pytest.raises(KnownError) as refused:
            aidcases.give_aid(s2, helpers.cash_aid(s2, family(s2, 1)))
        assert refused.value.code == "day_closed"

        reopened = closes.reopen_day(s2, today, "补录一笔漏记的发放")
        assert sync.push(s2.db, client).rejected == 0
        [row] = _server_closes(engine, enrolled.station_code)
        assert row["reopened_at"] == reopened.reopened_at and row["counted_fen"] == 68_000
        sync.pull(s1.db, client)
        assert closes.closed(s1, today) is None
        assert closes.all_closes(s1)[0].reopen_reason == "补录一笔漏记的发放"
    finally:
        s2.close()
        s1.close()


def _close_state(device: support.Device, **changed: Any) -> dict[str, Any]:
    counts = counts_for(50_000)
    return DayClose(
        id=new_id(), station_id=device.station_id, day="2026-11-20", float_fen=100_000,
        cash_out_fen=50_000, aid_count=1, expected_fen=50_000, counts=counts,
        counted_fen=50_000, difference_fen=0, closed_by="v1", witness_id="v2",
        closed_at="2026-11-20T10:00:00.000000Z", device_id=device.device_id,
        hlc=str(Hlc(device.hlc_ms, 0))).model_dump(mode="json") | changed


def _answers(client: support.Client, device: support.Device, changes: list[Any]
             ) -> list[tuple[str, str]]:
    return [(a["status"], a["reason"]) for a in support.push(client, device, changes)["answers"]]


def test_a_forged_or_altered_close_is_refused_and_recorded(client: support.Client,
                                                           engine: Engine) -> None:
    victim = support.enroll(client, engine, name="被冒充的站点")
    attacker = support.enroll(client, engine, name="另一站点")
    forged_state = _close_state(victim)
    forged = attacker.change("close", forged_state, entity_id=forged_state["id"])
    assert _answers(client, attacker, [forged]) == [("rejected", "other_station")]

    mine = _close_state(attacker)
    put = attacker.change("close", mine, entity_id=mine["id"])
    altered = attacker.change("close", mine | {"counted_fen": 60_000, "difference_fen": 10_000,
                                               "counts": counts_for(60_000).model_dump(),
                                               "reason": "多了一百"}, entity_id=mine["id"])
    no_reason = _close_state(attacker, counted_fen=40_000, difference_fen=-10_000,
                             counts=counts_for(40_000).model_dump())
    unexplained = attacker.change("close", no_reason, entity_id=no_reason["id"])
    assert _answers(client, attacker, [put, altered, unexplained]) == [
        ("accepted", ""), ("rejected", "close_altered"), ("rejected", "invalid_close")]
    with st.read(engine) as conn:
        recorded = conn.execute(sa.select(st.changes.c.reason).where(
            st.changes.c.entity == "close", st.changes.c.status == "rejected")).scalars()
        assert sorted(recorded) == ["close_altered", "invalid_close", "other_station"]
    assert _server_closes(engine, victim.station_code) == []
    assert [r["counted_fen"] for r in _server_closes(engine, attacker.station_code)] == [50_000]
