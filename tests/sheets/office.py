"""LibreOffice, a spreadsheet program no one here wrote, opening our files headless."""

from __future__ import annotations

import csv
import shutil
import subprocess
import uuid
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, fmt: str, outdir: Path) -> Path:
    """`path` converted by LibreOffice to `fmt` (csv: UTF-8, comma) in `outdir`; a private
    profile per call so parallel runs never share one."""
    assert SOFFICE, "LibreOffice (soffice) is installed by the set-up"
    profile = Path("/tmp") / f"lo-{uuid.uuid4().hex}"
    target = "csv:Text - txt - csv (StarCalc):44,34,76" if fmt == "csv" else fmt
    try:
        subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}",
                        "--convert-to", target, "--outdir", str(outdir), str(path)],
                       check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / f"{path.stem}.{fmt}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


def csv_rows(path: Path, outdir: Path) -> list[list[str]]:
    with convert(path, "csv", outdir).open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))
