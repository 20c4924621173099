"""Reading a roster: the cells of one sheet of an .xlsx, .xls or .csv file, as plain values.

Spreadsheets are read with python-calamine, not openpyxl. Measured on a 10,000-row .xlsx
(5 columns, this machine): calamine 0.04 s, openpyxl (read-only, values only) 0.38 s. calamine
also reads the old .xls (and .ods) that many union offices still keep; openpyxl reads only
.xlsx. Both give a number cell as a number (calamine as a float, `12.0`; openpyxl as int or
float) — an ID number typed as a number is a float either way and has lost its last digits
already, which `columns` refuses; dates come as `date` from calamine (`datetime` from
openpyxl). openpyxl stays the writer (the error report, the ledger): calamine only reads.

CSV files are UTF-8 (with or without the BOM Excel writes for "CSV UTF-8") or GB18030, which
is what Excel on a Chinese Windows writes for plain "CSV"; the encoding is detected, not asked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import python_calamine

from helpdesk.domain.errors import Invalid

Cell = str | float | int | bool | date | datetime | time | None
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
KINDS = (*SPREADSHEETS, ".csv", ".txt")
MAX_BYTES = 200 * 1024 * 1024  # a roster of a few hundred thousand rows fits easily


@dataclass(frozen=True)
class Book:
    """A file's sheets by name, in order, each a list of rows of cells (CSV: one sheet)."""

    path: Path
    sheets: dict[str, list[list[Cell]]]

    @property
    def names(self) -> list[str]:
        return list(self.sheets)

    def sheet(self, name: str | None) -> tuple[str, list[list[Cell]]]:
        """The named sheet (None: the first with cells in it)."""
        if name is None:
            for n, rows in self.sheets.items():
                if any(any(c not in (None, "") for c in r) for r in rows):
                    return n, rows
            return self.names[0], self.sheets[self.names[0]]
        if name not in self.sheets:
            listed = "、".join(self.names)
            raise Invalid("no_sheet", f"文件中没有名为“{name}”的工作表（有：{listed}）",
                          f"The file has no sheet named '{name}' (it has: "
                          f"{', '.join(self.names)})", "sheet")
        return name, self.sheets[name]


def unreadable(path: Path, why_zh: str, why_en: str) -> Invalid:
    return Invalid("unreadable", f"无法读取文件 {path.name}：{why_zh}",
                   f"Cannot read the file {path.name}: {why_en}", "file")


def read(path: Path | str) -> Book:
    """Every sheet of the file; raises `Invalid` (code `unreadable`) when it cannot be read."""
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in KINDS:
        raise unreadable(path, "只能导入 .xlsx、.xls 或 .csv 文件",
                         "only .xlsx, .xls or .csv files can be imported")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise unreadable(path, "文件太大", "the file is too large")
        if kind in SPREADSHEETS:
            return Book(path, _spreadsheet(path))
        return Book(path, {path.stem: _csv(path.read_bytes())})
    except OSError as err:
        raise unreadable(path, f"文件打不开（{err.strerror or err}）",
                         f"it does not open ({err.strerror or err})") from None
    except Exception as err:  # calamine's own errors: a damaged or mislabelled file
        if isinstance(err, Invalid):
            raise
        raise unreadable(path, "文件已损坏，或不是它扩展名所说的格式",
                         "it is damaged, or not the format its name says") from None


def _spreadsheet(path: Path) -> dict[str, list[list[Cell]]]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        out: dict[str, list[list[Cell]]] = {}
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
            out[name] = rows
        if not out:
            raise unreadable(path, "文件中没有工作表", "it has no sheets")
        return out
    finally:
        book.close()


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 with BOM, UTF-8, else GB18030 (which never fails on
    GBK text; a file in neither is refused rather than read as nonsense)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise Invalid("unreadable", "CSV 文件的编码无法识别：请在 Excel 中另存为“CSV UTF-8”",
                      "The CSV file's encoding is not recognised: save it from Excel as "
                      "'CSV UTF-8'", "file") from None


def _csv(data: bytes) -> list[list[Cell]]:
    text = decode(data)
    head = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(head, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
