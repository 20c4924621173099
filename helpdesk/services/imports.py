"""Bringing in an existing roster: the preview (every row checked, nothing written).

Each row goes through the registration form's own model (`FamilyIn`: GB 11643 check digit,
phones, dates, money), then is matched against the station's families, the region's match
records and the rows above it in the file. `import_commit.commit` writes what the preview
found, with the decisions taken on it.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from helpdesk.domain import idcard
from helpdesk.domain.errors import Invalid, Problem
from helpdesk.domain.families import FamilyIn
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput
from helpdesk.services import import_members
from helpdesk.services.import_members import MemberRow
from helpdesk.services.session import Session, pinyin_of
from helpdesk.sheets import columns, read, values
from helpdesk.store import families as familystore
from helpdesk.store import imports as store
from helpdesk.sync import matches

NAME_SCORE = 90  # rapidfuzz ratio (0-100) of two pinyin keys that count as the same name
FILLABLE = ("phone", "address", "income_fen", "consent_date", "insurance", "notes")

# What a row is, and what importing it does by default.
NEW, ERROR, EXISTING, POSSIBLE, ELSEWHERE, IMPORTED, REPEATED = (
    "new", "error", "existing", "possible", "elsewhere", "imported", "repeated")
ADD, SKIP, FILL = "add", "skip", "fill"


@dataclass
class Checked:
    """One data row after the preview; `decision` may be changed before the import."""

    number: int  # the row number the spreadsheet shows
    cells: list[read.Cell]
    kind: str
    name: str = ""  # the head's name as written
    family: FamilyIn | None = None
    problems: list[Problem] = field(default_factory=list)
    family_id: str = ""  # EXISTING: the family with this ID number
    fill: dict[str, Any] = field(default_factory=dict)  # EXISTING: its blank fields, from here
    like: list[tuple[str, str]] = field(default_factory=list)  # (zh, en) of what it may be
    row_hash: str = ""
    decision: str = SKIP
    members: list[MemberRow] = field(default_factory=list)  # its member rows, in file order
    first_row: int = 0  # REPEATED: the row it repeats

    def choices(self) -> tuple[str, ...]:
        """The decisions this row allows (the first is the default)."""
        if self.kind == NEW:
            return (ADD,)
        if self.kind == EXISTING:
            return (FILL, SKIP) if self.fill else (SKIP,)
        if self.kind in (POSSIBLE, ELSEWHERE):
            return (SKIP, ADD)
        return (SKIP,)

    def reasons(self, lang: str, header: columns.Header | None = None) -> list[str]:
        """Why the row is not simply added, each as a sentence naming the column."""
        zh = lang.startswith("zh")
        out = []
        for p in self.problems:
            column = _column(p.field, header, lang)
            out.append(f"{column}：{p.zh}" if zh else f"{column}: {p.en}")
        out += [z if zh else e for z, e in self.like]
        return out


@dataclass
class Preview:
    path: Path
    sheet: str
    sheets: list[str]
    header: columns.Header
    mapping: columns.Mapping
    rows: list[Checked]
    file_sha256: str
    loose: list[MemberRow] = field(default_factory=list)  # members with no family row here
    member_sheet: str = ""  # a sheet of members naming their heads (or a file's, below)
    member_header: columns.Header | None = None
    member_path: Path | None = None

    def member_rows(self) -> list[tuple[Checked | None, MemberRow]]:
        """Every member row with its family's row (None: a registered family, or none)."""
        return [(r, m) for r in self.rows for m in r.members] + [(None, m) for m in self.loose]

    def decide_all(self, kind: str, decision: str) -> int:
        """Take one decision for every row of a kind (bulk); returns how many rows took it."""
        n = 0
        for row in self.rows:
            if row.kind == kind and decision in row.choices():
                row.decision = decision
                n += 1
        return n

    def counts(self) -> dict[str, int]:
        """What importing now would do: rows (families' and members'), added, updated
        (families), duplicates, errors (rows of either), members, members_updated."""
        c = {"rows": len(self.rows), "added": 0, "updated": 0, "duplicates": 0, "errors": 0,
             "members": 0, "members_updated": 0}
        for head, m in self.member_rows():
            c["rows"] += 1
            key = {"add": "members", "fill": "members_updated", "skip": "duplicates",
                   "error": "errors"}[import_members.fate(m, head)]
            c[key] += 1
        for row in self.rows:
            if row.kind == ERROR:
                c["errors"] += 1
            elif row.decision == ADD:
                c["added"] += 1
            elif row.decision == FILL:
                c["updated"] += 1
            else:
                c["duplicates"] += 1
        return c


def _column(name: str, header: columns.Header | None, lang: str) -> str:
    """The file's own header for a field (as the station will look for it), else our label."""
    if header is not None:
        for cell, f in zip(header.cells, header.fields, strict=True):
            if f == name:
                return cell
    base = name.split(".")[0]
    if base == "income_fen":
        base = "income"
    return columns.label(base, lang) if base in columns.FIELDS else name


def open_sheet(path: Path | str, sheet: str | None = None,
               mapping: columns.Mapping | None = None
               ) -> tuple[read.Book, str, list[list[read.Cell]], columns.Header]:
    """The file's sheets, the chosen one, its rows and header row; `InvalidInput` when the
    file cannot be read or has no recognisable header."""
    try:
        book = read.read(path)
        name, rows = book.sheet(sheet)
        return book, name, rows, columns.find_header(rows, mapping or columns.Mapping())
    except Invalid as err:
        raise InvalidInput.from_invalid(err) from None


def load_mapping(path: Path | str) -> columns.Mapping:
    try:
        return columns.Mapping.load(path)
    except Invalid as err:
        raise InvalidInput.from_invalid(err) from None


Members = tuple[Path | None, str | None]  # a file of members (None: this one), its sheet


def preview(session: Session, path: Path | str, sheet: str | None = None,
            mapping: columns.Mapping | None = None, members: Members | None = None
            ) -> Preview:
    """Every row of the sheet checked and matched; nothing is written. Member rows under
    their head's row are found by their relation; a sheet of members naming their heads is
    `members` (a file and sheet), else the first such sheet of the same file."""
    mapping = mapping or columns.Mapping()
    book, name, sheet_rows, header = open_sheet(path, sheet, mapping)
    if columns.layout(header) == "linked":
        raise InvalidInput.from_invalid(Invalid(
            "members_only", "这张表只有家庭成员：请选择户主所在的工作表导入，成员表会一并读取",
            "This sheet holds members only: import the sheet of the families, and the "
            "members are read with it", "sheet"))
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    checked, inline = import_members.split(sheet_rows, header, mapping,
                                           session.station.region, _check)
    seen = store.imported_families(session.db, [c.row_hash for c in checked if c.row_hash])
    _match(session, checked, seen)
    for c in checked:
        c.decision = c.choices()[0]
    plan = Preview(Path(path), name, book.names, header, mapping, checked, digest)
    loose = [m for m in inline if not m.head_row]
    for m in loose:
        import_members.refuse(m, "找不到户主：成员行上方没有户主所在的行",
                              "No head found: there is no family row above this member row")
    import_members.linked(session, plan, book, members, mapping)
    matcher = import_members.Matcher(session, checked)
    heads = {c.number: c for c in checked}
    for m in inline:
        head = heads.get(m.head_row)
        if head is not None:
            if head.kind == REPEATED and head.first_row in heads:  # one family: one group
                m.head_row, head = head.first_row, heads[head.first_row]
            head.members.append(m)
    plan.loose = loose + plan.loose
    for _, m in plan.member_rows():
        matcher.match(m)
    return plan


def _check(row: values.Row) -> Checked:
    problems = list(row.problems)
    family = None
    try:
        family = validate(FamilyIn, row.data)
    except Invalid as err:
        taken = {p.field for p in problems}
        problems += [p for p in err.problems if p.field not in taken]
    if family is not None and row.sex and family.id_number:
        written = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F"}
        if written.get(row.sex.lower()) not in (None, idcard.sex(family.id_number)):
            problems.append(Problem("sex", "sex_mismatch", "性别与身份证号码不符，请核对",
                                    "The sex does not match the ID number: check both"))
    name = str(row.data.get("head_name", ""))
    if problems:
        return Checked(row.number, row.cells, ERROR, name, family, problems)
    assert family is not None
    key = json.dumps(family.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return Checked(row.number, row.cells, NEW, family.head_name, family,
                   row_hash=hashlib.sha256(key.encode()).hexdigest())


class _Names:
    """Families (or earlier rows) by birth date and by phone, matched by name or pinyin."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[tuple[str, str, str]]] = defaultdict(list)

    def add(self, name: str, pinyin: str, birth: str | None, phone: str, ref: str) -> None:
        for key in (f"b{birth}" if birth else "", f"p{phone}" if phone else ""):
            if key:
                self.by_key[key].append((name, pinyin, ref))

    def like(self, name: str, pinyin: str, birth: str | None, phone: str) -> list[str]:
        found: dict[str, None] = {}
        for key in (f"b{birth}" if birth else "", f"p{phone}" if phone else ""):
            for other, other_pinyin, ref in self.by_key.get(key, ()) if key else ():
                if other == name or (pinyin and fuzz.ratio(pinyin, other_pinyin) >= NAME_SCORE):
                    found[ref] = None
        return list(found)


def _match(session: Session, rows: list[Checked], imported: dict[str, str]) -> None:
    known = store.known_families(session.db)
    by_number = {r["id_number"]: r for r in known if r["id_number"]}
    names = {r["id"]: r for r in known}
    station = _Names()
    for r in known:
        station.add(r["head_name"], r["name_pinyin"], r["birth_date"], r["phone"], r["id"])
    in_file = _Names()
    numbers_in_file: dict[str, tuple[int, str]] = {}
    for row in rows:
        f = row.family
        if row.kind == ERROR or f is None:
            continue
        if row.row_hash in imported:
            row.kind, row.family_id = IMPORTED, imported[row.row_hash]
            row.like.append(("这一行以前已经导入过", "This row was imported before"))
            continue
        number = f.id_number
        if number and number in numbers_in_file:
            first, first_hash = numbers_in_file[number]
            if first_hash == row.row_hash:  # the same row typed twice: nothing to decide
                row.kind, row.first_row = REPEATED, first
                row.like.append((f"与第 {first} 行完全相同", f"The same as row {first}"))
                continue
            row.kind = ERROR
            row.problems.append(Problem("id_number", "id_twice_in_file",
                                        f"与第 {first} 行的身份证号相同",
                                        f"Same ID number as row {first}"))
            continue
        if number:
            numbers_in_file[number] = (row.number, row.row_hash)
        pinyin, _ = pinyin_of(f.head_name)
        birth = f.birth_date.isoformat() if f.birth_date else None
        if number and number in by_number:
            _existing(session, row, by_number[number]["id"])
        else:
            others = [r for r in matches.by_id_number(session.db, number)
                      if r["station_code"] != session.station.code] if number else []
            if others:
                row.kind = ELSEWHERE
                row.like += [(f"该身份证号已在 {r['station_code']} 站登记（{r['name']}）",
                              f"This ID number is registered at station {r['station_code']} "
                              f"({r['name']})") for r in others]
            for ref in station.like(f.head_name, pinyin, birth, f.phone):
                row.kind = POSSIBLE if row.kind == NEW else row.kind
                other = names[ref]
                shown = idcard.mask(other["id_number"]) if other["id_number"] else ""
                row.like.append((f"可能与已登记的“{other['head_name']}”{shown}是同一户",
                                 f"May be the registered family of {other['head_name']} {shown}"))
            for ref in in_file.like(f.head_name, pinyin, birth, f.phone):
                row.kind = POSSIBLE if row.kind == NEW else row.kind
                row.like.append((f"可能与文件第 {ref} 行是同一户",
                                 f"May be the same family as row {ref} of the file"))
        in_file.add(f.head_name, pinyin, birth, f.phone, str(row.number))


def _existing(session: Session, row: Checked, family_id: str) -> None:
    """Same ID number as a family here: its blank fields may be filled in, never overwritten."""
    assert row.family is not None
    row.kind, row.family_id = EXISTING, family_id
    current = familystore.get(session.db, family_id)
    if current is None:
        return
    row.like.append((f"该身份证号已登记在“{current.head_name}”户下",
                     f"This ID number is registered to the family of {current.head_name}"))
    if current.id_number != row.family.id_number:
        return  # a member's ID number: the household is known, its head's fields are not these
    for name in FILLABLE:
        mine, theirs = getattr(current, name), getattr(row.family, name)
        if mine in ("", None, ()) and theirs not in ("", None, ()):
            row.fill[name] = theirs
