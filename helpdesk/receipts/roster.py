"""The paper fallback for the day the laptop is down: an A4 roster of families for a programme,
and a blank signature sheet, to be signed by hand and entered later.

Rows show the head's name, the masked ID number and the last four digits of the phone; never a
full ID. Every sheet carries the number the station issued it (top right, with its QR code, on
every page) and a line number per row, numbered on across pages: the sheet and line an aid is
typed back from. Long lists run over several pages, each with the title, the table head and a
page number.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from helpdesk.receipts import fonts, qr
from helpdesk.receipts.layout import MM

A4_MM = (210.0, 297.0)
MARGIN_MM = 15.0
BLANK_ROWS = 16  # one A4 page
QR_MM = 22.0  # the sheet number's QR code, top right of every page

HEADS: dict[str, tuple[str, str]] = {
    "no": ("行号", "Line"),
    "name": ("户主姓名", "Head of family"),
    "id": ("证件号码", "ID number"),
    "phone": ("电话尾号", "Phone (last 4)"),
    "received": ("本期已领", "Received"),
    "amount": ("金额 / 物资", "Amount / goods"),
    "signature": ("领取人签名", "Signature"),
    "date": ("日期时间", "Date, time"),
    "by": ("经办人", "Handed by"),
}
TITLES = {
    "roster": ("困难职工家庭领取名册", "Roster of families"),
    "blank": ("领取签名表（空白）", "Signature sheet (blank)"),
    "page": ("第 {n} 页 / 共 {total} 页", "Page {n} of {total}"),
    "note": ("停电或电脑故障时使用；恢复后请逐条补录并保留本表。",
             "For days without the computer: enter every row afterwards and keep this sheet."),
    "yes": ("是", "yes"),
    "sheet": ("表号", "Sheet no."),
}


@dataclass(frozen=True)
class RosterRow:
    head_name: str
    masked_id: str
    phone_tail: str
    received: bool


def _both(pair: tuple[str, str]) -> str:
    return f"{html.escape(pair[0])}<br><span style='font-size:7px'>{html.escape(pair[1])}</span>"


def _html(title: tuple[str, str], station: str, programme: str, sheet: str,
          rows: list[RosterRow] | None) -> str:
    columns = ["no", "name", "id", "phone", "received", "amount", "signature", "date", "by"]
    widths = {"no": 5, "name": 11, "id": 20, "phone": 8, "received": 8, "amount": 11,
              "signature": 14, "date": 14, "by": 9}
    head = "".join(f"<th width='{widths[c]}%' align='left'>{_both(HEADS[c])}</th>"
                   for c in columns)
    body = []
    if rows is None:
        body = [f"<tr><td>{i}</td>" + "<td>&nbsp;<br>&nbsp;</td>" * 8 + "</tr>"
                for i in range(1, BLANK_ROWS + 1)]
    else:
        yes = TITLES["yes"][0]
        for i, r in enumerate(rows, 1):
            cells = [str(i), r.head_name, r.masked_id, r.phone_tail, yes if r.received else "",
                     "", "", "", ""]
            body.append("<tr>" + "".join(f"<td>{html.escape(c)}&nbsp;<br>&nbsp;</td>"
                                         for c in cells) + "</tr>")
    number = f"{TITLES['sheet'][0]} / {TITLES['sheet'][1]}：{sheet}"
    return (f"<p align='left' style='font-size:12px; font-weight:bold; margin:0'>"
            f"{html.escape(number)}</p>"
            f"<p align='center' style='font-size:15px; font-weight:bold; margin:0'>"
            f"{html.escape(title[0])} / {html.escape(title[1])}</p>"
            f"<p align='center' style='margin:0'>"
            f"{html.escape(' · '.join(p for p in (station, programme) if p))}</p>"
            f"<p style='font-size:8px'>{html.escape(TITLES['note'][0])} "
            f"{html.escape(TITLES['note'][1])}</p>"
            "<table width='100%' border='1' cellspacing='0' cellpadding='3' "
            "style='border-collapse:collapse'>"
            f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>")


def write(path: Path, *, station: str, programme: str, sheet: str,
          rows: list[RosterRow] | None) -> int:
    """Write the roster (or, with `rows=None`, the blank sheet) numbered `sheet` as an A4 PDF;
    returns pages."""
    family = fonts.load()
    title = TITLES["blank"] if rows is None else TITLES["roster"]
    doc = QTextDocument()
    doc.setUseDesignMetrics(True)
    font = QFont(family)
    font.setPixelSize(9)
    doc.setDefaultFont(font)
    doc.setHtml(_html(title, station, programme, sheet, rows))
    code = qr.image(sheet, module_px=8)
    width, height = ((A4_MM[0] - 2 * MARGIN_MM) * MM, (A4_MM[1] - 2 * MARGIN_MM - 8) * MM)
    doc.setPageSize(QSizeF(width, height))  # Qt paginates tables, repeating the <thead>
    pages = doc.pageCount()
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(f"{title[0]} / {title[1]} {sheet}")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    scale = writer.resolution() / 72
    try:
        for n in range(pages):
            if n:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(MARGIN_MM * MM, MARGIN_MM * MM - n * height)
            doc.drawContents(painter, QRectF(0, n * height, width, height))
            painter.restore()
            painter.save()
            painter.scale(scale, scale)
            small = QFont(family)
            small.setPixelSize(8)
            painter.setFont(small)
            footer = QRectF(MARGIN_MM * MM, (A4_MM[1] - MARGIN_MM - 5) * MM, width, 5 * MM)
            zh, en = (t.format(n=n + 1, total=pages) for t in TITLES["page"])
            painter.drawText(footer, Qt.AlignmentFlag.AlignCenter,
                             f"{TITLES['sheet'][0]} {sheet}  ·  {zh}  {en}")
            side = QR_MM * MM
            painter.drawImage(QRectF(QPointF((A4_MM[0] - MARGIN_MM) * MM - side,
                                             (MARGIN_MM - 10) * MM), QSizeF(side, side)), code)
            painter.restore()
    finally:
        painter.end()
    return pages
