"""Approvals inside the give-aid flow: a station head's override with a reason (programme cap,
clock behind), or a second volunteer's PIN for cash above the station's threshold."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk.errors import NeedsApproval
from helpdesk.services import aid as aidcases
from helpdesk.services import session as sessions
from helpdesk.services import volunteers
from helpdesk.ui import i18n
from helpdesk.ui.widgets.form import Field


class ApprovalDialog(QDialog):
    """Emits `approved` with an `Approval` (cap, clock) or a `SecondSignOff` (second_pin)."""

    approved = Signal(str, object)  # kind, approval

    def __init__(self, session: sessions.Session, need: NeedsApproval,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"approval_{need.kind}")
        self.kind = need.kind
        self.session = session
        second = need.kind == "second_pin"
        self.setWindowTitle(self.tr("Second volunteer") if second
                            else self.tr("Station head's approval"))
        why = QLabel(i18n.known(need), self)
        why.setObjectName("approval_reason_text")
        why.setWordWrap(True)
        self.who = QComboBox(self)
        me = session.volunteer
        if second:
            for h in sessions.holders(session.paths):
                if h.id != me.id:
                    self.who.addItem(h.name, h.id)
        else:
            for v in volunteers.heads(session):
                self.who.addItem(v.name, v.id)
            mine = self.who.findData(me.id)
            if mine >= 0:
                self.who.setCurrentIndex(mine)
        self.who_field = Field("approver", self.tr("Volunteer") if second
                               else self.tr("Station head"), self.who, self)
        self.reason = QLineEdit(self)
        self.reason_field = Field("override_reason", self.tr("Reason (written on the record)"),
                                  self.reason, self)
        self.reason_field.setVisible(not second)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.pin_field = Field("approver_pin", self.tr("Their PIN"), self.pin, self)
        self.who.currentIndexChanged.connect(lambda _: self._pin_needed())
        self.ok = QPushButton(self.tr("Approve"), self)
        self.ok.setObjectName("approval_ok")
        self.ok.clicked.connect(self._approve)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("approval_cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        for w in (why, self.who_field, self.reason_field, self.pin_field):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self._pin_needed()
        if self.who.count() == 0:
            self.who_field.set_error(self.tr("Nobody else can sign off: add a volunteer first"))
            self.ok.setEnabled(False)

    def _pin_needed(self) -> None:
        """A head approving their own action is already signed in: no PIN asked."""
        self.pin_field.setVisible(self.kind == "second_pin"
                                  or self.who.currentData() != self.session.volunteer.id)

    def _approve(self) -> None:
        if self.kind != "second_pin" and not self.reason.text().strip():
            self.reason_field.set_error(self.tr("Write the reason"))
            return
        if self.pin_field.isVisibleTo(self) and not self.pin.text():
            self.pin_field.set_error(self.tr("Type the PIN"))
            return
        who = str(self.who.currentData())
        answer: object
        if self.kind == "second_pin":
            answer = aidcases.SecondSignOff(who, self.pin.text())
        else:
            answer = aidcases.Approval(who, self.reason.text().strip(),
                                       self.pin.text() or None)
        self.approved.emit(self.kind, answer)
        self.accept()
