"""Past day closes: each with expected, counted and the difference; its slip to print or save
again; and, for a station head, reopening a closed day with the reason written down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import money
from helpdesk.domain.closes import DayClose
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.receipts import close_slip
from helpdesk.services import close_slips, closes, receipts
from helpdesk.services import session as sessions
from helpdesk.ui import i18n
from helpdesk.ui.dialogs.receipt import render
from helpdesk.ui.pages.base import kinetic
from helpdesk.ui.widgets import fit
from helpdesk.ui.widgets.form import Field, fit_height


class SlipDialog(QDialog):
    """The close slip as it will print; print it or save it as a PDF."""

    saved = Signal(Path)

    def __init__(self, session: sessions.Session, close: DayClose,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slip_dialog")
        self.setWindowTitle(self.tr("Close slip {day}").replace("{day}", close.day))
        self.session, self.close_record = session, close
        picture = QLabel(self)
        picture.setObjectName("slip_picture")
        picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        chosen = receipts.settings(session)
        sheet = close_slip.compose(close_slips.data_of(session, close),
                                   "a4" if chosen.format == "a5" else "80mm", chosen.bilingual)
        picture.setPixmap(QPixmap.fromImage(render(sheet)))
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(picture)
        kinetic(area)
        self.message = QLabel(self)
        self.message.setObjectName("slip_message")
        self.message.setWordWrap(True)
        self.message.hide()
        printer = receipts.printer_name(session)
        self.print_button = QPushButton(self.tr("Print"), self)
        self.print_button.setObjectName("slip_print")
        self.print_button.setEnabled(bool(printer))
        self.print_button.clicked.connect(self._print)
        pdf = QPushButton(self.tr("Save as PDF"), self)
        pdf.setObjectName("slip_pdf")
        pdf.clicked.connect(self._choose_pdf)
        done = QPushButton(self.tr("Close"), self)
        done.setObjectName("slip_close")
        done.clicked.connect(self.accept)
        buttons = QGridLayout()
        buttons.addWidget(self.print_button, 0, 0)
        buttons.addWidget(pdf, 0, 1)
        buttons.addWidget(done, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit.fit(self, 460, 640)
        if not printer:
            self.say(self.tr("No receipt printer is chosen on this laptop: save the slip as a "
                             "PDF, or choose a printer in the receipt settings."))

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _print(self) -> None:
        try:
            close_slips.print_slip(self.session, self.close_record)
        except KnownError as err:
            self.say(i18n.known(err))
            return
        self.say(self.tr("Sent to the printer"))

    def _choose_pdf(self) -> None:
        suggested = Path.home() / f"close-{self.close_record.day}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the close slip"),
                                              str(suggested), self.tr("PDF files (*.pdf)"))
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        try:
            close_slips.save_pdf(self.session, self.close_record, path)
        except KnownError as err:
            self.say(i18n.known(err))
            return
        self.say(self.tr("Saved as {path}").replace("{path}", str(path)))
        self.saved.emit(path)


class ClosesDialog(QDialog):
    """The closes, newest first; a head reopens the chosen closed day with a reason."""

    reopened = Signal(object)

    def __init__(self, session: sessions.Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closes_dialog")
        self.setWindowTitle(self.tr("Past closes"))
        self.session = session
        layout = fit.body(self)
        self.list = QListWidget(self)
        self.list.setObjectName("closes_list")
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        self.reason_edit = QLineEdit(self)
        self.reason = Field("reopen_reason", self.tr("Why is the day reopened?"),
                            self.reason_edit, self)
        self.reason.clear_on_edit()
        self.message = QLabel(self)
        self.message.setObjectName("closes_message")
        self.message.setProperty("class", "field_error")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        self.reopen_button = QPushButton(self.tr("Reopen the day"), self)
        self.reopen_button.setObjectName("closes_reopen")
        self.reopen_button.setProperty("class", "danger")
        self.reopen_button.clicked.connect(self.reopen)
        head = session.volunteer.is_head
        self.reason.setVisible(head)
        self.reopen_button.setVisible(head)
        slip = QPushButton(self.tr("Slip"), self)
        slip.setObjectName("closes_slip")
        slip.clicked.connect(self._slip)
        done = QPushButton(self.tr("Close"), self)
        done.setObjectName("closes_close")
        done.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(slip)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(done)
        fit.foot(self, buttons)
        self.load()
        fit.fit(self, 520, 560)

    def load(self) -> None:
        self.list.clear()
        f = money.format_fen
        for c in closes.all_closes(self.session):
            state = self.tr("reopened") if c.reopened else self.tr("closed")
            text = (self.tr("{day} · {state}\nexpected {expected} · counted {counted} · "
                            "difference {difference}")
                    .replace("{day}", c.day).replace("{state}", state)
                    .replace("{expected}", f(c.expected_fen, symbol=True))
                    .replace("{counted}", f(c.counted_fen, symbol=True))
                    .replace("{difference}", f(c.difference_fen, symbol=True)))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> DayClose | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        fit_height(self)

    def reopen(self) -> None:
        close = self.chosen()
        self._say("")
        if close is None or close.reopened:
            self._say(self.tr("Choose a closed day first"))
            return
        try:
            reopened = closes.reopen_day(self.session, close.day, self.reason_edit.text())
        except InvalidInput as err:
            self.reason.set_error("; ".join(p.text(i18n.short())
                                            for p in err.fields().values()))
            return
        except KnownError as err:
            self._say(i18n.known(err))
            return
        self.reason_edit.clear()
        self.load()
        self.reopened.emit(reopened)

    def _slip(self) -> None:
        close = self.chosen()
        if close is not None:
            SlipDialog(self.session, close, self).exec()
