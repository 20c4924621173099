"""The aid ledger (帮扶发放台账) as the union office wants it: one row per aid, void aid listed
with 作废 and its reason but left out of the totals.

Takes plain rows (`LedgerRow`), labels already in the chosen language, so the station and the
central server write the same file from their own queries.
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
    Column("困难类别", "Hardship tier", 10),
    Column("致困原因", "Causes of hardship", 16),
    Column("家庭人口", "Household size", 8, "int"),
    Column("工作单位", "Employer", 16),
    Column("帮扶项目", "Programme", 16),
    Column("帮扶方式", "Kind of aid", 8),
    Column("金额(元)", "Amount (yuan)", 12, "money"),
    Column("物资明细", "Goods", 20),
    Column("领取人", "Received by", 10),
    Column("与户主关系", "Relation to head", 10),
    Column("发放日期", "Date given", 12, "date"),
    Column("收据编号", "Receipt no.", 17),
    Column("经办人", "Handled by", 10),
    Column("备注", "Remarks", 22),
)
AMOUNT_COLUMN = 10  # 0-based index of 金额(元)


@dataclass(frozen=True)
class LedgerRow:
    """One aid as the ledger shows it; text already in the ledger's language."""

    name: str
    sex: str
    id_number: str  # the full number: the writer masks it unless asked not to
    tier: str
    reasons: str
    household: int | None
    employer: str
    programme: str
    kind: str
    amount_fen: int
    goods: str
    recipient: str
    relation: str
    given_on: date
    receipt_no: str
    handled_by: str
    voided: bool = False
    void_reason: str = ""
    remark: str = ""


@dataclass(frozen=True)
class Totals:
    rows: int  # every row listed, void included
    aid_count: int  # void aid excluded
    total_fen: int
    voided: int


def title(station: str, date_from: date | None, date_to: date | None, programme: str,
          lang: str) -> str:
    zh = lang.startswith("zh")
    if date_from and date_to:
        period = f"{date_from} 至 {date_to}" if zh else f"{date_from} to {date_to}"
    elif date_from:
        period = f"{date_from} 起" if zh else f"from {date_from}"
    elif date_to:
        period = f"截至 {date_to}" if zh else f"until {date_to}"
    else:
        period = "全部日期" if zh else "all dates"
    what = f"{programme} " if programme else ""
    if zh:
        return f"{station} {what}帮扶发放台账（{period}）"
    return f"{station}: {what}aid ledger ({period})"


def remark(row: LedgerRow, lang: str) -> str:
    """The 备注 cell: void aid says 作废 and why, before any other remark."""
    if not row.voided:
        return row.remark
    zh = lang.startswith("zh")
    void = "作废" if zh else "VOID"
    if row.void_reason:
        void += ("：" if zh else ": ") + row.void_reason
    return void + ("；" if zh else "; ") + row.remark if row.remark else void


def write(path: Path, rows: list[LedgerRow], *, station: str, date_from: date | None = None,
          date_to: date | None = None, programme: str = "", lang: str = "zh",
          full_ids: bool = False) -> Totals:
    """Write the ledger to `path` and return what its totals row says. ID numbers are masked
    (`idcard.mask`, as on receipts and screens) unless `full_ids`."""
    counted = [r for r in rows if not r.voided]
    totals = Totals(rows=len(rows), aid_count=len(counted),
                    total_fen=sum(r.amount_fen for r in counted), voided=len(rows) - len(counted))
    lines = (book.Line((n, r.name, r.sex, r.id_number if full_ids else idcard.mask(r.id_number)
                        if r.id_number else "", r.tier, r.reasons, r.household, r.employer,
                        r.programme, r.kind, book.yuan(r.amount_fen), r.goods, r.recipient,
                        r.relation, r.given_on, r.receipt_no, r.handled_by, remark(r, lang)),
                       struck=r.voided)
             for n, r in enumerate(rows, 1))
    zh = lang.startswith("zh")
    total_line: list[object] = [None] * len(COLUMNS)
    total_line[0] = "合计" if zh else "Total"
    total_line[1] = totals.aid_count
    total_line[2] = "笔" if zh else "aid"
    total_line[AMOUNT_COLUMN] = book.yuan(totals.total_fen)
    total_line[-1] = (f"不含作废 {totals.voided} 笔" if zh else
                      f"{totals.voided} void not counted")
    book.write(path, sheet_title="台账" if zh else "Ledger",
               title=title(station, date_from, date_to, programme, lang), columns=COLUMNS,
               lines=lines, totals=tuple(total_line), lang=lang)
    return totals
