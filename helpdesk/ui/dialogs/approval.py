"""Every approval an aid needs, in one dialog, before the recipient signs: a station head's
override with a reason (programme cap, clock behind) and a second volunteer's PIN for cash
above the station's threshold. The head always types their PIN, also for their own override."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from helpdesk.domain.aid import ApprovalKind, Need
from helpdesk.errors import KnownError
from helpdesk.services import aid as aidcases
from helpdesk.services import session as sessions
from helpdesk.services import volunteers
from helpdesk.ui import i18n
from helpdesk.ui.widgets import fit
from helpdesk.ui.widgets.form import Field


def _pin(parent: QWidget) -> QLineEdit:
    pin = QLineEdit(parent)
    pin.setEchoMode(QLineEdit.EchoMode.Password)
    pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return pin


class ApprovalDialog(QDialog):
    """Emits `approved` with {ApprovalKind: Verified}: the PINs checked here, once; `give_aid`
    takes them without checking again."""

    approved = Signal(object)

    def __init__(self, session: sessions.Session, needs: list[Need],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approval_dialog")
        self.setWindowTitle(self.tr("Approvals before signing"))
        self.session = session
        self.needs = needs
        self.kinds = [n.kind for n in needs]
        layout = fit.body(self)
        me = session.volunteer
        self.reasons: dict[ApprovalKind, Field] = {}
        self.head: QComboBox | None = None
        self.head_pin: Field | None = None
        self.helper: QComboBox | None = None
        self.helper_pin: Field | None = None
        heads = [n for n in needs if n.kind.by_head]
        for need in heads:
            why = QLabel(need.text(i18n.short()), self)
            why.setObjectName(f"approval_why_{need.kind.value}")
            why.setWordWrap(True)
            reason = QLineEdit(self)
            self.reasons[need.kind] = Field(
                f"reason_{need.kind.value}", self.tr("{what}: reason (written on the record)")
                .replace("{what}", i18n.label(need.kind)), reason, self)
            layout.addWidget(why)
            layout.addWidget(self.reasons[need.kind])
        if heads:
            self.head = QComboBox(self)
            for v in volunteers.heads(session):
                self.head.addItem(v.name, v.id)
            mine = self.head.findData(me.id)
            if mine >= 0:
                self.head.setCurrentIndex(mine)
            self.head_pin = Field("head_pin", self.tr("The station head's PIN"), _pin(self), self)
            layout.addWidget(Field("head", self.tr("Station head"), self.head, self))
            layout.addWidget(self.head_pin)
        if ApprovalKind.SECOND_VOLUNTEER in self.kinds:
            need = next(n for n in needs if n.kind is ApprovalKind.SECOND_VOLUNTEER)
            why = QLabel(need.text(i18n.short()), self)
            why.setObjectName("approval_why_second_pin")
            why.setWordWrap(True)
            self.helper = QComboBox(self)
            for h in sessions.holders(session.paths):
                if h.id != me.id:
                    self.helper.addItem(h.name, h.id)
            self.helper_pin = Field("helper_pin", self.tr("Their PIN"), _pin(self), self)
            helper_field = Field("helper", self.tr("Second volunteer"), self.helper, self)
            for w in (why, helper_field, self.helper_pin):
                layout.addWidget(w)
            if self.helper.count() == 0:
                helper_field.set_error(self.tr("Nobody else can sign off: add a volunteer first"))
        self.ok = QPushButton(self.tr("Approve"), self)
        self.ok.setObjectName("approval_ok")
        self.ok.setProperty("class", "primary")
        self.ok.clicked.connect(self._approve)
        self.ok.setEnabled(self.helper is None or self.helper.count() > 0)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("approval_cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        fit.foot(self, buttons)
        fit.fit(self, 460)  # as wide as the window allows, never wider

    def _text(self, field: Field | None) -> str:
        editor = field.editor if field is not None else None
        return editor.text() if isinstance(editor, QLineEdit) else ""

    def _approve(self) -> None:
        missing = False
        for field in self.reasons.values():
            field.set_error("" if self._text(field).strip() else self.tr("Write the reason"))
            missing = missing or not self._text(field).strip()
        for pin in (self.head_pin, self.helper_pin):
            if pin is not None:
                pin.set_error("" if self._text(pin) else self.tr("Type the PIN"))
                missing = missing or not self._text(pin)
        if missing:
            return
        answers: dict[ApprovalKind, aidcases.Given] = {}
        for kind, field in self.reasons.items():
            assert self.head is not None
            answers[kind] = aidcases.Approval(str(self.head.currentData()),
                                              self._text(field).strip(), self._text(self.head_pin))
        if self.helper is not None:
            answers[ApprovalKind.SECOND_VOLUNTEER] = aidcases.SecondSignOff(
                str(self.helper.currentData()), self._text(self.helper_pin))
        verified: dict[ApprovalKind, aidcases.Given] = {}
        # The head's needs together (one PIN, checked once), then the second volunteer's, so
        # a wrong PIN is shown beside its own field.
        for by_head, field in ((True, self.head_pin), (False, self.helper_pin)):
            group = {k: v for k, v in answers.items() if k.by_head is by_head}
            if not group:
                continue
            try:
                verified |= aidcases.check_approvals(
                    self.session, [n for n in self.needs if n.kind in group], group)
            except KnownError as err:
                if field is not None:
                    field.set_error(i18n.known(err))
                return
        self.approved.emit(verified)
        self.accept()


def ask(parent: QWidget, session: sessions.Session, wanted: list[Need],
        approvals: dict[ApprovalKind, aidcases.Given], then: Callable[[], None]
        ) -> ApprovalDialog:
    """One dialog for every approval in `wanted` (give aid, a paper line): the answers go
    into `approvals`, then `then` runs once they are all given."""
    dialog = ApprovalDialog(session, wanted, parent)

    def approved(answers: dict[ApprovalKind, aidcases.Given]) -> None:
        approvals.update(answers)
        then()

    dialog.approved.connect(approved)
    dialog.open()
    return dialog
