"""Long work in the app: backups and USB bundle files run on the worker pool while their
buttons wait, the backup folder chosen in Settings receives the backups, and a bundle file
that was altered is refused in the user's language with nothing changed."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.server import bundles as server_bundles
from helpdesk.services import backups
from helpdesk.services import session as sessions
from helpdesk.store import backups as store_backups
from tests.conftest import HEAD, PIN
from tests.server.conftest import app, db_url, engine
from tests.sync.test_bundles import enroll_by_file
from tests.ui.conftest import sign_in

__all__ = ["app", "db_url", "engine"]
LEFT = Qt.MouseButton.LeftButton


def test_backup_runs_off_the_gui_thread_with_its_button_disabled(
        qtbot: QtBot, signed_in: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = signed_in.shell.go("settings")
    seen: dict[str, Any] = {}
    release = threading.Event()
    real_make = store_backups.make

    def make(*args: Any, **kwargs: Any) -> Path:
        seen["thread"] = threading.get_ident()
        release.wait(10)  # hold the backup until the button has been looked at
        return real_make(*args, **kwargs)

    monkeypatch.setattr(store_backups, "make", make)
    qtbot.mouseClick(settings.backup_button, LEFT)
    qtbot.waitUntil(lambda: "thread" in seen, timeout=5000)
    assert seen["thread"] != threading.get_ident()
    assert not settings.backup_button.isEnabled() and not settings.restore_button.isEnabled()
    assert settings.backup_button.text() == "Backing up…"
    release.set()
    qtbot.waitUntil(lambda: settings.backup_list.count() == 1, timeout=10000)
    assert settings.backup_button.isEnabled() and settings.restore_button.isEnabled()
    assert settings.backup_button.text() == "Back up now"
    assert "Backed up to" in settings.message.text()


def test_chosen_backup_folder_receives_the_backups(
        qtbot: QtBot, signed_in: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drive = tmp_path / "usb-drive"
    drive.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(drive)))
    settings = signed_in.shell.go("settings")
    qtbot.mouseClick(settings.choose_folder_button, LEFT)
    assert str(drive) in settings.backup_folder.text()
    qtbot.mouseClick(settings.backup_button, LEFT)
    qtbot.waitUntil(lambda: settings.backup_list.count() == 1, timeout=10000)
    written = Path(settings.backup_list.item(0).data(Qt.ItemDataRole.UserRole))
    assert written.parent == drive / backups.SUBFOLDER and (written / "station.db").exists()
    assert written.name == settings.backup_list.item(0).text()
    # The drive unplugged: the backup is refused in the user's words, the button comes back.
    written.parent.rename(tmp_path / "elsewhere")
    drive.rmdir()
    qtbot.mouseClick(settings.backup_button, LEFT)
    assert "plug the drive in" in settings.message.text() and settings.backup_button.isEnabled()
    qtbot.mouseClick(settings.own_folder_button, LEFT)
    assert "station's own folder" in settings.backup_folder.text()


@pytest.fixture
def enrolled_station(demo_station: pathsmod.Paths, engine: Engine) -> pathsmod.Paths:
    s = sessions.sign_in(demo_station, HEAD, PIN)
    try:
        enroll_by_file(s, engine)
    finally:
        s.close()
    return demo_station


def _state(window: Any) -> tuple[Any, ...]:
    db = window.session.db
    return (db.execute("SELECT sync_status, count(*) FROM changes GROUP BY 1").fetchall(),
            db.execute("SELECT key, value FROM meta WHERE key NOT IN ('hlc') "
                       "ORDER BY key").fetchall())


def test_usb_export_and_an_altered_answer_in_chinese(
        qtbot: QtBot, enrolled_station: pathsmod.Paths, make_window: Any, engine: Engine,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window("zh_CN")
    sign_in(qtbot, window)
    settings = window.shell.go("settings")
    usb = settings.usb
    stick = tmp_path / "stick"
    stick.mkdir()
    out = stick / "站点.hdb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(usb.export_button, LEFT)
    assert not usb.export_button.isEnabled() and not usb.import_button.isEnabled()
    qtbot.waitUntil(usb.export_button.isEnabled, timeout=10000)
    assert out.exists() and "已写入" in settings.message.text(), settings.message.text()
    assert not list(stick.glob("*.part"))

    answer = server_bundles.answer(engine, out.read_bytes(), max_ahead_ms=300_000).answer
    flipped = bytearray(answer)
    flipped[answer.index(b'"ciphertext": "') + 30] ^= 0x01
    before = _state(window)
    bad = stick / "回执-改过.hdb"
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    for altered, said in ((json.dumps(json.loads(answer)).encode(), "文件已被改动，拒绝导入"),
                          (bytes(flipped), "可能被篡改")):
        bad.write_bytes(altered)
        qtbot.mouseClick(usb.import_button, LEFT)
        qtbot.waitUntil(usb.import_button.isEnabled, timeout=10000)
        assert said in settings.message.text(), settings.message.text()
        assert _state(window) == before

    good = stick / "回执.hdb"
    good.write_bytes(answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(good), "")))
    qtbot.mouseClick(usb.import_button, LEFT)
    qtbot.waitUntil(usb.import_button.isEnabled, timeout=10000)
    text = settings.message.text()
    assert "已登记" in text and "服务器接受" in text, text
    assert _state(window) != before


def test_printing_sends_the_job_off_the_gui_thread_with_its_buttons_waiting(
        qtbot: QtBot, signed_in: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from PySide6.QtWidgets import QDialog, QPushButton

    from helpdesk.receipts import printing
    from helpdesk.services import receipts
    from helpdesk.store import receipts as store_receipts
    from tests.ui.test_give_aid import cash, first_family

    session = signed_in.shell.session
    # A printer this computer does not have: the print system itself refuses the job.
    receipts.save_settings(session, replace(receipts.settings(session), printer="GonePrinter"))
    seen: dict[str, Any] = {}
    release = threading.Event()
    real_print = printing.print_sheet

    def print_sheet(*args: Any, **kwargs: Any) -> None:
        seen.setdefault("threads", []).append(threading.get_ident())
        release.wait(10)  # hold the job until the dialog has been looked at
        real_print(*args, **kwargs)

    monkeypatch.setattr(printing, "print_sheet", print_sheet)
    give = cash(qtbot, signed_in, first_family(signed_in), "200")
    qtbot.mouseClick(give.findChild(QPushButton, "aid_done_receipt"), LEFT)
    dialog = give.findChild(QDialog, "receipt_dialog")
    assert dialog.print_button.isEnabled()
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: "threads" in seen, timeout=5000)
    assert seen["threads"] == [seen["threads"][0]] != [threading.get_ident()]
    assert not dialog.print_button.isEnabled() and not dialog.pdf_button.isEnabled()
    assert dialog.print_button.text() == "Printing…" and dialog.message.text() == "Printing…"
    dialog.print_now()  # a second press meanwhile sends nothing more
    release.set()
    qtbot.waitUntil(lambda: dialog.print_button.text() == "Print", timeout=10000)
    assert len(seen["threads"]) == 1
    assert "No printer called 'GonePrinter'" in dialog.message.text()
    assert dialog.print_button.isEnabled() and dialog.pdf_button.isEnabled()
    # Recorded before it was sent: the next print is marked as a reprint.
    assert [p.copy_no for p in store_receipts.prints_of(session.db, give.last_aid.id)] == [0]
