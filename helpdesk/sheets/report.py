"""The report of rows not imported: the roster's own header and cells, and a reason column,
so the station can fix those rows and import the report itself again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from helpdesk.sheets.columns import REPORT_COLUMN, Header
from helpdesk.sheets.read import Cell

Rows = Sequence[tuple[int, list[Cell], str]]


def write(path: Path, header: Header, rows: Rows, lang: str = "zh", *,
          members: tuple[str, Header, Rows] | None = None) -> Path:
    """Write `rows` (row number, cells, reason) under the roster's header; ID numbers and
    every other text cell stay text, so nothing is turned into a number on the way back.
    `members`: a members' sheet's rows not imported, on a sheet of that name."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "未导入" if lang.startswith("zh") else "Not imported"
    _fill(sheet, header, rows, lang)
    if members is not None:
        name, member_header, member_rows = members
        _fill(book.create_sheet(name[:31] or "members"), member_header, member_rows, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _fill(sheet: Any, header: Header, rows: Rows, lang: str) -> None:
    reason = REPORT_COLUMN[0] if lang.startswith("zh") else REPORT_COLUMN[1]
    row_label = "原行号" if lang.startswith("zh") else "Row"
    width = len(header.cells)
    sheet.append([*header.cells, reason, row_label])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, cells, why in rows:
        padded = [*cells[:width], *[None] * (width - len(cells))]
        sheet.append([_plain(c) for c in padded] + [why, number])
    for row in sheet.iter_rows(min_row=2):
        for cell in row[:width]:
            if isinstance(cell.value, str):
                cell.number_format = "@"
        row[width].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions[sheet.cell(1, width + 1).column_letter].width = 60
    sheet.freeze_panes = "A2"


def _plain(cell: Cell) -> Cell:
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return cell
