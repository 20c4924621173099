"""The station head's reports: aid of a period by programme, month, difficulty reason,
employment and hardship tier, and the families reached against those registered.

Plain data only (no Qt): the Reports page draws it, the tests compare it with `totals`.
Voided aid is left out, as in every total. Periods are station-local dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from helpdesk.domain.common import Labelled
from helpdesk.domain.families import Employment, Reason
from helpdesk.domain.tiers import Tier
from helpdesk.services.session import Session
from helpdesk.store import programmes
from helpdesk.store import reports as store

# The seeds ask for them by name: the workers social insurance most often misses.
CALLED_OUT = (Employment.PLATFORM.value, Employment.RURAL_MIGRANT.value)


class PeriodKind(StrEnum):
    TODAY = "today"
    MONTH = "month"
    CAMPAIGN = "campaign"


@dataclass(frozen=True)
class Period:
    """`start`..`end`, both included. For a campaign, `programmes` names the programmes
    open today whose season it spans; none open means the calendar year so far."""

    kind: str
    start: date
    end: date
    programmes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    key: str
    label_zh: str
    label_en: str
    aid_count: int
    total_fen: int
    families: int
    called_out: bool = False

    def label(self, lang: str = "zh") -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en


@dataclass(frozen=True)
class Report:
    period: Period
    aid_count: int
    total_fen: int
    families_reached: int
    families_registered: int
    by_programme: tuple[Row, ...]
    by_month: tuple[Row, ...]
    by_reason: tuple[Row, ...]  # a family with several reasons counts under each
    by_employment: tuple[Row, ...]
    by_tier: tuple[Row, ...]

    def called_out(self) -> tuple[Row, ...]:
        """Platform and rural migrant workers' rows, zero rows included: the seeds ask."""
        found = {r.key: r for r in self.by_employment}
        return tuple(found.get(k) or _labelled(Employment, k, 0, 0, 0) for k in CALLED_OUT)


def period(session: Session, kind: str | PeriodKind, today: date | None = None) -> Period:
    """Today, this month (so far) or this campaign: the season of the programmes open today,
    from the earliest start to the latest end; the calendar year so far when none is open."""
    day = today or session.today()
    kind = PeriodKind(kind)
    if kind is PeriodKind.TODAY:
        return Period(kind.value, day, day)
    if kind is PeriodKind.MONTH:
        return Period(kind.value, day.replace(day=1), day)
    open_now = programmes.open_on(session.db, day)
    if not open_now:
        return Period(kind.value, day.replace(month=1, day=1), day)
    return Period(kind.value, min(p.starts_on for p in open_now),
                  max(p.ends_on for p in open_now), tuple(p.code for p in open_now))


def report(session: Session, span: Period) -> Report:
    """The figures of the period; station heads only (KnownError otherwise). Read-only."""
    session.require_head("查看报表", "see the reports")
    found = store.figures(session.db, span.start, span.end)
    total = found["overall"]

    def rows(by: store.Grouping) -> list[dict[str, int | str]]:
        return list(found[by])

    by_programme = tuple(Row(str(r["key"]), str(r["name_zh"]), str(r["name_en"]),
                             int(r["aid_count"]), int(r["total_fen"]), int(r["families"]))
                         for r in rows("programme"))
    by_month = tuple(Row(str(r["key"]), _month_zh(str(r["key"])), str(r["key"]),
                         int(r["aid_count"]), int(r["total_fen"]), int(r["families"]))
                     for r in rows("month"))
    return Report(span, total["aid_count"], total["total_fen"], total["families"],
                  store.registered(session.db), by_programme, by_month,
                  _enum_rows(Reason, rows("reason")), _enum_rows(Employment, rows("employment")),
                  _enum_rows(Tier, rows("tier")))


def _month_zh(key: str) -> str:
    year, _, month = key.partition("-")
    return f"{year}年{int(month)}月" if month.isdigit() else key


def _labelled(enum: type[Labelled], key: str, count: int, fen: int, families: int) -> Row:
    if not key and enum is Tier:
        zh, en = "未定等级", "No tier set"
    else:
        zh, en = enum.labels().get(key, (key, key))
    return Row(key, zh, en, count, fen, families, called_out=enum is Employment
               and key in CALLED_OUT)


def _enum_rows(enum: type[Labelled], found: list[dict[str, int | str]]) -> tuple[Row, ...]:
    """In the enum's order (the form's order), then anything unknown, then the blank key."""
    order = {v: n for n, v in enumerate(enum.labels())}
    made = [_labelled(enum, str(r["key"]), int(r["aid_count"]), int(r["total_fen"]),
                      int(r["families"])) for r in found]
    return tuple(sorted(made, key=lambda r: (r.key == "", order.get(r.key, len(order)), r.key)))
