"""Pull: the caller's region only, in server order, paged by a cursor that never goes back."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from helpdesk.sync import wire
from tests.server import support


def _pull_all(client: support.Client, device: support.Device, after: int = 0,
              limit: int = 7) -> tuple[list[wire.PulledChange], int]:
    """Every change pulled page by page (device keys, which come too, left out)."""
    items: list[wire.PulledChange] = []
    while True:
        response = client.get(f"/v1/sync/pull?after={after}&limit={limit}", headers=device.auth)
        assert response.status_code == 200, response.text
        page = wire.PullResponse.model_validate(response.json())
        assert page.next_after >= after
        items.extend(i for i in page.items if isinstance(i, wire.PulledChange))
        after = page.next_after
        if not page.more:
            return items, after


def test_pull_brings_the_other_devices_changes_in_order(client: support.Client,
                                                        engine: Engine) -> None:
    laptop1 = support.enroll(client, engine)
    laptop2 = support.second_device(client, engine, laptop1)
    elsewhere = support.enroll(client, engine, region="110101", name="北京站点")
    neighbour = support.enroll(client, engine, name="邻近站点")  # same region, other station
    mine = [laptop1.aid(300), laptop1.family(family_id="f1")]
    mine = [*laptop1.setup, *mine]  # the aid's family and programme go first
    laptop1.setup.clear()
    theirs = [laptop2.change() for _ in range(20)]
    support.push(client, laptop1, mine)
    support.push(client, laptop2, theirs)
    support.push(client, elsewhere, [elsewhere.aid(999)])
    support.push(client, neighbour, [neighbour.aid(777)])
    got, cursor = _pull_all(client, laptop1)
    assert [i.change.change_id for i in got] == [c.change_id for c in theirs]
    seqs = [i.server_seq for i in got]
    assert seqs == sorted(seqs) and cursor >= seqs[-1]  # and the neighbour's match record
    back, _ = _pull_all(client, laptop2)
    assert [i.change.change_id for i in back] == [c.change_id for c in mine]
    assert "png" not in back[0].change.model_dump_json()  # a signature travels as its hash only
    again, same = _pull_all(client, laptop1, after=cursor)
    assert again == [] and same == cursor


def test_cursor_from_the_future_stays_put(client: support.Client, engine: Engine) -> None:
    device = support.enroll(client, engine)
    page = client.get("/v1/sync/pull?after=10000000", headers=device.auth).json()
    assert page["items"] == [] and page["next_after"] == 10000000 and page["more"] is False


def test_a_page_written_from_rows_is_the_wire_models(client: support.Client,
                                                     engine: Engine) -> None:
    """Pages are written straight from the rows (`feed.page`), not from models: every kind of
    item must still validate against the wire models (which forbid unknown fields) and carry
    what was stored, quotes and non-ASCII text included."""
    from datetime import date

    from helpdesk.domain import idcard

    a = support.enroll(client, engine, region="420116", name="页面甲站")  # a region of its own
    a2 = support.second_device(client, engine, a)
    b = support.enroll(client, engine, region="420116", name="页面乙站")
    number = idcard.make("420111", date(1988, 3, 4), 321)
    fa, fb = a.family(number, name='孙"八\\'), b.family(number, name="孙八")
    mine = a.audit({"note": 'say "hi" — 你好 \\ back'})
    support.push(client, a, [fa, a.aid(500, family_id=fa.entity_id, programme_id="SWN-27"), mine])
    support.push(client, b, [fb, b.aid(500, family_id=fb.entity_id, programme_id="SWN-27")])
    response = client.get("/v1/sync/pull?limit=1000", headers=a2.auth)
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    page = wire.PullResponse.model_validate_json(response.text)
    kinds = {type(i) for i in page.items}
    assert kinds == {wire.PulledChange, wire.MatchRecord, wire.Alert, wire.DeviceKey}
    seqs = [i.server_seq for i in page.items]
    assert seqs == sorted(set(seqs)) and page.next_after == seqs[-1] and not page.more
    changes = [i for i in page.items if isinstance(i, wire.PulledChange)]
    assert [c.change for c in changes][-1] == mine and changes[-1].hlc == mine.hlc
    record = next(i for i in page.items if isinstance(i, wire.MatchRecord))
    assert (record.family_id, record.station_code, record.name, record.aid) == (
        fb.entity_id, b.station_code, "孙八", {"SWN-27": 1})
    assert record.id_hash and record.masked_id == idcard.mask(number)
    alert = next(i for i in page.items if isinstance(i, wire.Alert))
    assert alert.others == ({"station_code": a.station_code, "family_id": fa.entity_id},)
    keys = {i.device_id: i for i in page.items if isinstance(i, wire.DeviceKey)}
    assert keys[a2.device_id].key_id == wire.key_id_of(keys[a2.device_id].public_key)
    assert keys[a2.device_id].revoked_at is None
    # b's page has a's record, with the quote and backslash of its name intact.
    other = wire.PullResponse.model_validate_json(
        client.get("/v1/sync/pull?limit=1000", headers=b.auth).text)
    assert [i.name for i in other.items if isinstance(i, wire.MatchRecord)] == ['孙"八\\']
    # A short page says there is more, and its cursor is its last item's.
    short = wire.PullResponse.model_validate_json(
        client.get("/v1/sync/pull?limit=2", headers=a2.auth).text)
    assert len(short.items) == 2 and short.more and short.next_after == seqs[1]
