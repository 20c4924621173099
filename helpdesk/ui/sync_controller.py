"""When the station syncs by itself: on a timer, when the network comes back, and on "Sync now".

A sync runs on the worker pool with its own connection to the station file
(`station_sync.sync_now`); the GUI thread only starts it and shows the answer. Never two at
once. Cancel stops it between pages (each page is its own transaction; the rest goes with
the next sync). A failure backs off with jitter, doubling up to 15 minutes; a success resets
it. After
`stop()` (lock, sign-out, quit) nothing runs again and late answers are ignored, so the
closed database is never touched.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import random
import threading
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from helpdesk.errors import KnownError
from helpdesk.services import session as sessions
from helpdesk.services import station_sync, status
from helpdesk.ui import workers

log = logging.getLogger(__name__)

FIRST_MS = 3_000  # after signing in: let the screen settle first
WAITING_MS = 2 * 60_000  # changes wait to be sent
IDLE_MS = 10 * 60_000  # nothing waits: still pull the region's changes now and then
BACKOFF_BASE_MS = 30_000
BACKOFF_MAX_MS = 15 * 60_000
JITTER = 0.2  # ± this share of the delay, so stations that failed together spread out
SKEW_SHOWN_MS = 2 * 60_000


class State(enum.Enum):
    NOT_CONNECTED = "not_connected"
    IDLE = "idle"
    SYNCING = "syncing"
    OFFLINE = "offline"
    FAILED = "failed"


@dataclass(frozen=True)
class Status:
    """What the status line shows."""

    state: State
    waiting: int = 0
    last_sync: datetime | None = None
    skew_ms: int = 0
    error: Exception | None = None
    stopping: bool = False  # Cancel was pressed: the page on its way finishes first
    stopped: station_sync.Outcome | None = None  # the last sync was cancelled: what it moved

    @property
    def skew_shown(self) -> bool:
        return abs(self.skew_ms) > SKEW_SHOWN_MS


class NoSyncError(KnownError):
    """Something not foreseen went wrong in a sync (logged with its traceback)."""

    def __init__(self) -> None:
        super().__init__("sync_bug", "同步出错，详情已记入日志", "Sync went wrong; the details "
                         "are in the log")


def backoff_ms(failures: int, rand: random.Random | None = None) -> int:
    """The wait after `failures` failures in a row: 30 s doubling up to 15 min, ± 20 %."""
    nominal = min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** max(0, failures - 1))
    factor = 1 + JITTER * (2 * (rand or random).random() - 1)
    return int(min(BACKOFF_MAX_MS, nominal * factor))


class SyncController(QObject):
    status_changed = Signal(object)  # a Status
    sync_started = Signal()
    sync_finished = Signal(object)  # a station_sync.Outcome
    sync_failed = Signal(object)  # the error
    enrolled = Signal()

    def __init__(self, session: sessions.Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_controller")
        self.session = session
        self.timer = QTimer(self)
        self.timer.setObjectName("sync_timer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.failures = 0
        self.next_delay_ms = 0
        self.running = False
        self.stopped = False
        self._cancel = threading.Event()
        self.online = True
        self._network = None
        self.status = Status(State.NOT_CONNECTED)

    # Starting and stopping
    def start(self) -> None:
        """Read the state from the database and, when enrolled, plan the first sync."""
        s = self.session
        connected = station_sync.enrollment(s) is not None
        self.status = Status(State.IDLE if connected else State.NOT_CONNECTED,
                             status.waiting_changes(s), station_sync.last_sync(s))
        if connected:  # QtNetwork and its backend (7 MB) only for a station with a server
            self._watch_network()
            self._schedule(FIRST_MS)
        self.status_changed.emit(self.status)

    def stop(self) -> None:
        """No more syncs from this controller; an answer still on its way is dropped."""
        self.stopped = True
        self._cancel.set()  # a running sync stops after its page
        self.timer.stop()
        if self._network is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._network.reachabilityChanged.disconnect(self._reachability)
            self._network = None

    def _watch_network(self) -> None:
        """Follow reachability where the platform can tell it; the timer covers the rest."""
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork is part of PySide6-Essentials
            return
        info = QNetworkInformation.instance()
        if info is None and QNetworkInformation.loadBackendByFeatures(
                QNetworkInformation.Feature.Reachability):
            info = QNetworkInformation.instance()
        if info is None:
            return
        self._network = info
        info.reachabilityChanged.connect(self._reachability)
        self.online = info.reachability() != QNetworkInformation.Reachability.Disconnected

    def _reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        self.network_changed(reachability != QNetworkInformation.Reachability.Disconnected)

    def network_changed(self, online: bool) -> None:
        """The network went away (show offline) or came back (try now, from a fresh start)."""
        was, self.online = self.online, online
        if self.stopped or self.status.state is State.NOT_CONNECTED:
            return
        if not online:
            self._show(replace(self.status, state=State.OFFLINE, error=None))
        elif not was:
            self.failures = 0
            self._schedule(0)

    # Syncing
    def sync_now(self) -> bool:
        """Start a sync on the worker pool; False when one runs, or none can run."""
        if self.stopped or self.running or self.status.state is State.NOT_CONNECTED:
            return False
        self.timer.stop()
        self.running = True
        job = station_sync.target(self.session)
        cancel = self._cancel = threading.Event()
        self._show(replace(self.status, state=State.SYNCING, stopping=False, stopped=None))
        self.sync_started.emit()
        workers.run(lambda: station_sync.sync_now(job, stop=cancel.is_set), self._done,
                    self._failed)
        return True

    def cancel(self) -> bool:
        """Stop the running sync after the page on its way; False when none runs."""
        if self.stopped or not self.running or self._cancel.is_set():
            return False
        self._cancel.set()
        self._show(replace(self.status, stopping=True))
        return True

    def _done(self, outcome: station_sync.Outcome) -> None:
        self.running = False
        if self.stopped:
            return
        self.failures = 0
        last = self.status.last_sync if outcome.stopped else \
            datetime.fromisoformat(outcome.finished_at)
        self._show(Status(State.IDLE, outcome.waiting, last, outcome.skew_ms,
                          stopped=outcome if outcome.stopped else None))
        self._schedule(WAITING_MS if outcome.waiting else IDLE_MS)
        self.sync_finished.emit(outcome)

    def _failed(self, err: Exception) -> None:
        self.running = False
        if self.stopped:
            return
        if not isinstance(err, KnownError):
            log.error("sync failed", exc_info=err)
            err = NoSyncError()
        self.failures += 1
        unreachable = getattr(err, "code", "") == "server_unreachable"
        self._show(replace(self.status, state=State.OFFLINE if unreachable else State.FAILED,
                           error=err, waiting=status.waiting_changes(self.session),
                           stopping=False))
        self._schedule(backoff_ms(self.failures))
        self.sync_failed.emit(err)

    def _schedule(self, delay_ms: int) -> None:
        if self.stopped:
            return
        self.next_delay_ms = delay_ms
        self.timer.start(delay_ms)

    # What the pages tell
    def note_waiting(self, waiting: int) -> None:
        """A page wrote something: show the count, and send it within two minutes."""
        if self.stopped:
            return
        if waiting != self.status.waiting:
            self._show(replace(self.status, waiting=waiting))
        connected = self.status.state is not State.NOT_CONNECTED
        if (connected and waiting and not self.running and self.failures == 0
                and (not self.timer.isActive() or self.timer.remainingTime() > WAITING_MS)):
            self._schedule(WAITING_MS)

    def note_enrolled(self) -> None:
        """The station was just connected to a server: sync at once."""
        if self.stopped:
            return
        station_sync.reload_station(self.session)
        self.failures = 0
        self.status = Status(State.IDLE, status.waiting_changes(self.session))
        if self._network is None:
            self._watch_network()
        self.enrolled.emit()
        if not self.sync_now():
            self.status_changed.emit(self.status)

    def _show(self, new: Status) -> None:
        self.status = new
        self.status_changed.emit(new)
