"""What a family received of each programme, here and at the region's other stations, and
every approval an aid needs known before the recipient signs (`needs`, then `give_aid` once)."""

from __future__ import annotations

import base64
import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from helpdesk.domain import idcard
from helpdesk.domain.aid import ApprovalKind
from helpdesk.errors import KnownError, NeedsApproval
from helpdesk.services import aid as aidcases
from helpdesk.services import review, volunteers
from helpdesk.services import session as sessions
from helpdesk.services.aid import Approval, SecondSignOff
from helpdesk.services.session import Session
from helpdesk.store import db as dbm
from helpdesk.sync import matches, wire
from tests.conftest import PIN
from tests.services.helpers import cash_aid, programme_id, register, table_counts

KEY = base64.b64encode(b"k" * 32).decode()


def other_station_record(station: Session, id_number: str, aid: dict[str, int],
                         station_code: str = "ZB02", family_id: str = "fam-at-zb02") -> None:
    """A match record as a pull stores it: another station's family with this resident ID."""
    dbm.set_meta(station.db, matches.META_MATCH_KEY, KEY)
    matches.put(station.db, wire.MatchRecord(
        server_seq=1, family_id=family_id, station_code=station_code,
        id_hash=wire.match_hash(KEY, id_number), masked_id=idcard.mask(id_number), name="张三",
        name_pinyin="zhangsan", name_initials="zs", aid=aid, hlc="0" * 16))


def standing(station: Session, family_id: str, prefix: str) -> aidcases.Standing:
    wanted = programme_id(station, prefix)
    return next(s for s in aidcases.standings(station, family_id) if s.programme.id == wanted)


def test_another_stations_aid_shows_and_counts_towards_the_cap(station: Session) -> None:
    family = register(station)
    swn = programme_id(station, "SWN")
    assert standing(station, family.id, "SWN").left == 1
    other_station_record(station, family.id_number, {swn: 1})
    got = standing(station, family.id, "SWN")
    assert (got.here, got.elsewhere, got.stations, got.left, got.used_up) == (
        0, 1, ("ZB02",), 0, True)
    assert not standing(station, family.id, "YLJZ").used_up  # another programme is untouched
    wanted = aidcases.needs(station, cash_aid(station, family.id))
    assert [n.kind for n in wanted] == [ApprovalKind.CAP]
    assert "另一站点 1 次" in wanted[0].zh and "another station" in wanted[0].en
    before = table_counts(station)
    with pytest.raises(NeedsApproval):  # never given here, yet the cap is reached
        aidcases.give_aid(station, cash_aid(station, family.id))
    assert table_counts(station) == before


def test_a_merged_familys_record_counts_for_the_family_it_joined(station: Session) -> None:
    kept = register(station)
    dup_number = idcard.make("420111", date(1975, 3, 9), 456)
    dup = register(station, head_name="张叁", id_number=dup_number, phone="139 0000 1111")
    review.merge_families(station, keep_id=kept.id, merge_id=dup.id, reason="同一户")
    other_station_record(station, dup_number, {programme_id(station, "YLJZ"): 2})
    assert standing(station, kept.id, "YLJZ").elsewhere == 2


def test_own_and_strangers_records_do_not_count(station: Session) -> None:
    family = register(station)
    swn = programme_id(station, "SWN")
    other_station_record(station, family.id_number, {swn: 1}, station_code=station.station.code,
                         family_id=family.id)
    other_station_record(station, idcard.make("420111", date(1990, 1, 1), 7), {swn: 3},
                         family_id="someone-else")
    assert standing(station, family.id, "SWN").received == 0


def test_needs_lists_every_approval_then_give_aid_runs_once(station: Session) -> None:
    family = register(station)
    aidcases.give_aid(station, cash_aid(station, family.id))
    helper = volunteers.add_volunteer(station, "李秀英", "112233")
    past = datetime.now(UTC) - timedelta(days=2)
    data = cash_aid(station, family.id, amount="2000")
    wanted = aidcases.needs(station, data, now=past)
    assert [n.kind for n in wanted] == [ApprovalKind.CLOCK, ApprovalKind.CAP,
                                        ApprovalKind.SECOND_VOLUNTEER]
    with pytest.raises(NeedsApproval) as err:  # called without them: all listed at once
        aidcases.give_aid(station, data, now=past)
    assert [n.kind for n in err.value.needs] == [n.kind for n in wanted]
    before = table_counts(station)
    aid = aidcases.give_aid(station, data, now=past, approvals={
        ApprovalKind.CAP: Approval(station.volunteer.id, "房屋失火", PIN),
        ApprovalKind.CLOCK: Approval(station.volunteer.id, "时钟已核对", PIN),
        ApprovalKind.SECOND_VOLUNTEER: SecondSignOff(helper.id, "112233")})
    assert table_counts(station)["aid"] == before["aid"] + 1
    assert aid.override_by == station.volunteer.id and aid.second_volunteer_id == helper.id
    assert aid.override_reason == "时钟已核对；房屋失火"  # in the order of `needs`


def test_nothing_needed_for_a_first_small_aid(station: Session) -> None:
    family = register(station)
    assert aidcases.needs(station, cash_aid(station, family.id, amount="100")) == []


def test_approvals_are_checked_before_anything_is_written(station: Session) -> None:
    family = register(station)
    aidcases.give_aid(station, cash_aid(station, family.id))
    wanted = aidcases.needs(station, cash_aid(station, family.id))
    with pytest.raises(KnownError) as err:  # the signed-in head's own override: PIN typed
        aidcases.check_approvals(station, wanted, {
            ApprovalKind.CAP: Approval(station.volunteer.id, "再次救助", "000000")})
    assert err.value.code == "wrong_pin"
    verified = aidcases.check_approvals(station, wanted, {
        ApprovalKind.CAP: Approval(station.volunteer.id, "再次救助", PIN)})
    assert list(verified) == [ApprovalKind.CAP]
    assert (verified[ApprovalKind.CAP].by, verified[ApprovalKind.CAP].reason) == (
        station.volunteer.id, "再次救助")


def counting_pins(station: Session, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The volunteer ids whose PIN is derived (argon2), in order, through the real check."""
    seen: list[str] = []
    real = type(station.keyfile).verify_pin

    def verify_pin(self, volunteer_id: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(volunteer_id)
        return real(self, volunteer_id, *args, **kwargs)

    monkeypatch.setattr(type(station.keyfile), "verify_pin", verify_pin)
    return seen


def test_each_pin_is_derived_once_from_the_dialogs_check_to_the_saved_aid(
        station: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    family = register(station)
    aidcases.give_aid(station, cash_aid(station, family.id))
    helper = volunteers.add_volunteer(station, "李秀英", "112233")
    past = datetime.now(UTC) - timedelta(days=2)
    data = cash_aid(station, family.id, amount="2000")
    wanted = aidcases.needs(station, data, now=past)
    seen = counting_pins(station, monkeypatch)
    verified = aidcases.check_approvals(station, wanted, {  # what the approval dialog does
        ApprovalKind.CAP: Approval(station.volunteer.id, "房屋失火", PIN),
        ApprovalKind.CLOCK: Approval(station.volunteer.id, "时钟已核对", PIN),
        ApprovalKind.SECOND_VOLUNTEER: SecondSignOff(helper.id, "112233")})
    assert seen == [station.volunteer.id, helper.id]  # the head's PIN once for two needs
    aid = aidcases.give_aid(station, data, now=past, approvals=verified)
    assert seen == [station.volunteer.id, helper.id]  # give_aid derived nothing again
    assert aid.override_by == station.volunteer.id and aid.second_volunteer_id == helper.id
    assert aid.override_reason == "时钟已核对；房屋失火"


def test_an_approval_not_verified_in_this_session_is_no_approval(
        station: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    family = register(station)
    aidcases.give_aid(station, cash_aid(station, family.id))
    data = cash_aid(station, family.id)
    wanted = aidcases.needs(station, data)
    assert [n.kind for n in wanted] == [ApprovalKind.CAP]
    real = aidcases.check_approvals(station, wanted, {
        ApprovalKind.CAP: Approval(station.volunteer.id, "再次救助", PIN)})[ApprovalKind.CAP]
    forged = [
        aidcases.Verified(ApprovalKind.CAP, station.volunteer.id, "再次救助"),  # no seal
        aidcases.Verified(ApprovalKind.CAP, station.volunteer.id, "再次救助", b"x" * 32),
        dataclasses.replace(real, reason="另一个原因"),  # altered after the check
        dataclasses.replace(real, kind=ApprovalKind.CLOCK),  # sealed for another need
    ]
    before = table_counts(station)["aid"]
    for given in forged:
        with pytest.raises(NeedsApproval):
            aidcases.give_aid(station, data, approvals={ApprovalKind.CAP: given})
    # Sealed for the cap, it answers no other need.
    assert aidcases.check_approvals(station, [aidcases.no_signature_need()],
                                    {ApprovalKind.NO_SIGNATURE: real}) == {}
    # Another session of the same station (after a lock): verified there, not here.
    station.close()
    again = sessions.sign_in(station.paths, station.volunteer.id, PIN)
    with pytest.raises(NeedsApproval):
        aidcases.give_aid(again, data, approvals={ApprovalKind.CAP: real})
    assert table_counts(again)["aid"] == before
    aid = aidcases.give_aid(again, data, approvals=aidcases.check_approvals(again, wanted, {
        ApprovalKind.CAP: Approval(again.volunteer.id, "再次救助", PIN)}))
    assert aid.override_reason == "再次救助"
    again.close()
