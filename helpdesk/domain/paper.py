"""Paper sheets: the printed roster and blank signature sheet used while the laptop is down,
and a line of one typed back afterwards (补录).

A sheet number is issued by the device that prints it, `<device code>-P<seq>`: the device code
is unique within the station (as on receipt numbers) and, unlike the station's code, never
changes at enrollment, so a number printed before enrollment still names its sheet.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated

from pydantic import Field, field_validator

from helpdesk.domain.common import Model
from helpdesk.domain.errors import Invalid
from helpdesk.domain.fields import Id, Token
from helpdesk.domain.validation import fail, rule

MAX_LINE = 999
MAX_SCAN_BYTES = 4 * 1024 * 1024  # a phone photo of an A4 sheet; larger ones are shrunk first
SCAN_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}

SheetNo = Annotated[str, Token(r"[0-9A-Z]{2,8}-P\d{4,9}", 20,
                               "纸质登记表编号格式不对，例如 7KQM-P0001",
                               "Not a valid paper sheet number, e.g. 7KQM-P0001")]
"""A paper sheet's number as `store.paper.issue` makes it: device code, P, a number."""

_SHEET = re.compile(r"[0-9A-Z]{2,8}-P\d{4,9}")


def sheet_number(device_code: str, seq: int) -> str:
    return f"{device_code}-P{seq:04d}"


def device_code_of(number: str) -> str:
    return number.rpartition("-P")[0]


def normalize_sheet(text: str) -> str:
    """What a volunteer typed or a scanner read, as a sheet number: trimmed, capitals,
    full-width characters folded. Raises Invalid (field `sheet`) when it is not one."""
    folded = "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in text.strip())
    number = folded.upper().replace(" ", "")
    if not _SHEET.fullmatch(number):
        raise Invalid("sheet_format",
                      "纸质登记表编号格式不对，请照表上右上角的编号输入，例如 7KQM-P0001",
                      "Not a valid paper sheet number: type the number at the sheet's top right, "
                      "e.g. 7KQM-P0001", "sheet")
    return number


def scan_type(data: bytes) -> str:
    """The image type of a sheet's photo or scan ("image/png", "image/jpeg"). Raises Invalid
    (field `scan`) for an empty, oversized or other file."""
    if not data:
        raise Invalid("scan_empty", "所选文件是空的", "The chosen file is empty", "scan")
    if len(data) > MAX_SCAN_BYTES:
        mb = MAX_SCAN_BYTES // (1024 * 1024)
        raise Invalid("scan_too_big", f"照片太大（最多 {mb} MB）：请用较低分辨率重新拍照或扫描",
                      f"The picture is too large (at most {mb} MB): take or scan it again at a "
                      "lower resolution", "scan")
    for magic, mime in SCAN_TYPES.items():
        if data.startswith(magic):
            return mime
    raise Invalid("scan_type", "只能附加 JPG 或 PNG 图片（手机照片或扫描件）",
                  "Only a JPG or PNG picture can be attached (a phone photo or a scan)", "scan")


class PaperLine(Model):
    """Where an aid typed back was written: sheet, line, the date and time on the paper (the
    aid's given time) and the volunteer who handed it over."""

    sheet: SheetNo
    line: int = Field(ge=1, le=MAX_LINE)
    given_at: datetime
    handed_by: Id

    @field_validator("sheet", mode="before")
    @classmethod
    def _sheet(cls, value: object) -> object:
        return rule(normalize_sheet)(value) if isinstance(value, str) else value

    @field_validator("given_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise fail("paper_time", "纸上的时间缺少时区", "The time on the paper has no time zone")
        return value
