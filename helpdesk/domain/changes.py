"""The change record of the sync outbox and its canonical JSON."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from helpdesk.domain.common import Model

Op = Literal["put", "void", "merge"]
ENTITIES = ("station", "volunteer", "programme", "family", "member", "aid", "audit")


def canonical_json(value: Any) -> str:
    """The one text form of a value: sorted keys, no spaces, UTF-8 kept, so hashes agree."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str)


def content_hash(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()


class Change(Model):
    """One changed entity, as written to the outbox in the same transaction as the change."""

    change_id: str
    device_id: str
    epoch: int
    device_seq: int
    entity: Literal["station", "volunteer", "programme", "family", "member", "aid", "audit"]
    entity_id: str
    op: Op
    fields: tuple[str, ...]
    state: dict[str, Any]
    base_change_id: str | None = None
    hlc: str
    author: str

    def wire_hash(self) -> str:
        """Hash of everything the server compares to tell 'already had' from a clash."""
        return content_hash(self.model_dump(mode="json"))
