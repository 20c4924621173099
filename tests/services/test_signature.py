"""No aid without the recipient's signature, unless a station head records why they could not
sign; the record travels with the aid and the server's model checks it."""

from __future__ import annotations

import pytest

from helpdesk.domain.aid import Aid
from helpdesk.domain.errors import Invalid
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput, KnownError, NeedsApproval
from helpdesk.services import aid as aidcases
from helpdesk.services import session as sessions
from helpdesk.services import volunteers
from helpdesk.services.aid import Approval
from helpdesk.services.session import Session
from helpdesk.store import aid as aidstore
from helpdesk.store import audit, outbox
from tests import signatures
from tests.conftest import PIN
from tests.services.helpers import SIGNATURE, cash_aid, register, table_counts


def unsigned(station: Session, family_id: str) -> dict[str, object]:
    data = cash_aid(station, family_id)
    del data["signature_png"]
    return data


def test_aid_without_a_signature_is_refused_and_changes_nothing(station: Session) -> None:
    family = register(station)
    before = table_counts(station)
    with pytest.raises(InvalidInput) as err:
        aidcases.give_aid(station, unsigned(station, family.id))
    problem = err.value.fields()["signature"]
    assert "必须先签名" in problem.text("zh") and "must sign first" in problem.text("en")
    assert table_counts(station) == before


@pytest.mark.parametrize("strokes", [signatures.TAP, signatures.DOT, signatures.SHORT_LINE,
                                     signatures.LONG_LINE])
def test_strokes_that_are_no_signature_are_refused_in_the_use_case(
        station: Session, strokes: signatures.Strokes) -> None:
    family = register(station)
    before = table_counts(station)
    with pytest.raises(InvalidInput) as err:
        aidcases.give_aid(station, cash_aid(station, family.id) | {"signature_strokes": strokes})
    assert "signature" in err.value.fields()
    assert table_counts(station) == before


def test_a_real_signature_with_its_strokes_is_saved(station: Session) -> None:
    family = register(station)
    aid = aidcases.give_aid(station, cash_aid(station, family.id)
                            | {"signature_strokes": signatures.ZHANG_SAN})
    assert aid.signature_hash and aidstore.signature(station.db, aid.signature_hash) == SIGNATURE
    assert not aid.no_signature_reason and aid.no_signature_by is None


def test_head_records_could_not_sign_with_a_reason(station: Session) -> None:
    family = register(station)
    aid = aidcases.give_aid(station, unsigned(station, family.id), no_signature=Approval(
        station.volunteer.id, "右手骨折，无法握笔", PIN))
    assert aid.signature_hash is None
    assert (aid.no_signature_reason, aid.no_signature_by) == ("右手骨折，无法握笔",
                                                              station.volunteer.id)
    assert aidstore.get(station.db, aid.id) == aid  # stored and read back
    state = outbox.for_entity(station.db, "aid", aid.id)[-1].state
    assert Aid.model_validate(state) == aid  # what the server checks pushed states with
    assert audit.recent(station.db, 1)[0]["detail"]["no_signature"] is True


def test_could_not_sign_needs_a_reason_and_a_head(station: Session) -> None:
    family = register(station)
    with pytest.raises(NeedsApproval) as need:
        aidcases.give_aid(station, unsigned(station, family.id),
                          no_signature=Approval(station.volunteer.id, "  "))
    assert need.value.kind == "no_signature"  # an ApprovalKind, a str enum
    helper = volunteers.add_volunteer(station, "王芳", "135790")
    with pytest.raises(KnownError) as err:
        aidcases.give_aid(station, unsigned(station, family.id),
                          no_signature=Approval(helper.id, "看不清", "135790"))
    assert err.value.code == "approver_not_head"
    before = table_counts(station)
    with pytest.raises(KnownError) as err:
        aidcases.give_aid(station, cash_aid(station, family.id),
                          no_signature=Approval(station.volunteer.id, "看不清"))
    assert err.value.code == "signed_and_not"
    assert table_counts(station) == before


def test_a_volunteer_needs_the_heads_pin_for_could_not_sign(station: Session) -> None:
    family = register(station)
    head_id = station.volunteer.id
    volunteers.add_volunteer(station, "王芳", "135790")
    station.close()
    s = sessions.sign_in(station.paths, "王芳", "135790")
    try:
        with pytest.raises(KnownError):
            aidcases.give_aid(s, unsigned(s, family.id),
                              no_signature=Approval(head_id, "不识字", "000000"))
        aid = aidcases.give_aid(s, unsigned(s, family.id),
                                no_signature=Approval(head_id, "不识字", PIN))
        assert aid.no_signature_by == head_id and aid.volunteer_id != head_id
    finally:
        s.close()


def test_the_aid_model_keeps_reason_and_head_together(station: Session) -> None:
    family = register(station)
    state = aidcases.give_aid(station, cash_aid(station, family.id)).model_dump(mode="json")
    old = {k: v for k, v in state.items() if not k.startswith("no_signature")}
    assert validate(Aid, old).no_signature_reason == ""  # states made before the field
    for bad in ({"signature_hash": None, "no_signature_reason": "不识字"},
                {"signature_hash": None, "no_signature_by": station.volunteer.id},
                {"no_signature_reason": "不识字", "no_signature_by": station.volunteer.id},
                {"signature_hash": None, "no_signature_reason": "x" * 201,
                 "no_signature_by": station.volunteer.id}):
        with pytest.raises(Invalid):
            validate(Aid, state | bad)
