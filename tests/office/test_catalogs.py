"""Every string of the console is translated: each msgid the templates use has a non-empty,
non-fuzzy entry in both catalogs (zh_CN and en), no catalog keeps an entry nobody uses, and
no template shows text that is not wrapped for translation."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages import pofile
from jinja2.ext import babel_extract

from helpdesk.server.office import i18n, web

KEYWORDS = ("_", "gettext", "ngettext")
# Text that needs no translation: numbers, punctuation, the other language's own name.
ALLOWED = {"English", "中文"}


def template_msgids() -> dict[str, str]:
    found: dict[str, str] = {}
    for template in sorted(web.TEMPLATES.glob("*.html")):
        with template.open("rb") as f:
            for line, _func, message, _comments in babel_extract(
                    f, KEYWORDS, [], {"extensions": "jinja2.ext.i18n"}):
                text = message[0] if isinstance(message, tuple) else message
                found.setdefault(text, f"{template.name}:{line}")
    return found


def catalog(lang: str) -> dict[str, tuple[str, bool]]:
    """msgid (a plural entry's singular) → (its text, fuzzy); a plural entry's text is its
    first form, and empty unless every form the language has is filled in."""
    with i18n.po_path(lang).open("rb") as f:
        read = pofile.read_po(f, locale=lang)
    found = {}
    for m in read:
        if isinstance(m.id, tuple):
            forms = m.string if isinstance(m.string, tuple) else (m.string,)
            whole = len(forms) == read.num_plurals and all(forms)
            found[m.id[0]] = (forms[0] if whole else "", m.fuzzy)
        elif m.id:
            found[m.id] = (m.string, m.fuzzy)
    return found


def test_every_msgid_is_translated_in_both_catalogs() -> None:
    used = template_msgids()
    assert len(used) > 40
    for lang in i18n.LANGS:
        entries = catalog(lang)
        missing = {m: where for m, where in used.items()
                   if m not in entries or not entries[m][0] or entries[m][1]}
        assert not missing, f"{lang}: untranslated {missing}"
        assert not set(entries) - set(used), f"{lang}: unused entries"


def test_placeholders_survive_translation() -> None:
    for lang in i18n.LANGS:
        for msgid, (text, _fuzzy) in catalog(lang).items():
            assert sorted(re.findall(r"%\(\w+\)s", msgid)) == \
                sorted(re.findall(r"%\(\w+\)s", text)), (lang, msgid)


def _visible_text(source: str) -> list[str]:
    """The text a template shows that is not Jinja: between tags, and in the attributes a
    person reads (placeholder, title, alt, aria-label). Jinja expressions and statements
    (where every translated string is) are cut out first; {% trans %} blocks whole."""
    source = re.sub(r"{%-?\s*trans.*?endtrans\s*-?%}", " ", source, flags=re.S)
    source = re.sub(r"{{.*?}}|{%.*?%}|{#.*?#}", "\x00", source, flags=re.S)
    shown = re.findall(r'\s(?:placeholder|title|alt|aria-label)="([^"]*)"', source)
    text = re.sub(r"<[^>]*>", "\n", source)
    shown += re.split(r"[\n\x00]", text)
    return [t.strip() for t in shown if t.replace("\x00", "").strip()]


def test_templates_show_no_text_outside_the_catalogs() -> None:
    for template in sorted(web.TEMPLATES.glob("*.html")):
        for text in _visible_text(template.read_text()):
            words = re.findall(r"[A-Za-z]{2,}|[\u4e00-\u9fff]+", text)
            assert not words or text in ALLOWED, f"{template.name}: {text!r}"


def test_the_check_catches_untranslated_text() -> None:
    assert _visible_text('<p class="x">Hello {{ _("Fine") }}</p><input placeholder="Name">'
                         '<b title="{{ _(\'Ok\') }}">{% if a %}More{% endif %}</b>') == \
        ["Name", "Hello", "More"]


def test_each_language_renders_its_own_words() -> None:
    rendered = {lang: web.ENVIRONMENTS[lang].get_template("error.html").render(
        lang=lang, html_lang=lang, session=None, path="/office/x", prefix="/office", csrf="",
        status_code=404) for lang in i18n.LANGS}
    assert "未找到" in rendered["zh_CN"] and "Not found" in rendered["en"]


def test_the_packaged_files_are_listed_as_package_data() -> None:
    """pyproject's package-data globs cover every non-Python file of the console, so a
    wheel carries templates, catalogs, CSS/JS and the vendored libraries."""
    import fnmatch
    import tomllib

    root = Path(web.__file__).parent
    config = tomllib.loads((root.parents[2] / "pyproject.toml").read_text())
    globs = config["tool"]["setuptools"]["package-data"]["helpdesk.server.office"]
    files = [p.relative_to(root).as_posix() for p in root.rglob("*")
             if p.is_file() and p.suffix not in (".py", ".pyc")]
    assert any(f.endswith("echarts.min.js") for f in files)
    unlisted = [f for f in files if not any(fnmatch.fnmatch(f, g) for g in globs)]
    assert not unlisted


def test_ages_take_the_plural_form_of_each_language() -> None:
    def age(lang: str, days: int, hours: int, minutes: int) -> str:
        page = web.ENVIRONMENTS[lang].from_string(
            '{{ ngettext("%(num)s minute ago", "%(num)s minutes ago", m) }}|'
            '{{ ngettext("%(num)s day ago", "%(num)s days ago", d) }}')
        return page.render(m=minutes, d=days, h=hours)

    assert age("en", 1, 0, 1) == "1 minute ago|1 day ago"
    assert age("en", 3, 0, 5) == "5 minutes ago|3 days ago"
    assert age("zh_CN", 1, 0, 1) == "1 分钟前|1 天前"
    assert age("zh_CN", 3, 0, 5) == "5 分钟前|3 天前"
