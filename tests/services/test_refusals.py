"""The server's refusal codes in words (every code it can answer), and dismissing a refusal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpdesk.errors import KnownError
from helpdesk.server import rules
from helpdesk.services import aid as aidcases
from helpdesk.services import refusals, review
from helpdesk.services.session import Session
from helpdesk.store import audit, outbox
from tests.services.helpers import cash_aid, register, table_counts
from tests.services.test_review import _as_volunteer

SERVER = Path(rules.__file__).parent


def server_codes() -> set[str]:
    """Every reason code the server's rules and ingest can answer, read from their source."""
    source = (SERVER / "rules.py").read_text() + (SERVER / "ingest.py").read_text()
    found = set(re.findall(r'return "([a-z_]+)"', source))
    found |= set(re.findall(r'\breason="([a-z_]+)"', source))  # an answer's keyword
    found |= set(re.findall(r'^\s*reason = "([a-z_]+)"', source, re.M))
    found |= set(re.findall(r'status, reason = "[a-z]+", "([a-z_]+)"', source))
    return found | {f"invalid_{entity}" for entity in rules.ALLOWED}


def test_every_server_code_has_words_in_both_languages() -> None:
    codes = server_codes()
    assert {"other_station", "bad_hlc", "different_content", "invalid_member"} <= codes
    for code in sorted(codes):
        why = refusals.refusal(code)
        assert why is not refusals._UNKNOWN, code
        zh, en = why.text("zh"), why.text("en")
        assert not re.search(r"[A-Za-z]", zh), (code, zh)  # no English, nor the code
        assert re.search(r"[\u4e00-\u9fff]", zh) and code not in en and len(en) > 30, code
    assert set(refusals.REFUSALS) <= codes  # no words for a code the server never gives


def test_stuck_change_knows_its_family(station: Session) -> None:
    family = register(station)
    aid = aidcases.give_aid(station, cash_aid(station, family.id))
    station.db.execute("UPDATE changes SET sync_status = 'rejected', sync_detail = "
                       "'unknown_family' WHERE entity_id IN (?, ?)", [family.id, aid.id])
    stuck = {c.entity: c for c in review.stuck_changes(station)}
    assert stuck["family"].family_id == family.id and stuck["aid"].family_id == family.id
    assert refusals.refusal(stuck["aid"].reason).fix == "family"


def test_dismissing_takes_a_refusal_out_of_the_review_for_good(station: Session) -> None:
    family = register(station)
    station.db.execute("UPDATE changes SET sync_status = 'quarantined', sync_detail = "
                       "'different_content' WHERE entity_id = ?", [family.id])
    [stuck] = review.stuck_changes(station)
    pending = len(outbox.pending(station.db))
    review.dismiss_refused(station, stuck.change_id)
    assert review.stuck_changes(station) == [] and review.review_count(station) == 0
    status = station.db.execute("SELECT sync_status FROM changes WHERE change_id = ?",
                                [stuck.change_id]).fetchone()[0]
    assert status == "dismissed"
    # Only the audit row's own change waits to be sent, never the dismissed one.
    waiting = outbox.pending(station.db)
    assert len(waiting) == pending + 1 and stuck.change_id not in {c.change_id for c in waiting}
    [row] = [a for a in audit.recent(station.db) if a["action"] == "dismiss_refused"]
    assert row["entity_id"] == family.id
    with pytest.raises(KnownError) as again:  # nothing left to dismiss: a clear refusal
        review.dismiss_refused(station, stuck.change_id)
    assert again.value.code == "no_refused_change"


def test_a_volunteer_cannot_dismiss(station: Session) -> None:
    family = register(station)
    station.db.execute("UPDATE changes SET sync_status = 'rejected', sync_detail = "
                       "'other_station' WHERE entity_id = ?", [family.id])
    [stuck] = review.stuck_changes(station)
    s = _as_volunteer(station)
    try:
        before = table_counts(s)
        with pytest.raises(KnownError) as err:
            review.dismiss_refused(s, stuck.change_id)
        assert err.value.code == "head_only" and table_counts(s) == before
    finally:
        s.close()
