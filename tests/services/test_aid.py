"""Giving and voiding aid: caps, thresholds, clocks, receipt numbers, all-or-nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from helpdesk.errors import InvalidInput, KnownError, NeedsApproval
from helpdesk.services import aid as aidcases
from helpdesk.services import session as sessions
from helpdesk.services import volunteers
from helpdesk.services.aid import Approval, SecondSignOff
from helpdesk.services.session import Session
from helpdesk.store import aid as aidstore
from helpdesk.store import db as dbm
from helpdesk.store import outbox
from tests.conftest import PIN
from tests.services.helpers import SIGNATURE, cash_aid, programme_id, register, table_counts


def test_cash_aid_gets_a_receipt_number_outbox_and_audit(station: Session) -> None:
    family = register(station)
    before = table_counts(station)
    aid = aidcases.give_aid(station, cash_aid(station, family.id, amount="¥500.50"))
    after = table_counts(station)
    assert aid.amount_fen == 50_050
    year = station.today().year
    assert aid.receipt_no == f"{station.device.code}-{year}-00001"
    assert after["aid"] == before["aid"] + 1 and after["audit"] == before["audit"] + 1
    assert after["changes"] == before["changes"] + 2 and after["signatures"] == 1
    change = outbox.for_entity(station.db, "aid", aid.id)[0]
    assert change.state["signature_hash"] == aid.signature_hash
    assert "signature_png" not in change.state
    assert aidstore.signature(station.db, aid.signature_hash or "") is not None


def test_goods_aid_totals_its_lines(station: Session) -> None:
    family = register(station)
    aid = aidcases.give_aid(station, {
        "family_id": family.id, "programme_id": programme_id(station, "DJWZ"), "kind": "goods",
        "goods": [{"item": "大米", "qty": "2", "unit": "袋", "value_fen": "160"},
                  {"item": "食用油", "qty": 1, "unit": "桶", "value_fen": "65.5"}],
        "signature_png": SIGNATURE})
    assert aid.amount_fen == 22_550


def test_the_cap_warns_and_only_a_head_overrides_with_a_reason(station: Session) -> None:
    family = register(station)
    aidcases.give_aid(station, cash_aid(station, family.id))
    before = table_counts(station)
    with pytest.raises(NeedsApproval) as err:
        aidcases.give_aid(station, cash_aid(station, family.id))
    assert err.value.kind == "cap"
    assert table_counts(station) == before
    with pytest.raises(NeedsApproval):  # an approval without a reason is no approval
        aidcases.give_aid(station, cash_aid(station, family.id),
                          cap_approval=Approval(station.volunteer.id, "  "))
    with pytest.raises(KnownError) as wrong:  # the signed-in head types their PIN too
        aidcases.give_aid(station, cash_aid(station, family.id),
                          cap_approval=Approval(station.volunteer.id, "房屋失火，再次救助"))
    assert wrong.value.code == "invalid_pin" and table_counts(station) == before
    aid = aidcases.give_aid(station, cash_aid(station, family.id),
                            cap_approval=Approval(station.volunteer.id, "房屋失火，再次救助", PIN))
    assert aid.override_by == station.volunteer.id and aid.override_reason == "房屋失火，再次救助"


def test_a_volunteer_needs_the_heads_pin_to_override(station: Session) -> None:
    family = register(station)
    aidcases.give_aid(station, cash_aid(station, family.id))
    volunteers.add_volunteer(station, "王芳", "135790")
    head_id = station.volunteer.id
    station.close()
    s = sessions.sign_in(station.paths, "王芳", "135790")
    try:
        with pytest.raises(KnownError):
            aidcases.give_aid(s, cash_aid(s, family.id), cap_approval=Approval(head_id, "r", "1"))
        with pytest.raises(KnownError) as err:  # a volunteer cannot approve
            aidcases.give_aid(s, cash_aid(s, family.id),
                              cap_approval=Approval(s.volunteer.id, "r", "135790"))
        assert err.value.code == "approver_not_head"
        aid = aidcases.give_aid(s, cash_aid(s, family.id), cap_approval=Approval(head_id, "r", PIN))
        assert aid.override_by == head_id
    finally:
        s.close()


def test_cash_above_threshold_needs_a_second_volunteers_pin(station: Session) -> None:
    family = register(station)
    other = volunteers.add_volunteer(station, "李秀英", "112233")
    with pytest.raises(NeedsApproval) as err:
        aidcases.give_aid(station, cash_aid(station, family.id, amount="1000.01"))
    assert err.value.kind == "second_pin"
    with pytest.raises(KnownError):
        aidcases.give_aid(station, cash_aid(station, family.id, amount="2000"),
                          second=SecondSignOff(other.id, "999999"))
    aid = aidcases.give_aid(station, cash_aid(station, family.id, amount="2000"),
                            second=SecondSignOff(other.id, "112233"))
    assert aid.second_volunteer_id == other.id


def test_a_clock_behind_the_last_record_needs_a_head(station: Session) -> None:
    family = register(station)
    past = datetime.now(UTC) - timedelta(days=2)
    with pytest.raises(NeedsApproval) as err:
        aidcases.give_aid(station, cash_aid(station, family.id), now=past)
    assert err.value.kind == "clock"
    aid = aidcases.give_aid(station, cash_aid(station, family.id), now=past,
                            clock_approval=Approval(station.volunteer.id, "时钟已核对", PIN))
    assert aid.override_reason == "时钟已核对"


@pytest.mark.parametrize(("field", "data"), [
    ("amount_fen", {"amount_fen": "abc"}), ("amount_fen", {"amount_fen": "0"}),
    ("recipient_name", {"recipient_relation": "spouse"}),
    ("signature_png", {"signature_png": b"GIF89a"}),
    ("kind", {"kind": "goods", "goods": [{"item": "米", "qty": 1, "unit": "袋", "value_fen": 1}]}),
])
def test_bad_aid_input_names_the_field_and_changes_nothing(station: Session, field: str,
                                                           data: dict[str, object]) -> None:
    family = register(station)
    before = table_counts(station)
    with pytest.raises(InvalidInput) as err:
        aidcases.give_aid(station, cash_aid(station, family.id) | data)
    assert field in err.value.fields(), err.value.en
    assert table_counts(station) == before


def test_a_failure_half_way_leaves_nothing(station: Session, monkeypatch) -> None:
    family = register(station)
    before = table_counts(station)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("helpdesk.store.audit.record", broken)
    with pytest.raises(RuntimeError):
        aidcases.give_aid(station, cash_aid(station, family.id))
    assert table_counts(station) == before
    monkeypatch.undo()
    aid = aidcases.give_aid(station, cash_aid(station, family.id))
    assert aid.receipt_no.endswith("-00001")  # the number taken back by the rollback is reused


def test_void_is_for_heads_with_a_reason_and_keeps_the_number(station: Session) -> None:
    family = register(station)
    aid = aidcases.give_aid(station, cash_aid(station, family.id))
    with pytest.raises(InvalidInput):
        aidcases.void_aid(station, aid.id, " ")
    voided = aidcases.void_aid(station, aid.id, "金额录错")
    assert voided.receipt_no == aid.receipt_no and voided.voided
    assert outbox.for_entity(station.db, "aid", aid.id)[-1].op == "void"
    assert aidcases.totals(station)["aid_count"] == 0
    with pytest.raises(KnownError):
        aidcases.void_aid(station, aid.id, "again")
    volunteers.add_volunteer(station, "王芳", "135790")
    station.close()
    s = sessions.sign_in(station.paths, "王芳", "135790")
    try:
        with pytest.raises(KnownError) as err:
            aidcases.void_aid(s, aid.id, "x")
        assert err.value.code == "head_only"
    finally:
        s.close()


def test_totals_by_programme_and_month(station: Session) -> None:
    family = register(station)
    aidcases.give_aid(station, cash_aid(station, family.id, amount="500"))
    aidcases.give_aid(station, cash_aid(station, family.id, "YLJZ", amount="300.25"))
    t = aidcases.totals(station)
    assert (t["aid_count"], t["total_fen"]) == (2, 80_025)
    assert {r["programme"][:4] for r in t["by_programme_month"]} == {"SWN-", "YLJZ"}


def test_device_sequence_is_gap_free(station: Session) -> None:
    family = register(station)
    for prefix in ("SWN", "YLJZ", "JQZX"):
        aidcases.give_aid(station, cash_aid(station, family.id, prefix))
    seqs = [c.device_seq for c in outbox.since(station.db, station.device.id)]
    assert seqs == list(range(1, len(seqs) + 1))
    assert dbm.meta(station.db, "hlc")
