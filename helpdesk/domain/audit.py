"""An audit row as it is synced: who did what, when, from which screen, with a small detail.

`store.audit.record` writes these rows; the server validates every pushed audit state with
`AuditRow`, so the detail stays a flat map of short keys to yes/no, 64-bit numbers, bounded
one-line text, or a short list of numbers and text (the fields of an edit).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PlainValidator

from helpdesk.domain.common import Model
from helpdesk.domain.fields import INT64_MAX, INT64_MIN, HlcText, Id, Moment, Text, Token, Word
from helpdesk.domain.validation import fail

MAX_DETAIL_KEYS = 20
MAX_DETAIL_TEXT = 500  # a reason, a folder or printer name, a public key in hex
MAX_DETAIL_ITEMS = 50  # the fields of an edit

_TEXT = Text(MAX_DETAIL_TEXT)


def _scalar(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise fail("int64", "数字太大了", "The number is too large")
        return value
    if isinstance(value, str):
        if len(value) > MAX_DETAIL_TEXT:
            raise fail("string_too_long", f"太长了：最多 {MAX_DETAIL_TEXT} 个字",
                       f"Too long: at most {MAX_DETAIL_TEXT} characters")
        return _TEXT.check(value)
    raise fail("detail_value", "详情只能是是/否、整数、文字或它们的列表",
               "A detail is yes/no, a whole number, text, or a list of them")


def _detail_value(value: Any) -> Any:
    """One value of the detail map; exactly the JSON kinds, no nesting beyond one list."""
    if isinstance(value, list | tuple):
        if len(value) > MAX_DETAIL_ITEMS:
            raise fail("too_long", f"最多 {MAX_DETAIL_ITEMS} 项",
                       f"At most {MAX_DETAIL_ITEMS} items")
        if any(isinstance(v, list | tuple | dict) for v in value):
            raise fail("detail_value", "详情的列表里不能再有列表",
                       "A detail list holds no lists or maps")
        return tuple(_scalar(v) for v in value)
    return _scalar(value)


DetailKey = Annotated[str, Token(r"[a-z][a-z0-9_]{0,39}", 40, "格式不对", "Not a valid key")]
DetailValue = Annotated[Any, PlainValidator(_detail_value)]


class AuditRow(Model):
    """One audit row, as `store.audit.record` puts it in the outbox."""

    id: Id
    at: Moment
    volunteer_id: Id | None = None
    action: Word
    entity: Annotated[str, Token(r"([a-z][a-z_]{0,15})?", 16, "格式不对", "Not a valid entity")]
    entity_id: Annotated[str, Token(r"([0-9A-Za-z][0-9A-Za-z_.:-]{0,63})?", 64,
                                    "编号格式不对", "Not a valid id")] = ""
    screen: Annotated[str, Token(r"([a-z][a-z0-9_]{0,39})?", 40, "格式不对",
                                 "Not a valid screen")] = ""
    detail: Annotated[dict[DetailKey, DetailValue],
                      Field(default_factory=dict, max_length=MAX_DETAIL_KEYS)]
    device_id: Id
    hlc: HlcText
