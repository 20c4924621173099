"""Errors that reach the user.

A `KnownError` is something the user can act on (a wrong PIN, an invalid ID, a locked database):
it is shown as a message in the user's language. Anything else is a bug: logged with its
traceback and shown in a crash dialog. Code below `ui` raises these; it never prints or opens
dialogs. The store's own errors (`store.db.StoreError`, `store.keys.KeysError`) are KnownErrors
too, so they reach the user as they are, with no translation on the way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from helpdesk.domain.aid import Need
from helpdesk.domain.errors import Invalid, Problem


class KnownError(Exception):
    """An error told to the user, in Chinese and English; `code` is stable for tests and logs."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.zh = zh
        self.en = en

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


class InvalidInput(KnownError):
    """One or more fields are wrong; `problems` names each field and how to fix it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        zh = "；".join(_labelled(p, "zh") for p in self.problems)
        en = "; ".join(_labelled(p, "en") for p in self.problems)
        super().__init__(first.code, zh, en)

    @classmethod
    def from_invalid(cls, err: Invalid) -> InvalidInput:
        return cls(err.problems)

    def fields(self) -> dict[str, Problem]:
        """The first problem of each field, for a form that shows errors beside its fields."""
        out: dict[str, Problem] = {}
        for p in self.problems:
            out.setdefault(p.field, p)
        return out


class NeedsApproval(KnownError):
    """The action is allowed only with approvals not given: `needs` lists every one of them
    (`domain.aid.Need`, each with its `ApprovalKind`); `kind` is the first one's.

    Screens ask `services.aid.needs` first and collect every approval before the recipient
    signs; this is raised only when the use case is called without them, or when the station
    changed in between (another device gave aid, a pull brought another station's aid).
    """

    def __init__(self, needs: Sequence[Need]) -> None:
        self.needs = tuple(needs)
        self.kind = self.needs[0].kind
        super().__init__(f"needs_{self.kind.value}", "；".join(n.zh for n in self.needs),
                         "; ".join(n.en for n in self.needs))


def _labelled(p: Problem, lang: str) -> str:
    text = p.text(lang)
    return f"{p.field}: {text}" if p.field else text
