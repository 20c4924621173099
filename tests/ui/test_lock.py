"""Locking keeps work in progress for the volunteer who locked, and for no one else."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.widgets.signature_pad import SignaturePad
from tests.conftest import HEAD
from tests.ui.conftest import VOLUNTEER, VOLUNTEER_PIN, draw_signature, sign_in
from tests.ui.test_give_aid import first_family, start_aid

LEFT = Qt.MouseButton.LeftButton
AMOUNT = "437.5"


def half_given(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    """An aid with its amount typed, on the signature step with a signature drawn."""
    give = start_aid(qtbot, window, first_family(window))
    qtbot.keyClicks(give.amount, AMOUNT)
    qtbot.mouseClick(give.next_button, LEFT)
    assert give.steps.currentIndex() == 1
    draw_signature(qtbot, give.pad)
    assert not give.pad.is_empty
    return give


def selected(window: MainWindow) -> str:
    item = window.sign_in_page.who.currentItem()
    return item.text().split("  ·  ")[0] if item else ""


def draft_anywhere() -> bool:
    """Whether any live widget still holds the draft: the amount or a drawn signature."""
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit) and AMOUNT in widget.text():
            return True
        if isinstance(widget, SignaturePad) and not widget.is_empty:
            return True
    return False


def test_same_volunteer_finds_the_aid_as_left(qtbot: QtBot, signed_in: MainWindow) -> None:
    give = half_given(qtbot, signed_in)
    family_id, signature = give.family_id, [list(s) for s in give.pad._strokes]
    signed_in.lock()
    assert signed_in.stack.currentWidget() is signed_in.sign_in_page
    assert not give.isVisible() and not give.pad.isVisible()  # hidden behind the sign-in
    assert selected(signed_in) == HEAD  # the one who locked is preselected
    sign_in(qtbot, signed_in)
    shell = signed_in.shell
    assert shell is not None and shell.current_name() == "give_aid"
    again = shell.page("give_aid")
    assert again is give and again.isVisible()
    assert again.steps.currentIndex() == 1 and again.amount.text() == AMOUNT
    assert again.family_id == family_id and again.pad._strokes == signature
    assert shell.nav_buttons["families"].isChecked()
    qtbot.mouseClick(again.confirm_button, LEFT)  # the kept page works on the new session
    assert again.steps.currentIndex() == 2, again.message.text()
    assert again.receipt.text()
    dialog = again.show_receipt()  # a dialog open at the lock is closed, not left on top
    assert dialog.isVisible()
    signed_in.lock()
    assert not dialog.isVisible()


def test_another_volunteer_starts_clean(qtbot: QtBot, signed_in: MainWindow) -> None:
    half_given(qtbot, signed_in)
    signed_in.lock()
    assert draft_anywhere()  # kept, hidden, for the head
    sign_in(qtbot, signed_in, VOLUNTEER, VOLUNTEER_PIN)
    shell = signed_in.shell
    assert shell is not None and shell.current_name() == "home"
    assert "give_aid" not in shell.by_name
    qtbot.waitUntil(lambda: not draft_anywhere(), timeout=2000)  # destroyed, not only hidden
    give = start_aid(qtbot, signed_in, first_family(signed_in))
    assert give.amount.text() == "" and give.pad.is_empty and give.steps.currentIndex() == 0
    # Nor does the head get it back after the other volunteer: it was discarded.
    signed_in.lock()
    assert selected(signed_in) == VOLUNTEER
    sign_in(qtbot, signed_in)
    assert signed_in.shell is not None and signed_in.shell.current_name() == "home"
    assert not draft_anywhere()


def test_idle_lock_keeps_the_draft_too(qtbot: QtBot, signed_in: MainWindow) -> None:
    give = half_given(qtbot, signed_in)
    signed_in.prefs.idle_minutes = 0.01  # 600 ms
    signed_in._restart_idle_timer()
    with qtbot.waitSignal(signed_in.locked, timeout=3000):
        pass
    assert signed_in.shell is None and signed_in.session is None
    assert not give.isVisible() and selected(signed_in) == HEAD
    signed_in.prefs.idle_minutes = 30
    sign_in(qtbot, signed_in)
    assert signed_in.shell is not None and signed_in.shell.page("give_aid") is give
    assert give.isVisible() and give.amount.text() == AMOUNT and not give.pad.is_empty

    signed_in.prefs.idle_minutes = 0.01
    signed_in._restart_idle_timer()
    with qtbot.waitSignal(signed_in.locked, timeout=3000):
        pass
    signed_in.prefs.idle_minutes = 30
    sign_in(qtbot, signed_in, VOLUNTEER, VOLUNTEER_PIN)
    qtbot.waitUntil(lambda: not draft_anywhere(), timeout=2000)


def test_family_form_draft_kept_for_the_same_volunteer(qtbot: QtBot, signed_in: MainWindow) -> None:
    assert signed_in.shell is not None
    form = signed_in.shell.go("family_form")
    form.editors["address"].setText("幸福路 12 号")
    signed_in.lock()
    sign_in(qtbot, signed_in)
    assert signed_in.shell.current_name() == "family_form"
    assert signed_in.shell.page("family_form").editors["address"].text() == "幸福路 12 号"
    signed_in.lock()
    sign_in(qtbot, signed_in, VOLUNTEER, VOLUNTEER_PIN)
    form = signed_in.shell.go("family_form")
    assert form.editors["address"].text() == ""


def test_other_page_reopened_after_the_lock(qtbot: QtBot, signed_in: MainWindow) -> None:
    family_id = first_family(signed_in)
    assert signed_in.shell is not None
    signed_in.shell.open_family(family_id)
    signed_in.lock()
    sign_in(qtbot, signed_in)
    assert signed_in.shell.current_name() == "family"
    assert signed_in.shell.page("family").family_id == family_id
