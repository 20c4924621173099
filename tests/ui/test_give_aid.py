"""Goods aid; the programme picker (no default, used-up marked, other stations' aid); every
approval (cap, clock, second PIN) in one dialog before the signature pad; voiding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from helpdesk.domain.aid import ApprovalKind
from helpdesk.errors import KnownError
from helpdesk.services import aid as aidcases
from helpdesk.services import families
from helpdesk.ui.main_window import MainWindow
from tests.conftest import PIN
from tests.services.test_aid_needs import other_station_record
from tests.ui.conftest import VOLUNTEER, VOLUNTEER_PIN, draw_signature, ime_commit, sign_in

LEFT = Qt.MouseButton.LeftButton


def first_family(window: MainWindow) -> str:
    assert window.shell is not None
    page = window.shell.go("families")
    page.search.setText("王")
    assert page.model.rowCount() > 0
    return page.model.family_id(0)


NAMES = {"SWN": "Warmth", "DJWZ": "Winter", "TXWQ": "Help", "YLJZ": "Medical"}


def pick(qtbot: QtBot, give, code_prefix: str) -> None:  # type: ignore[no-untyped-def]
    picker = give.programme
    row = next(i for i in range(picker.count())
               if picker.item(i).text().startswith(NAMES[code_prefix]))
    rect = picker.visualItemRect(picker.item(row))
    qtbot.mouseClick(picker.viewport(), LEFT, pos=rect.center())
    assert picker.currentRow() == row


def start_aid(qtbot: QtBot, window: MainWindow, family_id: str, code_prefix: str = "SWN"):  # type: ignore[no-untyped-def]
    assert window.shell is not None
    window.shell.open_family(family_id)
    qtbot.mouseClick(window.shell.page("family").give_button, LEFT)
    give = window.shell.page("give_aid")
    assert give.programme.currentRow() == -1  # several open: none picked for the volunteer
    pick(qtbot, give, code_prefix)
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


def fill(field, text: str) -> None:  # type: ignore[no-untyped-def]
    ime_commit(field.editor, text)


def test_cap_needs_head_override_before_the_signature(qtbot: QtBot, signed_in: MainWindow) -> None:
    family_id = first_family(signed_in)
    assert cash(qtbot, signed_in, family_id, "300").receipt.text()
    give = start_aid(qtbot, signed_in, family_id)
    item = give.programme.currentItem()
    assert "Used up" in item.text() and "300.00 yuan" in item.text()  # marked in the picker
    qtbot.keyClicks(give.amount, "200")
    qtbot.mouseClick(give.next_button, LEFT)
    dialog = give.approval_dialog
    assert dialog.isVisible() and give.steps.currentIndex() == 0  # asked before the pad
    assert "already received" in dialog.findChild(QLabel, "approval_why_cap").text()
    assert dialog.head_pin.isVisibleTo(dialog)  # the signed-in head types their PIN too
    qtbot.mouseClick(dialog.ok, LEFT)
    assert dialog.reasons[ApprovalKind.CAP].error.isVisible()  # a reason is required
    assert dialog.head_pin.error.isVisible()
    fill(dialog.reasons[ApprovalKind.CAP], "家中再遭火灾")
    qtbot.keyClicks(dialog.head_pin.editor, "000000")
    qtbot.mouseClick(dialog.ok, LEFT)
    assert dialog.isVisible() and "PIN" in dialog.head_pin.error.text()
    dialog.head_pin.editor.clear()
    qtbot.keyClicks(dialog.head_pin.editor, PIN)
    qtbot.mouseClick(dialog.ok, LEFT)
    assert give.steps.currentIndex() == 1, give.message.text()
    draw_signature(qtbot, give.pad)
    qtbot.mouseClick(give.confirm_button, LEFT)
    assert give.steps.currentIndex() == 2, give.message.text()
    aid = families.family_history(signed_in.shell.session, family_id).aid[0]  # type: ignore[union-attr]
    assert aid.override_reason == "家中再遭火灾" and aid.amount_fen == 20000


def test_every_approval_in_one_dialog_before_the_pad(qtbot: QtBot, signed_in: MainWindow,  # type: ignore[no-untyped-def]
                                                    monkeypatch) -> None:
    from helpdesk.services import aid as aid_service

    family_id = first_family(signed_in)
    cash(qtbot, signed_in, family_id, "300")
    monkeypatch.setattr(aid_service.clock, "behind_by_ms", lambda db, now_ms: 60_000)
    give = start_aid(qtbot, signed_in, family_id)
    qtbot.keyClicks(give.amount, "1500")
    qtbot.mouseClick(give.next_button, LEFT)
    dialog = give.approval_dialog
    assert dialog.kinds == [ApprovalKind.CLOCK, ApprovalKind.CAP, ApprovalKind.SECOND_VOLUNTEER]
    for kind in ("cap", "clock", "second_pin"):
        assert dialog.findChild(QLabel, f"approval_why_{kind}").isVisibleTo(dialog)
    assert dialog.helper.currentText() == VOLUNTEER
    fill(dialog.reasons[ApprovalKind.CAP], "家中再遭火灾")
    fill(dialog.reasons[ApprovalKind.CLOCK], "时钟已核对")
    qtbot.keyClicks(dialog.head_pin.editor, PIN)
    qtbot.keyClicks(dialog.helper_pin.editor, "999999")  # wrong: said beside it
    qtbot.mouseClick(dialog.ok, LEFT)
    assert dialog.isVisible() and dialog.helper_pin.error.isVisible()
    assert give.steps.currentIndex() == 0
    dialog.helper_pin.editor.clear()
    qtbot.keyClicks(dialog.helper_pin.editor, VOLUNTEER_PIN)
    keyfile_type = type(signed_in.shell.session.keyfile)
    real_verify, derived = keyfile_type.verify_pin, []

    def verify_pin(self, volunteer_id, *args, **kwargs):  # type: ignore[no-untyped-def]
        derived.append(volunteer_id)
        return real_verify(self, volunteer_id, *args, **kwargs)

    monkeypatch.setattr(keyfile_type, "verify_pin", verify_pin)
    qtbot.mouseClick(dialog.ok, LEFT)
    assert give.steps.currentIndex() == 1, give.message.text()
    draw_signature(qtbot, give.pad)
    qtbot.mouseClick(give.confirm_button, LEFT)
    assert give.steps.currentIndex() == 2, give.message.text()
    assert len(derived) == 2  # each PIN derived once: the head's (two needs) and the helper's
    aid = families.family_history(signed_in.shell.session, family_id).aid[0]  # type: ignore[union-attr]
    assert aid.second_volunteer_id is not None and aid.override_reason == "时钟已核对；家中再遭火灾"


def test_no_programme_picked_is_said_on_the_programme(qtbot: QtBot, signed_in: MainWindow) -> None:
    family_id = first_family(signed_in)
    signed_in.shell.open_family(family_id)  # type: ignore[union-attr]
    qtbot.mouseClick(signed_in.shell.page("family").give_button, LEFT)  # type: ignore[union-attr]
    give = signed_in.shell.page("give_aid")  # type: ignore[union-attr]
    assert give.programme.count() > 1 and give.programme.currentRow() == -1
    assert not give.fields["amount_fen"].isVisible()
    qtbot.mouseClick(give.next_button, LEFT)
    assert give.fields["programme_id"].error.isVisible() and give.steps.currentIndex() == 0


def test_another_stations_aid_shows_in_the_picker(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    family_id = first_family(signed_in)
    family = families.get(shell.session, family_id)
    swn = next(p.programme.id for p in aidcases.standings(shell.session, family_id)
               if p.programme.code.startswith("SWN"))
    other_station_record(shell.session, family.id_number, {swn: 1})
    give = start_aid(qtbot, signed_in, family_id)
    text = give.programme.currentItem().text()
    assert "another station 1 time(s)" in text and "Used up" in text, text
    qtbot.keyClicks(give.amount, "100")
    qtbot.mouseClick(give.next_button, LEFT)
    assert give.approval_dialog.kinds == [ApprovalKind.CAP]


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
