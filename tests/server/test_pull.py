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
    mine = [laptop1.aid(300), laptop1.change("family", {"id": "f1", "head_name": "张三"},
                                             entity_id="f1")]
    theirs = [laptop2.change() for _ in range(20)]
    support.push(client, laptop1, mine)
    support.push(client, laptop2, theirs)
    support.push(client, elsewhere, [elsewhere.aid(999)])
    support.push(client, neighbour, [neighbour.aid(777)])
    got, cursor = _pull_all(client, laptop1)
    assert [i.change.change_id for i in got] == [c.change_id for c in theirs]
    seqs = [i.server_seq for i in got]
    assert seqs == sorted(seqs) and cursor == seqs[-1]
    back, _ = _pull_all(client, laptop2)
    assert [i.change.change_id for i in back] == [c.change_id for c in mine]
    assert "png" not in back[0].change.model_dump_json()  # a signature travels as its hash only
    again, same = _pull_all(client, laptop1, after=cursor)
    assert again == [] and same == cursor


def test_cursor_from_the_future_stays_put(client: support.Client, engine: Engine) -> None:
    device = support.enroll(client, engine)
    page = client.get("/v1/sync/pull?after=10000000", headers=device.auth).json()
    assert page["items"] == [] and page["next_after"] == 10000000 and page["more"] is False
