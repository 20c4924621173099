"""The union office's decision on a duplicate-aid alert reaches both stations of the alert:
two real stations give one family the same central programme, the server raises the alert,
the office decides, and each station stores the decision at its next pull; the station that
gave the later aid is asked to void it, the other only reads it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.domain import idcard
from helpdesk.errors import InvalidInput
from helpdesk.server import programmes as server_programmes
from helpdesk.server import review_queue
from helpdesk.server import storage as st
from helpdesk.services import aid as aidcases
from helpdesk.services import decisions
from helpdesk.services import session as sessions
from helpdesk.store import keys
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN, STATION
from tests.server import support
from tests.services import helpers
from tests.sync.test_client import enroll


@pytest.fixture
def stations(tmp_path: Path, fast_kdf: keys.KdfParams
             ) -> Iterator[tuple[sessions.Session, sessions.Session]]:
    made = []
    for k in (1, 2):
        paths = pathsmod.Paths(tmp_path / f"station{k}", tmp_path / f"config{k}")
        s, _ = sessions.create_station(paths, {**STATION, "name": f"第{k}站"},
                                       head_name=HEAD, head_pin=PIN,
                                       kdf=fast_kdf)
        made.append(s)
    yield made[0], made[1]
    for s in made:
        s.close()


def test_a_decision_reaches_both_stations_of_the_alert(
        stations: tuple[sessions.Session, sessions.Session], client: support.Client,
        engine: Engine) -> None:
    first, later = stations
    code = {id(s): enroll(s, client, engine).station_code for s in stations}
    programme = server_programmes.add(engine, "420111", {
        "code": f"CF-{first.station.id[-6:].upper()}", "name_zh": "重复测试救助",
        "kind": "cash", "starts_on": "2020-01-01", "ends_on": "2030-12-31"})
    number = idcard.make("420111", date(1970, 2, 2), 321)
    given = {}
    for s in stations:  # the programme arrives; both give it to the family, offline
        sync.sync_once(s.db, client)
        family = helpers.register(s, head_name="孙八", id_number=number,
                                  phone="138 0000 4321")
        given[code[id(s)]] = aidcases.give_aid(s, {
            "family_id": family.id, "programme_id": programme.id, "kind": "cash",
            "amount_fen": "300", "signature_png": helpers.SIGNATURE})
    for s in stations:  # the later one reaches the server second: the alert is about it
        sync.sync_once(s.db, client)
    later_aid = given[code[id(later)]]
    with st.write(engine) as conn:
        decided = review_queue.decide(conn, "420111", code[id(later)], later_aid.id,
                                      "ask_void", "同一家庭重复领取，请作废", "office")
    for s in stations:
        assert decisions.open_decisions(s) == []
        sync.sync_once(s.db, client)
        sync.pull(s.db, client)  # pulled twice: kept once
        rows = s.db.execute("SELECT station_code, aid_id, decision, reason, server_seq "
                            "FROM decisions").fetchall()
        assert rows == [(code[id(later)], later_aid.id, "ask_void",
                         "同一家庭重复领取，请作废", decided["server_seq"])]
    (asked,) = decisions.open_decisions(later)
    assert asked.to_void_here and asked.receipt_no == later_aid.receipt_no
    assert asked.masked_id == idcard.mask(number)
    (told,) = decisions.open_decisions(first)
    assert not told.to_void_here and told.receipt_no == ""

    # The asked station voids the aid: the request is done. It cannot be dismissed unread.
    with pytest.raises(InvalidInput):
        decisions.dismiss(later, code[id(later)], later_aid.id)
    aidcases.void_aid(later, later_aid.id, asked.reason)
    assert decisions.open_decisions(later) == []
    # The other station reads it and dismisses it, with an audit row.
    decisions.dismiss(first, code[id(later)], later_aid.id)
    assert decisions.open_decisions(first) == []
    assert first.db.execute("SELECT count(*) FROM audit WHERE action = 'dismiss_decision'"
                            ).fetchone()[0] == 1
