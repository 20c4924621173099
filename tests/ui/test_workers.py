"""The one worker helper: plain functions on the pool, answers on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from helpdesk.ui import workers


def test_result_and_error_come_back_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> str:
        seen["worker_thread"] = threading.current_thread().name
        return "done"

    def done(result: object) -> None:
        seen["result"] = result
        seen["on_gui"] = QThread.currentThread() is gui

    workers.run(work, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == "done" and seen["on_gui"] is True
    assert seen["worker_thread"] != threading.main_thread().name

    def fail() -> None:
        raise ValueError("no")

    workers.run(fail, lambda _: None, lambda err: seen.setdefault("error", err))
    qtbot.waitUntil(lambda: "error" in seen)
    assert isinstance(seen["error"], ValueError)
    assert workers.wait_for_all(1000) and not workers.busy()
