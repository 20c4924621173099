"""The station head's review page: a duplicate-aid alert raised for real by the server (another
station gave the same family the same programme), a change the server refused, the badge
count, "Mark reviewed"; and merging two registrations of one family from its page."""

from __future__ import annotations

import re
from datetime import date

import httpx
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from helpdesk.domain import idcard
from helpdesk.server import rules
from helpdesk.services import aid as aidcases
from helpdesk.services import families, refusals, review
from helpdesk.ui.dialogs.merge import MergeDialog
from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.pages.review import Card
from tests.server import support
from tests.services import helpers
from tests.sync.test_uvicorn import Server
from tests.ui.conftest import sign_in
from tests.ui.test_sync import SYNC_MS, connect, server

__all__ = ["server"]
CODES = [*refusals.REFUSALS, *(f"invalid_{e}" for e in rules.ALLOWED if e not in ("family", "aid"))]


def test_head_reviews_an_alert_and_a_refused_change(qtbot: QtBot, signed_in: MainWindow,
                                                    server: tuple[Server, Engine]) -> None:
    running, engine = server
    connect(qtbot, signed_in, running, engine)
    shell = signed_in.shell
    assert shell is not None
    s = shell.session
    number = idcard.make("420111", date(1980, 5, 17), 250)
    mine = helpers.register(s, head_name="周九", id_number=number, phone="138 1234 5699")
    given = aidcases.give_aid(s, helpers.cash_aid(s, mine.id, amount="100"))
    with httpx.Client(base_url=running.url) as http:  # another station gave it first
        other = support.enroll(http, engine, name="先发放的站点")
        theirs = other.family(number, name="周九")
        support.push(http, other, [theirs, other.aid(100, family_id=theirs.entity_id,
                                                     programme_id=given.programme_id)])
    with qtbot.waitSignal(shell.sync.sync_finished, timeout=SYNC_MS):
        shell.sync_status.button.click()
    # The server refused one of our changes (as it would one claiming another station).
    s.db.execute("UPDATE changes SET sync_status = 'rejected', sync_detail = "
                 "'other_station' WHERE entity_id = ?", [mine.id])
    shell.refresh_status()
    badge = shell.badges["review"]
    assert badge.isVisible() and badge.text() == "2"
    page = shell.go("review")
    cards = {c.property("item"): c for c in page.findChildren(Card)}
    assert set(cards) == {"alert", "stuck"}
    assert idcard.mask(number) in cards["alert"].label.text()
    assert other.station_code in cards["alert"].label.text()
    assert "belongs to another station" in cards["stuck"].label.text()
    assert "other_station" not in cards["stuck"].label.text()
    assert not page.empty["conflicts"].isHidden()
    cards["alert"].findChild(type(page.find_button), "alert_reviewed").click()
    assert "Marked reviewed" in page.message.text()
    qtbot.waitUntil(lambda: {c.property("item") for c in page.findChildren(Card)} == {"stuck"})
    assert badge.text() == "1"


def test_head_merges_two_registrations(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    s = shell.session
    first = helpers.register(s, head_name="吴十", phone="139 0000 1111",
                             id_number=idcard.make("420111", date(1975, 3, 3), 41))
    second = families.register_family(s, helpers.family_data(
        head_name="吴十", phone="139 0000 1111",
        id_number=idcard.make("420111", date(1975, 3, 3), 42)), acknowledged=[first.id])
    page = shell.open_family(first.id) or shell.page("family")
    assert page.merge_button.isVisible()
    page.merge_button.click()
    dialog = page.findChild(MergeDialog)
    assert dialog is not None and dialog.candidates.count() == 1
    assert dialog.candidates.item(0).text().startswith("吴十")
    dialog.confirm.click()  # no reason yet
    assert dialog.fields["reason"].error.isVisible() and dialog.isVisible()
    dialog.reason_edit().setText("同一户，身份证号录错")
    dialog.confirm.click()
    assert not dialog.isVisible()
    assert "one family" in page.message.text()
    merged = families.get(s, second.id)
    assert merged.merged_into == first.id


def test_head_keeps_the_value_of_a_clash(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    s = shell.session
    family_id, name = s.db.execute("SELECT id, head_name FROM families LIMIT 1").fetchone()
    s.db.execute(  # as the three-way merge flags a losing value (store/conflicts.py)
        "INSERT INTO conflicts(entity, entity_id, family_id, field, kept_value, kept_change_id, "
        "kept_by, kept_hlc, losing_value, losing_change_id, lost_by, losing_hlc, created_at) "
        "VALUES ('family', ?, ?, 'phone', '\"138 2716 3300\"', 'c1', 'x@y', '1-0', "
        "'\"139 0712 8841\"', 'c2', 'x@z', '0-0', '2026-11-20T08:00:00Z')",
        [family_id, family_id])
    shell.refresh_status()
    assert shell.badges["review"].text() == "1"
    page = shell.go("review")
    card = next(c for c in page.findChildren(Card) if c.property("item") == "conflict")
    assert name in card.label.text() and "139 0712 8841" in card.label.text()
    assert "Phone" in card.label.text()
    card.findChild(type(page.find_button), "conflict_keep").click()
    assert "Kept" in page.message.text()
    qtbot.waitUntil(lambda: not page.findChildren(Card))
    assert not shell.badges["review"].isVisible()


def test_refusals_in_chinese_with_dismiss_and_fix(qtbot: QtBot, demo_station,  # type: ignore[no-untyped-def]
                                                  make_window) -> None:
    window = make_window("zh_CN")
    sign_in(qtbot, window)
    shell = window.shell
    assert shell is not None
    s = shell.session
    rows = s.db.execute("SELECT change_id, entity_id FROM changes WHERE entity = 'family' "
                        "ORDER BY hlc LIMIT ?", [len(CODES)]).fetchall()
    for (change_id, _), code in zip(rows, CODES, strict=True):
        s.db.execute("UPDATE changes SET sync_status = 'rejected', sync_detail = ? "
                     "WHERE change_id = ?", [code, change_id])
    page = shell.go("review")
    cards = {c.toolTip(): c for c in page.findChildren(Card)}
    assert set(cards) == set(CODES)
    for code, card in cards.items():
        text = card.label.text()
        reason = text.split("原因：", 1)[1]
        assert reason == refusals.explain(code, "zh") and "家庭" in text, code
        assert not re.search(r"[A-Za-z]", reason), (code, reason)
        assert code not in text and card.findChild(QPushButton, "stuck_dismiss").text() == "忽略"
    # Fix: "unknown_family" opens the family the refused change belongs to.
    family_id = dict((code, r[1]) for r, code in zip(rows, CODES, strict=True))["unknown_family"]
    cards["unknown_family"].findChild(QPushButton, "stuck_family").click()
    assert shell.current_name() == "family" and shell.page("family").family_id == family_id
    cards["office_programme"].findChild(QPushButton, "stuck_programmes").click()
    assert shell.current_name() == "programmes"
    page = shell.go("review")
    before = review.review_count(s)
    card = next(c for c in page.findChildren(Card) if c.toolTip() == "other_station")
    card.findChild(QPushButton, "stuck_dismiss").click()
    assert "已忽略" in page.message.text()
    qtbot.waitUntil(lambda: "other_station" not in {c.toolTip() for c in page.findChildren(Card)})
    assert review.review_count(s) == before - 1 == len(CODES) - 1
    assert shell.badges["review"].text() == str(len(CODES) - 1)
