"""The Reports page (charts with their numbers beside them, PDF) and the hardship tier on the
family form and in Settings, over a real station with demo families and aid."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpdesk import paths as pathsmod
from helpdesk.domain import money
from helpdesk.services import demo, families, reports, tiers, volunteers
from helpdesk.services import session as sessions
from helpdesk.store import keys
from helpdesk.ui.main_window import MainWindow
from tests.conftest import HEAD, PIN, STATION
from tests.ui.conftest import VOLUNTEER, VOLUNTEER_PIN, sign_in

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def aid_station(paths: pathsmod.Paths, fast_kdf: keys.KdfParams) -> pathsmod.Paths:
    s, _ = sessions.create_station(paths, STATION, head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    demo.ensure_programmes(s)
    demo.add_families(s, 60, seed=4)
    demo.add_aid(s, 90, seed=4)
    s.db.execute("UPDATE families SET tier = 'deep' WHERE rowid % 3 = 0")
    s.db.execute("UPDATE families SET employment = 'platform' WHERE rowid % 5 = 0")
    volunteers.add_volunteer(s, VOLUNTEER, VOLUNTEER_PIN)
    s.close()
    return paths


def _cells(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[table.item(r, c).text() if table.item(r, c) else ""
             for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_reports_draw_charts_with_the_services_numbers_beside_them(
        qtbot: QtBot, aid_station: pathsmod.Paths, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(size=(1366, 768))
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    qtbot.mouseClick(shell.nav_buttons["reports"], LEFT)
    page = shell.page("reports")
    assert shell.current_name() == "reports"
    assert page.findChild(type(page.periods.buttons()[0]), "period_campaign").isChecked()
    want = reports.report(shell.session, reports.period(shell.session, "campaign"))
    assert want.aid_count > 0
    assert money.format_fen(want.total_fen) in page.summary.text()
    assert f"of {want.families_registered} registered" in page.summary.text()
    assert "Platform worker" in page.callout.text() and "Rural migrant" in page.callout.text()
    for name, rows in (("programme", want.by_programme), ("month", want.by_month),
                       ("reason", want.by_reason), ("employment", want.by_employment),
                       ("tier", want.by_tier)):
        section = page.sections[name]
        view = section.findChild(QChartView, f"chart_{name}")
        assert view is not None and view.isVisible() and len(view.chart().series()) == 1
        assert view.chart().series()[0].count() == 1  # one bar set: the yuan of each row
        assert _cells(section.table) == [
            [r.label("en"), str(r.aid_count), money.format_fen(r.total_fen), str(r.families)]
            for r in rows], name
        # Beside the chart on a wide window: the table starts level with it, to its right.
        qtbot.waitUntil(lambda s=section, v=view: s.table.x() > v.x(), timeout=3000)
        assert section.table.isVisible()
    migrant = next(r for r, row in enumerate(want.by_employment) if row.key == "rural_migrant")
    assert page.sections["employment"].table.item(migrant, 0).font().bold()  # called out
    assert _cells(page.sections["reach"].table) == [
        ["Reached", str(want.families_reached)],
        ["Not reached", str(want.families_registered - want.families_reached)]]
    qtbot.mouseClick(page.findChild(type(page.pdf_button), "period_today"), LEFT)
    today = reports.report(shell.session, reports.period(shell.session, "today"))
    assert page.report is not None and page.report.period.kind == "today"
    assert page.summary.text().startswith(f"{today.aid_count} aid")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_report_saves_as_a_pdf_that_reads_back(
        qtbot: QtBot, aid_station: pathsmod.Paths, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(language="zh_CN", size=(768, 1024))
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    page = shell.go("reports")
    saved = page.save_pdf(tmp_path / "report.pdf")
    assert saved.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(saved), "-"], capture_output=True,
                          text=True, timeout=60, check=True).stdout
    r = page.report
    assert r is not None and r.aid_count > 0
    assert STATION["name"] in text and "按帮扶项目" in text and "按困难等级" in text
    assert money.format_fen(r.total_fen) in text
    for row in r.by_programme:
        assert row.label_zh in text and money.format_fen(row.total_fen) in text
    assert "深度困难" in text and "农民工" in text


def test_narrow_windows_reach_reports_through_more_and_volunteers_never(
        qtbot: QtBot, aid_station: pathsmod.Paths, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(size=(360, 640))
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    qtbot.mouseClick(shell.more_button, LEFT)
    sheet = shell.more_sheet
    assert sheet is not None
    qtbot.mouseClick(sheet.rows["reports"], LEFT)
    page = shell.page("reports")
    assert shell.current_name() == "reports"
    section = page.sections["programme"]
    qtbot.waitUntil(lambda: section.table.y() > section.view.y(), timeout=3000)  # below it
    assert section.table.x() == section.view.x()
    shell.lock_requested.emit()
    qtbot.waitUntil(lambda: window.shell is None, timeout=5000)
    sign_in(qtbot, window, VOLUNTEER, VOLUNTEER_PIN)
    assert window.shell is not None and "reports" not in window.shell.nav_buttons


def test_the_form_suggests_a_tier_and_only_a_head_sets_it(
        qtbot: QtBot, aid_station: pathsmod.Paths, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    tiers.set_poverty_line(shell.session, "800")
    family_id = shell.session.db.execute(
        "SELECT id FROM families WHERE tier IS NULL AND id NOT IN "
        "(SELECT family_id FROM members) LIMIT 1").fetchone()[0]
    form = shell.go("family_form", family_id)
    form.editors["income_fen"].setText("1000")
    form.editors["essential_spending_fen"].setText("2400")
    shown = form.tier.suggestion_label.text()
    # (1,000 × 12 − 2,400) ÷ 12 ÷ 1 = 800: exactly the line, so relative, not deep
    assert "(1,000.00 × 12 − 2,400.00) ÷ 12 ÷ 1 = 800.00" in shown, shown
    assert "below 2× the line 800.00: Relative hardship suggested" in shown
    form.editors["income_fen"].setText("")
    assert "monthly income is not known" in form.tier.suggestion_label.text()
    assert form.tier.use_button.isHidden()
    form.editors["income_fen"].setText("900")
    assert "Deep hardship suggested" in form.tier.suggestion_label.text()
    qtbot.mouseClick(form.tier.use_button, LEFT)
    assert form.tier.box.currentData() == "deep"
    qtbot.mouseClick(form.save_button, LEFT)
    assert shell.current_name() == "family"
    assert families.get(shell.session, family_id).tier is not None
    assert "Deep hardship" in " ".join(
        w.text() for w in shell.page("family").findChildren(type(form.tier.hint)))
    shell.lock_requested.emit()
    qtbot.waitUntil(lambda: window.shell is None, timeout=5000)
    sign_in(qtbot, window, VOLUNTEER, VOLUNTEER_PIN)
    shell = window.shell
    assert shell is not None
    form = shell.go("family_form", family_id)
    assert not form.tier.box.isEnabled() and form.tier.box.currentData() == "deep"
    assert "A station head confirms the tier." in form.tier.hint.text()
    form.editors["income_fen"].setText("5000")
    assert "no tier suggested" in form.tier.suggestion_label.text()
    assert form.tier.use_button.isHidden()  # a volunteer sees it, cannot take it
    qtbot.mouseClick(form.save_button, LEFT)  # the rest saves; the tier stays the head's
    assert shell.current_name() == "family"
    saved = families.get(shell.session, family_id)
    assert saved.tier is not None and saved.tier.value == "deep"
    assert saved.income_fen == 5000_00


def test_settings_take_the_line_from_a_head_only(
        qtbot: QtBot, aid_station: pathsmod.Paths, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    page = shell.go("settings")
    line = page.dibao
    line.edit.setText("abc")
    qtbot.mouseClick(line.save_button, LEFT)
    assert "Minimum living allowance line" in line.field.error.text()
    assert tiers.poverty_line(shell.session) is None
    line.edit.setText("860")
    qtbot.mouseClick(line.save_button, LEFT)
    assert tiers.poverty_line(shell.session) == 860_00 and not line.field.has_error()
    shell.lock_requested.emit()
    qtbot.waitUntil(lambda: window.shell is None, timeout=5000)
    sign_in(qtbot, window, VOLUNTEER, VOLUNTEER_PIN)
    assert window.shell is not None
    page = window.shell.go("settings")
    assert page.dibao.edit.isReadOnly() and page.dibao.edit.text() == "860.00"
    assert not page.dibao.save_button.isVisibleTo(page)
