"""The office's 台账 as an .xlsx file, written row by row (openpyxl write-only mode) from
`ledger.ledger_rows`, so an export of any size holds one row in memory at a time.

A title row, the header (repeated on every printed page), the rows, a totals row (aid in
force: a voided aid is listed, marked, and not added), money as yuan with two decimals, IDs and
receipt numbers as text (string cells), A4 landscape fitted to the page width.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from helpdesk.domain.families import Employment, Reason
from helpdesk.domain.programmes import Kind

# (zh, en, width): the union's columns
COLUMNS = (("序号", "No.", 7), ("姓名", "Name", 10), ("身份证号", "ID number", 21),
           ("困难类别", "Employment", 14), ("致困原因", "Reason", 12),
           ("帮扶项目", "Programme", 18), ("金额（元）", "Amount (yuan)", 13),
           ("领取人", "Recipient", 10), ("发放日期", "Date given", 11),
           ("收据编号", "Receipt no.", 18), ("站点", "Station", 18), ("经办人", "Volunteer", 10),
           ("备注", "Note", 8))
MONEY = "#,##0.00"


def _label(labels: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    pair = labels.get(code)
    return code if pair is None else pair[0 if lang == "zh" else 1]


def write(rows: Iterable[dict[str, Any]], out: str | IO[bytes], title: str,
          lang: str = "zh") -> tuple[int, int]:
    """Write the ledger of `rows` (`ledger.ledger_rows`) to `out` (a path or a binary file);
    returns (aid in force, their total in fen)."""
    z = 0 if lang == "zh" else 1
    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账" if lang == "zh" else "Ledger")
    for n, (_zh, _en, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + n)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "2:2"
    head = WriteOnlyCell(sheet, title)
    head.font = Font(bold=True, size=14)
    sheet.append([head])
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, column[z])
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    sheet.append(header)
    kinds, jobs, reasons = Kind.labels(), Employment.labels(), Reason.labels()
    count = total = 0
    for n, row in enumerate(rows, 1):
        amount = WriteOnlyCell(sheet, Decimal(row["amount_fen"]) / 100)
        amount.number_format = MONEY
        note = _label(kinds, row["kind"], lang) if row["kind"] != "cash" else ""
        if row["voided"]:
            note = "作废" if lang == "zh" else "Void"
        else:
            count += 1
            total += row["amount_fen"]
        # IDs and receipt numbers are written as strings: text cells, never numbers.
        sheet.append([n, row["name"], str(row["masked_id"]), _label(jobs, row["employment"], lang),
                      _label(reasons, row["reason"], lang),
                      row["programme_name"] or row["programme_code"], amount,
                      row["recipient_name"] or row["name"], row["local_date"],
                      str(row["receipt_no"]),
                      row["station_name"] or row["station_code"], row["volunteer"], note])
    label = WriteOnlyCell(sheet, f"合计 {count} 笔" if lang == "zh" else f"Total: {count} aid")
    label.font = Font(bold=True)
    money = WriteOnlyCell(sheet, Decimal(total) / 100)
    money.number_format = MONEY
    money.font = Font(bold=True)
    sheet.append([label, None, None, None, None, None, money])
    book.save(out)
    return count, total
