"""The family roster (困难职工档案) in the union's column order, in the ledger's style.

Only the columns of the union's file that a station holds (docs: UNION-FORMS.md); members are
listed by name and relation in one cell, never with their ID numbers. Plain rows in, like the
ledger, so the central server can write the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from helpdesk.domain import idcard
from helpdesk.sheets import book
from helpdesk.sheets.book import Column

COLUMNS = (
    Column("序号", "No.", 6, "int"),
    Column("姓名", "Name", 10),
    Column("性别", "Sex", 6),
    Column("身份证号", "ID number", 21, "id"),
    Column("出生日期", "Born", 12, "date"),
    Column("困难类别", "Hardship tier", 10),
    Column("致困原因", "Causes of hardship", 16),
    Column("工作状态", "Employment", 12),
    Column("户口性质", "Hukou", 10),
    Column("工作单位", "Employer", 16),
    Column("家庭人口", "Household size", 8, "int"),
    Column("家庭成员", "Members", 24),
    Column("家庭月收入(元)", "Monthly household income (yuan)", 12, "money"),
    Column("社会保险", "Social insurance", 18),
    Column("手机", "Phone", 14, "id"),
    Column("住址", "Address", 24),
    Column("户口所在地行政区划", "Registered region", 20),
    Column("帮扶状态", "Status", 10),
    Column("建档日期", "Registered on", 12, "date"),
    Column("备注", "Remarks", 24),
)
HOUSEHOLD_COLUMN = 10


@dataclass(frozen=True)
class RosterRow:
    """One family as the roster shows it; text already in the roster's language."""

    name: str
    sex: str
    id_number: str  # the full number: the writer masks it unless asked not to
    born: date | None
    tier: str
    reasons: str
    employment: str
    hukou: str
    employer: str
    household: int
    members: str
    income_fen: int | None
    insurance: str
    phone: str
    address: str
    region: str
    status: str
    registered_on: date
    remark: str = ""


@dataclass(frozen=True)
class Totals:
    families: int
    people: int


def title(station: str, on: date, lang: str) -> str:
    if lang.startswith("zh"):
        return f"{station} 困难职工档案（截至 {on}）"
    return f"{station}: families in difficulty (as of {on})"


def write(path: Path, rows: list[RosterRow], *, station: str, on: date, lang: str = "zh",
          full_ids: bool = False) -> Totals:
    """Write the roster to `path`; ID numbers masked (`idcard.mask`) unless `full_ids`."""
    totals = Totals(families=len(rows), people=sum(r.household for r in rows))
    lines = (book.Line((n, r.name, r.sex, r.id_number if full_ids else idcard.mask(r.id_number)
                        if r.id_number else "", r.born, r.tier, r.reasons, r.employment, r.hukou,
                        r.employer, r.household, r.members,
                        None if r.income_fen is None else book.yuan(r.income_fen), r.insurance,
                        r.phone, r.address, r.region, r.status, r.registered_on, r.remark))
             for n, r in enumerate(rows, 1))
    zh = lang.startswith("zh")
    total_line: list[object] = [None] * len(COLUMNS)
    total_line[0] = "合计" if zh else "Total"
    total_line[1] = totals.families
    total_line[2] = "户" if zh else "families"
    total_line[HOUSEHOLD_COLUMN] = totals.people
    book.write(path, sheet_title="困难职工档案" if zh else "Families",
               title=title(station, on, lang), columns=COLUMNS, lines=lines,
               totals=tuple(total_line), lang=lang)
    return totals
