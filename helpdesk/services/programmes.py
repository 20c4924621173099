"""Programmes a station head creates while the station is not enrolled."""

from __future__ import annotations

from typing import Any

from helpdesk.domain.common import new_id
from helpdesk.domain.errors import Invalid
from helpdesk.domain.programmes import Programme, ProgrammeIn
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services.session import Session
from helpdesk.store import programmes


def create_local_programme(session: Session, data: dict[str, Any]) -> Programme:
    """A local programme (station head, station not enrolled); it keeps working after
    enrollment. One transaction: row, outbox change, audit."""
    session.require_head("新建项目", "create programmes")
    if session.station.enrolled:
        raise KnownError("enrolled", "本站已接入上级服务器，项目由上级统一设置",
                         "This station is enrolled: programmes come from the central server")
    try:
        programme_in = validate(ProgrammeIn, data)
    except Invalid as err:
        raise InvalidInput.from_invalid(err) from None
    if programmes.by_code(session.db, programme_in.code) is not None:
        raise InvalidInput([Invalid("programme_code_taken", "已有相同代码的项目，请换一个代码",
                                    "A programme has this code: choose another",
                                    "code").problem])
    with session.write():
        hlc = session.tick()
        programme = Programme(id=new_id(), local=True, hlc=hlc, **programme_in.model_dump())
        programmes.put(session.db, programme)
        session.change(entity="programme", entity_id=programme.id, op="put", hlc=hlc,
                       state=programme.model_dump(mode="json"))
        session.audit("create_programme", hlc, entity="programme", entity_id=programme.id)
    return programme


def all_programmes(session: Session) -> list[Programme]:
    return programmes.all_(session.db)


def open_today(session: Session) -> list[Programme]:
    return programmes.open_on(session.db, session.today())
