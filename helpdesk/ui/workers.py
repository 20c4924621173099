"""The one way to run slow work: a plain function on QThreadPool, answered on the GUI thread.

Workers get plain data, never widgets or a Session (a Session's connection belongs to the thread
that opened it). The answer comes back by a queued signal, so callbacks run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as err:  # handed to the GUI thread, which decides what to show
            self._send(self.relay.failed, err)
        else:
            self._send(self.relay.finished, result)

    @staticmethod
    def _send(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the app is closing and the relay went with it: nobody waits
            log.debug("background work finished after its receiver was gone")


_running: set[_Relay] = set()


def run(fn: Callable[[], Any], on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None) -> None:
    """Run `fn()` on the thread pool; call `on_done(result)` or `on_error(err)` on this thread."""
    relay = _Relay()  # lives on the calling (GUI) thread: its signals arrive queued here
    _running.add(relay)

    def done(result: Any) -> None:
        _running.discard(relay)
        on_done(result)

    def failed(err: Exception) -> None:
        _running.discard(relay)
        if on_error is None:
            log.error("background work failed", exc_info=err)
        else:
            on_error(err)

    relay.finished.connect(done)
    relay.failed.connect(failed)
    QThreadPool.globalInstance().start(_Job(fn, relay))


def busy() -> bool:
    return bool(_running)


def wait_for_all(msecs: int = 5000) -> bool:
    """Let running work finish (at quit), so no thread runs Python while it shuts down."""
    return bool(QThreadPool.globalInstance().waitForDone(msecs))
