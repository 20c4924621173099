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
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

MONEY = "0.00"
TEXT = "@"
DATE = "yyyy-mm-dd"
FONT = "Calibri"  # openpyxl's default; spreadsheet programs substitute it with the CJK fallback
PAPER_A4 = "9"  # the paperSize code of A4 in SpreadsheetML

Kind = Literal["text", "id", "int", "money", "date"]

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_VOID_FONT = Font(name=FONT, color="808080", strike=True)
_VOID_NOTE_FONT = Font(name=FONT, color="C00000")
_FORMATS = {"id": TEXT, "money": MONEY, "date": DATE}
_ALIGN = {"int": Alignment(horizontal="center"), "text": Alignment(vertical="top", wrap_text=True),
          "id": Alignment(vertical="top")}


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
    for style in _named_styles():
        book.add_named_style(style)
    ws = book.create_sheet(sheet_title[:31])
    for n, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(n)].width = column.width
    _print_setup(ws)
    ws.append([_cell(ws, title, "hd title")])
    ws.row_dimensions[1].height = 28
    ws.append([_cell(ws, c.header(lang), "hd header") for c in columns])
    for line in lines:
        last = len(line.values) - 1
        ws.append([_value(ws, c, v, ("void note" if n == last else "void") if line.struck
                          else "")
                   for n, (c, v) in enumerate(zip(columns, line.values, strict=True))])
    if totals is not None:
        ws.append([_value(ws, c, v, "total") for c, v in zip(columns, totals, strict=True)])
    ws.merged_cells.add(f"A1:{get_column_letter(len(columns))}1")
    book.save(path)


def _named_styles() -> list[NamedStyle]:
    """Every cell's look as a named style, made once: setting a cell's font, border and
    format one by one costs openpyxl a hash of each (about 8 ms a row of 18 cells), a named
    style only a copy of a few numbers."""
    made = [NamedStyle("hd title", font=Font(name=FONT, bold=True, size=14),
                       alignment=Alignment(horizontal="center", vertical="center")),
            NamedStyle("hd header", font=Font(name=FONT, bold=True), fill=_HEADER_FILL,
                       border=_BORDER,
                       alignment=Alignment(horizontal="center", vertical="center",
                                           wrap_text=True))]
    fonts = {"": Font(name=FONT), "void": _VOID_FONT, "void note": _VOID_NOTE_FONT,
             "total": Font(name=FONT, bold=True)}
    for kind in ("text", "id", "int", "money", "date"):
        for variant, font in fonts.items():
            made.append(NamedStyle(_style_name(kind, variant), font=font, border=_BORDER,
                                   number_format=_FORMATS.get(kind, "General"),
                                   alignment=_ALIGN.get(kind, Alignment())))
    return made


def _style_name(kind: str, variant: str) -> str:
    return f"hd {kind} {variant}".strip()


def _print_setup(ws: Any) -> None:
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


def _cell(ws: Any, value: Any, style: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.style = style
    return cell


def _value(ws: Any, column: Column, value: Any, variant: str) -> WriteOnlyCell:
    if value is None or value == "":
        return _cell(ws, None, _style_name("text", variant))
    if column.kind == "id":  # text, so 0-led and X-ended numbers are never turned into numbers
        value = str(value)
    return _cell(ws, value, _style_name(column.kind, variant))
