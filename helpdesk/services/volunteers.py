"""Managing volunteers: adding, removing (which re-keys the database), new PINs."""

from __future__ import annotations

from helpdesk.domain.common import iso, new_id, utcnow
from helpdesk.domain.errors import Invalid
from helpdesk.domain.station import Role, Volunteer, VolunteerIn
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services.session import Session
from helpdesk.store import keys, volunteers


def add_volunteer(session: Session, name: str, pin: str, role: str = "volunteer") -> Volunteer:
    """Add a volunteer who can sign in with `pin` (station head only).

    The row, outbox change and audit are one transaction; the key file gets the volunteer's
    wrap inside it, so a failure there leaves no volunteer behind.
    """
    session.require_head("管理志愿者", "manage volunteers")
    try:
        data = validate(VolunteerIn, {"name": name, "pin": pin, "role": role})
    except Invalid as err:
        raise InvalidInput.from_invalid(err) from None
    if volunteers.by_name(session.db, data.name) is not None:
        raise InvalidInput([Invalid("volunteer_exists", "已有同名志愿者，请加上区分（如 张伟2）",
                                    "A volunteer has that name: add something to tell them "
                                    "apart", "name").problem])
    with session.write():
        hlc = session.tick()
        volunteer = Volunteer(id=new_id(), name=data.name, role=data.role,
                              created_at=iso(utcnow()), hlc=hlc)
        volunteers.put(session.db, volunteer)
        session.change(entity="volunteer", entity_id=volunteer.id, op="put", hlc=hlc,
                       state=volunteer.model_dump(mode="json"))
        session.audit("add_volunteer", hlc, entity="volunteer", entity_id=volunteer.id)
        session.keyfile.add_holder(session.key, holder_id=volunteer.id, name=volunteer.name,
                                   role=volunteer.role.value, pin=pin,
                                   secrets=session.secrets, kdf=session.kdf)
    return volunteer


def remove_volunteer(session: Session, volunteer_id: str) -> None:
    """Remove a volunteer (station head only) and re-key the database, so their PIN no longer
    opens it. The re-key is crash-safe: the new key is wrapped as pending before the file is
    re-encrypted, and the next sign-in finishes or drops it."""
    session.require_head("管理志愿者", "manage volunteers")
    target = volunteers.get(session.db, volunteer_id)
    if target is None or not target.active:
        raise KnownError("no_volunteer", "找不到这位志愿者", "No such volunteer")
    if target.id == session.volunteer.id:
        raise KnownError("remove_self", "不能移除自己", "You cannot remove yourself")
    with session.write():
        hlc = session.tick()
        removed = target.model_copy(update={"active": False, "hlc": hlc})
        volunteers.put(session.db, removed)
        session.change(entity="volunteer", entity_id=removed.id, op="put", hlc=hlc,
                       fields=("active",), state=removed.model_dump(mode="json"))
        session.audit("remove_volunteer", hlc, entity="volunteer", entity_id=removed.id)
    rekey(session, drop_holder=target.id)


def rekey(session: Session, drop_holder: str | None = None) -> None:
    """Re-encrypt the database under a new master key wrapped for every remaining holder."""
    new_key = keys.new_master_key()
    if drop_holder is not None:
        session.keyfile.remove_holder(drop_holder)
    session.keyfile.begin_rekey(new_key)
    session.db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    session.keyfile.commit_rekey()
    session.key = new_key


def reset_pin(session: Session, volunteer_id: str, new_pin: str) -> None:
    """Give a volunteer a new PIN (station head only; or anyone for themselves)."""
    if volunteer_id != session.volunteer.id:
        session.require_head("重设他人的 PIN 码", "set another volunteer's PIN")
    target = volunteers.get(session.db, volunteer_id)
    if target is None or not target.active:
        raise KnownError("no_volunteer", "找不到这位志愿者", "No such volunteer")
    try:
        validate(VolunteerIn, {"name": target.name, "pin": new_pin, "role": target.role})
        session.keyfile.reset_holder_pin(session.key, target.id, new_pin, session.secrets,
                                         session.kdf)
    except Invalid as err:
        raise InvalidInput.from_invalid(err) from None
    with session.write():
        session.audit("reset_pin", session.tick(), entity="volunteer", entity_id=target.id)


def heads(session: Session) -> list[Volunteer]:
    return [v for v in volunteers.active(session.db) if v.role is Role.HEAD]
