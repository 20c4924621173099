"""Settings: language, idle lock, cash threshold, data folder, backup and restore, About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from helpdesk.domain import money
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.receipts import page as receipt_page
from helpdesk.receipts import printing
from helpdesk.services import backups, receipts, station, station_sync
from helpdesk.ui import i18n
from helpdesk.ui.pages.base import Page, fit_to_rows, kinetic
from helpdesk.ui.widgets.form import Field, focus_first_error

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

IDLE_CHOICES = (1, 2, 5, 10, 15, 30, 60)
BACKUP_PATH = Qt.ItemDataRole.UserRole


class SettingsPage(Page):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Settings"))
        self.language = QComboBox(self)
        for lang in i18n.LANGUAGES:
            self.language.addItem(i18n.language_name(lang), lang)
        self.language.setCurrentIndex(self.language.findData(i18n.current()))
        self.language.activated.connect(self._language)
        self.idle = QComboBox(self)
        for minutes in IDLE_CHOICES:
            self.idle.addItem(self.tr("{n} minutes").replace("{n}", str(minutes)), minutes)
        self.idle.activated.connect(self._idle)
        self.threshold = QLineEdit(self)
        self.threshold.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.threshold_field = Field("threshold", self.tr("Cash above this needs a second "
                                                          "volunteer's PIN (yuan)"),
                                     self.threshold, self)
        self.threshold_save = QPushButton(self.tr("Save the amount"), self)
        self.threshold_save.setObjectName("save_threshold")
        self.threshold_save.clicked.connect(self._save_threshold)
        self.threshold.returnPressed.connect(self._save_threshold)
        self.threshold_field.clear_on_edit()
        self.threshold_cancel = QPushButton(self.tr("Cancel"), self)
        self.threshold_cancel.setObjectName("cancel_threshold")
        self.threshold_cancel.clicked.connect(self.discard)
        self.threshold_saved = ""  # the amount as loaded or last saved
        self.folder = QLabel(self)
        self.folder.setObjectName("data_folder")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for field in (Field("language", self.tr("Language"), self.language, self),
                      Field("idle", self.tr("Lock the screen after no use for"), self.idle, self),
                      self.threshold_field):
            self.content.addWidget(field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.threshold_cancel)
        buttons.addWidget(self.threshold_save, 1)
        self.content.addLayout(buttons)
        self.content.addWidget(Field("folder", self.tr("Data folder"), self.folder, self))
        self.receipt_format = QComboBox(self)
        self.receipt_format.setObjectName("receipt_format")
        for name, fmt in receipt_page.FORMATS.items():
            self.receipt_format.addItem(fmt.zh if i18n.short() == "zh" else fmt.en, name)
        self.receipt_lang = QComboBox(self)
        self.receipt_lang.setObjectName("receipt_lang")
        self.receipt_lang.addItem(self.tr("Chinese"), "zh")
        self.receipt_lang.addItem(self.tr("Chinese and English"), "zh+en")
        self.printer = QComboBox(self)
        self.printer.setObjectName("receipt_printer")
        for box in (self.receipt_format, self.receipt_lang, self.printer):
            box.activated.connect(self._save_receipt_settings)
        for field in (Field("receipt_format", self.tr("Receipt paper"), self.receipt_format, self),
                      Field("receipt_lang", self.tr("Receipt language"), self.receipt_lang, self),
                      Field("receipt_printer", self.tr("Receipt printer"), self.printer, self)):
            self.content.addWidget(field)
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self._backup)
        self.content.addWidget(self.backup_button)
        self.backup_list = QListWidget(self)
        self.backup_list.setObjectName("backup_list")
        kinetic(self.backup_list)
        self.restore_button = QPushButton(self.tr("Restore the chosen backup"), self)
        self.restore_button.setObjectName("restore_backup")
        self.restore_button.setProperty("class", "danger")
        self.restore_button.clicked.connect(self._restore)
        self.content.addWidget(Field("backups", self.tr("Backups (newest first)"),
                                     self.backup_list, self))
        self.content.addWidget(self.restore_button)
        heading = QLabel(self.tr("Server"), self)
        heading.setProperty("class", "section")
        self.content.addWidget(heading)
        self.server = QLabel(self)
        self.server.setObjectName("server_state")
        self.server.setWordWrap(True)
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.content.addWidget(self.server)
        self.connect_button = QPushButton(self.tr("Connect to a server"), self)
        self.connect_button.setObjectName("open_connect")
        self.connect_button.clicked.connect(shell.connect_server)
        self.content.addWidget(self.connect_button)
        self.review_button = QPushButton(self.tr("Review"), self)
        self.review_button.setObjectName("open_review")
        self.review_button.clicked.connect(lambda: shell.go("review"))
        self.content.addWidget(self.review_button)
        self.volunteers_button = QPushButton(self.tr("Volunteers"), self)
        self.volunteers_button.setObjectName("open_volunteers")
        self.volunteers_button.clicked.connect(lambda: shell.go("volunteers"))
        self.content.addWidget(self.volunteers_button)
        self.about_button = QPushButton(self.tr("About Helpdesk"), self)
        self.about_button.setObjectName("open_about")
        self.about_button.clicked.connect(lambda: shell.go("about"))
        self.content.addWidget(self.about_button)
        self.content.addStretch(1)

    def load(self) -> None:
        s = self.session
        minutes = self.shell.prefs.idle_minutes
        index = self.idle.findData(int(minutes)) if minutes >= 1 else -1
        if index < 0:
            self.idle.addItem(self.tr("{n} minutes").replace("{n}", f"{minutes:g}"), minutes)
            index = self.idle.count() - 1
        self.idle.setCurrentIndex(index)
        self.threshold_saved = money.format_fen(s.station.cash_threshold_fen)
        self.threshold.setText(self.threshold_saved)
        self.threshold_field.set_error("")
        self.threshold.setReadOnly(not s.volunteer.is_head)
        self.threshold_save.setVisible(s.volunteer.is_head)
        self.threshold_cancel.setVisible(s.volunteer.is_head)
        self.folder.setText(str(s.paths.data_dir))
        self._load_receipt_settings()
        self.backup_list.clear()
        folder = s.paths.backups
        found = sorted(folder.iterdir(), reverse=True) if folder.exists() else []
        for path in found:
            item = QListWidgetItem(path.name)
            item.setData(BACKUP_PATH, str(path))
            self.backup_list.addItem(item)
        fit_to_rows(self.backup_list)
        head = s.volunteer.is_head
        self.restore_button.setEnabled(head)
        self.backup_list.setEnabled(head)
        self.volunteers_button.setVisible(head)
        self.review_button.setVisible(head)
        self.load_server()

    def load_server(self) -> None:
        """Which server the station syncs with; a head can connect it when it has none."""
        found = station_sync.enrollment(self.session)
        if found is None:
            self.server.setText(self.tr("Not connected to a server. Without one, aid records "
                                        "stay on this laptop."))
        else:
            self.server.setText(self.tr("Connected to {url} as station {code}").replace(
                "{url}", found.server_url).replace("{code}", found.station_code))
        self.connect_button.setVisible(found is None and self.session.volunteer.is_head)

    def refresh_after_sync(self) -> None:
        self.load_server()

    def _load_receipt_settings(self) -> None:
        chosen = receipts.settings(self.session)
        self.printer.clear()
        self.printer.addItem(self.tr("No printer (save receipts as PDF)"), "")
        for p in printing.printers():
            self.printer.addItem(p.description, p.name)
        if chosen.printer and self.printer.findData(chosen.printer) < 0:
            self.printer.addItem(self.tr("{name} (not found now)").replace(
                "{name}", chosen.printer), chosen.printer)
        for box, value in ((self.receipt_format, chosen.format),
                           (self.receipt_lang, chosen.lang), (self.printer, chosen.printer)):
            box.setCurrentIndex(max(0, box.findData(value)))

    def _save_receipt_settings(self, _index: int = 0) -> None:
        try:
            receipts.save_settings(self.session, receipts.Settings(
                format=self.receipt_format.currentData(), lang=self.receipt_lang.currentData(),
                printer=self.printer.currentData()))
        except KnownError as err:
            self.say_error(err)
            return
        self.say(self.tr("Saved"))

    # Leaving: only the cash amount is typed and saved by a button; the lists save when picked
    def is_dirty(self) -> bool:
        return self.threshold.text().strip() != self.threshold_saved

    def discard(self) -> None:
        self.threshold.setText(self.threshold_saved)
        self.threshold_field.set_error("")

    def _save_threshold(self) -> None:
        self.threshold_field.set_error("")
        try:
            fen = station.set_cash_threshold(self.session, self.threshold.text())
        except InvalidInput as err:
            problem = next(iter(err.fields().values()))
            self.threshold_field.set_error(problem.text(i18n.short()))
            focus_first_error({"threshold": self.threshold_field}, self.scroll_area)
            return
        except KnownError as err:
            self.say_error(err)
            return
        self.threshold_saved = money.format_fen(fen)
        self.threshold.setText(self.threshold_saved)
        self.say(self.tr("Saved"))

    def _language(self, _index: int) -> None:
        chosen = self.language.currentData()
        if chosen != i18n.current():
            self.shell.language_chosen.emit(chosen)

    def _idle(self, _index: int) -> None:
        self.shell.prefs.idle_minutes = float(self.idle.currentData())
        self.shell.idle_time_changed.emit()
        self.say(self.tr("Saved"))

    def _backup(self) -> None:
        try:
            folder = backups.backup_now(self.session)
        except KnownError as err:
            self.say_error(err)
            return
        self.load()
        self.say(self.tr("Backed up to {folder}").replace("{folder}", str(folder)))

    def _restore(self) -> None:
        item = self.backup_list.currentItem()
        if item is None:
            self.say(self.tr("Choose a backup first"), error=True)
            return
        self.shell.restore_requested.emit(Path(item.data(BACKUP_PATH)))
