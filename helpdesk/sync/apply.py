"""Applying pulled changes to the station's rows; applying twice is the same as once.

Families and members merge field by field (`store.versions.settle`, DESIGN.md point 5): each
field keeps its greatest (HLC, device) write, and a value that lost to an edit that never saw
it is flagged for review; a `merge` change joins a duplicate family into the one kept.
Programmes and day closes keep the state of their newest HLC; aid is immutable, so only its
void is applied over an existing row. Call inside the transaction that also stores the pull cursor.
"""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Iterable

import sqlcipher3
from pydantic import ValidationError
from sqlite_utils import Database

from helpdesk.domain.aid import Aid
from helpdesk.domain.changes import Change
from helpdesk.domain.closes import DayClose
from helpdesk.domain.families import Family, Member
from helpdesk.domain.programmes import Programme
from helpdesk.store import aid as aid_store
from helpdesk.store import closes, families, programmes, receipts, search, versions
from helpdesk.store import paper as paper_store
from helpdesk.sync import matches, wire

_INDEX_IN_BULK = 100  # from this many new rows on, drop the search triggers and index at once
_TABLES = {"family": "families", "member": "members", "programme": "programmes", "aid": "aid",
           "close": "day_closes"}


def apply_all(db: Database, items: Iterable[wire.PulledItem], *, bulk: bool = True
              ) -> tuple[int, int, int]:
    """Apply pulled items in order; returns (changes applied, changes skipped, match records).

    Skipped: entities not kept on this side yet (volunteer, audit, station), states that do
    not validate, and rows the database refuses (e.g. a second family with the same ID
    number: to be merged by a head). Match records, alerts and the office's decisions go to
    their own tables (`matches`), device keys to the receipt keys (`store.receipts`); they
    count as records.

    The result is always that of applying the items one by one, in order (`bulk=False` does
    exactly that). With `bulk`, registrations of families and members this station has never
    seen — most of a first pull, with nothing to merge — are validated one by one and
    inserted in runs, one statement and one savepoint per run; a run the database refuses any
    row of is rolled back and applied one change at a time instead.
    """
    items = list(items)
    new = _NewRows(db, items) if bulk else None
    applied = skipped = records = 0
    found: list[wire.MatchRecord] = []
    for item in items:
        if isinstance(item, wire.MatchRecord):
            found.append(item)  # their own table: nothing else here reads or writes it
            records += 1
            continue
        if isinstance(item, wire.Alert):
            matches.put_alert(db, item)
            records += 1
            continue
        if isinstance(item, wire.DeviceKey):
            _put_key(db, item)
            records += 1
            continue
        if isinstance(item, wire.Decision):  # the office's decision on an alert
            matches.put_decision(db, item)
            records += 1
            continue
        if new is not None:
            if new.take(item.change):
                continue
            done, refused = new.flush()
            applied, skipped = applied + done, skipped + refused
        done = _apply_one(db, item.change)
        applied += done
        skipped += not done
    if new is not None:
        done, refused = new.flush()
        applied, skipped = applied + done, skipped + refused
    matches.put_many(db, found)
    return applied, skipped, records


class _NewRows:
    """Registrations of families and members not stored yet, queued for one bulk insert.

    A change is queued only when applying it alone would be a plain insert of its validated
    state (`versions.settle` of a registration with no stored row): it is a `put` with no
    base, its entity is neither stored nor touched by an earlier item of the page, and a
    member's family is stored or came earlier. Anything else first flushes the queue.
    """

    def __init__(self, db: Database, items: list[wire.PulledItem]) -> None:
        self.db = db
        changes = [i.change for i in items if isinstance(i, wire.PulledChange)]
        member_ids = {c.entity_id for c in changes if c.entity == "member"}
        family_ids = {c.entity_id for c in changes if c.entity == "family"} | {
            str(c.state.get("family_id")) for c in changes if c.entity == "member"}
        self.stored_families = families.stored_ids(db, "families", family_ids)
        self.stored_members = families.stored_ids(db, "members", member_ids)
        self.touched: set[str] = set()  # entities an earlier change of the page was about
        self.queue: list[tuple[Change, Family | Member]] = []
        self.skipped = 0

    def take(self, change: Change) -> bool:
        """Queue `change` (or count it skipped when its state does not validate) if it is a
        new registration; False when it must be applied on its own, after a flush."""
        entity, entity_id = change.entity, change.entity_id
        if entity not in ("family", "member"):
            return False
        fresh = (change.op == "put" and change.base_change_id is None
                 and entity_id not in self.touched
                 and entity_id not in (self.stored_families if entity == "family"
                                       else self.stored_members))
        if entity == "member":
            family_id = str(change.state.get("family_id"))
            fresh = fresh and (family_id in self.stored_families or family_id in self.touched)
        self.touched.add(entity_id)
        if not fresh:
            return False
        try:
            value = (Family if entity == "family" else Member).model_validate(change.state)
        except ValidationError:
            self.skipped += 1  # as `settle` would: a state that does not validate
            return True
        self.queue.append((change, value))
        return True

    def flush(self) -> tuple[int, int]:
        """Insert the queue; returns (applied, skipped) since the last flush."""
        queue, skipped = self.queue, self.skipped
        self.queue, self.skipped = [], 0
        if not queue:
            return 0, skipped
        new_families = [v for _, v in queue if isinstance(v, Family)]
        new_members = [v for _, v in queue if isinstance(v, Member)]
        try:
            with self.db.atomic():  # a savepoint: a refused row leaves nothing of the run
                if len(queue) < _INDEX_IN_BULK:
                    families.insert_many(self.db, new_families)
                    families.insert_members(self.db, new_members)
                else:  # the search triggers row by row cost more than the inserts
                    search.drop_triggers(self.db)
                    families.insert_many(self.db, new_families)
                    families.insert_members(self.db, new_members)
                    search.index_new(self.db, [f.id for f in new_families],
                                     [(m.family_id, m.id) for m in new_members])
                    search.install_triggers(self.db)
        except (sqlite3.IntegrityError, sqlcipher3.IntegrityError):
            done = sum(_apply_one(self.db, change) for change, _ in queue)
            return done, skipped + len(queue) - done
        return len(queue), skipped


def _put_key(db: Database, key: wire.DeviceKey) -> None:
    """Keep another device's public key for checking its receipts; a revocation is applied
    to the key already here (this device's own key keeps its private half)."""
    if receipts.get_key(db, key.key_id) is None:
        receipts.put_key(db, receipts.DeviceKey(
            key_id=key.key_id, device_id=key.device_id, station_id=key.station_id,
            public_key=base64.b64decode(key.public_key), private_key=None,
            created_at=key.created_at, revoked_at=key.revoked_at))
    elif key.revoked_at:
        receipts.revoke_key(db, key.key_id, key.revoked_at)


def _newer(db: Database, change: Change) -> bool:
    table = _TABLES[change.entity]
    row = db.execute(f"SELECT hlc FROM {table} WHERE id = ?", [change.entity_id]).fetchone()
    return row is None or str(row[0]) < change.hlc


def _apply_one(db: Database, change: Change) -> bool:
    """Apply one change; False when it is skipped (see `apply_all`)."""
    try:
        return _apply(db, change)
    except (ValidationError, sqlite3.IntegrityError, sqlcipher3.IntegrityError):
        return False


def _apply(db: Database, change: Change) -> bool:
    state = change.state
    if change.entity not in _TABLES:
        return False
    if change.entity == "aid":
        aid = Aid.model_validate(state)
        current = aid_store.get(db, aid.id)
        if current is not None and (current.voided or not aid.voided):
            return True  # already here; aid is never edited, only voided
        if aid.signature_hash and aid_store.signature(db, aid.signature_hash) is None:
            # The image stays on its own laptop and the server (DESIGN.md point 4).
            aid = aid.model_copy(update={"signature_hash": None})
        if aid.paper_scan_hash and paper_store.scan(db, aid.paper_scan_hash) is None:
            aid = aid.model_copy(update={"paper_scan_hash": None})  # the photo stays too
        aid_store.replace(db, aid)
        return True
    if change.entity == "close":  # a close of another laptop of this station closes the day here
        close = DayClose.model_validate(state)
        if closes.newer(db, close):
            with db.atomic():  # refused (another close of the same day kept open): nothing
                closes.put(db, close)
        return True
    if change.entity in ("family", "member"):
        with db.atomic():  # a savepoint: a refused state leaves no field writes behind
            versions.settle(db, change)
        return True
    if _newer(db, change):  # else what we have is as new or newer
        programmes.put(db, Programme.model_validate(state))
    return True
