"""Aid given to a family: cash (fen), goods lines, or a service. Never edited, only voided."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field, field_validator, model_validator

from helpdesk.domain import money, names
from helpdesk.domain.common import Model
from helpdesk.domain.families import Relation
from helpdesk.domain.programmes import Kind
from helpdesk.domain.validation import fail, rule

MAX_SIGNATURE_BYTES = 512 * 1024


class GoodsLine(Model):
    item: str = Field(min_length=1, max_length=60)
    qty: Decimal = Field(gt=0, max_digits=9, decimal_places=2)
    unit: str = Field(min_length=1, max_length=10)
    value_fen: int = Field(ge=0)

    @field_validator("value_fen", mode="before")
    @classmethod
    def _value(cls, value: Any) -> Any:
        return rule(money.parse_fen)(value) if isinstance(value, str) else value


class AidIn(Model):
    """What the give-aid flow submits."""

    family_id: str
    programme_id: str
    kind: Kind
    amount_fen: int = Field(default=0, ge=0, le=money.MAX_FEN)
    goods: tuple[GoodsLine, ...] = ()
    service_note: str = Field(default="", max_length=500)
    recipient_name: str = Field(default="", max_length=40)
    recipient_relation: Relation = Relation.HEAD
    signature_png: bytes | None = Field(default=None, max_length=MAX_SIGNATURE_BYTES)

    @field_validator("amount_fen", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> Any:
        return rule(money.parse_fen)(value) if isinstance(value, str) else value

    @field_validator("recipient_name")
    @classmethod
    def _recipient(cls, value: str) -> str:
        return rule(names.validate_name)(value) if value else ""

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
            object.__setattr__(self, "amount_fen", sum(line.value_fen for line in self.goods))
        elif not self.service_note:
            raise fail("service_note_required", "请写明提供的服务", "Describe the service given",
                       "service_note")
        if self.recipient_relation is not Relation.HEAD and not self.recipient_name:
            raise fail("recipient_required", "代领时请填写领取人姓名",
                       "When someone else receives it, type their name", "recipient_name")
        if self.signature_png is not None and not self.signature_png.startswith(b"\x89PNG"):
            raise fail("signature_format", "签名图像格式不对，请重新签名",
                       "The signature image is not a PNG: sign again", "signature_png")
        return self


class Aid(Model):
    """An aid as stored and synced. The signature travels as its hash only."""

    id: str
    family_id: str
    programme_id: str
    given_at: str
    local_date: str
    kind: Kind
    amount_fen: int
    goods: tuple[GoodsLine, ...] = ()
    service_note: str = ""
    recipient_name: str
    recipient_relation: Relation
    signature_hash: str | None = None
    volunteer_id: str
    second_volunteer_id: str | None = None
    override_reason: str = ""
    override_by: str | None = None
    receipt_no: str
    device_id: str
    voided_at: str | None = None
    void_reason: str = ""
    voided_by: str | None = None
    hlc: str

    @property
    def voided(self) -> bool:
        return self.voided_at is not None
