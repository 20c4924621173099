"""Shared pieces of the domain models: the frozen base model, ids, UTC time, labelled enums."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict
from uuid6 import uuid7

STATION_TZ = ZoneInfo("Asia/Shanghai")


class Model(BaseModel):
    """Frozen, strict about unknown fields: only these cross threads and boundaries."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Labelled(StrEnum):
    """An enum whose members have a Chinese and an English label (see `LABELS` of each)."""

    def label(self, lang: str = "zh") -> str:
        zh, en = type(self).labels()[self.value]
        return zh if lang.startswith("zh") else en

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        raise TypeError(f"{cls.__name__} must define labels()")  # a programming error


def new_id() -> str:
    """A UUIDv7 string: unique everywhere, sortable by creation time."""
    return str(uuid7())


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """UTC ISO text with microseconds and 'Z', sortable as text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def local_date(moment: datetime, tz: ZoneInfo = STATION_TZ) -> date:
    """The station's calendar date of a moment (receipt years, day totals, campaigns)."""
    return moment.astimezone(tz).date()
