"""Registering and editing families: one transaction each, bad input changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from helpdesk.domain import idcard
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import families
from helpdesk.services.session import Session
from helpdesk.store import outbox
from tests.services.helpers import family_data, register, table_counts


def test_register_writes_row_outbox_and_audit(station: Session) -> None:
    before = table_counts(station)
    family = register(station)
    after = table_counts(station)
    assert after["families"] == before["families"] + 1
    assert after["audit"] == before["audit"] + 1
    assert after["changes"] == before["changes"] + 2  # the family and its audit row
    changes = outbox.for_entity(station.db, "family", family.id)
    assert [c.op for c in changes] == ["put"]
    assert changes[0].change_id == family.last_change_id
    assert changes[0].state["head_name"] == "张三"
    assert family.income_fen == 120_000
    assert family.phone == "13812345678"
    assert family.birth_date == date(1980, 5, 17)
    assert (family.name_pinyin, family.name_initials) == ("zhang san", "zs")


@pytest.mark.parametrize(("field", "value"), [
    ("head_name", ""), ("id_number", "420111198005171234"), ("phone", "12345"),
    ("region", "99"), ("income_fen", "-5"), ("income_fen", "12.345"), ("reasons", []),
    ("hukou", "city"), ("employment", "astronaut"), ("birth_date", date(1999, 1, 1)),
])
def test_bad_input_names_the_field_and_changes_nothing(station: Session, field: str,
                                                       value: object) -> None:
    before = table_counts(station)
    with pytest.raises(InvalidInput) as err:
        register(station, **{field: value})
    assert field in err.value.fields(), err.value.en
    problem = err.value.fields()[field]
    assert problem.zh and problem.en and problem.zh != problem.en
    assert table_counts(station) == before


def test_same_id_is_refused_naming_the_family(station: Session) -> None:
    register(station)
    before = table_counts(station)
    with pytest.raises(KnownError) as err:
        register(station, head_name="李四", phone="13900000000")
    assert err.value.code == "id_registered"
    assert "张三" in err.value.zh and "420***********" in err.value.zh
    assert table_counts(station) == before


def test_likely_duplicates_are_shown_before_saving(station: Session) -> None:
    first = register(station)
    other_id = idcard.make("420111", date(1980, 5, 17), 456)
    with pytest.raises(families.PossibleDuplicates) as err:
        register(station, id_number=other_id)  # same name, same birth date, same phone
    assert [f.id for f in err.value.candidates] == [first.id]
    second = register(station, id_number=other_id, ) if False else families.register_family(
        station, family_data(id_number=other_id), acknowledged=[first.id])
    assert second.id != first.id


def test_same_pinyin_and_phone_is_a_likely_duplicate(station: Session) -> None:
    register(station, head_name="曾国藩", id_kind="none", id_number="", birth_date=None)
    found = families.likely_duplicates(station, family_data(
        head_name="曾国藩", id_kind="none", id_number="", birth_date=None))
    assert len(found) == 1


def test_update_is_version_checked_and_names_changed_fields(station: Session) -> None:
    family = register(station)
    updated = families.update_family(station, family.id, family_data(phone="13900001111"),
                                     base_change_id=family.last_change_id)
    change = outbox.for_entity(station.db, "family", family.id)[-1]
    assert change.fields == ("phone",)
    assert change.base_change_id == family.last_change_id
    with pytest.raises(KnownError) as err:  # a second edit made on the old version
        families.update_family(station, family.id, family_data(address="别处"),
                               base_change_id=family.last_change_id)
    assert err.value.code == "stale_family"
    assert families.family_history(station, family.id).family == updated


def test_members_are_added_and_updated(station: Session) -> None:
    family = register(station)
    child_id = idcard.make("420111", date(2012, 3, 4), 88)
    member = families.add_member(station, family.id, {"name": "张小明", "relation": "child",
                                                      "id_number": child_id,
                                                      "school_or_work": "初中"})
    assert member.birth_date == date(2012, 3, 4)
    changed = families.update_member(station, member.id, {
        "name": "张小明", "relation": "child", "id_number": child_id, "health": "哮喘",
        "school_or_work": "初中"}, base_change_id=member.last_change_id)
    assert outbox.for_entity(station.db, "member", member.id)[-1].fields == ("health",)
    assert families.family_history(station, family.id).members == [changed]
    with pytest.raises(KnownError):  # the child's ID is now taken by this family
        register(station, head_name="王五", id_number=child_id, phone="13700000000")


def test_search_finds_by_name_pinyin_and_tails(station: Session) -> None:
    family = register(station)
    for query in ("张", "张三", "zs", "zhangsan", family.id_number[-4:], "5678"):
        assert family.id in [h.family_id for h in families.find(station, query)], query


@pytest.mark.parametrize("blank", ["", "  ", None])
def test_a_blank_income_stays_unknown_not_zero(station: Session, blank: object) -> None:
    family = register(station, income_fen=blank)
    assert family.income_fen is None
    stored = families.family_history(station, family.id).family
    assert stored.income_fen is None
    assert outbox.for_entity(station.db, "family", family.id)[0].state["income_fen"] is None
    edited = families.update_family(station, family.id, {**family_data(), "income_fen": "0"},
                                    base_change_id=family.last_change_id)
    assert edited.income_fen == 0  # a typed 0 is a known income of nothing
