"""The station, its devices (one per database) and its volunteers."""

from __future__ import annotations

import re
import secrets
from typing import Annotated

from pydantic import Field, field_validator

from helpdesk.domain import money, phones, regions
from helpdesk.domain.common import Labelled, Model
from helpdesk.domain.families import MAX_PHONE, MAX_REGION
from helpdesk.domain.fields import Code, HlcText, Id, Int64, Moment, Name, Text, Token
from helpdesk.domain.validation import rule

DEFAULT_CASH_THRESHOLD_FEN = 100_000  # 1,000 yuan: above it a second volunteer signs off
_DEVICE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud, typed back


class Role(Labelled):
    HEAD = "head"
    VOLUNTEER = "volunteer"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {"head": ("站长", "Station head"), "volunteer": ("志愿者", "Volunteer")}


class StationIn(Model):
    name: Annotated[str, Text(60, min_length=2)]
    region: Annotated[str, Text(MAX_REGION)]
    union_name: Annotated[str, Text(60)] = ""
    phone: Annotated[str, Text(MAX_PHONE)] = ""
    cash_threshold_fen: Int64 = Field(default=DEFAULT_CASH_THRESHOLD_FEN, ge=0,
                                      le=money.MAX_FEN)

    _region = field_validator("region")(rule(regions.validate))

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return rule(phones.normalize)(value) if value else ""

    @field_validator("cash_threshold_fen", mode="before")
    @classmethod
    def _threshold(cls, value: object) -> object:
        return rule(money.parse_fen)(value) if isinstance(value, str) else value


class Station(StationIn):
    id: Id
    code: Code
    code_provisional: bool = True
    enrolled: bool = False
    tz: Annotated[str, Token(r"[A-Za-z][A-Za-z0-9_+/-]{0,63}", 64, "时区格式不对",
                             "Not a valid time zone")] = "Asia/Shanghai"
    hlc: HlcText


class Device(Model):
    id: Id
    code: Code
    epoch: Int64 = Field(ge=0)
    created_at: Moment
    reason: Annotated[str, Text(200)]


class VolunteerIn(Model):
    name: Name
    role: Role = Role.VOLUNTEER
    pin: Annotated[str, Text(40)]

    @field_validator("pin")
    @classmethod
    def _pin(cls, value: str) -> str:
        return str(rule(validate_pin)(value))


class Volunteer(Model):
    id: Id
    name: Name
    role: Role
    active: bool = True
    created_at: Moment
    hlc: HlcText

    @property
    def is_head(self) -> bool:
        return self.role is Role.HEAD


def validate_pin(pin: str) -> str:
    """A PIN is 6 to 12 digits."""
    from helpdesk.domain.errors import Invalid

    if not re.fullmatch(r"\d{6,12}", pin or ""):
        raise Invalid("pin", "PIN 码应为 6 至 12 位数字", "The PIN is 6 to 12 digits")
    return pin


def new_device_code() -> str:
    """A short random device code for receipt numbers: 4 characters, easy to read aloud."""
    return "".join(secrets.choice(_DEVICE_ALPHABET) for _ in range(4))


def provisional_station_code() -> str:
    """Shown until the server assigns the readable code at enrollment."""
    return "P-" + "".join(secrets.choice(_DEVICE_ALPHABET) for _ in range(5))
