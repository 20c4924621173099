"""The always-visible sync line: a coloured dot, what the sync is doing, and its button
("Sync now", or "Connect to a server" for a station head when the station is not enrolled);
while a sync runs, Cancel in its place (the sync stops between pages)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from helpdesk.ui import i18n
from helpdesk.ui.sync_controller import State, Status


class SyncStatus(QWidget):
    sync_requested = Signal()
    connect_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, head: bool, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_status")
        self.head, self.tz = head, tz
        self.dot = QLabel("●", self)
        self.dot.setObjectName("sync_dot")
        self.text = QLabel(self)
        self.text.setObjectName("sync_text")
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button = QPushButton(self)
        self.button.setObjectName("sync_now")
        self.button.clicked.connect(self._clicked)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("sync_cancel")
        self.cancel.clicked.connect(self.cancel_requested)
        self.cancel.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.cancel)
        self.status = Status(State.NOT_CONNECTED)
        self.wide = True

    def _clicked(self) -> None:
        if self.status.state is State.NOT_CONNECTED:
            self.connect_requested.emit()
        else:
            self.sync_requested.emit()

    def set_wide(self, wide: bool) -> None:
        self.wide = wide
        self.show_status(self.status)

    def show_status(self, status: Status) -> None:
        self.status = status
        state = status.state
        self.dot.setProperty("state", state.value)
        self.dot.style().unpolish(self.dot)
        self.dot.style().polish(self.dot)
        self.text.setText(self.describe(status))
        self.setToolTip(i18n.known(status.error) if status.error else "")
        if state is State.NOT_CONNECTED:
            self.button.setText(self.tr("Connect") if not self.wide else
                                self.tr("Connect to a server"))
            self.button.setVisible(self.head)
        else:
            self.button.setText(self.tr("Sync now"))
            self.button.setVisible(state is not State.SYNCING)
        self.button.setEnabled(state is not State.SYNCING)
        self.cancel.setVisible(state is State.SYNCING)
        self.cancel.setEnabled(not status.stopping)
        self.cancel.setText(self.tr("Stopping…") if status.stopping else self.tr("Cancel"))

    def describe(self, status: Status) -> str:
        """The status line in the user's language."""
        n = str(status.waiting)
        state = status.state
        if state is State.NOT_CONNECTED:
            return self.tr("Not connected to a server · {n} waiting").replace("{n}", n)
        if state is State.SYNCING:
            if status.stopping:
                return self.tr("Stopping after this page… · {n} waiting").replace("{n}", n)
            return self.tr("Syncing… · {n} waiting").replace("{n}", n)
        if state is State.IDLE and status.stopped is not None:
            return self.tr("Sync stopped: {sent} changes sent, {received} received; the rest "
                           "goes next time").replace("{sent}", str(status.stopped.sent)).replace(
                "{received}", str(status.stopped.applied)) + " · " + self.tr(
                "{n} waiting").replace("{n}", n)
        if state is State.OFFLINE:
            text = self.tr("Offline · {n} waiting").replace("{n}", n)
        elif state is State.FAILED:
            error = i18n.known(status.error) if status.error else ""
            text = self.tr("Sync failed: {error} · {n} waiting").replace(
                "{error}", error).replace("{n}", n)
        else:
            text = self.tr("{n} waiting").replace("{n}", n)
        if status.last_sync is not None:
            text += " · " + self.tr("last sync {time}").replace(
                "{time}", self.when(status.last_sync))
        elif state is State.IDLE:
            text += " · " + self.tr("not synced yet")
        if status.skew_shown:
            minutes = str(round(abs(status.skew_ms) / 60_000))
            text += " · " + (self.tr("this clock is {m} min behind the server")
                             if status.skew_ms > 0 else
                             self.tr("this clock is {m} min ahead of the server")
                             ).replace("{m}", minutes)
        return text

    def when(self, moment: datetime) -> str:
        local = moment.astimezone(self.tz)
        today = datetime.now(self.tz).date()
        return local.strftime("%H:%M") if local.date() == today else \
            local.strftime("%Y-%m-%d %H:%M")
