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

from helpdesk.errors import KnownError
from helpdesk.receipts import printing
from helpdesk.services import receipts
from helpdesk.services.session import Session
from helpdesk.store import receipts as store
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


def landed(folder: Path, before: set[Path], receipt_no: str, qtbot: Any) -> tuple[Path, str]:
    """The job's PDF and its pdfinfo, once cups-pdf has finished writing it."""

    def finished() -> tuple[Path, str] | None:
        now = set(folder.glob("*.pdf")) if folder.exists() else set()
        for path in now - before:
            if receipt_no in path.name:
                done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
                if done.returncode == 0 and "Page size" in done.stdout:
                    return path, done.stdout
        return None

    qtbot.waitUntil(lambda: finished() is not None, timeout=60_000)
    return finished() or (Path(), "")


def test_a_printed_receipt_lands_as_a_pdf_and_its_qr_verifies(
        station: Session, queue: str, qtbot: Any, tmp_path: Path) -> None:
    needs("pdfinfo", "pdftoppm", "zbarimg")
    aid = give_cash(station)
    folder = output_dir()
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    data = receipts.print_receipt(station, aid, printer=queue, fmt="80mm")
    assert data.copy_no == 0

    printed, info = landed(folder, before, aid.receipt_no, qtbot)
    width = float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))  # type: ignore[union-attr]
    assert abs(width - 80 / 25.4 * 72) < 2  # the job kept the 80 mm roll width
    png = tmp_path / "printed"
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(printed), str(png)],
                   check=True)
    codes = subprocess.run(["zbarimg", "--quiet", "--raw", f"{png}.png"], capture_output=True,
                           text=True).stdout.split()
    assert codes and receipts.verify(station, codes[0]).ok
    assert receipts.print_receipt(station, aid, printer=queue).copy_no == 1  # a reprint


def test_with_no_printer_chosen_the_system_default_prints_the_original_then_a_reprint(
        station: Session, queue: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    needs("pdfinfo")
    from helpdesk.ui.dialogs.receipt import ReceiptDialog

    monkeypatch.setenv("PRINTER", queue)  # CUPS's default destination for this process
    assert QPrinterInfo.defaultPrinter().printerName() == queue
    assert receipts.settings(station).printer == ""  # none chosen in Settings
    aid = give_cash(station)
    dialog = ReceiptDialog(station, aid)
    qtbot.addWidget(dialog)
    assert dialog.print_button.isEnabled()
    folder = output_dir()
    heights = []
    for _ in range(2):
        before = set(folder.glob("*.pdf")) if folder.exists() else set()
        dialog.print_button.click()  # the job goes on the worker pool; the dialog waits
        qtbot.waitUntil(lambda: dialog.message.text() == "Sent to the printer", timeout=30_000)
        _, info = landed(folder, before, aid.receipt_no, qtbot)
        heights.append(float(re.search(r"Page size:\s+[\d.]+ x ([\d.]+)",
                                       info).group(1)))  # type: ignore[union-attr]
    assert [p.copy_no for p in store.prints_of(station.db, aid.id)] == [0, 1]
    # the roll page is as tall as the receipt: the reprint's mark (重印, its number and time)
    # is the one line the original does not have
    assert heights[1] > heights[0]


def test_with_no_printer_chosen_and_no_default_printing_is_refused(
        station: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRINTER", "NoSuchQueue")  # CUPS's default, named but not there
    if printing.default_printer():
        pytest.skip("this computer's print system names a default printer all the same")
    aid = give_cash(station)
    with pytest.raises(KnownError) as told:
        receipts.print_receipt(station, aid)
    assert told.value.code == "no_printer" and "Settings" in told.value.en
    assert store.prints_of(station.db, aid.id) == []  # nothing recorded as printed
