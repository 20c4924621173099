"""Rosters as stations keep them, written by openpyxl or as CSV text, for the import tests."""

from __future__ import annotations

import csv
import os
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from helpdesk.domain import idcard

HEADER = ["序号", "户主姓名", "性别", "公民身份号码", "出生日期", "联系电话", "住址", "工作单位",
          "困难类别", "致困原因", "家庭人口", "月收入（元）", "户口性质", "就业状况"]


def person(n: int, **overrides: Any) -> dict[str, Any]:
    """The n-th family of a roster: a valid row as a union office would type it."""
    born = date(1960 + n % 40, 1 + n % 12, 1 + n % 28)
    number = idcard.make("420111", born, 100 + n % 800)
    sex = "男" if idcard.sex(number) == "M" else "女"
    row = {"序号": n, "户主姓名": f"职工{n:05d}", "性别": sex,
           "公民身份号码": number, "出生日期": born, "联系电话": f"139{n:08d}",
           "住址": f"珞喻路 {n} 号", "工作单位": "武汉某某物流公司", "困难类别": "相对困难",
           "致困原因": "重病、被拖欠工资", "家庭人口": 3, "月收入（元）": 1200.5,
           "户口性质": "农村户口", "就业状况": "农民工"}
    row.update(overrides)
    return row


def write_xlsx(path: Path, rows: list[dict[str, Any]], *, title: str | None = None,
               header: list[str] = HEADER, id_as_text: bool = True) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "困难职工档案"
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        sheet.append(["填报单位：洪山区总工会"])
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(header))
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(h) for h in header])
    if id_as_text and "公民身份号码" in header:
        column = header.index("公民身份号码") + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = "@"
    book.save(path)
    return path


def write_csv(path: Path, rows: list[dict[str, Any]], encoding: str = "utf-8",
              header: list[str] = HEADER) -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if row.get(h) is None else row.get(h) for h in header])
    return path


def libreoffice(source: Path, kind: str, *, id_as_text: bool = True) -> Path:
    """`source` (a CSV of `HEADER`) converted by LibreOffice (headless) to `kind` (xlsx or
    xls); with `id_as_text` the ID column is imported as text, as a careful office does,
    otherwise as LibreOffice guesses (a number, as Excel does too)."""
    profile = source.parent / f"lo-profile-{os.getpid()}"
    id_column = HEADER.index("公民身份号码") + 1
    types = "/".join(f"{n}/{2 if n == id_column and id_as_text else 1}"
                     for n in range(1, len(HEADER) + 1))
    out_dir = source.parent / f"{kind}-{'text' if id_as_text else 'numbers'}"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         f"--infilter=CSV:44,34,76,1,{types}", "--convert-to", kind, "--outdir", str(out_dir),
         str(source)], capture_output=True, text=True, timeout=180)
    out = out_dir / f"{source.stem}.{kind}"
    assert out.exists(), done.stderr + done.stdout
    return out


# Members as union rosters hold them: under their head's row (the family's columns blank),
# told by 与户主关系; or on a sheet of their own that names the head.
MEMBER_COLUMNS = ["与户主关系", "健康状况", "就读学校"]
WITH_MEMBERS = HEADER + MEMBER_COLUMNS
MEMBER_SHEET = ["户主姓名", "户主身份证号", "姓名", "与户主关系", "身份证号", "出生日期",
                "健康状况", "就读学校"]


def member(n: int, k: int, relation: str = "子女", **overrides: Any) -> dict[str, Any]:
    """The k-th member of the n-th family (`person(n)`), as a row of `WITH_MEMBERS`: the
    family's columns left blank, as rosters do."""
    born = date(2000 + (n + k) % 20, 1 + k % 12, 1 + n % 28)
    number = idcard.make("420111", born, (n // 28) % 1000)
    row = {"户主姓名": f"成员{n:05d}-{k}", "性别": "男" if idcard.sex(number) == "M" else "女",
           "公民身份号码": number, "出生日期": born, "与户主关系": relation,
           "健康状况": "", "就读学校": "洪山区第一小学" if relation == "子女" else ""}
    row.update(overrides)
    return row


def as_member_sheet(n: int, row: dict[str, Any]) -> dict[str, Any]:
    """A `member` row as a row of a members' sheet (`MEMBER_SHEET`) naming its head."""
    head = person(n)
    return {"户主姓名": head["户主姓名"], "户主身份证号": head["公民身份号码"],
            "姓名": row["户主姓名"], "与户主关系": row["与户主关系"],
            "身份证号": row["公民身份号码"], "出生日期": row["出生日期"],
            "健康状况": row["健康状况"], "就读学校": row["就读学校"]}


def write_book(path: Path, sheets: dict[str, tuple[list[str], list[dict[str, Any]]]]) -> Path:
    """An .xlsx of several sheets (name -> header, rows), ID columns as text."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, (header, rows) in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append([row.get(h) for h in header])
        for i, h in enumerate(header, 1):
            if "身份" in h:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = "@"
    book.save(path)
    return path


def libreoffice_text(source: Path, kind: str, columns: int) -> Path:
    """A CSV converted by LibreOffice (headless) to `kind`, every column read as text (as an
    office does for ID numbers)."""
    profile = source.parent / f"lo-profile-{os.getpid()}"
    types = "/".join(f"{n}/2" for n in range(1, columns + 1))
    out_dir = source.parent / f"{kind}-text"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         f"--infilter=CSV:44,34,76,1,{types}", "--convert-to", kind, "--outdir", str(out_dir),
         str(source)], capture_output=True, text=True, timeout=180)
    out = out_dir / f"{source.stem}.{kind}"
    assert out.exists(), done.stderr + done.stdout
    return out
