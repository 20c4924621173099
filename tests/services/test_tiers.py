"""The station's 低保 line and who may set a family's hardship tier."""

from __future__ import annotations

import pytest

from helpdesk.domain.tiers import Tier
from helpdesk.errors import KnownError
from helpdesk.services import families, tiers, volunteers
from helpdesk.services import session as sessions
from helpdesk.services.session import Session
from helpdesk.store import outbox
from tests.services.helpers import family_data, register, table_counts


def test_the_head_sets_and_clears_the_line(station: Session) -> None:
    assert tiers.poverty_line(station) is None
    assert tiers.suggest(station, 1000_00, None, 2) is None  # no line: no suggestion
    assert tiers.set_poverty_line(station, " 860.5 元") == 860_50
    assert tiers.poverty_line(station) == 860_50
    got = tiers.suggest(station, 1000_00, None, 2)
    assert got is not None and got.tier is Tier.DEEP and got.per_person_fen == 500_00
    assert tiers.set_poverty_line(station, "") is None
    assert tiers.poverty_line(station) is None


@pytest.mark.parametrize("typed", ["abc", "0", "-5", "20000"])
def test_a_bad_line_names_the_field_and_changes_nothing(station: Session, typed: str) -> None:
    tiers.set_poverty_line(station, "800")
    with pytest.raises(KnownError) as err:
        tiers.set_poverty_line(station, typed)
    assert err.value.code == "dibao_line"
    assert "低保标准" in err.value.zh and "Minimum living allowance line" in err.value.en
    assert tiers.poverty_line(station) == 800_00


def test_household_size_counts_the_head_and_the_members(station: Session) -> None:
    family = register(station)
    assert tiers.household_size(station, None) == 1
    assert tiers.household_size(station, family.id) == 1
    families.add_member(station, family.id, {"name": "王丽", "relation": "spouse"})
    families.add_member(station, family.id, {"name": "张三", "relation": "head"})
    assert tiers.household_size(station, family.id) == 2


def test_a_volunteer_sees_suggestions_but_cannot_set_a_tier(station: Session) -> None:
    tiers.set_poverty_line(station, "800")
    family = register(station)
    volunteers.add_volunteer(station, "王芳", "135790")
    station.close()
    s = sessions.sign_in(station.paths, "王芳", "135790")
    try:
        assert tiers.suggest(s, 500_00, None, 1) is not None  # the suggestion shows for anyone
        with pytest.raises(KnownError) as err:
            tiers.set_poverty_line(s, "900")
        assert err.value.code == "head_only"
        before = table_counts(s)
        with pytest.raises(KnownError) as err:
            families.register_family(s, family_data(head_name="李四", id_kind="none",
                                                    id_number="", phone="", tier="deep"))
        assert err.value.code == "head_only" and "困难等级" in err.value.zh
        with pytest.raises(KnownError) as err:
            families.update_family(s, family.id, family_data(tier="relative"),
                                   base_change_id=family.last_change_id)
        assert err.value.code == "head_only"
        assert table_counts(s) == before and families.get(s, family.id).tier is None
        # Everything else a volunteer may still edit, the spending included.
        edited = families.update_family(s, family.id, family_data(essential_spending_fen="6000"),
                                        base_change_id=family.last_change_id)
        assert edited.essential_spending_fen == 6000_00 and edited.tier is None
    finally:
        s.close()


def test_a_head_confirms_a_tier_and_it_travels(station: Session) -> None:
    family = register(station)
    confirmed = families.update_family(station, family.id, family_data(tier="sudden"),
                                       base_change_id=family.last_change_id)
    assert families.get(station, family.id).tier is Tier.SUDDEN
    change = outbox.for_entity(station.db, "family", family.id)[-1]
    assert list(change.fields) == ["tier"]
    assert change.state["tier"] == "sudden" and confirmed.last_change_id == change.change_id
