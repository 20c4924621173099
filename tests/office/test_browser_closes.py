"""The Cash closes page in a real browser (Debian's chromium, Playwright) against a real
`helpdesk-server serve` process, after a real station closed its day 0.50 short and synced:
the close shows with its difference in the warning colour and its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpdesk.server import storage as st
from tests.office import browser
from tests.office.test_browser import chromium, served, tab
from tests.office.test_close_pages import close_and_sync
from tests.sync.test_uvicorn import Server

__all__ = ["chromium", "served", "tab"]
pytestmark = [pytest.mark.slow, pytest.mark.browser]
WARNING = "rgb(138, 75, 0)"  # .warn in office.css


def test_the_page_shows_the_close_with_its_difference_highlighted(
        served: tuple[Server, str], tab: Any, tmp_path: Path) -> None:
    server, db_url = served
    engine = st.make_engine(db_url)
    try:
        made = close_and_sync(engine, server.url, tmp_path / "station", "日结站点", "420111")
    finally:
        engine.dispose()
    browser.sign_in(tab, server.url, "viewer")
    tab.click("nav >> text=现金日结")
    assert tab.url == f"{server.url}/office/closes"
    row = tab.locator(f"[data-testid=close-{made['station_code']}-{made['day']}]")
    difference = row.locator("[data-testid=difference]")
    assert difference.inner_text().startswith("-0.50")
    assert row.locator("[data-testid=reason]").inner_text() == "少了五角"
    assert difference.evaluate("e => getComputedStyle(e).color") == WARNING
    counted = row.locator("td").nth(5)
    assert counted.inner_text() == "999.50"
    assert counted.evaluate("e => getComputedStyle(e).color") != WARNING
    reopened = tab.locator(f"[data-testid=close-{made['station_code']}-{made['yesterday']}]")
    assert "已重新打开" in reopened.locator("[data-testid=state]").inner_text()
    assert reopened.locator("[data-testid=difference]").evaluate(
        "e => getComputedStyle(e).color") != WARNING

    tab.select_option("[data-testid=filter-station]", str(made["station_code"]))
    tab.fill("input[name=from]", str(made["day"]))
    tab.click("[data-testid=filter]")
    assert tab.locator("[data-testid^=close-]").count() == 1
    assert tab.errors == []
