"""At 360×640, 768×1024 and 1366×768: every visible interactive widget lies inside the window
(or inside the scroll area holding it), is at least 44 px high, and none overlaps another."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.widgets.badge import Badge
from tests.ui.conftest import draw_signature, sign_in
from tests.ui.test_give_aid import cash

SIZES = [(360, 640), (768, 1024), (1366, 768)]
MIN_TARGET = 44
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _interactive(w: QWidget) -> bool:
    return isinstance(w, INTERACTIVE)


def _on_screen(w: QWidget, window: QWidget) -> tuple[QRect, QRect, bool]:
    """(rect in window coordinates, the part that can be seen, inside a scroll area?)."""
    rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
    seen = QRect(rect)
    scrolled = False
    parent = w.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and not _interactive(parent):
            viewport = parent.viewport()
            seen = seen.intersected(QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size()))
            scrolled = True
        parent = parent.parentWidget()
    return rect, seen, scrolled


def check_page(window: QWidget, what: str) -> list[str]:
    QApplication.processEvents()
    problems: list[str] = []
    frame = window.rect()
    seen_rects: list[tuple[str, QRect]] = []
    for w in window.findChildren(QWidget):
        if not _interactive(w) or not w.isVisible() or w.window() is not window:
            continue
        if any(_interactive(a) for a in _ancestors(w, window)):
            continue  # part of another control (a combo's line edit, a field's clear button)
        name = f"{what}: {type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()!r}"
        rect, seen, scrolled = _on_screen(w, window)
        if seen.isEmpty():
            continue  # scrolled out of view
        if w.height() < MIN_TARGET:
            problems.append(f"{name} is {w.height()} px high")
        if scrolled:
            if seen.left() > rect.left() or seen.right() < rect.right():
                problems.append(f"{name} is cut off sideways ({rect} seen {seen})")
        elif not frame.contains(rect):
            problems.append(f"{name} lies outside the window ({rect} in {frame})")
        for other, other_rect in seen_rects:
            if seen.intersects(other_rect):
                problems.append(f"{name} overlaps {other}")
        seen_rects.append((name, seen))
    if window.width() > frame.width() or window.minimumSizeHint().width() > frame.width():
        problems.append(f"{what}: the window needs {window.minimumSizeHint().width()} px")
    return problems


def check_dialog(dialog: QWidget, what: str) -> list[str]:
    """A dialog or sheet: its controls as on a page, and the dialog itself within its parent
    window's width and the screen's available height."""
    problems = check_page(dialog, what)
    parent = dialog.parentWidget()
    if parent is not None and dialog.width() > parent.window().width():
        problems.append(f"{what}: {dialog.width()} px wide in a {parent.window().width()} px "
                        "window")
    screen = dialog.screen().availableGeometry()
    if dialog.frameGeometry().height() > screen.height():
        problems.append(f"{what}: {dialog.frameGeometry().height()} px high on a "
                        f"{screen.height()} px screen")
    return problems


def seed_review(session) -> None:  # type: ignore[no-untyped-def]
    """Something on the review page: a pulled alert and a change the server refused."""
    family_id = session.db.execute("SELECT id FROM families LIMIT 1").fetchone()[0]
    programme_id = session.db.execute("SELECT id FROM programmes LIMIT 1").fetchone()[0]
    session.db.execute(
        "INSERT INTO alerts(aid_id, programme_id, masked_id, station_code, family_id, others, "
        "created_at, server_seq) VALUES ('aid-x', ?, '420***********1234', '420111-001', ?, "
        "'[{\"station_code\": \"420111-002\"}]', '2026-11-20T08:00:00Z', 1)",
        [programme_id, family_id])
    session.db.execute("UPDATE changes SET sync_status = 'rejected', sync_detail = "
                       "'claims another station' WHERE entity_id = ?", [family_id])


def _ancestors(w: QWidget, top: QWidget) -> list[QWidget]:
    out = []
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        out.append(parent)
        parent = parent.parentWidget()
    return out


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_pages_fit(qtbot: QtBot, demo_station, make_window, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(size=(width, height))
    problems = check_page(window, "sign in")
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    assert window.width() == width and window.height() == height
    seed_review(shell.session)
    shell.refresh_status()
    families = shell.go("families")
    families.search.setText("王")
    family_id = families.model.family_id(0)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("home", lambda: shell.go("home")),
        ("families", lambda: shell.go("families")),
        ("family", lambda: shell.open_family(family_id)),
        ("give aid", lambda: shell.go("give_aid", family_id)),
        ("signature", lambda: (shell.page("give_aid").amount.setText("500"),
                               shell.page("give_aid").to_signature())),
        ("register", lambda: shell.go("family_form", None)),
        ("programmes", lambda: shell.go("programmes")),
        ("volunteers", lambda: shell.go("volunteers")),
        ("review", lambda: shell.go("review")),
        ("reports", lambda: shell.go("reports")),
        ("settings", lambda: shell.go("settings")),
        ("about", lambda: shell.go("about")),
    ]
    for what, show in steps:
        show()
        problems += check_page(window, what)
    nav = shell.nav
    rail = width >= 720
    assert (nav.width() == 150) is rail and (nav.y() > shell.pages.y()) is not rail
    assert problems == [], "\n".join(problems)


def test_more_reaches_every_page(qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    """At 360 px the bar holds Home, Families, Programmes and More; More's sheet reaches Review
    (its count written out), Reports, Volunteers, Settings and About, and fits the window."""
    window: MainWindow = make_window(size=(360, 640))
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    seed_review(shell.session)
    shell.refresh_status()
    shown = [n for n, b in shell.nav_buttons.items() if b.isVisible()]
    assert shown == ["home", "families", "programmes"] and shell.more_button.isVisible()
    badge = shell.badges["more"]
    assert badge.isVisible() and "2 to look at" in badge.toolTip()
    for name in ("review", "reports", "volunteers", "settings", "about"):
        qtbot.mouseClick(shell.more_button, Qt.MouseButton.LeftButton)
        sheet = shell.more_sheet
        assert sheet is not None and sheet.isVisible()
        assert sheet.width() <= window.width() and sheet.height() <= window.height()
        assert check_dialog(sheet, "more") == []
        if name == "review":
            assert sheet.rows["review"].text() == "Review · 2 to look at"
        qtbot.mouseClick(sheet.rows[name], Qt.MouseButton.LeftButton)
        assert not sheet.isVisible() and shell.current_name() == name
        assert shell.more_button.isChecked()
    qtbot.mouseClick(shell.nav_buttons["home"], Qt.MouseButton.LeftButton)
    assert shell.current_name() == "home" and not shell.more_button.isChecked()
    # More (and the side rail when wide) reach them: Settings lists no Review or Volunteers.
    settings = shell.go("settings")
    texts = {b.text() for b in settings.findChildren(QAbstractButton)}
    assert not texts & {"Review", "Volunteers"} and "About Helpdesk" in texts


def check_parts(top: QWidget, what: str) -> list[str]:
    """The small parts: drop-down rows (popup opened), check boxes' click area, clear buttons."""
    problems: list[str] = []
    for combo in top.findChildren(QComboBox):
        if combo.isVisible() and combo.count():
            combo.showPopup()
            QApplication.processEvents()
            row = combo.view().visualRect(combo.model().index(0, 0)).height()
            combo.hidePopup()
            if row < MIN_TARGET:
                problems.append(f"{what}: {combo.objectName()} list rows are {row} px high")
    for box in top.findChildren(QCheckBox):
        if box.isVisible():
            option = QStyleOptionButton()
            box.initStyleOption(option)
            click = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option, box)
            if click.height() < MIN_TARGET:
                problems.append(f"{what}: check box {box.text()!r} takes taps {click.height()} px")
    for button in top.findChildren(QToolButton, "clear_button"):
        if button.isVisible() and min(button.width(), button.height()) < MIN_TARGET:
            problems.append(f"{what}: clear button {button.width()}×{button.height()} px")
    return problems


def dialogs(shell) -> list[tuple[str, Callable[[], QWidget]]]:  # type: ignore[no-untyped-def]
    from helpdesk.services import aid as aidcases
    from helpdesk.services import families as familycases
    from helpdesk.ui.dialogs.approval import ApprovalDialog
    from helpdesk.ui.dialogs.connect import ConnectDialog
    from helpdesk.ui.dialogs.member import MemberDialog
    from helpdesk.ui.dialogs.merge import MergeDialog
    from helpdesk.ui.dialogs.receipt import ReceiptDialog
    from helpdesk.ui.dialogs.void import VoidDialog

    s = shell.session
    family_id = s.db.execute("SELECT id FROM families LIMIT 1").fetchone()[0]
    aid_id = s.db.execute("SELECT id FROM aid LIMIT 1").fetchone()[0]  # given by the test
    return [
        ("more sheet", shell.open_more),
        ("receipt", lambda: ReceiptDialog(s, aidcases.get(s, aid_id), shell)),
        ("void", lambda: VoidDialog(s, aid_id, shell)),
        ("approval", lambda: ApprovalDialog(s, [aidcases.no_signature_need()], shell)),
        ("connect", lambda: ConnectDialog(s, shell)),
        ("member", lambda: MemberDialog(s, family_id, None, shell)),
        ("merge", lambda: MergeDialog(s, familycases.get(s, family_id), shell)),
    ]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
@pytest.mark.parametrize("scale", [1.0, 1.5], ids=["1x", "1.5x"])
@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_dialogs_and_popups_fit(qtbot: QtBot, demo_station, make_window, width: int,  # type: ignore[no-untyped-def]
                                height: int, scale: float) -> None:
    """Every dialog within its window's width and the screen's height, its buttons in view and
    44 px, drop-down rows and check boxes too; with the system font at 100 % and at 150 %."""
    from helpdesk import app as appmod

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet = app.font(), app.styleSheet()
    big = QFont(font)
    big.setPointSizeF(font.pointSizeF() * scale)
    app.setFont(big)
    app.setStyleSheet(appmod.stylesheet(big.pointSizeF()))
    try:
        opened = appmod.build_window(demo_station)  # its own size: never beyond the screen
        qtbot.addWidget(opened)
        free = opened.screen().availableGeometry()
        assert opened.width() <= free.width() and opened.height() <= free.height()
        window: MainWindow = make_window(size=(width, height))
        sign_in(qtbot, window)
        shell = window.shell
        assert shell is not None
        family_id = shell.session.db.execute("SELECT id FROM families LIMIT 1").fetchone()[0]
        cash(qtbot, window, family_id, "500")
        shell.go("settings" if width < 720 else "families")
        problems = check_parts(window, "page")
        shell.go("family_form", None)
        problems += check_parts(window, "register")
        for what, make in dialogs(shell):
            dialog = make()
            dialog.show()
            qtbot.waitExposed(dialog)
            problems += check_dialog(dialog, what) + check_parts(dialog, what)
            dialog.close()
        assert problems == [], "\n".join(problems)
    finally:
        app.setFont(font)
        app.setStyleSheet(sheet)


def too_wide(window: QWidget, what: str) -> list[str]:
    """Every visible widget's right edge within the window and within the scroll area that
    holds it, and no scroll area whose content needs more width than its viewport."""
    QApplication.processEvents()
    problems: list[str] = []
    for area in window.findChildren(QAbstractScrollArea):
        inner = area.widget() if hasattr(area, "widget") else None
        if area.isVisible() and inner is not None:
            need = max(inner.width(), inner.minimumSizeHint().width())
            if need > area.viewport().width():
                problems.append(f"{what}: {area.objectName()} needs {need} px in a "
                                f"{area.viewport().width()} px view")
    right = window.rect().right()
    offenders: list[QWidget] = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        if w.objectName().startswith("qt_scrollarea") or isinstance(w, QScrollBar):
            continue  # a scroll area's own bars, inside its frame
        edge = w.mapTo(window, QPoint(w.width() - 1, 0)).x()
        holder = next((a for a in _ancestors(w, window) if isinstance(a, QAbstractScrollArea)
                       and hasattr(a, "widget") and a.widget() is not None
                       and (a.widget() is w or a.widget().isAncestorOf(w))), None)
        limit = right if holder is None else min(
            right, holder.viewport().mapTo(window, QPoint(holder.viewport().width() - 1, 0)).x())
        if edge > limit:
            offenders.append(w)
    for w in offenders:  # named where it starts: the widest part, not all that hold it
        if not any(o is not w and w.isAncestorOf(o) for o in offenders):
            text = getattr(w, "text", lambda: "")()
            problems.append(f"{what}: {type(w).__name__} {w.objectName()!r} {text!r:.40} is "
                            f"{w.width()} px wide (needs {w.minimumSizeHint().width()})")
    return problems


def cut_off(shell, what: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The bottom bar's (or rail's) buttons whose label does not fit inside them whole, or
    lies under the button's count badge."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    QApplication.processEvents()
    problems: list[str] = []
    for button in [*shell.nav_buttons.values(), shell.more_button]:
        if not button.isVisible():
            continue
        option = QStyleOptionButton()
        button.initStyleOption(option)
        rect = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                             button)
        bold = QFont(button.font())
        bold.setBold(True)  # the current page's button is drawn in bold
        need = QFontMetrics(bold).horizontalAdvance(button.full_text())
        if need > rect.width():
            problems.append(f"{what}: {button.objectName()} {button.text()!r} needs {need} px, "
                            f"has {rect.width()}")
        text_right = rect.center().x() + need // 2
        for badge in button.findChildren(Badge):
            if badge.isVisible() and badge.geometry().left() < text_right:
                problems.append(f"{what}: {button.objectName()}'s badge covers its label")
    return problems


def to_signature(qtbot: QtBot, shell, family_id: str) -> None:  # type: ignore[no-untyped-def]
    """The give-aid page's signature step, for a small cash aid of a programme not used up."""
    from helpdesk.domain.programmes import Kind
    from helpdesk.ui.widgets.programme_picker import ID_ROLE, USED_UP_ROLE

    give = shell.go("give_aid", family_id)
    picker = give.programme
    picker.setCurrentRow(next(
        i for i in range(picker.count()) if not picker.item(i).data(USED_UP_ROLE)
        and picker.kinds[picker.item(i).data(ID_ROLE)] is Kind.CASH))
    give.amount.setText("50")
    qtbot.mouseClick(give.next_button, Qt.MouseButton.LeftButton)
    assert give.steps.currentIndex() == 1, give.message.text()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_fits_360_px_at_150_percent(qtbot: QtBot, demo_station, make_window,  # type: ignore[no-untyped-def]
                                               language: str) -> None:
    """Every page a station head reaches, at 360 px with the system font at 150 %: nothing
    sticks out on the right, nothing needs a sideways scroll (the register form's check box
    grid folds to one column, long labels wrap)."""
    from helpdesk import app as appmod

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet = app.font(), app.styleSheet()
    big = QFont(font)
    big.setPointSizeF(font.pointSizeF() * 1.5)
    app.setFont(big)
    app.setStyleSheet(appmod.stylesheet(big.pointSizeF()))
    try:
        window: MainWindow = make_window(language, size=(360, 640))
        problems = too_wide(window, "sign in")
        sign_in(qtbot, window)
        shell = window.shell
        assert shell is not None
        problems += cut_off(shell, "bottom bar")
        seed_review(shell.session)
        shell.refresh_status()
        family_id = shell.session.db.execute("SELECT id FROM families LIMIT 1").fetchone()[0]
        steps: list[tuple[str, Callable[[], object]]] = [
            ("home", lambda: shell.go("home")),
            ("families", lambda: shell.go("families")),
            ("family", lambda: shell.open_family(family_id)),
            ("give aid", lambda: shell.go("give_aid", family_id)),
            ("signature", lambda: to_signature(qtbot, shell, family_id)),
            ("aid given", lambda: (draw_signature(qtbot, shell.page("give_aid").pad),
                                   qtbot.mouseClick(shell.page("give_aid").confirm_button,
                                                    Qt.MouseButton.LeftButton))),
            ("family with aid", lambda: shell.open_family(family_id)),
            ("register", lambda: shell.go("family_form", None)),
            ("programmes", lambda: shell.go("programmes")),
            ("volunteers", lambda: shell.go("volunteers")),
            ("review", lambda: shell.go("review")),
            ("settings", lambda: shell.go("settings")),
            ("about", lambda: shell.go("about")),
        ]
        for what, show in steps:
            show()
            problems += too_wide(window, what)
        assert problems == [], "\n".join(problems)
    finally:
        app.setFont(font)
        app.setStyleSheet(sheet)
