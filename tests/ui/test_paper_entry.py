"""Enter aid from a paper sheet: reached from Home, the sheet number typed, a line entered with
the family search, the programme picker and the paper's date; a capped line needs the head's
approval in the one dialog; a line entered twice is refused naming its receipt; the sheet's
photo is checked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from helpdesk.domain.aid import ApprovalKind
from helpdesk.domain.common import iso
from helpdesk.services import aid as aidcases
from helpdesk.services import families
from helpdesk.ui.main_window import MainWindow
from tests.conftest import PIN
from tests.services.helpers import cash_aid
from tests.ui.conftest import ime_commit
from tests.ui.test_give_aid import first_family, pick

LEFT = Qt.MouseButton.LeftButton


def open_page(qtbot: QtBot, window: MainWindow, tmp_path: Path):  # type: ignore[no-untyped-def]
    assert window.shell is not None
    home = window.shell.go("home")
    qtbot.mouseClick(home.paper_button, LEFT)
    page = window.shell.page("paper_entry")
    assert window.shell.pages.currentWidget() is page
    printed = page.print_sheet(tmp_path / "blank.pdf", None)
    assert printed is not None and printed.sheet.number in page.message.text()
    with window.shell.session.write() as db:  # printed before the outage
        db.execute("UPDATE paper_sheets SET printed_at = ?",
                   [iso(datetime.now(UTC) - timedelta(days=3))])
    return page, printed.sheet.number


def enter_line(qtbot: QtBot, page, family_id: str, line: int, amount: str) -> None:  # type: ignore[no-untyped-def]
    page.line.setValue(line)
    ime_commit(page.search, "王")
    row = next(r for r in range(page.results.rowCount())
               if page.results.family_id(r) == family_id)
    rect = page.found.visualRect(page.results.index(row))
    qtbot.mouseClick(page.found.viewport(), LEFT, pos=rect.center())
    assert page.family_id == family_id
    pick(qtbot, page, "SWN")
    qtbot.keyClicks(page.amount, amount)
    page.when.setDateTime(QDateTime.currentDateTime().addDays(-1))
    qtbot.mouseClick(page.save_button, LEFT)


def test_a_paper_line_is_entered_capped_and_not_twice(qtbot: QtBot, signed_in: MainWindow,
                                                      tmp_path: Path) -> None:
    page, number = open_page(qtbot, signed_in, tmp_path)
    qtbot.keyClicks(page.sheet, "P0001")
    qtbot.keyClick(page.sheet, Qt.Key.Key_Return)
    assert "sheet number" in page.sheet_field.error.text() and not page.form.isVisible()
    page.sheet.clear()
    qtbot.keyClicks(page.sheet, number.lower())  # as a scanner or a hurried hand types it
    qtbot.mouseClick(page.open_button, LEFT)
    assert page.form.isVisible() and page.sheet.text() == number
    assert "none" in page.sheet_state.text() and page.line.value() == 1
    family_id = first_family(signed_in)
    session = signed_in.shell.session  # type: ignore[union-attr]
    aidcases.give_aid(session, cash_aid(session, family_id, amount="100"))  # the cap is used
    signed_in.shell.go("paper_entry")  # type: ignore[union-attr]
    enter_line(qtbot, page, family_id, 1, "300")
    dialog = page.approval_dialog
    assert dialog.isVisible() and list(dialog.reasons) == [ApprovalKind.CAP]  # not the clock
    assert "already received" in dialog.findChild(QLabel, "approval_why_cap").text()
    dialog.reasons[ApprovalKind.CAP].editor.setText("纸上已由站长签批")
    qtbot.keyClicks(dialog.head_pin.editor, PIN)
    qtbot.mouseClick(dialog.ok, LEFT)
    assert "Line 1 saved" in page.message.text(), page.message.text()
    aid = next(a for a in families.family_history(session, family_id).aid if a.paper_sheet)
    assert (aid.paper_sheet, aid.paper_line, aid.amount_fen) == (number, 1, 30000)
    assert aid.override_reason == "纸上已由站长签批" and aid.receipt_no in page.message.text()
    assert datetime.fromisoformat(aid.given_at) < datetime.fromisoformat(aid.entered_at or "")
    assert page.line.value() == 2 and aid.receipt_no in page.sheet_state.text()
    qtbot.mouseClick(page.receipt_button, LEFT)  # the 补录 receipt, as any receipt
    receipt = page.findChild(QDialog, "receipt_dialog")
    assert receipt is not None and receipt.aid.id == aid.id
    receipt.reject()
    enter_line(qtbot, page, family_id, 1, "50")  # the same line again
    assert aid.receipt_no in page.message.text() and "twice" in page.message.text()
    assert len(families.family_history(session, family_id).aid) == 2


def test_the_sheets_photo_is_checked(qtbot: QtBot, signed_in: MainWindow,
                                     tmp_path: Path) -> None:
    page, number = open_page(qtbot, signed_in, tmp_path)
    page.load(number)
    gif = tmp_path / "sheet.gif"
    gif.write_bytes(b"GIF89a" + b"\x00" * 50)
    assert not page.attach_scan(gif) and "JPG or PNG" in page.scan_state.text()
    assert not page.attach_scan(tmp_path / "missing.jpg")
    photo = tmp_path / "sheet.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 4000)
    assert page.attach_scan(photo) and "sheet.jpg" in page.scan_state.text()
    assert page.scan == photo.read_bytes()
