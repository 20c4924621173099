"""The append-only audit log: who did what, when, from which screen. Synced like any change."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from helpdesk.domain.changes import canonical_json
from helpdesk.domain.common import iso, new_id, utcnow
from helpdesk.domain.station import Device
from helpdesk.store import outbox


def record(db: Database, device: Device, *, volunteer_id: str | None, action: str, hlc: str,
           entity: str = "", entity_id: str = "", screen: str = "",
           detail: dict[str, Any] | None = None) -> str:
    """Append one audit row and its outbox change; call inside the use case's transaction."""
    row = {"id": new_id(), "at": iso(utcnow()), "volunteer_id": volunteer_id, "action": action,
           "entity": entity, "entity_id": entity_id, "screen": screen,
           "detail": detail or {}, "device_id": device.id, "hlc": hlc}
    db.execute("INSERT INTO audit(id, at, volunteer_id, action, entity, entity_id, screen, "
               "detail, device_id, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [row["id"], row["at"], volunteer_id, action, entity, entity_id, screen,
                canonical_json(row["detail"]), device.id, hlc])
    outbox.append(db, device, entity="audit", entity_id=str(row["id"]), op="put", state=row,
                  hlc=hlc, author=volunteer_id or "")
    return str(row["id"])


def recent(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    rows = db.execute("SELECT id, at, volunteer_id, action, entity, entity_id, screen, detail "
                      "FROM audit ORDER BY at DESC, id DESC LIMIT ?", [limit]).fetchall()
    keys = ("id", "at", "volunteer_id", "action", "entity", "entity_id", "screen", "detail")
    return [dict(zip(keys, r[:-1], strict=False)) | {"detail": json.loads(r[-1])} for r in rows]
