"""The paper days: printing the roster and the blank signature sheet under a sheet number, and
the checks of an aid typed back from one of their lines (补录), which `services.aid.give_aid`
records like any aid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from helpdesk.domain import idcard, paper
from helpdesk.domain.aid import AidIn
from helpdesk.domain.common import iso
from helpdesk.domain.errors import Invalid
from helpdesk.domain.paper import PaperLine
from helpdesk.domain.station import Volunteer
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services.session import Session
from helpdesk.store import paper as store
from helpdesk.store import programmes, volunteers
from helpdesk.store import receipts as receipt_store

# A paper time this far ahead of the computer's clock is a mistyped date, not a slow clock.
FUTURE_SLACK = timedelta(minutes=10)


@dataclass(frozen=True)
class Printed:
    sheet: store.Sheet
    pages: int


def print_sheet(session: Session, path: Path, programme_id: str | None = None) -> Printed:
    """Write the A4 paper fallback as a PDF under a new sheet number of this device: the
    roster of families for a programme, or with no programme the blank signature sheet.
    The number is recorded (who, when) in the same transaction; masked IDs only."""
    from helpdesk.receipts import roster  # its layouts and fonts only when a sheet is printed

    programme = None
    if programme_id is not None:
        programme = programmes.get(session.db, programme_id)
        if programme is None:
            raise KnownError("no_programme", "找不到这个项目", "No such programme")
        rows: list[roster.RosterRow] | None = [
            roster.RosterRow(name, idcard.mask(number) if number else "", phone[-4:], received)
            for name, _, number, phone, received in receipt_store.roster(session.db,
                                                                         programme_id)]
    else:
        rows = None
    with session.write() as db:
        sheet = store.issue(db, session.device, kind="blank" if rows is None else "roster",
                            programme_id=programme_id,
                            lines=roster.BLANK_ROWS if rows is None else len(rows),
                            printed_at=iso(datetime.now(UTC)), printed_by=session.volunteer.id)
        session.audit("paper_sheet_printed", session.tick(), detail={
            "sheet": sheet.number, "kind": sheet.kind, "lines": sheet.lines})
        pages = roster.write(path, station=session.station.name, sheet=sheet.number,
                             programme=(f"{programme.name_zh} / {programme.name('en')}"
                                        if programme else ""), rows=rows)
    return Printed(sheet, pages)


def sheet_number(text: str) -> str:
    """A typed or scanned sheet number, normalised; InvalidInput (field `sheet`) otherwise."""
    try:
        return paper.normalize_sheet(text)
    except Invalid as err:
        raise InvalidInput([err.problem]) from None


def sheet(session: Session, number: str) -> tuple[store.Sheet | None, dict[int, str]]:
    """What this device knows of a sheet (None when another laptop printed it) and its lines
    typed back so far (line → receipt number). Raises InvalidInput for a malformed number and
    KnownError for a number of this device that it never issued."""
    number = sheet_number(number)
    found = store.get(session.db, number)
    if found is None and paper.device_code_of(number) == session.device.code:
        raise KnownError("paper_unknown_sheet",
                         f"本机没有打印过纸质登记表 {number}：请核对表号",
                         f"This computer never printed paper sheet {number}: check the number")
    return found, store.lines_entered(session.db, number)


def hand_over_volunteers(session: Session) -> list[Volunteer]:
    """Who may have handed aid over: the station's active volunteers."""
    return volunteers.active(session.db)


def _problem(code: str, zh: str, en: str, field: str) -> InvalidInput:
    return InvalidInput([Invalid(code, zh, en, field).problem])


def check_line(session: Session, line: PaperLine, now: datetime) -> str:
    """Whether this sheet line may be typed back now; returns the id of the volunteer who
    handed the aid over. Raises KnownError naming the receipt when the line was entered
    already, InvalidInput (fields line, given_at, handed_by) otherwise."""
    found, _ = sheet(session, line.sheet)
    done = store.entered(session.db, line.sheet, line.line)
    if done is not None:
        raise KnownError("paper_line_entered",
                         f"纸质登记表 {line.sheet} 第 {line.line} 行已经补录过（凭证号 {done}），"
                         "不能重复录入",
                         f"Line {line.line} of paper sheet {line.sheet} was already entered "
                         f"(receipt {done}): it cannot be entered twice")
    if found is not None and line.line > found.lines:
        raise _problem("paper_line_range",
                       f"纸质登记表 {found.number} 只有 {found.lines} 行",
                       f"Paper sheet {found.number} has only {found.lines} lines", "line")
    if line.given_at > now + FUTURE_SLACK:
        raise _problem("paper_future", "纸上的日期时间还没到：请核对日期",
                       "The date and time on the paper is in the future: check the date",
                       "given_at")
    if found is not None:
        printed = datetime.fromisoformat(found.printed_at).astimezone(session.tz).date()
        if line.given_at.astimezone(session.tz).date() < printed:
            raise _problem("paper_before_print",
                           f"纸上的日期早于本表的打印日期 {printed}：请核对日期",
                           f"The date on the paper is before the sheet was printed ({printed}): "
                           "check the date", "given_at")
    volunteer = volunteers.get(session.db, line.handed_by)
    if volunteer is None:
        raise _problem("paper_handed_by", "请选择经手发放的志愿者",
                       "Choose the volunteer who handed it over", "handed_by")
    return volunteer.id


def checked_scan(data: bytes | None) -> tuple[bytes, str] | None:
    """A sheet's photo or scan with its image type; InvalidInput (field `scan`) for an empty,
    oversized or non-image file."""
    if data is None:
        return None
    try:
        return data, paper.scan_type(data)
    except Invalid as err:
        raise InvalidInput([err.problem]) from None


def check_no_signature(aid_in: AidIn, no_signature: object) -> None:
    """A paper line was signed on the paper: it carries no signature of the pad, and no
    'could not sign' either."""
    if aid_in.signature_png is not None or aid_in.signature_strokes or no_signature:
        raise KnownError("paper_signature", "补录的记录以纸质登记表上的签名为准，不再在电脑上签名",
                         "An aid typed back from paper was signed on the sheet: no signature "
                         "is taken on the computer")


def fields(db: Database, session: Session, line: PaperLine | None,
           scan: tuple[bytes, str] | None, now: datetime) -> dict[str, Any]:
    """The paper fields of the Aid (empty for aid given at the desk); stores the scan."""
    if line is None:
        return {}
    return {"paper_sheet": line.sheet, "paper_line": line.line, "entered_at": iso(now),
            "entered_by": session.volunteer.id,
            "paper_scan_hash": store.put_scan(db, *scan) if scan else None}
