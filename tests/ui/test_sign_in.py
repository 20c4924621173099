"""Wrong-PIN lock-out, idle lock, language switch, and translations complete."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpdesk.ui import i18n
from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.preferences import Preferences
from tests.ui.conftest import VOLUNTEER, VOLUNTEER_PIN, sign_in

ROOT = Path(__file__).resolve().parents[2]


def test_wrong_pins_lock_out_with_time_left(qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    page = window.sign_in_page
    page.choose(VOLUNTEER)
    for _ in range(10):
        page.pad.field.setText("000000")
        page.try_pin("000000")
        qtbot.waitUntil(lambda: page.pad.ok.isEnabled())
        if "locked" in page.message.text():
            break
    assert "Try again in 5 minute(s)" in page.message.text()
    assert window.shell is None
    page.try_pin(VOLUNTEER_PIN)  # even the right PIN waits for the lock-out to end
    qtbot.waitUntil(lambda: page.pad.ok.isEnabled())
    assert "locked" in page.message.text() and window.shell is None
    sign_in(qtbot, window)  # the head is not locked out


def test_pin_pad_buttons_and_keyboard(qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    pad = window.sign_in_page.pad
    for digit in "1234567":
        qtbot.mouseClick(pad.findChild(type(pad.ok), f"pin_key_{digit}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.findChild(type(pad.ok), "pin_key_back"), Qt.MouseButton.LeftButton)
    assert pad.field.text() == "123456"
    pad.field.clear()
    qtbot.keyClicks(pad.field, "123456")
    qtbot.keyClick(pad.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.shell is not None)


def test_idle_lock_closes_the_database(qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    window.prefs.idle_minutes = 0.01  # 600 ms
    sign_in(qtbot, window)
    session = window.session
    assert window.idle_timer.isActive()
    qtbot.keyClick(window.shell, Qt.Key.Key_Shift)  # activity restarts the countdown
    assert window.idle_timer.remainingTime() > 400
    with qtbot.waitSignal(window.locked, timeout=3000):
        pass
    assert window.shell is None and window.session is None
    assert window.stack.currentWidget() is window.sign_in_page
    with pytest.raises(Exception):  # noqa: B017 - the connection is closed
        session.db.execute("SELECT 1")


def test_language_switch(qtbot: QtBot, signed_in: MainWindow, paths) -> None:  # type: ignore[no-untyped-def]
    shell = signed_in.shell
    assert shell is not None and shell.nav_buttons["home"].text() == "Home"
    settings = shell.go("settings")
    settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
    settings.language.activated.emit(settings.language.currentIndex())
    shell = signed_in.shell
    assert shell is not None and shell.current_name() == "settings"
    assert shell.nav_buttons["home"].text() == "首页"
    assert shell.page("settings").title.text() == "设置"
    assert signed_in.sign_in_page.recovery_button.text() == "使用恢复码"
    assert Preferences(paths.config_dir).language == "zh_CN"
    settings = shell.page("settings")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    settings.language.activated.emit(settings.language.currentIndex())
    assert signed_in.shell.nav_buttons["home"].text() == "Home"  # type: ignore[union-attr]


def test_chinese_by_default_on_a_chinese_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELPDESK_LANG", "zh_CN.UTF-8")
    assert i18n.system_language() == "zh_CN"
    monkeypatch.setenv("HELPDESK_LANG", "en_GB")
    assert i18n.system_language() == "en"


@pytest.mark.skipif(shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None,
                    reason="pyside6-lupdate not installed")
def test_every_string_is_translated(tmp_path: Path) -> None:
    """lupdate finds no string missing from the .ts, and every one has its translation."""
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in (ROOT / "helpdesk").glob("ui/**/*.py")] + [
        str(ROOT / "helpdesk" / "app.py")]
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lupdate"), *sources,
                    "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c.findtext("name"), m.findtext("source"))
              for c in ET.parse(fresh).iter("context") for m in c.iter("message")}
    for language in ("zh_CN", "en"):
        ts = ET.parse(ROOT / "resources" / "i18n" / f"helpdesk_{language}.ts")
        done = {(c.findtext("name"), m.findtext("source"))
                for c in ts.iter("context") for m in c.iter("message")
                if m.find("translation").text
                and m.find("translation").get("type") not in ("unfinished", "vanished",
                                                              "obsolete")}
        assert wanted - done == set(), language
        assert (ROOT / "resources" / "i18n" / f"helpdesk_{language}.qm").exists()
