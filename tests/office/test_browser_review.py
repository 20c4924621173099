"""The review queue in a real browser (Debian's chromium, Playwright) against a real
`helpdesk-server serve` process: a station made and synced by the real `helpdesk` command
gives a family aid another station gave it first; a reviewer decides the alert in the
browser, and the station's next `helpdesk sync` stores the decision, which its Review page
reads through the service."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.server import accounts
from helpdesk.server import storage as st
from helpdesk.services import decisions
from helpdesk.services import session as sessions
from tests.office import browser
from tests.office.test_browser import chromium, served, tab
from tests.server import support
from tests.sync.test_uvicorn import Server

__all__ = ["chromium", "served", "tab"]
pytestmark = [pytest.mark.slow, pytest.mark.browser]
REASON = "同一家庭在两个站点领取同一项目"


def helpdesk(folder: Path, *args: str) -> None:
    """The station's own command, as a volunteer runs it, on this station's folders."""
    env = dict(os.environ, HELPDESK_LANG="en", HELPDESK_PIN="123456",
               PYTHONPATH=str(browser.ROOT), HELPDESK_CONFIG_DIR=str(folder / "config"))
    done = subprocess.run([sys.executable, "-m", "helpdesk", *args, "--data-dir",
                           str(folder / "data")], capture_output=True, text=True, env=env,
                          timeout=300, stdin=subprocess.DEVNULL, cwd=browser.ROOT)
    assert done.returncode == 0, done.stderr


def station(folder: Path) -> sessions.Session:
    return sessions.sign_in(pathsmod.Paths(folder / "data", folder / "config"), "admin",
                            "123456")


def test_an_alert_decided_in_the_browser_reaches_the_station_by_sync(
        served: tuple[Server, str], tab: Any, tmp_path: Path) -> None:
    server, db_url = served
    browser.add_user(db_url, "rev", "reviewer", "4201")
    engine: Engine = st.make_engine(db_url)
    code = accounts.add_station(engine, "浏览器审核的站点", "420111")[1]
    helpdesk(tmp_path, "demo-data", "--families", "4", "--aid", "6")
    helpdesk(tmp_path, "enroll", "--server", server.url, "--code", code)
    s = station(tmp_path)
    try:  # one aid of the station, its family's ID number and programme
        aid_id, receipt_no, programme_id, number = s.db.execute(
            "SELECT a.id, a.receipt_no, a.programme_id, f.id_number FROM aid a JOIN families f "
            "ON f.id = a.family_id WHERE a.voided_at IS NULL AND f.id_number != '' "
            "ORDER BY a.receipt_no LIMIT 1").fetchone()
        station_code = s.db.execute("SELECT code FROM station").fetchone()[0]
    finally:
        s.close()
    with httpx.Client(base_url=server.url) as http:  # another station gave it first
        other = support.enroll(http, engine, name="先发放的站点")
        theirs = other.family(number, name="同一家庭")
        support.push(http, other, [theirs, other.aid(100, family_id=theirs.entity_id,
                                                     programme_id=programme_id)])
    helpdesk(tmp_path, "sync")  # the station's aid arrives second: the alert is about it

    browser.sign_in(tab, server.url, "rev")
    tab.click("nav >> text=待处理的提醒")
    assert tab.inner_text("[data-testid=progress]") == "第 1 条，共 1 条"
    assert tab.locator("[data-testid=side]").count() == 2
    assert station_code in tab.inner_text("main") and other.station_code in tab.inner_text(
        "main")
    tab.check("[data-testid=decision-allowed]")
    tab.click("[data-testid=decide]")  # allowed without its reason: said next to the field
    assert "原因：请写明允许再次发放的原因" in tab.inner_text("[data-testid=error-reason]")
    tab.check("[data-testid=decision-ask-void]")
    tab.fill("[data-testid=reason]", REASON)
    tab.click("[data-testid=decide]")
    assert tab.url == f"{server.url}/office/review/{station_code}/{aid_id}"
    assert tab.get_attribute("[data-testid=decision]", "data-decision") == "ask_void"
    assert REASON in tab.inner_text("[data-testid=decision-reason]")
    tab.goto(f"{server.url}/office/review")
    assert tab.locator("[data-testid=queue-empty]").is_visible()

    helpdesk(tmp_path, "sync")
    s = station(tmp_path)
    try:
        (asked,) = decisions.open_decisions(s)
    finally:
        s.close()
    assert (asked.decision, asked.reason, asked.receipt_no, asked.to_void_here) == (
        "ask_void", REASON, receipt_no, True)
    engine.dispose()
    assert [e for e in tab.errors if "422" not in e] == []  # the refused form's status only
