"""Real widgets over a real encrypted station in tmp_path, offscreen, in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from helpdesk import app as appmod
from helpdesk import paths as pathsmod
from helpdesk.services import demo, volunteers
from helpdesk.services import session as sessions
from helpdesk.store import keys
from helpdesk.ui.main_window import MainWindow
from tests.conftest import HEAD, PIN, STATION

VOLUNTEER, VOLUNTEER_PIN = "小王", "111111"
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"  # offscreen plugin only


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every UI test starts in English and leaves English behind, whatever language a test
    (or a window it built, or a failed switch back) installed: test order does not matter."""
    from PySide6.QtCore import QCoreApplication

    from helpdesk.ui import i18n

    if QCoreApplication.instance() is not None:
        i18n.install("en")
    yield
    if QCoreApplication.instance() is not None:
        i18n.install("en")


@pytest.fixture
def make_window(qtbot: QtBot, paths: pathsmod.Paths, fast_kdf: keys.KdfParams):  # type: ignore[no-untyped-def]
    """Build the app's main window over `paths` (in English unless told), shown offscreen."""
    appmod.make_application([])
    made: list[MainWindow] = []

    def make(language: str = "en", size: tuple[int, int] = (1024, 720)) -> MainWindow:
        window = appmod.build_window(paths, language=language)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()


@pytest.fixture
def demo_station(paths: pathsmod.Paths, fast_kdf: keys.KdfParams) -> pathsmod.Paths:
    """A station with the demo programmes and 40 families, closed again (as on disk)."""
    s, _ = sessions.create_station(paths, STATION, head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    demo.ensure_programmes(s)
    demo.add_families(s, 40, seed=3)
    volunteers.add_volunteer(s, VOLUNTEER, VOLUNTEER_PIN)
    s.close()
    return paths


def sign_in(qtbot: QtBot, window: MainWindow, name: str = HEAD, pin: str = PIN) -> None:
    page = window.sign_in_page
    page.choose(name)
    page.pad.field.setText(pin)
    page.pad.ok.click()
    qtbot.waitUntil(lambda: window.shell is not None, timeout=5000)


@pytest.fixture
def signed_in(demo_station: pathsmod.Paths, make_window, qtbot: QtBot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = make_window()
    sign_in(qtbot, window)
    yield window


def ime_commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type Chinese as an input method does: one committed string (QTest can only do ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def draw_signature(qtbot: QtBot, pad) -> None:  # type: ignore[no-untyped-def]
    """One stroke across the pad, as a finger or a mouse would draw it."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
    for x, y in ((60, 30), (100, 90), (140, 40), (180, 80)):
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(200, 60))
