"""One roster row as the registration form would submit it: cells made into the form's text,
the spreadsheet traps caught with their own message (an ID stored as a number), labels such
as 农村户口 or 重病 read as the form's choices. Validation itself is the form's: `FamilyIn`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from helpdesk.domain.errors import Problem
from helpdesk.domain.families import Employment, Hukou, Insurance, Reason
from helpdesk.sheets.columns import Header, Mapping, label
from helpdesk.sheets.read import Cell

_FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}
_SCIENTIFIC = re.compile(r"[+-]?\d+(\.\d*)?[eE][+-]?\d+")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_EXCEL_EPOCH = date(1899, 12, 30)
_SPLIT = re.compile(r"[、,，;；/|\s]+")

# Words of rosters for the form's choices, beyond the choices' own labels.
_HUKOU = {"城镇": "urban", "城市": "urban", "非农": "urban", "居民": "urban",
          "农村": "rural", "农业": "rural", "农民": "rural"}
_EMPLOYMENT = {"农民工": "rural_migrant", "外来务工": "rural_migrant", "进城务工": "rural_migrant",
               "平台": "platform", "骑手": "platform", "外卖": "platform", "快递": "platform",
               "网约车": "platform", "灵活": "flexible", "个体": "flexible", "失业": "unemployed",
               "无业": "unemployed", "下岗": "unemployed", "退休": "retired", "在职": "employee",
               "职工": "employee"}
_REASONS = {"病": "illness", "癌": "illness", "残": "disability", "工伤": "work_injury",
            "失业": "unemployment", "下岗": "unemployment", "单亲": "single_parent",
            "离异": "single_parent", "丧偶": "single_parent", "灾": "disaster", "火": "disaster",
            "学": "schooling", "欠薪": "wage_arrears", "拖欠": "wage_arrears",
            "社保": "no_insurance", "保险": "no_insurance"}
_INSURANCE = {"养老": "pension", "医疗": "medical", "医保": "medical", "失业": "unemployment",
              "工伤": "work_injury", "生育": "maternity"}
_NOTE_FIELDS = ("work_unit", "tier", "household")


def id_stored_as_number() -> Problem:
    return Problem("id_number", "id_as_number",
                   "身份证号被存成了数字，已丢失末尾几位：请把该列设为“文本”格式后重新导出",
                   "The ID number was stored as a number and has lost digits: format the "
                   "column as text and export again")


def text_of(cell: Cell) -> str:
    """A cell as the form's text: trimmed, full-width digits and letters made ASCII; a whole
    number without its `.0`; a date as 2026-01-31."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "是" if cell else "否"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return " ".join(str(cell).translate(_FULL_WIDTH).split())


def date_text(cell: Cell) -> str:
    """A date cell, a date typed as 1980/1/2, 1980年1月2日, 19800102, or an Excel day number
    (a date column not formatted as dates), as 1980-01-02; anything else as typed, for the
    form's date check to refuse."""
    if isinstance(cell, float | int) and not isinstance(cell, bool) and 3000 < cell < 80000:
        return (_EXCEL_EPOCH + timedelta(days=int(cell))).isoformat()
    text = text_of(cell)
    m = _DATE.fullmatch(text)
    if m:
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return text


def _choice(text: str, words: dict[str, str], labels: dict[str, tuple[str, str]]) -> str | None:
    lowered = text.lower()
    for value, (zh, en) in labels.items():
        if lowered in (value, zh, en.lower()):
            return value
    return next((v for w, v in words.items() if w in text), None)


def _choices(text: str, words: dict[str, str], labels: dict[str, tuple[str, str]]
             ) -> tuple[list[str], list[str]]:
    found, unknown = [], []
    for part in (p for p in _SPLIT.split(text) if p):
        value = _choice(part, words, labels)
        (found.append(value) if value else unknown.append(part))
    return found, unknown


@dataclass(frozen=True)
class Row:
    """One data row: its row number in the sheet (1-based, as the spreadsheet shows it), the
    cells, and what the form would be given — or the problems found before the form."""

    number: int
    cells: list[Cell]
    data: dict[str, Any]
    problems: tuple[Problem, ...]
    sex: str = ""  # as written: checked against the ID number once that is valid


def rows_of(sheet: list[list[Cell]], header: Header, mapping: Mapping,
            region: str) -> list[Row]:
    """The data rows below the header, blank rows left out."""
    out = []
    for i in range(header.index + 1, len(sheet)):
        cells = sheet[i]
        if all(text_of(c) == "" for c in cells):
            continue
        out.append(row_of(i + 1, cells, header, mapping, region))
    return out


def row_of(number: int, cells: list[Cell], header: Header, mapping: Mapping,
           region: str) -> Row:
    raw: dict[str, Cell] = {}
    for cell, name in zip(cells, header.fields, strict=False):
        if name and name not in raw:
            raw[name] = cell
    problems: list[Problem] = []
    value = {k: text_of(v) for k, v in raw.items()}
    for name, default in mapping.defaults.items():
        if not value.get(name):
            value[name] = default
    data: dict[str, Any] = {"head_name": value.get("head_name", ""),
                            "region": value.get("region") or region}
    cell = raw.get("id_number")
    number_text = value.get("id_number", "")
    if (isinstance(cell, float | int) and not isinstance(cell, bool)) \
            or _SCIENTIFIC.fullmatch(number_text):
        problems.append(id_stored_as_number())
        number_text = ""
    data["id_number"] = number_text
    data["id_kind"] = "resident_id" if number_text else "none"
    for name in ("birth_date", "consent_date"):
        if name in raw or value.get(name):
            data[name] = date_text(raw[name] if raw.get(name) is not None else value[name]) \
                or None
    for name in ("phone", "address"):
        data[name] = value.get(name, "")
    if value.get("income"):
        data["income_fen"] = value["income"]
    notes: list[str] = []
    for name, words, labels in (("hukou", _HUKOU, Hukou.labels()),
                                ("employment", _EMPLOYMENT, Employment.labels())):
        text = value.get(name, "")
        choice = _choice(text, words, labels) if text else None
        if text and choice is None:
            shown = "、".join(zh for zh, _ in labels.values())
            shown_en = ", ".join(en for _, en in labels.values())
            problems.append(Problem(
                name, "choice", f"“{text}”不是可识别的{label(name)}（可填：{shown}）",
                f"'{text}' is not a known {label(name, 'en').lower()} (one of: {shown_en})"))
        data[name] = choice or ""
    reasons, unknown = _choices(value.get("reasons", ""), _REASONS, Reason.labels())
    if unknown:
        reasons.append("other")
        notes.append(f"{label('reasons')}：{value['reasons']}")
    data["reasons"] = reasons
    insurance, _ = _choices(value.get("insurance", ""), _INSURANCE, Insurance.labels())
    data["insurance"] = insurance
    notes += [f"{label(n)}：{value[n]}" for n in _NOTE_FIELDS if value.get(n)]
    if value.get("notes"):
        notes.append(value["notes"])
    data["notes"] = "\n".join(notes)
    return Row(number, cells, {k: v for k, v in data.items() if v != ""} | {
        "head_name": data["head_name"]}, tuple(problems), value.get("sex", ""))
