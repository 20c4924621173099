"""Receipt formats and how a receipt becomes one page on any paint device (PDF or printer).

Thermal rolls (80 mm, 58 mm) get a page exactly as tall as the laid-out receipt; A5 (landscape)
carries the recipient's copy and the station's copy side by side with a cut line between them,
shrunk to fit when a long goods list would not.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPen, QTextDocument

from helpdesk.receipts import fonts, layout
from helpdesk.receipts.layout import MM


@dataclass(frozen=True)
class Format:
    """A paper: width (and height for sheets) in mm, printable margins, sizes of the text."""

    name: str
    zh: str
    en: str
    width_mm: float
    margin_mm: float
    font_pt: float
    qr_mm: float
    height_mm: float | None = None  # None: a roll, as tall as the content
    copies: int = 1


FORMATS: dict[str, Format] = {
    "80mm": Format("80mm", "80 毫米热敏纸", "80 mm thermal roll", 80, 4, 9, 44),
    "58mm": Format("58mm", "58 毫米热敏纸", "58 mm thermal roll", 58, 5, 8, 38),
    "a5": Format("a5", "A5 纸（两联）", "A5 sheet (two copies)", 210, 8, 8.5, 34,
                 height_mm=148, copies=2),
}
_ROLL_TOP_MM, _ROLL_FEED_MM = 3.0, 8.0  # blank paper above, and below for tearing off
_A5_GAP_MM = 12.0


def column_width_mm(fmt: Format) -> float:
    """The width one copy of the receipt is laid out at."""
    printable = fmt.width_mm - 2 * fmt.margin_mm
    if fmt.copies == 1:
        return printable
    return (printable - _A5_GAP_MM * (fmt.copies - 1)) / fmt.copies


def style_of(fmt: Format) -> layout.Style:
    return layout.Style(text_width=column_width_mm(fmt) * MM, font=fmt.font_pt,
                        qr=min(fmt.qr_mm, column_width_mm(fmt)) * MM)


@dataclass
class Sheet:
    """One page: its size, and each laid-out copy with its place (points) and scale."""

    fmt: Format
    size_mm: QSizeF
    docs: list[tuple[QTextDocument, QPointF, float]]
    cut_lines_x: list[float]
    bilingual: bool = True  # the cut mark's language, as the receipt's

    def page_layout(self) -> QPageLayout:
        size = QPageSize(self.size_mm, QPageSize.Unit.Millimeter, f"Helpdesk {self.fmt.name}",
                         QPageSize.SizeMatchPolicy.ExactMatch)
        return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                           QPageLayout.Unit.Millimeter)


def compose(data: layout.ReceiptData, fmt: Format, bilingual: bool) -> Sheet:
    """Lay the receipt out for a format (needs a Qt GUI application)."""
    style = style_of(fmt)
    margin = fmt.margin_mm * MM
    if fmt.copies == 1:
        doc = layout.document(data, style, bilingual)
        height_mm = doc.size().height() / MM + _ROLL_TOP_MM + _ROLL_FEED_MM
        return Sheet(fmt, QSizeF(fmt.width_mm, height_mm),
                     [(doc, QPointF(margin, _ROLL_TOP_MM * MM), 1.0)], [])
    assert fmt.height_mm is not None
    labels = ("recipient_copy", "station_copy")
    made = layout.images(data)
    docs = [layout.document(data, style, bilingual, copy_label=labels[i % 2], made=made)
            for i in range(fmt.copies)]
    usable = (fmt.height_mm - 2 * fmt.margin_mm) * MM
    tallest = max(d.size().height() for d in docs)
    scale = min(1.0, usable / tallest)
    step = (column_width_mm(fmt) + _A5_GAP_MM) * MM
    placed = [(d, QPointF(margin + i * step, fmt.margin_mm * MM), scale)
              for i, d in enumerate(docs)]
    cuts = [margin + i * step - _A5_GAP_MM * MM / 2 for i in range(1, fmt.copies)]
    return Sheet(fmt, QSizeF(fmt.width_mm, fmt.height_mm), placed, cuts, bilingual)


def paint(painter: QPainter, sheet: Sheet, dots_per_inch: float) -> None:
    """Paint the sheet with the painter's origin at the paper's top-left corner."""
    painter.save()
    painter.scale(dots_per_inch / 72, dots_per_inch / 72)
    for doc, at, scale in sheet.docs:
        painter.save()
        painter.translate(at)
        painter.scale(scale, scale)
        doc.drawContents(painter)
        painter.restore()
    if sheet.cut_lines_x:
        pen = QPen(Qt.GlobalColor.black, 0.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        height = sheet.size_mm.height() * MM
        for x in sheet.cut_lines_x:
            painter.drawLine(QPointF(x, 4 * MM), QPointF(x, height - 4 * MM))
            painter.save()
            painter.translate(x - 2, height / 2)
            painter.rotate(-90)
            font = QFont(fonts.load())
            font.setPixelSize(6)
            painter.setFont(font)
            painter.drawText(QRectF(-60, -8, 120, 8), Qt.AlignmentFlag.AlignCenter,
                             layout.text("cut", sheet.bilingual, " / "))
            painter.restore()
    painter.restore()
