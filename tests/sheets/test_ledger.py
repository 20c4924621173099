"""The ledger and roster writers on real files, read back by openpyxl and by LibreOffice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpdesk.domain import idcard
from helpdesk.sheets import ledger, roster
from tests.sheets import office

ID_X = next(n for n in (idcard.make("110101", date(1990, 3, 7), s) for s in range(1000))
            if n.endswith("X"))
OTHER_DOC = "0012345678"  # another document: may begin with zeros

BASE = ledger.LedgerRow(
    name="王丽", sex="女", id_number=ID_X, tier="", reasons="重病、单亲家庭", household=3,
    employer="", programme="2026 送温暖", kind="现金", amount_fen=50000, goods="",
    recipient="王丽", relation="户主本人", given_on=date(2026, 1, 5),
    receipt_no="K7QM-2026-00001", handled_by="admin")
ROWS = [
    BASE,
    replace(BASE, name="李强", id_number=OTHER_DOC, amount_fen=30050, voided=True,
            void_reason="金额录错", receipt_no="K7QM-2026-00002"),
    replace(BASE, name="赵敏", amount_fen=12345, kind="物资", goods="大米 2袋；食用油 1桶",
            receipt_no="K7QM-2026-00003", given_on=date(2026, 1, 9)),
]


def _write(tmp_path: Path, **kwargs: object) -> tuple[Path, ledger.Totals]:
    path = tmp_path / "ledger.xlsx"
    totals = ledger.write(path, ROWS, station="关山街道帮扶站", date_from=date(2026, 1, 1),
                          date_to=date(2026, 1, 31), **kwargs)  # type: ignore[arg-type]
    return path, totals


def test_columns_title_totals_and_void_rows(tmp_path: Path) -> None:
    path, totals = _write(tmp_path)
    assert totals == ledger.Totals(rows=3, aid_count=2, total_fen=62345, voided=1)
    ws = load_workbook(path).active
    assert ws["A1"].value == "关山街道帮扶站 帮扶发放台账（2026-01-01 至 2026-01-31）"
    assert "A1:R1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == [
        "序号", "姓名", "性别", "身份证号", "困难类别", "致困原因", "家庭人口", "工作单位",
        "帮扶项目", "帮扶方式", "金额(元)", "物资明细", "领取人", "与户主关系", "发放日期",
        "收据编号", "经办人", "备注"]
    void = ws[4]
    assert void[1].value == "李强" and void[17].value == "作废：金额录错"
    assert void[10].font.strike and not ws["K3"].font.strike
    total = [c.value for c in ws[6]]
    assert total[0] == "合计" and total[1] == 2 and total[10] == pytest.approx(623.45)
    assert "作废 1" in total[17]
    assert ws.max_row == 6


def test_money_and_dates_are_numbers_in_their_formats(tmp_path: Path) -> None:
    ws = load_workbook(_write(tmp_path)[0]).active
    for row in (3, 4, 5, 6):
        assert ws.cell(row, 11).data_type == "n" and ws.cell(row, 11).number_format == "0.00"
    assert ws["K5"].value == pytest.approx(123.45)
    assert ws["O3"].is_date and ws["O3"].value.date() == date(2026, 1, 5)


def test_ids_are_text_and_masked_unless_full(tmp_path: Path) -> None:
    ws = load_workbook(_write(tmp_path)[0]).active
    cells = [ws.cell(r, 4) for r in (3, 4, 5)]
    assert all(c.data_type == "s" and c.number_format == "@" for c in cells)
    assert [c.value for c in cells] == [idcard.mask(ID_X), idcard.mask(OTHER_DOC),
                                        idcard.mask(ID_X)]
    assert all("*" in c.value and ID_X not in c.value for c in cells)
    full = load_workbook(_write(tmp_path, full_ids=True)[0]).active
    assert [full.cell(r, 4).value for r in (3, 4)] == [ID_X, OTHER_DOC]
    assert full["D3"].data_type == "s" and full["D3"].number_format == "@"


def test_print_setup_a4_landscape_fit_to_width_header_repeated(tmp_path: Path) -> None:
    ws = load_workbook(_write(tmp_path)[0]).active
    setup = ws.page_setup
    assert (setup.orientation, str(setup.paperSize)) == ("landscape", "9")
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$2:$2"
    assert ws.freeze_panes == "A3"


def test_english_headers_and_labels(tmp_path: Path) -> None:
    ws = load_workbook(_write(tmp_path, lang="en")[0]).active
    assert ws["A1"].value == "关山街道帮扶站: aid ledger (2026-01-01 to 2026-01-31)"
    assert ws["A2"].value == "No." and ws["D2"].value == "ID number"
    assert ws["K2"].value == "Amount (yuan)" and ws["R2"].value == "Remarks"
    assert ws["R4"].value == "VOID: 金额录错" and ws["A6"].value == "Total"


@pytest.mark.parametrize(("kwargs", "period"), [
    ({"date_from": date(2026, 1, 1)}, "（2026-01-01 起）"),
    ({"date_to": date(2026, 1, 31)}, "（截至 2026-01-31）"),
    ({}, "（全部日期）")])
def test_title_says_an_open_period(tmp_path: Path, kwargs: dict[str, date], period: str) -> None:
    path = tmp_path / "l.xlsx"
    ledger.write(path, ROWS, station="站", programme="送温暖", **kwargs)  # type: ignore[arg-type]
    assert load_workbook(path).active["A1"].value == f"站 送温暖 帮扶发放台账{period}"


def test_libreoffice_reads_the_totals_and_keeps_ids_as_typed(tmp_path: Path) -> None:
    path, _ = _write(tmp_path, full_ids=True)
    rows = office.csv_rows(path, tmp_path / "csv")
    assert rows[1][:4] == ["序号", "姓名", "性别", "身份证号"]
    assert [r[3] for r in rows[2:5]] == [ID_X, OTHER_DOC, ID_X]  # leading zeros, final X kept
    assert rows[2][10] == "500.00" and rows[3][17] == "作废：金额录错"
    assert rows[5][0] == "合计" and rows[5][1] == "2" and rows[5][10] == "623.45"


def test_roster_in_the_same_style(tmp_path: Path) -> None:
    row = roster.RosterRow(
        name="王丽", sex="女", id_number=ID_X, born=date(1990, 3, 7), tier="", reasons="重病",
        employment="农民工", hukou="农村户口", employer="", household=3,
        members="李明（配偶）、李小（子女）", income_fen=120000, insurance="医疗保险",
        phone="13812345678", address="珞喻路 100 号", region="420111 湖北省 武汉市 洪山区",
        status="帮扶中", registered_on=date(2026, 1, 2))
    path = tmp_path / "roster.xlsx"
    totals = roster.write(path, [row, replace(row, name="赵敏", household=1, members="",
                                              income_fen=None)],
                          station="关山街道帮扶站", on=date(2026, 2, 1))
    assert totals == roster.Totals(families=2, people=4)
    ws = load_workbook(path).active
    assert ws["A1"].value == "关山街道帮扶站 困难职工档案（截至 2026-02-01）"
    assert [c.value for c in ws[2]][:5] == ["序号", "姓名", "性别", "身份证号", "出生日期"]
    assert ws["D3"].value == idcard.mask(ID_X) and ws["D3"].number_format == "@"
    assert ws["O3"].data_type == "s"  # the phone stays text too
    assert ws["M3"].value == 1200 and ws["M3"].number_format == "0.00"
    assert ws["M4"].value is None  # income not known stays blank, never 0
    assert [ws["A5"].value, ws["B5"].value, ws["K5"].value] == ["合计", 2, 4]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$2:$2"
