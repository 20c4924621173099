"""Registering, finding and editing families and their members."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from helpdesk.domain import idcard
from helpdesk.domain.aid import Aid
from helpdesk.domain.common import iso, new_id, utcnow
from helpdesk.domain.families import Family, FamilyIn, Member, MemberIn
from helpdesk.errors import KnownError
from helpdesk.services.session import Session, checked, pinyin_of
from helpdesk.store import aid as aidstore
from helpdesk.store import families as store
from helpdesk.store import programmes, search, versions


class PossibleDuplicates(KnownError):
    """Families that may be the one being registered; the screen shows them before saving."""

    def __init__(self, candidates: list[Family]) -> None:
        super().__init__("possible_duplicates", "可能已经登记过这户家庭，请核对后再保存",
                         "This family may be registered already: check before saving")
        self.candidates = candidates


def _family_in(data: dict[str, Any] | FamilyIn) -> FamilyIn:
    return checked(FamilyIn, data)


def _refuse_registered_id(session: Session, number: str, exclude: str | None = None) -> None:
    other = store.by_id_number(session.db, number)
    if other is not None and other.id != exclude:
        raise KnownError(
            "id_registered",
            f"证件号码 {idcard.mask(number)} 已登记在“{other.head_name}”户下，请打开该户",
            f"ID {idcard.mask(number)} is already registered to the family of "
            f"{other.head_name}: open that family instead")


def _require_head_for_tier(session: Session) -> None:
    """A hardship tier is set when a station head confirms it; volunteers see suggestions."""
    session.require_head("确认困难等级", "confirm a hardship tier")


def likely_duplicates(session: Session, data: dict[str, Any] | FamilyIn,
                      exclude_id: str | None = None) -> list[Family]:
    """Families with the same name or pinyin and the same birth date or phone."""
    family = _family_in(data)
    pinyin, initials = pinyin_of(family.head_name)
    return store.likely_duplicates(session.db, name=family.head_name, pinyin=pinyin,
                                   initials=initials, birth_date=family.birth_date,
                                   phone=family.phone, exclude_id=exclude_id)


def register_family(session: Session, data: dict[str, Any] | FamilyIn, *,
                    acknowledged: Iterable[str] = ()) -> Family:
    """Register a family in one transaction (row, outbox change, audit).

    Refuses an ID already registered (naming that family); raises PossibleDuplicates when
    likely duplicates exist that the volunteer has not marked as a different family.
    """
    family_in = _family_in(data)
    if family_in.tier is not None:
        _require_head_for_tier(session)
    _refuse_registered_id(session, family_in.id_number)
    seen = set(acknowledged)
    candidates = [f for f in likely_duplicates(session, family_in) if f.id not in seen]
    if candidates:
        raise PossibleDuplicates(candidates)
    with session.write():
        return insert_family(session, family_in)


def insert_family(session: Session, family_in: FamilyIn, *,
                  detail: dict[str, Any] | None = None) -> Family:
    """The inside of `register_family`, for a use case that has checked the family already
    (a roster import): row, outbox change and audit, in the caller's transaction."""
    hlc = session.tick()
    now = iso(utcnow())
    pinyin, initials = pinyin_of(family_in.head_name)
    change_id = new_id()
    family = Family(id=new_id(), name_pinyin=pinyin, name_initials=initials, created_at=now,
                    updated_at=now, last_change_id=change_id, hlc=hlc, **family_in.model_dump())
    store.insert(session.db, family)
    session.change(entity="family", entity_id=family.id, op="put", hlc=hlc,
                   state=family.model_dump(mode="json"), change_id=change_id)
    session.audit("register_family", hlc, entity="family", entity_id=family.id, detail=detail)
    return family


def update_family(session: Session, family_id: str, data: dict[str, Any] | FamilyIn, *,
                  base_change_id: str, detail: dict[str, Any] | None = None) -> Family:
    """Save an edit made on top of `base_change_id`; refuses when the family changed since.

    Only changed fields are named in the outbox change, so the server can merge field by field.
    """
    current = get(session, family_id)
    if current.last_change_id != base_change_id:
        raise KnownError("stale_family", "这户家庭在您编辑时已被修改，请重新打开后再改",
                         "This family was changed while you were editing: reopen it and edit again")
    family_in = _family_in(data)
    _refuse_registered_id(session, family_in.id_number, exclude=family_id)
    before = FamilyIn.model_validate(current.model_dump(include=set(FamilyIn.model_fields)))
    changed = [name for name in FamilyIn.model_fields
               if getattr(before, name) != getattr(family_in, name)]
    if not changed:
        return current
    if "tier" in changed:
        _require_head_for_tier(session)
    with session.write():
        hlc = session.tick()
        pinyin, initials = pinyin_of(family_in.head_name)
        change_id = new_id()
        family = current.model_copy(update={
            **family_in.model_dump(), "name_pinyin": pinyin, "name_initials": initials,
            "updated_at": iso(utcnow()), "last_change_id": change_id, "hlc": hlc})
        change = session.change(entity="family", entity_id=family.id, op="put", hlc=hlc,
                                fields=changed, state=family.model_dump(mode="json"),
                                base_change_id=base_change_id, change_id=change_id)
        # Through the field versions, so later merges compare against this edit's stamps.
        merged = versions.settle(session.db, change)
        assert isinstance(merged, Family)
        family = merged
        session.audit("update_family", hlc, entity="family", entity_id=family.id,
                      detail={"fields": changed, **(detail or {})})
    return family


def get(session: Session, family_id: str) -> Family:
    """The family, or KnownError when there is none."""
    family = store.get(session.db, family_id)
    if family is None:
        raise KnownError("no_family", "找不到这户家庭", "No such family")
    return family


def _member_in(data: dict[str, Any] | MemberIn) -> MemberIn:
    return checked(MemberIn, data)


def add_member(session: Session, family_id: str, data: dict[str, Any] | MemberIn) -> Member:
    """Add a household member (row, outbox change, audit) in one transaction."""
    get(session, family_id)
    member_in = _member_in(data)
    _refuse_registered_id(session, member_in.id_number)
    with session.write():
        return insert_member(session, family_id, member_in)


def insert_member(session: Session, family_id: str, member_in: MemberIn, *,
                  detail: dict[str, Any] | None = None) -> Member:
    """The inside of `add_member`, for a use case that has checked the member already (a
    roster import): row, outbox change and audit, in the caller's transaction."""
    hlc = session.tick()
    now = iso(utcnow())
    change_id = new_id()
    member = Member(id=new_id(), family_id=family_id, created_at=now, updated_at=now,
                    last_change_id=change_id, hlc=hlc, **member_in.model_dump())
    store.put_member(session.db, member)
    session.change(entity="member", entity_id=member.id, op="put", hlc=hlc,
                   state=member.model_dump(mode="json"), change_id=change_id)
    session.audit("add_member", hlc, entity="member", entity_id=member.id, detail=detail)
    return member


def member(session: Session, member_id: str) -> Member:
    """The household member, or KnownError when there is none."""
    found = store.get_member(session.db, member_id)
    if found is None:
        raise KnownError("no_member", "找不到这位家庭成员", "No such household member")
    return found


def update_member(session: Session, member_id: str, data: dict[str, Any] | MemberIn, *,
                  base_change_id: str, detail: dict[str, Any] | None = None) -> Member:
    """Save an edit of a member made on top of `base_change_id` (version-checked)."""
    current = store.get_member(session.db, member_id)
    if current is None:
        raise KnownError("no_member", "找不到这位家庭成员", "No such household member")
    if current.last_change_id != base_change_id:
        raise KnownError("stale_member", "这位成员的信息在您编辑时已被修改，请重新打开",
                         "This member was changed while you were editing: reopen and edit again")
    member_in = _member_in(data)
    changed = [n for n in MemberIn.model_fields
               if getattr(current, n) != getattr(member_in, n)]
    if not changed:
        return current
    with session.write():
        hlc = session.tick()
        change_id = new_id()
        member = current.model_copy(update={**member_in.model_dump(), "updated_at": iso(utcnow()),
                                            "last_change_id": change_id, "hlc": hlc})
        change = session.change(entity="member", entity_id=member.id, op="put", hlc=hlc,
                                fields=changed, state=member.model_dump(mode="json"),
                                base_change_id=base_change_id, change_id=change_id)
        settled = versions.settle(session.db, change)
        assert isinstance(settled, Member)
        member = settled
        session.audit("update_member", hlc, entity="member", entity_id=member.id,
                      detail={"fields": changed, **(detail or {})})
    return member


@dataclass(frozen=True)
class History:
    family: Family
    members: list[Member]
    aid: list[Aid]
    campaign_totals: dict[str, tuple[int, int]]  # programme code -> (aid count, fen), open now


def family_history(session: Session, family_id: str) -> History:
    """The family's profile, members, aid (newest first) and totals of programmes open today."""
    family = get(session, family_id)
    # A family that others were merged into: their aid is its aid (caps count it too).
    given = sorted((a for f in store.joined_ids(session.db, family_id)
                    for a in aidstore.of_family(session.db, f)),
                   key=lambda a: a.given_at, reverse=True)
    open_now = {p.id: p for p in programmes.open_on(session.db, session.today())}
    totals: dict[str, tuple[int, int]] = {}
    for a in given:
        p = open_now.get(a.programme_id)
        if p is not None and not a.voided and p.starts_on.isoformat() <= a.local_date:
            count, fen = totals.get(p.code, (0, 0))
            totals[p.code] = (count + 1, fen + a.amount_fen)
    return History(family, store.members_of(session.db, family_id), given, totals)


def find(session: Session, query: str, limit: int = 50) -> list[search.Hit]:
    """Families matching what a volunteer types (name, pinyin, ID or phone tail), ranked."""
    return search.search(session.db, query, limit=limit)
