"""The station's 低保 line and the hardship tier a family's figures suggest.

The line (yuan per person per month) is a local setting of the station, kept in the
database's `meta`; only a station head sets it. A tier is suggested here and shown to anyone,
but saved on a family only by a station head (`families.register_family`/`update_family`).
"""

from __future__ import annotations

from helpdesk.domain import money
from helpdesk.domain import tiers as rules
from helpdesk.domain.common import iso, utcnow
from helpdesk.domain.errors import Invalid
from helpdesk.errors import KnownError
from helpdesk.services.session import Session
from helpdesk.store import db as dbm
from helpdesk.store import families as store

LINE_KEY = "dibao_line_fen"
MAX_LINE_FEN = 10_000_00  # 10,000 yuan per person per month: far above any city's line


def poverty_line(session: Session) -> int | None:
    """The station's 低保 line in fen per person per month, None when not set."""
    value = dbm.meta(session.db, LINE_KEY)
    return int(value) if value else None


def set_poverty_line(session: Session, yuan: str) -> int | None:
    """Set (or, with a blank, clear) the 低保 line from the yuan typed; station heads only.
    Raises KnownError naming the field for a malformed or out-of-range amount; audited."""
    session.require_head("设置低保标准", "set the minimum living allowance line")
    text = yuan.strip()
    fen: int | None = None
    if text:
        try:
            fen = money.parse_fen(text)
        except Invalid:
            fen = -1
        if not 0 < fen <= MAX_LINE_FEN:
            raise KnownError("dibao_line", "低保标准：请填写 0.01 至 10000 元之间的金额",
                             "Minimum living allowance line: enter an amount from 0.01 to "
                             "10,000 yuan")
    with session.write():
        if fen is None:
            session.db.execute("DELETE FROM meta WHERE key = ?", [LINE_KEY])
        else:
            dbm.set_meta(session.db, LINE_KEY, str(fen))
        session.audit("set_dibao_line", session.tick(),
                      detail={"fen": fen, "at": iso(utcnow())})
    return fen


def household_size(session: Session, family_id: str | None) -> int:
    """People in the household: the head and the members on file (a member recorded as the
    head himself is not counted twice); 1 for a family not registered yet."""
    if not family_id:
        return 1
    members = store.members_of(session.db, family_id)
    return 1 + sum(1 for m in members if m.relation.value != "head")


def suggest(session: Session, monthly_income_fen: int | None,
            yearly_spending_fen: int | None, household: int) -> rules.Suggestion | None:
    """The rule's suggestion against the station's line; None when it cannot be told."""
    return rules.suggest(monthly_income_fen, yearly_spending_fen, household,
                         poverty_line(session))
