"""The close slip as a PDF on the 80 mm roll: read back with pdftotext, it lists the day's cash
aid, the count and the two who signed; a reopened day's slip says so."""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpdesk.domain.closes import counts_for
from helpdesk.services import aid as aidcases
from helpdesk.services import close_slips, closes, volunteers
from helpdesk.services.session import Session
from tests.conftest import PIN
from tests.receipts.conftest import needs
from tests.services.helpers import cash_aid, register


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout


def test_the_80mm_slip_lists_the_aid_and_the_count(station: Session, tmp_path: Path) -> None:
    needs("pdftotext")
    volunteers.add_volunteer(station, "王芳", "135790")
    aid = aidcases.give_aid(station, cash_aid(station, register(station).id, amount="300.50"))
    close = closes.close_day(station, {"day": station.today().isoformat(), "float_fen": "500",
                                       "counts": counts_for(19_950)},
                             closer_pin=PIN, witness_id="王芳", witness_pin="135790")
    out = close_slips.save_pdf(station, close, tmp_path / "slip.pdf", fmt="80mm",
                               bilingual=False)
    text = _text(out)
    for expected in ("现金日结单", aid.receipt_no, "张三", "300.50", "¥500.00", "¥199.50",
                     "100 元", "实点现金", "清点人", "admin", "监盘人", "王芳"):
        assert expected in text, expected
    assert "Cash day close" not in text  # Chinese only, as asked
    closes.reopen_day(station, close.day, "补录漏记的发放")
    reopened = closes.all_closes(station)[0]
    text = _text(close_slips.save_pdf(station, reopened, tmp_path / "again.pdf", fmt="80mm"))
    assert "已由站长重新打开" in text and "补录漏记的发放" in text
