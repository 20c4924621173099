"""Settings: language, idle lock, cash threshold, data folder, backup and restore, About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
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
from helpdesk.ui import i18n, workers
from helpdesk.ui.dialogs.export import ExportSection
from helpdesk.ui.pages.base import Page, fit_to_rows, kinetic
from helpdesk.ui.widgets.dibao_line import DibaoLine
from helpdesk.ui.widgets.form import Field, focus_first_error
from helpdesk.ui.widgets.reflow import long_path
from helpdesk.ui.widgets.usb_sync import UsbSync

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
        self.released = False  # the session closed: late answers from workers are dropped
        self.folder = QLabel(self)
        self.folder.setObjectName("data_folder")
        self.folder.setWordWrap(True)
        long_path(self.folder)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for field in (Field("language", self.tr("Language"), self.language, self),
                      Field("idle", self.tr("Lock the screen after no use for"), self.idle, self),
                      self.threshold_field):
            self.content.addWidget(field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.threshold_cancel)
        buttons.addWidget(self.threshold_save, 1)
        self.content.addLayout(buttons)
        self.dibao = DibaoLine(self)
        self.dibao.saved.connect(self.say)
        self.dibao.failed.connect(self.say_error)
        self.content.addWidget(self.dibao)
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
        self.backup_folder = QLabel(self)
        self.backup_folder.setObjectName("backup_folder")
        self.backup_folder.setWordWrap(True)
        long_path(self.backup_folder)
        self.backup_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.content.addWidget(Field("backup_folder", self.tr("Backups go to"),
                                     self.backup_folder, self))
        self.choose_folder_button = QPushButton(self.tr("Choose the backup folder…"), self)
        self.choose_folder_button.setObjectName("choose_backup_folder")
        self.choose_folder_button.clicked.connect(self._choose_folder)
        self.own_folder_button = QPushButton(self.tr("Back up in the station's own folder"),
                                             self)
        self.own_folder_button.setObjectName("own_backup_folder")
        self.own_folder_button.clicked.connect(lambda: self._set_folder(None))
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(self.choose_folder_button, 1)
        folder_buttons.addWidget(self.own_folder_button, 1)
        self.content.addLayout(folder_buttons)
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
        self.exports = ExportSection(lambda: self.session, self)
        self.content.addWidget(self.exports)
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
        self.usb = UsbSync(self)
        self.content.addWidget(self.usb)
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
        self.dibao.load(s)
        self.folder.setText(str(s.paths.data_dir))
        self._load_receipt_settings()
        self.load_backups()
        head = s.volunteer.is_head
        self.choose_folder_button.setVisible(head)
        self.own_folder_button.setVisible(head and backups.chosen_folder(s) is not None)
        self.exports.setVisible(head)
        self.load_server()

    def load_backups(self) -> None:
        """Where backups go, and those there (newest first)."""
        s = self.session
        chosen = backups.chosen_folder(s)
        where = str(backups.destination(s))
        self.backup_folder.setText(where if chosen is not None else
                                   self.tr("{folder} (the station's own folder)").replace(
                                       "{folder}", where))
        self.backup_list.clear()
        try:
            found = backups.listing(s)
        except OSError:  # a drive pulled out: nothing to list, the next backup says why
            found = []
        for path in found:
            item = QListWidgetItem(path.name)
            item.setData(BACKUP_PATH, str(path))
            self.backup_list.addItem(item)
        fit_to_rows(self.backup_list)
        self._backup_running(False)

    def _backup_running(self, running: bool) -> None:
        """While a backup is written: its button says so, nothing else about backups moves."""
        head = self.session.volunteer.is_head
        self.backup_button.setEnabled(not running)
        self.backup_button.setText(self.tr("Backing up…") if running else
                                   self.tr("Back up now"))
        self.choose_folder_button.setEnabled(not running)
        self.own_folder_button.setEnabled(not running)
        self.restore_button.setEnabled(head and not running)
        self.backup_list.setEnabled(head and not running)

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

    def release(self) -> None:
        self.released = True
        self.exports.release()

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
        return self.threshold.text().strip() != self.threshold_saved or self.dibao.is_dirty()

    def discard(self) -> None:
        self.threshold.setText(self.threshold_saved)
        self.threshold_field.set_error("")
        self.dibao.discard()

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
            job = backups.job(self.session)
        except KnownError as err:
            self.say_error(err)
            return
        self._backup_running(True)
        self.say(self.tr("Backing up…"))
        workers.run(lambda: backups.write(job), self._backed_up, self._backup_failed)

    def _backed_up(self, folder: Path) -> None:
        if self.released:  # signed out meanwhile: the backup stands, unaudited
            return
        try:
            backups.record(self.session, folder)
        except KnownError as err:
            self.say_error(err)
        else:
            self.say(self.tr("Backed up to {folder}").replace("{folder}", str(folder)))
        self.load_backups()

    def _backup_failed(self, err: Exception) -> None:
        if self.released:
            return
        self._backup_running(False)
        if not isinstance(err, KnownError):
            raise err
        self.say_error(err)

    def _choose_folder(self) -> None:
        start = str(backups.chosen_folder(self.session) or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"),
                                                  start)
        if chosen:
            self._set_folder(Path(chosen))

    def _set_folder(self, folder: Path | None) -> None:
        try:
            backups.choose_folder(self.session, folder)
        except KnownError as err:
            self.say_error(err)
            return
        self.load()
        self.say(self.tr("Backups go to {folder}").replace(
            "{folder}", str(backups.destination(self.session))))

    def _restore(self) -> None:
        item = self.backup_list.currentItem()
        if item is None:
            self.say(self.tr("Choose a backup first"), error=True)
            return
        self.shell.restore_requested.emit(Path(item.data(BACKUP_PATH)))
