"""Receipt preview: the receipt as it will print, then print it or save it as a PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from helpdesk.errors import KnownError
from helpdesk.receipts import page as receipt_page
from helpdesk.services import receipts
from helpdesk.services import session as sessions
from helpdesk.ui import i18n, workers
from helpdesk.ui.pages.base import kinetic
from helpdesk.ui.widgets import fit

PREVIEW_DPI = 120


def render(sheet: receipt_page.Sheet, dpi: float = PREVIEW_DPI) -> QImage:
    """The sheet painted on white at `dpi` dots per inch."""
    size = sheet.size_mm * dpi / 25.4
    image = QImage(max(1, int(size.width())), max(1, int(size.height())),
                   QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    receipt_page.paint(painter, sheet, dpi)
    painter.end()
    return image


class ReceiptDialog(QDialog):
    printed = Signal(str)  # receipt number
    saved = Signal(Path)

    def __init__(self, session: sessions.Session, aid: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receipt_dialog")
        self.setWindowTitle(self.tr("Receipt {number}").replace("{number}", aid.receipt_no))
        self.session = session
        self.aid = aid
        self.printing = False
        self.gone = False
        self.finished.connect(self._gone)
        self.picture = QLabel(self)
        self.picture.setObjectName("receipt_picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(self.picture)
        kinetic(area)
        self.message = QLabel(self)
        self.message.setObjectName("receipt_message")
        self.message.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print"), self)
        self.print_button.setObjectName("receipt_print")
        self.print_button.clicked.connect(self.print_now)
        self.pdf_button = QPushButton(self.tr("Save as PDF"), self)
        self.pdf_button.setObjectName("receipt_pdf")
        self.pdf_button.clicked.connect(self._choose_pdf)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("receipt_close")
        close.clicked.connect(self.accept)
        buttons = QGridLayout()
        buttons.addWidget(self.print_button, 0, 0)
        buttons.addWidget(self.pdf_button, 0, 1)
        buttons.addWidget(close, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit.fit(self, 460, 640)  # never wider than the window nor taller than the screen
        self.refresh()

    def _gone(self, _: int) -> None:
        self.gone = True

    def refresh(self) -> None:
        """Lay the receipt out as the next print will show it (marked COPY once printed)."""
        try:
            chosen = receipts.settings(self.session)
            data = receipts.preview(self.session, self.aid, chosen.bilingual)
            sheet = receipt_page.compose(data, receipts.check_format(chosen.format),
                                         chosen.bilingual)
        except KnownError as err:
            self.say(i18n.known(err))
            return
        self.picture.setPixmap(QPixmap.fromImage(render(sheet)))
        printer = receipts.printer_name(self.session)
        self.print_button.setEnabled(bool(printer))
        self.print_button.setToolTip(printer)
        self.say("" if printer else self.tr(
            "No receipt printer is chosen on this laptop: save the receipt as a PDF, or "
            "choose a printer in the receipt settings."))

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def print_now(self) -> None:
        """Record the print here, then hand the job to the print system on the worker pool
        (CUPS can take seconds): meanwhile the buttons wait and say so."""
        if self.printing:
            return
        try:
            job = receipts.print_job(self.session, self.aid)
        except KnownError as err:
            self.say(i18n.known(err))
            return
        self._printing(True)
        workers.run(lambda: receipts.send(job), self._sent, self._not_sent)

    def _printing(self, running: bool) -> None:
        self.printing = running
        self.print_button.setEnabled(not running)
        self.pdf_button.setEnabled(not running)
        self.print_button.setText(self.tr("Printing…") if running else self.tr("Print"))
        if running:
            self.say(self.tr("Printing…"))

    def _sent(self, _: object) -> None:
        if self.gone:  # closed meanwhile: the job went all the same
            return
        self._printing(False)
        self.refresh()
        self.say(self.tr("Sent to the printer"))
        self.printed.emit(self.aid.receipt_no)

    def _not_sent(self, err: Exception) -> None:
        if self.gone:
            return
        self._printing(False)
        self.refresh()  # recorded all the same: the next print is marked as a reprint
        if not isinstance(err, KnownError):
            raise err
        self.say(i18n.known(err))

    def _choose_pdf(self) -> None:
        folder = Path.home() / f"{self.aid.receipt_no}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the receipt"), str(folder),
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        try:
            receipts.save_pdf(self.session, path, receipt_no=self.aid.receipt_no)
        except KnownError as err:
            self.say(i18n.known(err))
            return
        self.refresh()
        self.say(self.tr("Saved as {path}").replace("{path}", str(path)))
        self.saved.emit(path)
