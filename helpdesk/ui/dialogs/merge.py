"""Merge two registrations of one household (station head): pick the other registration,
which of the two is kept, and why; then confirm. Aid and caps then count as one family."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from helpdesk.domain import idcard
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import review
from helpdesk.services import session as sessions
from helpdesk.ui import i18n
from helpdesk.ui.pages.base import fit_to_rows, kinetic
from helpdesk.ui.widgets import fit
from helpdesk.ui.widgets.form import Field, show_errors

FAMILY_ID = Qt.ItemDataRole.UserRole


def describe(family: Any) -> str:
    """Name, masked document number, phone and address: enough to tell two apart."""
    number = family.id_number or ""
    if getattr(family.id_kind, "value", "") == "resident_id":
        number = idcard.mask(number)
    return " · ".join(b for b in (family.head_name, number, family.phone, family.address) if b)


class MergeDialog(QDialog):
    merged = Signal(str)  # the id of the family kept

    def __init__(self, session: sessions.Session, family: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("Merge duplicate families"))
        self.session = session
        self.family = family
        intro = QLabel(self.tr("{family} may be registered twice. Choose the other "
                               "registration, the one to keep, and write why.")
                       .replace("{family}", describe(family)), self)
        intro.setWordWrap(True)
        self.candidates = QListWidget(self)
        self.candidates.setWordWrap(True)
        kinetic(self.candidates)
        try:
            found = review.merge_candidates(session, family.id)
        except KnownError as err:
            found = []
            intro.setText(i18n.known(err))
        for other in found:
            item = QListWidgetItem(describe(other))
            item.setData(FAMILY_ID, other.id)
            self.candidates.addItem(item)
        if found:
            self.candidates.setCurrentRow(0)
        fit_to_rows(self.candidates)
        self.keep = QComboBox(self)
        self.keep.addItem(self.tr("This family ({name})").replace("{name}", family.head_name),
                          "this")
        self.keep.addItem(self.tr("The chosen registration"), "other")
        self.fields = {
            "merge_id": Field("merge_with", self.tr("The other registration"), self.candidates,
                              self),
            "keep_id": Field("merge_keep", self.tr("Keep"), self.keep, self),
            "reason": Field("merge_reason", self.tr("Why are they the same family?"),
                            QLineEdit(self), self),
        }
        self.none = QLabel(self.tr("No likely duplicate of this family was found."), self)
        self.none.setObjectName("merge_none")
        self.none.setWordWrap(True)
        self.none.setVisible(not found)
        self.message = QLabel(self)
        self.message.setObjectName("merge_message")
        self.message.setProperty("class", "field_error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.confirm = QPushButton(self.tr("Merge"), self)
        self.confirm.setObjectName("merge_confirm")
        self.confirm.setProperty("class", "danger")
        self.confirm.setEnabled(bool(found))
        self.confirm.clicked.connect(self._merge)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("merge_cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm)
        layout = fit.body(self)
        layout.addWidget(intro)
        layout.addWidget(self.none)
        for field in self.fields.values():
            field.setVisible(bool(found))
            layout.addWidget(field)
        layout.addWidget(self.message)
        fit.foot(self, buttons)
        fit.fit(self, 460)  # as wide as the window allows, never wider

    def reason_edit(self) -> QLineEdit:
        return self.fields["reason"].editor  # type: ignore[return-value]

    def _merge(self) -> None:
        self.message.hide()
        show_errors(self.fields, {})
        item = self.candidates.currentItem()
        other = str(item.data(FAMILY_ID)) if item is not None else ""
        keep_this = self.keep.currentData() == "this"
        keep_id, merge_id = (self.family.id, other) if keep_this else (other, self.family.id)
        try:
            review.merge_families(self.session, keep_id=keep_id, merge_id=merge_id,
                                  reason=self.reason_edit().text())
        except InvalidInput as err:
            rest = show_errors(self.fields, {k: p.text(i18n.short())
                                             for k, p in err.fields().items()})
            if rest:
                self.message.setText("\n".join(rest))
                self.message.show()
            return
        except KnownError as err:
            self.message.setText(i18n.known(err))
            self.message.show()
            return
        self.merged.emit(keep_id)
        self.accept()
