"""The close slip (日结单): a day's cash count on the receipt printer's roll (80 mm) or on A4,
laid out like a receipt (HTML in points → QTextDocument → `page.Sheet`), so it prints by
`printing.print_sheet` and saves by `pdf.write` as receipts do.

As the union's cash count form: the cash aid handed out, the float, each denomination's
count × value, counted against expected, the difference and its reason, and the two who
signed (清点人, 监盘人) with room for their hand signatures.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSizeF
from PySide6.QtGui import QFont, QTextDocument, QTextOption

from helpdesk.domain import money
from helpdesk.domain.closes import DENOMINATIONS
from helpdesk.receipts import fonts, page
from helpdesk.receipts.layout import MM

FORMATS: dict[str, page.Format] = {
    "80mm": page.FORMATS["80mm"],
    "a4": page.Format("a4", "A4 纸", "A4 sheet", 210, 15, 10, 0, height_mm=297),
}

LABELS: dict[str, tuple[str, str]] = {
    "title": ("现金日结单", "Cash day close"),
    "day": ("日期", "Day"),
    "aid": ("当日现金发放", "Cash aid handed out"),
    "none": ("（当日无现金发放）", "(no cash aid this day)"),
    "cash_out": ("发放合计", "Total handed out"),
    "float": ("备用金", "Opening float"),
    "expected": ("应有现金", "Expected in the box"),
    "denomination": ("面额", "Note/coin"),
    "count": ("张数", "Count"),
    "amount": ("金额", "Amount"),
    "counted": ("实点现金", "Counted"),
    "difference": ("差额", "Difference"),
    "reason": ("原因", "Reason"),
    "closer": ("清点人", "Counted by"),
    "witness": ("监盘人", "Witness"),
    "closed_at": ("日结时间", "Closed at"),
    "sign": ("签字", "Signature"),
    "reopened": ("已由站长重新打开", "REOPENED by the station head"),
}


@dataclass(frozen=True)
class AidLine:
    receipt_no: str
    time: str  # local hh:mm
    head_name: str
    amount_fen: int


@dataclass(frozen=True)
class SlipData:
    """Everything printed on a close slip, in the words and local time to print."""

    union_name: str
    station_name: str
    day: str
    float_fen: int
    cash_out_fen: int
    expected_fen: int
    counts: dict[str, int]  # denomination field (y100 …) → count
    counted_fen: int
    difference_fen: int
    reason: str
    closer: str
    witness: str
    closed_at: str  # local time
    aid: tuple[AidLine, ...] = ()
    reopened: str = ""  # "<time> <head>: <reason>" when the day was reopened


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _label(key: str, bilingual: bool) -> str:
    zh, en = LABELS[key]
    return f"{_e(zh)} <span style='font-size:small'>{_e(en)}</span>" if bilingual else _e(zh)


def _fen(fen: int) -> str:
    return _e(money.format_fen(fen, symbol=True))


def _table(rows: list[str]) -> str:
    return ("<table width='100%' cellspacing='0' cellpadding='1' border='0'>"
            + "".join(rows) + "</table>")


def _row(label: str, value: str, bold: bool = False) -> str:
    weight = " style='font-weight:bold'" if bold else ""
    return (f"<tr><td valign='top'>{label}</td>"
            f"<td align='right' valign='top'{weight}>{value}</td></tr>")


def html_of(data: SlipData, font: float, bilingual: bool) -> str:
    """The slip as HTML for QTextDocument (one CSS pixel = one point)."""
    out = []
    if data.union_name:
        out.append(f"<p align='center' style='margin:0'>{_e(data.union_name)}</p>")
    out.append(f"<p align='center' style='margin:0; font-size:{font * 1.15:.1f}px; "
               f"font-weight:bold'>{_e(data.station_name)}</p>")
    out.append(f"<p align='center' style='margin:0; font-size:{font * 1.6:.1f}px; "
               f"font-weight:bold'>{_e(LABELS['title'][0])}</p>")
    if bilingual:
        out.append(f"<p align='center' style='margin:0'>{_e(LABELS['title'][1])}</p>")
    if data.reopened:
        out.append(f"<p align='center' style='margin:0; font-weight:bold'>"
                   f"{_label('reopened', bilingual)}<br>{_e(data.reopened)}</p>")
    out.append(_table([_row(_label("day", bilingual), _e(data.day), bold=True)]))
    out.append(f"<hr><p style='margin:0; font-weight:bold'>{_label('aid', bilingual)}</p>")
    lines = [f"<tr><td>{_e(a.time)}</td><td>{_e(a.receipt_no)}</td><td>{_e(a.head_name)}</td>"
             f"<td align='right'>{_e(money.format_fen(a.amount_fen))}</td></tr>"
             for a in data.aid]
    out.append(_table(lines) if lines else f"<p style='margin:0'>{_label('none', bilingual)}"
                                           "</p>")
    out.append(_table([_row(_label("cash_out", bilingual), _fen(data.cash_out_fen), True),
                       _row(_label("float", bilingual), _fen(data.float_fen)),
                       _row(_label("expected", bilingual), _fen(data.expected_fen), True)]))
    out.append("<hr>")
    head = (f"<tr><td>{_label('denomination', bilingual)}</td>"
            f"<td align='right'>{_label('count', bilingual)}</td>"
            f"<td align='right'>{_label('amount', bilingual)}</td></tr>")
    counted = [f"<tr><td>{_e(zh if not bilingual else f'{zh} / {en}')}</td>"
               f"<td align='right'>× {data.counts.get(name, 0)}</td>"
               f"<td align='right'>{_e(money.format_fen(data.counts.get(name, 0) * fen))}</td>"
               "</tr>" for name, fen, zh, en in DENOMINATIONS]
    out.append(_table([head, *counted]))
    out.append(_table([_row(_label("counted", bilingual), _fen(data.counted_fen), True),
                       _row(_label("expected", bilingual), _fen(data.expected_fen)),
                       _row(_label("difference", bilingual), _fen(data.difference_fen), True)]))
    if data.reason:
        out.append(f"<p style='margin:0'>{_label('reason', bilingual)}：{_e(data.reason)}</p>")
    out.append("<hr>")
    blank = "&nbsp;" * 24
    out.append(_table([
        _row(_label("closed_at", bilingual), _e(data.closed_at)),
        _row(_label("closer", bilingual), _e(data.closer)),
        _row(_label("sign", bilingual), f"<u>{blank}</u>"),
        _row(_label("witness", bilingual), _e(data.witness)),
        _row(_label("sign", bilingual), f"<u>{blank}</u>")]))
    return "".join(out)


def document(data: SlipData, fmt: page.Format, bilingual: bool) -> QTextDocument:
    """The slip laid out at the format's printable width (needs a Qt GUI application)."""
    family = fonts.load()
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setUseDesignMetrics(True)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    font = QFont(family)
    font.setPixelSize(max(1, round(fmt.font_pt)))
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(f"body {{ font-family: '{family}'; }}")
    doc.setHtml(html_of(data, fmt.font_pt, bilingual))
    doc.setTextWidth((fmt.width_mm - 2 * fmt.margin_mm) * MM)
    return doc


def compose(data: SlipData, fmt_name: str, bilingual: bool) -> page.Sheet:
    """One page for `fmt_name` ("80mm": as tall as the slip; "a4": shrunk to fit a page when
    a busy day's list would not)."""
    fmt = FORMATS[fmt_name]
    doc = document(data, fmt, bilingual)
    margin = fmt.margin_mm * MM
    if fmt.height_mm is None:
        height_mm = doc.size().height() / MM + 3 + 8  # blank paper above, and to tear off
        return page.Sheet(fmt, QSizeF(fmt.width_mm, height_mm),
                          [(doc, QPointF(margin, 3 * MM), 1.0)], [], bilingual)
    usable = (fmt.height_mm - 2 * fmt.margin_mm) * MM
    scale = min(1.0, usable / doc.size().height())
    return page.Sheet(fmt, QSizeF(fmt.width_mm, fmt.height_mm),
                      [(doc, QPointF(margin, margin), scale)], [], bilingual)
