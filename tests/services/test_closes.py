"""Closing the cash day: expected cash from the aid records, the count, the witness, and a
closed day that refuses aid until a head reopens it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from helpdesk.domain import idcard
from helpdesk.domain.closes import counts_for
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import aid as aidcases
from helpdesk.services import closes, volunteers
from helpdesk.services import session as sessions
from helpdesk.services.session import Session
from helpdesk.store import audit, outbox
from tests.conftest import PIN
from tests.services.helpers import cash_aid, programme_id, register, table_counts

WITNESS, WITNESS_PIN = "王芳", "135790"


def _id(n: int) -> str:
    return idcard.make("420111", date(1980, 5, 17), 300 + n)


def _data(session: Session, counted_fen: int, float_fen: str = "2000", **more: Any
          ) -> dict[str, Any]:
    return {"day": session.today().isoformat(), "float_fen": float_fen,
            "counts": counts_for(counted_fen), **more}


def _close(session: Session, counted_fen: int, **more: Any) -> Any:
    return closes.close_day(session, _data(session, counted_fen, **more), closer_pin=PIN,
                            witness_id=WITNESS, witness_pin=WITNESS_PIN)


@pytest.fixture
def day(station: Session) -> Session:
    """The station with a witness, two cash aids today (500 + 300.50), one voided cash aid
    (200) and one goods aid (not cash)."""
    volunteers.add_volunteer(station, WITNESS, WITNESS_PIN)
    for n, amount in enumerate(("500", "300.50", "200")):
        fam = register(station, head_name=f"张{'一二三'[n]}",
                       id_number=_id(n), phone=f"138 1234 56{n:02d}")
        given = aidcases.give_aid(station, cash_aid(station, fam.id, prefix="SWN" if n < 2
                                                    else "JQZX", amount=amount))
    aidcases.void_aid(station, given.id, "金额写错")
    fam = register(station, head_name="李四", id_number=_id(7),
                   phone="138 1234 5699")
    aidcases.give_aid(station, {"family_id": fam.id, "programme_id": programme_id(station,
                                                                                  "DJWZ"),
                                "kind": "goods", "goods": [{"item": "大米", "qty": 1,
                                                            "unit": "袋", "value_fen": "80"}],
                                "signature_png": cash_aid(station, fam.id)["signature_png"]})
    return station


def test_expected_is_the_days_cash_aid_not_voided(day: Session) -> None:
    got = closes.expected(day)
    assert got.count == 2 and got.cash_out_fen == 80_050
    assert sorted(r["amount_fen"] for r in got.rows) == [30_050, 50_000]
    assert got.in_box_fen(200_000) == 119_950
    total = day.db.execute("SELECT sum(amount_fen) FROM aid WHERE kind = 'cash' AND "
                           "voided_at IS NULL AND local_date = ?", [day.today().isoformat()]
                           ).fetchone()[0]
    assert got.cash_out_fen == total


def test_a_close_that_balances_is_recorded_with_its_change_and_audit(day: Session) -> None:
    before = table_counts(day)
    close = _close(day, 119_950)
    assert (close.expected_fen, close.counted_fen, close.difference_fen) == (119_950,) * 2 + (0,)
    assert close.closed_by == day.volunteer.id and close.witness_id != close.closed_by
    after = table_counts(day)
    assert after["changes"] == before["changes"] + 2 and after["audit"] == before["audit"] + 1
    change = outbox.for_entity(day.db, "close", close.id)[0]
    assert change.state["counted_fen"] == 119_950 and change.state["day"] == close.day
    assert audit.recent(day.db, 1)[0]["action"] == "close_day"
    assert closes.all_closes(day) == [close]


def test_a_difference_needs_a_reason(day: Session) -> None:
    before = table_counts(day)
    with pytest.raises(InvalidInput) as err:
        _close(day, 119_900)
    assert "reason" in err.value.fields() and "-0.50" in err.value.en
    assert table_counts(day) == before
    close = _close(day, 119_900, reason="找零时多给了五角")
    assert close.difference_fen == -50 and close.reason == "找零时多给了五角"


def test_the_witness_is_not_the_closer_and_both_pins_are_checked(day: Session) -> None:
    before = table_counts(day)
    with pytest.raises(InvalidInput) as err:
        closes.close_day(day, _data(day, 119_950), closer_pin=PIN,
                         witness_id=day.volunteer.id, witness_pin=PIN)
    assert list(err.value.fields()) == ["witness_id"]
    with pytest.raises(KnownError) as wrong:
        closes.close_day(day, _data(day, 119_950), closer_pin=PIN, witness_id=WITNESS,
                         witness_pin="246810")
    assert wrong.value.code == "wrong_pin"
    with pytest.raises(KnownError) as wrong:
        closes.close_day(day, _data(day, 119_950), closer_pin="246810", witness_id=WITNESS,
                         witness_pin=WITNESS_PIN)
    assert wrong.value.code == "wrong_pin"
    assert table_counts(day) == before


def test_a_closed_day_refuses_aid_until_a_head_reopens_it(day: Session) -> None:
    close = _close(day, 119_950)
    fam = register(day, head_name="王五", id_number=_id(9),
                   phone="138 1234 5688")
    last = day.db.execute("SELECT id FROM aid WHERE voided_at IS NULL AND kind = 'cash' "
                          "LIMIT 1").fetchone()[0]
    before = table_counts(day)
    with pytest.raises(KnownError) as given:
        aidcases.give_aid(day, cash_aid(day, fam.id))
    assert given.value.code == "day_closed" and close.day in given.value.en
    assert "station head" in given.value.en and "站长" in given.value.zh
    with pytest.raises(KnownError) as voided:
        aidcases.void_aid(day, last, "写错")
    assert voided.value.code == "day_closed"
    with pytest.raises(KnownError) as again:
        _close(day, 119_950)
    assert again.value.code == "already_closed"
    assert table_counts(day) == before
    with pytest.raises(InvalidInput):
        closes.reopen_day(day, close.day, "  ")
    reopened = closes.reopen_day(day, close.day, "补录一笔漏记的发放")
    assert reopened.reopened_by == day.volunteer.id and reopened.id == close.id
    assert audit.recent(day.db, 1)[0]["action"] == "reopen_day"
    assert [c.op for c in outbox.for_entity(day.db, "close", close.id)] == ["put", "put"]
    aidcases.give_aid(day, cash_aid(day, fam.id))
    aidcases.void_aid(day, last, "写错")
    second = _close(day, closes.expected(day).in_box_fen(200_000))
    assert second.id != close.id and second.aid_count == 2 and second.difference_fen == 0
    assert [c.reopened for c in closes.all_closes(day)] == [False, True]


def test_a_volunteer_cannot_reopen(day: Session) -> None:
    close = _close(day, 119_950)
    day.close()
    s = sessions.sign_in(day.paths, WITNESS, WITNESS_PIN)
    try:
        with pytest.raises(KnownError) as err:
            closes.reopen_day(s, close.day, "想再发一笔")
        assert err.value.code == "head_only"
        assert closes.closed(s, close.day) is not None
    finally:
        s.close()


def test_a_day_to_come_cannot_be_closed(day: Session) -> None:
    data = _data(day, 0) | {"day": "2999-01-01"}
    with pytest.raises(InvalidInput) as err:
        closes.close_day(day, data, closer_pin=PIN, witness_id=WITNESS,
                         witness_pin=WITNESS_PIN)
    assert list(err.value.fields()) == ["day"]
