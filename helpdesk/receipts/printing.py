"""Printing a receipt on a real printer through QPrinter (QtPrintSupport, no widgets).

The printers come from `QPrinterInfo` (CUPS on Linux and macOS, the spooler on Windows). A
receipt printer gets a page as wide as its roll and as tall as the receipt.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from helpdesk.receipts import fonts, page


class PrintError(RuntimeError):
    """The printer could not take the job; says why in both languages."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


@dataclass(frozen=True)
class Printer:
    name: str
    description: str
    is_default: bool


def printers() -> list[Printer]:
    """The printers this computer knows, the default one first (for Settings)."""
    fonts.gui_app()
    found = [Printer(p.printerName(), p.description() or p.printerName(), p.isDefault())
             for p in QPrinterInfo.availablePrinters()]
    return sorted(found, key=lambda p: (not p.is_default, p.name))


def default_printer() -> str:
    """The system's default printer (CUPS: `lpoptions -d`, $PRINTER; Windows: the spooler's),
    or "" when it has none."""
    fonts.gui_app()
    info = QPrinterInfo.defaultPrinter()
    return "" if info.isNull() else info.printerName()


def print_sheet(sheet: page.Sheet, printer_name: str, title: str) -> None:
    """Send one sheet to a printer as one job; raises PrintError when it cannot be sent.

    Success means the job was handed to the print system, not that paper came out: the aid is
    saved before, and the receipt can be printed again from the history.
    """
    fonts.gui_app()
    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull():
        raise PrintError("no_printer", f"找不到打印机“{printer_name}”：请在设置中重新选择",
                         f"No printer called '{printer_name}': choose one again in Settings")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    printer.setPageLayout(sheet.page_layout())
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("print_failed", f"打印机“{printer_name}”无法打印：请检查是否开机、有纸",
                         f"The printer '{printer_name}' cannot print: is it on, with paper?")
    try:
        page.paint(painter, sheet, printer.resolution())
    finally:
        painter.end()
