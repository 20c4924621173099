"""Giving aid, voiding it, and the station's totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from helpdesk import __build_date__
from helpdesk.domain import money
from helpdesk.domain.aid import Aid, AidIn, ReasonIn
from helpdesk.domain.common import iso, new_id
from helpdesk.domain.errors import Invalid
from helpdesk.errors import InvalidInput, KnownError, NeedsApproval
from helpdesk.services.session import Session, checked
from helpdesk.store import aid as store
from helpdesk.store import clock, families, programmes, volunteers


@dataclass(frozen=True)
class Approval:
    """A station head's override (cap reached, clock behind): who, their PIN unless it is the
    signed-in head, and the reason written down."""

    head_id: str
    reason: str
    pin: str | None = None


@dataclass(frozen=True)
class SecondSignOff:
    """A second volunteer's PIN for cash above the station's threshold."""

    volunteer_id: str
    pin: str


def _aid_in(data: dict[str, Any] | AidIn) -> AidIn:
    return checked(AidIn, data)


def _check_approval(session: Session, approval: Approval | None, need: NeedsApproval) -> str:
    """The approving head's id, or raise `need` when there is no valid approval."""
    if approval is None or not approval.reason.strip():
        raise need
    checked(ReasonIn, {"reason": approval.reason})  # bounded, one line, no control characters
    head = volunteers.get(session.db, approval.head_id)
    if head is None or not head.active or not head.is_head:
        raise KnownError("approver_not_head", "只有站长可以批准", "Only a station head can approve")
    if head.id != session.volunteer.id:
        session.keyfile.verify_pin(head.id, approval.pin or "", session.secrets)
    return head.id


def no_signature_needed() -> NeedsApproval:
    """What a station head confirms, with the reason, when the recipient cannot sign."""
    return NeedsApproval("no_signature", "领取人未能签名：需要站长确认并写明原因",
                         "The person receiving it could not sign: a station head confirms, "
                         "with the reason")


def _check_signature(session: Session, aid_in: AidIn,
                     no_signature: Approval | None) -> str | None:
    """None when the recipient signed; the head's id when they recorded "could not sign"."""
    if no_signature is None:
        if aid_in.signature_png is None:
            raise InvalidInput([Invalid(
                "signature_missing", "领取人必须先签名；无法签名时须由站长确认并写明原因",
                "The person receiving it must sign first; if they cannot, a station head "
                "records why", "signature").problem])
        return None
    if aid_in.signature_png is not None:
        raise KnownError("signed_and_not", "已有签名时不能再记录“未能签名”",
                         "There is a signature: it cannot also be recorded as 'could not sign'")
    return _check_approval(session, no_signature, no_signature_needed())


def give_aid(session: Session, data: dict[str, Any] | AidIn, *,
             cap_approval: Approval | None = None, clock_approval: Approval | None = None,
             second: SecondSignOff | None = None, no_signature: Approval | None = None,
             now: datetime | None = None) -> Aid:
    """Record one aid with its receipt number, signature, outbox change and audit row.

    Refuses (InvalidInput, field `signature`) an aid without the recipient's signature, unless
    `no_signature` records a station head's "recipient could not sign" with the reason.

    Refuses (NeedsApproval) when the family already had this programme's limit this campaign,
    when the clock is behind the last recorded time or the app's build date, and when cash is
    above the station's threshold without a second volunteer's PIN.
    """
    aid_in = _aid_in(data)
    moment = now or datetime.now(UTC)
    day = moment.astimezone(session.tz).date()
    programme = programmes.get(session.db, aid_in.programme_id)
    if programme is None or not programme.open_on(day):
        raise KnownError("programme_closed", "该项目今天不在发放期内",
                         "This programme is not open today")
    if programme.kind is not aid_in.kind:
        raise InvalidInput([Invalid("kind_mismatch", "发放方式与项目不符",
                                    "The kind of aid does not match the programme",
                                    "kind").problem])
    family = families.get(session.db, aid_in.family_id)
    if family is None:
        raise KnownError("no_family", "找不到这户家庭", "No such family")
    if family.merged_into:  # aid goes to the family it was joined into
        family = families.get(session.db, families.kept_of(session.db, family.id)) or family
    no_signature_by = _check_signature(session, aid_in, no_signature)
    behind = clock.behind_by_ms(session.db, int(moment.timestamp() * 1000))
    clock_by = None
    if behind > 0 or day < __build_date__:
        clock_by = _check_approval(session, clock_approval, NeedsApproval(
            "clock", "电脑时间比上次记录的时间还早，请检查时钟；继续发放需要站长确认",
            "The computer's clock is behind the last recorded time: check it; a station head "
            "must confirm to go on"))
    ids = families.joined_ids(session.db, family.id)  # a merged family counts as one
    override_by = None
    if store.count_for(session.db, ids, programme.id) >= programme.limit_per_family:
        override_by = _check_approval(session, cap_approval, NeedsApproval(
            "cap", f"这户家庭本期已领取过“{programme.name_zh}”，再次发放需要站长批准并写明原因",
            f"This family already received {programme.name('en')} this campaign: a station "
            "head must approve, with a reason"))
    second_id = None
    if aid_in.kind.value == "cash" and aid_in.amount_fen > session.station.cash_threshold_fen:
        if second is None:
            raise NeedsApproval(
                "second_pin",
                f"现金超过 {money.format_fen(session.station.cash_threshold_fen)} 元，"
                "需要第二位志愿者输入 PIN 码",
                f"Cash above {money.format_fen(session.station.cash_threshold_fen)} yuan needs "
                "a second volunteer's PIN")
        other = volunteers.get(session.db, second.volunteer_id)
        if other is None or not other.active or other.id == session.volunteer.id:
            raise KnownError("second_volunteer", "第二位志愿者必须是另一位在册志愿者",
                             "The second volunteer must be another active volunteer")
        session.keyfile.verify_pin(other.id, second.pin, session.secrets)
        second_id = other.id
    with session.write() as db:
        hlc = session.tick()
        signature = store.put_signature(db, aid_in.signature_png) if aid_in.signature_png else None
        reasons = [r for r in (cap_approval if override_by else None,
                               clock_approval if clock_by else None) if r]
        aid = Aid(
            id=new_id(), family_id=family.id, programme_id=programme.id, given_at=iso(moment),
            local_date=day.isoformat(), kind=aid_in.kind, amount_fen=aid_in.amount_fen,
            goods=aid_in.goods, service_note=aid_in.service_note,
            recipient_name=aid_in.recipient_name or family.head_name,
            recipient_relation=aid_in.recipient_relation, signature_hash=signature,
            no_signature_reason=no_signature.reason.strip() if no_signature else "",
            no_signature_by=no_signature_by,
            volunteer_id=session.volunteer.id, second_volunteer_id=second_id,
            override_reason="；".join(r.reason.strip() for r in reasons),
            override_by=override_by or clock_by,
            receipt_no=store.next_receipt_no(db, session.device, day.year),
            device_id=session.device.id, hlc=hlc)
        store.insert(db, aid)
        session.change(entity="aid", entity_id=aid.id, op="put", hlc=hlc,
                       state=aid.model_dump(mode="json"))
        session.audit("give_aid", hlc, entity="aid", entity_id=aid.id,
                      detail={"receipt_no": aid.receipt_no, "amount_fen": aid.amount_fen,
                              "cap_override": bool(override_by), "clock_override": bool(clock_by),
                              "no_signature": bool(no_signature_by)})
    return aid


def get(session: Session, aid_id: str) -> Aid:
    """One aid by id; KnownError when there is none."""
    found = store.get(session.db, aid_id)
    if found is None:
        raise KnownError("no_aid", "找不到这条发放记录", "No such aid")
    return found


def void_aid(session: Session, aid_id: str, reason: str) -> Aid:
    """Void an aid (station head, reason required). The receipt number stays, marked void."""
    session.require_head("作废发放记录", "void an aid")
    if not reason.strip():
        raise InvalidInput([Invalid("void_reason", "请写明作废原因", "Write why it is voided",
                                    "reason").problem])
    reason = checked(ReasonIn, {"reason": reason}).reason
    current = store.get(session.db, aid_id)
    if current is None:
        raise KnownError("no_aid", "找不到这条发放记录", "No such aid")
    if current.voided:
        raise KnownError("already_void", "这条记录已经作废", "This aid is already voided")
    with session.write() as db:
        hlc = session.tick()
        aid = current.model_copy(update={"voided_at": iso(datetime.now(UTC)),
                                         "void_reason": reason.strip(),
                                         "voided_by": session.volunteer.id, "hlc": hlc})
        store.replace(db, aid)
        session.change(entity="aid", entity_id=aid.id, op="void", hlc=hlc,
                       fields=("voided_at", "void_reason", "voided_by"),
                       state=aid.model_dump(mode="json"))
        session.audit("void_aid", hlc, entity="aid", entity_id=aid.id,
                      detail={"receipt_no": aid.receipt_no, "reason": aid.void_reason})
    return aid


def totals(session: Session) -> dict[str, Any]:
    """Aid count and sum in fen, overall and by programme and month; voided aid excluded."""
    rows = store.totals(session.db)
    return {"aid_count": sum(r["aid_count"] for r in rows),
            "total_fen": sum(r["total_fen"] for r in rows),
            "by_programme_month": rows}
