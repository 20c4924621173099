"""The console in a real browser: Debian's chromium (Playwright) against a real
`helpdesk-server serve` process on a SQLite file, with a real station that pushed its aid."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from helpdesk.domain.money import format_fen
from helpdesk.server import storage as st
from helpdesk.services import aid as aidcases
from helpdesk.services import demo
from helpdesk.services import programmes as programmecases
from helpdesk.services import session as sessions
from helpdesk.sync import client as sync
from tests.office import browser
from tests.services import helpers
from tests.sync.test_client import enroll, laptop
from tests.sync.test_uvicorn import Server

__all__ = ["laptop"]
pytestmark = [pytest.mark.slow, pytest.mark.browser]
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    folder = tmp_path_factory.mktemp("office")
    db_url = f"sqlite:///{folder / 'server.db'}"
    engine = st.make_engine(db_url)
    st.migrate(engine)  # the schema exists before the process and the commands start
    engine.dispose()
    browser.add_user(db_url, "admin", "admin")
    browser.add_user(db_url, "viewer", "viewer", "4201")
    browser.add_user(db_url, "lockme", "viewer")
    running = Server(db_url, folder / "server.log")
    running.start()
    yield running, db_url
    running.stop()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = browser.launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def tab(chromium: Any) -> Iterator[Any]:
    """A fresh browser context (no cookies) whose page records dialogs and console errors."""
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    opened = context.new_page()
    opened.dialogs = []
    opened.errors = []
    opened.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    opened.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))
    yield opened
    context.close()


def _push_station(s: sessions.Session, server: Server, db_url: str) -> None:
    """The station's aid, with a programme and a family named like markup, pushed by a sync."""
    demo.add_families(s, 12, seed=5)
    demo.add_aid(s, 20, seed=5)
    programme = programmecases.create_local_programme(s, {
        "code": "XSS-1", "name_zh": XSS, "kind": "cash", "starts_on": "2020-01-01",
        "ends_on": "2030-12-31", "limit_per_family": 5})
    family = helpers.register(s, head_name=XSS)
    aidcases.give_aid(s, {**helpers.cash_aid(s, family.id, amount="88.80"),
                          "programme_id": programme.id})
    engine: Engine = st.make_engine(db_url)
    try:
        with sync.connect(server.url) as http:
            enroll(s, http, engine)
            sync.sync_once(s.db, http)
    finally:
        engine.dispose()


def test_overview_equals_the_report_and_markup_from_a_station_is_text(
        served: tuple[Server, str], tab: Any, laptop: tuple[sessions.Session, str]) -> None:
    server, db_url = served
    _push_station(laptop[0], server, db_url)
    reported = browser.server_cli(db_url, "report", "--json")
    assert reported.returncode == 0, reported.stderr
    figures = json.loads(reported.stdout)
    assert figures["aid_count"] > 20

    browser.sign_in(tab, server.url, "admin")
    assert tab.url == f"{server.url}/office/"
    assert tab.inner_text("[data-testid=aid-count]") == f"{figures['aid_count']:,}"
    assert tab.inner_text("[data-testid=aid-total]") == format_fen(figures["total_fen"])
    # The programme named like markup shows as its text; no element, no script ran.
    assert XSS in tab.inner_text("[data-testid=by-programme]")
    assert tab.locator("[data-testid=by-programme] img").count() == 0
    tab.wait_for_selector("[data-testid=chart-by-month][data-drawn='1'] svg")
    assert tab.dialogs == [] and tab.errors == []  # the chart drew under the CSP


def test_a_viewer_cannot_reach_the_audit_log(served: tuple[Server, str], tab: Any) -> None:
    server, _ = served
    browser.sign_in(tab, server.url, "viewer")
    assert tab.locator("[data-testid=aid-count]").is_visible()
    assert tab.locator("a[href='/office/audit']").count() == 0
    answer = tab.goto(f"{server.url}/office/audit")
    assert answer.status == 403 and tab.locator("[data-testid=error-403]").is_visible()
    assert tab.goto(f"{server.url}/office/users").status == 403


def test_an_admin_sees_sign_ins_in_the_audit_log(served: tuple[Server, str], tab: Any
                                                 ) -> None:
    server, _ = served
    browser.sign_in(tab, server.url, "admin")
    tab.click("a[href='/office/audit']")
    assert "sign_in" in tab.inner_text("[data-testid=audit]")


def test_a_post_without_the_csrf_token_is_refused(served: tuple[Server, str], tab: Any
                                                  ) -> None:
    server, _ = served
    browser.sign_in(tab, server.url, "admin")
    # The page's own fetch, with the session cookie but without the token.
    status = tab.evaluate("""async () => (await fetch('/office/logout',
        {method: 'POST', body: new URLSearchParams({})})).status""")
    assert status == 403
    tab.goto(f"{server.url}/office/")
    assert tab.locator("[data-testid=aid-count]").is_visible()  # still signed in
    tab.click("[data-testid=sign-out]")  # the form's token: allowed
    assert tab.url.startswith(f"{server.url}/office/login")


def test_five_wrong_passwords_lock_the_account(served: tuple[Server, str], tab: Any) -> None:
    server, _ = served
    for _ in range(5):
        browser.sign_in(tab, server.url, "lockme", "not the password")
    assert "已锁定" in tab.inner_text("[data-testid=login-error]")
    browser.sign_in(tab, server.url, "lockme")  # the right password, too late
    assert "已锁定" in tab.inner_text("[data-testid=login-error]")
    assert tab.url.startswith(f"{server.url}/office/login")


def test_switching_to_english(served: tuple[Server, str], tab: Any) -> None:
    server, _ = served
    browser.sign_in(tab, server.url, "admin")
    assert tab.locator("h1").inner_text() == "总览"
    tab.click("[data-testid=lang-en]")
    assert tab.locator("h1").inner_text() == "Overview"
    assert tab.locator("html").get_attribute("lang") == "en"
    tab.goto(f"{server.url}/office/audit")
    assert tab.locator("h1").inner_text() == "Audit log"
