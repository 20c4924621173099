"""Household members in a roster, as union rosters hold them: member rows under their head's
row, told by their relation (与户主关系 other than 本人/户主), or a sheet of members each naming
its head (户主身份证号, or 户主姓名). A member row becomes what the member dialog would submit
(`MemberIn`'s fields only); validation itself is the dialog's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from helpdesk.domain.errors import Problem
from helpdesk.domain.families import Relation
from helpdesk.sheets.columns import Header, label
from helpdesk.sheets.read import Cell
from helpdesk.sheets.values import _SCIENTIFIC, date_text, id_stored_as_number, text_of

HEAD_WORDS = {"本人", "户主", "户主本人", "申请人", "申请人本人", "职工本人", "self", "head"}
# Words of rosters for a relation, tried in order (孙子 is a grandchild before it is a 子).
_RELATION = (
    ("其它", "other"), ("侄", "other"), ("甥", "other"), ("姐夫", "other"),
    ("妹夫", "other"), ("嫂", "other"), ("弟媳", "other"),
    ("儿媳", "other"), ("女婿", "other"), ("孙", "grandchild"), ("祖", "grandparent"),
    ("爷", "grandparent"), ("奶", "grandparent"), ("外公", "grandparent"),
    ("外婆", "grandparent"), ("姥", "grandparent"), ("配偶", "spouse"), ("妻", "spouse"),
    ("夫", "spouse"), ("爱人", "spouse"), ("老婆", "spouse"), ("老公", "spouse"),
    ("父", "parent"), ("母", "parent"), ("爸", "parent"), ("妈", "parent"), ("公公", "parent"),
    ("婆婆", "parent"), ("岳", "parent"), ("兄", "sibling"), ("弟", "sibling"),
    ("姐", "sibling"), ("妹", "sibling"), ("哥", "sibling"), ("子", "child"), ("女", "child"),
    ("儿", "child"))


def is_head(relation: str) -> bool:
    """A row of the family itself: its relation is blank, 本人 or 户主."""
    return relation.strip().lower() in HEAD_WORDS or not relation.strip()


def relation_of(text: str) -> str | None:
    """The `Relation` a roster's word means; None when it is not one."""
    lowered = text.strip().lower()
    for value, (zh, en) in Relation.labels().items():
        if lowered in (value, zh, en.lower()) and value != "head":
            return value
    return next((v for w, v in _RELATION if w in lowered), None)


@dataclass(frozen=True)
class Row:
    """One member row: its number in the sheet, its cells, what the member dialog would be
    given, the problems found before the dialog, and the head it names (linked sheets)."""

    number: int
    cells: list[Cell]
    name: str
    data: dict[str, Any]
    problems: tuple[Problem, ...]
    head_id: str = ""
    head_name: str = ""
    sex: str = ""
    relation: str = ""  # as written


def member_of(number: int, cells: list[Cell], header: Header) -> Row:
    raw: dict[str, Cell] = {}
    for cell, name in zip(cells, header.fields, strict=False):
        if name and name not in raw:
            raw[name] = cell
    value = {k: text_of(v) for k, v in raw.items()}
    problems: list[Problem] = []
    name = value.get("member_name") or value.get("head_name", "")
    written = value.get("relation", "")
    relation = relation_of(written) if written else None
    if relation is None:
        shown = "、".join(zh for v, (zh, _) in Relation.labels().items() if v != "head")
        shown_en = ", ".join(en for v, (_, en) in Relation.labels().items() if v != "head")
        problems.append(Problem(
            "relation", "choice",
            f"“{written}”不是可识别的{label('relation')}（可填：{shown}）" if written else
            f"请填写{label('relation')}（{shown}）",
            f"'{written}' is not a known relation (one of: {shown_en})" if written else
            f"The relation is missing (one of: {shown_en})"))
    data: dict[str, Any] = {"name": name, "relation": relation or "other"}
    cell, number_text = raw.get("id_number"), value.get("id_number", "")
    if (isinstance(cell, float | int) and not isinstance(cell, bool)) \
            or _SCIENTIFIC.fullmatch(number_text):
        problems.append(id_stored_as_number())
        number_text = ""
    data["id_number"] = number_text
    if value.get("birth_date"):
        data["birth_date"] = date_text(raw["birth_date"] if raw.get("birth_date") is not None
                                       else value["birth_date"]) or None
    data["health"] = value.get("health", "")
    data["school_or_work"] = value.get("school_or_work") or value.get("work_unit", "")
    head_cell = raw.get("head_id")
    head_id = value.get("head_id", "")
    if (isinstance(head_cell, float | int) and not isinstance(head_cell, bool)) \
            or _SCIENTIFIC.fullmatch(head_id):
        problems.append(Problem("head_id", "id_as_number", *_as_number_words()))
        head_id = ""
    link_name = value.get("head_of", "") or (value.get("head_name", "")
                                             if value.get("member_name") else "")
    return Row(number, cells, name, data, tuple(problems), head_id.upper(), link_name,
               value.get("sex", ""), written)


def _as_number_words() -> tuple[str, str]:
    p = id_stored_as_number()
    return p.zh, p.en
