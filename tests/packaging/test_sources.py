"""Fast checks of the packaging sources (the slow build is test_bundle.py)."""

from __future__ import annotations

import configparser
import re
import tomllib
from pathlib import Path

import helpdesk

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "helpdesk.iss"


def test_the_code_reports_the_version_in_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert helpdesk.__version__ == project["version"]  # the spec refuses to build otherwise


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in ISS.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        else:
            sections[current].append(line)
    return sections


def test_windows_installer_is_per_user_and_keeps_the_data() -> None:
    sections = iss_sections()
    setup = configparser.ConfigParser(interpolation=None)
    setup.read_string("[Setup]\n" + "\n".join(sections["Setup"]))
    assert setup["Setup"]["PrivilegesRequired"] == "lowest"
    assert (ISS.parent / setup["Setup"]["SetupIconFile"].replace("\\", "/")).is_file()
    assert "UninstallDelete" not in sections  # the station's data is never removed
    assert all("{app}" in line or "{autoprograms}" in line or "{autodesktop}" in line
               for line in sections["Files"] + sections["Icons"])
    # the start menu opens the windowed twin that the spec builds on Windows only
    assert any(line.startswith('Name: "{autoprograms}\\Helpdesk"') and "helpdeskw.exe" in line
               for line in sections["Icons"])
    assert 'name="helpdeskw"' in (ROOT / "packaging" / "helpdesk.spec").read_text("utf-8")
