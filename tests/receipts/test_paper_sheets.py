"""The printed paper sheets read back as a person and a scanner would (pdftotext, zbarimg), and
the receipt of an aid typed back from one (补录)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from helpdesk.domain.common import iso
from helpdesk.domain.paper import PaperLine
from helpdesk.services import aid as aidcases
from helpdesk.services import paper, receipts
from helpdesk.services.session import Session
from tests.receipts.conftest import give_cash
from tests.receipts.test_receipts import chinese, pdftotext, squeeze, zbar
from tests.services.helpers import programme_id, register


def test_roster_carries_its_sheet_number_line_numbers_and_qr(station: Session,
                                                              tmp_path: Path) -> None:
    aid = give_cash(station)
    for n in range(30):  # two pages: the lines number on across the page break
        register(station, head_name=f"王{chr(0x4e00 + n)}{chr(0x4e50 + n)}",
                 id_number="", id_kind="none", phone=f"1391234{n:04d}")
    printed = paper.print_sheet(station, tmp_path / "roster.pdf", aid.programme_id)
    text = pdftotext(tmp_path / "roster.pdf")
    number = printed.sheet.number
    assert printed.pages == 2 and printed.sheet.lines == 31
    assert text.count(number) == 1 + printed.pages  # the head, and the footer of every page
    assert "行号" in text and "Line" in text
    assert "31" in text.split()  # the last line's number, on the second page
    assert zbar(tmp_path / "roster.pdf", tmp_path) == [number]  # first page, as scanned
    blank = paper.print_sheet(station, tmp_path / "blank.pdf")
    assert blank.sheet.number != number and blank.sheet.kind == "blank"
    assert zbar(tmp_path / "blank.pdf", tmp_path) == [blank.sheet.number]
    assert blank.sheet.number in pdftotext(tmp_path / "blank.pdf")


def _typed_back(station: Session, tmp_path: Path) -> tuple[str, str]:
    printed = paper.print_sheet(station, tmp_path / "blank.pdf")
    with station.write() as db:  # printed before the outage
        db.execute("UPDATE paper_sheets SET printed_at = ?",
                   [iso(datetime.now(UTC) - timedelta(days=2))])
    family = register(station)
    line = PaperLine(sheet=printed.sheet.number, line=7, handed_by=station.volunteer.id,
                     given_at=datetime.now(UTC) - timedelta(days=1))
    aid = aidcases.give_aid(station, {"family_id": family.id, "kind": "cash",
                                      "programme_id": programme_id(station, "SWN"),
                                      "amount_fen": "300"}, paper=line)
    return printed.sheet.number, aid.receipt_no


def test_the_receipt_of_a_paper_line_says_bulu_and_its_sheet(station: Session,
                                                             tmp_path: Path) -> None:
    number, receipt_no = _typed_back(station, tmp_path)
    out = tmp_path / "zh.pdf"
    aid, data = receipts.save_pdf(station, out, receipt_no=receipt_no, bilingual=False)
    text = pdftotext(out)
    assert f"补录（纸质登记表 {number} 第 7 行）" in text
    assert squeeze(f"已在纸质登记表 {number} 上签名") in squeeze(text)
    assert "from paper sheet" not in text
    given = datetime.fromisoformat(aid.given_at).astimezone(station.tz).strftime("%Y-%m-%d")
    assert given in text and data.entered_time[:10] in text
    both = tmp_path / "both.pdf"
    receipts.save_pdf(station, both, receipt_no=receipt_no, bilingual=True)
    text = pdftotext(both)
    flat = squeeze(text)  # 80 mm wraps long lines anywhere
    assert "补录" in chinese(text) and squeeze(f"(from paper sheet {number}, line 7)") in flat
    assert "signedonpapersheet" in flat  # the label column interleaves the wrapped number
    assert receipts.verify_pdf(station, both).ok
