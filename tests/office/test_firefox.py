"""The console in Firefox: Debian's firefox-esr over WebDriver BiDi (tests/office/firefox.py)
against a real `helpdesk-server serve` process on a SQLite file (test_browser's `served`), with
a real station that pushed its aid by sync. What the chromium tests prove of the console's
logic is not repeated; this proves its pages, forms, scripts and layout work in Firefox:
sign-in through the form, the overview's figures and drawn charts, the ledger's next page,
the English switch, an htmx request, no console or script errors and no CSP violation, no
sideways scroll on a phone, and a POST without the CSRF token refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from helpdesk import paths as pathsmod
from helpdesk.domain.money import format_fen
from helpdesk.services import demo
from helpdesk.services import session as sessions
from helpdesk.store import keys
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN, STATION
from tests.office import browser
from tests.office.firefox import Firefox, Tab
from tests.office.test_browser import _push_station, served
from tests.sync.test_uvicorn import Server

__all__ = ["served"]
pytestmark = [pytest.mark.slow, pytest.mark.browser]
ROWS = "[data-testid=ledger-row] td[data-label]:nth-child(7)"  # the receipt numbers


@pytest.fixture(scope="module")
def pushed(served: tuple[Server, str], tmp_path_factory: pytest.TempPathFactory
           ) -> dict[str, Any]:
    """A station's aid (more than the ledger's page of 50) pushed by real syncs; the
    figures of `helpdesk-server report --json` after it."""
    server, db_url = served
    folder = tmp_path_factory.mktemp("firefox-station")
    s, _ = sessions.create_station(pathsmod.Paths(folder / "data", folder / "config"),
                                   STATION, head_name=HEAD, head_pin=PIN,
                                   kdf=keys.KdfParams.fast())
    try:
        demo.ensure_programmes(s)
        _push_station(s, server, db_url)
        demo.add_aid(s, 40, seed=6)
        with sync.connect(server.url) as http:
            sync.sync_once(s.db, http)
    finally:
        s.close()
    reported = browser.server_cli(db_url, "report", "--json")
    assert reported.returncode == 0, reported.stderr
    figures: dict[str, Any] = json.loads(reported.stdout)
    assert figures["aid_count"] > 50
    return figures


@pytest.fixture(scope="module")
def firefox() -> Iterator[Firefox]:
    launched = Firefox()
    try:
        yield launched
    finally:
        launched.stop()


@pytest.fixture
def tab(firefox: Firefox) -> Iterator[Tab]:
    opened = firefox.tab()
    yield opened
    opened.close()


def sign_in(tab: Tab, base: str, name: str = "admin") -> None:
    """Through the form, with real clicks and keys."""
    tab.goto(f"{base}/office/login")
    tab.type("input[name=username]", name)
    tab.type("input[name=password]", browser.PASSWORD)
    tab.click("[data-testid=sign-in]", navigates=True)
    assert tab.url == f"{base}/office/", tab.text("main")


def clean(tab: Tab) -> bool:
    return tab.errors == [] and tab.csp == []


def test_the_overview_equals_the_report_and_its_charts_drew(
        served: tuple[Server, str], pushed: dict[str, Any], tab: Tab) -> None:
    server, _ = served
    sign_in(tab, server.url)
    assert tab.text("[data-testid=aid-count]") == f"{pushed['aid_count']:,}"
    assert tab.text("[data-testid=aid-total]") == format_fen(pushed["total_fen"])
    # Every chart with data drew an SVG of its own, with size and with marks in it.
    tab.wait_for("document.querySelector('[data-chart]:not([hidden]):not([data-drawn])')"
                 " === null")
    charts = tab.eval("""Array.from(document.querySelectorAll('[data-chart]:not([hidden])'),
        (el) => { const svg = el.querySelector('svg'), box = svg && svg.getBoundingClientRect();
                  return [el.id, box ? box.width : 0, box ? box.height : 0,
                          svg ? svg.querySelectorAll('path').length : 0]; })""")
    assert [c[0] for c in charts][:2] == ["chart-by-month", "chart-by-programme"]
    assert all(w > 100 and h > 100 and paths > 5 for _, w, h, paths in charts), charts
    assert clean(tab), (tab.errors, tab.csp)


def test_the_ledgers_next_page_and_back(
        served: tuple[Server, str], pushed: dict[str, Any], tab: Tab) -> None:
    server, _ = served
    sign_in(tab, server.url)
    tab.click("nav a[href='/office/ledger']", navigates=True)
    assert tab.text("[data-testid=ledger-count]") == f"{pushed['aid_count']:,}"
    first = tab.eval(f"Array.from(document.querySelectorAll('{ROWS}'), (e) => e.innerText)")
    assert len(first) == 50 and tab.count("[data-testid=previous-page]") == 0
    tab.click("[data-testid=next-page]", navigates=True)
    assert "after=" in tab.url
    second = tab.eval(f"Array.from(document.querySelectorAll('{ROWS}'), (e) => e.innerText)")
    assert second and not set(first) & set(second)
    assert len(first) + len(second) == min(pushed["aid_count"], 100)
    tab.click("[data-testid=previous-page]", navigates=True)
    assert tab.eval(f"Array.from(document.querySelectorAll('{ROWS}'), (e) => e.innerText)"
                    ) == first
    assert clean(tab), (tab.errors, tab.csp)


def test_switching_to_english(served: tuple[Server, str], tab: Tab) -> None:
    server, _ = served
    sign_in(tab, server.url)
    assert tab.text("h1") == "总览"
    tab.click("[data-testid=lang-en]", navigates=True)
    assert tab.text("h1") == "Overview" and tab.eval("document.documentElement.lang") == "en"
    tab.click("nav a[href='/office/ledger']", navigates=True)
    assert tab.text("h1") == "Aid ledger"
    assert clean(tab), (tab.errors, tab.csp)


def test_an_htmx_post_carries_the_csrf_token(served: tuple[Server, str], tab: Tab) -> None:
    """No page uses hx- attributes yet; a button given them here, clicked, posts the sign-out
    through htmx with office.js's token header, under the console's CSP (no eval)."""
    server, _ = served
    sign_in(tab, server.url)
    tab.eval("""(() => { const b = document.createElement('button');
        b.id = 'hx'; b.textContent = 'hx';
        b.setAttribute('hx-post', '/office/logout'); b.setAttribute('hx-target', 'main');
        b.setAttribute('hx-select', 'main'); b.setAttribute('hx-swap', 'outerHTML');
        document.addEventListener('htmx:afterRequest',
            (e) => { window.hxStatus = e.detail.xhr.status; });
        document.querySelector('h1').after(b); htmx.process(b); })()""")
    tab.click("#hx")
    assert tab.wait_for("window.hxStatus") == 200  # the sign-in page the sign-out leads to
    assert tab.count("main [data-testid=sign-in]") == 1  # swapped in by htmx
    tab.goto(f"{server.url}/office/")
    assert tab.url.startswith(f"{server.url}/office/login")  # signed out
    assert clean(tab), (tab.errors, tab.csp)


def test_a_post_without_the_csrf_token_is_refused(served: tuple[Server, str], tab: Tab
                                                  ) -> None:
    server, _ = served
    sign_in(tab, server.url)
    status = tab.eval("""fetch('/office/logout', {method: 'POST',
        body: new URLSearchParams({})}).then((r) => r.status)""")
    assert status == 403
    tab.goto(f"{server.url}/office/")
    assert tab.count("[data-testid=aid-count]") == 1  # still signed in


def test_an_inline_script_is_blocked_and_seen(served: tuple[Server, str], tab: Tab) -> None:
    """The CSP holds in Firefox, and the watcher the other tests rely on does see a violation."""
    server, _ = served
    sign_in(tab, server.url)
    tab.eval("""(() => { const s = document.createElement('script');
        s.textContent = 'window.ran = 1'; document.body.append(s); })()""")
    for _ in range(50):  # the violation's message comes between the commands' answers
        if tab.csp:
            break
        tab.eval("new Promise((done) => setTimeout(done, 50))")
    assert tab.eval("window.ran") is None
    assert tab.csp and tab.csp[0].startswith("script-src-elem inline")


@pytest.mark.parametrize("path", ["/office/", "/office/ledger"])
def test_a_phone_wide_page_does_not_scroll_sideways(
        served: tuple[Server, str], pushed: dict[str, Any], tab: Tab, path: str) -> None:
    server, _ = served
    tab.resize(390, 844)
    sign_in(tab, server.url)
    tab.goto(f"{server.url}{path}")
    tab.wait_for("document.querySelector('[data-chart]:not([hidden]):not([data-drawn])')"
                 " === null")
    assert tab.eval("document.documentElement.clientWidth") == 390  # overlay scrollbars
    assert tab.eval("document.documentElement.scrollWidth") <= 390
    assert clean(tab), (tab.errors, tab.csp)
