"""What the home page and the status bar show: today's aid, changes waiting to sync."""

from __future__ import annotations

from dataclasses import dataclass

from helpdesk.services.session import Session
from helpdesk.store import aid as aidstore
from helpdesk.store import families, outbox


@dataclass(frozen=True)
class Today:
    aid_count: int
    total_fen: int
    waiting_changes: int
    families: int


def today(session: Session) -> Today:
    """Today's aid (station-local date, voided left out), changes waiting, families."""
    count, fen = aidstore.day_totals(session.db, session.today().isoformat())
    return Today(count, fen, outbox.pending_count(session.db), families.count(session.db))


def waiting_changes(session: Session) -> int:
    """Changes in the outbox not yet accepted by the server."""
    return outbox.pending_count(session.db)
