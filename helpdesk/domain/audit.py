"""The audit row: who did what, when, from which screen. Append-only; synced like any change,
so the server checks a pushed row with this model, as it checks families and aid."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from helpdesk.domain.changes import canonical_json
from helpdesk.domain.common import Model

MAX_DETAIL_CHARS = 4000  # a detail is a few ids, a reason, a list of field names


class AuditEntry(Model):
    id: str = Field(min_length=1, max_length=64)
    at: str = Field(max_length=40)
    volunteer_id: str | None = Field(default=None, max_length=64)
    action: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,47}$")
    entity: str = Field(default="", pattern=r"^[a-z_]{0,16}$")
    entity_id: str = Field(default="", max_length=64)
    screen: str = Field(default="", pattern=r"^[A-Za-z0-9_.-]{0,40}$")
    detail: dict[str, Any] = Field(default_factory=dict)
    device_id: str = Field(min_length=1, max_length=64)
    hlc: str = Field(max_length=21)

    @field_validator("detail")
    @classmethod
    def _small(cls, value: dict[str, Any]) -> dict[str, Any]:
        text = canonical_json(value)
        if len(text) > MAX_DETAIL_CHARS:
            raise ValueError(f"the detail is at most {MAX_DETAIL_CHARS} characters")
        # canonical_json escapes line breaks and tabs; anything else below 0x20 is escaped
        # too, so look at the raw characters of every string in it.
        if any(_hidden(ch) for ch in _strings(value)):
            raise ValueError("the detail holds a control character")
        return value


# Bidirectional and other invisible format characters that can make text lie about itself.
_FORMAT = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


def _strings(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "".join(_strings(k) + _strings(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return "".join(_strings(v) for v in value)
    return ""


def _hidden(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 and ch not in "\n\t") or 0x7F <= code < 0xA0 or ch in _FORMAT
