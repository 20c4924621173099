"""Forms in the field: the wheel scrolls the page and never changes a value it only passes
over; a half-filled form is not left silently; errors are scrolled to, focused and cleared
when fixed; consent is required; a blank income stays blank."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QPushButton,
    QScrollArea,
    QSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot

from helpdesk.services import families, receipts, status
from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.widgets.form import Field
from tests.ui.test_first_run import fill_family
from tests.ui.test_give_aid import first_family

LEFT = Qt.MouseButton.LeftButton
SMALL = (1024, 480)  # short enough that every form scrolls


def wheel_down(widget: QWidget) -> None:
    """One notch of the wheel down, over the middle of `widget`."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    glob = QPointF(widget.mapToGlobal(pos.toPoint()))
    event = QWheelEvent(pos, glob, QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def value_of(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return widget.value()  # type: ignore[attr-defined]


def value_controls(root: QWidget) -> list[QWidget]:
    found = [w for kind in (QComboBox, QAbstractSpinBox, QSlider)
             for w in root.findChildren(kind) if w.isVisibleTo(root) and w.isEnabled()]
    for w in found:  # each at a value the wheel could change, were it let through
        if isinstance(w, QComboBox) and w.count() > 1:
            w.setCurrentIndex(0)
    return [w for w in found if not isinstance(w, QComboBox) or w.count() > 1]


def assert_wheel_scrolls_not_changes(page: QWidget) -> int:
    area: QScrollArea = page.scroll_area  # type: ignore[attr-defined]
    bar = area.verticalScrollBar()
    controls = value_controls(page)
    assert controls, page.objectName()
    assert bar.maximum() > 0, "the page must scroll for this test to mean anything"
    for control in controls:
        control.clearFocus()
        bar.setValue(0)
        before = value_of(control)
        wheel_down(control)
        assert value_of(control) == before, control.objectName()
        assert bar.value() > 0, f"{control.objectName()} did not scroll the page"
    return len(controls)


def test_the_wheel_scrolls_every_form_and_changes_no_value(
        qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import sign_in

    window: MainWindow = make_window(size=SMALL)
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    family_id = first_family(window)

    form = shell.go("family_form", family_id)
    hukou = form.editors["hukou"].currentData()
    assert assert_wheel_scrolls_not_changes(form) >= 3  # document, hukou, employment
    form.load(family_id)
    assert form.editors["hukou"].currentData() == hukou and not form.is_dirty()

    settings = shell.go("settings")
    saved = receipts.settings(shell.session)
    assert assert_wheel_scrolls_not_changes(settings) >= 4  # language, idle, paper, language
    assert receipts.settings(shell.session) == saved  # nothing was saved by the wheel
    assert settings.message.isHidden()

    shell.open_family(family_id)
    qtbot.mouseClick(shell.page("family").give_button, LEFT)
    give = shell.page("give_aid")
    assert assert_wheel_scrolls_not_changes(give) >= 1  # who receives it (programmes: a list)

    shell.open_family(family_id)
    qtbot.mouseClick(shell.page("family").member_button, LEFT)
    dialog = shell.page("family").findChild(QDialog, "member_dialog")
    relation = dialog.fields["relation"].editor
    before = relation.currentIndex()
    wheel_down(relation)
    assert relation.currentIndex() == before
    dialog.reject()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the list popup, offscreen
def test_a_focused_clicked_control_follows_the_wheel(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    form = shell.go("family_form", None)
    hukou: QComboBox = form.editors["hukou"]
    form.scroll_area.ensureWidgetVisible(hukou)
    assert hukou.currentIndex() == 0
    wheel_down(hukou)  # unfocused, not clicked
    assert hukou.currentIndex() == 0
    hukou.setFocus()
    wheel_down(hukou)  # focused by the keyboard (Tab), not clicked
    assert hukou.currentIndex() == 0
    qtbot.mouseClick(hukou, LEFT)
    hukou.hidePopup()
    hukou.setFocus()
    qtbot.waitUntil(hukou.hasFocus)
    wheel_down(hukou)
    assert hukou.currentIndex() == 1
    form.editors["notes"].setFocus()  # focus leaves: the click no longer counts
    qtbot.waitUntil(lambda: not hukou.hasFocus())
    hukou.setFocus()
    wheel_down(hukou)
    assert hukou.currentIndex() == 1


def test_leaving_a_half_filled_form_asks_and_cancel_keeps_it(
        qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    form = shell.go("family_form", None)
    assert not form.is_dirty()
    shell.nav_buttons["home"].click()  # nothing typed: left at once
    assert shell.pages.currentWidget() is shell.page("home")

    form = shell.go("family_form", None)
    form.editors["head_name"].setText("张三")
    shell.nav_buttons["home"].click()
    box = shell.leave_dialog
    assert box.isVisible() and shell.pages.currentWidget() is form
    qtbot.mouseClick(box.findChild(QPushButton, "leave_stay"), LEFT)
    assert shell.pages.currentWidget() is form
    assert form.editors["head_name"].text() == "张三"
    assert shell.nav_buttons["families"].isChecked()  # the rail shows where the user still is

    qtbot.mouseClick(form.cancel_button, LEFT)  # the form's own Cancel asks the same way
    box = shell.leave_dialog
    assert box.isVisible() and shell.pages.currentWidget() is form
    qtbot.mouseClick(box.findChild(QPushButton, "leave_discard"), LEFT)
    assert shell.pages.currentWidget() is shell.page("families")
    assert shell.go("family_form", None).editors["head_name"].text() == ""

    settings = shell.go("settings")  # the cash amount is typed, then saved by a button
    settings.threshold.setText("777")
    shell.nav_buttons["home"].click()
    assert shell.leave_dialog.isVisible() and shell.pages.currentWidget() is settings
    qtbot.mouseClick(shell.leave_dialog.findChild(QPushButton, "leave_stay"), LEFT)
    qtbot.mouseClick(settings.threshold_cancel, LEFT)
    assert not settings.is_dirty()
    shell.nav_buttons["home"].click()
    assert shell.pages.currentWidget() is shell.page("home")


def test_every_form_has_cancel(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    family_id = first_family(signed_in)
    form = shell.go("family_form", family_id)
    assert form.cancel_button.isVisibleTo(form)
    qtbot.mouseClick(form.cancel_button, LEFT)  # nothing changed: back to the family at once
    assert shell.pages.currentWidget() is shell.page("family")
    settings = shell.go("settings")
    assert settings.findChild(QPushButton, "cancel_threshold").isVisibleTo(settings)
    shell.open_family(family_id)
    qtbot.mouseClick(shell.page("family").member_button, LEFT)
    dialog = shell.page("family").findChild(QDialog, "member_dialog")
    cancel = dialog.findChild(QPushButton, "member_cancel")
    qtbot.mouseClick(cancel, LEFT)
    assert dialog.result() == QDialog.DialogCode.Rejected


def in_view(area: QScrollArea, field: Field) -> bool:
    top = field.mapTo(area.viewport(), QPoint(0, 0))
    return area.viewport().rect().intersects(field.rect().translated(top))


def test_the_first_error_is_scrolled_to_focused_named_and_cleared_when_fixed(
        qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import sign_in

    window: MainWindow = make_window(size=SMALL)
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    window.activateWindow()
    form = shell.go("family_form", None)
    fill_family(form, number="")
    form.editors["id_kind"].setCurrentIndex(form.editors["id_kind"].findData("none"))
    form.editors["income_fen"].setText("12.345")  # low on the form
    area = form.scroll_area
    area.verticalScrollBar().setValue(0)
    income = form.fields["income_fen"]
    assert not in_view(area, income)
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(lambda: in_view(area, income))
    assert income.error.isVisible()
    assert form.editors["income_fen"].hasFocus()
    assert "Monthly household income" in form.message.text()  # the banner names it
    qtbot.keyClicks(form.editors["income_fen"], "6")  # fixing it clears the error at once
    assert not income.error.isVisible()

    form.editors["head_name"].setText("")  # now the first error is at the very top
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    qtbot.mouseClick(form.save_button, LEFT)
    name = form.fields["head_name"]
    qtbot.waitUntil(lambda: in_view(area, name))
    assert form.editors["head_name"].hasFocus()
    assert "Head of family" in form.message.text()


def test_a_family_is_not_saved_without_consent(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    form = shell.go("family_form", None)
    fill_family(form, number="")
    form.editors["id_kind"].setCurrentIndex(form.editors["id_kind"].findData("none"))
    form.consent.setChecked(False)
    before = status.today(shell.session).families
    qtbot.mouseClick(form.save_button, LEFT)
    consent = form.fields["consent_date"]
    assert consent.error.isVisible() and "agreed" in consent.error.text()
    assert shell.pages.currentWidget() is form
    assert status.today(shell.session).families == before
    form.consent.click()  # ticking it clears its error
    assert form.consent.isChecked() and not consent.error.isVisible()
    qtbot.mouseClick(form.save_button, LEFT)
    assert shell.pages.currentWidget() is shell.page("family")
    saved = families.family_history(shell.session, shell.page("family").family_id).family
    assert saved.consent_date is not None


def test_a_blank_income_is_saved_and_shown_blank(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    form = shell.go("family_form", None)
    fill_family(form, number="")
    form.editors["id_kind"].setCurrentIndex(form.editors["id_kind"].findData("none"))
    form.editors["income_fen"].setText("  ")
    qtbot.mouseClick(form.save_button, LEFT)
    page = shell.page("family")
    assert shell.pages.currentWidget() is page, form.message.text()
    assert families.family_history(shell.session, page.family_id).family.income_fen is None
    row = next(r for r in range(page.profile.rowCount())
               if page.profile.itemAt(r, page.profile.ItemRole.LabelRole).widget().text()
               == "Monthly income (yuan)")
    assert page.profile.itemAt(row, page.profile.ItemRole.FieldRole).widget().text() == ""
    qtbot.mouseClick(page.edit_button, LEFT)
    assert shell.page("family_form").editors["income_fen"].text() == ""
