"""The change record of the sync outbox and its canonical JSON."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from helpdesk.domain.common import Model

Op = Literal["put", "void", "merge"]
ENTITIES = ("station", "volunteer", "programme", "family", "member", "aid", "audit", "close")

# Every field is bounded before it reaches a database: ids are printable ASCII (no NUL, which
# PostgreSQL text refuses, no control characters), numbers fit a signed 64-bit column.
MAX_ID = 64
MAX_INT = 2**63 - 1
Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID, pattern=r"^[!-~]+$")]
HlcText = Annotated[str, StringConstraints(pattern=r"^[0-9]{15}-[0-9]{5}$")]
FieldName = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID,
                                             pattern=r"^[A-Za-z0-9_.-]+$")]
# Who made the change (a volunteer id, "server"): any text but control characters.
Author = Annotated[str, StringConstraints(max_length=MAX_ID,
                                          pattern=r"^[^\x00-\x1f\x7f-\x9f]*$")]
Counter = Annotated[int, Field(ge=1, le=MAX_INT)]


def canonical_json(value: Any) -> str:
    """The one text form of a value: sorted keys, no spaces, UTF-8 kept, so hashes agree."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str)


def content_hash(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()


class Change(Model):
    """One changed entity, as written to the outbox in the same transaction as the change."""

    change_id: Id
    device_id: Id
    epoch: Counter
    device_seq: Counter
    entity: Literal["station", "volunteer", "programme", "family", "member", "aid", "audit",
                    "close"]
    entity_id: Id
    op: Op
    fields: tuple[FieldName, ...] = Field(max_length=200)
    state: dict[str, Any]
    base_change_id: Id | None = None
    hlc: HlcText
    author: Author

    def wire_hash(self) -> str:
        """Hash of everything the server compares to tell 'already had' from a clash."""
        return content_hash(self.model_dump(mode="json"))
