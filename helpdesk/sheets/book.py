"""One printable sheet: a title row, a header row, the rows, an optional totals row.

Written with openpyxl in write-only mode: it streams rows to the file (a year's ledger of tens
of thousands of rows stays small in memory) and still supports everything a union office asks
of the file — per-cell styles and number formats, a merged title row, frozen panes, the header
row repeated on every printed page, A4 landscape fitted to the page width — because those are
set before the first row (column widths, print setup) or written at the end (merged cells).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

MONEY = "0.00"
TEXT = "@"
DATE = "yyyy-mm-dd"
PAPER_A4 = "9"  # the paperSize code of A4 in SpreadsheetML

Kind = Literal["text", "id", "int", "money", "date"]

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_VOID_FONT = Font(color="808080", strike=True)
_VOID_NOTE_FONT = Font(color="C00000")


@dataclass(frozen=True)
class Column:
    zh: str
    en: str
    width: float
    kind: Kind = "text"

    def header(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class Line:
    """One row's values in column order; a struck-through row stays listed but counts for
    nothing (void aid), and its last cell (the remark) is shown in red."""

    values: tuple[Any, ...]
    struck: bool = False


def yuan(fen: int) -> Decimal:
    """Fen as an exact yuan number for a money cell (Decimal, never a float)."""
    return Decimal(fen) / 100


def write(path: Path, *, sheet_title: str, title: str, columns: Sequence[Column],
          lines: Iterable[Line], totals: tuple[Any, ...] | None, lang: str) -> None:
    """Write one sheet to `path` (overwriting it: the caller writes to a temporary name)."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet_title[:31])
    for n, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(n)].width = column.width
    _print_setup(ws, len(columns))
    ws.append([_cell(ws, title, font=Font(bold=True, size=14),
                     align=Alignment(horizontal="center", vertical="center"))])
    ws.row_dimensions[1].height = 28
    ws.append([_cell(ws, c.header(lang), font=Font(bold=True), fill=_HEADER_FILL,
                     border=_BORDER, align=Alignment(horizontal="center", vertical="center",
                                                     wrap_text=True))
               for c in columns])
    for line in lines:
        last = len(line.values) - 1
        ws.append([_value(ws, c, v, font=(_VOID_NOTE_FONT if n == last else _VOID_FONT)
                          if line.struck else None)
                   for n, (c, v) in enumerate(zip(columns, line.values, strict=True))])
    if totals is not None:
        ws.append([_value(ws, c, v, font=Font(bold=True))
                   for c, v in zip(columns, totals, strict=True)])
    ws.merged_cells.add(f"A1:{get_column_letter(len(columns))}1")
    book.save(path)


def _print_setup(ws: Any, width: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "2:2"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.freeze_panes = "A3"
    ws.oddFooter.center.text = "&P / &N"


def _cell(ws: Any, value: Any, *, font: Font | None = None, fill: PatternFill | None = None,
          border: Border | None = None, align: Alignment | None = None,
          number_format: str | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if border is not None:
        cell.border = border
    if align is not None:
        cell.alignment = align
    if number_format is not None:
        cell.number_format = number_format
    return cell


def _value(ws: Any, column: Column, value: Any, *, font: Font | None) -> WriteOnlyCell:
    if value is None or value == "":
        return _cell(ws, None, border=_BORDER, font=font)
    if column.kind == "id":  # text, so 0-led and X-ended numbers are never turned into numbers
        return _cell(ws, str(value), number_format=TEXT, border=_BORDER, font=font)
    if column.kind == "money":
        return _cell(ws, value, number_format=MONEY, border=_BORDER, font=font)
    if column.kind == "date":
        return _cell(ws, value, number_format=DATE, border=_BORDER, font=font)
    if column.kind == "int":
        return _cell(ws, value, border=_BORDER, font=font,
                     align=Alignment(horizontal="center"))
    return _cell(ws, value, border=_BORDER, font=font,
                 align=Alignment(vertical="top", wrap_text=True))
