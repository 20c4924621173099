"""Receipts as PDF files, and reading a receipt's QR code back from a PDF.

Writing uses QPdfWriter (fonts embedded, text extractable). Reading renders the first page with
QtPdf (from PySide6-Addons; poppler's `pdftoppm` where it is missing) and decodes the QR code
with zxing-cpp.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter, QPdfWriter

from helpdesk import __version__
from helpdesk.receipts import fonts, page

RESOLUTION = 600  # dots per inch of the PDF's coordinate space: sub-point precision


class PdfError(RuntimeError):
    """A PDF could not be written or read; says why in both languages."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


def write(sheet: page.Sheet, path: Path, title: str) -> Path:
    """Write one sheet as a one-page PDF at `path` (replaced if it exists)."""
    fonts.gui_app()
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(sheet.page_layout())
    writer.setTitle(title)
    writer.setCreator(f"Helpdesk {__version__}")
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError("pdf_write", f"无法写入 PDF 文件 {path}",
                       f"Cannot write the PDF file {path}")
    try:
        page.paint(painter, sheet, RESOLUTION)
    finally:
        painter.end()
    return path


def render_first_page(path: Path, dots_per_inch: int = 300) -> QImage:
    """The first page of a PDF as an 8-bit grey image: rendered with QtPdf, or with poppler's
    `pdftoppm` where the QtPdf wheel is not installed."""
    fonts.gui_app()
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return _with_pdftoppm(path, dots_per_inch)
    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise PdfError("pdf_read", f"无法读取 PDF 文件 {path}", f"Cannot read the PDF file {path}")
    points = document.pagePointSize(0)
    size = QSize(round(points.width() * dots_per_inch / 72),
                 round(points.height() * dots_per_inch / 72))
    image = document.render(0, size)
    document.close()
    # zxing-cpp reads 8-bit grey; the white background matters for transparent pages.
    grey = QImage(image.size(), QImage.Format.Format_Grayscale8)
    grey.fill(0xFFFFFFFF)
    painter = QPainter(grey)
    painter.drawImage(0, 0, image)
    painter.end()
    return grey


def _with_pdftoppm(path: Path, dots_per_inch: int) -> QImage:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PdfError("no_pdf_renderer", "无法读取 PDF：请安装 PySide6-Pdf（或 poppler-utils）",
                       "Cannot read PDFs: install PySide6-Pdf (or poppler-utils)")
    done = subprocess.run([tool, "-r", str(dots_per_inch), "-gray", "-singlefile", "-f", "1",
                           "-l", "1", str(path)], capture_output=True, check=False)
    image = QImage.fromData(done.stdout)
    if done.returncode != 0 or image.isNull():
        raise PdfError("pdf_read", f"无法读取 PDF 文件 {path}", f"Cannot read the PDF file {path}")
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def qr_texts(path: Path) -> list[str]:
    """The texts of the QR codes on a PDF's first page (empty when none is found)."""
    import zxingcpp

    image = render_first_page(path)
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(
        zxingcpp.BarcodeFormat.QRCode))
    texts: list[str] = []
    for barcode in found:
        if barcode.text not in texts:
            texts.append(barcode.text)
    return texts
