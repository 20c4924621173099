"""The station's sync client against the real server app, in-process (TestClient).

Two laptops of one station: the second is a copy of the first's folder, opened with the
recovery code on another machine, so it becomes a new device (DESIGN.md "Device").
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.domain import idcard
from helpdesk.server import accounts, report
from helpdesk.server import programmes as server_programmes
from helpdesk.services import aid as aidcases
from helpdesk.services import demo
from helpdesk.services import session as sessions
from helpdesk.store import keys, outbox
from helpdesk.sync import client as sync
from helpdesk.sync import matches as sync_matches
from tests.conftest import HEAD, PIN, STATION
from tests.server import support
from tests.services import helpers


@pytest.fixture
def laptop(tmp_path: Path, fast_kdf: keys.KdfParams
           ) -> Iterator[tuple[sessions.Session, str]]:
    """A new station with demo programmes, and its recovery code."""
    paths = pathsmod.Paths(tmp_path / "laptop1", tmp_path / "config1")
    s, recovery = sessions.create_station(paths, STATION, head_name=HEAD, head_pin=PIN,
                                          kdf=fast_kdf)
    demo.ensure_programmes(s)
    yield s, recovery
    s.close()


def enroll(s: sessions.Session, http: support.Client, engine: Engine) -> sync.Enrollment:
    _code, code = accounts.add_station(engine, "服务器上的站名", "420111")
    return sync.enroll(s.db, http, server_url="http://testserver", code=code,
                       station_id=s.station.id, device=s.device,
                       device_public_key=support.public_key())


def family(s: sessions.Session, n: int) -> str:
    return helpers.register(s, head_name=f"张{'一二三四五六'[n]}",
                            id_number=idcard.make("420111", date(1980, 5, 17), 200 + n),
                            phone=f"138 1234 56{n:02d}").id


def statuses(s: sessions.Session) -> dict[str, int]:
    return dict(s.db.execute("SELECT sync_status, count(*) FROM changes GROUP BY sync_status"
                             ).fetchall())


def test_enroll_push_and_totals_match(laptop: tuple[sessions.Session, str],
                                      client: support.Client, engine: Engine) -> None:
    s, _ = laptop
    before = report.totals(engine)
    given = [aidcases.give_aid(s, helpers.cash_aid(s, family(s, i), amount=str(100 + i)))
             for i in range(3)]
    aidcases.void_aid(s, given[0].id, "写错了金额")
    enrolled = enroll(s, client, engine)
    assert enrolled.station_code.startswith("420111-") and enrolled.server_public_key
    assert sync.enrollment(s.db) == enrolled
    station = s.db.execute("SELECT code, code_provisional, enrolled, name FROM station"
                           ).fetchone()
    assert station == (enrolled.station_code, 0, 1, "服务器上的站名")
    pending = outbox.pending_count(s.db)
    pushed = sync.push(s.db, client, batch_size=7)
    assert pushed.accepted == pending and pushed.batches >= 2
    assert statuses(s) == {"accepted": pending}
    again = sync.push(s.db, client)
    assert again.batches == 0
    after = report.totals(engine)
    station_totals = aidcases.totals(s)
    assert after["aid_count"] - before["aid_count"] == station_totals["aid_count"] == 2
    assert after["total_fen"] - before["total_fen"] == station_totals["total_fen"]


def test_answers_are_marked_and_rejections_stay_visible(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine) -> None:
    s, _ = laptop
    enroll(s, client, engine)
    # A change that claims another station: the server rejects it, the client keeps it.
    with s.write() as db:
        state = s.station.model_dump(mode="json") | {"id": "another-station"}
        s.change(entity="station", entity_id="another-station", op="put", state=state,
                 hlc=s.tick())
    report_ = sync.push(s.db, client)
    assert report_.rejected == 1
    row = s.db.execute("SELECT sync_status, sync_detail FROM changes WHERE entity_id = ?",
                       ["another-station"]).fetchone()
    assert row == ("rejected", "other_station")
    assert outbox.pending_count(s.db) == 0
    del db


def test_second_laptop_changes_reach_the_first(laptop: tuple[sessions.Session, str],
                                               client: support.Client, engine: Engine,
                                               tmp_path: Path, fast_kdf: keys.KdfParams) -> None:
    s1, recovery = laptop
    aidcases.give_aid(s1, helpers.cash_aid(s1, family(s1, 0), amount="200"))
    enroll(s1, client, engine)
    sync.push(s1.db, client)
    paths1 = s1.paths
    s1.close()
    paths2 = pathsmod.Paths(tmp_path / "laptop2", tmp_path / "config2")
    shutil.copytree(paths1.data_dir, paths2.data_dir)
    s2 = sessions.sign_in_with_recovery(paths2, recovery, kdf=fast_kdf)
    s1 = sessions.sign_in(paths1, HEAD, PIN, kdf=fast_kdf)
    try:
        assert s2.new_device_reason == "copied" and s2.device.id != s1.device.id
        second = family(s2, 4)
        aidcases.give_aid(s2, helpers.cash_aid(s2, second, amount="300"))
        assert sync.push(s2.db, client).accepted > 0
        pulled = sync.pull(s1.db, client, limit=3)
        assert pulled.applied == 2 and pulled.pages >= 2  # the family and its aid (audit stays)
        assert s1.db.execute("SELECT head_name FROM families WHERE id = ?",
                             [second]).fetchone() == ("张五",)
        cursor = pulled.cursor
        assert sync.pull(s1.db, client).applied == 0  # nothing new; cursor unchanged
        assert int(s1.db.execute("SELECT value FROM meta WHERE key = 'sync.cursor'"
                                 ).fetchone()[0]) == cursor
        mine = report.totals(engine)["by_station_programme_month"]
        server_total = sum(r["total_fen"] for r in mine
                           if r["station"] == sync.enrollment(s1.db).station_code)  # type: ignore[union-attr]
        assert aidcases.totals(s1)["total_fen"] == server_total == 50_000
    finally:
        s2.close()
        s1.close()


def test_not_enrolled_and_server_errors_are_known_errors(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine) -> None:
    s, _ = laptop
    with pytest.raises(sync.SyncError, match="not enrolled"):
        sync.push(s.db, client)
    with pytest.raises(sync.SyncError) as refused:
        sync.enroll(s.db, client, server_url="http://testserver", code="AAAA-BBBB-CCCC",
                    station_id=s.station.id, device=s.device,
                    device_public_key=support.public_key())
    assert refused.value.code == "enrollment_refused" and refused.value.status == 403
    assert sync.enrollment(s.db) is None
    with pytest.raises(sync.SyncError, match="https"):
        sync.connect("http://example.org")
    sync.connect("http://127.0.0.1:9").close()


class LostAnswers:
    """Passes requests to the server but loses the first `n` push answers on the way back,
    as when the station dies after the server committed and before the answer arrived."""

    def __init__(self, http: support.Client, n: int) -> None:
        self.http, self.left = http, n

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        response: httpx.Response = self.http.get(url, **kwargs)
        return response

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        response: httpx.Response = self.http.post(url, **kwargs)
        if url.endswith("/push") and self.left > 0:
            self.left -= 1
            raise httpx.ReadError("connection reset", request=response.request)
        return response


def test_answer_lost_after_the_server_committed(laptop: tuple[sessions.Session, str],
                                                client: support.Client,
                                                engine: Engine) -> None:
    s, _ = laptop
    for i in range(3):
        aidcases.give_aid(s, helpers.cash_aid(s, family(s, i), amount="150"))
    enroll(s, client, engine)
    total = outbox.pending_count(s.db)
    with pytest.raises(sync.SyncError) as lost:
        sync.push(s.db, LostAnswers(client, 1), batch_size=5)
    assert lost.value.code == "server_unreachable"
    assert outbox.pending_count(s.db) == total  # nothing marked without an answer
    again = sync.push(s.db, client, batch_size=5)
    assert again.already_had == 5 and again.accepted == total - 5
    assert support.count(engine, "changes", f"WHERE device_id = '{s.device.id}'") == total


def test_central_programme_is_pulled_and_applied(laptop: tuple[sessions.Session, str],
                                                 client: support.Client,
                                                 engine: Engine) -> None:
    s, _ = laptop
    enroll(s, client, engine)
    programme = server_programmes.add(engine, "420111", {
        "code": f"JZ-{s.station.id[-6:].upper()}", "name_zh": "金秋助学", "kind": "cash",
        "starts_on": "2027-08-01", "ends_on": "2027-09-30"})
    pulled = sync.pull(s.db, client)
    assert pulled.applied >= 1
    row = s.db.execute("SELECT code, local FROM programmes WHERE id = ?",
                       [programme.id]).fetchone()
    assert row == (programme.code, 0)


def test_match_records_of_other_stations_are_found_by_id(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine) -> None:
    s, _ = laptop
    enroll(s, client, engine)
    other = support.enroll(client, engine, name="另一个站点")
    number = idcard.make("420111", date(1966, 6, 6), 77)
    family = other.family(number, name="钱七")
    support.push(client, other, [family, other.aid(900, family_id=family.entity_id)])
    sync.pull(s.db, client)
    found = sync_matches.by_id_number(s.db, number)
    assert [(r["family_id"], r["name"], r["aid"]) for r in found] == [
        (family.entity_id, "钱七", {"prog-1": 1})]
    assert found[0]["masked_id"] == idcard.mask(number)
    assert sync_matches.by_id_number(s.db, idcard.make("420111", date(1966, 6, 6), 78)) == []
    assert number not in str(s.db.execute("SELECT * FROM match_records").fetchall())


def test_duplicate_aid_alert_reaches_the_station(laptop: tuple[sessions.Session, str],
                                                 client: support.Client,
                                                 engine: Engine) -> None:
    s, _ = laptop
    enroll(s, client, engine)
    number = idcard.make("420111", date(1980, 5, 17), 250)
    mine = helpers.register(s, head_name="周九", id_number=number, phone="138 1234 5699")
    given = aidcases.give_aid(s, helpers.cash_aid(s, mine.id, amount="100"))
    other = support.enroll(client, engine, name="先发放的站点")
    theirs = other.family(number, name="周九")
    support.push(client, other, [theirs, other.aid(100, family_id=theirs.entity_id,
                                                   programme_id=given.programme_id)])
    sync.sync_once(s.db, client)
    found = sync_matches.alerts(s.db)
    assert [(a["aid_id"], a["others"][0]["station_code"]) for a in found] == [
        (given.id, other.station_code)]
    sync.pull(s.db, client)
    assert len(sync_matches.alerts(s.db)) == 1  # pulled again or not, kept once


def test_batches_over_the_size_limit_are_split(laptop: tuple[sessions.Session, str],
                                               db_url: str, engine: Engine) -> None:
    import warnings

    from helpdesk.server.app import create_app
    from helpdesk.server.settings import Settings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    s, _ = laptop
    demo.add_families(s, 12, seed=9)
    small = TestClient(create_app(Settings(db_url=db_url, migrate=False,
                                           max_body_bytes=20_000)))
    enroll(s, small, engine)
    pushed = sync.push(s.db, small)
    assert outbox.pending_count(s.db) == 0 and pushed.batches > 1


def test_a_copied_database_registers_its_device_and_key(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine,
        tmp_path: Path, fast_kdf: keys.KdfParams) -> None:
    from helpdesk.receipts import qr
    from helpdesk.store import receipts

    s1, recovery = laptop
    enroll(s1, client, engine)
    paths1 = s1.paths
    s1.close()
    paths2 = pathsmod.Paths(tmp_path / "copy", tmp_path / "config-copy")
    shutil.copytree(paths1.data_dir, paths2.data_dir)
    s2 = sessions.sign_in_with_recovery(paths2, recovery, kdf=fast_kdf)
    s1 = sessions.sign_in(paths1, HEAD, PIN, kdf=fast_kdf)
    try:
        raw = base64.b64decode(support.public_key())
        key_id = sync.register_device(s2.db, client, device=s2.device,
                                      device_public_key=base64.b64encode(raw).decode())
        assert key_id == qr.key_id_of(raw)
        assert s2.db.execute("SELECT value FROM meta WHERE key = 'sync.device_id'"
                             ).fetchone() == (s2.device.id,)
        assert sync.push(s2.db, client).accepted > 0  # with the new device's own token
        sync.pull(s1.db, client)
        pulled = receipts.get_key(s1.db, key_id)
        assert pulled is not None and pulled.public_key == raw
        assert pulled.private_key is None and pulled.device_id == s2.device.id
    finally:
        s2.close()
        s1.close()
