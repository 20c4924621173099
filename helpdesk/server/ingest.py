"""Push: take a batch of one device's changes and answer each one (DESIGN.md points 2, 3, 6, 7).

The whole batch is one transaction, which also looks the token up. Each change is inserted
with `INSERT … ON CONFLICT (change_id) DO NOTHING`; whether it was new is read from
RETURNING, and for the others the stored hash is compared with the incoming one — never
"check, then insert". Server sequence numbers come from the region's counter row, updated (so
locked) inside the transaction by the statement that inserts the changes: a second push in the
region waits for the first to commit, so numbers become visible in order and a pull cursor can
never pass a number that is still to commit. Everything that needs no number (hashing and
validation, the token, the device check, the lookup of sequence numbers already held) happens
before the counter is taken, and each step after it is one statement, so the region's pushes
queue behind as short a lock as possible.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from helpdesk.domain.changes import Change, canonical_json
from helpdesk.domain.common import iso, utcnow
from helpdesk.domain.hlc import Hlc
from helpdesk.server import (
    accounts,
    alerts,
    closes,
    matches,
    merge,
    rules,
    sequence,
    sql,
    station_list,
    summaries,
)
from helpdesk.server import storage as st
from helpdesk.server.accounts import Bearer, Caller
from helpdesk.server.errors import ApiError
from helpdesk.sync import wire


@dataclass
class _Incoming:
    change: Change
    body: str
    hash: str
    reason: str  # why it is rejected; "" when it is acceptable (`rules`)
    server_hlc: str
    clamped: bool


def push(engine: Engine, who: Caller | Bearer, request: wire.PushRequest,
         max_ahead_ms: int, app_version: str = "",
         client_ms: int | None = None) -> wire.PushResponse:
    """Store a batch and answer every change; one transaction, idempotent. `who` is the caller,
    or a bearer token looked up in the transaction (ApiError 401 when unknown or revoked).
    The station's sync record (`station_list.record_push`) notes the push, with the app version
    and the station's clock (`client_ms`, ms since the epoch) when the client sent them.

    Raises ApiError 403 when the device belongs to another station, 409 when its epoch does
    not match; nothing is written then.
    """
    now_ms = int(time.time() * 1000)
    incoming = [_prepare(c, now_ms, max_ahead_ms) for c in request.changes]
    received = iso(utcnow())
    with st.write(engine) as conn:
        caller = accounts.caller_in(conn, who)
        mark = _check_device(conn, caller, request)
        reasons = rules.refusals(conn, caller, [(i.change, i.reason) for i in incoming])
        for item, reason in zip(incoming, reasons, strict=True):
            item.reason = reason
        answers, rejected = _store(conn, caller, incoming, received)
        watermark = _advance_watermark(conn, request.device_id, mark)
        station_list.record_push(
            conn, caller.station_code, received, app_version,
            None if client_ms is None else client_ms - now_ms,
            received=sum(1 for a in answers if a.status == "accepted"),
            quarantined=sum(1 for a in answers if a.status == "quarantined"),
            rejected=rejected)
    return wire.PushResponse(answers=tuple(answers), watermark=watermark,
                             clamped=sum(1 for i in incoming if i.clamped),
                             server_time_ms=now_ms)


def _prepare(change: Change, now_ms: int, max_ahead_ms: int) -> _Incoming:
    """The canonical body, its hash and the HLC check: what needs no caller and no database."""
    body = canonical_json(change.model_dump(mode="json"))
    digest = hashlib.sha256(body.encode()).hexdigest()  # = content_hash(), computed once
    reason, server_hlc, clamped = "", change.hlc, False
    try:
        hlc = Hlc.parse(change.hlc)
    except ValueError:
        reason = "bad_hlc"
    else:
        if hlc.wall_ms > now_ms + max_ahead_ms:
            # One laptop set to 2030 must not drag every clock forward (DESIGN.md point 6).
            server_hlc, clamped = str(Hlc(now_ms, hlc.counter)), True
    # The state is checked here, before the transaction: the domain models need no caller.
    reason = reason or rules.state_reason(change)
    return _Incoming(change, body, digest, reason, server_hlc[:21], clamped)


def _device_state(_dialect: str) -> Any:
    d = st.devices.c
    return sa.select(d.station_code, d.epoch, d.watermark).where(
        d.device_id == sa.bindparam("device_id"))


def _seq_owners(dialect: str) -> Any:
    c = st.changes.c
    return sa.select(c.device_seq, c.change_id).where(
        c.device_id == sa.bindparam("device_id"), sql.among_param(dialect, c.device_seq, "seqs"))


def _stored_of(dialect: str) -> Any:
    c = st.changes.c
    return sa.select(*(c[k] for k in _Stored._fields)).where(
        sql.among_param(dialect, c.change_id, "ids"))


def _answered_after(_dialect: str) -> Any:
    c = st.changes.c
    return (sa.select(c.device_seq)
            .where(c.device_id == sa.bindparam("device_id"), c.device_seq > sa.bindparam("mark"))
            .order_by(c.device_seq))


def _move_watermark(_dialect: str) -> Any:
    d = st.devices.c
    mark = sa.bindparam("mark", type_=sa.BigInteger)
    return (st.devices.update().where(d.device_id == sa.bindparam("device"))
            .values(watermark=sa.case((d.watermark < mark, mark), else_=d.watermark))
            .returning(d.watermark))


def _check_device(conn: Connection, caller: Caller, request: wire.PushRequest) -> int:
    """The batch's device must be the caller's station's; an unknown one (a restored or copied
    database of this station, DESIGN.md point 8) is registered to the caller's station.
    Returns the device's watermark as it was."""
    known = sql.prepared(conn, _device_state)
    row = conn.execute(known, {"device_id": request.device_id}).first()
    if row is None:
        conn.execute(sql.insert(conn, st.devices).values(
            device_id=request.device_id, station_code=caller.station_code,
            epoch=request.epoch, created_at=iso(utcnow()))
            .on_conflict_do_nothing(index_elements=["device_id"]))
        row = conn.execute(known, {"device_id": request.device_id}).first()
        assert row is not None
    if row.station_code != caller.station_code:
        raise ApiError(403, "other_station", "This device belongs to another station",
                       "该设备属于其他站点")
    if row.epoch != request.epoch:
        raise ApiError(409, "epoch_mismatch", "This device's epoch does not match the server's",
                       "设备纪元与服务器记录不符")
    return int(row.watermark)


def _store(conn: Connection, caller: Caller, incoming: list[_Incoming],
           received: str) -> tuple[list[wire.Answer], int]:
    """The answers, and how many changes this push stored as rejected."""
    ids = [i.change.change_id for i in incoming]
    device_id = incoming[0].change.device_id if incoming else ""
    # A device sequence number already held by another change would break the insert below
    # (ON CONFLICT names change_id alone, never a target that could swallow another clash).
    seq_owner = dict(conn.execute(sql.prepared(conn, _seq_owners), {
        "device_id": device_id, "seqs": [i.change.device_seq for i in incoming]}).all())
    fresh = [i for i in incoming
             if seq_owner.get(i.change.device_seq, i.change.change_id) == i.change.change_id]
    # A change repeated inside one batch is stored once; of two changes claiming one device
    # sequence number inside the batch only the first is stored (the other is quarantined).
    fresh = list({i.change.change_id: i for i in fresh}.values())
    fresh = list({i.change.device_seq: i for i in reversed(fresh)}.values())[::-1]
    rows: list[dict[str, Any]] = []
    for item in fresh:
        c = item.change
        rows.append({"change_id": c.change_id, "region": caller.region,
                     "station_code": caller.station_code, "device_id": c.device_id,
                     "epoch": c.epoch, "device_seq": c.device_seq, "entity": c.entity,
                     "entity_id": c.entity_id, "op": c.op, "hlc": c.hlc[:21],
                     "server_hlc": item.server_hlc, "body": item.body, "hash": item.hash,
                     "status": "rejected" if item.reason else "accepted",
                     "reason": item.reason, "server_seq": None, "received_at": received})
    offset = 0
    for values in rows:  # accepted changes are numbered in batch order; rejected ones never
        if values["status"] == "accepted":
            offset += 1
            values["server_seq"] = offset
    # Takes the region's counter: from here to the commit the region's other pushes wait.
    inserted = _insert_changes(conn, caller.region, rows) if rows else {}
    # What this statement inserted is known; only the others are read back.
    stored: dict[str, Any] = {
        r["change_id"]: _Stored(**{**{k: r[k] for k in _Stored._fields},
                                   "server_seq": inserted[r["change_id"]]})
        for r in rows if r["change_id"] in inserted}
    others = [i for i in ids if i not in stored]
    if others:
        stored.update((r.change_id, r) for r in conn.execute(
            sql.prepared(conn, _stored_of), {"ids": others}))
    answers = []
    quarantined = []
    new = set(inserted)
    for item in incoming:
        c = item.change
        row = stored.get(c.change_id)
        if row is None:  # its device_seq is held by another change: a clash, never applied
            quarantined.append(_quarantine_row(caller, item, "device_seq_taken", received))
            answers.append(wire.Answer(change_id=c.change_id, device_seq=c.device_seq,
                                       status="quarantined", reason="device_seq_taken"))
            continue
        status: wire.Status
        if row.hash != item.hash:
            quarantined.append(_quarantine_row(caller, item, "different_content", received))
            status, reason = "quarantined", "different_content"
        elif row.status == "rejected":
            status, reason = "rejected", row.reason
        else:
            status = "accepted" if c.change_id in new else "already_had"
            reason = ""
        answers.append(wire.Answer(
            change_id=c.change_id, device_seq=c.device_seq, status=status, reason=reason,
            server_seq=row.server_seq if status in ("accepted", "already_had") else None,
            hlc=row.server_hlc if row.server_hlc != row.hlc else None))
        new.discard(c.change_id)  # a repeat later in the batch is "already had"
    if quarantined:
        sql.insert_rows(conn, st.quarantine, quarantined, lambda stmt: stmt.on_conflict_do_nothing(
            index_elements=["change_id", "hash"]))
    now_accepted = {a.change_id for a in answers if a.status == "accepted"}
    accepted = [i for i in fresh if i.change.change_id in now_accepted]
    _project_aid(conn, caller, accepted)
    _project(conn, caller, accepted)
    closes.project(conn, caller, [(i.change, i.server_hlc) for i in accepted])
    rejected = sum(1 for r in rows if r["status"] == "rejected" and r["change_id"] in inserted)
    return answers, rejected


class _Stored(NamedTuple):
    """The columns of a stored change that decide its answer."""

    change_id: str
    hash: str
    status: str
    reason: str
    server_seq: int | None
    server_hlc: str
    hlc: str


def _insert_changes(conn: Connection, region: str, rows: list[dict[str, Any]]
                    ) -> dict[str, int | None]:
    """INSERT … ON CONFLICT (change_id) DO NOTHING, the accepted ones numbered in the region's
    order; returns the ids this statement inserted, with their numbers."""
    result = sequence.insert_numbered(
        conn, st.changes, region, rows, lambda stmt: stmt.on_conflict_do_nothing(
            index_elements=["change_id"]).returning(st.changes.c.change_id,
                                                    st.changes.c.server_seq))
    return {str(row.change_id): row.server_seq for row in result}


def _quarantine_row(caller: Caller, item: _Incoming, reason: str,
                    received: str) -> dict[str, Any]:
    c = item.change
    return {"change_id": c.change_id, "hash": item.hash, "station_code": caller.station_code,
            "device_id": c.device_id, "device_seq": c.device_seq, "reason": reason,
            "body": item.body, "received_at": received}


def _project_aid(conn: Connection, caller: Caller, accepted: list[_Incoming]) -> None:
    """Keep the aid projection and its summaries (`summaries`) in step with newly accepted
    aid changes, in this transaction. Aid is immutable but for its void, so a put inserts once
    and a void marks it; either order ends the same. A put that inserts adds to the
    summaries, a void that marks a counted aid subtracts what it added."""
    changes = [i.change for i in accepted]
    aid = [c for c in changes if c.entity == "aid"]
    if not aid:
        return
    rows = summaries.aid_rows(caller.station_code, caller.region, aid,
                              summaries.classes(conn, caller.station_code, changes))
    puts = [r for r in rows if not r["voided"]]
    voids = list({r["id"]: r for r in rows if r["voided"]}.values())
    added: Sequence[Any] = []
    removed: Sequence[Any] = []
    if puts:
        added = sql.insert_rows(conn, st.aid, puts, _insert_returning).all()
    if voids:
        removed = conn.execute(sql.prepared(conn, _void_counted), {
            "station": caller.station_code, "ids": [v["id"] for v in voids]}).all()
        sql.insert_rows(conn, st.aid, voids, lambda stmt: stmt.on_conflict_do_nothing(
            index_elements=["station_code", "id"]))  # a void that came before its aid
    summaries.count(conn, added, removed)


def _insert_returning(stmt: Any) -> Any:
    return stmt.on_conflict_do_nothing(index_elements=["station_code", "id"]).returning(
        *(st.aid.c[k] for k in summaries.COUNTED))


def _void_counted(dialect: str) -> Any:
    a = st.aid.c
    return (st.aid.update().where(a.station_code == sa.bindparam("station"),
                                  sql.among_param(dialect, a.id, "ids"), a.voided.is_(False))
            .values(voided=True).returning(*(a[k] for k in summaries.COUNTED)))


def _project(conn: Connection, caller: Caller, accepted: list[_Incoming]) -> None:
    """Keep match records, family merges, alerts and programmes in step with newly accepted
    changes; under the region's counter (taken by `_insert_changes`), so records and alerts
    are read and numbered in the region's commit order. A programme keeps the state of its
    latest HLC."""
    progs = [{"station_code": caller.station_code, "id": i.change.entity_id,
              "region": caller.region, "code": i.change.state["code"],
              "name_zh": i.change.state["name_zh"], "hlc": i.server_hlc,
              "kind": str(i.change.state.get("kind", "")),
              "starts_on": str(i.change.state.get("starts_on", "")),
              "ends_on": str(i.change.state.get("ends_on", ""))}
             for i in accepted if i.change.entity == "programme"]
    matches.refresh(conn, caller, [(i.change, i.server_hlc) for i in accepted])
    merge.project(conn, caller, [i.change for i in accepted])  # field merge, family merges
    alerts.check(conn, caller, [i.change for i in accepted])
    for values in progs:  # one at a time: a batch may hold several states of one programme
        stmt = sql.insert(conn, st.programmes).values(**values)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["station_code", "id"],
            set_={k: stmt.excluded[k] for k in ("code", "name_zh", "hlc", "kind",
                                                 "starts_on", "ends_on")},
            where=st.programmes.c.hlc < stmt.excluded.hlc))


def _advance_watermark(conn: Connection, device_id: str, mark: int) -> int:
    """Move the device's watermark (`mark` as read earlier in the transaction) over every
    consecutive sequence number now answered; returns the watermark now stored."""
    for seq in conn.execute(sql.prepared(conn, _answered_after),
                            {"device_id": device_id, "mark": mark}).scalars():
        if seq != mark + 1:
            break
        mark = seq
    # Only ever forward, even if a concurrent push of the same device got further.
    return int(conn.execute(sql.prepared(conn, _move_watermark),
                            {"device": device_id, "mark": mark}).scalar_one())
