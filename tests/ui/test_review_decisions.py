"""The union office's decisions on the station head's Review page: an alert raised for real
by the server, decided by the office, pulled by the station's sync; "ask to void" opens the
usual void dialog with the office's reason filled in (the head still confirms), and an
"allowed" is read and dismissed."""

from __future__ import annotations

from datetime import date

import httpx
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from helpdesk.domain import idcard
from helpdesk.server import review_queue
from helpdesk.server import storage as st
from helpdesk.services import aid as aidcases
from helpdesk.ui.dialogs.void import VoidDialog
from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.pages.review import Card
from tests.server import support
from tests.services import helpers
from tests.sync.test_uvicorn import Server
from tests.ui.test_sync import SYNC_MS, connect, server

__all__ = ["server"]
REASON = "同一家庭在两个站点领取，请作废后一次"


def test_head_voids_the_aid_the_office_asks_to_void(qtbot: QtBot, signed_in: MainWindow,
                                                    server: tuple[Server, Engine]) -> None:
    running, engine = server
    connect(qtbot, signed_in, running, engine)
    shell = signed_in.shell
    assert shell is not None
    s = shell.session
    code = s.db.execute("SELECT code FROM station").fetchone()[0]
    given = []
    for n in (251, 252):  # two families got it here after another station
        number = idcard.make("420111", date(1980, 5, 17), n)
        mine = helpers.register(s, head_name=f"周{n}", id_number=number,
                                phone=f"138 1234 5{n}")
        given.append(aidcases.give_aid(s, helpers.cash_aid(s, mine.id, amount="100")))
        with httpx.Client(base_url=running.url) as http:
            other = support.enroll(http, engine, name=f"先发放的站点{n}")
            theirs = other.family(number, name=f"周{n}")
            support.push(http, other, [theirs, other.aid(100, family_id=theirs.entity_id,
                                                         programme_id=given[-1].programme_id)])
    with qtbot.waitSignal(shell.sync.sync_finished, timeout=SYNC_MS):
        shell.sync_status.button.click()
    with st.write(engine) as conn:
        review_queue.decide(conn, "420111", code, given[0].id, "ask_void", REASON, "office")
        review_queue.decide(conn, "420111", code, given[1].id, "allowed", "家中两人患病",
                            "office")
    with qtbot.waitSignal(shell.sync.sync_finished, timeout=SYNC_MS):
        shell.sync_status.button.click()
    page = shell.go("review")
    cards = [c for c in page.findChildren(Card) if c.property("item") == "decision"]
    by_kind = {c.property("decision"): c for c in cards}
    assert set(by_kind) == {"ask_void", "allowed"}
    asked, allowed = by_kind["ask_void"], by_kind["allowed"]
    assert (f"The union office asks to void receipt {given[0].receipt_no}: {REASON}"
            in asked.label.text())
    assert "Allowed by the union office: 家中两人患病" in allowed.label.text()
    assert allowed.findChild(QPushButton, "decision_void") is None

    allowed.findChild(QPushButton, "decision_dismiss").click()
    assert "Dismissed" in page.message.text()

    asked.findChild(QPushButton, "decision_void").click()
    dialog = page.findChild(VoidDialog)
    assert dialog is not None and dialog.isVisible()
    assert given[0].receipt_no in dialog.subject.text()
    assert dialog.reason.findChild(QLineEdit).text() == REASON
    assert aidcases.get(s, given[0].id).voided_at is None  # nothing happens until confirmed
    dialog.confirm.click()
    assert aidcases.get(s, given[0].id).voided_at is not None
    qtbot.waitUntil(lambda: not [c for c in page.findChildren(Card)
                                 if c.property("item") == "decision"])
    assert not page.empty["decisions"].isHidden()
    assert "receipt number stays" in page.message.text()
