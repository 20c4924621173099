"""A receipt's content, from plain data to HTML to a laid-out QTextDocument.

Units: one CSS pixel of the HTML is one typographic point (1/72 inch), so a layout does not
depend on any screen's DPI; `page` scales points to the device when painting. Every label is in
Chinese, and in Chinese and English when the station prints bilingual receipts.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument, QTextOption

from helpdesk.domain import money
from helpdesk.receipts import fonts, qr

MM = 72 / 25.4  # points per millimetre

LABELS: dict[str, tuple[str, str]] = {
    "title": ("领取凭证", "Aid receipt"),
    "receipt_no": ("凭证号", "Receipt no."),
    "date": ("日期", "Date"),
    "head": ("户主", "Head of family"),
    "id": ("证件号码", "ID number"),
    "programme": ("项目", "Programme"),
    "cash": ("现金", "Cash"),
    "service": ("服务内容", "Service"),
    "item": ("品名", "Item"),
    "qty": ("数量", "Qty"),
    "value": ("金额", "Value"),
    "total": ("合计", "Total"),
    "in_words": ("大写", "In words"),
    "recipient": ("领取人", "Received by"),
    "signature": ("领取人签名", "Signature"),
    "no_signature": ("（未签名）", "(not signed)"),
    "bad_signature": ("（签名图像无法显示）", "(signature image unreadable)"),
    "signed_elsewhere": ("（已签名，签名图像存于发放设备）",
                         "(signed; the image is kept on the device that gave the aid)"),
    "volunteer": ("经办人", "Volunteer"),
    "second": ("复核人", "Second sign-off"),
    "approved": ("批准人", "Approved by"),
    "phone": ("站点电话", "Station phone"),
    "verify": ("扫码或输入下方代码可验证本凭证", "Scan or type the code below to verify"),
    "copy": ("重印", "COPY"),
    "void": ("已作废", "VOID"),
    "recipient_copy": ("领取人留存联", "Recipient's copy"),
    "station_copy": ("站点存根联", "Station's copy"),
    "rmb": ("人民币", "RMB"),
    "cut": ("沿虚线剪开", "cut here"),
}


def text(key: str, bilingual: bool, sep: str = " ") -> str:
    """A label in Chinese, or Chinese then English."""
    zh, en = LABELS[key]
    return f"{zh}{sep}{en}" if bilingual else zh


@dataclass(frozen=True)
class Line:
    item: str
    qty: str
    unit: str
    value_fen: int


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on one receipt, already in the words and local time to print.

    `masked_id` is the only form of the family's document number that reaches a receipt.
    """

    union_name: str
    station_name: str
    station_phone: str
    receipt_no: str
    local_time: str
    head_name: str
    masked_id: str
    programme: str
    kind: str
    amount_fen: int
    payload: str
    lines: tuple[Line, ...] = ()
    service_note: str = ""
    recipient: str = ""
    volunteer: str = ""
    second_volunteer: str = ""
    approved_by: str = ""
    signature_png: bytes | None = field(default=None, repr=False)
    signed_elsewhere: bool = False
    no_signature_reason: str = ""  # the recipient could not sign: why, and the head who said so
    no_signature_by: str = ""
    copy_no: int = 0
    copy_time: str = ""
    void_note: str = ""
    paper_sheet: str = ""  # typed back from this paper sheet (补录), at `paper_line`
    paper_line: int = 0
    entered_time: str = ""


@dataclass(frozen=True)
class Style:
    """Sizes in points for one paper width."""

    text_width: float
    font: float
    qr: float


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _label(key: str, bilingual: bool) -> str:
    zh, en = LABELS[key]
    if not bilingual:
        return _e(zh)
    return f"{_e(zh)}<br><span style='font-size:small'>{_e(en)}</span>"


def _row(key: str, value: str, bilingual: bool, width: float, *, bold: bool = False) -> str:
    # A fixed label width: with a percentage Qt squeezes the label column to one character
    # beside a wide signature image or a long value.
    weight = "font-weight:bold;" if bold else ""
    return (f"<tr><td width='{width:.0f}' valign='top'>{_label(key, bilingual)}</td>"
            f"<td valign='top' style='{weight}'>{value}</td></tr>")


def _centre(content: str, size: float | None = None, bold: bool = False) -> str:
    style = (f"font-size:{size:.1f}px;" if size else "") + ("font-weight:bold;" if bold else "")
    return f"<p align='center' style='margin:0; {style}'>{content}</p>"


def _qty(qty: str, unit: str) -> str:
    return f"{_e(qty)}{_e(unit)}"


def html_of(data: ReceiptData, style: Style, bilingual: bool, copy_label: str = "",
            signature_size: tuple[float, float] | None = None) -> str:
    """The receipt as HTML for QTextDocument (images named `receipt:qr`, `receipt:signature`)."""
    f = style.font
    label_width = style.text_width * 0.3

    def row(key: str, value: str, *, bold: bool = False) -> str:
        return _row(key, value, bilingual, label_width, bold=bold)

    out = [_centre(_e(data.union_name), f)] if data.union_name else []
    out.append(_centre(_e(data.station_name), f * 1.15, bold=True))
    out.append(_centre(_e(LABELS["title"][0]), f * 1.6, bold=True))
    if bilingual:
        out.append(_centre(_e(LABELS["title"][1]), f * 1.1))
    if copy_label:
        out.append(_centre(_e(text(copy_label, bilingual, " / ")), f, bold=True))
    if data.copy_no:
        mark = (f"{LABELS['copy'][0]} {LABELS['copy'][1]} {data.copy_no}" if bilingual
                else f"{LABELS['copy'][0]}（第 {data.copy_no} 次）")
        out.append(_centre(_e(f"{mark} · {data.copy_time}"), f * 1.2, bold=True))
    if data.paper_sheet:
        out.append(_centre(_paper_note(data, bilingual), f * 1.1, bold=True))
    if data.void_note:
        out.append(_centre(_e(f"{text('void', bilingual)} · {data.void_note}"), f * 1.2,
                           bold=True))
    rows = [row("receipt_no", _e(data.receipt_no), bold=True),
            row("date", _e(data.local_time)),
            row("head", _e(data.head_name)),
            row("id", _e(data.masked_id)),
            row("programme", _e(data.programme))]
    if data.kind == "cash":
        rows.append(row("cash", _e(money.format_fen(data.amount_fen, symbol=True))))
    elif data.kind == "service":
        rows.append(row("service", _e(data.service_note)))
    out.append(_table(rows))
    if data.kind == "goods":
        out.append("<hr>")
        head = (f"<tr><td valign='bottom'>{_label('item', bilingual)}</td>"
                f"<td align='right' valign='bottom'>{_label('qty', bilingual)}</td>"
                f"<td align='right' valign='bottom'>{_label('value', bilingual)}</td></tr>")
        body = "".join(
            f"<tr><td width='50%' valign='top'>{_e(line.item)}</td>"
            f"<td align='right' valign='top'>{_qty(line.qty, line.unit)}</td>"
            f"<td align='right' valign='top'>{_e(money.format_fen(line.value_fen))}</td></tr>"
            for line in data.lines)
        out.append(_table([head, body]))
    if data.kind != "service":
        out.append("<hr>")
        rmb = LABELS["rmb"][0]
        out.append(_table([
            row("total", _e(money.format_fen(data.amount_fen, symbol=True)),
                 bold=True),
            row("in_words", _e(rmb + money.capitals(data.amount_fen)), bold=True)]))
    out.append("<hr>")
    people = []
    if data.recipient:
        people.append(row("recipient", _e(data.recipient)))
    if data.paper_sheet:
        zh, en = (f"已在纸质登记表 {data.paper_sheet} 上签名",
                  f"signed on paper sheet {data.paper_sheet}")
        signature = f"{_e(zh)}<br>{_e(en)}" if bilingual else _e(zh)
    elif data.no_signature_reason:
        signature = _no_signature(data, bilingual)
    elif signature_size:
        w, h = signature_size
        signature = f"<img src='receipt:signature' width='{w:.1f}' height='{h:.1f}'>"
    else:
        key = ("bad_signature" if data.signature_png else
               "signed_elsewhere" if data.signed_elsewhere else "no_signature")
        signature = _e(text(key, bilingual))
    people.append(row("signature", signature))
    people.append(row("volunteer", _e(data.volunteer)))
    if data.second_volunteer:
        people.append(row("second", _e(data.second_volunteer)))
    if data.approved_by:
        people.append(row("approved", _e(data.approved_by)))
    out.append(_table(people))
    out.append("<p style='margin:0'>&nbsp;</p>")
    out.append(_centre(f"<img src='receipt:qr' width='{style.qr:.1f}' height='{style.qr:.1f}'>"))
    out.append(_centre(_e(text("verify", bilingual, " / ")), f * 0.8))
    out.append(_centre(_e(qr.grouped(data.payload)), f * 0.8))
    if data.station_phone:
        out.append(_centre(_e(f"{text('phone', bilingual)}：{data.station_phone}"), f))
    return "".join(out)


def _paper_note(data: ReceiptData, bilingual: bool) -> str:
    """补录（纸质登记表 N 第 M 行）: the aid was handed over on paper and typed back later."""
    zh = f"补录（纸质登记表 {data.paper_sheet} 第 {data.paper_line} 行）"
    en = f"补录 (from paper sheet {data.paper_sheet}, line {data.paper_line})"
    when = f"{'录入' if not bilingual else '录入 entered'} {data.entered_time}"
    return "<br>".join(_e(t) for t in ((zh, en, when) if bilingual else (zh, when)))


def _no_signature(data: ReceiptData, bilingual: bool) -> str:
    """未能签名：<reason>（站长 X 确认）, in place of the signature."""
    head = f" {data.no_signature_by} " if data.no_signature_by else ""  # another station's head
    zh = f"未能签名：{data.no_signature_reason}（站长{head}确认）"
    if not bilingual:
        return _e(zh)
    en = f"Could not sign: {data.no_signature_reason} (confirmed by station head{head.rstrip()})"
    return f"{_e(zh)}<br>{_e(en)}"


def _table(rows: list[str]) -> str:
    return ("<table width='100%' cellspacing='0' cellpadding='1' border='0'>"
            + "".join(rows) + "</table>")


def images(data: ReceiptData) -> tuple[QImage, QImage | None]:
    """The QR code and the signature (None when absent or unreadable), made once per receipt:
    copies that share them are embedded once in a PDF."""
    signature = QImage.fromData(data.signature_png) if data.signature_png else None
    return qr.image(data.payload), signature if signature and not signature.isNull() else None


def document(data: ReceiptData, style: Style, bilingual: bool, copy_label: str = "",
             made: tuple[QImage, QImage | None] | None = None) -> QTextDocument:
    """The receipt laid out at `style.text_width` points; long words wrap anywhere.

    Needs a Qt GUI application (`fonts.gui_app`). The caller checks `idealWidth()` against the
    width when it must prove nothing is clipped. `made` reuses the images of `images(data)`.
    """
    family = fonts.load()
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setUseDesignMetrics(True)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    font = QFont(family)
    font.setPixelSize(max(1, round(style.font)))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(f"body {{ font-family: '{family}'; }}")
    code, image = made or images(data)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("receipt:qr"), code)
    signature_size = None
    if image is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("receipt:signature"),
                        image)
        max_w, max_h = style.text_width * 0.55, style.font * 5
        scale = min(max_w / image.width(), max_h / image.height())
        signature_size = (image.width() * scale, image.height() * scale)
    doc.setHtml(html_of(data, style, bilingual, copy_label, signature_size))
    doc.setTextWidth(style.text_width)
    return doc
