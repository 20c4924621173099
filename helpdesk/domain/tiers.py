"""The union's hardship tiers and the rule that suggests one from a family's income.

A city union's rules (UNION-FORMS.md): (family annual income − essential spending 刚性支出)
÷ 12 ÷ household size, per person per month, below the local 低保 (minimum living allowance)
line is 深度困难; below twice the line, 相对困难. 意外致困 (a disaster, accident or serious
illness costing more than 80 % of the year's income) is a person's judgement, never suggested
from income.

Our family form records the household income per MONTH (as the union's 家庭月人均收入 and
the members' 月收入 are kept) and essential spending per YEAR (medical bills, school fees
come as yearly sums), so the yearly income is the monthly figure × 12.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpdesk.domain.common import Labelled


class Tier(Labelled):
    DEEP = "deep"
    RELATIVE = "relative"
    SUDDEN = "sudden"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {
            "deep": ("深度困难", "Deep hardship"),
            "relative": ("相对困难", "Relative hardship"),
            "sudden": ("意外致困", "Sudden hardship"),
        }


SUGGESTED = (Tier.DEEP, Tier.RELATIVE)  # the tiers income can suggest; SUDDEN never


@dataclass(frozen=True)
class Suggestion:
    """The figures of the rule, so the form can show its arithmetic.

    `per_person_fen` is rounded down to the fen; the comparison itself is exact (made on
    the undivided figures), so a family exactly on the line is judged the same whatever the
    rounding. `tier` is None when the figure is at or above twice the line."""

    yearly_income_fen: int
    spending_fen: int
    household: int
    line_fen: int
    per_person_fen: int
    tier: Tier | None


def suggest(monthly_income_fen: int | None, yearly_spending_fen: int | None, household: int,
            line_fen: int | None) -> Suggestion | None:
    """The tier the income suggests, or None when it cannot be told: income not known, no
    低保 line set, or no household. Strictly below 1× the line: deep; strictly below 2×:
    relative; exactly on a line is the upper tier's side (the rule says "below")."""
    if monthly_income_fen is None or not line_fen or line_fen <= 0 or household < 1:
        return None
    yearly = monthly_income_fen * 12
    spending = yearly_spending_fen or 0
    net = yearly - spending  # may be negative: spending above income is the deepest case
    months = 12 * household  # per person per month = net / months; compare net with line × months
    if net < line_fen * months:
        tier: Tier | None = Tier.DEEP
    elif net < 2 * line_fen * months:
        tier = Tier.RELATIVE
    else:
        tier = None
    return Suggestion(yearly, spending, household, line_fen, net // months, tier)
