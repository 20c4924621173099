"""The Import page: mapping unknown headers, the preview's problems and decisions, and an
import on a worker thread that keeps the window responsive and can be cancelled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from helpdesk.services import families, imports
from helpdesk.sheets import columns
from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.models.import_rows import DECISION, ImportRowsModel
from helpdesk.ui.pages import import_roster
from tests.sheets import rosters

LEFT = Qt.MouseButton.LeftButton


def import_page(qtbot: QtBot, window: MainWindow) -> import_roster.ImportPage:
    shell = window.shell
    assert shell is not None
    shell.go("families")
    button = shell.page("families").import_button
    assert button.isVisible()  # the head sees it beside "Register a new family"
    qtbot.mouseClick(button, LEFT)
    page = shell.page("import_roster")
    assert shell.pages.currentWidget() is page
    return page


def count(window: MainWindow) -> int:
    assert window.shell is not None
    return int(window.shell.session.db.execute("SELECT count(*) FROM families").fetchone()[0])


def test_mapping_step_maps_unknown_headers_and_saves_the_mapping(
        qtbot: QtBot, signed_in: MainWindow, tmp_path: Path) -> None:
    page = import_page(qtbot, signed_in)
    header = ["名字", "公民身份号码", "手机", "致困原因", "鞋码"]
    path = rosters.write_xlsx(tmp_path / "r.xlsx", [
        {"名字": "李四", "公民身份号码": rosters.person(4)["公民身份号码"], "手机": "13900000004",
         "致困原因": "重病", "鞋码": "42"}], header=header)
    page.open_file(path)
    assert page.steps.currentIndex() == import_roster.MAP
    assert set(page.columns.column_boxes) == {"名字", "鞋码"}  # the others were recognised
    assert set(page.columns.default_boxes) == {"hukou", "employment"}  # not in the file
    name_box = page.findChild(QComboBox, "map_名字")
    name_box.setCurrentIndex(name_box.findData("head_name"))
    hukou = page.columns.default_boxes["hukou"]
    hukou.setCurrentIndex(hukou.findData("urban"))
    work = page.columns.default_boxes["employment"]
    work.setCurrentIndex(work.findData("platform"))
    page.save_mapping(tmp_path / "m.json")
    saved = columns.Mapping.load(tmp_path / "m.json")
    assert saved.columns == {"名字": "head_name", "鞋码": ""}
    assert saved.defaults == {"hukou": "urban", "employment": "platform"}
    qtbot.mouseClick(page.check_button, LEFT)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == import_roster.PREVIEW, timeout=20000)
    assert page.plan is not None and page.plan.counts()["added"] == 1
    # The saved mapping, used again: no column left to map, the values for every row kept.
    page.open_file(path, columns.Mapping.load(tmp_path / "m.json"))
    assert page.columns.column_boxes == {}
    assert page.columns.default_boxes["hukou"].currentData() == "urban"


def test_preview_shows_problems_and_takes_decisions_then_imports(
        qtbot: QtBot, signed_in: MainWindow, tmp_path: Path) -> None:
    page = import_page(qtbot, signed_in)
    shell = signed_in.shell
    assert shell is not None
    known = families.family_history(shell.session, shell.session.db.execute(
        "SELECT id FROM families WHERE id_number != '' LIMIT 1").fetchone()[0]).family
    people = [rosters.person(n) for n in range(1, 4)]
    people.append(rosters.person(4, 联系电话="12345"))
    people.append(rosters.person(5, 户主姓名=known.head_name, 公民身份号码=None,
                                 出生日期=known.birth_date))
    path = rosters.write_xlsx(tmp_path / "r.xlsx", people, title="困难职工档案")
    page.open_file(path)
    before = count(signed_in)
    qtbot.mouseClick(page.check_button, LEFT)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == import_roster.PREVIEW, timeout=20000)
    model = page.model
    assert model.rowCount() == 2  # only the rows that need a look
    found = [model.data(model.index(r, 2)) for r in range(2)]
    assert "Not imported" in found[0] and "联系电话: A mobile number has 11 digits" in found[0]
    assert found[1].startswith("Possible duplicate") and known.head_name in found[1]
    assert "3 to add" in page.summary.text() and page.import_button.text() == "Import 3 families"
    possible = model.index(1, DECISION)
    assert model.data(possible, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(possible, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert page.import_button.text() == "Import 4 families"
    qtbot.mouseClick(page.skip_all_button, LEFT)  # in bulk, back again
    assert page.import_button.text() == "Import 3 families"
    page.only_problems.setChecked(False)
    assert model.rowCount() == 5
    qtbot.mouseClick(page.import_button, LEFT)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == import_roster.DONE, timeout=30000)
    assert "3 families added" in page.done_label.text()
    assert count(signed_in) == before + 3
    assert page.result is not None and page.result.report is not None
    assert page.result.report.exists() and page.save_report_button.isVisibleTo(page)


def test_import_runs_off_the_gui_thread_and_cancel_leaves_nothing(
        qtbot: QtBot, signed_in: MainWindow, tmp_path: Path) -> None:
    page = import_page(qtbot, signed_in)
    path = rosters.write_xlsx(tmp_path / "big.xlsx", [rosters.person(n) for n in range(1, 1501)])
    page.open_file(path)
    qtbot.mouseClick(page.check_button, LEFT)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == import_roster.PREVIEW, timeout=60000)
    before = count(signed_in)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(page.bar.value()))
    timer.start(20)
    qtbot.mouseClick(page.import_button, LEFT)
    # The GUI thread keeps running while the rows go in: the timer ticks, the bar moves.
    qtbot.waitUntil(lambda: page.bar.value() >= 100, timeout=60000)
    assert page.steps.currentIndex() == import_roster.RUNNING and len(ticks) >= 2
    qtbot.mouseClick(page.cancel_button, LEFT)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == import_roster.PREVIEW, timeout=60000)
    timer.stop()
    assert "cancelled: nothing was written" in page.message.text()
    assert count(signed_in) == before


def test_rows_model_passes_the_model_tester(qtmodeltester, station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = rosters.write_xlsx(tmp_path / "r.xlsx", [
        rosters.person(1), rosters.person(2, 联系电话="1"), rosters.person(1)])
    model = ImportRowsModel("en")
    model.show(imports.preview(station, path), problems_only=False)
    assert model.rowCount() == 3 and model.rowCount(model.index(0, 0)) == 0
    assert model.setData(QModelIndex(), 1) is False
    qtmodeltester.check(model)


def test_preview_shows_members_under_their_family(
        qtbot: QtBot, signed_in: MainWindow, tmp_path: Path) -> None:
    page = import_page(qtbot, signed_in)
    path = rosters.write_xlsx(tmp_path / "m.xlsx", [
        rosters.person(601), rosters.member(601, 1, "配偶"), rosters.member(601, 2, "儿子"),
        rosters.person(602), rosters.member(602, 1, "表舅")], header=rosters.WITH_MEMBERS)
    page.open_file(path)
    qtbot.mouseClick(page.check_button, LEFT)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == import_roster.PREVIEW, timeout=20000)
    model = page.model
    # Only what needs a look: the family whose member is refused, the member under it.
    rows = [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]
    assert [r[0] for r in rows] == ["5", "6"]
    assert rows[1][1] == "    └ 成员00602-1" and rows[1][3] == "No"
    assert rows[1][2].startswith("Member not imported: fix it in the file\n与户主关系: '表舅'")
    page.only_problems.setChecked(False)
    rows = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]
    assert [r[1] for r in rows] == ["职工00601", "    └ 成员00601-1 (Spouse)",
                                    "    └ 成员00601-2 (Child)", "职工00602",
                                    "    └ 成员00602-1"]
    assert rows[1][2] == "New member of this family"
    assert "Household members: 2 added, 0 filled in" in page.summary.text()
    qtbot.mouseClick(page.import_button, LEFT)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == import_roster.DONE, timeout=30000)
    assert "2 families added" in page.done_label.text()
    assert "Household members: 2 added" in page.done_label.text()


def test_rows_model_with_members_passes_the_model_tester(  # type: ignore[no-untyped-def]
        qtmodeltester, station, tmp_path: Path) -> None:
    path = rosters.write_xlsx(tmp_path / "r.xlsx", [
        rosters.member(1, 9, "配偶"), rosters.person(1), rosters.member(1, 1, "配偶"),
        rosters.person(2, 联系电话="1"), rosters.member(2, 1, "子女")],
        header=rosters.WITH_MEMBERS)
    model = ImportRowsModel("en")
    model.show(imports.preview(station, path), problems_only=False)
    assert model.rowCount() == 5
    assert model.flags(model.index(2, DECISION)) & Qt.ItemFlag.ItemIsUserCheckable == \
        Qt.ItemFlag.NoItemFlags  # a member follows its family: no box of its own
    qtmodeltester.check(model)
