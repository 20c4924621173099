"""Applying pulled changes to the station's rows; applying twice is the same as once.

Families and members merge field by field (`store.versions.settle`, DESIGN.md point 5): each
field keeps its greatest (HLC, device) write, and a value that lost to an edit that never saw
it is flagged for review; a `merge` change joins a duplicate family into the one kept.
Programmes keep the state of their newest HLC; aid is immutable, so only its void is applied
over an existing row. Call inside the transaction that also stores the pull cursor.
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
from helpdesk.domain.programmes import Programme
from helpdesk.store import aid as aid_store
from helpdesk.store import programmes, receipts, versions
from helpdesk.sync import matches, wire

_TABLES = {"family": "families", "member": "members", "programme": "programmes", "aid": "aid"}


def apply_all(db: Database, items: Iterable[wire.PulledItem]) -> tuple[int, int, int]:
    """Apply pulled items in order; returns (changes applied, changes skipped, match records).

    Skipped: entities not kept on this side yet (volunteer, audit, station), states that do
    not validate, and rows the database refuses (e.g. a second family with the same ID
    number: to be merged by a head). Match records and alerts go to their own tables
    (`matches`), device keys to the receipt keys (`store.receipts`); they count as records.
    """
    applied = skipped = records = 0
    for item in items:
        if isinstance(item, wire.MatchRecord):
            matches.put(db, item)
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
        try:
            done = _apply(db, item.change)
        except (ValidationError, sqlite3.IntegrityError, sqlcipher3.IntegrityError):
            done = False
        applied += done
        skipped += not done
    return applied, skipped, records


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
        aid_store.replace(db, aid)
        return True
    if change.entity in ("family", "member"):
        with db.atomic():  # a savepoint: a refused state leaves no field writes behind
            versions.settle(db, change)
        return True
    if _newer(db, change):  # else what we have is as new or newer
        programmes.put(db, Programme.model_validate(state))
    return True
