"""Household members in a roster import: each member row checked by the member dialog's own
model (`MemberIn`), put under its family (the head row above it, or the head it names), and
matched so that importing again adds no member twice: the same ID number, or — without one —
the same name and relation in the same family, is the member already there, whose blank
fields may be filled in, never overwritten.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpdesk.domain import idcard
from helpdesk.domain.errors import Invalid, Problem
from helpdesk.domain.families import Member, MemberIn
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput
from helpdesk.services.session import Session
from helpdesk.sheets import columns, read, values
from helpdesk.sheets import members as sheetmembers
from helpdesk.store import families as familystore
from helpdesk.store import rows as storerows

if TYPE_CHECKING:
    from helpdesk.services.imports import Checked, Preview

NEW, ERROR, EXISTING, REPEATED = "new", "error", "existing", "repeated"
FILLABLE = ("birth_date", "id_number", "health", "school_or_work")


@dataclass
class MemberRow:
    """One member row after the preview. It follows its family: added with it, skipped with
    it, refused (with the reason) when the family's row is refused."""

    number: int
    cells: list[Any]
    name: str
    member: MemberIn | None = None
    problems: list[Problem] = field(default_factory=list)
    kind: str = NEW
    head_row: int = 0  # the family's row in the file (0: none, `family_id` says which)
    family_id: str = ""  # a registered family it belongs to
    member_id: str = ""  # EXISTING: the member already there
    fill: dict[str, Any] = field(default_factory=dict)
    like: list[tuple[str, str]] = field(default_factory=list)

    def reasons(self, lang: str, header: columns.Header | None = None) -> list[str]:
        from helpdesk.services.imports import _column  # one wording of columns for both

        zh = lang.startswith("zh")
        out = []
        for p in self.problems:
            column = _column(p.field, header, lang) if p.field else ""
            text = p.zh if zh else p.en
            out.append(text if not column else f"{column}：{text}" if zh else f"{column}: {text}")
        return out + [z if zh else e for z, e in self.like]


def check(row: sheetmembers.Row) -> MemberRow:
    """The member dialog's checks on the row, and the spreadsheet's own traps."""
    problems = list(row.problems)
    member = None
    try:
        member = validate(MemberIn, row.data)
    except Invalid as err:
        taken = {p.field for p in problems}
        problems += [p for p in err.problems if p.field not in taken]
    if member is not None and row.sex and member.id_number:
        written = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F"}
        if written.get(row.sex.lower()) not in (None, idcard.sex(member.id_number)):
            problems.append(Problem("sex", "sex_mismatch", "性别与身份证号码不符，请核对",
                                    "The sex does not match the ID number: check both"))
    return MemberRow(row.number, row.cells, row.name, None if problems else member, problems,
                     ERROR if problems else NEW)


def fate(m: MemberRow, head: Checked | None) -> str:
    """What importing now does with the member: "add", "fill", "skip" or "error"."""
    from helpdesk.services.imports import ELSEWHERE, POSSIBLE, SKIP

    if m.kind == ERROR:
        return "error"
    if head is not None and head.kind in (POSSIBLE, ELSEWHERE) and head.decision == SKIP:
        return "skip"  # the family is left out: its members with it
    if m.kind == NEW:
        return "add"
    return "fill" if m.kind == EXISTING and m.fill else "skip"


def refuse(m: MemberRow, zh: str, en: str, code: str = "member_head") -> None:
    m.kind = ERROR
    m.problems.append(Problem("" if code == "member_head" else "id_number", code, zh, en))


class Matcher:
    """Members put in their families and matched, the file's rows in order."""

    def __init__(self, session: Session, heads: list[Checked]) -> None:
        self.db = session.db
        self.heads = {h.number: h for h in heads}
        self.by_number: dict[str, str] = {}  # registered ID numbers -> family id
        for r in storerows.many(self.db, "SELECT id, id_number FROM families "
                                         "WHERE merged_into IS NULL AND id_number != ''", []):
            self.by_number[r["id_number"]] = r["id"]
        self.head_numbers = {h.family.id_number: h.number for h in heads
                             if h.family is not None and h.family.id_number}
        self.member_numbers = {str(r[0]): str(r[1]) for r in self.db.execute(
            "SELECT id_number, family_id FROM members WHERE id_number != ''").fetchall()}
        self.members: dict[str, list[Member]] = {}
        self.seen: dict[str, tuple[str, int]] = {}  # member ID in the file -> (family, row)
        self.seen_names: dict[tuple[str, str, str], int] = {}

    def _members_of(self, family_id: str) -> list[Member]:
        if family_id not in self.members:
            self.members[family_id] = familystore.members_of(self.db, family_id)
        return self.members[family_id]

    def match(self, m: MemberRow) -> None:
        head = self.heads.get(m.head_row)
        if m.kind == ERROR:
            return
        if head is not None and head.kind == ERROR:
            refuse(m, f"户主所在的第 {head.number} 行有误、未导入，本成员也未导入",
                   f"The family's row {head.number} has errors and is not imported, so "
                   "neither is this member")
            return
        family_id = m.family_id or (head.family_id if head is not None else "")
        key = family_id or f"row{m.head_row}"
        assert m.member is not None
        number = m.member.id_number
        if number:
            owner = self.by_number.get(number) or self.member_numbers.get(number)
            if number in self.head_numbers:
                row = self.head_numbers[number]
                refuse(m, f"与第 {row} 行户主的身份证号相同",
                       f"Same ID number as the head of row {row}", "id_twice_in_file")
                return
            if owner and (owner != family_id or number in self.by_number):
                refuse(m, f"身份证号 {idcard.mask(number)} 已登记在“{self._name(owner)}”户下",
                       f"ID {idcard.mask(number)} is registered to the family of "
                       f"{self._name(owner)}", "id_registered")
                return
            if number in self.seen:
                other, row = self.seen[number]
                if other == key:
                    m.kind = REPEATED
                    m.like.append((f"与第 {row} 行是同一成员", f"The same member as row {row}"))
                else:
                    refuse(m, f"与第 {row} 行成员的身份证号相同", f"Same ID number as row {row}",
                           "id_twice_in_file")
                return
            self.seen[number] = (key, m.number)
        named = (key, m.member.name, m.member.relation.value)
        if named in self.seen_names and not number:
            m.kind = REPEATED
            row = self.seen_names[named]
            m.like.append((f"与第 {row} 行是同一成员", f"The same member as row {row}"))
            return
        self.seen_names.setdefault(named, m.number)
        if family_id:
            self._existing(m, family_id)

    def _existing(self, m: MemberRow, family_id: str) -> None:
        assert m.member is not None
        mine = m.member
        there = self._members_of(family_id)
        same = next((x for x in there if mine.id_number and x.id_number == mine.id_number),
                    None) or next(
            (x for x in there if x.name == mine.name and x.relation == mine.relation
             and not (mine.id_number and x.id_number)), None)
        if same is None:
            return
        m.kind, m.member_id = EXISTING, same.id
        m.like.append((f"该户已有这位成员（{same.name}）",
                       f"The family has this member already ({same.name})"))
        for name in FILLABLE:
            theirs, here = getattr(same, name), getattr(mine, name)
            if theirs in ("", None) and here not in ("", None):
                m.fill[name] = here
        if "birth_date" in m.fill and same.id_number:
            m.fill.pop("birth_date")  # told by its ID number already

    def _name(self, family_id: str) -> str:
        found = familystore.get(self.db, family_id)
        return found.head_name if found is not None else ""


def split(sheet_rows: list[list[read.Cell]], header: columns.Header,
          mapping: columns.Mapping, region: str, check_head: Callable[[values.Row], Checked]
          ) -> tuple[list[Checked], list[MemberRow]]:
    """The family rows checked, and the member rows below them (each naming its head's row)."""
    if columns.layout(header) != "inline":
        return [check_head(r) for r in values.rows_of(sheet_rows, header, mapping, region)], []
    relation = header.fields.index("relation")
    heads: list[Checked] = []
    found: list[MemberRow] = []
    for i in range(header.index + 1, len(sheet_rows)):
        cells = sheet_rows[i]
        if all(values.text_of(c) == "" for c in cells):
            continue
        said = values.text_of(cells[relation]) if relation < len(cells) else ""
        if sheetmembers.is_head(said):
            heads.append(check_head(values.row_of(i + 1, cells, header, mapping, region)))
            continue
        m = check(sheetmembers.member_of(i + 1, cells, header))
        m.head_row = heads[-1].number if heads else 0
        found.append(m)
    return heads, found


def linked(session: Session, plan: Preview, book: read.Book,
           members: tuple[Path | None, str | None] | None, mapping: columns.Mapping) -> None:
    """The rows of a sheet of members, each put under the head it names."""
    other = book if members is None or members[0] is None else None
    if members is not None and members[0] is not None:
        try:
            other = read.read(members[0])
        except Invalid as err:
            raise InvalidInput.from_invalid(err) from None
    assert other is not None
    names = [members[1]] if members is not None and members[1] else \
        [n for n in other.names if not (other is book and n == plan.sheet)]
    for name in names:
        try:
            _, rows = other.sheet(name)
            header = columns.find_header(rows, mapping)
        except Invalid as err:
            if members is not None:
                raise InvalidInput.from_invalid(err) from None
            continue
        if columns.layout(header) != "linked":
            if members is not None:
                raise InvalidInput.from_invalid(Invalid(
                    "no_member_link", f"成员表“{name}”中没有“户主身份证号”或“户主姓名”列，"
                    "无法知道成员属于哪一户", f"The members' sheet '{name}' has no column "
                    "naming the head (户主身份证号 or 户主姓名)", "sheet"))
            continue
        plan.member_sheet, plan.member_header = name, header
        plan.member_path = None if other is book else other.path
        by_number = _by_number(plan)
        by_name: dict[str, list[Checked]] = defaultdict(list)
        for c in plan.rows:
            by_name[c.name].append(c)
        for i in range(header.index + 1, len(rows)):
            if all(values.text_of(c) == "" for c in rows[i]):
                continue
            row = sheetmembers.member_of(i + 1, rows[i], header)
            if row.relation.strip().lower() in sheetmembers.HEAD_WORDS:
                continue  # the head listed among its household: its family's row has it
            m = check(row)
            _link(session, plan, m, row, by_number, by_name)
        return


def _by_number(plan: Preview) -> dict[str, Checked]:
    """The file's family rows by their ID number as written (rows refused too: their members
    are then refused for that reason, not for want of a head)."""
    if "id_number" not in plan.header.fields:
        return {}
    at = plan.header.fields.index("id_number")
    return {idcard.normalise(values.text_of(c.cells[at])): c for c in reversed(plan.rows)
            if at < len(c.cells) and values.text_of(c.cells[at])}


def _link(session: Session, plan: Preview, m: MemberRow, row: sheetmembers.Row,
          by_number: dict[str, Checked], by_name: dict[str, list[Checked]]) -> None:
    number = idcard.normalise(row.head_id) if row.head_id else ""
    heads = [by_number[number]] if number in by_number else [] if number else \
        by_name.get(row.head_name, [])
    if len(heads) == 1:
        head = heads[0]
        if head.kind == REPEATED and head.first_row:
            head = next(c for c in plan.rows if c.number == head.first_row)
        m.head_row = head.number
        head.members.append(m)
        return
    plan.loose.append(m)
    if m.kind == ERROR:
        return
    if len(heads) > 1:
        refuse(m, f"文件中有 {len(heads)} 户户主叫“{row.head_name}”：请填写户主身份证号",
               f"{len(heads)} families of the file have a head named {row.head_name}: "
               "give the head's ID number")
        return
    m.family_id = _registered(session, number, row.head_name)
    if not m.family_id:
        who = idcard.mask(number) if number else row.head_name
        refuse(m, f"找不到户主“{who}”：文件和本站都没有这户",
               f"No head '{who}' found, in the file or at this station")


def _registered(session: Session, number: str, name: str) -> str:
    """The registered family a member sheet names: by its head's ID number, else by a head's
    name that only one family has."""
    if number:
        found = familystore.by_id_number(session.db, number)
        return found.id if found is not None and found.id_number == number else ""
    ids = [str(r[0]) for r in session.db.execute(
        "SELECT id FROM families WHERE head_name = ? AND merged_into IS NULL LIMIT 2", [name])]
    return ids[0] if len(ids) == 1 else ""
