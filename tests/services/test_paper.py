"""Aid typed back from a paper sheet (补录): numbered sheets, once per line, caps as at the desk,
the paper's date and time, the sheet's photo, the approvals."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3

from helpdesk.domain.aid import ApprovalKind
from helpdesk.domain.common import iso
from helpdesk.domain.paper import PaperLine
from helpdesk.errors import InvalidInput, KnownError, NeedsApproval
from helpdesk.services import aid as aidcases
from helpdesk.services import paper
from helpdesk.services.aid import Approval
from helpdesk.services.session import Session
from helpdesk.store import aid as aidstore
from helpdesk.store import paper as store
from tests.conftest import PIN
from tests.services.helpers import cash_aid, register

# Printing a sheet paints with Qt: the app the UI tests share must be pytest-qt's QApplication,
# not a bare QGuiApplication made by the receipts' font loader.
pytestmark = pytest.mark.usefixtures("qapp")

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 200


def _sheet(station: Session, tmp_path: Path) -> str:
    """A blank sheet printed three days ago (the outage's paper is older than its entry)."""
    number = paper.print_sheet(station, tmp_path / "blank.pdf").sheet.number
    with station.write() as db:
        db.execute("UPDATE paper_sheets SET printed_at = ? WHERE number = ?",
                   [iso(datetime.now(UTC) - timedelta(days=3)), number])
    return number


def _line(station: Session, sheet: str, line: int, hours_ago: int = 20) -> PaperLine:
    return PaperLine(sheet=sheet, line=line, handed_by=station.volunteer.id,
                     given_at=datetime.now(UTC) - timedelta(hours=hours_ago))


def _paper_aid(station: Session, family_id: str, amount: str = "300") -> dict[str, object]:
    data = cash_aid(station, family_id, amount=amount)
    del data["signature_png"]
    return data


def test_sheet_numbers_are_issued_in_order_and_recorded(station: Session, tmp_path: Path) -> None:
    first, second = _sheet(station, tmp_path), _sheet(station, tmp_path)
    assert first == f"{station.device.code}-P0001" and second.endswith("-P0002")
    recorded = store.get(station.db, first)
    assert recorded is not None and recorded.printed_by == station.volunteer.id
    assert recorded.kind == "blank" and recorded.lines == 16


def test_a_paper_line_is_given_at_the_papers_time_and_marked(station: Session,
                                                              tmp_path: Path) -> None:
    sheet = _sheet(station, tmp_path)
    family = register(station)
    line = _line(station, sheet.lower(), 3)  # typed in small letters: normalised
    before = datetime.now(UTC)
    aid = aidcases.give_aid(station, _paper_aid(station, family.id), paper=line,
                            paper_scan=JPEG)
    assert aid.paper_sheet == sheet and aid.paper_line == 3
    assert datetime.fromisoformat(aid.given_at) == line.given_at
    assert aid.entered_at is not None and datetime.fromisoformat(aid.entered_at) >= before
    assert aid.entered_by == station.volunteer.id and aid.signature_hash is None
    assert aid.paper_scan_hash is not None
    assert store.scan(station.db, aid.paper_scan_hash) == ("image/jpeg", JPEG)
    assert store.lines_entered(station.db, sheet) == {3: aid.receipt_no}


def test_a_line_entered_twice_is_refused_naming_its_receipt(station: Session,
                                                             tmp_path: Path) -> None:
    sheet = _sheet(station, tmp_path)
    first = aidcases.give_aid(station, _paper_aid(station, register(station).id),
                              paper=_line(station, sheet, 1))
    other = register(station, head_name="李四", id_number="420111198005171220",
                     phone="139 8765 4321")
    with pytest.raises(KnownError) as err:
        aidcases.give_aid(station, _paper_aid(station, other.id), paper=_line(station, sheet, 1))
    assert err.value.code == "paper_line_entered" and first.receipt_no in err.value.zh
    with pytest.raises(KnownError, match=first.receipt_no):
        aidcases.needs(station, _paper_aid(station, other.id), paper=_line(station, sheet, 1))
    # The store refuses it too, whatever the service checked.
    copy = first.model_copy(update={"id": "second-entry", "receipt_no": "ZZZZ-2099-00001"})
    with pytest.raises((sqlite3.IntegrityError, sqlcipher3.IntegrityError)):
        aidstore.insert(station.db, copy)
    # Voided, the line may be typed again (the first entry was a mistake).
    aidcases.void_aid(station, first.id, "录错了家庭")
    again = aidcases.give_aid(station, _paper_aid(station, other.id),
                              paper=_line(station, sheet, 1))
    assert again.paper_line == 1


def test_caps_apply_to_paper_lines(station: Session, tmp_path: Path) -> None:
    sheet = _sheet(station, tmp_path)
    family = register(station)
    aidcases.give_aid(station, cash_aid(station, family.id, amount="300"))
    needs = aidcases.needs(station, _paper_aid(station, family.id), paper=_line(station, sheet, 2))
    assert [n.kind for n in needs] == [ApprovalKind.CAP]  # not the clock: the paper is older
    with pytest.raises(NeedsApproval):
        aidcases.give_aid(station, _paper_aid(station, family.id), paper=_line(station, sheet, 2))
    aid = aidcases.give_aid(station, _paper_aid(station, family.id),
                            paper=_line(station, sheet, 2),
                            cap_approval=Approval(station.volunteer.id, "纸质登记表上已领", PIN))
    assert aid.override_by == station.volunteer.id


@pytest.mark.parametrize(("hours_ago", "code"), [(-2, "paper_future"),
                                                 (24 * 40, "paper_before_print")])
def test_paper_dates_in_the_future_or_before_printing_are_refused(
        station: Session, tmp_path: Path, hours_ago: int, code: str) -> None:
    sheet = _sheet(station, tmp_path)
    with pytest.raises(InvalidInput) as err:
        aidcases.give_aid(station, _paper_aid(station, register(station).id),
                          paper=_line(station, sheet, 1, hours_ago=hours_ago))
    assert err.value.code == code and err.value.problems[0].field == "given_at"


def test_bad_sheets_lines_and_scans_are_refused_by_name(station: Session,
                                                        tmp_path: Path) -> None:
    sheet = _sheet(station, tmp_path)
    family_id = register(station).id
    cases = [({"paper": _line(station, f"{station.device.code}-P0099", 1)},
              "paper_unknown_sheet"),
             ({"paper": _line(station, sheet, 17)}, "paper_line_range"),
             ({"paper": _line(station, sheet, 1), "paper_scan": b"GIF89a" + b"\x00" * 10},
              "scan_type"),
             ({"paper": _line(station, sheet, 1),
               "paper_scan": JPEG + b"\x00" * (4 * 1024 * 1024)}, "scan_too_big")]
    for kwargs, code in cases:
        with pytest.raises(KnownError) as err:
            aidcases.give_aid(station, _paper_aid(station, family_id), **kwargs)  # type: ignore[arg-type]
        assert err.value.code == code
    with pytest.raises(KnownError, match="signed on the sheet"):
        aidcases.give_aid(station, cash_aid(station, family_id), paper=_line(station, sheet, 1))
    with pytest.raises(InvalidInput) as bad:
        paper.sheet_number("P0001")
    assert bad.value.problems[0].field == "sheet"
    assert paper.sheet_number(" ７kqm-p0001 ") == "7KQM-P0001"
    assert store.lines_entered(station.db, sheet) == {}
