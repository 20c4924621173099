"""The export dialog on the Settings page, over a real station, writing real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from helpdesk.services import aid
from helpdesk.store import audit
from helpdesk.ui import workers
from helpdesk.ui.dialogs.export import ExportDialog
from helpdesk.ui.main_window import MainWindow
from tests.services.helpers import cash_aid
from tests.ui.conftest import VOLUNTEER, VOLUNTEER_PIN, sign_in

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the exports (the station's folders sit in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    shell = window.shell
    assert shell is not None
    s = shell.session
    ids = [r[0] for r in s.db.execute("SELECT id FROM families ORDER BY id LIMIT 3")]
    given = [aid.give_aid(s, cash_aid(s, f, amount=str(100 * (n + 1))))
             for n, f in enumerate(ids)]
    aid.void_aid(s, given[0].id, "录错")
    settings = shell.go("settings")
    assert settings.exports.isVisible()
    qtbot.mouseClick(settings.exports.button, LEFT)
    dialog = settings.exports.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_save_as_writes_the_ledger_on_a_worker(qtbot: QtBot, signed_in: MainWindow,
                                               out: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _dialog(qtbot, signed_in)
    target = out / "ledger"  # the .xlsx is added when the file dialog's name lacks it
    asked: list[str] = []

    def ask(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    before = len(audit.recent(dialog.session.db))
    qtbot.mouseClick(dialog.save, LEFT)
    assert not dialog.save.isEnabled() and dialog.save.text() == "Writing…"  # busy
    assert not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()  # not closed while the file is being written
    with qtbot.waitSignal(dialog.exported, timeout=10000) as done:
        pass
    assert asked[0].endswith(".xlsx") and "ledger-" in asked[0]
    result = done.args[0]
    assert result.path == out / "ledger.xlsx" and (result.aid_count, result.voided) == (2, 1)
    assert (result.total_fen, dialog.save.isEnabled()) == (50000, True)
    assert "2 aid, total ¥500.00 (1 void not counted)" in dialog.message.text()
    ws = load_workbook(result.path).active
    assert ws["A2"].value == "No." and all("*" in ws.cell(r, 4).value for r in (3, 4, 5))
    assert len(audit.recent(dialog.session.db)) == before  # masked: nothing to audit
    assert sorted(p.name for p in out.iterdir()) == ["ledger.xlsx"]


def test_full_ids_warn_and_are_audited(qtbot: QtBot, signed_in: MainWindow,
                                       out: Path) -> None:
    dialog = _dialog(qtbot, signed_in)
    assert dialog.warning.isHidden()
    dialog.full_ids.setChecked(True)
    assert dialog.warning.isVisible() and "audit log" in dialog.warning.text()
    dialog.what.setCurrentIndex(dialog.what.findData("families"))
    assert not dialog.date_from.isEnabled() and not dialog.programme.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.save_to(out / "roster.xlsx")
    row = audit.recent(dialog.session.db, 1)[0]
    assert row["action"] == "export_full_ids" and row["detail"]["export"] == "families"
    ws = load_workbook(out / "roster.xlsx").active
    assert ws["A2"].value == "No." and "*" not in ws["D3"].value and len(ws["D3"].value) == 18


def test_an_end_before_the_start_is_shown_at_the_field(qtbot: QtBot, signed_in: MainWindow,
                                                       out: Path) -> None:
    dialog = _dialog(qtbot, signed_in)
    dialog.date_from.setDate(QDate(2026, 3, 2))
    dialog.date_to.setDate(QDate(2026, 3, 1))
    dialog.save_to(out / "l.xlsx")
    assert dialog.to_field.error.isVisible() and "before the start" in dialog.to_field.error.text()
    assert not dialog.running and list(out.iterdir()) == []
    dialog.all_dates.setChecked(True)
    assert not dialog.date_from.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.save_to(out / "l.xlsx")
    assert load_workbook(out / "l.xlsx").active["A1"].value.endswith("(all dates)")


def test_a_volunteer_sees_no_export(qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    sign_in(qtbot, window, VOLUNTEER, VOLUNTEER_PIN)
    assert window.shell is not None
    settings = window.shell.go("settings")
    assert not settings.exports.isVisible()


def test_locking_while_writing_leaves_no_file(qtbot: QtBot, signed_in: MainWindow,
                                              out: Path) -> None:
    dialog = _dialog(qtbot, signed_in)
    dialog.full_ids.setChecked(True)
    dialog.save_to(out / "l.xlsx")
    assert dialog.running
    signed_in.lock()  # the idle lock: the session closes before the worker answers
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not workers.busy(), timeout=10000)
    assert list(out.iterdir()) == []  # neither the file nor its temporary leftover
