"""The station's own settings that a station head may change."""

from __future__ import annotations

from helpdesk.domain.errors import Invalid
from helpdesk.domain.station import StationIn
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput
from helpdesk.services.session import Session
from helpdesk.store import volunteers


def set_cash_threshold(session: Session, amount: str | int) -> int:
    """Set the cash amount above which a second volunteer's PIN is needed (station head only).

    `amount` is what the head typed (`1000`, `¥1,000.00`) or fen as an int. One transaction:
    station row, outbox change naming the one field, audit row. Returns the new fen value.
    """
    session.require_head("修改现金复核金额", "change the cash sign-off amount")
    data = session.station.model_dump(include=set(StationIn.model_fields))
    data["cash_threshold_fen"] = amount
    try:
        fen = validate(StationIn, data).cash_threshold_fen
    except Invalid as err:
        raise InvalidInput.from_invalid(err) from None
    if fen == session.station.cash_threshold_fen:
        return fen
    with session.write():
        hlc = session.tick()
        station = session.station.model_copy(update={"cash_threshold_fen": fen, "hlc": hlc})
        volunteers.put_station(session.db, station)
        session.change(entity="station", entity_id=station.id, op="put", hlc=hlc,
                       fields=("cash_threshold_fen",), state=station.model_dump(mode="json"))
        session.audit("set_cash_threshold", hlc, entity="station", entity_id=station.id,
                      detail={"from_fen": session.station.cash_threshold_fen, "to_fen": fen})
    session.station = station
    return fen
