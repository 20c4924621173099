"""The one error the domain rules raise: a field is wrong, said in Chinese and in English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field, with how to fix it, in both languages."""

    field: str
    code: str
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


class Invalid(ValueError):
    """Raised by a domain rule; carries one or more Problems.

    `field` may be left empty by a rule that does not know the field it is checking
    (a resident-ID check is used for the head's ID and for members' IDs); the caller
    or the model validator fills it in with `for_field`.
    """

    def __init__(self, code: str, zh: str, en: str, field: str = "") -> None:
        self.problems: tuple[Problem, ...] = (Problem(field, code, zh, en),)
        super().__init__(en)

    @classmethod
    def many(cls, problems: list[Problem]) -> Invalid:
        err = cls(problems[0].code, problems[0].zh, problems[0].en, problems[0].field)
        err.problems = tuple(problems)
        return err

    def for_field(self, field: str) -> Invalid:
        return Invalid.many(
            [Problem(p.field or field, p.code, p.zh, p.en) for p in self.problems]
        )

    @property
    def problem(self) -> Problem:
        return self.problems[0]
