"""Push: exactly one row per change however batches repeat, overlap or reorder; quarantine;
rejections recorded so the watermark moves; scope from the token; the HLC clamp."""

from __future__ import annotations

import random
import time

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.domain.hlc import Hlc
from helpdesk.server import storage as st
from tests.server import support


def _statuses(result: dict[str, object]) -> list[str]:
    return [a["status"] for a in result["answers"]]  # type: ignore[index, union-attr]


def test_repeated_reordered_overlapping_batches_store_each_change_once(
        client: support.Client, engine: Engine) -> None:
    device = support.enroll(client, engine)
    changes = [device.aid(100 * (i + 1)) if i % 3 == 0 else device.change()
               for i in range(60)]
    support.push(client, device, [])  # the family and programme of the aid: 2 changes
    first = support.push(client, device, changes[:30])
    assert _statuses(first) == ["accepted"] * 30 and first["watermark"] == 32
    again = support.push(client, device, changes[:30])
    assert _statuses(again) == ["already_had"] * 30
    assert [a["server_seq"] for a in again["answers"]] == \
        [a["server_seq"] for a in first["answers"]]
    overlapping = changes[20:45]
    random.Random(5).shuffle(overlapping)
    mixed = support.push(client, device, overlapping + overlapping[:3])  # and repeats inside
    by_id = {a["change_id"]: a["status"] for a in reversed(mixed["answers"])}  # first wins
    assert [a["status"] for a in mixed["answers"][-3:]] == ["already_had"] * 3
    assert all(by_id[c.change_id] == "already_had" for c in changes[20:30])
    assert all(by_id[c.change_id] == "accepted" for c in changes[30:45])
    assert mixed["watermark"] == 47
    rest = support.push(client, device, list(reversed(changes[40:])))
    assert rest["watermark"] == 62
    where = f"WHERE device_id = '{device.device_id}'"
    assert support.count(engine, "changes", where) == 62
    with engine.connect() as conn:
        seqs = conn.execute(sa.select(st.changes.c.server_seq)
                            .where(st.changes.c.device_id == device.device_id)).scalars().all()
    assert len(set(seqs)) == 62 and None not in seqs
    assert support.count(engine, "aid", f"WHERE station_code = '{device.station_code}'") == 20


def test_same_id_different_content_is_quarantined_never_applied(
        client: support.Client, engine: Engine) -> None:
    device = support.enroll(client, engine)
    original = device.aid(500)
    support.push(client, device, [original])
    forged = original.model_copy(update={"state": {**original.state, "amount_fen": 50_000}})
    for _ in range(2):  # pushing it again adds no second quarantine row
        result = support.push(client, device, [forged])
        assert _statuses(result) == ["quarantined"]
        assert result["answers"][0]["reason"] == "different_content"
    assert support.count(engine, "quarantine", f"WHERE change_id = '{original.change_id}'") == 1
    with engine.connect() as conn:
        amount = conn.execute(sa.select(st.aid.c.amount_fen)
                              .where(st.aid.c.id == original.entity_id)).scalar_one()
    assert amount == 500


def test_other_change_on_a_taken_device_seq_is_quarantined(client: support.Client,
                                                           engine: Engine) -> None:
    device = support.enroll(client, engine)
    first = device.change()
    support.push(client, device, [first])
    device.seq = 0
    clash = device.change()  # same device_seq 1, another change id
    result = support.push(client, device, [clash])
    assert _statuses(result) == ["quarantined"]
    assert result["answers"][0]["reason"] == "device_seq_taken"
    assert support.count(engine, "changes", f"WHERE device_id = '{device.device_id}'") == 1


def test_rejections_are_recorded_and_the_watermark_moves(client: support.Client,
                                                         engine: Engine) -> None:
    device = support.enroll(client, engine)
    good = device.change()
    other_station = device.change("station", {
        "id": "someone-else", "name": "别的站点", "region": "420111", "code": "P-ABCDE",
        "hlc": "001795000000001-00000"}, entity_id="someone-else")
    mismatch = device.change("family", {**device.family_state(), "id": "not-this-one"})
    bad_aid = device.change("aid", {"id": "x"}, entity_id="x")
    last = device.change()  # (a bad HLC refuses the whole batch: test_errors.py)
    result = support.push(client, device, [good, other_station, mismatch, bad_aid, last])
    assert _statuses(result) == ["accepted", "rejected", "rejected", "rejected", "accepted"]
    assert [a["reason"] for a in result["answers"][1:4]] == [
        "other_station", "entity_mismatch", "invalid_aid"]
    assert result["watermark"] == 5
    again = support.push(client, device, [other_station])
    assert _statuses(again) == ["rejected"] and again["answers"][0]["reason"] == "other_station"
    assert support.count(engine, "changes", "WHERE status = 'rejected' AND server_seq IS NULL "
                         f"AND device_id = '{device.device_id}'") == 3


def test_watermark_stops_at_a_gap(client: support.Client, engine: Engine) -> None:
    device = support.enroll(client, engine)
    changes = [device.change() for _ in range(5)]
    result = support.push(client, device, [changes[0], changes[1], changes[3], changes[4]])
    assert result["watermark"] == 2
    assert support.push(client, device, [changes[2]])["watermark"] == 5


def test_token_of_station_a_cannot_push_as_b(client: support.Client, engine: Engine) -> None:
    a = support.enroll(client, engine, name="甲站点")
    b = support.enroll(client, engine, name="乙站点")
    support.push(client, b, [b.change()])
    as_b = b.change()
    refused = client.post("/v1/sync/push", json=b.push_body([as_b]), headers=a.auth)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "other_station"
    assert support.count(engine, "changes", f"WHERE change_id = '{as_b.change_id}'") == 0
    claims_b = a.change("station", {"id": b.station_id}, entity_id=b.station_id)
    assert _statuses(support.push(client, a, [claims_b])) == ["rejected"]


def test_a_new_device_of_the_station_is_registered_by_its_first_push(
        client: support.Client, engine: Engine) -> None:
    device = support.enroll(client, engine)
    restored = support.Device(token=device.token, station_id=device.station_id,
                              station_code=device.station_code, region=device.region,
                              device_id="restored-device", epoch=2)
    assert support.push(client, restored, [restored.change()])["watermark"] == 1
    restored.epoch = 3
    wrong_epoch = client.post("/v1/sync/push", json=restored.push_body([]),
                              headers=device.auth)
    assert wrong_epoch.status_code == 409


def test_future_timestamps_are_clamped_and_reported(client: support.Client,
                                                    engine: Engine) -> None:
    device = support.enroll(client, engine)
    year_2030 = str(Hlc(1_900_000_000_000, 3))
    near = str(Hlc(int(time.time() * 1000) + 60_000, 0))  # a minute ahead: allowed
    result = support.push(client, device, [device.change(hlc=year_2030),
                                           device.change(hlc=near)])
    assert result["clamped"] == 1
    clamped = Hlc.parse(result["answers"][0]["hlc"])
    assert abs(clamped.wall_ms - result["server_time_ms"]) < 1000
    assert result["answers"][1]["hlc"] is None
    with engine.connect() as conn:  # the change itself is kept as sent
        sent = conn.execute(sa.select(st.changes.c.hlc).where(
            st.changes.c.change_id == result["answers"][0]["change_id"])).scalar_one()
    assert sent == year_2030


def test_two_changes_claiming_one_seq_in_a_batch(client: support.Client,
                                                 engine: Engine) -> None:
    device = support.enroll(client, engine)
    first = device.change()
    device.seq = 0
    twin = device.change()
    result = support.push(client, device, [first, twin])
    assert _statuses(result) == ["accepted", "quarantined"]
    assert result["answers"][1]["reason"] == "device_seq_taken"
    assert result["watermark"] == 1


def test_an_empty_batch_is_answered(client: support.Client, engine: Engine) -> None:
    device = support.enroll(client, engine)
    result = support.push(client, device, [])
    assert result["answers"] == [] and result["watermark"] == 0
