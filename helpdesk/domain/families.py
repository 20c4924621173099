"""Families in difficulty and their members."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from helpdesk.domain import idcard, money, names, phones, regions
from helpdesk.domain.common import Labelled, Model
from helpdesk.domain.errors import Invalid
from helpdesk.domain.fields import HlcText, Id, Int64, Moment, Name, Text, Token
from helpdesk.domain.tiers import Tier
from helpdesk.domain.validation import fail, rule

MAX_PHONE = 40  # as typed: +86 138-0013-8000 and the like, before `phones.normalize`
MAX_REGION = 20  # six digits as typed, with spaces or full-width digits


class IdKind(Labelled):
    RESIDENT_ID = "resident_id"
    PASSPORT = "passport"
    HK_MACAO_TAIWAN = "hmt_permit"
    OTHER = "other"
    NONE = "none"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {
            "resident_id": ("居民身份证", "Resident ID card"),
            "passport": ("护照", "Passport"),
            "hmt_permit": ("港澳台居民证件", "Hong Kong/Macao/Taiwan permit"),
            "other": ("其他证件", "Other document"),
            "none": ("暂无证件", "No document yet"),
        }


class Hukou(Labelled):
    URBAN = "urban"
    RURAL = "rural"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {"urban": ("城镇户口", "Urban hukou"), "rural": ("农村户口", "Rural hukou")}


class Employment(Labelled):
    EMPLOYEE = "employee"
    RURAL_MIGRANT = "rural_migrant"
    PLATFORM = "platform"
    FLEXIBLE = "flexible"
    UNEMPLOYED = "unemployed"
    RETIRED = "retired"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {
            "employee": ("在职职工", "Employee"),
            "rural_migrant": ("农民工", "Rural migrant worker"),
            "platform": ("平台劳动者（骑手、司机等）", "Platform worker (rider, driver …)"),
            "flexible": ("灵活就业", "Flexible employment"),
            "unemployed": ("失业", "Unemployed"),
            "retired": ("退休", "Retired"),
        }


class Reason(Labelled):
    ILLNESS = "illness"
    DISABILITY = "disability"
    WORK_INJURY = "work_injury"
    UNEMPLOYMENT = "unemployment"
    SINGLE_PARENT = "single_parent"
    DISASTER = "disaster"
    SCHOOLING = "schooling"
    WAGE_ARREARS = "wage_arrears"
    NO_INSURANCE = "no_insurance"
    OTHER = "other"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {
            "illness": ("重病", "Serious illness"),
            "disability": ("残疾", "Disability"),
            "work_injury": ("工伤", "Work injury"),
            "unemployment": ("失业", "Unemployment"),
            "single_parent": ("单亲家庭", "Single parent"),
            "disaster": ("遭受灾害", "Disaster"),
            "schooling": ("子女就学困难", "Children's schooling"),
            "wage_arrears": ("被拖欠工资", "Wages owed"),
            "no_insurance": ("无社会保险", "No social insurance"),
            "other": ("其他", "Other"),
        }


class Insurance(Labelled):
    PENSION = "pension"
    MEDICAL = "medical"
    UNEMPLOYMENT = "unemployment"
    WORK_INJURY = "work_injury"
    MATERNITY = "maternity"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {
            "pension": ("养老保险", "Pension"),
            "medical": ("医疗保险", "Medical"),
            "unemployment": ("失业保险", "Unemployment"),
            "work_injury": ("工伤保险", "Work injury"),
            "maternity": ("生育保险", "Maternity"),
        }


class FamilyStatus(Labelled):
    ACTIVE = "active"
    LIFTED = "lifted"
    ARCHIVED = "archived"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {
            "active": ("帮扶中", "Receiving help"),
            "lifted": ("已解困", "Out of difficulty"),
            "archived": ("已归档", "Archived"),
        }


class Relation(Labelled):
    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    GRANDCHILD = "grandchild"
    GRANDPARENT = "grandparent"
    OTHER = "other"

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str]]:
        return {
            "head": ("户主本人", "Head of family"),
            "spouse": ("配偶", "Spouse"),
            "child": ("子女", "Child"),
            "parent": ("父母", "Parent"),
            "sibling": ("兄弟姐妹", "Sibling"),
            "grandchild": ("孙子女", "Grandchild"),
            "grandparent": ("祖父母", "Grandparent"),
            "other": ("其他", "Other"),
        }


def _id_for(kind: IdKind, number: str) -> str:
    if kind is IdKind.RESIDENT_ID:
        try:
            return str(idcard.validate(number))
        except Invalid as err:
            p = err.problem
            raise fail(p.code, p.zh, p.en, "id_number") from None
    if kind is IdKind.NONE:
        if number:
            raise fail("id_none", "选择了“暂无证件”，请清空证件号码",
                       "'No document yet' is chosen: clear the document number", "id_number")
        return ""
    if not 3 <= len(number) <= 30:
        raise fail("id_other", "证件号码应为 3 至 30 个字符",
                   "The document number needs 3 to 30 characters", "id_number")
    return number


class FamilyIn(Model):
    """What a registration or edit form submits; every rule of the domain is checked here."""

    head_name: Name
    id_kind: IdKind = IdKind.RESIDENT_ID
    id_number: Annotated[str, Text(30)] = ""
    birth_date: date | None = None
    phone: Annotated[str, Text(MAX_PHONE)] = ""
    address: Annotated[str, Text(200)] = ""
    region: Annotated[str, Text(MAX_REGION)]
    hukou: Hukou
    employment: Employment
    reasons: tuple[Reason, ...] = Field(min_length=1)
    income_fen: Int64 | None = Field(default=None, ge=0, le=money.MAX_FEN)  # None: not known
    # Essential spending (刚性支出) per YEAR, for the hardship tier; None: not known
    essential_spending_fen: Int64 | None = Field(default=None, ge=0, le=money.MAX_FEN)
    tier: Tier | None = None  # set when a station head confirms it (services.families)
    insurance: tuple[Insurance, ...] = ()
    status: FamilyStatus = FamilyStatus.ACTIVE
    consent_date: date | None = None
    notes: Annotated[str, Text(2000, lines=True)] = ""

    _region = field_validator("region")(rule(regions.validate))

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return rule(phones.normalize)(value) if value else ""

    @field_validator("income_fen", "essential_spending_fen", mode="before")
    @classmethod
    def _income(cls, value: Any) -> Any:
        """Yuan as typed; a blank stays blank (not known), never 0."""
        if isinstance(value, str):
            return rule(money.parse_fen)(value) if value.strip() else None
        return value

    @field_validator("reasons", "insurance", mode="before")
    @classmethod
    def _dedupe(cls, value: Any) -> Any:
        return tuple(dict.fromkeys(value)) if isinstance(value, list | tuple) else value

    @model_validator(mode="after")
    def _document(self) -> FamilyIn:
        number = _id_for(self.id_kind, self.id_number)
        birth = self.birth_date
        if self.id_kind is IdKind.RESIDENT_ID:
            from_id = idcard.birth_date(number)
            if birth is not None and birth != from_id:
                raise fail("birth_date_mismatch",
                           f"出生日期与身份证号码不符（号码中为 {from_id}），请核对",
                           f"The birth date does not match the ID number ({from_id}): check both",
                           "birth_date")
            birth = from_id
        object.__setattr__(self, "id_number", number)
        object.__setattr__(self, "birth_date", birth)
        return self


class Family(FamilyIn):
    """A registered family as stored; `last_change_id` is the base of the next edit."""

    id: Id
    name_pinyin: Annotated[str, Token(r"([a-z0-9]+( [a-z0-9]+)*)?", names.MAX_PINYIN,
                                      "拼音格式不对", "Not a valid pinyin key")] = ""
    name_initials: Annotated[str, Token(r"[a-z0-9]*", 60,
                                        "拼音首字母格式不对", "Not valid pinyin initials")] = ""
    merged_into: Id | None = None
    created_at: Moment
    updated_at: Moment
    last_change_id: Id
    hlc: HlcText


class MemberIn(Model):
    name: Name
    relation: Relation
    birth_date: date | None = None
    id_number: Annotated[str, Text(30)] = ""
    health: Annotated[str, Text(200)] = ""
    school_or_work: Annotated[str, Text(200)] = ""

    @field_validator("id_number")
    @classmethod
    def _id(cls, value: str) -> str:
        return rule(idcard.validate)(value) if value else ""

    @model_validator(mode="after")
    def _birth(self) -> MemberIn:
        if self.id_number:
            from_id = idcard.birth_date(self.id_number)
            if self.birth_date is not None and self.birth_date != from_id:
                raise fail("birth_date_mismatch",
                           f"出生日期与身份证号码不符（号码中为 {from_id}），请核对",
                           f"The birth date does not match the ID number ({from_id}): check both",
                           "birth_date")
            object.__setattr__(self, "birth_date", from_id)
        return self


class Member(MemberIn):
    id: Id
    family_id: Id
    created_at: Moment
    updated_at: Moment
    last_change_id: Id
    hlc: HlcText
