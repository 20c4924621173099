"""The user's language: which one, installing its Qt translator, and labels of domain values.

Source strings are English; `resources/i18n/helpdesk_zh_CN.qm` carries the Chinese. Chinese is
the default on a Chinese system, English elsewhere; $HELPDESK_LANG or Settings override it.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")

_current = "en"
_installed: list[QTranslator] = []


def system_language() -> str:
    """zh_CN on a Chinese system (or when $HELPDESK_LANG says zh), else en."""
    chosen = os.environ.get("HELPDESK_LANG", "")
    if chosen:
        return "zh_CN" if chosen.lower().startswith("zh") else "en"
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def current() -> str:
    return _current


def short() -> str:
    """'zh' or 'en': what KnownError.text() and the domain labels take."""
    return "zh" if _current.startswith("zh") else "en"


def install(language: str) -> str:
    """Install the translators for `language` (replacing the previous ones); returns it."""
    global _current
    app = QCoreApplication.instance()
    assert app is not None, "make the QApplication first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language if language in LANGUAGES else "en"
    if language != "en":
        for name, folder in (("helpdesk_" + language, str(I18N_DIR)),
                             ("qtbase_" + language,
                              QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    _current = language
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if language == "zh_CN" else QLocale(QLocale.Language.English,
                                                          QLocale.Country.UnitedKingdom))
    return language


def language_name(language: str) -> str:
    """Each language named in itself, so anyone can find their own."""
    return {"zh_CN": "简体中文", "en": "English"}[language]


def label(value: object) -> str:
    """A domain enum's label in the current language (every enum has zh and en labels)."""
    return str(value.label(short()))  # type: ignore[attr-defined]


def known(err: Exception) -> str:
    """A KnownError in the current language (anything else: its English text)."""
    text = getattr(err, "text", None)
    return text(short()) if callable(text) else str(err)
