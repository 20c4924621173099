"""Closing the cash day (日结): the cash box counted against what the records say.

As the union's cash count (库存现金盘点表) does: the opening float, the cash aid handed out
that day (from the aid records), what should be in the box (float − cash handed out), what
is in it counted note by note (面额 × 张数), the difference and its reason, signed by the
one who counted and a witness (监盘人). A close is never edited: a station head may reopen
the day (with a reason), which marks the close; closing again makes a new close.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from helpdesk.domain import money
from helpdesk.domain.common import Model
from helpdesk.domain.errors import Invalid
from helpdesk.domain.fields import Day, HlcText, Id, Int64, Moment, Text
from helpdesk.domain.validation import fail, rule

MAX_REASON = 200
MAX_COUNT = 1_000_000  # notes or coins of one denomination: more is a typing slip

# Denominations of the renminbi counted at a close: field name, value in fen, labels.
DENOMINATIONS: tuple[tuple[str, int, str, str], ...] = (
    ("y100", 10_000, "100 元", "100 yuan"), ("y50", 5_000, "50 元", "50 yuan"),
    ("y20", 2_000, "20 元", "20 yuan"), ("y10", 1_000, "10 元", "10 yuan"),
    ("y5", 500, "5 元", "5 yuan"), ("y1", 100, "1 元", "1 yuan"),
    ("j5", 50, "5 角", "5 jiao"), ("j1", 10, "1 角", "1 jiao"),
)

Count = Annotated[Int64, Field(ge=0, le=MAX_COUNT)]
Fen = Annotated[Int64, Field(ge=0, le=money.MAX_FEN)]
SignedFen = Annotated[Int64, Field(ge=-money.MAX_FEN, le=money.MAX_FEN)]


class Counts(Model):
    """How many notes and coins of each denomination are in the box."""

    y100: Count = 0
    y50: Count = 0
    y20: Count = 0
    y10: Count = 0
    y5: Count = 0
    y1: Count = 0
    j5: Count = 0
    j1: Count = 0

    @property
    def total_fen(self) -> int:
        return sum(getattr(self, name) * fen for name, fen, _, _ in DENOMINATIONS)


def _fen(value: Any) -> Any:
    return rule(money.parse_fen)(value) if isinstance(value, str) else value


class DayClose(Model):
    """One close of one station day, as stored and synced."""

    id: Id
    station_id: Id
    day: Day  # the station's local calendar date
    float_fen: Fen  # the opening float (备用金)
    cash_out_fen: Fen  # cash aid handed out that day, not voided
    aid_count: Annotated[Int64, Field(ge=0)]
    expected_fen: SignedFen  # float − cash handed out
    counts: Counts
    counted_fen: Fen
    difference_fen: SignedFen  # counted − expected
    reason: Annotated[str, Text(MAX_REASON)] = ""
    closed_by: Id
    witness_id: Id
    closed_at: Moment
    device_id: Id
    reopened_at: Moment | None = None
    reopened_by: Id | None = None
    reopen_reason: Annotated[str, Text(MAX_REASON)] = ""
    hlc: HlcText

    @field_validator("float_fen", mode="before")
    @classmethod
    def _float(cls, value: Any) -> Any:
        return _fen(value)

    @model_validator(mode="after")
    def _sums(self) -> DayClose:
        if self.counted_fen != self.counts.total_fen:
            raise fail("counted_sum", "清点合计与各面额张数不符",
                       "The counted total does not match the notes and coins counted",
                       "counted_fen")
        if self.expected_fen != self.float_fen - self.cash_out_fen:
            raise fail("expected_sum", "应有现金应为备用金减去当日发放的现金",
                       "Expected cash must be the float less the cash handed out",
                       "expected_fen")
        if self.difference_fen != self.counted_fen - self.expected_fen:
            raise fail("difference_sum", "差额应为实点现金减去应有现金",
                       "The difference must be the counted cash less the expected cash",
                       "difference_fen")
        if self.difference_fen != 0 and not self.reason:
            raise fail("reason_required",
                       f"实点与应有现金相差 {money.format_fen(self.difference_fen)} 元：请写明原因",
                       f"Counted and expected cash differ by "
                       f"{money.format_fen(self.difference_fen)} yuan: write the reason",
                       "reason")
        if self.witness_id == self.closed_by:
            raise fail("witness_is_closer", "监盘人必须是另一位志愿者或站长，不能是清点人本人",
                       "The witness must be another volunteer or the head, not the one who "
                       "counted", "witness_id")
        reopened = (self.reopened_at is not None, self.reopened_by is not None,
                    bool(self.reopen_reason))
        if any(reopened) and not all(reopened):
            raise fail("reopen_record", "重新打开须同时记录时间、站长和原因",
                       "A reopening needs its time, the station head and the reason",
                       "reopen_reason")
        return self

    @property
    def reopened(self) -> bool:
        return self.reopened_at is not None


class CloseIn(Model):
    """What the close-day form or command submits."""

    day: Day
    float_fen: Fen = 0
    counts: Counts
    reason: Annotated[str, Text(MAX_REASON)] = ""

    @field_validator("float_fen", mode="before")
    @classmethod
    def _float(cls, value: Any) -> Any:
        return _fen(value)


def counts_for(fen: int) -> Counts:
    """The fewest notes and coins that make `fen` (a whole number of jiao): what a total typed
    on the command line stands for. Raises Invalid for fen not a multiple of 1 jiao."""
    if fen % 10:
        raise Invalid("jiao", "清点金额最小到角（如 123.40），没有分币",
                      "Count to the jiao (e.g. 123.40): there are no fen coins", "counted")
    left, out = fen, {}
    for name, value, _, _ in DENOMINATIONS:
        out[name], left = divmod(left, value)
    return Counts(**out)
