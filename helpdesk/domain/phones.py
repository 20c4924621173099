"""Chinese phone numbers: mobiles and landlines, as volunteers type them, in one stored form.

Stored forms: a mobile as its 11 digits (`13812345678`); a landline as area code, local number
and optional extension joined by dashes (`010-12345678`, `0571-87654321-123`).
"""

from __future__ import annotations

import re

from helpdesk.domain.errors import Invalid

# Full-width ASCII (U+FF01-U+FF5E) and the ideographic space come from Chinese input methods.
_FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―", "-"))
_EXTENSION = re.compile(r"(?P<main>.*?)\s*(?:转|分机|ext\.?|x|#)\s*(?P<ext>\d{1,6})", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-.()]+")
_MOBILE = re.compile(r"1[3-9]\d{9}")
# Beijing (010) and the 02x cities have two-digit area codes after the 0, everyone else three.
_AREA = re.compile(r"(?P<area>010|02\d|0[3-9]\d\d)(?P<local>[1-9]\d{6,7})")


def normalize(text: str) -> str:
    """Return the phone number in its stored form (see the module docstring).

    Accepts spaces, dashes, dots and parentheses anywhere; full-width characters; a `+86`,
    `0086` or `86` prefix; an extension after `-`, `转`, `分机`, `ext`, `x` or `#`. Raises
    `Invalid` with code `phone` for anything else, e.g. a local number without its area code.
    """
    text = text.translate(_FULL_WIDTH).translate(_DASHES).strip()
    if not text:
        raise _invalid(
            "请输入电话号码：手机 11 位，例如 13812345678；固定电话带区号，例如 010-12345678",
            "Type a phone number: a mobile has 11 digits, e.g. 13812345678; "
            "a landline needs its area code, e.g. 010-12345678",
        )
    ext = ""
    marked = _EXTENSION.fullmatch(text)
    if marked:
        text, ext = marked["main"], marked["ext"]
    text = text.lstrip("( ")
    intl = text.startswith("+")
    tokens = [t for t in _SEPARATORS.split(text.removeprefix("+")) if t]
    if not tokens or not all(t.isascii() and t.isdigit() for t in tokens):
        raise _unreadable()
    number = None
    if not ext and len(tokens) == 3 and len(tokens[2]) <= 6:
        # Area, local number and extension as the stored form writes them: keep that split,
        # since 010-1234567-8 would also read as 010-12345678.
        head = _number(tokens[0] + tokens[1], intl)
        if head == f"{tokens[0]}-{tokens[1]}":
            number, ext = head, tokens[2]
    if number is None:
        number = _number("".join(tokens), intl)
    if number is None and not ext and len(tokens) > 1 and len(tokens[-1]) <= 6:
        # "+86 571 87654321 123": only the last separator can mark the extension.
        number = _number("".join(tokens[:-1]), intl)
        ext = tokens[-1] if number else ""
    if number is None:
        raise _unparsed("".join(tokens))
    if ext and "-" not in number:
        raise _invalid(
            "手机号码没有分机号：请只输入 11 位手机号码",
            "A mobile number has no extension: type only its 11 digits",
        )
    return f"{number}-{ext}" if ext else number


def digits(phone: str) -> str:
    """Return the digits of a stored phone number without its extension, for tail search.

    `0571-87654321-123` → `057187654321`, `13812345678` → itself. Never raises.
    """
    parts = phone.strip().split("-")
    if len(parts) == 3 and parts[0].startswith("0"):
        parts = parts[:2]
    return "".join(c for c in "".join(parts).translate(_FULL_WIDTH) if c in "0123456789")


def _number(d: str, intl: bool) -> str | None:
    """The stored form of a mobile or landline without extension, or None."""
    if d.startswith("0086"):
        d, intl = d[4:], True
    elif intl:
        if not d.startswith("86"):
            return None  # another country's number
        d = d[2:]
    elif len(d) == 13 and d.startswith("86") and _MOBILE.fullmatch(d[2:]):
        return d[2:]
    if _MOBILE.fullmatch(d):
        return d
    if intl:
        # From abroad the area code's 0 is dropped: +86 10 1234 5678.
        d = d if d.startswith("0") else "0" + d
    elif len(d) == 12 and d.startswith("0") and _MOBILE.fullmatch(d[1:]):
        return d[1:]  # a 0 before a mobile was once dialled for long distance
    landline = _AREA.fullmatch(d)
    return f"{landline['area']}-{landline['local']}" if landline else None


def _unparsed(d: str) -> Invalid:
    if len(d) in (7, 8) and d[0] in "23456789":
        return _invalid(
            f"固定电话 {d} 缺少区号：请在前面加上区号，例如 0571-{d}",
            f"The landline number {d} has no area code: add it in front, e.g. 0571-{d}",
        )
    if d.startswith("1") and len(d) != 11:
        return _invalid(
            f"手机号码应为 11 位，现在是 {len(d)} 位：请检查是否漏输或多输了数字",
            f"A mobile number has 11 digits, this one has {len(d)}: "
            "check for a missing or extra digit",
        )
    return _unreadable()


def _unreadable() -> Invalid:
    return _invalid(
        "电话号码格式不对：手机请输入 11 位号码，例如 13812345678；"
        "固定电话请带区号，例如 010-12345678 或 0571-87654321-123（分机）",
        "This is not a phone number: type a mobile's 11 digits, e.g. 13812345678, or a "
        "landline with its area code, e.g. 010-12345678 or 0571-87654321-123 (extension)",
    )


def _invalid(zh: str, en: str) -> Invalid:
    return Invalid("phone", zh, en)
