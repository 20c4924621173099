"""Bringing in a roster: the preview finds every problem and duplicate, the import writes
families as registering by hand does, in one transaction that Cancel undoes."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import families, import_commit, imports, volunteers
from helpdesk.services import session as sessions
from helpdesk.services.session import Session
from helpdesk.store import imports as importstore
from tests.services.helpers import register
from tests.services.test_aid_needs import other_station_record
from tests.sheets import rosters

NO_MEMBERS = {"members": 0, "members_updated": 0}


def snapshot(s: Session) -> dict[str, Any]:
    counts = {t: s.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("families", "members", "changes", "audit", "imports", "import_rows")}
    return counts | {"counters": s.db.execute("SELECT * FROM counters ORDER BY name").fetchall()}


def roster(tmp_path: Path, people: list[dict[str, Any]], name: str = "r.xlsx") -> Path:
    return rosters.write_xlsx(tmp_path / name, people, title="洪山区困难职工档案")


def test_preview_names_every_problem_of_every_row_and_writes_nothing(
        station: Session, tmp_path: Path) -> None:
    path = roster(tmp_path, [
        rosters.person(1),
        rosters.person(2, 联系电话="12345", 月收入="abc", 户口性质="外星", 致困原因=""),
        rosters.person(3, 公民身份号码=rosters.person(3)["公民身份号码"][:-1] + "0"),
        rosters.person(4, 出生日期=date(1999, 1, 1)),
        rosters.person(5, 性别="女" if rosters.person(5)["性别"] == "男" else "男")])
    before = snapshot(station)
    plan = imports.preview(station, path)
    assert snapshot(station) == before
    by_row = {r.number: r for r in plan.rows}
    assert by_row[4].kind == imports.NEW and by_row[4].decision == imports.ADD
    second = by_row[5]
    assert second.kind == imports.ERROR
    assert {p.field for p in second.problems} >= {"phone", "hukou", "reasons"}
    zh = second.reasons("zh", plan.header)
    assert any(t.startswith("联系电话：手机号码应为 11 位") for t in zh)
    assert any(t.startswith("户口性质：“外星”不是可识别的户口性质") for t in zh)
    assert any(t.startswith("致困原因：") for t in zh)
    assert any(t.startswith("户口性质: '外星' is not a known hukou")
               for t in second.reasons("en", plan.header))
    assert [p.code for p in by_row[6].problems] == ["id_checksum"]
    assert [p.code for p in by_row[7].problems] == ["birth_date_mismatch"]
    assert [p.code for p in by_row[8].problems] == ["sex_mismatch"]
    assert plan.counts() == {
        "rows": 5, "added": 1, "updated": 0, "duplicates": 0, "errors": 4} | NO_MEMBERS


def test_import_registers_like_the_form_and_marks_the_import(
        station: Session, tmp_path: Path) -> None:
    path = roster(tmp_path, [rosters.person(n) for n in range(1, 4)])
    plan = imports.preview(station, path)
    before = snapshot(station)
    done = import_commit.commit(station, plan, report=tmp_path / "report.xlsx")
    assert done.counts == {
        "rows": 3, "added": 3, "updated": 0, "duplicates": 0, "errors": 0} | NO_MEMBERS
    assert done.report is None and not (tmp_path / "report.xlsx").exists()
    after = snapshot(station)
    assert after["families"] == before["families"] + 3 and after["import_rows"] == 3
    # Per family: its change and its audit row (and their changes); one audit of the import.
    assert after["audit"] == before["audit"] + 4
    family = families.find(station, "职工00002")[0]
    marks = importstore.of_family(station.db, family.family_id)
    assert [(m["id"], m["outcome"], m["row_number"]) for m in marks] == [
        (done.import_id, "added", 5)]
    audit = station.db.execute("SELECT detail FROM audit WHERE action = 'register_family' "
                               "AND entity_id = ?", [family.family_id]).fetchone()[0]
    assert done.import_id in audit
    stored = families.get(station, family.family_id)
    assert stored.income_fen == 120050 and stored.hukou.value == "rural"


def test_same_id_fills_blank_fields_only_and_never_overwrites(
        station: Session, tmp_path: Path) -> None:
    number = rosters.person(1)["公民身份号码"]
    here = register(station, head_name="职工00001", id_number=number, phone="",
                    address="原来的地址", income_fen="", insurance=[])
    path = roster(tmp_path, [rosters.person(1, 参保情况="医疗")])
    plan = imports.preview(station, path)
    (row,) = plan.rows
    assert row.kind == imports.EXISTING and row.family_id == here.id
    assert set(row.fill) == {"phone", "income_fen", "notes"}  # the address is not blank
    assert row.choices() == (imports.FILL, imports.SKIP)
    done = import_commit.commit(station, plan)
    assert done.counts["updated"] == 1 and done.counts["added"] == 0
    now = families.get(station, here.id)
    assert now.phone == "13900000001" and now.income_fen == 120050
    assert now.address == "原来的地址" and now.head_name == here.head_name
    again = imports.preview(station, path)
    assert again.counts()["added"] == 0 and again.rows[0].fill == {}


def test_possible_duplicates_here_in_the_file_and_in_the_region(
        station: Session, tmp_path: Path) -> None:
    born = date(1975, 3, 9)
    register(station, head_name="王丽", id_number="", id_kind="none", birth_date=born,
             phone="13812345678")
    elsewhere = rosters.person(9)["公民身份号码"]
    other_station_record(station, elsewhere, {})
    path = roster(tmp_path, [
        rosters.person(1, 户主姓名="王丽", 公民身份号码=None, 出生日期=born, 联系电话=None),
        rosters.person(2, 户主姓名="张伟", 公民身份号码=None, 联系电话="13700000000"),
        rosters.person(3, 户主姓名="章伟", 公民身份号码=None, 联系电话="137 0000 0000"),
        rosters.person(4),
        rosters.person(5, 公民身份号码=rosters.person(4)["公民身份号码"], 出生日期=None,
                       性别=None),
        rosters.person(9),
        rosters.person(4)])  # typed twice, the same
    plan = imports.preview(station, path)
    kinds = {r.number: r.kind for r in plan.rows}
    assert kinds == {4: imports.POSSIBLE, 5: imports.NEW, 6: imports.POSSIBLE,
                     7: imports.NEW, 8: imports.ERROR, 9: imports.ELSEWHERE,
                     10: imports.REPEATED}
    by_row = {r.number: r for r in plan.rows}
    assert "registered family of 王丽" in by_row[4].reasons("en")[0]
    assert by_row[6].reasons("zh") == ["可能与文件第 5 行是同一户"]  # zhang wei, same phone
    assert by_row[8].reasons("en", plan.header) == ["公民身份号码: Same ID number as row 7"]
    assert "ZB02" in by_row[9].reasons("zh")[0]
    assert by_row[4].decision == imports.SKIP  # possible duplicates are skipped unless chosen
    assert by_row[10].reasons("en") == ["The same as row 7"]
    assert plan.counts() == {"rows": 7, "added": 2, "updated": 0, "duplicates": 4,
                             "errors": 1} | NO_MEMBERS
    by_row[9].decision = imports.ADD  # per row
    assert plan.decide_all(imports.POSSIBLE, imports.ADD) == 2  # in bulk
    report = tmp_path / "not-imported.xlsx"
    done = import_commit.commit(station, plan, report=report)
    assert done.counts == {
        "rows": 7, "added": 5, "updated": 0, "duplicates": 1, "errors": 1} | NO_MEMBERS
    assert done.report == report


def test_cancel_mid_import_leaves_nothing(station: Session, tmp_path: Path) -> None:
    path = roster(tmp_path, [rosters.person(n) for n in range(1, 121)])
    plan = imports.preview(station, path)
    before = snapshot(station)
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 50:
            cancel.set()

    with pytest.raises(import_commit.ImportCancelled):
        import_commit.commit(station, plan, progress=progress, cancel=cancel)
    assert seen[-1] == 50 and snapshot(station) == before  # 50 families written, then undone


def test_reimport_adds_nothing_and_the_report_brings_the_rest_back(
        station: Session, tmp_path: Path) -> None:
    people = [rosters.person(n) for n in range(1, 6)]
    people.append(rosters.person(6, 户主姓名=""))  # no name: an error row
    people.append(rosters.person(7, 联系电话="12345"))
    path = roster(tmp_path, people)
    first = import_commit.commit(station, imports.preview(station, path),
                                 report=import_commit.report_path(path))
    assert first.counts["added"] == 5 and first.counts["errors"] == 2
    before = snapshot(station)
    again = import_commit.commit(station, imports.preview(station, path))
    assert again.counts == {
        "rows": 7, "added": 0, "updated": 0, "duplicates": 5, "errors": 2} | NO_MEMBERS
    assert snapshot(station)["families"] == before["families"]
    # The report: the roster's header, the rows as they were, the reason; IDs as text.
    assert first.report == tmp_path / "r.errors.xlsx"
    sheet = openpyxl.load_workbook(first.report).active
    assert sheet is not None
    cells = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert cells[0][:len(rosters.HEADER)] == rosters.HEADER and cells[0][-2] == "未导入原因"
    assert [r[-1] for r in cells[1:]] == [9, 10]  # their rows in the roster
    assert "户主姓名" in cells[1][-2] and "联系电话" in cells[2][-2]
    number_column = rosters.HEADER.index("公民身份号码")
    assert cells[2][number_column] == rosters.person(7)["公民身份号码"]
    assert sheet.cell(3, number_column + 1).data_type == "s"
    # Fixed in the report and imported from it: just those rows come in.
    book = openpyxl.load_workbook(first.report)
    fixed = book.active
    assert fixed is not None
    fixed.cell(2, rosters.HEADER.index("户主姓名") + 1, "补上的名字")
    fixed.cell(3, rosters.HEADER.index("联系电话") + 1, "13900000007")
    book.save(tmp_path / "fixed.xlsx")
    third = import_commit.commit(station, imports.preview(station, tmp_path / "fixed.xlsx"))
    assert third.counts == {
        "rows": 2, "added": 2, "updated": 0, "duplicates": 0, "errors": 0} | NO_MEMBERS


def test_import_on_a_worker_thread_with_its_own_connection(
        station: Session, tmp_path: Path) -> None:
    plan = imports.preview(station, roster(tmp_path, [rosters.person(n) for n in (1, 2)]))
    result: list[Any] = []
    target = import_commit.Detached(station)
    worker = threading.Thread(target=lambda: result.append(
        import_commit.commit_detached(target, plan)))
    worker.start()
    worker.join(60)
    assert result and result[0].counts["added"] == 2
    assert len(families.find(station, "职工0000")) == 2  # seen from the app's connection


def test_only_a_head_imports_and_unreadable_files_are_refused(
        station: Session, tmp_path: Path) -> None:
    volunteers.add_volunteer(station, "小李", "246810")
    plan = imports.preview(station, roster(tmp_path, [rosters.person(1)]))
    volunteer = sessions.sign_in(station.paths, "小李", "246810")
    try:
        with pytest.raises(KnownError, match="Only a station head"):
            import_commit.commit(volunteer, plan)
    finally:
        volunteer.close()
    (tmp_path / "bad.xls").write_bytes(b"\x00" * 100)
    with pytest.raises(InvalidInput) as err:
        imports.preview(station, tmp_path / "bad.xls")
    assert err.value.code == "unreadable"


def test_a_report_that_cannot_be_saved_undoes_the_import(
        station: Session, tmp_path: Path) -> None:
    plan = imports.preview(station, roster(tmp_path, [rosters.person(1),
                                                      rosters.person(2, 联系电话="1")]))
    before = snapshot(station)
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way of the report's folder")
    with pytest.raises(KnownError) as err:
        import_commit.commit(station, plan, report=blocked / "r.errors.xlsx")
    assert err.value.code == "report_unwritten" and snapshot(station) == before
