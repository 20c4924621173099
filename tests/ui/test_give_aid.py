"""Goods aid, the programme cap with a head's override, the second PIN, voiding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from helpdesk.errors import KnownError
from helpdesk.services import aid as aidcases
from helpdesk.services import families
from helpdesk.ui.main_window import MainWindow
from tests.ui.conftest import VOLUNTEER, VOLUNTEER_PIN, draw_signature, ime_commit, sign_in

LEFT = Qt.MouseButton.LeftButton


def first_family(window: MainWindow) -> str:
    assert window.shell is not None
    page = window.shell.go("families")
    page.search.setText("王")
    assert page.model.rowCount() > 0
    return page.model.family_id(0)


def start_aid(qtbot: QtBot, window: MainWindow, family_id: str, code_prefix: str = "SWN"):  # type: ignore[no-untyped-def]
    assert window.shell is not None
    window.shell.open_family(family_id)
    qtbot.mouseClick(window.shell.page("family").give_button, LEFT)
    give = window.shell.page("give_aid")
    index = next(i for i in range(give.programme.count())
                 if give.programme.itemText(i).startswith(
                     {"SWN": "Warmth", "DJWZ": "Winter", "TXWQ": "Help"}[code_prefix]))
    give.programme.setCurrentIndex(index)
    return give


def sign_and_confirm(qtbot: QtBot, give) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(give.next_button, LEFT)
    assert give.steps.currentIndex() == 1, [f.error.text() for f in give.fields.values()]
    draw_signature(qtbot, give.pad)
    qtbot.mouseClick(give.confirm_button, LEFT)


def cash(qtbot: QtBot, window: MainWindow, family_id: str, amount: str):  # type: ignore[no-untyped-def]
    give = start_aid(qtbot, window, family_id)
    qtbot.keyClicks(give.amount, amount)
    sign_and_confirm(qtbot, give)
    return give


def test_goods_aid(qtbot: QtBot, signed_in: MainWindow) -> None:
    family_id = first_family(signed_in)
    give = start_aid(qtbot, signed_in, family_id, "DJWZ")
    assert give.fields["goods"].isVisible() and not give.fields["amount_fen"].isVisible()
    qtbot.mouseClick(give.next_button, LEFT)
    assert give.fields["goods"].error.isVisible()  # no goods line yet
    line = give.goods.rows[0]
    ime_commit(line.item, "大米")
    line.qty.setText("2")
    ime_commit(line.unit, "袋")
    qtbot.keyClicks(line.value, "80")
    qtbot.mouseClick(give.goods.add_button, LEFT)
    second = give.goods.rows[1]
    ime_commit(second.item, "食用油")
    ime_commit(second.unit, "桶")
    qtbot.keyClicks(second.value, "65")
    sign_and_confirm(qtbot, give)
    assert give.receipt.text(), give.message.text()
    aid = families.family_history(signed_in.shell.session, family_id).aid[0]  # type: ignore[union-attr]
    assert [g.item for g in aid.goods] == ["大米", "食用油"] and aid.amount_fen == 14500


def test_cap_needs_head_override_with_reason(qtbot: QtBot, signed_in: MainWindow) -> None:
    family_id = first_family(signed_in)
    first = cash(qtbot, signed_in, family_id, "300")
    assert first.receipt.text()
    give = cash(qtbot, signed_in, family_id, "200")  # Warmth Sending: once per family
    dialog = give.approval_dialog
    assert dialog.objectName() == "approval_cap" and dialog.isVisible()
    assert "already received" in dialog.findChild(type(give.summary), "approval_reason_text").text()
    assert not dialog.pin_field.isVisibleTo(dialog)  # the signed-in head approves without a PIN
    qtbot.mouseClick(dialog.ok, LEFT)
    assert dialog.reason_field.error.isVisible()  # a reason is required
    ime_commit(dialog.reason, "家中再遭火灾")
    qtbot.mouseClick(dialog.ok, LEFT)
    assert give.steps.currentIndex() == 2, give.message.text()
    aid = families.family_history(signed_in.shell.session, family_id).aid[0]  # type: ignore[union-attr]
    assert aid.override_reason == "家中再遭火灾" and aid.amount_fen == 20000


def test_second_pin_above_threshold(qtbot: QtBot, signed_in: MainWindow) -> None:
    family_id = first_family(signed_in)
    give = cash(qtbot, signed_in, family_id, "1500")
    dialog = give.approval_dialog
    assert dialog.objectName() == "approval_second_pin"
    assert dialog.who.currentText() == VOLUNTEER
    qtbot.keyClicks(dialog.pin, "999999")  # wrong: refused, nothing saved
    qtbot.mouseClick(dialog.ok, LEFT)
    assert "Wrong PIN" in give.message.text() and give.steps.currentIndex() == 1
    qtbot.mouseClick(give.confirm_button, LEFT)
    dialog = give.approval_dialog
    qtbot.keyClicks(dialog.pin, VOLUNTEER_PIN)
    qtbot.mouseClick(dialog.ok, LEFT)
    assert give.steps.currentIndex() == 2, give.message.text()
    aid = families.family_history(signed_in.shell.session, family_id).aid[0]  # type: ignore[union-attr]
    assert aid.second_volunteer_id is not None


def test_void_refused_for_a_volunteer_done_by_the_head(qtbot: QtBot, signed_in: MainWindow) -> None:
    family_id = first_family(signed_in)
    receipt = cash(qtbot, signed_in, family_id, "300").receipt.text()
    signed_in.lock()
    sign_in(qtbot, signed_in, VOLUNTEER, VOLUNTEER_PIN)
    shell = signed_in.shell
    assert shell is not None and "volunteers" not in shell.nav_buttons
    shell.open_family(family_id)
    page = shell.page("family")
    page.aid.setCurrentRow(0)
    assert not page.void_button.isEnabled() and page.void_note.isVisible()
    with pytest.raises(KnownError) as refused:  # the service refuses too, not only the screen
        aidcases.void_aid(shell.session, page.selected_aid(), "mistake")
    assert refused.value.code == "head_only"

    signed_in.lock()
    sign_in(qtbot, signed_in)
    shell = signed_in.shell
    assert shell is not None
    shell.open_family(family_id)
    page = shell.page("family")
    page.aid.setCurrentRow(0)
    assert page.void_button.isEnabled()
    qtbot.mouseClick(page.void_button, LEFT)
    dialog = page.findChild(QDialog, "void_dialog")
    assert dialog is not None
    confirm = dialog.findChild(QPushButton, "void_confirm")
    qtbot.mouseClick(confirm, LEFT)
    assert dialog.reason.error.isVisible()  # a reason is required
    ime_commit(dialog.reason.editor, "金额录错")
    qtbot.mouseClick(confirm, LEFT)
    line = page.aid.item(0).text()
    assert receipt in line and "VOID: 金额录错" in line


def test_receipt_preview_and_pdf(qtbot: QtBot, signed_in: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    family_id = first_family(signed_in)
    give = cash(qtbot, signed_in, family_id, "500")
    qtbot.mouseClick(give.findChild(QPushButton, "aid_done_receipt"), LEFT)
    dialog = give.findChild(QDialog, "receipt_dialog")
    assert dialog is not None and dialog.isVisible()
    picture = dialog.picture.pixmap()
    assert not picture.isNull() and picture.height() > picture.width()  # an 80 mm roll
    assert not dialog.print_button.isEnabled()  # no printer chosen: said so, PDF offered
    assert "PDF" in dialog.message.text()
    target = tmp_path / "receipt.pdf"
    dialog.save_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in dialog.message.text()


def test_clock_behind_needs_a_head(qtbot: QtBot, signed_in: MainWindow,  # type: ignore[no-untyped-def]
                                   monkeypatch) -> None:
    from helpdesk.services import aid as aid_service

    monkeypatch.setattr(aid_service.clock, "behind_by_ms", lambda db, now_ms: 60_000)
    family_id = first_family(signed_in)
    give = cash(qtbot, signed_in, family_id, "100")
    dialog = give.approval_dialog
    assert dialog.objectName() == "approval_clock"
    ime_commit(dialog.reason, "电脑时钟已校准")
    qtbot.mouseClick(dialog.ok, LEFT)
    assert give.steps.currentIndex() == 2, give.message.text()
