"""The three-way field merge of family and member edits (DESIGN.md "Sync protocol" point 5).

Pure rules, run the same way by every station and by the server, so every copy converges
whatever order the changes arrive in:

- a change writes only the fields it changed from its base (a registration writes them all);
- each field holds the value of its greatest write by (HLC, device UUID, change id);
- a write loses silently when the winner saw it (the winner's base is as new as the write);
  otherwise, when the values differ, it is flagged for a person to review. The flagged set is
  a function of the writes alone, so it is the same on every copy once all have arrived.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from helpdesk.domain.changes import Change, canonical_json

FAMILY_FIELDS = ("head_name", "id_kind", "id_number", "birth_date", "phone", "address",
                 "region", "hukou", "employment", "reasons", "income_fen", "insurance",
                 "status", "consent_date", "notes", "merged_into",
                 "essential_spending_fen", "tier")
MEMBER_FIELDS = ("name", "relation", "birth_date", "id_number", "health", "school_or_work")
MERGEABLE = {"family": FAMILY_FIELDS, "member": MEMBER_FIELDS}
# Fields that travel together: a write of one writes the others from the same state, so a
# merged state is always one some volunteer saw (pinyin of the name, birth date in the ID).
GROUPS = ({"head_name", "name_pinyin", "name_initials"},
           {"id_kind", "id_number", "birth_date"})
_DERIVED = {"name_pinyin", "name_initials"}


@dataclass(frozen=True)
class Write:
    """One field as one change wrote it; `value` is canonical JSON."""

    field: str
    value: str
    hlc: str
    device_id: str
    change_id: str
    base_change_id: str | None
    author: str

    @property
    def stamp(self) -> tuple[str, str, str]:
        return (self.hlc, self.device_id, self.change_id)


@dataclass(frozen=True)
class Lost:
    """A value that lost to a write that never saw it: kept and flagged for review."""

    loser: Write
    winner: Write


def written_fields(change: Change) -> list[str]:
    """The mergeable fields a family/member change writes, with their companions."""
    if change.op == "merge":
        return ["merged_into"]  # only a merge writes it, so merges commute with edits
    allowed = set(MERGEABLE.get(change.entity, ())) - {"merged_into"}
    named = {f for f in change.fields if f in allowed}
    for group in GROUPS:
        if named & group:
            named |= group
    return sorted(f for f in named if f in change.state and f != "merged_into")


def writes_of(change: Change) -> list[Write]:
    """The field writes of a family/member change."""
    return [Write(field=f, value=canonical_json(change.state.get(f)), hlc=change.hlc,
                  device_id=change.device_id, change_id=change.change_id,
                  base_change_id=change.base_change_id, author=change.author)
            for f in written_fields(change)]


def winners(writes: Iterable[Write]) -> dict[str, Write]:
    """The winning write of each field."""
    best: dict[str, Write] = {}
    for w in writes:
        if w.field not in best or w.stamp > best[w.field].stamp:
            best[w.field] = w
    return best


def change_hlcs(writes: Iterable[Write]) -> dict[str, str]:
    """The HLC of each change among the writes (to tell what a base had seen)."""
    return {w.change_id: w.hlc for w in writes}


def lost(writes: Iterable[Write], known: Mapping[str, str] | None = None) -> list[Lost]:
    """Values the field's winner never saw and that differ from it, oldest first.

    The winner saw a write when its base change is at least as new (by HLC) as the write;
    `known` maps change ids to HLCs for bases not among the writes (e.g. seeded rows).
    A base that is unknown (not arrived yet) counts as having seen nothing.
    """
    every = list(writes)
    hlcs = {**(known or {}), **change_hlcs(every)}
    top = winners(every)
    out: list[Lost] = []
    for w in sorted(every, key=lambda x: x.stamp):
        win = top[w.field]
        if w.change_id == win.change_id or w.value == win.value or w.field in _DERIVED:
            continue
        base_hlc = hlcs.get(win.base_change_id or "", "")
        if base_hlc < w.hlc:
            out.append(Lost(w, win))
    return out


def merged_state(base: Mapping[str, Any], writes: Iterable[Write]) -> dict[str, Any]:
    """`base` (a full state) with every written field set to its winning value, and `hlc`
    and `last_change_id` those of the greatest write (the base of the next local edit)."""
    every = list(writes)
    state = dict(base)
    for name, w in winners(every).items():
        state[name] = json.loads(w.value)
    if every:
        top = max(every, key=lambda x: x.stamp)
        state["hlc"] = top.hlc
        state["last_change_id"] = top.change_id
    return state
