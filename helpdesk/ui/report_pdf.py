"""The Reports page on paper: its figures and charts as one HTML document, printed to a PDF
file (QPdfWriter) or a printer (QPrinter) through QTextDocument, with the shipped Chinese font
so the text is embedded and can be read back (pdftotext)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from helpdesk import __version__
from helpdesk.receipts import fonts

CHART_WIDTH = 360  # points: some 70 % of A4 portrait's 510 within 15 mm margins


class Part:
    """A heading, an optional note, a chart image and the table of the same numbers."""

    def __init__(self, heading: str, note: str, chart: QImage | None,
                 columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.heading, self.note, self.chart = heading, note, chart
        self.columns, self.rows = columns, rows


def document(title: str, lines: Sequence[str], parts: Sequence[Part]) -> QTextDocument:
    """One document: the title, the summary lines, then each part."""
    doc = QTextDocument()
    doc.setDefaultFont(QFont(fonts.load(), 9))
    html = [f"<h2>{escape(title)}</h2>"]
    html += [f"<p>{escape(line)}</p>" for line in lines if line]
    for n, part in enumerate(parts):
        html.append(f"<h3>{escape(part.heading)}</h3>")
        if part.note:
            html.append(f"<p><i>{escape(part.note)}</i></p>")
        if part.chart is not None:
            url = f"chart://{n}"
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), part.chart)
            html.append(f'<p><img src="{url}" width="{CHART_WIDTH}"></p>')
        html.append('<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>')
        html += [f"<th>{escape(c)}</th>" for c in part.columns]
        html.append("</tr>")
        for row in part.rows:
            cells = [f"<td>{escape(row[0])}</td>"]
            cells += [f'<td align="right">{escape(c)}</td>' for c in row[1:]]
            html.append("<tr>" + "".join(cells) + "</tr>")
        html.append("</table>")
    doc.setHtml("\n".join(html))
    return doc


def _layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)


def write_pdf(doc: QTextDocument, path: Path, title: str) -> Path:
    """Print `doc` to a PDF at `path` (replaced if there); A4 portrait, paged as needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(_layout())
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator(f"Helpdesk {__version__}")
    print_to(doc, writer)
    return path


def print_to(doc: QTextDocument, device: QPagedPaintDevice) -> None:
    """Lay the document out on the device's page in points (so a chart 480 points wide
    fills the width of A4 less its margins), then print it, paged."""
    page = device.pageLayout().paintRect(QPageLayout.Unit.Point).size()
    doc.setPageSize(page)
    doc.print_(device)
