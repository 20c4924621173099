"""A test that builds a Chinese window leaves no Chinese behind for the tests after it (the
`english` fixture): the two tests below run in this order, the second one without a window."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from helpdesk.ui import i18n
from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.widgets.pin_pad import PinPad


def test_a_chinese_window(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("zh_CN")
    assert i18n.current() == "zh_CN"
    assert window.first_run.create_button.text() == "创建站点"


def test_the_next_test_is_in_english(qtbot: QtBot) -> None:
    assert i18n.current() == "en"
    assert QLocale().language() == QLocale.Language.English
    pad = PinPad()
    qtbot.addWidget(pad)
    assert pad.ok.text() == "OK" and pad.field.placeholderText() == "PIN"
