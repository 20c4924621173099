"""What the station pushes passes the server's check: every outbox state of the real flows
validates with the domain model of its entity, and junk is refused before it is written."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from helpdesk.domain.aid import Aid
from helpdesk.domain.audit import AuditRow
from helpdesk.domain.families import Family, Member
from helpdesk.domain.programmes import Programme
from helpdesk.domain.station import Station, Volunteer
from helpdesk.errors import InvalidInput
from helpdesk.services import aid as aidcases
from helpdesk.services import demo, families, review, volunteers
from helpdesk.services import station as station_cases
from helpdesk.services.aid import Approval
from helpdesk.services.session import Session
from helpdesk.store import outbox
from tests.conftest import PIN
from tests.services.helpers import SIGNATURE, cash_aid, programme_id, register, table_counts

MODELS: dict[str, type[BaseModel]] = {
    "family": Family, "member": Member, "aid": Aid, "programme": Programme,
    "station": Station, "volunteer": Volunteer, "audit": AuditRow}


def test_every_outbox_state_of_the_real_flows_is_a_valid_model(station: Session) -> None:
    family = register(station, address="珞喻路１０３７号（东区）", notes="第一行\n第二行")
    families.update_family(station, family.id, {
        **family.model_dump(include={"head_name", "id_kind", "id_number", "region", "hukou",
                                     "employment", "reasons"}), "phone": "13812345678"},
        base_change_id=family.last_change_id)
    families.add_member(station, family.id, {"name": "阿依古丽·买买提", "relation": "spouse",
                                             "health": "高血压"})
    given = aidcases.give_aid(station, cash_aid(station, family.id))
    aidcases.give_aid(station, cash_aid(station, family.id),
                      cap_approval=Approval(station.volunteer.id, "房屋失火，再次救助", PIN))
    aidcases.void_aid(station, given.id, "金额录错")
    aidcases.give_aid(station, {
        "family_id": family.id, "programme_id": programme_id(station, "DJWZ"), "kind": "goods",
        "goods": [{"item": "大米", "qty": "2", "unit": "袋", "value_fen": "160"}],
        "signature_png": SIGNATURE})
    dup = register(station, head_name="张叁", id_kind="none", id_number="", phone="")
    review.merge_families(station, keep_id=family.id, merge_id=dup.id, reason="同一户")
    volunteers.add_volunteer(station, "𠮷田", "135790")
    station_cases.set_cash_threshold(station, "2000")
    demo.add_families(station, 20)
    demo.add_aid(station, 20)
    pending = outbox.pending(station.db, limit=10_000)
    assert {c.entity for c in pending} == set(MODELS)
    for change in pending:
        MODELS[change.entity].model_validate(change.state)


@pytest.mark.parametrize("reason", ["金额\x00录错", "金额\u202e录错", "\x1b[31m错", "错" * 201,
                                    "第一行\n第二行"])
def test_junk_reasons_are_refused_and_write_nothing(station: Session, reason: str) -> None:
    family = register(station)
    given = aidcases.give_aid(station, cash_aid(station, family.id))
    dup = register(station, head_name="张叁", id_kind="none", id_number="", phone="")
    before = table_counts(station)
    calls: list[Any] = [
        lambda: aidcases.void_aid(station, given.id, reason),
        lambda: aidcases.give_aid(station, cash_aid(station, family.id),
                                  cap_approval=Approval(station.volunteer.id, reason, PIN)),
        lambda: review.merge_families(station, keep_id=family.id, merge_id=dup.id,
                                      reason=reason)]
    for call in calls:
        with pytest.raises(InvalidInput) as err:
            call()
        assert list(err.value.fields()) == ["reason"]
        assert err.value.problems[0].zh and err.value.problems[0].en
    assert table_counts(station) == before
