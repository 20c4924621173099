"""Programmes: what the station gives out; a head creates local ones while not enrolled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPushButton

from helpdesk.domain import money
from helpdesk.domain.programmes import Kind
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import programmes
from helpdesk.ui import i18n
from helpdesk.ui.pages.base import Page, fit_to_rows, kinetic
from helpdesk.ui.widgets.form import Field, show_errors

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell


class ProgrammesPage(Page):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Programmes"))
        self.list = QListWidget(self)
        self.list.setObjectName("programme_list")
        self.list.setWordWrap(True)
        kinetic(self.list)
        self.content.addWidget(self.list)
        self.new_title = QLabel(self.tr("New local programme"), self)
        self.new_title.setProperty("class", "section")
        self.content.addWidget(self.new_title)
        kind = QComboBox(self)
        for k in Kind:
            kind.addItem(i18n.label(k), k.value)
        self.fields = {
            "code": Field("code", self.tr("Code, e.g. LOCAL-2026"), QLineEdit(self), self),
            "name_zh": Field("name_zh", self.tr("Name in Chinese"), QLineEdit(self), self),
            "name_en": Field("name_en", self.tr("Name in English (optional)"), QLineEdit(self),
                             self),
            "kind": Field("kind", self.tr("Kind"), kind, self),
            "starts_on": Field("starts_on", self.tr("Starts on (2026-01-01)"), QLineEdit(self),
                               self),
            "ends_on": Field("ends_on", self.tr("Ends on (2026-12-31)"), QLineEdit(self), self),
            "limit_per_family": Field("limit_per_family", self.tr("Times per family"),
                                      QLineEdit("1", self), self),
        }
        for field in self.fields.values():
            self.content.addWidget(field)
        self.create_button = QPushButton(self.tr("Create the programme"), self)
        self.create_button.setObjectName("programme_create")
        self.create_button.clicked.connect(self.create_programme)
        self.content.addWidget(self.create_button)
        self.content.addStretch(1)

    def load(self) -> None:
        self.say("")
        self.list.clear()
        today = self.session.today()
        for p in programmes.all_programmes(self.session):
            state = self.tr("open") if p.open_on(today) else self.tr("closed")
            self.list.addItem(
                f"{p.code}  {p.name(i18n.short())}\n{i18n.label(p.kind)} · "
                f"{p.starts_on} – {p.ends_on} · "
                + self.tr("{n} per family").replace("{n}", str(p.limit_per_family))
                + f" · {state}"
                + (" · " + self.tr("budget {amount} yuan").replace(
                    "{amount}", money.format_fen(p.budget_fen)) if p.budget_fen else ""))
        fit_to_rows(self.list)
        can_create = self.session.volunteer.is_head and not self.session.station.enrolled
        for w in (self.new_title, self.create_button, *self.fields.values()):
            w.setVisible(can_create)

    def create_programme(self) -> None:
        data: dict[str, object] = {}
        for name, field in self.fields.items():
            editor = field.editor
            data[name] = (editor.currentData() if isinstance(editor, QComboBox)
                          else editor.text().strip())  # type: ignore[attr-defined]
        show_errors(self.fields, {})
        try:
            programmes.create_local_programme(self.session, data)
        except InvalidInput as err:
            rest = show_errors(self.fields, {k: p.text(i18n.short())
                                             for k, p in err.fields().items()})
            self.say("\n".join(rest), error=bool(rest))
            return
        except KnownError as err:
            self.say_error(err)
            return
        for name in ("code", "name_zh", "name_en", "starts_on", "ends_on"):
            self.fields[name].editor.clear()  # type: ignore[attr-defined]
        self.load()
        self.shell.refresh_status()
        self.say(self.tr("Programme created"))
