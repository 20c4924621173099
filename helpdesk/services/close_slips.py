"""The close slip of a day close: its content, saved as a PDF or sent to the printer the
receipts go to (`receipts.close_slip`). The paper follows the receipt settings: a roll prints
on 80 mm, a sheet printer (A5 receipts) on A4; either can be asked for."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from helpdesk.domain.closes import DayClose
from helpdesk.errors import KnownError
from helpdesk.receipts import close_slip, pdf, printing
from helpdesk.services import receipts
from helpdesk.services.session import Session
from helpdesk.store import closes as store
from helpdesk.store import volunteers

FORMATS = tuple(close_slip.FORMATS)


def _local(session: Session, moment: str, pattern: str = "%Y-%m-%d %H:%M") -> str:
    return datetime.fromisoformat(moment).astimezone(session.tz).strftime(pattern)


def _name(session: Session, volunteer_id: str | None) -> str:
    found = volunteers.get(session.db, volunteer_id) if volunteer_id else None
    return found.name if found else (volunteer_id or "")


def data_of(session: Session, close: DayClose) -> close_slip.SlipData:
    """What the slip prints: the close, with the cash aid it counted (given before it)."""
    aid = tuple(close_slip.AidLine(r["receipt_no"], _local(session, r["given_at"], "%H:%M"),
                                   r["head_name"] or r["recipient_name"] or "",
                                   int(r["amount_fen"]))
                for r in store.cash_aid(session.db, close.day) if r["given_at"] <= close.closed_at)
    reopened = ""
    if close.reopened_at:
        reopened = (f"{_local(session, close.reopened_at)} {_name(session, close.reopened_by)}："
                    f"{close.reopen_reason}")
    return close_slip.SlipData(
        union_name=session.station.union_name, station_name=session.station.name,
        day=close.day, float_fen=close.float_fen, cash_out_fen=close.cash_out_fen,
        expected_fen=close.expected_fen, counts=close.counts.model_dump(),
        counted_fen=close.counted_fen, difference_fen=close.difference_fen,
        reason=close.reason, closer=_name(session, close.closed_by),
        witness=_name(session, close.witness_id), closed_at=_local(session, close.closed_at),
        aid=aid, reopened=reopened)


def _format(session: Session, fmt: str | None) -> str:
    if fmt is None:
        return "a4" if receipts.settings(session).format == "a5" else "80mm"
    if fmt not in close_slip.FORMATS:
        raise KnownError("slip_format", f"日结单纸张只能是 {'、'.join(FORMATS)}",
                         f"The close slip's paper is one of {', '.join(FORMATS)}")
    return fmt


def _bilingual(session: Session, bilingual: bool | None) -> bool:
    return receipts.settings(session).bilingual if bilingual is None else bilingual


def save_pdf(session: Session, close: DayClose, path: Path, *, fmt: str | None = None,
             bilingual: bool | None = None) -> Path:
    """Write the slip as a one-page PDF (paper and language default to the receipt
    settings); KnownError when the file cannot be written."""
    sheet = close_slip.compose(data_of(session, close), _format(session, fmt),
                               _bilingual(session, bilingual))
    try:
        return pdf.write(sheet, path, f"{close_slip.LABELS['title'][0]} {close.day}")
    except pdf.PdfError as err:
        raise KnownError(err.code, err.zh, err.en) from None


def print_slip(session: Session, close: DayClose, *, printer: str | None = None,
               fmt: str | None = None, bilingual: bool | None = None) -> None:
    """Send the slip to the receipts' printer (or `printer`); KnownError when there is none
    or it refuses the job."""
    name = printer or receipts.printer_name(session)
    if not name:
        raise KnownError("no_printer", "没有选择打印机，系统也没有默认打印机：请在设置中选择",
                         "No printer is chosen and the system has no default printer: choose "
                         "one in Settings")
    sheet = close_slip.compose(data_of(session, close), _format(session, fmt),
                               _bilingual(session, bilingual))
    try:
        printing.print_sheet(sheet, name, f"{close_slip.LABELS['title'][0]} {close.day}")
    except printing.PrintError as err:
        raise KnownError(err.code, err.zh, err.en) from None
