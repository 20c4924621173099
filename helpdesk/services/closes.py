"""Closing the cash day (日结): what the box should hold, the count with the closer's and a
witness's PIN, and a station head reopening a closed day.

A closed day is closed: `services.aid` refuses to give or void aid dated that day
(`refuse_if_closed`) until a head reopens it. Each close and reopening is one transaction
with its outbox change (entity "close") and audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from helpdesk.domain.aid import ReasonIn
from helpdesk.domain.closes import CloseIn, DayClose
from helpdesk.domain.common import iso, new_id
from helpdesk.domain.errors import Problem
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services.session import Session, checked
from helpdesk.store import closes as store
from helpdesk.store import volunteers


@dataclass(frozen=True)
class Expected:
    """The day's cash aid not voided (rows of `store.closes.cash_aid`) and its sum."""

    day: str
    rows: tuple[dict[str, Any], ...]

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def cash_out_fen(self) -> int:
        return sum(int(r["amount_fen"]) for r in self.rows)

    def in_box_fen(self, float_fen: int) -> int:
        """What the box should hold: the float less the cash handed out."""
        return float_fen - self.cash_out_fen


def _day(value: date | str | None, session: Session) -> str:
    if value is None:
        return session.today().isoformat()
    return value.isoformat() if isinstance(value, date) else str(value)


def expected(session: Session, day: date | str | None = None) -> Expected:
    """The cash aid of a station day (today by default), not voided; read-only."""
    day_text = _day(day, session)
    return Expected(day_text, tuple(store.cash_aid(session.db, day_text)))


def closed(session: Session, day: date | str) -> DayClose | None:
    """The close that keeps this day closed, or None when it is open."""
    return store.open_close(session.db, _day(day, session))


def refuse_if_closed(db: Database, day: str, zh: str, en: str) -> None:
    """KnownError `day_closed` when `day` has a close not reopened; `zh`/`en` say what
    would have been done ("发放" / "given")."""
    if store.open_close(db, day) is not None:
        raise KnownError("day_closed",
                         f"{day} 已日结，不能再{zh}这一天的发放记录：须由站长先重新打开这一天",
                         f"The day {day} is closed: aid dated that day cannot be {en} until a "
                         "station head reopens the day")


def _problem(code: str, zh: str, en: str, field: str) -> InvalidInput:
    return InvalidInput([Problem(field, code, zh, en)])


def _witness(session: Session, witness_id: str) -> str:
    who = volunteers.get(session.db, witness_id) or volunteers.by_name(session.db, witness_id)
    if who is None or not who.active:
        raise _problem("witness_unknown", "找不到这位监盘人：请选择一位在册的志愿者或站长",
                       "No such witness: choose an active volunteer or the head", "witness_id")
    if who.id == session.volunteer.id:
        raise _problem("witness_is_closer", "监盘人必须是另一位志愿者或站长，不能是清点人本人",
                       "The witness must be another volunteer or the head, not the one who "
                       "counted", "witness_id")
    return who.id


def _build(session: Session, close_in: CloseIn, witness_id: str, moment: datetime,
           hlc: str) -> DayClose:
    got = expected(session, close_in.day)
    counted = close_in.counts.total_fen
    in_box = got.in_box_fen(close_in.float_fen)
    return checked(DayClose, {
        "id": new_id(), "station_id": session.station.id, "day": close_in.day,
        "float_fen": close_in.float_fen, "cash_out_fen": got.cash_out_fen,
        "aid_count": got.count, "expected_fen": in_box, "counts": close_in.counts,
        "counted_fen": counted, "difference_fen": counted - in_box,
        "reason": close_in.reason, "closed_by": session.volunteer.id,
        "witness_id": witness_id, "closed_at": iso(moment), "device_id": session.device.id,
        "hlc": hlc})


def draft(session: Session, data: dict[str, Any] | CloseIn, witness_id: str, *,
          now: datetime | None = None) -> DayClose:
    """The close `close_day` would record, checked but not written and without PINs: a day
    not yet come, a difference without a reason, a witness who is the closer are refused
    (InvalidInput naming the field). Read-only."""
    close_in = checked(CloseIn, data)
    if date.fromisoformat(close_in.day) > session.today():
        raise _problem("day_ahead", "不能结算还没到的日期", "A day still to come cannot be closed",
                       "day")
    moment = now or datetime.now(UTC)
    return _build(session, close_in, _witness(session, witness_id), moment,
                  "000000000000000-00000")


def close_day(session: Session, data: dict[str, Any] | CloseIn, *, closer_pin: str,
              witness_id: str, witness_pin: str, now: datetime | None = None) -> DayClose:
    """Close a cash day: the signed-in volunteer counted (their PIN typed again), another
    active volunteer or the head witnessed it (their PIN). One transaction with the outbox
    change and the audit row; the expected cash is read again inside it.

    Refuses (InvalidInput naming the field) what `draft` refuses; KnownError for a wrong PIN
    (counted as at sign-in) and for a day already closed."""
    close_in = checked(CloseIn, data)
    first = draft(session, close_in, witness_id, now=now)  # nothing is typed in vain
    if store.open_close(session.db, close_in.day) is not None:
        raise _already(close_in.day)
    for who, pin, zh, en in ((session.volunteer.id, closer_pin, "清点人", "Counted by"),
                             (first.witness_id, witness_pin, "监盘人", "Witness")):
        try:
            session.keyfile.verify_pin(who, pin, session.secrets)
        except KnownError as err:  # said with whose PIN it was: two were typed
            raise KnownError(err.code, f"{zh}：{err.zh}", f"{en}: {err.en}") from None
    with session.write() as db:
        if store.open_close(db, close_in.day) is not None:
            raise _already(close_in.day)
        hlc = session.tick()
        close = _build(session, close_in, first.witness_id, now or datetime.now(UTC), hlc)
        store.put(db, close)
        session.change(entity="close", entity_id=close.id, op="put", hlc=hlc,
                       state=close.model_dump(mode="json"))
        session.audit("close_day", hlc, entity="close", entity_id=close.id,
                      detail={"day": close.day, "expected_fen": close.expected_fen,
                              "counted_fen": close.counted_fen,
                              "difference_fen": close.difference_fen,
                              "witness_id": close.witness_id})
    return close


def _already(day: str) -> KnownError:
    return KnownError("already_closed", f"{day} 已经日结；如需重新结算，须由站长先重新打开这一天",
                      f"The day {day} is already closed; to close it again a station head must "
                      "reopen it first")


def reopen_day(session: Session, day: date | str, reason: str) -> DayClose:
    """Reopen a closed day (station head only, reason required): its close is marked
    reopened and travels again; aid dated that day can be given and voided again."""
    session.require_head("重新打开已日结的日期", "reopen a closed day")
    if not reason.strip():
        raise _problem("reopen_reason", "请写明重新打开的原因", "Write why the day is reopened",
                       "reason")
    reason = checked(ReasonIn, {"reason": reason}).reason
    day_text = _day(day, session)
    with session.write() as db:
        current = store.open_close(db, day_text)
        if current is None:
            raise KnownError("not_closed", f"{day_text} 没有日结，不需要重新打开",
                             f"The day {day_text} is not closed: there is nothing to reopen")
        hlc = session.tick()
        close = current.model_copy(update={"reopened_at": iso(datetime.now(UTC)),
                                           "reopened_by": session.volunteer.id,
                                           "reopen_reason": reason, "hlc": hlc})
        store.put(db, close)
        session.change(entity="close", entity_id=close.id, op="put", hlc=hlc,
                       fields=("reopened_at", "reopened_by", "reopen_reason", "hlc"),
                       state=close.model_dump(mode="json"))
        session.audit("reopen_day", hlc, entity="close", entity_id=close.id,
                      detail={"day": close.day, "reason": reason})
    return close


def all_closes(session: Session) -> list[DayClose]:
    """Every close, newest day first, reopened ones included (marked)."""
    return store.all_(session.db)
