"""The shipped Chinese font, loaded into Qt so receipts render the same on every machine.

`resources/fonts/` holds a subset of Noto Sans CJK SC (GB 2312 and the 通用规范汉字表, see
`make_subset.py` there), renamed "Helpdesk Sans SC" so that Qt cannot confuse it with a system
copy. Naming the family explicitly matters: with only the system's Noto CJK installed, Qt's
fallback picks the Japanese face (different glyph shapes).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication

FAMILY = "Helpdesk Sans SC"  # Noto Sans CJK SC, subset and renamed (make_subset.py)
SYSTEM_FAMILY = "Noto Sans CJK SC"
FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = (FONT_DIR / "HelpdeskSansSC-Regular.otf", FONT_DIR / "HelpdeskSansSC-Bold.otf")

_loaded: list[str] = []


def gui_app() -> QCoreApplication:
    """The running Qt application; makes a QGuiApplication (offscreen when no display is set)
    for command-line and test use. Painting text needs at least a QGuiApplication."""
    app = QCoreApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app


def load() -> str:
    """Register the shipped font once and return the family to name in layouts.

    Falls back to the system's `Noto Sans CJK SC` when the files are missing (a tree where they
    were not made), so text still renders; `shipped()` tells which one is used.
    """
    gui_app()
    if not _loaded:
        families = set()
        for path in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
            if font_id >= 0:
                families.update(QFontDatabase.applicationFontFamilies(font_id))
        _loaded.append(FAMILY if FAMILY in families else SYSTEM_FAMILY)
    return _loaded[0]


def shipped() -> bool:
    """Whether the shipped font (not a system one) is the one in use."""
    return load() == FAMILY
