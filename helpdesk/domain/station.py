"""The station, its devices (one per database) and its volunteers."""

from __future__ import annotations

import re
import secrets

from pydantic import Field, field_validator

from helpdesk.domain import money, names, phones, regions
from helpdesk.domain.common import Labelled, Model
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
    name: str = Field(min_length=2, max_length=60)
    region: str
    union_name: str = Field(default="", max_length=60)
    phone: str = ""
    cash_threshold_fen: int = Field(default=DEFAULT_CASH_THRESHOLD_FEN, ge=0)

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
    id: str
    code: str
    code_provisional: bool = True
    enrolled: bool = False
    tz: str = "Asia/Shanghai"
    hlc: str


class Device(Model):
    id: str
    code: str
    epoch: int
    created_at: str
    reason: str


class VolunteerIn(Model):
    name: str = Field(max_length=40)
    role: Role = Role.VOLUNTEER
    pin: str

    _name = field_validator("name")(rule(names.validate_name))

    @field_validator("pin")
    @classmethod
    def _pin(cls, value: str) -> str:
        return str(rule(validate_pin)(value))


class Volunteer(Model):
    id: str
    name: str
    role: Role
    active: bool = True
    created_at: str
    hlc: str

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
