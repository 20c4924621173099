"""A roster's columns: which header means which field (by name, never by position), a
mapping saved as JSON and reused, and the header row found under merged title rows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpdesk.domain.errors import Invalid
from helpdesk.sheets.read import Cell

MAPPING_VERSION = 1
HEADER_SEARCH_ROWS = 30  # title rows above the header: a few at most

# Field -> (Chinese label, English label, headers that mean it). Fields of FamilyIn, and a few
# roster columns the family form has no field for (kept in the family's notes, or checked).
FIELDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "head_name": ("姓名", "Name", (
        "姓名", "户主姓名", "户主", "职工姓名", "困难职工姓名", "申请人", "申请人姓名",
        "name", "headname", "fullname", "headoffamily")),
    "id_number": ("身份证号", "ID number", (
        "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "户主身份证号",
        "户主身份证号码", "户主公民身份号码", "成员身份证号", "成员身份证号码",
        "idnumber", "idno", "idcard", "residentid", "idcardnumber")),
    "sex": ("性别", "Sex", ("性别", "sex", "gender")),
    "birth_date": ("出生日期", "Birth date", (
        "出生日期", "出生年月日", "生日", "birthdate", "dateofbirth", "born")),
    "phone": ("联系电话", "Phone", (
        "联系电话", "手机", "手机号", "手机号码", "电话", "电话号码", "联系方式",
        "phone", "mobile", "telephone", "phonenumber")),
    "address": ("住址", "Address", (
        "住址", "家庭住址", "现住址", "地址", "居住地址", "家庭地址", "address")),
    "work_unit": ("工作单位", "Employer", (
        "工作单位", "单位", "所在单位", "单位名称", "employer", "workunit", "workplace")),
    "tier": ("困难类别", "Hardship category", (
        "困难类别", "困难类型", "困难程度", "困难等级", "category", "hardshipcategory")),
    "reasons": ("致困原因", "Reasons", (
        "致困原因", "困难原因", "主要致困原因", "reason", "reasons", "causeofhardship")),
    "household": ("家庭人口", "Household size", (
        "家庭人口", "家庭人数", "家庭成员数", "家庭人口数", "household", "householdsize")),
    "income": ("月收入", "Monthly income", (
        "月收入", "家庭月收入", "月收入元", "家庭月收入元", "人均月收入", "income",
        "monthlyincome")),
    "region": ("行政区划", "Region", (
        "行政区划", "区划代码", "行政区划代码", "地区代码", "region", "regioncode")),
    "hukou": ("户口性质", "Hukou", (
        "户口性质", "户口", "户籍", "户籍性质", "户口类型", "hukou")),
    "employment": ("就业状况", "Employment", (
        "就业状况", "就业情况", "就业类型", "职工类型", "职业", "employment")),
    "insurance": ("参保情况", "Insurance", (
        "参保情况", "社会保险", "参保", "insurance")),
    "consent_date": ("同意日期", "Consent date", (
        "同意日期", "授权日期", "签字日期", "consentdate")),
    "notes": ("备注", "Notes", ("备注", "说明", "notes", "note", "remarks")),
    # Household members (MemberIn): a member row names its relation to the head; on a sheet
    # of members only, a column links each row to its head (户主身份证号, or 户主姓名).
    "relation": ("与户主关系", "Relation", (
        "与户主关系", "关系", "家庭关系", "与申请人关系", "与户主的关系", "成员关系", "称谓",
        "relation", "relationship", "relationtohead")),
    "member_name": ("成员姓名", "Member's name", (
        "成员姓名", "家庭成员姓名", "家庭成员", "成员", "membername", "member")),
    "health": ("健康状况", "Health", (
        "健康状况", "身体状况", "健康情况", "身体健康状况", "health")),
    "school_or_work": ("就读学校", "School or work", (
        "就读学校", "学校", "就读学校或工作单位", "学校或单位", "就学情况", "在读学校",
        "school", "schoolorwork")),
    "head_id": ("户主身份证号", "Head's ID number", ("headidnumber", "headid")),
    "head_of": ("所属户主姓名", "Head's name", ("所属户主", "所属户主姓名", "headof")),
}
IGNORED = ("序号", "编号", "no", "number", "#", "错误原因", "未导入原因", "原行号",
           "notimportedbecause", "row")
REPORT_COLUMN = ("未导入原因", "Not imported because")  # the error report's own column
_BRACKETS = re.compile(r"[（(【\[].*?[）)】\]]")


def label(name: str, lang: str = "zh") -> str:
    zh, en, _ = FIELDS[name]
    return zh if lang.startswith("zh") else en


def normalise_header(text: Any) -> str:
    """`  家庭月收入（元）* ` → `家庭月收入元`; `Birth Date` → `birthdate`."""
    s = "" if text is None else str(text)
    s = _BRACKETS.sub(lambda m: m.group(0)[1:-1], s)
    return re.sub(r"[\s*＊:：_\-.·/]", "", s).lower()


_BY_HEADER = {normalise_header(h): name for name, (_, _, hs) in FIELDS.items() for h in hs}
_IGNORED = {normalise_header(h) for h in IGNORED}


def recognise(header: Any) -> str | None:
    """The field a header means, "" for a column to leave out (序号), None when unknown."""
    key = normalise_header(header)
    if key in _IGNORED:
        return ""
    return _BY_HEADER.get(key)


@dataclass
class Mapping:
    """Which header means which field ("" = leave the column out), and values for fields the
    file has no column for (`defaults`, e.g. hukou for a roster of one village)."""

    columns: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)

    def field_of(self, header: Any) -> str | None:
        text = "" if header is None else str(header).strip()
        if text in self.columns:
            return self.columns[text] or ""
        return recognise(text)

    def save(self, path: Path | str) -> None:
        Path(path).write_text(json.dumps(
            {"version": MAPPING_VERSION, "columns": self.columns, "defaults": self.defaults},
            ensure_ascii=False, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str) -> Mapping:
        """A saved mapping; `Invalid` (field `mapping`) when the file is not one."""
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            columns = {str(k): str(v) for k, v in dict(data.get("columns", {})).items()}
            defaults = {str(k): str(v) for k, v in dict(data.get("defaults", {})).items()}
        except (OSError, ValueError, TypeError, AttributeError):
            raise Invalid("mapping", f"列对应文件 {p.name} 无法读取，或不是本程序保存的",
                          f"The column mapping {p.name} cannot be read, or was not saved "
                          "by this program", "mapping") from None
        unknown = sorted({v for v in [*columns.values(), *defaults] if v and v not in FIELDS})
        if unknown:
            raise Invalid("mapping", f"列对应文件中有不认识的字段：{'、'.join(unknown)}",
                          f"The column mapping names unknown fields: {', '.join(unknown)}",
                          "mapping")
        return cls(columns, defaults)


@dataclass(frozen=True)
class Header:
    """The header row found: its index in the sheet, its cells, the field of each column."""

    index: int
    cells: list[str]
    fields: list[str | None]

    def unmapped(self) -> list[str]:
        return [c for c, f in zip(self.cells, self.fields, strict=True) if f is None and c]


def find_header(rows: list[list[Cell]], mapping: Mapping) -> Header:
    """The first row with at least two known headers, one of them the name or the ID number:
    merged title rows above it ("某某工会困难职工档案") hold one cell and are skipped."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        cells = ["" if c is None else str(c).strip() for c in row]
        fields = [mapping.field_of(c) if c else "" for c in cells]
        known = {f for f in fields if f}
        if len(known) >= 2 and known & {"head_name", "id_number", "member_name", "head_id"}:
            return Header(i, cells, _links(cells, fields))
    raise Invalid("no_header", "找不到表头：表格前几行中应有“姓名”“身份证号”等列名",
                  "No header row found: the first rows should name the columns, such as "
                  "'姓名' (name) and '身份证号' (ID number)", "sheet")


_FAMILY_ONLY = {"phone", "address", "tier", "reasons", "hukou", "employment", "income",
                "household", "insurance", "consent_date", "region"}


def _links(cells: list[str], fields: list[str | None]) -> list[str | None]:
    """A column headed 户主… beside one that means the same field for the row's own person
    (户主身份证号 beside 身份证号, 户主姓名 beside 姓名 or 成员姓名) links a member to its head."""
    out = list(fields)
    for name, link in (("id_number", "head_id"), ("head_name", "head_of")):
        at = [i for i, f in enumerate(out) if f == name]
        own = [i for i in at if not cells[i].startswith("户主")]
        if len(at) > 1 and own:
            for i in at:
                if i not in own:
                    out[i] = link
    if "member_name" in out and "head_name" in out and "relation" in out \
            and not _FAMILY_ONLY & set(out):
        out[out.index("head_name")] = "head_of"  # 户主姓名 | 成员姓名 | 关系: members only
    return out


def layout(header: Header) -> str:
    """"" (families only), "inline" (member rows under their head's row, told by their
    relation) or "linked" (a sheet of members, each naming its head)."""
    fields = set(header.fields)
    if fields & {"head_id", "head_of"} and fields & {"relation", "member_name"} \
            and not _FAMILY_ONLY & fields:
        return "linked"
    return "inline" if "relation" in fields else ""
