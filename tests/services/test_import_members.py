"""Household members in a roster: under their head's row or on a sheet naming the head,
checked like the member dialog, added through its use case in the import's transaction, never
twice, filling only blanks on a member already there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl

from helpdesk.services import families, import_commit, imports
from helpdesk.services.session import Session
from tests.sheets import rosters


def members_of(s: Session, head_name: str) -> list[tuple[str, str, str, str]]:
    family = families.find(s, head_name)[0]
    return [(m.name, m.relation.value, m.health, m.school_or_work) for m in
            families.family_history(s, family.family_id).members]


def inline(path: Path, rows: list[dict[str, Any]]) -> Path:
    return rosters.write_xlsx(path, rows, title="洪山区困难职工家庭成员名册",
                              header=rosters.WITH_MEMBERS)


def test_member_rows_under_their_head_are_checked_grouped_and_imported(
        station: Session, tmp_path: Path) -> None:
    path = inline(tmp_path / "r.xlsx", [
        rosters.member(0, 1, "配偶"),  # row 4: no family row above it
        rosters.person(1, 与户主关系="本人"),  # row 5
        rosters.member(1, 1, "妻子"),
        rosters.member(1, 2, "儿子", 健康状况="良好", 就读学校="洪山区第一小学"),
        rosters.person(2, 联系电话="12345", 与户主关系="户主"),  # row 8: refused
        rosters.member(2, 1, "女儿"),
        rosters.person(3),  # row 10: no relation written: the family's row
        rosters.member(3, 1, "表舅"),  # row 11: not a relation the dialog knows
        rosters.member(3, 2, "孙女", 公民身份号码=rosters.member(3, 2)["公民身份号码"][:-1]
                       + "0"),  # row 12: a wrong check digit
        rosters.member(3, 3, "母亲", 公民身份号码=None),
        rosters.member(3, 3, "母亲", 公民身份号码=None)])  # row 14: typed twice
    plan = imports.preview(station, path)
    heads = {r.number: r for r in plan.rows}
    assert sorted(heads) == [5, 8, 10]
    assert [(m.number, m.kind) for m in heads[5].members] == [(6, "new"), (7, "new")]
    assert heads[5].members[0].member is not None
    assert heads[5].members[0].member.relation.value == "spouse"
    assert heads[8].members[0].reasons("zh") == ["户主所在的第 8 行有误、未导入，本成员也未导入"]
    assert [(m.number, m.kind) for m in heads[10].members] == [
        (11, "error"), (12, "error"), (13, "new"), (14, "repeated")]
    eleven, twelve = heads[10].members[:2]
    assert eleven.reasons("zh", plan.header)[0].startswith("与户主关系：“表舅”不是可识别的")
    assert eleven.reasons("en", plan.header)[0].startswith("与户主关系: '表舅' is not a known")
    assert twelve.reasons("zh", plan.header)[0].startswith("公民身份号码：")
    (orphan,) = plan.loose
    assert orphan.number == 4 and "No head found" in orphan.reasons("en")[0]
    assert plan.counts() == {"rows": 11, "added": 2, "updated": 0, "duplicates": 1,
                             "errors": 5, "members": 3, "members_updated": 0}
    report = tmp_path / "report.xlsx"
    changes = station.db.execute("SELECT count(*) FROM changes WHERE entity = 'member'"
                                 ).fetchone()[0]
    done = import_commit.commit(station, plan, report=report)
    assert done.counts["members"] == 3
    assert members_of(station, "职工00001") == [
        ("成员00001-1", "spouse", "", ""), ("成员00001-2", "child", "良好", "洪山区第一小学")]
    assert members_of(station, "职工00003") == [("成员00003-3", "parent", "", "")]
    # As the member dialog adds them: an outbox change and an audit row each, marked.
    assert station.db.execute("SELECT count(*) FROM changes WHERE entity = 'member'"
                              ).fetchone()[0] == changes + 3
    details = [json.loads(d) for (d,) in station.db.execute(
        "SELECT detail FROM audit WHERE action = 'add_member'")]
    assert sorted(d["row"] for d in details) == [6, 7, 13]
    assert {d["import_id"] for d in details} == {done.import_id}
    audit = station.db.execute("SELECT detail FROM audit WHERE action = 'import_families'"
                               ).fetchone()[0]
    assert json.loads(audit)["members"] == 3
    # The report: the refused family with its member, the refused members under the
    # family they belong to (listed for them), the member with no family row.
    sheet = openpyxl.load_workbook(report).active
    assert sheet is not None
    listed = [(r[-1], r[-2]) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert [n for n, _ in listed] == [4, 8, 9, 10, 11, 12]
    assert "户主所在的第 8 行" in dict(listed)[9] and "本户已处理" in dict(listed)[10]


def test_reimport_adds_no_member_twice_and_fills_only_blanks(
        station: Session, tmp_path: Path) -> None:
    rows = [rosters.person(1), rosters.member(1, 1, "配偶", 健康状况="高血压"),
            rosters.member(1, 2, "父亲", 公民身份号码=None, 出生日期=None)]
    first = import_commit.commit(station, imports.preview(station, inline(tmp_path / "a.xlsx",
                                                                          rows)))
    assert first.counts["members"] == 2
    before = members_of(station, "职工00001")
    # The same people again, with more written: the health of the spouse changed (not
    # overwritten), the father now has a school-or-work and a health (blanks: filled).
    again = [rosters.person(1, 联系电话="13900000001"),
             rosters.member(1, 1, "配偶", 健康状况="良好"),
             rosters.member(1, 2, "父亲", 公民身份号码=None, 出生日期=None, 健康状况="腿伤",
                            就读学校="退休"),
             rosters.member(1, 3, "女儿")]
    plan = imports.preview(station, inline(tmp_path / "b.xlsx", again))
    (head,) = plan.rows
    assert head.kind == imports.IMPORTED or head.kind == imports.EXISTING
    assert [m.kind for m in head.members] == ["existing", "existing", "new"]
    assert head.members[0].fill == {}  # its health is written: never overwritten
    assert head.members[1].fill == {"health": "腿伤", "school_or_work": "退休"}
    done = import_commit.commit(station, plan)
    assert (done.counts["members"], done.counts["members_updated"]) == (1, 1)
    after = members_of(station, "职工00001")
    assert after[0] == before[0] and after[1] == ("成员00001-2", "parent", "腿伤", "退休")
    assert len(after) == 3
    third = imports.preview(station, inline(tmp_path / "b.xlsx", again))
    assert third.counts()["members"] == 0 and third.counts()["members_updated"] == 0


def test_a_members_sheet_naming_the_head(station: Session, tmp_path: Path) -> None:
    registered = rosters.person(7)
    import_commit.commit(station, imports.preview(station, rosters.write_xlsx(
        tmp_path / "old.xlsx", [registered])))
    members = [rosters.as_member_sheet(1, rosters.member(1, 1, "配偶")),
               rosters.as_member_sheet(2, rosters.member(2, 1, "儿子")),
               rosters.as_member_sheet(7, rosters.member(7, 1, "女儿")),  # registered before
               rosters.as_member_sheet(1, rosters.member(1, 2, "女儿")) | {"户主身份证号": None},
               rosters.as_member_sheet(9, rosters.member(9, 1, "儿子")),  # no such head
               rosters.as_member_sheet(1, rosters.member(1, 3, "本人"))]  # the head: passed
    path = rosters.write_book(tmp_path / "book.xlsx", {
        "户主": (rosters.HEADER, [rosters.person(1), rosters.person(2, 联系电话="1")]),
        "家庭成员": (rosters.MEMBER_SHEET, members)})
    plan = imports.preview(station, path)
    assert plan.member_sheet == "家庭成员"
    heads = {r.number: r for r in plan.rows}
    assert [m.number for m in heads[2].members] == [2, 5]  # by ID number, then by name
    assert heads[3].members[0].kind == "error"  # its family's row is refused
    assert [(m.number, m.kind, bool(m.family_id)) for m in plan.loose] == [
        (4, "new", True), (6, "error", False)]
    assert "No head" in plan.loose[1].reasons("en")[0]
    done = import_commit.commit(station, plan, report=tmp_path / "report.xlsx")
    assert done.counts["members"] == 3 and done.counts["errors"] == 3
    assert [m[0] for m in members_of(station, "职工00007")] == ["成员00007-1"]
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames[1] == "家庭成员"
    rows = list(book["家庭成员"].iter_rows(values_only=True))
    assert rows[0][:len(rosters.MEMBER_SHEET)] == tuple(rosters.MEMBER_SHEET)
    assert [r[-1] for r in rows[1:]] == [3, 6]


def test_members_through_libreoffice_xls_and_xlsx(station: Session, tmp_path: Path) -> None:
    rows = [rosters.person(1), rosters.member(1, 1, "配偶"), rosters.member(1, 2, "子")]
    source = rosters.write_csv(tmp_path / "成员.csv", rows, header=rosters.WITH_MEMBERS)
    for kind in ("xls", "xlsx"):
        converted = rosters.libreoffice_text(source, kind, len(rosters.WITH_MEMBERS))
        plan = imports.preview(station, converted)
        assert [m.kind for m in plan.rows[0].members] == ["new", "new"], kind
        assert plan.rows[0].members[1].member is not None
    done = import_commit.commit(station, plan)
    assert done.counts["members"] == 2
