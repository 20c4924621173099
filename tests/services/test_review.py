"""The review use cases: conflicts, alerts, stuck changes, merging duplicate families."""

from __future__ import annotations

from typing import Any

import pytest

from helpdesk.domain.changes import Change
from helpdesk.domain.common import new_id
from helpdesk.domain.families import Family, FamilyIn
from helpdesk.errors import InvalidInput, KnownError, NeedsApproval
from helpdesk.services import aid as aidcases
from helpdesk.services import families, review, volunteers
from helpdesk.services import session as sessions
from helpdesk.services.session import Session
from helpdesk.store import outbox, versions
from helpdesk.sync import matches, wire
from tests.services.helpers import cash_aid, programme_id, register, table_counts


def _edit(s: Session, family_id: str, **changes: Any) -> Family:
    current = families.get(s, family_id)
    data = current.model_dump(include=set(FamilyIn.model_fields)) | changes
    return families.update_family(s, family_id, data, base_change_id=current.last_change_id)


def _remote_edit(s: Session, base: Family, **changes: Any) -> Change:
    """An edit another laptop made on `base` without seeing this one's, pulled now."""
    with s.write() as db:
        change = Change(change_id=new_id(), device_id="other-laptop", epoch=1, device_seq=1,
                        entity="family", entity_id=base.id, op="put", fields=tuple(changes),
                        state=base.model_dump(mode="json") | changes,
                        base_change_id=base.last_change_id, hlc=s.tick(), author="someone")
        versions.settle(db, change)
    return change


def _conflicted(s: Session) -> tuple[Family, Change]:
    family = register(s)
    _edit(s, family.id, phone="139 0000 0001")
    remote = _remote_edit(s, family, phone="13900000002")  # later HLC: it wins
    return family, remote


def _as_volunteer(station: Session) -> Session:
    volunteers.add_volunteer(station, "王芳", "135790")
    station.close()
    return sessions.sign_in(station.paths, "王芳", "135790")


def test_a_concurrent_edit_is_flagged_and_the_loser_can_be_put_back(station: Session) -> None:
    family, remote = _conflicted(station)
    assert families.get(station, family.id).phone == "13900000002"
    [item] = review.conflicts(station)
    assert (item.family_id, item.family_name, item.field) == (family.id, "张三", "phone")
    assert (item.kept_value, item.losing_value) == ("13900000002", "13900000001")
    assert item.lost_by == station.volunteer.name and review.review_count(station) == 1
    review.resolve_conflict(station, item.id, use_losing_value=True)
    after = families.get(station, family.id)
    assert after.phone == "13900000001" and review.conflicts(station) == []
    last = outbox.for_entity(station.db, "family", family.id)[-1]
    assert last.base_change_id == remote.change_id and last.fields == ("phone",)
    assert station.db.execute("SELECT count(*) FROM audit WHERE action = 'resolve_conflict'"
                              ).fetchone()[0] == 1


def test_keeping_the_winner_only_marks_it_resolved(station: Session) -> None:
    family, _ = _conflicted(station)
    [item] = review.conflicts(station)
    changes = table_counts(station)["changes"]
    review.resolve_conflict(station, item.id, use_losing_value=False)
    assert families.get(station, family.id).phone == "13900000002"
    assert review.conflicts(station) == [] and review.review_count(station) == 0
    assert table_counts(station)["changes"] == changes + 1  # the audit row only


def test_an_edit_on_top_of_both_leaves_nothing_to_review(station: Session) -> None:
    family, _ = _conflicted(station)
    _edit(station, family.id, phone="139 0000 0003")  # saw both values
    assert review.conflicts(station) == []


def test_head_only_actions_refuse_a_volunteer_and_write_nothing(station: Session) -> None:
    family, _ = _conflicted(station)
    other = register(station, head_name="张叁", id_number="", id_kind="none", phone="")
    [item] = review.conflicts(station)
    s = _as_volunteer(station)
    try:
        before = table_counts(s)
        for act in (lambda: review.resolve_conflict(s, item.id, use_losing_value=True),
                    lambda: review.merge_families(s, keep_id=family.id, merge_id=other.id,
                                                  reason="重复")):
            with pytest.raises(KnownError) as err:
                act()
            assert err.value.code == "head_only"
        assert table_counts(s) == before and len(review.conflicts(s)) == 1
    finally:
        s.close()


def test_bad_input_names_the_field_and_writes_nothing(station: Session) -> None:
    family = register(station)
    before = table_counts(station)
    cases = [({"keep_id": family.id, "merge_id": family.id, "reason": "x"}, "merge_id"),
             ({"keep_id": family.id, "merge_id": "nope", "reason": "x"}, "merge_id"),
             ({"keep_id": "nope", "merge_id": family.id, "reason": "x"}, "keep_id")]
    for kwargs, field in cases:
        with pytest.raises(InvalidInput) as err:
            review.merge_families(station, **kwargs)
        assert field in err.value.fields()
    other = register(station, head_name="张叁", id_number="", id_kind="none", phone="")
    before = table_counts(station)
    with pytest.raises(InvalidInput) as err:
        review.merge_families(station, keep_id=family.id, merge_id=other.id, reason="  ")
    assert set(err.value.fields()) == {"reason"}
    with pytest.raises(InvalidInput) as err:
        review.resolve_conflict(station, 12345, use_losing_value=True)
    assert set(err.value.fields()) == {"conflict_id"}
    with pytest.raises(InvalidInput) as err:
        review.mark_alert_reviewed(station, "no-such-aid")
    assert set(err.value.fields()) == {"aid_id"}
    assert table_counts(station) == before


def test_merging_hides_the_duplicate_and_counts_its_aid(station: Session) -> None:
    kept = register(station)
    dup = families.register_family(station, {**_data(kept), "id_kind": "none", "id_number": "",
                                             "birth_date": None}, acknowledged=[kept.id])
    given = aidcases.give_aid(station, cash_aid(station, dup.id))
    assert [f.id for f in review.merge_candidates(station, kept.id)] == [dup.id]
    review.merge_families(station, keep_id=kept.id, merge_id=dup.id, reason="同一户")
    [change] = [c for c in outbox.for_entity(station.db, "family", dup.id) if c.op == "merge"]
    assert change.state["merged_into"] == kept.id and change.fields == ("merged_into",)
    assert [h.family_id for h in families.find(station, "张三")] == [kept.id]
    assert [a.id for a in families.family_history(station, kept.id).aid] == [given.id]
    with pytest.raises(NeedsApproval):  # the kept family's cap counts the duplicate's aid
        aidcases.give_aid(station, cash_aid(station, kept.id))
    with pytest.raises(InvalidInput) as err:  # merging again is refused
        review.merge_families(station, keep_id=kept.id, merge_id=dup.id, reason="again")
    assert "merge_id" in err.value.fields()


def _data(family: Family) -> dict[str, Any]:
    return family.model_dump(include=set(FamilyIn.model_fields))


def test_alerts_are_listed_until_reviewed(station: Session) -> None:
    with station.write() as db:
        matches.put_alert(db, wire.Alert(
            server_seq=7, aid_id="aid-1", programme_id=programme_id(station, "SWN"),
            masked_id="420***********1234", station_code="420111-0002", family_id="f-1",
            others=({"station_code": "420111-0003", "family_id": "f-9"},),
            created_at="2026-11-20T00:00:00Z"))
    [alert] = review.alerts(station)
    assert alert.others == "420111-0003" and alert.programme_name
    assert review.review_count(station) == 1
    review.mark_alert_reviewed(station, "aid-1")
    assert review.alerts(station) == [] and review.review_count(station) == 0


def test_rejected_and_quarantined_changes_are_stuck(station: Session) -> None:
    family = register(station)
    station.db.execute("UPDATE changes SET sync_status = 'rejected', sync_detail = 'other_station'"
                       " WHERE entity = 'family' AND entity_id = ?", [family.id])
    [stuck] = review.stuck_changes(station)
    assert (stuck.entity_id, stuck.status, stuck.reason) == (family.id, "rejected",
                                                             "other_station")
    assert "张三" in stuck.summary and review.review_count(station) == 1
