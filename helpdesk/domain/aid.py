"""Aid given to a family: cash (fen), goods lines, or a service. Never edited, only voided."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from helpdesk.domain import money, paper, signature
from helpdesk.domain.common import Labelled, Model
from helpdesk.domain.errors import Invalid
from helpdesk.domain.families import Relation
from helpdesk.domain.fields import (
    Day,
    HlcText,
    Id,
    Int64,
    Moment,
    OptionalName,
    Sha256,
    Text,
    Token,
)
from helpdesk.domain.programmes import Kind
from helpdesk.domain.validation import fail, rule

MAX_SIGNATURE_BYTES = 512 * 1024
MAX_GOODS_LINES = 50
MAX_REASON = 200  # a void reason, a head's reason for an override, a merge reason
MAX_SERVICE_NOTE = 500

ReceiptNo = Annotated[str, Token(r"[0-9A-Z]{2,8}-\d{4}-\d{1,9}", 32, "凭证号格式不对",
                                 "Not a valid receipt number")]
"""A receipt number as `store.aid.next_receipt_no` makes it: device code, year, number."""


class GoodsLine(Model):
    item: Annotated[str, Text(60, min_length=1)]
    qty: Decimal = Field(gt=0, max_digits=9, decimal_places=2)
    unit: Annotated[str, Text(10, min_length=1)]
    value_fen: Int64 = Field(ge=0, le=money.MAX_FEN)

    @field_validator("value_fen", mode="before")
    @classmethod
    def _value(cls, value: Any) -> Any:
        return rule(money.parse_fen)(value) if isinstance(value, str) else value


class AidIn(Model):
    """What the give-aid flow submits."""

    family_id: Id
    programme_id: Id
    kind: Kind
    amount_fen: Int64 = Field(default=0, ge=0, le=money.MAX_FEN)
    goods: tuple[GoodsLine, ...] = Field(default=(), max_length=MAX_GOODS_LINES)
    service_note: Annotated[str, Text(MAX_SERVICE_NOTE, lines=True)] = ""
    recipient_name: OptionalName = ""
    recipient_relation: Relation = Relation.HEAD
    signature_png: bytes | None = Field(default=None, max_length=MAX_SIGNATURE_BYTES)
    # The pad's strokes, when the caller has them: the ink is checked here too (`signature`).
    signature_strokes: tuple[tuple[tuple[float, float], ...], ...] | None = Field(
        default=None, max_length=signature.MAX_STROKES)

    @field_validator("amount_fen", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> Any:
        return rule(money.parse_fen)(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _by_kind(self) -> AidIn:
        if self.kind is Kind.CASH:
            if self.amount_fen <= 0:
                raise fail("amount_required", "请填写现金金额，例如 500",
                           "Type the cash amount, e.g. 500", "amount_fen")
            if self.goods:
                raise fail("goods_with_cash", "现金项目不能填写物资",
                           "A cash programme has no goods lines", "goods")
        elif self.kind is Kind.GOODS:
            if not self.goods:
                raise fail("goods_required", "请至少填写一项物资", "Add at least one goods line",
                           "goods")
            total = sum(line.value_fen for line in self.goods)
            if total > money.MAX_FEN:
                raise fail("goods_total", "物资总价值太大，请检查每一项的价值",
                           "The goods are worth too much in total: check each line's value",
                           "goods")
            object.__setattr__(self, "amount_fen", total)
        elif not self.service_note:
            raise fail("service_note_required", "请写明提供的服务", "Describe the service given",
                       "service_note")
        if self.recipient_relation is not Relation.HEAD and not self.recipient_name:
            raise fail("recipient_required", "代领时请填写领取人姓名",
                       "When someone else receives it, type their name", "recipient_name")
        if self.signature_png is not None and not self.signature_png.startswith(b"\x89PNG"):
            raise fail("signature_format", "签名图像格式不对，请重新签名",
                       "The signature image is not a PNG: sign again", "signature_png")
        if self.signature_strokes is not None:
            try:
                signature.check(self.signature_strokes)
            except Invalid as err:
                p = err.problem
                raise fail(p.code, p.zh, p.en, "signature") from None
        return self


class Aid(Model):
    """An aid as stored and synced. The signature travels as its hash only."""

    id: Id
    family_id: Id
    programme_id: Id
    given_at: Moment
    local_date: Day
    kind: Kind
    amount_fen: Int64 = Field(ge=0, le=money.MAX_FEN)
    goods: tuple[GoodsLine, ...] = Field(default=(), max_length=MAX_GOODS_LINES)
    service_note: Annotated[str, Text(MAX_SERVICE_NOTE, lines=True)] = ""
    recipient_name: OptionalName
    recipient_relation: Relation
    signature_hash: Sha256 | None = None
    # When the recipient could not sign: why, and the station head who recorded it.
    no_signature_reason: Annotated[str, Text(MAX_REASON)] = ""
    no_signature_by: Id | None = None
    volunteer_id: Id
    second_volunteer_id: Id | None = None
    override_reason: Annotated[str, Text(2 * MAX_REASON + 1)] = ""  # two reasons joined by ；
    override_by: Id | None = None
    receipt_no: ReceiptNo
    device_id: Id
    voided_at: Moment | None = None
    void_reason: Annotated[str, Text(MAX_REASON)] = ""
    voided_by: Id | None = None
    # Typed back from a paper sheet (补录): its sheet and line, when it was entered and by
    # whom (`volunteer_id` handed it over, `given_at` is the paper's), the sheet's photo.
    paper_sheet: paper.SheetNo | None = None
    paper_line: int | None = Field(default=None, ge=1, le=paper.MAX_LINE)
    entered_at: Moment | None = None
    entered_by: Id | None = None
    paper_scan_hash: Sha256 | None = None
    hlc: HlcText

    @model_validator(mode="after")
    def _paper(self) -> Aid:
        marks = (self.paper_sheet, self.paper_line, self.entered_at, self.entered_by)
        if any(m is not None for m in marks) and any(m is None for m in marks):
            raise fail("paper_record", "纸质登记表补录须同时有表号、行号、录入时间和录入人",
                       "An aid typed back from paper needs its sheet, line, entry time and "
                       "the volunteer who entered it", "paper_sheet")
        if self.paper_sheet is None and self.paper_scan_hash is not None:
            raise fail("paper_scan", "只有纸质登记表补录的记录才能附登记表照片",
                       "Only an aid typed back from paper carries a photo of its sheet",
                       "paper_scan_hash")
        if self.paper_sheet is not None and (self.signature_hash or self.no_signature_reason):
            raise fail("paper_signature", "补录的记录以纸质登记表上的签名为准，不能另有签名",
                       "An aid typed back from paper was signed on the sheet: it carries no "
                       "other signature", "signature_hash")
        return self

    @property
    def from_paper(self) -> bool:
        return self.paper_sheet is not None

    @model_validator(mode="after")
    def _no_signature(self) -> Aid:
        if bool(self.no_signature_reason) != (self.no_signature_by is not None):
            raise fail("no_signature_record", "未能签名须同时写明原因和确认的站长",
                       "'Could not sign' needs both the reason and the station head who "
                       "confirmed it", "no_signature_reason")
        if self.no_signature_reason and self.signature_hash:
            raise fail("signed_and_not", "已签名的记录不能同时标为未能签名",
                       "A signed aid cannot also be marked 'could not sign'",
                       "no_signature_reason")
        return self

    @property
    def voided(self) -> bool:
        return self.voided_at is not None


class ReasonIn(Model):
    """A reason written down: why an aid is voided, why a head overrides, why families merge."""

    reason: Annotated[str, Text(MAX_REASON, min_length=1)]


class ApprovalKind(Labelled):
    """What giving an aid may need before the recipient signs (see `services.aid.needs`)."""

    CAP = "cap"  # the family reached the programme's limit, here or at another station
    CLOCK = "clock"  # the clock is behind the last record or the app's build date
    SECOND_VOLUNTEER = "second_pin"  # cash above the station's threshold
    NO_SIGNATURE = "no_signature"  # the recipient could not sign: a head records why

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {"cap": ("站长批准再次发放", "A station head approves giving again"),
                "clock": ("站长确认时钟", "A station head confirms the clock"),
                "second_pin": ("第二位志愿者确认", "A second volunteer confirms"),
                "no_signature": ("站长记录未能签名的原因",
                                 "A station head records why there is no signature")}

    @property
    def by_head(self) -> bool:
        return self is not ApprovalKind.SECOND_VOLUNTEER


@dataclass(frozen=True)
class Need:
    """One approval an aid needs, with why, in Chinese and English."""

    kind: ApprovalKind
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en
