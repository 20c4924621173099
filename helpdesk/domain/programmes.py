"""Aid programmes: what is given, in which campaign period, how often per family."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from helpdesk.domain.common import Labelled, Model
from helpdesk.domain.fields import HlcText, Id, Int64, Text
from helpdesk.domain.validation import fail

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,31}$")


class Kind(Labelled):
    CASH = "cash"
    GOODS = "goods"
    SERVICE = "service"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {"cash": ("现金", "Cash"), "goods": ("物资", "Goods"),
                "service": ("服务", "Service")}


class ProgrammeIn(Model):
    code: str
    name_zh: Annotated[str, Text(60, min_length=1)]
    name_en: Annotated[str, Text(100)] = ""
    kind: Kind
    starts_on: date
    ends_on: date
    limit_per_family: Int64 = Field(default=1, ge=1, le=100)
    budget_fen: Int64 | None = Field(default=None, ge=0)

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: object) -> object:
        text = value.strip().upper() if isinstance(value, str) and len(value) < 100 else ""
        if not _CODE.match(text):
            raise fail("programme_code",
                       "项目代码为 2 至 32 位大写字母、数字或连字符，例如 SWN-2026",
                       "The programme code is 2-32 capital letters, digits or dashes, "
                       "e.g. SWN-2026", "code")
        return text

    @model_validator(mode="after")
    def _period(self) -> ProgrammeIn:
        if self.ends_on < self.starts_on:
            raise fail("programme_period", "结束日期不能早于开始日期",
                       "The end date cannot be before the start date", "ends_on")
        return self


class Programme(ProgrammeIn):
    id: Id
    local: bool = False
    active: bool = True
    hlc: HlcText

    def open_on(self, day: date) -> bool:
        return self.active and self.starts_on <= day <= self.ends_on

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang.startswith("en") and self.name_en else self.name_zh
