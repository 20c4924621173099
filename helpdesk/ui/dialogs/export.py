"""Export the aid ledger (台账) or the family roster as .xlsx (station head): what, which dates,
which programme, full ID numbers or masked ones, then Save as…. The file is written on the
worker pool; `services.exports.finish` puts it in place (and audits full ID numbers) on this
thread. `ExportSection` is the Settings page's entry to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import money
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import exports, programmes
from helpdesk.services import session as sessions
from helpdesk.ui import i18n, workers
from helpdesk.ui.widgets import fit
from helpdesk.ui.widgets.form import Field, fit_height

log = logging.getLogger(__name__)
LEDGER, FAMILIES = "ledger", "families"
NARROW = 420  # below this width the dates go one under the other


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class ExportDialog(QDialog):
    exported = Signal(object)  # the services.exports.Result

    def __init__(self, session: sessions.Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export the ledger"))
        self.session = session
        self.running = False
        self.released = False  # the session closed (lock, sign-out): late answers are dropped
        today = session.today()
        self.what = QComboBox(self)
        self.what.addItem(self.tr("Aid ledger (台账)"), LEDGER)
        self.what.addItem(self.tr("Family roster (困难职工档案)"), FAMILIES)
        self.what.currentIndexChanged.connect(self._what_changed)
        self.all_dates = QCheckBox(self.tr("All dates"), self)
        self.all_dates.setObjectName("export_all_dates")
        self.all_dates.toggled.connect(self._what_changed)
        self.date_from = QDateEdit(_qdate(today.replace(day=1)), self)
        self.date_to = QDateEdit(_qdate(today), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.programme = QComboBox(self)
        self.programme.addItem(self.tr("All programmes"), "")
        for p in programmes.all_programmes(session):
            self.programme.addItem(f"{p.code} {p.name(i18n.short())}", p.code)
        for box in (self.what, self.programme):  # long programme names never widen the dialog
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        self.full_ids = QCheckBox(self.tr("Full ID numbers (not masked)"), self)
        self.full_ids.setObjectName("export_full_ids")
        self.warning = QLabel(self.tr("The file will hold every family's full ID number: keep "
                                      "it safe and send it only to the union office. This "
                                      "export is written to the audit log."), self)
        self.warning.setObjectName("export_warning")
        self.warning.setProperty("class", "field_error")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.full_ids.toggled.connect(self._full_ids_toggled)
        self.what_field = Field("export_what", self.tr("What"), self.what, self)
        self.from_field = Field("export_from", self.tr("From"), self.date_from, self)
        self.to_field = Field("export_to", self.tr("To"), self.date_to, self)
        self.programme_field = Field("export_programme", self.tr("Programme"), self.programme,
                                     self)
        self.message = QLabel(self)
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.save = QPushButton(self.tr("Save as…"), self)
        self.save.setObjectName("export_save")
        self.save.setProperty("class", "primary")
        self.save.setDefault(True)
        self.save.clicked.connect(self.save_as)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("export_close")
        self.close_button.clicked.connect(self.reject)
        self.dates = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.dates.addWidget(self.from_field)
        self.dates.addWidget(self.to_field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save)
        layout = fit.body(self)
        layout.addWidget(self.what_field)
        layout.addWidget(self.all_dates)
        layout.addLayout(self.dates)
        layout.addWidget(self.programme_field)
        layout.addWidget(self.full_ids)
        layout.addWidget(self.warning)
        layout.addWidget(self.message)
        fit.foot(self, buttons)
        fit.fit(self, 480)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The two dates side by side, one under the other on a narrow screen."""
        self.dates.setDirection(QBoxLayout.Direction.TopToBottom if self.width() < NARROW
                                else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)

    def _what_changed(self, *_args: object) -> None:
        ledger = self.what.currentData() == LEDGER
        self.all_dates.setEnabled(ledger)
        for widget in (self.date_from, self.date_to):
            widget.setEnabled(ledger and not self.all_dates.isChecked())
        self.programme.setEnabled(ledger)

    def _full_ids_toggled(self, on: bool) -> None:
        self.warning.setVisible(on)
        fit_height(self)

    def suggested_name(self) -> str:
        if self.what.currentData() == FAMILIES:
            return self.tr("families-{day}.xlsx").replace("{day}", str(self.session.today()))
        if self.all_dates.isChecked():
            return self.tr("ledger-all.xlsx")
        return self.tr("ledger-{from}-{to}.xlsx").replace(
            "{from}", str(_day(self.date_from))).replace("{to}", str(_day(self.date_to)))

    def save_as(self) -> None:
        """Ask where (the file dialog asks before replacing a file), then export there."""
        if self.running:
            return
        start = str(Path.home() / self.suggested_name())
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the export as"), start,
                                                self.tr("Excel workbook (*.xlsx)"))
        if chosen:
            if not chosen.lower().endswith(".xlsx"):
                chosen += ".xlsx"
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> None:
        """Check the request here, write on the worker pool, put the file in place here."""
        if self.running:
            return
        self._say("")
        for field in (self.from_field, self.to_field, self.programme_field):
            field.set_error("")
        ledger = self.what.currentData() == LEDGER
        every = self.all_dates.isChecked()
        try:
            if ledger:
                job = exports.ledger_job(
                    self.session, path, None if every else _day(self.date_from),
                    None if every else _day(self.date_to), self.programme.currentData() or None,
                    self.full_ids.isChecked(), lang=i18n.short(), replace=True)
            else:
                job = exports.families_job(self.session, path, self.full_ids.isChecked(),
                                           lang=i18n.short(), replace=True)
        except InvalidInput as err:
            fields = {"date_to": self.to_field, "programme": self.programme_field}
            problem = err.problems[0]
            if problem.field in fields:
                fields[problem.field].set_error(problem.text(i18n.short()))
                fit_height(self)
            else:
                self._say(i18n.known(err), error=True)
            return
        except KnownError as err:
            self._say(i18n.known(err), error=True)
            return
        self._busy(True)
        workers.run(lambda: exports.write(job), lambda result: self._written(job, result),
                    self._failed)

    def _busy(self, on: bool) -> None:
        self.running = on
        for widget in (self.save, self.close_button, self.what, self.all_dates,
                       self.full_ids):
            widget.setEnabled(not on)
        self.save.setText(self.tr("Writing…") if on else self.tr("Save as…"))
        if on:
            self._say(self.tr("Writing the file…"))
            self.date_from.setEnabled(False)
            self.date_to.setEnabled(False)
            self.programme.setEnabled(False)
        else:
            self._what_changed()

    def release(self) -> None:
        """The session is closing: close, and drop the file of an export still running (it
        can no longer be audited)."""
        self.released = True
        self.running = False
        super().reject()

    def _written(self, job: exports.Job, result: exports.Result) -> None:
        if self.released:
            exports.discard(result)
            return
        self._busy(False)
        try:
            done = exports.finish(self.session, job, result)
        except KnownError as err:
            self._say(i18n.known(err), error=True)
            return
        if job.what == LEDGER:
            text = self.tr("Saved {file}: {n} aid, total ¥{total} ({void} void not counted)")
            text = text.replace("{n}", str(done.aid_count)).replace(
                "{total}", money.format_fen(done.total_fen)).replace("{void}", str(done.voided))
        else:
            text = self.tr("Saved {file}: {n} families, {people} people").replace(
                "{n}", str(done.rows)).replace("{people}", str(done.people))
        self._say(text.replace("{file}", done.path.name))
        self.message.setToolTip(str(done.path))
        self.exported.emit(done)

    def _failed(self, err: Exception) -> None:
        if self.released:
            return
        self._busy(False)
        if not isinstance(err, KnownError):
            log.error("export failed", exc_info=err)
            self._say(self.tr("Something went wrong; the details are in the log."), error=True)
            return
        self._say(i18n.known(err), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("class", "field_error" if error else "info")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))
        fit_height(self)

    def reject(self) -> None:
        if not self.running:  # the file on its way is put in place by us: wait for it
            super().reject()


class ExportSection(QWidget):
    """A heading and the button that opens `ExportDialog`; the page shows it to heads only."""

    def __init__(self, session: Callable[[], sessions.Session], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("export_section")
        self.session = session
        heading = QLabel(self.tr("Ledger for the union office"), self)
        heading.setProperty("class", "section")
        note = QLabel(self.tr("The aid ledger (台账) or the family roster as an Excel file."),
                      self)
        note.setWordWrap(True)
        self.button = QPushButton(self.tr("Export the ledger…"), self)
        self.button.setObjectName("open_export")
        self.button.clicked.connect(self.open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (heading, note, self.button):
            layout.addWidget(widget)
        self.dialog: ExportDialog | None = None

    def release(self) -> None:
        if self.dialog is not None:
            self.dialog.release()
            self.dialog = None

    def open(self) -> ExportDialog:
        self.dialog = ExportDialog(self.session(), self.window())
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog
