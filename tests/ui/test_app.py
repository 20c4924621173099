"""The composition root: `run(demo=True)` opens the sign-in screen on the demo head."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helpdesk import app as appmod
from helpdesk.ui.main_window import MainWindow


def test_run_demo_shows_sign_in_for_admin(qtbot: QtBot, demo_station,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    seen: dict[str, object] = {}

    def look() -> None:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        page = window.sign_in_page
        seen["current"] = window.stack.currentWidget() is page
        seen["chosen"] = page.who.currentItem().text()
        seen["message"] = page.message.text()
        window.close()

    QTimer.singleShot(50, look)
    assert appmod.run([], data_dir=demo_station.data_dir, demo=True) == 0
    assert seen["current"] is True
    assert str(seen["chosen"]).startswith("admin")
    assert "123456" in str(seen["message"])


def test_a_simplified_chinese_font_is_named() -> None:
    font = appmod.app_font(QFont("Sans Serif", 10))
    families = font.families()
    assert families and families[0] in appmod.CJK_FAMILIES
    assert font.pointSizeF() >= 10.5


def test_a_bug_is_shown_in_a_crash_dialog(qtbot: QtBot) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as err:
        appmod._crash_hook(RuntimeError, err, err.__traceback__)
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "crash_dialog")
    qtbot.addWidget(box)
    assert "boom" in box.detailedText() and box.isVisible()
    box.close()


def test_font_sizes_follow_the_system_size() -> None:
    small, large = appmod.stylesheet(10), appmod.stylesheet(20)
    assert "@" not in small and "15.0pt" in small and "30.0pt" in large
