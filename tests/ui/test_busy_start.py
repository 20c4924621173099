"""Creating a station and signing in derive keys (argon2, up to a second) on the worker pool:
the window keeps painting and answering, the button waits in a busy state, a second click or
Enter does nothing, and a refusal still comes back to the screen."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from helpdesk.store import keys
from helpdesk.ui.main_window import MainWindow
from tests.conftest import HEAD, PIN

LEFT = Qt.MouseButton.LeftButton


class Held:
    """Wraps a real function so that it waits on this test before it runs (on its thread)."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.release = threading.Event()
        self.threads: list[int] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.get_ident())
        self.release.wait(10)
        return self.real(*args, **kwargs)


def ticking(qtbot: QtBot) -> tuple[QTimer, list[int]]:
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    return timer, ticks


def test_creating_a_station_keeps_the_window_answering(
        qtbot: QtBot, make_window: Any, paths: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    held = Held(keys.KeyFile.create)
    monkeypatch.setattr(keys.KeyFile, "create", staticmethod(held))
    window: MainWindow = make_window()
    wizard = window.first_run
    wizard.name_edit.setText("关山街道职工帮扶站")
    wizard.region_picker.set_code("420111")
    wizard.head_edit.setText(HEAD)
    wizard.pin_edit.setText(PIN)
    wizard.pin2_edit.setText(PIN)
    timer, ticks = ticking(qtbot)
    qtbot.mouseClick(wizard.create_button, LEFT)
    qtbot.waitUntil(lambda: len(held.threads) == 1, timeout=5000)
    assert held.threads[0] != threading.get_ident()  # the key is derived off the GUI thread
    assert not wizard.create_button.isEnabled()
    assert wizard.create_button.text() == "Creating the station…"
    assert not wizard.fields["pin"].isEnabled()
    before = len(ticks)
    qtbot.wait(150)  # the event loop runs while the worker is held
    assert len(ticks) - before >= 5
    wizard.create_station()  # a second click (or Enter) meanwhile makes nothing more
    qtbot.mouseClick(wizard.create_button, LEFT)
    held.release.set()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 1, timeout=10000)
    timer.stop()
    assert len(held.threads) == 1
    assert wizard.code_label.text() and window.session is not None
    assert window.session.volunteer.name == HEAD
    assert wizard.create_button.isEnabled() and wizard.create_button.text() == "Create the station"


def test_a_station_refused_by_the_worker_says_why_and_the_button_comes_back(
        qtbot: QtBot, make_window: Any, paths: Any) -> None:
    window: MainWindow = make_window()
    wizard = window.first_run
    wizard.name_edit.setText("关山街道职工帮扶站")
    wizard.region_picker.search.setText("12")  # not a region: the service refuses it
    wizard.head_edit.setText(HEAD)
    wizard.pin_edit.setText(PIN)
    wizard.pin2_edit.setText(PIN)
    qtbot.mouseClick(wizard.create_button, LEFT)
    qtbot.waitUntil(lambda: wizard.create_button.isEnabled(), timeout=10000)
    assert wizard.fields["region"].error.isVisible()
    assert wizard.steps.currentIndex() == 0 and not paths.database.exists()


def test_signing_in_keeps_the_window_answering_and_a_wrong_pin_still_shows(
        qtbot: QtBot, demo_station: Any, make_window: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    held = Held(keys.KeyFile.unlock)

    def unlock(self: keys.KeyFile, *args: Any, **kwargs: Any) -> Any:
        return held(self, *args, **kwargs)

    monkeypatch.setattr(keys.KeyFile, "unlock", unlock)
    window: MainWindow = make_window()
    page = window.sign_in_page
    page.choose(HEAD)
    timer, ticks = ticking(qtbot)
    qtbot.keyClicks(page.pad.field, "000000")
    qtbot.keyClick(page.pad.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(held.threads) == 1, timeout=5000)
    assert held.threads[0] != threading.get_ident()
    assert page.message.text() == "Unlocking…"
    assert not page.pad.ok.isEnabled() and not page.pad.field.isEnabled()
    before = len(ticks)
    qtbot.wait(150)
    assert len(ticks) - before >= 5
    page.try_pin("000000")  # a second OK or Enter meanwhile derives nothing more
    page.pad.ok.click()
    held.release.set()
    qtbot.waitUntil(lambda: page.pad.ok.isEnabled(), timeout=10000)
    assert len(held.threads) == 1
    assert "Wrong PIN" in page.message.text() and window.shell is None
    assert page.pad.field.text() == ""

    page.pad.field.setText(PIN)
    page.pad.ok.click()
    qtbot.waitUntil(lambda: window.shell is not None, timeout=10000)
    timer.stop()
    assert window.session is not None and window.session.volunteer.name == HEAD
    assert len(held.threads) == 2


def test_the_recovery_code_signs_in_from_the_worker_and_a_wrong_one_is_refused(
        qtbot: QtBot, paths: Any, fast_kdf: keys.KdfParams, make_window: Any) -> None:
    from helpdesk.services import session as sessions
    from tests.conftest import STATION

    s, code = sessions.create_station(paths, STATION, head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    s.close()
    window: MainWindow = make_window()
    page = window.sign_in_page
    qtbot.mouseClick(page.recovery_button, LEFT)
    page.recovery_edit.setText("AAAA-" + code[5:] if not code.startswith("AAAA") else code[::-1])
    qtbot.keyClick(page.recovery_edit, Qt.Key.Key_Return)
    assert not page.recovery_edit.isEnabled() and page.message.text() == "Unlocking…"
    qtbot.waitUntil(page.recovery_edit.isEnabled, timeout=10000)
    assert page.message.text() and page.message.text() != "Unlocking…" and window.shell is None
    page.recovery_edit.setText(code)
    qtbot.keyClick(page.recovery_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.shell is not None, timeout=10000)
    assert window.session is not None and window.session.volunteer.is_head
