"""Giving aid (what a family received of each programme, the approvals an aid needs, the
aid itself), voiding it, and the station's totals."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from helpdesk import __build_date__
from helpdesk.domain import money
from helpdesk.domain.aid import Aid, AidIn, ApprovalKind, Need, ReasonIn
from helpdesk.domain.common import iso, new_id
from helpdesk.domain.errors import Invalid
from helpdesk.domain.families import Family
from helpdesk.domain.paper import PaperLine
from helpdesk.domain.programmes import Kind, Programme
from helpdesk.errors import InvalidInput, KnownError, NeedsApproval
from helpdesk.services import closes
from helpdesk.services import paper as paper_sheets
from helpdesk.services.session import Session, checked
from helpdesk.store import aid as store
from helpdesk.store import clock, families, programmes, volunteers
from helpdesk.sync import matches


@dataclass(frozen=True)
class Approval:
    """A station head's override (cap reached, clock behind): who, their PIN (always typed,
    also by the signed-in head approving their own override), and the reason written down."""

    head_id: str
    reason: str
    pin: str | None = None


@dataclass(frozen=True)
class SecondSignOff:
    """A second volunteer's PIN for cash above the station's threshold."""

    volunteer_id: str
    pin: str


@dataclass(frozen=True)
class Verified:
    """An approval whose PIN `check_approvals` has checked in one session: who approved which
    need, and the reason. `give_aid` takes it without deriving the PIN's key again (slow on
    purpose). Its seal binds it to that session, the need, the approver and the reason under a
    key only this module holds: one made or altered elsewhere is no approval."""

    kind: ApprovalKind
    by: str
    reason: str = ""
    seal: bytes = field(default=b"", repr=False)


Given = Approval | SecondSignOff | Verified

_SEAL_KEY = secrets.token_bytes(32)  # this process's; approvals never outlive it
_session_nonces: dict[int, bytes] = {}


def _nonce(session: Session) -> bytes:
    """A random value for this session object, forgotten when it goes: an approval sealed for
    one session is refused by the next (after a lock, a restore), even at the same address."""
    key = id(session)
    if key not in _session_nonces:
        _session_nonces[key] = secrets.token_bytes(16)
        weakref.finalize(session, _session_nonces.pop, key, None)
    return _session_nonces[key]


def _seal(session: Session, kind: ApprovalKind, by: str, reason: str) -> bytes:
    message = "\x1f".join((kind.value, by, reason, session.volunteer.id, session.device.id))
    return hmac.new(_SEAL_KEY, _nonce(session) + message.encode(), hashlib.sha256).digest()


def _sealed(session: Session, given: Verified, kind: ApprovalKind) -> bool:
    return given.kind is kind and hmac.compare_digest(
        given.seal, _seal(session, kind, given.by, given.reason))


@dataclass(frozen=True)
class Standing:
    """What one family (with the families merged into it) received of one programme open
    today: at this station (count and fen) and at the region's other stations (count only:
    match records carry no amounts), and what is left under the programme's limit."""

    programme: Programme
    here: int = 0
    here_fen: int = 0
    elsewhere: int = 0
    stations: tuple[str, ...] = ()  # the other stations' codes

    @property
    def received(self) -> int:
        return self.here + self.elsewhere

    @property
    def left(self) -> int:
        return max(0, self.programme.limit_per_family - self.received)

    @property
    def used_up(self) -> bool:
        return self.left == 0


def _aid_in(data: dict[str, Any] | AidIn) -> AidIn:
    return checked(AidIn, data)


def _received(session: Session, family: Family) -> tuple[dict[str, tuple[int, int]],
                                                          dict[str, tuple[int, set[str]]]]:
    """This family's aid by programme id: here (count, fen), and at the region's other
    stations (count, station codes) from the match records of its and its merged families'
    resident IDs."""
    ids = families.joined_ids(session.db, family.id)  # a merged family counts as one
    here = store.received_by(session.db, ids)
    numbers = {f.id_number for i in ids if (f := families.get(session.db, i)) is not None}
    records = {(r["station_code"], r["family_id"]): r for n in sorted(numbers - {""})
               for r in matches.by_id_number(session.db, n)
               if r["station_code"] != session.station.code}
    elsewhere: dict[str, tuple[int, set[str]]] = {}
    for (station_code, _), record in records.items():
        for programme_id, n in record["aid"].items():
            count, stations = elsewhere.get(programme_id, (0, set()))
            elsewhere[programme_id] = (count + int(n), stations | {station_code})
    return here, elsewhere


def no_signature_need() -> Need:
    """What a station head confirms, with the reason, when the recipient cannot sign."""
    return Need(ApprovalKind.NO_SIGNATURE, "领取人未能签名：需要站长确认并写明原因",
                "The person receiving it could not sign: a station head confirms, with the "
                "reason")


def _check_signature(session: Session, aid_in: AidIn,
                     no_signature: Approval | Verified | None) -> Verified | None:
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
    need = no_signature_need()
    approved = check_approvals(session, [need], {ApprovalKind.NO_SIGNATURE: no_signature})
    if ApprovalKind.NO_SIGNATURE not in approved:
        raise NeedsApproval([need])
    return approved[ApprovalKind.NO_SIGNATURE]


def _standing(programme: Programme, here: dict[str, tuple[int, int]],
              elsewhere: dict[str, tuple[int, set[str]]]) -> Standing:
    count, fen = here.get(programme.id, (0, 0))
    other, stations = elsewhere.get(programme.id, (0, set()))
    return Standing(programme, count, fen, other, tuple(sorted(stations)))


def standings(session: Session, family_id: str) -> list[Standing]:
    """Every programme open today with what this family received of it this campaign, here
    and at the region's other stations, in the programmes' own order (no family's history
    reorders them). Raises KnownError for an unknown family."""
    family = _family(session, family_id)
    here, elsewhere = _received(session, family)
    return [_standing(p, here, elsewhere) for p in programmes.open_on(session.db,
                                                                       session.today())]


def _family(session: Session, family_id: str) -> Family:
    family = families.get(session.db, family_id)
    if family is None:
        raise KnownError("no_family", "找不到这户家庭", "No such family")
    if family.merged_into:  # aid goes to the family it was joined into
        family = families.get(session.db, families.kept_of(session.db, family.id)) or family
    return family


def _subject(session: Session, aid_in: AidIn, day: date) -> tuple[Programme, Family]:
    closes.refuse_if_closed(session.db, day.isoformat(), "发放", "given")
    programme = programmes.get(session.db, aid_in.programme_id)
    if programme is None or not programme.open_on(day):
        raise KnownError("programme_closed", "该项目今天不在发放期内",
                         "This programme is not open today")
    if programme.kind is not aid_in.kind:
        raise InvalidInput([Invalid("kind_mismatch", "发放方式与项目不符",
                                    "The kind of aid does not match the programme",
                                    "kind").problem])
    return programme, _family(session, aid_in.family_id)


# How far this laptop's clock may be behind the station's last recorded time before a head
# must confirm it: another process or laptop of the station may have written a moment after
# this aid's time was read (the check is read again inside the write lock), and a clock a few
# seconds off is not the clock a station must stop for.
CLOCK_SLACK_MS = 5_000


def _needs(session: Session, aid_in: AidIn, programme: Programme, family: Family,
           now: datetime) -> list[Need]:
    # `now` is this computer's time, also for an aid typed back from paper: the paper's
    # earlier date is not the clock being behind.
    day = now.astimezone(session.tz).date()
    out = []
    if clock.behind_by_ms(session.db, int(now.timestamp() * 1000)) > CLOCK_SLACK_MS \
            or day < __build_date__:
        out.append(Need(ApprovalKind.CLOCK,
                        "电脑时间比上次记录的时间还早，请检查时钟；继续发放需要站长确认",
                        "The computer's clock is behind the last recorded time: check it; a "
                        "station head must confirm to go on"))
    here, elsewhere = _received(session, family)
    got = _standing(programme, here, elsewhere)
    if got.used_up:
        where_zh = f"（其中另一站点 {got.elsewhere} 次）" if got.elsewhere else ""
        where_en = f" ({got.elsewhere} at another station)" if got.elsewhere else ""
        out.append(Need(
            ApprovalKind.CAP,
            f"这户家庭本期已领取“{programme.name_zh}”{got.received} 次{where_zh}，上限 "
            f"{programme.limit_per_family} 次；再次发放需要站长批准并写明原因",
            f"This family already received {programme.name('en')} {got.received} time(s) "
            f"this campaign{where_en}, limit {programme.limit_per_family}: a station head "
            "must approve, with a reason"))
    threshold = session.station.cash_threshold_fen
    if aid_in.kind is Kind.CASH and aid_in.amount_fen > threshold:
        out.append(Need(ApprovalKind.SECOND_VOLUNTEER,
                        f"现金超过 {money.format_fen(threshold)} 元，需要第二位志愿者输入 PIN 码",
                        f"Cash above {money.format_fen(threshold)} yuan needs a second "
                        "volunteer's PIN"))
    return out


def needs(session: Session, data: dict[str, Any] | AidIn, *, now: datetime | None = None,
          paper: PaperLine | None = None) -> list[Need]:
    """Every approval this aid needs (cap override, clock behind, second volunteer), known
    before the recipient signs: the screen collects them all, then calls `give_aid` once.
    Read-only; raises InvalidInput / KnownError as `give_aid` would for bad details (and,
    for a `paper` line, as `give_aid` would for that line)."""
    aid_in = _aid_in(data)
    now = now or datetime.now(UTC)
    moment = paper.given_at if paper else now
    if paper:
        paper_sheets.check_line(session, paper, now)
    programme, family = _subject(session, aid_in, moment.astimezone(session.tz).date())
    return _needs(session, aid_in, programme, family, now)


def check_approvals(session: Session, wanted: Iterable[Need],
                    approvals: Mapping[ApprovalKind, Given]) -> dict[ApprovalKind, Verified]:
    """Each of the `wanted` needs that has an approval, verified: a station head with a reason
    and their PIN, or another active volunteer with theirs. A PIN is checked once per call
    (a head approving two needs types it once); an approval verified before in this session
    (`Verified`) is taken without its PIN, its approver looked up again. A wanted need with
    no approval, a head's approval with no reason, or a `Verified` not sealed for this session
    is left out. Raises KnownError for a wrong PIN (counted, as at sign-in), an approver who
    is not a head, or a second volunteer who is not another active volunteer."""
    out: dict[ApprovalKind, Verified] = {}
    pins_ok: set[tuple[str, str]] = set()

    def pin_checked(volunteer_id: str, pin: str) -> None:
        if (volunteer_id, pin) not in pins_ok:
            session.keyfile.verify_pin(volunteer_id, pin, session.secrets)
            pins_ok.add((volunteer_id, pin))

    for kind in dict.fromkeys(n.kind for n in wanted):
        given = approvals.get(kind)
        if isinstance(given, Verified):
            if not _sealed(session, given, kind):
                continue
            who, reason = given.by, given.reason
        elif isinstance(given, Approval) and kind.by_head and given.reason.strip():
            checked(ReasonIn, {"reason": given.reason})  # bounded, one line
            who, reason = given.head_id, given.reason.strip()
        elif isinstance(given, SecondSignOff) and not kind.by_head:
            who, reason = given.volunteer_id, ""
        else:
            continue
        person = volunteers.get(session.db, who)
        if kind.by_head and (person is None or not person.active or not person.is_head):
            raise KnownError("approver_not_head", "只有站长可以批准",
                             "Only a station head can approve")
        if not kind.by_head and (person is None or not person.active
                                 or person.id == session.volunteer.id):
            raise KnownError("second_volunteer", "第二位志愿者必须是另一位在册志愿者",
                             "The second volunteer must be another active volunteer")
        if isinstance(given, Approval):
            pin_checked(who, given.pin or "")
        elif isinstance(given, SecondSignOff):
            pin_checked(who, given.pin)
        out[kind] = Verified(kind, who, reason, _seal(session, kind, who, reason))
    return out


def give_aid(session: Session, data: dict[str, Any] | AidIn, *,
             approvals: Mapping[ApprovalKind, Given] | None = None,
             cap_approval: Approval | None = None, clock_approval: Approval | None = None,
             second: SecondSignOff | None = None,
             no_signature: Approval | Verified | None = None,
             now: datetime | None = None, paper: PaperLine | None = None,
             paper_scan: bytes | None = None) -> Aid:
    """Record one aid with its receipt number, signature, outbox change and audit row, in one
    transaction that also reads the cap and the clock.

    `approvals` (or the keyword shortcuts) answer what `needs` listed. Refuses with
    NeedsApproval, listing every missing one, when the aid needs an approval not given (the
    family reached the programme's limit here or at another station of the region, the clock
    is behind, cash is above the threshold); KnownError for a wrong approver PIN. Approvals
    `check_approvals` verified in this session (`Verified`) are taken without their PINs,
    so the approval dialog's check is the only slow one. Refuses
    (InvalidInput, field `signature`) an aid without the recipient's signature, unless
    `no_signature` records a station head's "recipient could not sign" with the reason.

    With `paper`, the aid is typed back from a paper sheet line (补录): given at the paper's
    time by the volunteer who handed it over, signed on the paper (no signature here), with
    the sheet's photo or scan `paper_scan` attached when there is one. Refuses (KnownError)
    a line already entered, naming its receipt, and a paper time in the future or before
    the sheet was printed; caps and approvals are checked as at the desk.
    """
    aid_in = _aid_in(data)
    now = now or datetime.now(UTC)
    moment = paper.given_at if paper else now
    day = moment.astimezone(session.tz).date()
    if paper:
        handed_by = paper_sheets.check_line(session, paper, now)
        scan = paper_sheets.checked_scan(paper_scan)
    programme, family = _subject(session, aid_in, day)
    if paper:
        paper_sheets.check_no_signature(aid_in, no_signature)  # signed on the paper
        unsigned = None
    else:
        handed_by, scan = session.volunteer.id, None
        unsigned = _check_signature(session, aid_in, no_signature)
    given: dict[ApprovalKind, Given] = {k: v for k, v in (
        (ApprovalKind.CAP, cap_approval), (ApprovalKind.CLOCK, clock_approval),
        (ApprovalKind.SECOND_VOLUNTEER, second)) if v is not None}
    given.update(approvals or {})
    # PINs are checked before the write lock is taken (a PIN check is slow on purpose): those
    # of the needs seen now, and of any other approval given, so a need that another writer's
    # aid brings about meanwhile (the cap reached while this one waited for the lock) finds
    # its approval already checked.
    wanted_now = _needs(session, aid_in, programme, family, now)
    seen = {n.kind for n in wanted_now}
    approved = check_approvals(session, [*wanted_now, *(Need(k, "", "") for k in given
                                                        if k not in seen)], given)
    with session.write() as db:
        closes.refuse_if_closed(db, day.isoformat(), "发放", "given")  # read again, locked
        if paper:
            paper_sheets.check_line(session, paper, now)  # read again, locked
        wanted = _needs(session, aid_in, programme, family, now)  # read again, locked
        missing = [n for n in wanted if n.kind not in approved]
        if missing:
            raise NeedsApproval(missing)
        kinds = {n.kind for n in wanted}
        override_by = approved[ApprovalKind.CAP].by if ApprovalKind.CAP in kinds else None
        clock_by = approved[ApprovalKind.CLOCK].by if ApprovalKind.CLOCK in kinds else None
        second_id = approved[ApprovalKind.SECOND_VOLUNTEER].by \
            if ApprovalKind.SECOND_VOLUNTEER in kinds else None
        reasons = [approved[k].reason for k in dict.fromkeys(n.kind for n in wanted)
                   if k.by_head]
        hlc = session.tick()
        signature = store.put_signature(db, aid_in.signature_png) if aid_in.signature_png else None
        aid = Aid(
            id=new_id(), family_id=family.id, programme_id=programme.id, given_at=iso(moment),
            local_date=day.isoformat(), kind=aid_in.kind, amount_fen=aid_in.amount_fen,
            goods=aid_in.goods, service_note=aid_in.service_note,
            recipient_name=aid_in.recipient_name or family.head_name,
            recipient_relation=aid_in.recipient_relation, signature_hash=signature,
            no_signature_reason=unsigned.reason if unsigned else "",
            no_signature_by=unsigned.by if unsigned else None,
            volunteer_id=handed_by, second_volunteer_id=second_id,
            override_reason="；".join(reasons),
            override_by=override_by or clock_by,
            receipt_no=store.next_receipt_no(db, session.device,
                                             now.astimezone(session.tz).year),
            device_id=session.device.id, hlc=hlc,
            **paper_sheets.fields(db, session, paper, scan, now))
        store.insert(db, aid)
        session.change(entity="aid", entity_id=aid.id, op="put", hlc=hlc,
                       state=aid.model_dump(mode="json"))
        session.audit("give_aid", hlc, entity="aid", entity_id=aid.id,
                      detail={"receipt_no": aid.receipt_no, "amount_fen": aid.amount_fen,
                              "cap_override": bool(override_by), "clock_override": bool(clock_by),
                              "no_signature": bool(unsigned),
                              **({"paper_sheet": aid.paper_sheet, "paper_line": aid.paper_line}
                                 if paper else {})})
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
        closes.refuse_if_closed(db, current.local_date, "作废", "voided")
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
