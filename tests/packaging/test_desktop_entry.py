"""The desktop entry that the Linux bundle installs is well-formed and starts the app."""

from __future__ import annotations

import configparser
from pathlib import Path

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "helpdesk.desktop"


def test_desktop_entry_starts_the_app_in_both_languages() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(ENTRY, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"] == "helpdesk"
    assert entry["Terminal"] == "false"
    assert entry["Name"] and entry["Name[zh_CN]"] and entry["Comment[zh_CN]"]
