"""The console's languages: Babel message catalogs (translations/<lang>/LC_MESSAGES/
messages.po), zh_CN by default, en complete.

The .po files are the only form kept in the repository: they are compiled in memory at import
(babel.messages), so a fresh clone, an editable install and a wheel all work without a build
step and no stale .mo can disagree with its .po.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages import mofile, pofile

LANGS = ("zh_CN", "en")
DEFAULT = "zh_CN"
COOKIE = "office_lang"
TRANSLATIONS = Path(__file__).parent / "translations"


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"


def _load(lang: str) -> gettext.GNUTranslations:
    with po_path(lang).open("rb") as f:
        catalog = pofile.read_po(f, locale=lang)
    compiled = io.BytesIO()
    mofile.write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


CATALOGS = {lang: _load(lang) for lang in LANGS}


def choose(cookie: str | None) -> str:
    return cookie if cookie in LANGS else DEFAULT
