"""Sign in: choose yourself in the list of volunteers, type the PIN on the pad."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from helpdesk import paths as pathsmod
from helpdesk.errors import KnownError
from helpdesk.services import session as sessions
from helpdesk.ui import i18n, workers
from helpdesk.ui.pages.base import kinetic
from helpdesk.ui.widgets.pin_pad import PinPad

ROLE_ID = Qt.ItemDataRole.UserRole
NARROW = 720


class SignInPage(QWidget):
    unlocked = Signal(object)  # the Session

    def __init__(self, paths: pathsmod.Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in")
        self.paths = paths
        self._working = False
        title = QLabel(self.tr("Sign in"), self)
        title.setObjectName("page_title")
        self.who = QListWidget(self)
        self.who.setObjectName("volunteer_list")
        kinetic(self.who)
        self.who.currentItemChanged.connect(lambda *_: self._chosen())
        self.prompt = QLabel(self)
        self.prompt.setObjectName("sign_in_prompt")
        self.prompt.setWordWrap(True)
        self.pad = PinPad(self)
        self.pad.submitted.connect(self.try_pin)
        self.message = QLabel(self)
        self.message.setObjectName("sign_in_message")
        self.message.setProperty("class", "field_error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.recovery_button = QPushButton(self.tr("Use the recovery code"), self)
        self.recovery_button.setObjectName("use_recovery")
        self.recovery_button.setProperty("class", "secondary")
        self.recovery_edit = QLineEdit(self)
        self.recovery_edit.setObjectName("recovery_edit")
        self.recovery_edit.setPlaceholderText(self.tr("Recovery code"))
        self.recovery_edit.hide()
        self.recovery_edit.returnPressed.connect(self._recover)
        self.recovery_button.clicked.connect(self._show_recovery)

        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(QLabel(self.tr("Who are you?"), self))
        left.addWidget(self.who)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.prompt)
        right.addWidget(self.pad)
        right.addWidget(self.message)
        right.addWidget(self.recovery_button)
        right.addWidget(self.recovery_edit)
        right.addStretch(1)
        inner = QWidget()
        inner.setObjectName("sign_in_content")
        inner.setMaximumWidth(1000)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, inner)
        self.columns.setContentsMargins(16, 16, 16, 16)
        self.columns.setSpacing(24)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder.setObjectName("sign_in_holder")
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(inner, 1)
        area.setWidget(holder)
        kinetic(area)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= NARROW
        self.columns.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                  else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    def reload(self, select: str = "") -> None:
        """Fill the list from the key file (readable before signing in); `select` (an id) is
        preselected, as the volunteer who locked the station."""
        self.who.blockSignals(True)
        self.who.clear()
        self.who.blockSignals(False)
        self.message.hide()
        self.pad.clear()
        try:
            found = sessions.holders(self.paths)
        except KnownError as err:
            self._say(i18n.known(err))
            return
        for holder in found:
            role = self.tr("station head") if holder.role == "head" else self.tr("volunteer")
            item = QListWidgetItem(f"{holder.name}  ·  {role}")
            item.setData(ROLE_ID, holder.id)
            self.who.addItem(item)
        if self.who.count():
            rows = [self.who.item(r).data(ROLE_ID) for r in range(self.who.count())]
            self.who.setCurrentRow(rows.index(select) if select in rows else 0)
        # As tall as its rows, up to five; more scroll.
        row = max(self.who.sizeHintForRow(0), 44)
        self.who.setFixedHeight(row * min(max(self.who.count(), 1), 5)
                                + 2 * self.who.frameWidth() + 4)

    def choose(self, name: str) -> None:
        for row in range(self.who.count()):
            if self.who.item(row).text().split("  ·  ")[0] == name:
                self.who.setCurrentRow(row)
                return

    def _chosen(self) -> None:
        item = self.who.currentItem()
        name = item.text().split("  ·  ")[0] if item else ""
        self.prompt.setText(self.tr("{name}, type your PIN").replace("{name}", name))
        self.message.hide()
        self.pad.clear()

    def say(self, text: str, *, error: bool = True) -> None:
        self._say(text, error=error)

    def _say(self, text: str, *, error: bool = True) -> None:
        """An error in the error colour; a state ("Unlocking…") in the normal text colour."""
        self.message.setProperty("class", "field_error" if error else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @property
    def working(self) -> bool:
        return self._working

    def try_pin(self, pin: str) -> None:
        if self._working:  # a second OK or Enter while the key is derived: nothing more
            return
        item = self.who.currentItem()
        if item is None:
            self._say(self.tr("Choose your name first"))
            return
        paths, holder_id = self.paths, item.data(ROLE_ID)
        self._busy(True)
        # The key derivation (argon2, ~0.3–1 s) runs on the worker pool; the database is then
        # opened here, on the GUI thread its connection belongs to.
        workers.run(lambda: sessions.unlock(paths, holder_id, pin), self._opened, self._refused)

    def _busy(self, working: bool) -> None:
        self._working = working
        self.pad.set_enabled(not working)
        self.who.setEnabled(not working)
        self.recovery_button.setEnabled(not working)
        self.recovery_edit.setEnabled(not working)
        if working:
            self._say(self.tr("Unlocking…"), error=False)

    def _opened(self, opening: sessions.Opening) -> None:
        try:
            session = sessions.open_session(self.paths, opening)
        except KnownError as err:
            self._refused(err)
            return
        self._busy(False)
        self.pad.clear()
        self.message.hide()
        self.recovery_edit.clear()
        self.recovery_edit.hide()
        self.unlocked.emit(session)

    def _refused(self, err: Exception) -> None:
        self._busy(False)
        self.pad.clear()
        if not isinstance(err, KnownError):
            self._say("")
            raise err
        self._say(i18n.known(err))

    def _show_recovery(self) -> None:
        self.recovery_edit.show()
        self.recovery_edit.setFocus()

    def _recover(self) -> None:
        if self._working:
            return
        paths, code = self.paths, self.recovery_edit.text()
        self._busy(True)
        workers.run(lambda: sessions.unlock_with_recovery(paths, code), self._opened,
                    self._refused)
