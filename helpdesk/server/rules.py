"""What a station may push (DESIGN.md points 7 and 12): which operation on which kind of row,
the state each row must pass, and whose row it is.

States are checked with the station's own domain models (one definition), so a change gets
the same answer on SQLite and PostgreSQL and junk never reaches another station.

Every row a station writes lives in that station's namespace: the server keys aid, match
records, alerts and station programmes by (station, id). An id copied from another station's
receipt therefore names, at most, a row of the caller's own — a `put` with a victim's aid id
makes an aid of the caller's station, whenever it arrives, and the victim's own aid is
stored beside it untouched. A change that refers to a row the caller does not have (a void,
an edit, a merge, a member or an aid of a family) is refused with a reason code, recorded
like every answer. Programmes of the office travel down only: a station cannot write one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
import sqlalchemy as sa
from pydantic import BaseModel, ValidationError
from sqlalchemy.engine import Connection

from helpdesk.domain.aid import Aid
from helpdesk.domain.audit import AuditRow
from helpdesk.domain.changes import Change
from helpdesk.domain.closes import DayClose
from helpdesk.domain.families import Family, Member
from helpdesk.domain.programmes import Programme
from helpdesk.domain.station import Station, Volunteer
from helpdesk.server import sql
from helpdesk.server import storage as st
from helpdesk.server.accounts import Caller

OFFICE = ""  # the owner (station_code) of the office's rows: central programmes

ALLOWED: dict[str, frozenset[str]] = {
    "station": frozenset({"put"}), "volunteer": frozenset({"put"}),
    "programme": frozenset({"put"}), "family": frozenset({"put", "merge"}),
    "member": frozenset({"put"}), "aid": frozenset({"put", "void"}),
    "audit": frozenset({"put"}), "close": frozenset({"put"}),
}

MODELS: dict[str, type[BaseModel]] = {
    "station": Station, "volunteer": Volunteer, "programme": Programme, "family": Family,
    "member": Member, "aid": Aid, "audit": AuditRow, "close": DayClose,
}

# The fields a void may set; everything else of a voided aid is what was given.
_VOID_FIELDS = frozenset({"voided_at", "void_reason", "voided_by", "hlc"})
# The fields a reopening may set; everything else of a close is what was counted.
_REOPEN_FIELDS = frozenset({"reopened_at", "reopened_by", "reopen_reason", "hlc"})


def state_reason(change: Change) -> str:
    """Why this change cannot stand on its own (operation, state), or "": needs neither the
    caller nor the database, so a push checks its batch before its transaction."""
    if change.op not in ALLOWED[change.entity]:
        return "op_not_allowed"
    try:
        model: Any = MODELS[change.entity].model_validate(change.state)
    except (ValidationError, ValueError, TypeError):
        return f"invalid_{change.entity}"
    if model.id != change.entity_id:
        return "entity_mismatch"
    if change.entity == "aid":
        if (change.op == "void") != (model.voided_at is not None):
            return "invalid_aid"
        if change.op == "put" and model.device_id != change.device_id:
            return "other_device"
    if change.op == "merge" and model.merged_into in (None, model.id):
        return "invalid_family"
    return ""


def refusals(conn: Connection, caller: Caller, batch: Sequence[tuple[Change, str]]
             ) -> list[str]:
    """The reason each change of the batch is refused ("" when it may be stored), given the
    reason it already has (`state_reason`, the HLC check). Changes are taken in batch order,
    so a family registered earlier in the batch can be given aid later in it; the lookups
    read only the caller's own rows and the programmes of its region."""
    ours = _own_rows(conn, caller, batch)
    programmes = _programmes(conn, caller, batch)
    have: dict[tuple[str, str], list[Any]] = {}
    for row in ours:
        have.setdefault((row.entity, row.entity_id), []).append(row)
    out = []
    for change, reason in batch:
        reason = reason or _refer(caller, change, have, programmes)
        if not reason:
            have.setdefault((change.entity, change.entity_id), []).append(change)
        out.append(reason)
    return out


def _refer(caller: Caller, change: Change, have: dict[tuple[str, str], list[Any]],
           programmes: dict[str, tuple[str, str]]) -> str:
    """Why the rows this change refers to make it unacceptable, or ""."""
    state, entity = change.state, change.entity
    if state.get("station_id", caller.station_id) != caller.station_id or (
            entity == "station" and change.entity_id != caller.station_id):
        return "other_station"
    earlier = [r for r in have.get((entity, change.entity_id), ())
               if r.change_id != change.change_id]
    if entity == "programme":
        owner = programmes.get(change.entity_id, ("-", ""))[0]
        return "office_programme" if owner == OFFICE else ""
    if entity == "audit" and earlier:
        return "audit_exists"  # append-only
    if entity == "family" and (change.op == "merge" or change.base_change_id):
        if not earlier:
            return "unknown_family"
        if change.op == "merge" and ("family", str(state["merged_into"])) not in have:
            return "unknown_family"
    if entity == "member" and ("family", str(state["family_id"])) not in have:
        return "unknown_family"
    if entity == "close" and earlier and (  # a close is never edited, only reopened
            _without(_state_of(earlier[0]), _REOPEN_FIELDS) != _without(state, _REOPEN_FIELDS)):
        return "close_altered"
    if entity == "aid":
        puts = [r for r in earlier if r.op == "put"]
        if change.op == "put":
            if puts:
                return "aid_exists"  # aid is never edited, only voided
            if ("family", str(state["family_id"])) not in have:
                return "unknown_family"
            owner, region = programmes.get(str(state["programme_id"]), ("-", ""))
            if owner != caller.station_code and (owner, region) != (OFFICE, caller.region):
                return "unknown_programme"
        else:
            if not puts:
                return "unknown_aid"
            if _without_void(_state_of(puts[0])) != _without_void(state):
                return "aid_altered"
    return ""


def _state_of(row: Any) -> dict[str, Any]:
    if isinstance(row, Change):
        return row.state
    state: dict[str, Any] = orjson.loads(row.body)["state"]
    return state


def _without_void(state: dict[str, Any]) -> dict[str, Any]:
    return _without(state, _VOID_FIELDS)


def _without(state: dict[str, Any], fields: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in state.items() if k not in fields}


def _own_rows(conn: Connection, caller: Caller, batch: Sequence[tuple[Change, str]]
              ) -> list[Any]:
    """The caller's accepted changes of the rows the batch refers to."""
    ids: set[str] = set()
    for change, reason in batch:
        if reason:
            continue
        ids.add(change.entity_id)
        if change.entity in ("aid", "member"):
            ids.add(str(change.state["family_id"]))
        elif change.op == "merge":
            ids.add(str(change.state["merged_into"]))
    if not ids:
        return []
    return list(conn.execute(sql.prepared(conn, _own_of),
                             {"station_code": caller.station_code, "ids": sorted(ids)}))


def _own_of(dialect: str) -> Any:
    c = st.changes.c
    columns = (c.entity, c.entity_id, c.op, c.change_id,
               sa.case((c.entity.in_(("aid", "close")), c.body), else_=sa.null()).label("body"))
    mine = c.station_code == sa.bindparam("station_code")
    if dialect != "postgresql":
        return sa.select(*columns).where(mine, sql.among_param(dialect, c.entity_id, "ids"),
                                         c.status == "accepted")
    # The ids as a table joined to changes, not `IN (SELECT unnest(…))`: against a young
    # table whose statistics say a station has a hundred rows, PostgreSQL ran that as a
    # nested loop testing every row of the station against every id (2.8 s for a batch of
    # 1,500 after 20,000 changes); as a join it hashes or probes the index.
    from sqlalchemy.dialects import postgresql

    ids = sa.func.unnest(sa.bindparam("ids", type_=postgresql.ARRAY(sa.String(64)))
                         ).table_valued("id").render_derived("i")
    return (sa.select(*columns)
            .select_from(ids.join(st.changes, sa.and_(mine, c.entity_id == ids.c.id)))
            .where(c.status == "accepted"))


def _programmes(conn: Connection, caller: Caller, batch: Sequence[tuple[Change, str]]
                ) -> dict[str, tuple[str, str]]:
    """Programme id → (owner, region) of the programmes the batch names: the caller's own
    (owner: its code) and the office's (owner: OFFICE) of any region."""
    ids = {str(c.state["programme_id"]) for c, r in batch if c.entity == "aid" and not r}
    ids |= {c.entity_id for c, r in batch if c.entity == "programme" and not r}
    if not ids:
        return {}
    found: dict[str, tuple[str, str]] = {}
    for row in conn.execute(sql.prepared(conn, _programmes_of), {
            "ids": sorted(ids), "station_code": caller.station_code}):
        if row.station_code == OFFICE or row.id not in found:
            found[row.id] = (row.station_code, row.region)
    # A programme registered earlier in this batch by the caller is the caller's.
    for change, reason in batch:
        if change.entity == "programme" and not reason:
            found.setdefault(change.entity_id, (caller.station_code, caller.region))
    return found


def _programmes_of(dialect: str) -> Any:
    p = st.programmes.c
    return sa.select(p.id, p.station_code, p.region).where(
        sql.among_param(dialect, p.id, "ids"),
        sa.or_(p.station_code == sa.bindparam("station_code"), p.station_code == OFFICE))
