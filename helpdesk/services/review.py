"""What a station head reviews: conflicting edits, duplicate-aid alerts, changes the server
refused, and duplicate families to merge (DESIGN.md "Sync protocol" point 5).

Reading is open to every volunteer; resolving a conflict and merging families are for a
station head. Every write is one transaction with its outbox change and audit row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from helpdesk.domain import fieldmerge
from helpdesk.domain.aid import ReasonIn
from helpdesk.domain.common import iso, utcnow
from helpdesk.domain.errors import Invalid
from helpdesk.domain.families import Family, FamilyIn, MemberIn
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import decisions
from helpdesk.services import families as family_service
from helpdesk.services.session import Session
from helpdesk.store import conflicts as conflict_store
from helpdesk.store import families, programmes, versions, volunteers


@dataclass(frozen=True)
class ConflictItem:
    """A value that lost to a concurrent edit of the same field, kept for review."""

    id: int
    entity: str  # family | member
    entity_id: str
    family_id: str
    family_name: str
    field: str
    kept_value: str
    losing_value: str
    kept_by: str
    lost_by: str
    hlc: str  # of the losing edit


@dataclass(frozen=True)
class AlertItem:
    """The same family given the same programme at two stations of the region."""

    aid_id: str
    programme_name: str
    masked_id: str
    station_code: str
    family_id: str
    others: str  # the other stations' codes, comma separated
    created_at: str


@dataclass(frozen=True)
class StuckChange:
    """An outbox change the server rejected or quarantined; it stays visible until fixed."""

    change_id: str
    entity: str
    entity_id: str
    summary: str
    status: str  # rejected | quarantined
    reason: str  # the server's reason code (`refusals` has its words)
    hlc: str
    family_id: str = ""  # the family the change belongs to, when it belongs to one


def _shown(value_json: str) -> str:
    value = json.loads(value_json)
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def _who(session: Session, stamp: str) -> str:
    """A volunteer's name where this station knows it, else a short device mark."""
    author, _, device_id = stamp.partition("@")
    found = volunteers.get(session.db, author) if author else None
    if found is not None:
        return found.name
    return f"{author[:8] or '?'}@{device_id[:8]}" if device_id else author[:8]


def conflicts(session: Session) -> list[ConflictItem]:
    """Unresolved conflicts, oldest first."""
    out = []
    for row in conflict_store.open_(session.db):
        family = families.get(session.db, row["family_id"])
        out.append(ConflictItem(
            id=int(row["id"]), entity=row["entity"], entity_id=row["entity_id"],
            family_id=row["family_id"], family_name=family.head_name if family else "",
            field=row["field"], kept_value=_shown(row["kept_value"]),
            losing_value=_shown(row["losing_value"]), kept_by=_who(session, row["kept_by"]),
            lost_by=_who(session, row["lost_by"]), hlc=row["losing_hlc"]))
    return out


def resolve_conflict(session: Session, conflict_id: int, *, use_losing_value: bool) -> None:
    """Mark a conflict resolved (station head). With `use_losing_value` the losing value (and
    the fields that travel with it, e.g. the birth date of an ID number) is put back by a
    normal edit, which syncs like any edit; all in one transaction."""
    session.require_head("处理冲突", "resolve a conflict")
    row = conflict_store.get(session.db, conflict_id)
    if row is None or row["resolved_at"] is not None:
        raise InvalidInput([Invalid("no_conflict", "没有这条待处理的冲突",
                                    "There is no such open conflict", "conflict_id").problem])
    with session.write() as db:
        if use_losing_value:
            _put_back(session, row)
        conflict_store.resolve(db, conflict_id, by=session.volunteer.id,
                               resolution="losing_value" if use_losing_value else "kept_value")
        hlc = session.tick()
        session.audit("resolve_conflict", hlc, entity=row["entity"], entity_id=row["entity_id"],
                      detail={"field": row["field"], "use_losing_value": use_losing_value,
                              "losing_change_id": row["losing_change_id"]})


def _put_back(session: Session, row: dict[str, Any]) -> None:
    entity, entity_id = row["entity"], row["entity_id"]
    losing = {w.field: json.loads(w.value) for w in versions.writes(session.db, entity, entity_id)
              if w.change_id == row["losing_change_id"]}
    fields = {row["field"]}
    for group in fieldmerge.GROUPS:
        if row["field"] in group:
            fields |= group
    update = {f: v for f, v in losing.items() if f in fields}
    if entity == "family":
        family = family_service.get(session, entity_id)
        data = family.model_dump(include=set(FamilyIn.model_fields)) | {
            f: v for f, v in update.items() if f in FamilyIn.model_fields}
        family_service.update_family(session, entity_id, data,
                                     base_change_id=family.last_change_id)
    else:
        member = families.get_member(session.db, entity_id)
        if member is None:
            raise KnownError("no_member", "找不到这位家庭成员", "No such household member")
        data = member.model_dump(include=set(MemberIn.model_fields)) | {
            f: v for f, v in update.items() if f in MemberIn.model_fields}
        family_service.update_member(session, entity_id, data,
                                     base_change_id=member.last_change_id)


def alerts(session: Session) -> list[AlertItem]:
    """Duplicate-aid alerts of the region not yet reviewed, newest first."""
    rows = session.db.execute(
        "SELECT aid_id, programme_id, masked_id, station_code, family_id, others, created_at "
        "FROM alerts WHERE reviewed_at IS NULL ORDER BY server_seq DESC").fetchall()
    out = []
    for aid_id, programme_id, masked, station, family_id, others, created in rows:
        programme = programmes.get(session.db, programme_id)
        codes = sorted({str(o.get("station_code", "")) for o in json.loads(others)})
        out.append(AlertItem(aid_id=aid_id, masked_id=masked, station_code=station,
                             programme_name=programme.name_zh if programme else programme_id,
                             family_id=family_id, others=", ".join(codes), created_at=created))
    return out


def mark_alert_reviewed(session: Session, aid_id: str) -> None:
    """Mark an alert reviewed (any volunteer), with an audit row; one transaction."""
    found = session.db.execute("SELECT reviewed_at FROM alerts WHERE aid_id = ?",
                               [aid_id]).fetchone()
    if found is None or found[0] is not None:
        raise InvalidInput([Invalid("no_alert", "没有这条待查看的提醒",
                                    "There is no such alert to review", "aid_id").problem])
    with session.write() as db:
        db.execute("UPDATE alerts SET reviewed_at = ? WHERE aid_id = ?", [iso(utcnow()), aid_id])
        session.audit("review_alert", session.tick(), entity="aid", entity_id=aid_id)


def stuck_changes(session: Session) -> list[StuckChange]:
    """Outbox changes the server rejected or quarantined, oldest first."""
    rows = session.db.execute(
        "SELECT change_id, entity, entity_id, state, sync_status, sync_detail, hlc "
        "FROM changes WHERE sync_status IN ('rejected', 'quarantined') ORDER BY hlc").fetchall()
    out = []
    for r in rows:
        state = json.loads(r[3])
        family_id = r[2] if r[1] == "family" else ""
        if r[1] in ("member", "aid"):
            family_id = str(state.get("family_id") or "")
        out.append(StuckChange(change_id=r[0], entity=r[1], entity_id=r[2],
                               summary=_summary(r[1], state), status=r[4], reason=r[5],
                               hlc=r[6], family_id=family_id))
    return out


def dismiss_refused(session: Session, change_id: str) -> None:
    """Put a refused or set-aside change out of the review (station head), with an audit row;
    it stays in the outbox, marked dismissed, and is never sent again."""
    session.require_head("忽略被拒绝的修改", "dismiss a refused change")
    found = session.db.execute("SELECT entity, entity_id, sync_detail FROM changes WHERE "
                               "change_id = ? AND sync_status IN ('rejected', 'quarantined')",
                               [change_id]).fetchone()
    if found is None:
        raise InvalidInput([Invalid("no_refused_change", "没有这条被拒绝的修改",
                                    "There is no such refused change", "change_id").problem])
    with session.write() as db:
        db.execute("UPDATE changes SET sync_status = 'dismissed' WHERE change_id = ?",
                   [change_id])
        session.audit("dismiss_refused", session.tick(), entity=found[0], entity_id=found[1],
                      detail={"change_id": change_id, "reason": found[2]})


def _summary(entity: str, state: dict[str, Any]) -> str:
    """What names the changed row to a person (a receipt number, a name); the screen says
    which kind of row it is, in the user's language."""
    for key in ("receipt_no", "head_name", "name", "code", "action"):
        if state.get(key):
            return str(state[key])
    return ""


def merge_candidates(session: Session, family_id: str) -> list[Family]:
    """Families that are likely the same household as this one: the same ID number (the
    head's or a member's) or the same name with the same birth date or phone."""
    family = family_service.get(session, family_id)
    found: dict[str, Family] = {}
    numbers = [family.id_number, *[m.id_number for m in families.members_of(session.db,
                                                                             family_id)]]
    for number in filter(None, numbers):
        for other in families.all_with_id_number(session.db, number):
            found[other.id] = other
    for other in family_service.likely_duplicates(
            session, family.model_dump(include=set(FamilyIn.model_fields)), exclude_id=family_id):
        found[other.id] = other
    found.pop(family_id, None)
    return list(found.values())


def merge_families(session: Session, *, keep_id: str, merge_id: str, reason: str) -> None:
    """Join a duplicate family into the one kept (station head, reason required): one `merge`
    change of the merged family (its state says merged_into) and an audit row, in one
    transaction. The merged family then leaves search; caps and history of the kept family
    count its aid; its receipts stay valid."""
    session.require_head("合并家庭", "merge families")
    problems = []
    if not reason.strip():
        problems.append(Invalid("merge_reason", "请写明合并原因", "Write why they are merged",
                                "reason").problem)
    else:
        try:
            reason = validate(ReasonIn, {"reason": reason}).reason
        except Invalid as err:
            problems.extend(err.problems)
    if keep_id == merge_id:
        problems.append(Invalid("merge_same", "不能把一户家庭与自己合并",
                                "A family cannot be merged with itself", "merge_id").problem)
    keep = families.get(session.db, keep_id)
    merge = families.get(session.db, merge_id)
    for name, value in (("keep_id", keep), ("merge_id", merge)):
        if value is None:
            problems.append(Invalid("no_family", "找不到这户家庭", "No such family", name).problem)
        elif value.merged_into:
            problems.append(Invalid("already_merged", "这户家庭已经合并到另一户",
                                    "This family was already merged into another", name).problem)
    if problems:
        raise InvalidInput(problems)
    assert merge is not None and keep is not None
    with session.write() as db:
        hlc = session.tick()
        state = merge.model_dump(mode="json") | {"merged_into": keep.id}
        change = session.change(entity="family", entity_id=merge.id, op="merge", hlc=hlc,
                                fields=("merged_into",), state=state)
        versions.settle(db, change)
        session.audit("merge_families", hlc, entity="family", entity_id=merge.id,
                      detail={"kept": keep.id, "merged": merge.id, "reason": reason.strip()})


def review_count(session: Session) -> int:
    """Open conflicts + unreviewed alerts + stuck changes + the office's decisions not dealt
    with, for the review page's badge."""
    alerts_open = session.db.execute("SELECT count(*) FROM alerts WHERE reviewed_at IS NULL"
                                     ).fetchone()[0]
    stuck = session.db.execute("SELECT count(*) FROM changes "
                               "WHERE sync_status IN ('rejected', 'quarantined')").fetchone()[0]
    return (conflict_store.count_open(session.db) + int(alerts_open) + int(stuck)
            + decisions.open_count(session))
