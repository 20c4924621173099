"""About: version, station and device codes, data folder, licences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from helpdesk import __version__
from helpdesk.ui.pages.base import Page
from helpdesk.ui.widgets.reflow import long_path

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell


class AboutPage(Page):
    nav_parent = "settings"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("About Helpdesk"))
        self.text = QLabel(self)
        self.text.setObjectName("about_text")
        self.text.setWordWrap(True)
        long_path(self.text)  # it names the data folder
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.content.addWidget(self.text)
        back = QPushButton(self.tr("Back to Settings"), self)
        back.setObjectName("about_back")
        back.clicked.connect(lambda: shell.go("settings"))
        self.content.addWidget(back)
        self.content.addStretch(1)

    def load(self) -> None:
        s = self.session
        code = s.station.code
        lines = [
            self.tr("Helpdesk {version}: the aid register of a trade-union help station.")
            .replace("{version}", __version__),
            self.tr("Station: {name}").replace("{name}", s.station.name),
            (self.tr("Station code: {code} (provisional until the station enrolls with the "
                     "central server)") if s.station.code_provisional
             else self.tr("Station code: {code}")).replace("{code}", code),
            self.tr("This laptop's device code: {code}").replace("{code}", s.device.code),
            self.tr("Data folder: {folder}").replace("{folder}", str(s.paths.data_dir)),
            self.tr("Licence: Apache-2.0. Chinese text uses the Noto Sans CJK fonts "
                    "(SIL Open Font License)."),
        ]
        self.text.setText("\n\n".join(lines))
