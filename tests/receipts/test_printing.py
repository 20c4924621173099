"""A real print: a receipt goes through QPrinter to a CUPS queue (cups-pdf) and the PDF that
lands is read back. `bash .ci/cups.sh` sets the queue up; without it the test skips, except in
CI (CI set), where it fails."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinterInfo

from helpdesk.services import receipts
from helpdesk.services.session import Session
from tests.receipts.conftest import give_cash, needs

QUEUE = "HelpdeskPDF"
CONF = Path("/etc/cups/cups-pdf.conf")


def output_dir() -> Path:
    """Where cups-pdf writes a job of this user (its `Out` setting, $HOME/PDF by default)."""
    out = "${HOME}/PDF"
    if CONF.exists():
        found = re.search(r"^Out\s+(\S+)", CONF.read_text(), re.MULTILINE)
        out = found.group(1) if found else out
    home = str(Path.home())
    return Path(out.replace("${HOME}", home).replace("${USER}", os.environ.get("USER", "")))


@pytest.fixture
def queue() -> str:
    if QPrinterInfo.printerInfo(QUEUE).isNull():
        message = f"no CUPS queue {QUEUE}: run .ci/cups.sh (as root) for the printing test"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return QUEUE


def test_a_printed_receipt_lands_as_a_pdf_and_its_qr_verifies(
        station: Session, queue: str, qtbot: Any, tmp_path: Path) -> None:
    needs("pdfinfo", "pdftoppm", "zbarimg")
    aid = give_cash(station)
    folder = output_dir()
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    data = receipts.print_receipt(station, aid, printer=queue, fmt="80mm")
    assert data.copy_no == 0

    def finished() -> tuple[Path, str] | None:
        """The job's PDF and its pdfinfo, once cups-pdf has finished writing it."""
        now = set(folder.glob("*.pdf")) if folder.exists() else set()
        for path in now - before:
            if aid.receipt_no in path.name:
                done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
                if done.returncode == 0 and "Page size" in done.stdout:
                    return path, done.stdout
        return None

    qtbot.waitUntil(lambda: finished() is not None, timeout=60_000)
    printed, info = finished() or (Path(), "")
    width = float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))  # type: ignore[union-attr]
    assert abs(width - 80 / 25.4 * 72) < 2  # the job kept the 80 mm roll width
    png = tmp_path / "printed"
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(printed), str(png)],
                   check=True)
    codes = subprocess.run(["zbarimg", "--quiet", "--raw", f"{png}.png"], capture_output=True,
                           text=True).stdout.split()
    assert codes and receipts.verify(station, codes[0]).ok
    assert receipts.print_receipt(station, aid, printer=queue).copy_no == 1  # a reprint
