"""Match records: other stations of the region learn only the keyed ID hash, masked ID, name
keys and aid per programme of a family — and the newest record replaces the older."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Engine

from helpdesk.domain import idcard
from helpdesk.sync import wire
from tests.server import support

ID = idcard.make("420111", date(1975, 3, 9), 321)


def _match_key(client: support.Client, engine: Engine, region: str = "420111"
               ) -> tuple[support.Device, str]:
    from helpdesk.server import accounts
    from helpdesk.server import storage as st

    device = support.enroll(client, engine, region=region, name="看记录的站点")
    with st.write(engine) as conn:
        return device, accounts.region_key(conn, region)


def _records(client: support.Client, device: support.Device) -> list[wire.MatchRecord]:
    page = wire.PullResponse.model_validate(
        client.get("/v1/sync/pull?limit=1000", headers=device.auth).json())
    return [i for i in page.items if isinstance(i, wire.MatchRecord)]


def test_other_stations_get_a_minimal_record_kept_up_to_date(client: support.Client,
                                                             engine: Engine) -> None:
    a = support.enroll(client, engine, name="登记家庭的站点")
    b, key = _match_key(client, engine)
    far, _ = _match_key(client, engine, region="110101")
    family = a.family(ID, name="王五")
    aid1 = a.aid(500, family_id=family.entity_id, programme_id="SWN")
    aid2 = a.aid(800, family_id=family.entity_id, programme_id="ZX")
    support.push(client, a, [family, aid1, aid2])
    first = [r for r in _records(client, b) if r.family_id == family.entity_id]
    assert len(first) == 1
    record = first[0]
    assert record.id_hash == wire.match_hash(key, ID) and ID not in record.model_dump_json()
    assert record.masked_id == idcard.mask(ID) and record.name == "王五"
    assert record.aid == {"SWN": 1, "ZX": 1} and record.station_code == a.station_code
    assert _records(client, a) == []  # a station does not get its own families back
    assert _records(client, far) == []  # nor does another region
    void = a.aid(800, family_id=family.entity_id, programme_id="ZX", voided=True,
                 aid_id=aid2.entity_id)
    support.push(client, a, [void])
    support.push(client, a, [void])  # a repeat changes nothing
    latest = [r for r in _records(client, b) if r.family_id == family.entity_id]
    assert len(latest) == 1 and latest[0].aid == {"SWN": 1}
    assert latest[0].server_seq > record.server_seq


def test_a_station_cannot_overwrite_another_stations_record(client: support.Client,
                                                            engine: Engine) -> None:
    a = support.enroll(client, engine, name="原站点")
    b, _ = _match_key(client, engine)
    family = a.family(ID, name="赵六")
    support.push(client, a, [family])
    forged = b.family("", name="假名字", family_id=family.entity_id,
                      hlc="999999999999999-00000")
    support.push(client, b, [forged])
    watcher, _ = _match_key(client, engine)
    mine = [r for r in _records(client, watcher) if r.family_id == family.entity_id]
    # The forged id names a family of b's own, beside a's: a's record is untouched.
    assert {(r.station_code, r.name) for r in mine} == {(a.station_code, "赵六"),
                                                        (b.station_code, "假名字")}


def test_an_older_family_state_does_not_replace_a_newer(client: support.Client,
                                                        engine: Engine) -> None:
    a = support.enroll(client, engine, name="改名站点")
    b, _ = _match_key(client, engine)
    family_id = "fam-order"
    newer = a.family(ID, name="新名字", family_id=family_id, hlc="001795000009000-00000")
    older = a.family(ID, name="旧名字", family_id=family_id, hlc="001795000001000-00000")
    support.push(client, a, [newer, older])
    assert [r.name for r in _records(client, b) if r.family_id == family_id] == ["新名字"]


def test_a_pull_reads_changes_and_records_in_one_snapshot(
        client: support.Client, engine: Engine, monkeypatch: object) -> None:
    """Pushes that commit between the pull's two reads must not let its cursor pass them."""
    import pytest

    from helpdesk.server import accounts, feed, ingest, matches

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    b1 = support.enroll(client, engine, name="拉取的站点")
    b2 = support.second_device(client, engine, b1)
    a = support.enroll(client, engine, name="另一站点")
    original = matches.after
    done: list[bool] = []

    def push_now(device: support.Device, change: object) -> None:
        request = wire.PushRequest.model_validate(device.push_body([change]))  # type: ignore[list-item]
        ingest.push(engine, accounts.caller(engine, device.token), request, 300_000)

    def racing_after(*args: object, **kwargs: object) -> object:
        if not done:
            done.append(True)
            push_now(b2, b2.change())  # a change for b1, committed after the first read…
            push_now(a, a.family(ID))  # …then a match record numbered after it
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(matches, "after", racing_after)
    first = feed.pull(engine, accounts.caller(engine, b1.token), 0, 1000)
    monkeypatch.setattr(matches, "after", original)
    second = feed.pull(engine, accounts.caller(engine, b1.token), first.next_after, 1000)
    got = first.items + second.items
    assert [i.change.device_id for i in got if isinstance(i, wire.PulledChange)] == \
        [b2.device_id], "the change committed mid-pull was skipped"
    assert [i.server_seq for i in got] == sorted({i.server_seq for i in got})


def test_same_family_same_programme_at_two_stations_raises_one_alert(
        client: support.Client, engine: Engine) -> None:
    from helpdesk.server import report

    a = support.enroll(client, engine, name="甲地站点")
    b = support.enroll(client, engine, name="乙地站点")
    number = idcard.make("420111", date(1990, 1, 2), 555)
    fa, fb = a.family(number, name="孙八"), b.family(number, name="孙八")
    support.push(client, a, [fa, a.aid(500, family_id=fa.entity_id, programme_id="SWN-27")])
    other_programme = b.aid(300, family_id=fb.entity_id, programme_id="ZX-27")
    support.push(client, b, [fb, other_programme])
    assert [x for x in report.totals(engine)["alerts"] if x["family_id"] == fb.entity_id] == []
    second = b.aid(500, family_id=fb.entity_id, programme_id="SWN-27")
    support.push(client, b, [second])
    support.push(client, b, [second])  # a repeat raises nothing more
    raised = [x for x in report.totals(engine)["alerts"] if x["family_id"] == fb.entity_id]
    assert len(raised) == 1
    alert = raised[0]
    assert alert["aid_id"] == second.entity_id and alert["programme_id"] == "SWN-27"
    assert alert["station_code"] == b.station_code and alert["masked_id"] == idcard.mask(number)
    assert alert["others"] == [{"station_code": a.station_code, "family_id": fa.entity_id}]
    watcher = support.enroll(client, engine, name="同区第三站")
    page = wire.PullResponse.model_validate(
        client.get("/v1/sync/pull?limit=1000", headers=watcher.auth).json())
    assert second.entity_id in {i.aid_id for i in page.items if isinstance(i, wire.Alert)}
