"""The union office's decisions on duplicate-aid alerts, as the station head reads them on the
Review page: "allowed" with the office's reason (to read and dismiss), or "ask_void" — the
office asks the alert's station to void that aid, with the reason to write in the void (the
head confirms the void in the usual dialog, `services.aid.void_aid`).

Decisions arrive by pull (`sync.matches.put_decision`), one per alert, at both stations of
the alert. A request to void an aid of this station leaves the list once the aid is voided;
any other decision once a head dismisses it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from helpdesk.domain.common import iso, utcnow
from helpdesk.domain.errors import Invalid
from helpdesk.errors import InvalidInput
from helpdesk.services.session import Session
from helpdesk.store import aid as aid_store
from helpdesk.store import programmes


@dataclass(frozen=True)
class DecisionItem:
    """One decision of the office not yet dealt with here."""

    station_code: str  # the alert's station: the one that gave the later aid
    aid_id: str
    decision: str  # allowed | ask_void
    reason: str
    decided_at: str
    receipt_no: str  # of the aid, when it is this station's; else ""
    programme_name: str  # from the alert, when this station has it; else ""
    masked_id: str
    others: str  # the other stations of the alert, comma separated

    @property
    def to_void_here(self) -> bool:
        """The office asks this station to void an aid it has (and has not voided)."""
        return self.decision == "ask_void" and bool(self.receipt_no)


def open_decisions(session: Session) -> list[DecisionItem]:
    """Decisions not dismissed and, for a request to void this station's aid, not done yet;
    the newest first."""
    rows = session.db.execute(
        "SELECT d.station_code, d.aid_id, d.decision, d.reason, d.decided_at, "
        "a.programme_id, a.masked_id, a.others FROM decisions d LEFT JOIN alerts a "
        "ON a.station_code = d.station_code AND a.aid_id = d.aid_id "
        "WHERE d.dismissed_at IS NULL ORDER BY d.server_seq DESC").fetchall()
    here = session.db.execute("SELECT code FROM station").fetchone()[0]  # as enrolled now
    out = []
    for station, aid_id, decision, reason, decided_at, programme_id, masked, others in rows:
        aid = aid_store.get(session.db, aid_id) if station == here else None
        if decision == "ask_void" and aid is not None and aid.voided:
            continue  # done: the head voided it
        programme = programmes.get(session.db, programme_id) if programme_id else None
        codes = sorted({str(o.get("station_code", "")) for o in json.loads(others or "[]")})
        out.append(DecisionItem(
            station_code=station, aid_id=aid_id, decision=decision, reason=reason,
            decided_at=decided_at, receipt_no=aid.receipt_no if aid is not None else "",
            programme_name=programme.name_zh if programme else "", masked_id=masked or "",
            others=", ".join(codes)))
    return out


def dismiss(session: Session, station_code: str, aid_id: str) -> None:
    """Put a decision out of the review once read (station head), with an audit row; one
    transaction. A request to void this station's aid is done by voiding it, not here."""
    session.require_head("处理工会办公室的决定", "deal with the union office's decisions")
    found = [d for d in open_decisions(session)
             if (d.station_code, d.aid_id) == (station_code, aid_id)]
    if not found or found[0].to_void_here:
        raise InvalidInput([Invalid("no_decision", "没有这条可以移除的决定",
                                    "There is no such decision to dismiss", "aid_id").problem])
    with session.write() as db:
        db.execute("UPDATE decisions SET dismissed_at = ?, dismissed_by = ? "
                   "WHERE station_code = ? AND aid_id = ?",
                   [iso(utcnow()), session.volunteer.id, station_code, aid_id])
        session.audit("dismiss_decision", session.tick(), entity="aid", entity_id=aid_id,
                      detail={"station_code": station_code, "decision": found[0].decision})


def open_count(session: Session) -> int:
    return len(open_decisions(session))
