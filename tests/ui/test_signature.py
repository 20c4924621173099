"""The signature step at a 360 px wide window: a tap, a dot or one short line is refused and
says why (English and Chinese), a real signature is saved, a station head records "could not
sign"; the void and connect dialogs keep their error lines clear of inputs and buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from helpdesk.domain.aid import ApprovalKind
from helpdesk.errors import KnownError
from helpdesk.services import families
from helpdesk.ui.dialogs.approval import ApprovalDialog
from helpdesk.ui.dialogs.connect import ConnectDialog
from helpdesk.ui.main_window import MainWindow
from tests import signatures
from tests.conftest import PIN
from tests.ui.conftest import ime_commit, sign_in

LEFT = Qt.MouseButton.LeftButton
NARROW = (360, 720)
REFUSED = {"en": {"TAP": "too short", "DOT": "too short", "SHORT_LINE": "too short",
                  "LONG_LINE": "straight line"},
           "zh": {"TAP": "签名太短", "DOT": "签名太短", "SHORT_LINE": "签名太短",
                  "LONG_LINE": "直线"}}


def draw(qtbot: QtBot, pad: QWidget, strokes: signatures.Strokes) -> None:
    """Replay recorded strokes on the pad as mouse presses, moves and releases."""
    for stroke in strokes:
        points = [QPointF(x, y).toPoint() for x, y in stroke]
        qtbot.mousePress(pad, LEFT, pos=points[0])
        for point in points[1:]:
            qtbot.mouseMove(pad, point)
        qtbot.mouseRelease(pad, LEFT, pos=points[-1])


def signing_step(qtbot: QtBot, window: MainWindow, amount: str = "500"):  # type: ignore[no-untyped-def]
    shell = window.shell
    assert shell is not None
    page = shell.go("families")
    page.search.setText("王")
    family_id = page.model.family_id(0)
    shell.open_family(family_id)
    qtbot.mouseClick(shell.page("family").give_button, LEFT)
    give = shell.page("give_aid")
    cash = next(i for i in range(give.programme.count())
                if give.programme.item(i).text().startswith(("Warmth", "送温暖")))
    give.programme.setCurrentRow(cash)
    qtbot.keyClicks(give.amount, amount)
    qtbot.mouseClick(give.next_button, LEFT)
    assert give.steps.currentIndex() == 1
    return give, family_id


def aid_of(window: MainWindow, family_id: str) -> list:  # type: ignore[type-arg]
    assert window.shell is not None
    return families.family_history(window.shell.session, family_id).aid


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_tap_a_dot_or_a_line_is_refused_saying_why_and_a_signature_is_saved(
        qtbot: QtBot, demo_station, make_window, language: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window({"zh": "zh_CN"}.get(language, language), NARROW)
    sign_in(qtbot, window)
    give, family_id = signing_step(qtbot, window)
    assert give.pad.width() <= 360
    for name, expected in REFUSED[language].items():
        give.pad.clear()
        draw(qtbot, give.pad, getattr(signatures, name))
        assert not give.sign_error.isVisible()
        qtbot.mouseClick(give.confirm_button, LEFT)
        assert give.sign_error.isVisible() and expected in give.sign_error.text(), name
        qtbot.wait(20)
        for widget in (give.sign_error, give.confirm_button, give.pad):  # nothing pushed off
            right = widget.mapTo(window, widget.rect().topRight()).x()
            assert right < window.width(), (name, widget.objectName(), right)
        assert give.sign_error.height() >= give.sign_error.heightForWidth(
            give.sign_error.width())
        assert give.steps.currentIndex() == 1 and aid_of(window, family_id) == []
    give.pad.clear()
    assert not give.sign_error.isVisible()
    draw(qtbot, give.pad, signatures.ZHANG_SAN)
    qtbot.mouseClick(give.confirm_button, LEFT)
    assert give.steps.currentIndex() == 2, give.sign_error.text()
    (aid,) = aid_of(window, family_id)
    assert aid.signature_hash and not aid.no_signature_reason


def test_could_not_sign_is_recorded_by_the_head_with_a_reason(
        qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window("en", NARROW)
    sign_in(qtbot, window)
    give, family_id = signing_step(qtbot, window)
    qtbot.mouseClick(give.findChild(QPushButton, "signature_unable"), LEFT)
    dialog = give.approval_dialog
    assert isinstance(dialog, ApprovalDialog) and dialog.isVisible()
    assert dialog.kinds == [ApprovalKind.NO_SIGNATURE]
    reason = dialog.reasons[ApprovalKind.NO_SIGNATURE]
    dialog.ok.click()
    assert reason.error.isVisible() and aid_of(window, family_id) == []
    ime_commit(reason.editor, "右手骨折，无法握笔")
    assert dialog.head_pin is not None
    qtbot.keyClicks(dialog.head_pin.editor, PIN)  # a head approving their own record too
    dialog.ok.click()
    assert give.steps.currentIndex() == 2
    (aid,) = aid_of(window, family_id)
    assert aid.signature_hash is None and aid.no_signature_reason == "右手骨折，无法握笔"
    assert aid.no_signature_by == window.shell.session.volunteer.id  # type: ignore[union-attr]


def assert_clear(qtbot: QtBot, dialog: QDialog, line: QLabel) -> None:
    """The error line is shown whole, inside the dialog, over no input or button."""
    qtbot.waitUntil(lambda: line.isVisible(), timeout=2000)
    qtbot.wait(50)  # the layout settles
    box = QRect(line.mapTo(dialog, QPoint(0, 0)), line.size())
    assert dialog.rect().contains(box), (dialog.rect(), box)
    assert line.height() >= line.heightForWidth(line.width()), line.text()
    for kind in (QLineEdit, QPushButton, QComboBox):
        for other in dialog.findChildren(kind):
            if other.isVisible():
                place = QRect(other.mapTo(dialog, QPoint(0, 0)), other.size())
                assert not box.intersects(place), (line.objectName(), other.objectName())


def void_dialog(qtbot: QtBot, window: MainWindow) -> tuple[QDialog, str]:
    give, family_id = signing_step(qtbot, window, "512.30")
    draw(qtbot, give.pad, signatures.ZHANG_SAN)
    qtbot.mouseClick(give.confirm_button, LEFT)
    receipt = give.receipt.text()
    shell = window.shell
    assert shell is not None and receipt
    shell.open_family(family_id)
    page = shell.page("family")
    page.aid.setCurrentRow(0)
    qtbot.mouseClick(page.void_button, LEFT)
    dialog = page.findChild(QDialog, "void_dialog")
    assert dialog is not None and dialog.isVisible()
    return dialog, receipt


@pytest.mark.parametrize("language", ["en", "zh"])
def test_void_dialog_names_what_is_voided_and_shows_its_errors_clear(
        qtbot: QtBot, demo_station, make_window, language: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window({"zh": "zh_CN"}.get(language, language), NARROW)
    sign_in(qtbot, window)
    dialog, receipt = void_dialog(qtbot, window)
    assert window.shell is not None
    head = window.shell.page("family").history.family.head_name
    what = dialog.findChild(QLabel, "void_subject")
    assert what.isVisible()
    assert receipt in what.text() and head in what.text() and "512.30" in what.text()
    assert ("凭证号" if language == "zh" else "Receipt") in what.text()
    assert dialog.frameGeometry().width() <= 360
    confirm = dialog.findChild(QPushButton, "void_confirm")
    qtbot.mouseClick(confirm, LEFT)  # no reason
    assert_clear(qtbot, dialog, dialog.reason.error)
    ime_commit(dialog.reason.editor, "金额录错")
    aid_id = dialog.aid_id
    from helpdesk.services import aid as aidcases

    aidcases.void_aid(window.shell.session, aid_id, "已在另一窗口作废")  # voided meanwhile
    qtbot.mouseClick(confirm, LEFT)
    assert_clear(qtbot, dialog, dialog.message)
    assert dialog.isVisible()


def test_connect_dialog_shows_its_errors_clear_at_360(
        qtbot: QtBot, signed_in: MainWindow) -> None:
    signed_in.resize(*NARROW)
    shell = signed_in.shell
    assert shell is not None
    shell.sync_status.button.click()
    dialog = shell.findChild(ConnectDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.frameGeometry().width() <= 360
    dialog.url_edit().setText("http://sync.example.org")
    dialog.code_edit().setText("ABCD-EFGH")
    dialog.confirm.click()
    assert_clear(qtbot, dialog, dialog.url.error)
    dialog.url_edit().setText("https://sync.example.org")
    dialog.code_edit().setText("!")
    dialog.confirm.click()
    assert_clear(qtbot, dialog, dialog.code.error)
    dialog.code_edit().setText("ABCD-EFGH")
    dialog._show_error(KnownError(  # an answer that is about neither field
        "server_busy", "服务器正忙，请稍后再试；如果一直这样，请联系工会办公室的管理员",
        "The server is busy: try again later; if it stays so, call the union office's "
        "administrator"))
    assert_clear(qtbot, dialog, dialog.message)
    dialog._failed(RuntimeError("boom"))
    assert_clear(qtbot, dialog, dialog.message)
