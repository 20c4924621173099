"""The review queue: open duplicate-aid alerts of the scope one at a time with both aids side
by side; decisions recorded once, refused with a clear message when wrong, and pulled by the
region's stations as items of kind "decision"."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from helpdesk.domain import idcard
from helpdesk.server import review_queue, station_list
from helpdesk.server import storage as st
from helpdesk.server.errors import ApiError
from helpdesk.sync import wire
from tests.server import office_support as office
from tests.server import support


@pytest.fixture(scope="module")
def data(client: support.Client, engine: Engine) -> dict[str, Any]:
    found = office.populate(client, engine)
    a, b = found["a"], found["b"]
    fa2 = a.family(office.number(601), name="钱二")
    fb2 = b.family(office.number(601), name="钱贰")
    support.push(client, a, [fa2, a.aid(600, family_id=fa2.entity_id, programme_id="ZX-27")])
    second = b.aid(600, family_id=fb2.entity_id, programme_id="ZX-27")
    support.push(client, b, [fb2, second])
    found["second"] = second
    return found


def test_one_alert_at_a_time_with_both_aids_side_by_side(data: dict[str, Any],
                                                         engine: Engine) -> None:
    a, b, dup = data["a"], data["b"], data["dup"]
    with st.read(engine) as conn:
        first = review_queue.item(conn, "4201", 1)
        second = review_queue.item(conn, "420111", 2)
        assert review_queue.item(conn, "4201", 3) is None
        assert review_queue.item(conn, "4202", 1) is None
        assert review_queue.open_count(conn, "4202") == 0
    assert first is not None and second is not None
    assert (first["position"], first["of"], second["position"], second["of"]) == (1, 2, 2, 2)
    assert first["aid_id"] == dup.entity_id and second["aid_id"] == data["second"].entity_id
    this, others = first["this"], first["others"]
    assert (this["station_code"], this["amount_fen"], this["name"]) == (
        b.station_code, 10_000, "王平台")
    # station a gave the family SWN-27 twice: once more under the duplicate merged into it
    assert sorted((o["station_code"], o["amount_fen"]) for o in others) == [
        (a.station_code, 5_000), (a.station_code, 10_000)]
    assert {this["masked_id"]} | {o["masked_id"] for o in others} == {
        idcard.mask(office.number(101))}
    assert this["volunteer"] == "v1" and this["local_date"] == "2026-11-20"
    assert first["match_reasons"] == ["same_id", "same_name"]
    assert second["match_reasons"] == ["same_id"]  # 钱二 and 钱贰: only the ID matches


def test_decisions_are_recorded_once_and_pulled_by_the_regions_stations(
        data: dict[str, Any], engine: Engine, client: support.Client) -> None:
    a, b, c, dup = data["a"], data["b"], data["c"], data["dup"]
    with st.write(engine) as conn:
        with pytest.raises(ApiError) as outside:
            review_queue.decide(conn, "4202", b.station_code, dup.entity_id, "allowed",
                                "两地均有困难", "clerk")
        assert outside.value.status == 404
    with st.write(engine) as conn:
        with pytest.raises(ApiError) as no_reason:
            review_queue.decide(conn, "4201", b.station_code, dup.entity_id, "allowed",
                                "  ", "clerk")
        assert no_reason.value.status == 422 and "reason" in str(no_reason.value.__dict__)
    with st.write(engine) as conn:
        with pytest.raises(ApiError) as bad:
            review_queue.decide(conn, "4201", b.station_code, dup.entity_id, "maybe", "x",
                                "clerk")
        assert bad.value.status == 422
    with st.write(engine) as conn:
        done = review_queue.decide(conn, "4201", b.station_code, dup.entity_id, "ask_void",
                                   "同一家庭重复领取", "clerk")
    with st.write(engine) as conn:
        with pytest.raises(ApiError) as twice:
            review_queue.decide(conn, "4201", b.station_code, dup.entity_id, "allowed",
                                "改主意", "clerk")
        assert twice.value.status == 409
    with st.read(engine) as conn:
        assert review_queue.open_count(conn, "4201") == 1
        left = review_queue.item(conn, "4201", 1)
        decided = review_queue.get(conn, "4201", b.station_code, dup.entity_id)
        assert review_queue.get(conn, "4202", b.station_code, dup.entity_id) is None
    assert left is not None and left["aid_id"] == data["second"].entity_id
    assert decided is not None and decided["decision"]["decision"] == "ask_void"
    for device in (a, b):  # both stations of the alert get it at their next pull
        page = wire.PullResponse.model_validate(
            client.get("/v1/sync/pull?limit=1000", headers=device.auth).json())
        found = [i for i in page.items if isinstance(i, wire.Decision)]
        assert [(d.aid_id, d.decision, d.reason, d.server_seq) for d in found] == [
            (dup.entity_id, "ask_void", "同一家庭重复领取", done["server_seq"])]
    page = wire.PullResponse.model_validate(
        client.get("/v1/sync/pull?limit=1000", headers=c.auth).json())
    assert not [i for i in page.items if isinstance(i, wire.Decision)]  # another region


def test_stations_list_their_devices_syncs_and_problems(
        data: dict[str, Any], engine: Engine, client: support.Client) -> None:
    a, c = data["a"], data["c"]
    body = c.push_body([c.audit({"n": 1})])
    response = client.post("/v1/sync/push", json=body, headers={
        **c.auth, "X-Helpdesk-Version": "0.9.1", "X-Helpdesk-Time": "1"})
    assert response.status_code == 200
    clash = c.audit({"n": 2})
    support.push(client, c, [clash])
    c.seq -= 1  # the same id and sequence number with other content: quarantined
    response = client.post("/v1/sync/push", json=c.push_body(
        [clash.model_copy(update={"state": {**clash.state, "detail": {"n": 3}}})]),
        headers=c.auth)
    assert response.json()["answers"][0]["status"] == "quarantined"
    with st.read(engine) as conn:
        wuhan = station_list.stations(conn, "4201")
        huangshi = station_list.stations(conn, "4202")
    assert a.station_code in {s["code"] for s in wuhan}
    assert {s["code"] for s in huangshi} == {c.station_code}
    (mine,) = huangshi
    assert mine["devices"] == 1 and mine["region_name"].endswith("黄石港区")
    assert mine["app_version"] == "0.9.1" and mine["clock_skew_ms"] < -1_000_000_000
    assert mine["quarantined"] == 1 and mine["rejected"] == 0
    assert mine["received"] == 6  # a programme, a family and two aid; two audit rows
    assert 0 <= mine["last_sync_age_s"] < 600
