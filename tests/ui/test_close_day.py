"""The close-day dialog: reached from Home, the sum follows the counts as they are typed, a
difference needs a reason, the two PINs close the day, the slip saves as a PDF; a head
reopens the day from the past closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helpdesk.errors import KnownError
from helpdesk.services import aid as aidcases
from helpdesk.services import closes
from helpdesk.ui.dialogs.close_day import CloseDayDialog
from helpdesk.ui.dialogs.closes import ClosesDialog, SlipDialog
from helpdesk.ui.main_window import MainWindow
from tests.conftest import PIN
from tests.services.helpers import cash_aid
from tests.ui.conftest import VOLUNTEER, VOLUNTEER_PIN


def _open(qtbot: QtBot, window: MainWindow) -> CloseDayDialog:
    shell = window.shell
    assert shell is not None
    home = shell.go("home")
    home.close_day_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CloseDayDialog)
                    or any(isinstance(w, CloseDayDialog) and w.isVisible()
                           for w in QApplication.topLevelWidgets()), timeout=5000)
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, CloseDayDialog) and w.isVisible())


def test_live_sum_reason_rule_close_slip_and_reopen(signed_in: MainWindow, qtbot: QtBot,
                                                    tmp_path: Path) -> None:
    session = signed_in.shell.session  # type: ignore[union-attr]
    family = session.db.execute("SELECT id FROM families LIMIT 1").fetchone()[0]
    aidcases.give_aid(session, cash_aid(session, family, amount="300.50"))
    dialog = _open(qtbot, signed_in)
    assert dialog.aid_list.count() == 1 and "300.50" in dialog.aid_list.item(0).text()
    dialog.float_edit.setText("1000")
    assert "699.50" in dialog.expected_label.text()
    dialog.spins["y100"].setValue(6)
    dialog.spins["y50"].setValue(1)
    dialog.spins["j5"].setValue(1)
    assert dialog.line_labels["y100"].text() == "600.00"
    assert "¥650.50" in dialog.counted_label.text()
    assert "-¥49.00" in dialog.difference_label.text()
    assert dialog.difference_label.property("off") is True
    dialog.closer_pin.editor.setText(PIN)  # type: ignore[attr-defined]
    dialog.witness.setCurrentIndex(dialog.witness.findText(VOLUNTEER))
    dialog.witness_pin.editor.setText(VOLUNTEER_PIN)  # type: ignore[attr-defined]
    dialog.close_button.click()
    assert dialog.reason.has_error() and dialog.isVisible()
    assert closes.closed(session, session.today()) is None
    dialog.spins["y10"].setValue(4)
    dialog.spins["y5"].setValue(1)
    dialog.spins["y1"].setValue(4)
    assert "¥699.50" in dialog.counted_label.text()
    assert dialog.difference_label.property("off") is False
    with qtbot.waitSignal(dialog.closed, timeout=10_000) as got:
        dialog.close_button.click()
    close = got.args[0]
    assert close.difference_fen == 0 and close.counted_fen == 69_950
    assert closes.closed(session, session.today()) == close
    qtbot.waitUntil(lambda: any(isinstance(w, SlipDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    slip = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SlipDialog))
    slip.save_pdf(tmp_path / "slip.pdf")
    assert (tmp_path / "slip.pdf").stat().st_size > 5_000
    slip.accept()

    again = CloseDayDialog(session, signed_in)
    qtbot.addWidget(again)
    assert again.already.isVisibleTo(again) and not again.close_button.isEnabled()
    try:
        aidcases.give_aid(session, cash_aid(session, family, amount="10"))
        raise AssertionError("a closed day took aid")
    except KnownError as err:
        assert err.code == "day_closed"
    past = ClosesDialog(session, signed_in)
    qtbot.addWidget(past)
    assert past.list.count() == 1 and past.reopen_button.isVisibleTo(past)
    past.reopen()
    assert past.reason.has_error() and closes.closed(session, session.today()) is not None
    past.reason_edit.setText("补录一笔漏记的发放")
    with qtbot.waitSignal(past.reopened, timeout=5000):
        past.reopen()
    assert closes.closed(session, session.today()) is None


def test_a_long_day_scrolls_its_list_and_covers_nothing(signed_in: MainWindow,
                                                        qtbot: QtBot) -> None:
    session = signed_in.shell.session  # type: ignore[union-attr]
    ids = [r[0] for r in session.db.execute("SELECT id FROM families LIMIT 6")]
    for family in ids:
        aidcases.give_aid(session, cash_aid(session, family, amount="20"))
    dialog = _open(qtbot, signed_in)
    QApplication.processEvents()
    listed = dialog.aid_list
    assert listed.count() == 6
    assert listed.minimumHeight() <= listed.maximumHeight() <= 168
    assert listed.geometry().bottom() < dialog.out_label.geometry().top()
    assert listed.verticalScrollBar().maximum() > 0  # the rest of the day scrolls
    dialog.reject()
