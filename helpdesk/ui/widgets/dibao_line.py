"""Settings: the station's local 低保 (minimum living allowance) line, yuan per person per
month, against which the family form suggests a hardship tier. A station head sets it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from helpdesk.domain import money
from helpdesk.errors import KnownError
from helpdesk.services import tiers
from helpdesk.services.session import Session
from helpdesk.ui import i18n
from helpdesk.ui.widgets.form import Field


class DibaoLine(QWidget):
    saved = Signal(str)  # what to tell the user
    failed = Signal(object)  # a KnownError that belongs to no field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dibao_line")
        self.edit = QLineEdit(self)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.edit.setPlaceholderText(self.tr("Not set"))
        self.field = Field("dibao_line", self.tr(
            "Local minimum living allowance line (低保, yuan per person per month)"),
            self.edit, self)
        self.field.clear_on_edit()
        self.save_button = QPushButton(self.tr("Save the line"), self)
        self.save_button.setObjectName("save_dibao_line")
        self.save_button.clicked.connect(self.save)
        self.edit.returnPressed.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button, 1)
        layout.addLayout(row)
        self.session: Session | None = None
        self.loaded = ""

    def load(self, session: Session) -> None:
        self.session = session
        fen = tiers.poverty_line(session)
        self.loaded = money.format_fen(fen) if fen else ""
        self.edit.setText(self.loaded)
        self.field.set_error("")
        head = session.volunteer.is_head
        self.edit.setReadOnly(not head)
        self.save_button.setVisible(head)

    def is_dirty(self) -> bool:
        return self.edit.text().strip() != self.loaded

    def discard(self) -> None:
        self.edit.setText(self.loaded)
        self.field.set_error("")

    def save(self) -> None:
        assert self.session is not None
        self.field.set_error("")
        try:
            fen = tiers.set_poverty_line(self.session, self.edit.text())
        except KnownError as err:
            if err.code == "dibao_line":
                self.field.set_error(i18n.known(err))
            else:
                self.failed.emit(err)
            return
        self.loaded = money.format_fen(fen) if fen else ""
        self.edit.setText(self.loaded)
        self.saved.emit(self.tr("Saved"))
