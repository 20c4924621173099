"""The hardship tier the income suggests: the boundaries of the union's rule."""

from __future__ import annotations

import pytest

from helpdesk.domain.tiers import Tier, suggest

LINE = 800_00  # 800 yuan per person per month


def _monthly_for(per_person_fen: int, household: int, spending: int = 0) -> int:
    """The monthly household income whose rule figure is exactly `per_person_fen`."""
    return (per_person_fen * 12 * household + spending) // 12


@pytest.mark.parametrize(("per_person", "expected"), [
    (LINE - 1, Tier.DEEP),          # just below 1×
    (LINE, Tier.RELATIVE),          # exactly 1×: not below the line
    (2 * LINE - 1, Tier.RELATIVE),  # just below 2×
    (2 * LINE, None),               # exactly 2×: no tier
    (0, Tier.DEEP),
])
def test_boundaries_at_one_and_two_times_the_line(per_person: int, expected: Tier | None) -> None:
    got = suggest(_monthly_for(per_person, 3), None, 3, LINE)
    assert got is not None and got.tier is expected and got.per_person_fen == per_person


def test_spending_is_taken_off_the_years_income() -> None:
    # 3,000 a month for 2 people = 36,000 a year; 18,000 of medical bills leave 18,000:
    # 18,000 / 12 / 2 = 750 a person a month, below the 800 line.
    got = suggest(3000_00, 18000_00, 2, LINE)
    assert got is not None
    assert (got.yearly_income_fen, got.spending_fen, got.per_person_fen) == (
        36000_00, 18000_00, 750_00)
    assert got.tier is Tier.DEEP
    without = suggest(3000_00, None, 2, LINE)  # 1,500 a person: below 2 × 800
    assert without is not None and without.tier is Tier.RELATIVE
    low_line = suggest(3000_00, None, 2, 700_00)  # 1,500 ≥ 2 × 700
    assert low_line is not None and low_line.tier is None


def test_spending_above_income_is_the_deepest_case() -> None:
    got = suggest(1000_00, 20000_00, 1, LINE)
    assert got is not None and got.tier is Tier.DEEP and got.per_person_fen < 0


@pytest.mark.parametrize(("income", "household", "line"), [
    (None, 3, LINE),  # income not known: no suggestion, never "0 income = deep"
    (1000_00, 3, None),  # no 低保 line set at the station
    (1000_00, 3, 0),
    (1000_00, 0, LINE),
])
def test_no_suggestion_without_the_figures(income: int | None, household: int,
                                           line: int | None) -> None:
    assert suggest(income, None, household, line) is None


def test_sudden_hardship_is_never_suggested() -> None:
    for income in range(0, 10_000_00, 7_919):
        got = suggest(income, 50_000_00, 4, LINE)
        assert got is not None and got.tier is not Tier.SUDDEN
    assert Tier.SUDDEN.label("zh") == "意外致困" and Tier.SUDDEN.label("en") == "Sudden hardship"
