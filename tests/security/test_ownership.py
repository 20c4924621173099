"""Attacks of one enrolled laptop on other stations' records (issue "Trust boundary" points 1-4),
against the real server app on SQLite and PostgreSQL: each is refused, or lands in the
attacker's own namespace, and the victim's totals, match records and receipts stay as they
were. The same change gets the same answer on both backends."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.domain import idcard
from helpdesk.server import programmes, report
from helpdesk.server import storage as st
from helpdesk.sync import wire
from tests.server import support

ID = idcard.make("440106", __import__("datetime").date(1975, 6, 1), 123)


def _totals(engine: Engine, station: str) -> tuple[int, int]:
    rows = [r for r in report.totals(engine)["by_station_programme_month"]
            if r["station"] == station]
    return sum(r["aid_count"] for r in rows), sum(r["total_fen"] for r in rows)


def _records(client: support.Client, device: support.Device) -> dict[tuple[str, str], Any]:
    page = wire.PullResponse.model_validate(
        client.get("/v1/sync/pull?limit=1000", headers=device.auth).json())
    return {(i.station_code, i.family_id): i for i in page.items
            if isinstance(i, wire.MatchRecord)}


def _answers(client: support.Client, device: support.Device, changes: list[Any]
             ) -> list[tuple[str, str]]:
    result = support.push(client, device, changes)
    return [(a["status"], a["reason"]) for a in result["answers"]]


@pytest.fixture
def victim(client: support.Client, engine: Engine) -> support.Signer:
    """A station of Guangzhou with a family and a ¥2,000.00 aid, synced."""
    station = support.signer(client, engine, region="440106", name="受害站点")
    return station


def test_a_void_from_another_region_is_refused_and_the_receipt_stays_genuine(
        client: support.Client, engine: Engine, victim: support.Signer) -> None:
    family = victim.device.family(ID, name="李四")
    aid = victim.device.aid(200_000, family_id=family.entity_id)
    support.push(client, victim.device, [family, aid])
    before = _totals(engine, victim.device.station_code)
    attacker = support.enroll(client, engine, region="110101", name="北京的笔记本")
    # The aid id and its state are on the receipt's QR code (and guessable from it).
    void = attacker.change("aid", {**aid.state, "voided_at": "2026-11-21T00:00:00.000000Z",
                                   "void_reason": "x", "voided_by": "v1",
                                   "device_id": attacker.device_id},
                           op="void", entity_id=aid.entity_id)
    assert _answers(client, attacker, [void]) == [("rejected", "unknown_aid")]
    assert _totals(engine, victim.device.station_code) == before == (1, 200_000)
    checker = support.enroll(client, engine, region="440106", name="查验站点")
    verdict = support.verify(client, checker, victim.code(aid))
    assert verdict["valid"] and verdict["altered"] == []


def test_a_take_over_put_sent_before_the_owner_syncs_changes_nothing_of_the_owner(
        client: support.Client, engine: Engine, victim: support.Signer) -> None:
    """The race: the attacker's put of the victim's aid id arrives first. Ids are per
    station, so it makes an aid of the attacker's own; the victim's arrives later and stands
    whole, and its receipt verifies against its own row."""
    family = victim.device.family(ID, name="王五")
    aid = victim.device.aid(200_000, family_id=family.entity_id)
    attacker = support.enroll(client, engine, region="440106", name="同区的笔记本")
    fake_family = attacker.family(family_id=family.entity_id, name="王五")
    forged = attacker.aid(1, family_id=family.entity_id, aid_id=aid.entity_id)
    assert {s for s, _ in _answers(client, attacker, [fake_family, forged])} == {"accepted"}
    assert _answers(client, victim.device, [family, aid]) == [("accepted", "")] * 2
    assert _totals(engine, victim.device.station_code) == (1, 200_000)
    assert _totals(engine, attacker.station_code) == (1, 1)
    with st.read(engine) as conn:
        rows = conn.execute(sa.select(st.aid.c.station_code, st.aid.c.amount_fen)
                            .where(st.aid.c.id == aid.entity_id)).all()
    assert sorted(rows) == sorted([(victim.device.station_code, 200_000),
                                   (attacker.station_code, 1)])
    checker = support.enroll(client, engine, region="440106", name="查验站点二")
    verdict = support.verify(client, checker, victim.code(aid))
    assert verdict["valid"] and verdict["recorded"] and verdict["altered"] == []
    # The attacker's void of "its" copy voids only that copy.
    void = attacker.aid(1, voided=True, aid_id=aid.entity_id)
    assert _answers(client, attacker, [void]) == [("accepted", "")]
    assert _totals(engine, victim.device.station_code) == (1, 200_000)


def test_another_stations_family_cannot_be_edited_or_merged(
        client: support.Client, engine: Engine) -> None:
    owner = support.enroll(client, engine, region="420111", name="登记站点")
    family = owner.family(idcard.make("420111", __import__("datetime").date(1980, 1, 2), 11),
                          name="赵六")
    other = owner.family(name="钱七")
    aid = owner.aid(50_000, family_id=family.entity_id, programme_id="SWN")
    support.push(client, owner, [family, other, aid])
    watcher = support.enroll(client, engine, region="420111", name="第三个站点")
    before = _records(client, watcher)
    attacker = support.enroll(client, engine, region="420111", name="同区的笔记本")
    edit = attacker.change("family", {**family.state, "head_name": "HACKED",
                                      "id_number": "", "id_kind": "none", "birth_date": None},
                           entity_id=family.entity_id)
    edit = edit.model_copy(update={"base_change_id": family.change_id})
    merge = attacker.change("family", {**other.state, "merged_into": family.entity_id},
                            op="merge", entity_id=other.entity_id)
    member = attacker.change("member", {
        "id": "m-1", "family_id": family.entity_id, "name": "假成员", "relation": "child",
        "birth_date": None, "id_number": "", "health": "", "school_or_work": "",
        "created_at": "2026-11-20T02:00:00.000000Z", "updated_at": "2026-11-20T02:00:00.000000Z",
        "last_change_id": "c0", "hlc": "001795000000001-00000"}, entity_id="m-1")
    assert _answers(client, attacker, [edit, merge, member]) == [
        ("rejected", "unknown_family")] * 3
    after = _records(client, watcher)
    for key in [(owner.station_code, family.entity_id), (owner.station_code, other.entity_id)]:
        assert after[key] == before[key]
    mine = after[(owner.station_code, family.entity_id)]
    assert mine.name == "赵六" and mine.id_hash and mine.aid == {"SWN": 1}


def test_a_station_cannot_write_a_programme_of_the_office(
        client: support.Client, engine: Engine) -> None:
    office = programmes.add(engine, "420111", {
        "code": "SWN-2027", "name_zh": "送温暖", "kind": "cash", "starts_on": "2027-01-01",
        "ends_on": "2027-03-31"})
    attacker = support.enroll(client, engine, region="110101", name="外地的笔记本")
    forged = attacker.programme("FREE-MONEY", programme_id=office.id)
    assert _answers(client, attacker, [forged]) == [("rejected", "office_programme")]
    with st.read(engine) as conn:
        rows = conn.execute(sa.select(st.programmes).where(st.programmes.c.id == office.id)).all()
    assert [(r.station_code, r.region, r.code) for r in rows] == [("", "420111", "SWN-2027")]
    # An aid of another region's office programme names a programme the caller cannot use.
    aid = attacker.aid(100, programme_id=office.id)
    answers = _answers(client, attacker, [aid])
    assert answers == [("rejected", "unknown_programme")]


POISON: dict[str, Any] = {
    "10k name": {"head_name": "张" * 10_000},
    "1 MB name": {"head_name": "张" * 350_000},
    "NUL": {"head_name": "张\x00三"},
    "right-to-left override": {"head_name": "张\u202e三"},
    "ANSI escape": {"notes": "\x1b[31mred\x1b[0m"},
    "nested object": {"head_name": {"first": "张"}},
    "2^70": {"income_fen": 2**70},
    "2^63": {"income_fen": 2**63},
}


@pytest.mark.parametrize("case", POISON)
def test_poisoned_family_states_are_refused_the_same_on_both_backends(
        client: support.Client, engine: Engine, case: str) -> None:
    device = support.enroll(client, engine, name=f"投毒站点{len(case)}")
    watcher = support.enroll(client, engine, name=f"看记录的站点{len(case)}")
    bad = device.change("family", {**device.family_state(family_id="f-bad"), **POISON[case]},
                        entity_id="f-bad")
    assert _answers(client, device, [bad]) == [("rejected", "invalid_family")]
    assert (device.station_code, "f-bad") not in _records(client, watcher)


@pytest.mark.parametrize(("entity", "op"), [
    ("aid", "merge"), ("programme", "merge"), ("programme", "void"), ("audit", "void"),
    ("audit", "merge"), ("member", "merge"), ("station", "void"), ("volunteer", "merge"),
    ("family", "void")])
def test_every_op_not_allowed_on_an_entity_is_refused_by_rule(
        client: support.Client, engine: Engine, entity: str, op: str) -> None:
    device = support.enroll(client, engine, name=f"规则站点{entity}{op}")
    change = device.change(entity, {"id": "x-1", "family_id": {"a": 1}}, op=op,
                           entity_id="x-1")
    assert _answers(client, device, [change]) == [("rejected", "op_not_allowed")]


def test_a_dict_where_a_string_belongs_is_refused(client: support.Client,
                                                  engine: Engine) -> None:
    device = support.enroll(client, engine, name="字典站点")
    aid = device.aid(100)
    bad = device.change("aid", {**aid.state, "family_id": {"$ne": ""}, "id": "a-x"},
                        entity_id="a-x")
    result = support.push(client, device, [bad])
    assert [(a["status"], a["reason"]) for a in result["answers"]] == [
        ("rejected", "invalid_aid")]
    with st.read(engine) as conn:
        stored = json.loads(conn.execute(sa.select(st.changes.c.body).where(
            st.changes.c.entity_id == "a-x")).scalar_one())
    assert stored["state"]["family_id"] == {"$ne": ""}  # recorded as sent, never applied
