"""`helpdesk receipt pdf` and `helpdesk verify-receipt` as a user runs them: real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HELPDESK_LANG=lang, HELPDESK_PIN="123456")
    env.pop("QT_QPA_PLATFORM", None)  # the commands choose offscreen themselves
    return subprocess.run([sys.executable, "-m", "helpdesk", *args], capture_output=True,
                          text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("receipt-cli") / "station"
    done = run("demo-data", "--families", "10", "--aid", "12", "--seed", "5",
               "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    return folder


def test_receipt_pdf_then_verify_it(station_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "last.pdf"
    done = run("receipt", "pdf", "--last", "-o", str(out), "--format", "58mm",
               "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Saved receipt ") and out.stat().st_size > 10_000
    receipt_no = done.stdout.split()[2].rstrip(":")
    again = run("receipt", "pdf", receipt_no, "-o", str(tmp_path / "copy.pdf"),
                "--data-dir", str(station_dir), lang="zh")
    assert again.returncode == 0 and "重印第 1 次" in again.stdout
    checked = run("verify-receipt", "--pdf", str(out), "--data-dir", str(station_dir))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith(f"valid: receipt {receipt_no}")


def test_verify_receipt_exit_status_and_messages(station_dir: Path, tmp_path: Path) -> None:
    from helpdesk.receipts import pdf

    out = tmp_path / "r.pdf"
    assert run("receipt", "pdf", "--last", "-o", str(out), "--format", "a5",
               "--data-dir", str(station_dir)).returncode == 0
    payload = pdf.qr_texts(out)[0]
    ok = run("verify-receipt", payload, "--data-dir", str(station_dir))
    assert ok.returncode == 0 and ok.stdout.startswith("valid:")
    parts = payload.split(".")
    parts[4] = str(int(parts[4]) + 100)  # one yuan more
    forged = run("verify-receipt", ".".join(parts), "--data-dir", str(station_dir))
    assert forged.returncode == 1 and "the amount was altered" in forged.stdout
    bad = run("verify-receipt", "HD9.X", "--data-dir", str(station_dir), lang="zh")
    assert bad.returncode == 1 and bad.stdout.startswith("无效：格式不对")
    for digits in ("０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩"):
        wide = run("verify-receipt", payload.translate(str.maketrans("0123456789", digits)),
                   "--data-dir", str(station_dir))
        assert wide.returncode == 1 and "Traceback" not in wide.stderr, wide.stderr
        assert wide.stdout.startswith("invalid: bad format, The receipt code has a character")
    missing = run("receipt", "pdf", "NOPE-2026-00001", "-o", str(tmp_path / "x.pdf"),
                  "--data-dir", str(station_dir))
    assert missing.returncode == 1 and "No receipt numbered NOPE-2026-00001" in missing.stderr
