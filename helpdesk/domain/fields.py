"""What the fields of the domain models are made of: bounded text, 64-bit integers, exact tokens.

A station validates what volunteers type with these, and the server validates every pushed state
with the same models, so a control character, a megabyte of text or a 2**70 never reaches SQL
or another station. Use them as annotations:

    address: Annotated[str, Text(200)] = ""          # one line, at most 200 characters
    notes: Annotated[str, Text(2000, lines=True)] = ""  # newlines and tabs allowed
    income_fen: Int64 = 0                              # any int that fits a signed 64-bit column
    family_id: Id                                      # an ASCII id of at most 64 characters

Text refuses C0 and C1 control characters (NUL, ESC, DEL, NEL …; newline and tab outside
multi-line notes), format characters (bidi overrides and isolates, LRM/RLM, zero-width space,
word joiner, BOM, tag characters …), line and paragraph separators, lone surrogates and
non-characters. It keeps ZWJ and ZWNJ (U+200D, U+200C): emoji sequences (👨‍👩‍👧) and some
scripts need them, and they change neither direction nor a terminal. Names are stricter still
(`names.validate_name` refuses every "C" category character, ZWJ included): a name is matched
and searched, and an invisible joiner would make two equal-looking names differ.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, GetCoreSchemaHandler
from pydantic_core import core_schema

from helpdesk.domain import names
from helpdesk.domain.validation import fail, rule

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

_JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ
_LINE_BREAKS = frozenset("\n\t")


def bad_character(text: str, *, lines: bool = False) -> str | None:
    """The first character free text may not hold, or None. `lines` allows newline and tab."""
    for ch in text:
        if ch.isprintable():  # not Cc, Cf, Cs, Co, Cn, Zl, Zp, nor a space other than " "
            continue
        if lines and ch in _LINE_BREAKS:
            continue
        category = unicodedata.category(ch)
        if category == "Zs" or ch in _JOINERS or category == "Co":
            continue  # other spaces; joiners (see above); private use (old rare-character fonts)
        if category == "Cn" and not (0xFDD0 <= ord(ch) <= 0xFDEF or ord(ch) & 0xFFFE == 0xFFFE):
            continue  # assigned in a newer Unicode than this Python's: a newer station's text
        return ch
    return None


@dataclass(frozen=True)
class Text:
    """Free text of at most `max_length` characters, stripped; `lines` for multi-line notes."""

    max_length: int
    min_length: int = 0
    lines: bool = False

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # The length is checked before the characters: a megabyte is refused without a scan.
        return core_schema.no_info_after_validator_function(
            self.check, core_schema.str_schema(min_length=self.min_length,
                                               max_length=self.max_length))

    def check(self, value: str) -> str:
        if self.lines:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        ch = bad_character(value, lines=self.lines)
        if ch is None:
            return value
        if ch in _LINE_BREAKS or ch in "\r\u2028\u2029\x85":
            raise fail("one_line", "这里只能写一行：请删除换行或制表符",
                       "Keep this on one line: remove the line break or tab")
        code = f"U+{ord(ch):04X}"
        raise fail("control_character",
                   f"有看不见的控制字符（{code}），请删除后重新输入",
                   f"It holds an invisible control character ({code}): delete it and type "
                   "it again")


@dataclass(frozen=True)
class Token:
    """An exact machine format (ids, timestamps, codes): a regular expression, fully matched."""

    pattern: str
    max_length: int
    zh: str
    en: str

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        regex = re.compile(self.pattern, re.ASCII)

        def check(value: str) -> str:
            if regex.fullmatch(value) is None:
                raise fail("format", self.zh, self.en)
            return value

        return core_schema.no_info_after_validator_function(
            check, core_schema.str_schema(max_length=self.max_length))


def _not_bool(value: Any) -> Any:
    if isinstance(value, bool):  # bool is an int to Python, never to us
        raise fail("int_type", "请填写整数，不能是“是/否”", "Type a whole number, not yes or no")
    return value


def _in_64_bits(value: int) -> int:
    if not INT64_MIN <= value <= INT64_MAX:
        raise fail("int64", "数字太大了，请检查是否多输了数字",
                   "The number is too large: check for extra digits")
    return value


Int64 = Annotated[int, BeforeValidator(_not_bool), AfterValidator(_in_64_bits)]
"""An integer that fits a signed 64-bit column; True and False are refused."""

Id = Annotated[str, Token(r"[0-9A-Za-z][0-9A-Za-z_.:-]{0,63}", 64,
                          "编号格式不对", "Not a valid id")]
"""A record's id: a UUIDv7 from `common.new_id`, or any ASCII token of at most 64 characters."""

Moment = Annotated[str, Token(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})", 32,
    "时间格式应为 2026-01-31T08:00:00.000000Z", "Write the time as 2026-01-31T08:00:00.000000Z")]
"""A UTC moment as `common.iso` writes it (an offset is accepted too)."""

Day = Annotated[str, Token(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", 10,
                           "日期格式应为 2026-01-31", "Type the date as 2026-01-31")]
"""A calendar date as text, as aid rows keep their local date."""

HlcText = Annotated[str, Token(r"\d{15}-\d{5}", 21, "时间戳格式不对", "Not a valid timestamp")]
"""A hybrid logical clock timestamp as `Hlc.__str__` writes it."""

Sha256 = Annotated[str, Token(r"[0-9a-f]{64}", 64, "摘要格式不对", "Not a valid SHA-256 digest")]

Code = Annotated[str, Token(r"[0-9A-Z][0-9A-Z-]{0,31}", 32, "代码格式不对", "Not a valid code")]
"""A station's or device's readable code: capitals, digits, dashes (P-7KQ2M, 420111-0002)."""

Word = Annotated[str, Token(r"[a-z][a-z0-9_]{0,39}", 40, "格式不对", "Not a valid name")]
"""A lower-case word of the program (an audit action, a screen)."""


def _name(value: str) -> str:
    return str(rule(names.validate_name)(value))


def _name_or_empty(value: str) -> str:
    return _name(value) if value else ""


# A name is capped before `validate_name` sees it (collapsing spaces, one kind of middle dot)
# and checked again by it: at most 40 characters, no character of a "C" category at all.
Name = Annotated[str, Text(names.MAX_LENGTH, lines=True), AfterValidator(_name)]
"""A person's name as `names.validate_name` keeps it; empty is refused."""

OptionalName = Annotated[str, Text(names.MAX_LENGTH, lines=True), AfterValidator(_name_or_empty)]
"""A person's name, or "" when none is given."""
