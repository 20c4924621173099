"""Add or edit a household member; each problem shown beside its field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from helpdesk.domain.families import Relation
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import families
from helpdesk.services import session as sessions
from helpdesk.ui import i18n
from helpdesk.ui.widgets import fit
from helpdesk.ui.widgets.form import Field, focus_first_error, show_errors


class MemberDialog(QDialog):
    saved = Signal()

    def __init__(self, session: sessions.Session, family_id: str, member: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_dialog")
        self.setWindowTitle(self.tr("Edit a household member") if member
                            else self.tr("Add a household member"))
        self.session = session
        self.family_id = family_id
        self.member = member
        relation = QComboBox(self)
        for r in Relation:
            if r is not Relation.HEAD:
                relation.addItem(i18n.label(r), r.value)
        self.fields = {
            "name": Field("name", self.tr("Name"), QLineEdit(self), self),
            "relation": Field("relation", self.tr("Relation to the head"), relation, self),
            "id_number": Field("id_number", self.tr("Resident ID (optional)"), QLineEdit(self),
                               self),
            "birth_date": Field("birth_date", self.tr("Birth date (optional, 2015-09-01)"),
                                QLineEdit(self), self),
            "health": Field("health", self.tr("Health or disability (optional)"),
                            QLineEdit(self), self),
            "school_or_work": Field("school_or_work", self.tr("School or work (optional)"),
                                    QLineEdit(self), self),
        }
        for field in self.fields.values():
            field.clear_on_edit()
        self.message = QLabel(self)
        self.message.setObjectName("member_message")
        self.message.setProperty("class", "field_error")
        self.message.setWordWrap(True)
        self.message.hide()
        save = QPushButton(self.tr("Save"), self)
        save.setObjectName("member_save")
        save.clicked.connect(self._save)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("member_cancel")
        cancel.clicked.connect(self.reject)
        layout = fit.body(self)
        for field in self.fields.values():
            layout.addWidget(field)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        fit.foot(self, buttons)
        fit.fit(self, 460)  # as wide as the window allows, never wider
        if member is not None:
            self._fill(member)

    def _fill(self, m: Any) -> None:
        for name in ("name", "id_number", "health", "school_or_work"):
            self.fields[name].editor.setText(getattr(m, name))  # type: ignore[attr-defined]
        self.fields["birth_date"].editor.setText(  # type: ignore[attr-defined]
            m.birth_date.isoformat() if m.birth_date else "")
        relation: QComboBox = self.fields["relation"].editor  # type: ignore[assignment]
        relation.setCurrentIndex(max(0, relation.findData(m.relation.value)))

    def data(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, field in self.fields.items():
            editor = field.editor
            if isinstance(editor, QComboBox):
                out[name] = editor.currentData()
            else:
                text = editor.text().strip()  # type: ignore[attr-defined]
                if text or name not in ("birth_date",):
                    out[name] = text
        return out

    def _save(self) -> None:
        self.message.hide()
        try:
            if self.member is None:
                families.add_member(self.session, self.family_id, self.data())
            else:
                families.update_member(self.session, self.member.id, self.data(),
                                       base_change_id=self.member.last_change_id)
        except InvalidInput as err:
            rest = show_errors(self.fields, {k: p.text(i18n.short())
                                             for k, p in err.fields().items()})
            focus_first_error(self.fields, None)
            if rest:
                self.message.setText("\n".join(rest))
                self.message.show()
            return
        except KnownError as err:
            if err.code == "id_registered":
                self.fields["id_number"].set_error(i18n.known(err))
                focus_first_error(self.fields, None)
                return
            self.message.setText(i18n.known(err))
            self.message.show()
            return
        self.saved.emit()
        self.accept()
