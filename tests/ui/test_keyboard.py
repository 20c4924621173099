"""Keyboard use: Down/Enter in the family search, a visible focus ring on every control, faint
text still readable (WCAG 4.5:1), and "Unlocking…" not drawn as an error."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from helpdesk import app as appmod
from helpdesk.services import families
from helpdesk.ui.main_window import MainWindow
from tests.conftest import PIN

FIELD, PAGE = QColor("#ffffff"), QColor(appmod.BACKGROUND)  # the two light grounds text sits on
ERROR = QColor("#c62828")


def normal_text() -> QColor:
    """The colour the stylesheet gives an ordinary label."""
    label = QLabel()
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText)


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(fg: QColor, bg: QColor) -> float:
    """WCAG 2 contrast ratio; a translucent colour is first blended over its background."""
    a = fg.alphaF()
    seen = QColor.fromRgbF(*(f * a + b * (1 - a) for f, b in
                             ((fg.redF(), bg.redF()), (fg.greenF(), bg.greenF()),
                              (fg.blueF(), bg.blueF()))))
    hi, lo = sorted((luminance(seen), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_known_values() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor(0, 0, 0, 128), QColor("white")) < 4.5  # Fusion's own placeholder


# Down / Enter in the family search


def families_page(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.shell is not None
    page = window.shell.go("families")
    window.activateWindow()
    return page


def test_down_moves_into_results_and_enter_opens_the_chosen(qtbot: QtBot,
                                                            signed_in: MainWindow) -> None:
    page = families_page(signed_in)
    shell = signed_in.shell
    assert shell is not None
    page.search.setText("王")
    rows = page.model.rowCount()
    assert rows > 2
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # several match, none chosen: nothing opens
    assert shell.pages.currentWidget() is page
    assert "pick one" in page.count.text()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.waitUntil(page.view.hasFocus)
    assert page.view.currentIndex().row() == 0
    assert [i.row() for i in page.view.selectionModel().selectedIndexes()] == [0]
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    assert page.view.currentIndex().row() == 1
    qtbot.keyClick(page.view, Qt.Key.Key_Up)
    qtbot.keyClick(page.view, Qt.Key.Key_Up)  # Up on the first row: back in the search
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    second = page.model.family_id(1)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # the selected one opens
    family = shell.page("family")
    assert shell.pages.currentWidget() is family and family.family_id == second


def test_enter_opens_the_only_match_and_down_on_nothing_stays(qtbot: QtBot,
                                                              signed_in: MainWindow) -> None:
    page = families_page(signed_in)
    shell = signed_in.shell
    assert shell is not None
    only = next(h for h in families.find(shell.session, "王", limit=200)
                if len(families.find(shell.session, h.head_name, limit=5)) == 1)
    page.search.setText("zzzz no such family")
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # no results: focus stays in the search
    assert page.search.hasFocus() and not page.view.hasFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert shell.pages.currentWidget() is page
    page.search.setText(only.head_name)
    assert page.model.rowCount() == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    family = shell.page("family")
    assert shell.pages.currentWidget() is family and family.family_id == only.family_id


# Focus rings


def focus_changes_look(qtbot: QtBot, widget: QWidget, other: QWidget) -> bool:
    """Grab `widget` with the focus elsewhere, then with it: do the pixels differ?"""
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    before: QImage = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    after: QImage = widget.grab().toImage()
    return before != after


def test_every_control_type_has_a_focus_ring(qtbot: QtBot) -> None:
    appmod.make_application([])
    holder = QWidget()
    holder.setObjectName("page_content")
    qtbot.addWidget(holder)
    box = QVBoxLayout(holder)
    primary = QPushButton("OK")
    primary.setProperty("class", "primary")
    danger = QPushButton("Remove")
    danger.setProperty("class", "danger")
    combo = QComboBox()
    combo.addItems(["one", "two"])
    invalid = QLineEdit()
    invalid.setProperty("invalid", "true")
    view = QListView()
    view.setModel(QStringListModel(["first", "second"], view))
    view.setCurrentIndex(view.model().index(0, 0))
    controls = [QLineEdit(), invalid, QPushButton("Plain"), primary, danger, combo,
                QCheckBox("Tick"), view]
    for w in controls:
        box.addWidget(w)
    holder.resize(400, 700)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    for i, w in enumerate(controls):
        other = controls[i - 1]
        assert focus_changes_look(qtbot, w, other), f"{type(w).__name__} {w.property('class')}"


def test_app_controls_show_focus(qtbot: QtBot, signed_in: MainWindow) -> None:
    """In the real window: each visible button, field, list, box on the home and families
    pages looks different when it has the focus."""
    assert signed_in.shell is not None
    signed_in.activateWindow()
    kinds = (QLineEdit, QPushButton, QComboBox, QCheckBox, QAbstractItemView)
    checked = 0
    for name in ("home", "families"):
        signed_in.shell.go(name)
        page = signed_in.shell.pages.currentWidget()
        page.search.setText("王") if name == "families" else None
        controls = [w for w in signed_in.findChildren(QWidget)
                    if isinstance(w, kinds) and w.isVisible()
                    and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        assert len(controls) >= 3
        for i, w in enumerate(controls):
            assert focus_changes_look(qtbot, w, controls[i - 1]), w.objectName()
            checked += 1
    assert checked >= 8


# Faint text


def test_placeholder_and_hint_text_reach_4_5_to_1(qtbot: QtBot, signed_in: MainWindow) -> None:
    assert signed_in.shell is not None
    page = signed_in.shell.go("families")
    edit, combo = QLineEdit(), QComboBox()
    combo.setPlaceholderText("Choose")
    for w in (edit, combo):
        qtbot.addWidget(w)
        w.ensurePolished()
        placeholder = w.palette().color(QPalette.ColorRole.PlaceholderText)
        for ground in (FIELD, w.palette().color(QPalette.ColorRole.Base)):
            assert contrast(placeholder, ground) >= 4.5, (type(w).__name__, placeholder.name())
    search = page.search.palette().color(QPalette.ColorRole.PlaceholderText)
    assert contrast(search, FIELD) >= 4.5
    page.search.setText("王")
    assert page.count.text()
    hint = page.count.palette().color(QPalette.ColorRole.WindowText)
    assert hint != normal_text()  # the hint is styled as such, and still readable on both grounds
    for ground in (FIELD, PAGE):
        assert contrast(hint, ground) >= 4.5, hint.name()


# Sign-in message colour


def test_unlocking_is_not_drawn_as_an_error(qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    page = window.sign_in_page
    message = page.message
    page.try_pin("000000")  # wrong: first "Unlocking…", then the error
    assert message.text() == "Unlocking…"
    shown = message.palette().color(QPalette.ColorRole.WindowText)
    assert shown != ERROR and shown == normal_text()
    assert contrast(shown, PAGE) >= 4.5
    qtbot.waitUntil(lambda: message.text() != "Unlocking…")
    assert message.palette().color(QPalette.ColorRole.WindowText) == ERROR
    page.try_pin(PIN)
    assert message.palette().color(QPalette.ColorRole.WindowText) != ERROR
    qtbot.waitUntil(lambda: window.shell is not None)
