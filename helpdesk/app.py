"""Composition root of the station app: QApplication, fonts, translator, the main window.

`run()` is what `helpdesk` and `helpdesk demo` call; everything else is built from here.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from helpdesk import __version__
from helpdesk import paths as pathsmod
from helpdesk.services import health
from helpdesk.ui import i18n, workers
from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.preferences import Preferences
from helpdesk.ui.widgets import wheel

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
# Named explicitly: with only Noto installed Qt's fallback picks the Japanese (JP) glyph shapes.
# "Helpdesk Sans SC" is the receipts' subset of Noto Sans CJK SC, shipped in resources/fonts.
CJK_FAMILIES = ("Noto Sans CJK SC", "Helpdesk Sans SC", "Noto Sans SC", "Source Han Sans SC",
                "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")
BACKGROUND = "#f5f7fa"  # the pages' background (styles/app.qss) behind every scroll area
DEMO_USER, DEMO_PIN = "admin", "123456"

log = logging.getLogger(__name__)
_crash_boxes: list[QMessageBox] = []
_station: list[pathsmod.Paths] = []  # the open station's folder, for `_crash_hook`'s messages


def load_fonts(folder: Path = RESOURCES / "fonts") -> list[str]:
    """Add the fonts shipped in resources/fonts (a CJK subset); returns their families."""
    families: list[str] = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".otf", ".ttf", ".ttc"):
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id >= 0:
                    families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def app_font(base: QFont) -> QFont:
    """The system font's size (it scales with the user's setting) with a CJK family named."""
    available = set(QFontDatabase.families())
    font = QFont(base)
    chosen = [f for f in CJK_FAMILIES if f in available]
    if chosen:
        font.setFamilies([chosen[0], base.family(), *chosen[1:]])
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(max(size, 10.5))
    return font


def stylesheet(base_pt: float = 10.5) -> str:
    """styles/app.qss with its relative font sizes (@k@pt) made k × the base size."""
    path = RESOURCES / "styles" / "app.qss"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return re.sub(r"@([0-9.]+)@pt", lambda m: f"{float(m.group(1)) * base_pt:.1f}pt", text)


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with fonts and style, made once (tests reuse pytest-qt's)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("Helpdesk")
    app.setOrganizationName("Helpdesk")
    app.setApplicationVersion(__version__)
    if not set(CJK_FAMILIES).intersection(QFontDatabase.families()):
        # Only without a Chinese system font: the shipped subset is read into memory (4 MB)
        # by addApplicationFont, while system fonts are mapped from disk as glyphs are needed.
        # Receipts load it for themselves (receipts.fonts), whatever the screen uses.
        load_fonts()
    font = app_font(QGuiApplication.font())
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(font.pointSizeF() if font.pointSizeF() > 0 else 10.5))
    wheel.install(app)  # the wheel scrolls pages, never a value the user did not pick
    return app


def build_window(paths: pathsmod.Paths, *, language: str | None = None) -> MainWindow:
    """Translator and main window over a station folder (what tests and screenshots use)."""
    prefs = Preferences(paths.config_dir)
    i18n.install(language or prefs.language)
    return MainWindow(paths, prefs)


def _crash_hook(kind: type[BaseException], err: BaseException, tb: TracebackType | None) -> None:
    """Anything not a KnownError is a bug: logged with its traceback and shown to the user.

    A full disk or a damaged database met on the way is no bug: it is told as a message.
    """
    text = "".join(traceback.format_exception(kind, err, tb))
    known = health.explain(err, _station[0]) if _station else None
    if known is not None:
        log.warning("%s\n%s", known.en, text)
        box = QMessageBox(QMessageBox.Icon.Warning, "Helpdesk", i18n.known(known))
        box.setObjectName("store_error_dialog")
    else:
        log.error("unexpected error\n%s", text)
        box = QMessageBox(QMessageBox.Icon.Critical, "Helpdesk",
                          QApplication.translate("Crash", "Something went wrong. Your saved work "
                                                 "is safe. Please tell the station head; the "
                                                 "details are below."))
        box.setObjectName("crash_dialog")
        box.setDetailedText(text)
    _crash_boxes.append(box)  # a parentless dialog lives as long as Python holds it
    box.finished.connect(lambda _: _crash_boxes.remove(box))
    box.open()


def run(argv: Sequence[str] | None = None, *, data_dir: str | Path | None = None,
        demo: bool = False) -> int:
    """Open the station app on `data_dir` (else $HELPDESK_DATA_DIR or the user's folder).

    With `demo=True` the folder is the demo station's (`paths.demo`: `data_dir`, else
    $HELPDESK_DATA_DIR, else the demo folder) and the sign-in screen opens on the demo head
    (admin, PIN 123456) with the PIN shown, so anyone can try the app; the caller creates the
    demo station first.
    """
    logging.basicConfig(level=logging.INFO)
    app = make_application(argv)
    paths = pathsmod.demo(data_dir) if demo else pathsmod.resolve(data_dir)
    _station[:] = [paths]
    window = build_window(paths)
    if demo:
        window.setWindowTitle(window.windowTitle() + " — demo")
        window.sign_in_page.choose(DEMO_USER)
        window.sign_in_page.say(QApplication.translate(
            "Demo", "Demo station: sign in as {user} with PIN {pin}")
            .replace("{user}", DEMO_USER).replace("{pin}", DEMO_PIN))
    sys.excepthook = _crash_hook
    window.show()
    if QGuiApplication.platformName() != "offscreen":
        QTimer.singleShot(0, window.raise_)
    code = app.exec()
    workers.wait_for_all()
    return code
