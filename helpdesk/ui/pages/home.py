"""Home: today's aid, changes waiting to sync, and the two things volunteers do most."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton

from helpdesk.domain import money
from helpdesk.services import status
from helpdesk.ui.pages.base import Page

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell


class HomePage(Page):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Today"))
        self.greeting = QLabel(self)
        self.greeting.setObjectName("greeting")
        self.greeting.setWordWrap(True)
        self.figures = QGridLayout()
        self.figures.setHorizontalSpacing(16)
        self.count_label = self._figure("today_count", self.tr("Aid given today"), 0)
        self.total_label = self._figure("today_total", self.tr("Total today (yuan)"), 1)
        self.waiting_label = self._figure("waiting_count", self.tr("Changes waiting to sync"), 2)
        self.families_label = self._figure("family_count", self.tr("Families registered"), 3)
        self.give_button = QPushButton(self.tr("Give aid"), self)
        self.give_button.setObjectName("home_give_aid")
        self.give_button.setProperty("class", "big")
        self.give_button.clicked.connect(self._give)
        self.register_button = QPushButton(self.tr("Register a family"), self)
        self.register_button.setObjectName("home_register")
        self.register_button.setProperty("class", "big")
        self.register_button.clicked.connect(lambda: shell.go("family_form", None))
        self.content.addWidget(self.greeting)
        self.content.addLayout(self.figures)
        # After an outage: the aid handed over on paper is typed back from here.
        self.paper_button = QPushButton(self.tr("Enter aid from a paper sheet"), self)
        self.paper_button.setObjectName("home_paper_entry")
        self.paper_button.clicked.connect(lambda: shell.go("paper_entry"))
        self.content.addWidget(self.give_button)
        self.content.addWidget(self.register_button)
        self.content.addWidget(self.paper_button)
        self.close_day_button = QPushButton(self.tr("Close the day"), self)
        self.close_day_button.setObjectName("home_close_day")
        self.close_day_button.clicked.connect(self.close_day)
        self.content.addWidget(self.close_day_button)
        self.content.addStretch(1)

    def _figure(self, name: str, caption: str, row: int) -> QLabel:
        text = QLabel(caption, self)
        text.setWordWrap(True)
        value = QLabel(self)
        value.setObjectName(name)
        value.setProperty("class", "figure")
        self.figures.addWidget(text, row, 0)
        self.figures.addWidget(value, row, 1)
        return value

    def load(self) -> None:
        today = status.today(self.session)
        self.greeting.setText(self.tr("Hello, {name}. {date}")
                              .replace("{name}", self.session.volunteer.name)
                              .replace("{date}", self.session.today().isoformat()))
        self.count_label.setText(str(today.aid_count))
        self.total_label.setText(money.format_fen(today.total_fen))
        self.waiting_label.setText(str(today.waiting_changes))
        self.families_label.setText(str(today.families))
        self.shell.refresh_status(today.waiting_changes)

    def close_day(self) -> None:
        from helpdesk.ui.dialogs import close_day, closes

        dialog = close_day.CloseDayDialog(self.session, self)
        dialog.closed.connect(lambda c: closes.SlipDialog(self.session, c, self).open())
        dialog.open()

    def _give(self) -> None:
        page = self.shell.go("families")
        page.say(self.tr("Find the family first, then choose Give aid on its page."))  # type: ignore[attr-defined]
