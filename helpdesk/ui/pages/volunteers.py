"""Volunteers (station head only): add, remove (re-keys the database), new PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from helpdesk.domain.station import Role
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import session as sessions
from helpdesk.services import volunteers
from helpdesk.ui import i18n
from helpdesk.ui.pages.base import Page, fit_to_rows, kinetic
from helpdesk.ui.widgets.form import Field, show_errors

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

VOLUNTEER_ID = Qt.ItemDataRole.UserRole


def _pin_edit(parent: QLabel | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return edit


class VolunteersPage(Page):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Volunteers"))
        self.list = QListWidget(self)
        self.list.setObjectName("volunteer_admin_list")
        kinetic(self.list)
        self.content.addWidget(self.list)
        self.new_pin = Field("new_pin", self.tr("New PIN for the chosen volunteer"),
                             _pin_edit(), self)
        reset = QPushButton(self.tr("Set the new PIN"), self)
        reset.setObjectName("volunteer_reset_pin")
        reset.clicked.connect(self._reset_pin)
        remove = QPushButton(self.tr("Remove the chosen volunteer"), self)
        remove.setObjectName("volunteer_remove")
        remove.setProperty("class", "danger")
        remove.clicked.connect(self._remove)
        for w in (self.new_pin, reset, remove):
            self.content.addWidget(w)
        heading = QLabel(self.tr("Add a volunteer"), self)
        heading.setProperty("class", "section")
        self.content.addWidget(heading)
        role = QComboBox(self)
        for r in (Role.VOLUNTEER, Role.HEAD):
            role.addItem(i18n.label(r), r.value)
        self.fields = {"name": Field("name", self.tr("Name"), QLineEdit(self), self),
                       "pin": Field("pin", self.tr("PIN (6 to 12 digits)"), _pin_edit(), self),
                       "role": Field("role", self.tr("Role"), role, self)}
        for field in self.fields.values():
            self.content.addWidget(field)
        add = QPushButton(self.tr("Add the volunteer"), self)
        add.setObjectName("volunteer_add")
        add.clicked.connect(self._add)
        self.content.addWidget(add)
        self.content.addStretch(1)

    def load(self) -> None:
        self.say("")
        self.list.clear()
        for h in sessions.holders(self.session.paths):
            role = self.tr("station head") if h.role == "head" else self.tr("volunteer")
            item = QListWidgetItem(f"{h.name} · {role}")
            item.setData(VOLUNTEER_ID, h.id)
            self.list.addItem(item)
        fit_to_rows(self.list)

    def _chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(VOLUNTEER_ID) if item else None

    def _add(self) -> None:
        show_errors(self.fields, {})
        name = self.fields["name"].editor.text()  # type: ignore[attr-defined]
        pin = self.fields["pin"].editor.text()  # type: ignore[attr-defined]
        role = self.fields["role"].editor.currentData()  # type: ignore[attr-defined]
        try:
            volunteers.add_volunteer(self.session, name, pin, role)
        except InvalidInput as err:
            rest = show_errors(self.fields, {k: p.text(i18n.short())
                                             for k, p in err.fields().items()})
            self.say("\n".join(rest), error=bool(rest))
            return
        except KnownError as err:
            self.say_error(err)
            return
        self.fields["name"].editor.clear()  # type: ignore[attr-defined]
        self.fields["pin"].editor.clear()  # type: ignore[attr-defined]
        self.load()
        self.shell.refresh_status()
        self.say(self.tr("{name} can now sign in").replace("{name}", name.strip()))

    def _remove(self) -> None:
        chosen = self._chosen()
        if chosen:
            self._run(lambda: volunteers.remove_volunteer(self.session, chosen),
                      self.tr("Removed; the station's key was changed"))

    def _reset_pin(self) -> None:
        chosen = self._chosen()
        pin = self.new_pin.editor.text()  # type: ignore[attr-defined]
        if chosen:
            self._run(lambda: volunteers.reset_pin(self.session, chosen, pin),
                      self.tr("The new PIN is set"))
            self.new_pin.editor.clear()  # type: ignore[attr-defined]

    def _run(self, action: object, done: str) -> None:
        try:
            action()  # type: ignore[operator]
        except KnownError as err:
            self.say_error(err)
            return
        self.load()
        self.shell.refresh_status()
        self.say(done)
