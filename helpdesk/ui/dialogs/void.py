"""Void an aid: station head only, with the reason written down. The dialog names the receipt
number, the family and the amount, so the head voids the aid they mean to."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from helpdesk.domain import money
from helpdesk.domain.programmes import Kind
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import aid as aidcases
from helpdesk.services import families
from helpdesk.services import session as sessions
from helpdesk.ui import i18n
from helpdesk.ui.widgets import fit
from helpdesk.ui.widgets.form import Field, fit_height


class VoidDialog(QDialog):
    voided = Signal()

    def __init__(self, session: sessions.Session, aid_id: str,
                 parent: QWidget | None = None, reason: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("void_dialog")
        self.setWindowTitle(self.tr("Void aid"))
        self.session = session
        self.aid_id = aid_id
        text = QLabel(self.tr("A voided aid keeps its receipt number, marked void. Record the "
                              "aid again if it was given differently."), self)
        text.setWordWrap(True)
        self.subject = QLabel(self._subject(), self)
        self.subject.setObjectName("void_subject")
        self.subject.setProperty("class", "figure")
        self.subject.setWordWrap(True)
        self.reason = Field("reason", self.tr("Why is it voided?"), QLineEdit(reason, self),
                            self)  # filled in when the union office asked for the void
        self.message = QLabel(self)
        self.message.setObjectName("void_message")
        self.message.setProperty("class", "field_error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.confirm = QPushButton(self.tr("Void"), self)
        self.confirm.setObjectName("void_confirm")
        self.confirm.setProperty("class", "danger")
        self.confirm.clicked.connect(self._void)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("void_cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm)
        layout = fit.body(self)
        layout.addWidget(self.subject)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        fit.foot(self, buttons)
        fit.fit(self, 420)  # as wide as the window allows, never wider

    def _subject(self) -> str:
        """Receipt ZRTJ-2026-00001 · 张三 · ¥500.00 (the amount, the goods' value or the
        service)."""
        aid = aidcases.get(self.session, self.aid_id)
        family = families.get(self.session, aid.family_id).head_name
        what = (aid.service_note if aid.kind is Kind.SERVICE
                else money.format_fen(aid.amount_fen, symbol=True))
        return (self.tr("Receipt {receipt}\n{family} · {what}")
                .replace("{receipt}", aid.receipt_no).replace("{family}", family)
                .replace("{what}", what))

    def _void(self) -> None:
        self.reason.set_error("")
        self.message.hide()
        try:
            aidcases.void_aid(self.session, self.aid_id, self.reason.editor.text())  # type: ignore[attr-defined]
        except InvalidInput as err:
            self.reason.set_error("; ".join(p.text(i18n.short()) for p in err.fields().values()))
            fit_height(self)
            return
        except KnownError as err:
            self.message.setText(i18n.known(err))
            self.message.show()
            fit_height(self)
            return
        self.voided.emit()
        self.accept()
