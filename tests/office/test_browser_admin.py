"""The console's admin pages in a real browser (Debian's chromium, Playwright) against a real
`helpdesk-server serve` process: a station added in the browser enrolls a real `helpdesk`
process whose sync shows on the Stations page; a programme created in the browser reaches a
station by pull; a receipt code checked in the browser is valid; a viewer cannot act."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import segno
from sqlalchemy.engine import Engine

from helpdesk.server import accounts
from helpdesk.server import storage as st
from helpdesk.services import aid as aidcases
from helpdesk.services import programmes as programmecases
from helpdesk.services import receipts as receiptcases
from helpdesk.services import session as sessions
from helpdesk.sync import client as sync
from tests.office import browser
from tests.office.test_browser import chromium, served, tab
from tests.services import helpers
from tests.sync.test_client import laptop
from tests.sync.test_uvicorn import Server

__all__ = ["chromium", "laptop", "served", "tab"]
pytestmark = [pytest.mark.slow, pytest.mark.browser]


def helpdesk(*args: str) -> subprocess.CompletedProcess[str]:
    """The station's own command, as a volunteer runs it."""
    env = dict(os.environ, HELPDESK_LANG="en", HELPDESK_PIN="123456",
               PYTHONPATH=str(browser.ROOT))
    return subprocess.run([sys.executable, "-m", "helpdesk", *args], capture_output=True,
                          text=True, env=env, timeout=300, stdin=subprocess.DEVNULL,
                          cwd=browser.ROOT)


def _add_station(tab: Any, base: str, name: str) -> tuple[str, str]:
    """Add a station on the page; its station code and one-time enrollment code."""
    tab.goto(f"{base}/office/stations")
    tab.click("[data-testid=add-station]")
    tab.fill("input[name=name]", name)
    tab.fill("input[name=region]", "420111")
    tab.click("[data-testid=save]")
    code = tab.inner_text("[data-testid=enrollment-code]")
    assert tab.evaluate("document.querySelector('[data-testid=enrollment-qr]').naturalWidth") > 0
    station_code = tab.inner_text("main .code")
    return station_code, code


def _enroll_laptop(s: sessions.Session, server: Server, code: str) -> None:
    """Enroll an in-process station with its real signing key (its receipts verify)."""
    key = receiptcases.signing_key(s)
    with sync.connect(server.url) as http:
        sync.enroll(s.db, http, server_url=server.url, code=code, station_id=s.station.id,
                    device=s.device,
                    device_public_key=base64.b64encode(key.public_key).decode())


def test_a_station_added_in_the_browser_enrolls_a_real_station_whose_sync_shows(
        served: tuple[Server, str], tab: Any, tmp_path: Path) -> None:
    server, _ = served
    browser.sign_in(tab, server.url, "admin")
    station_code, code = _add_station(tab, server.url, "浏览器添加的站点")
    with tab.expect_download() as download:
        tab.click("[data-testid=enrollment-file]")
    enrollment = json.loads(Path(download.value.path()).read_text())
    assert (enrollment["code"], enrollment["station_code"]) == (code, station_code)
    assert enrollment["server_url"] == server.url

    data = str(tmp_path / "station")
    for args in (("demo-data", "--families", "3", "--aid", "4"),
                 ("enroll", "--server", server.url, "--code", code), ("sync",)):
        done = helpdesk(*args, "--data-dir", data)
        assert done.returncode == 0, done.stderr
    tab.goto(f"{server.url}/office/stations")
    row = tab.locator(f"[data-testid=station-{station_code}]")
    assert "已登记" in row.inner_text() and re.search("刚刚|[1-9] 分钟前", row.inner_text())
    assert row.locator("[data-testid=last-sync]").inner_text() != "从未"

    # Revoking its device in the browser stops the station's next sync.
    row.locator("[data-testid=revoke-device]").click()
    tab.click("[data-testid=confirm]")
    assert tab.url == f"{server.url}/office/stations"
    refused = helpdesk("sync", "--data-dir", data)
    assert refused.returncode == 1 and "revoked" in refused.stderr
    assert tab.errors == []


def test_a_programme_created_in_the_browser_reaches_a_station_by_pull(
        served: tuple[Server, str], tab: Any, laptop: tuple[sessions.Session, str]) -> None:
    server, _ = served
    s = laptop[0]
    browser.sign_in(tab, server.url, "admin")
    _, code = _add_station(tab, server.url, "收项目的站点")
    _enroll_laptop(s, server, code)

    tab.goto(f"{server.url}/office/programmes")
    tab.click("[data-testid=add-programme]")
    tab.fill("input[name=code]", "web-2027")
    tab.fill("input[name=name_zh]", "浏览器项目")
    tab.fill("input[name=starts_on]", "2027-01-01")
    tab.fill("input[name=ends_on]", "2026-12-31")  # before the start: refused, said there
    tab.fill("input[name=limit_per_family]", "2")
    tab.fill("input[name=budget]", "5000")
    tab.fill("input[name=regions]", "420111")
    tab.click("[data-testid=save]")
    assert "结束日期不能早于开始日期" in tab.inner_text("[data-testid=error-ends_on]")
    tab.fill("input[name=ends_on]", "2027-12-31")
    tab.click("[data-testid=save]")
    assert tab.url == f"{server.url}/office/programmes"
    assert "浏览器项目" in tab.inner_text("[data-testid=programme-WEB-2027]")

    with sync.connect(server.url) as http:
        sync.sync_once(s.db, http)
    [pulled] = [p for p in programmecases.all_programmes(s) if p.code == "WEB-2027"]
    assert (pulled.name_zh, pulled.limit_per_family, pulled.budget_fen, pulled.local) == (
        "浏览器项目", 2, 500_000, False)

    tab.click("[data-testid=programme-WEB-2027] a")  # edit: the station gets the new state
    tab.fill("input[name=name_zh]", "浏览器项目（延期）")
    tab.fill("input[name=ends_on]", "2028-06-30")
    tab.click("[data-testid=save]")
    with sync.connect(server.url) as http:
        sync.sync_once(s.db, http)
    [edited] = [p for p in programmecases.all_programmes(s) if p.code == "WEB-2027"]
    assert (edited.id, edited.name_zh, str(edited.ends_on)) == (
        pulled.id, "浏览器项目（延期）", "2028-06-30")
    assert [e for e in tab.errors if "422" not in e] == []  # the refused form's status only


def test_a_receipt_code_checked_in_the_browser_is_valid(
        served: tuple[Server, str], tab: Any, laptop: tuple[sessions.Session, str]) -> None:
    server, db_url = served
    s = laptop[0]
    engine: Engine = st.make_engine(db_url)
    try:
        _, code = accounts.add_station(engine, "凭证站点", "420111")
    finally:
        engine.dispose()
    _enroll_laptop(s, server, code)
    family = helpers.register(s, head_name="查验户")
    given = aidcases.give_aid(s, helpers.cash_aid(s, family.id, amount="66.60"))
    with sync.connect(server.url) as http:
        sync.sync_once(s.db, http)
    payload = receiptcases.payload_of(s, given)

    browser.sign_in(tab, server.url, "viewer")  # every role checks receipts
    tab.click("a[href='/office/receipts']")
    tab.fill("[data-testid=receipt-text]", payload)
    tab.click("[data-testid=check]")
    verdict = tab.locator("[data-testid=verdict]")
    assert verdict.get_attribute("data-reason") == "valid"
    assert "有效" in verdict.inner_text() and "66.60" in verdict.inner_text()
    tab.fill("[data-testid=receipt-text]", payload.replace("6660", "9660"))
    tab.click("[data-testid=check]")
    assert tab.locator("[data-testid=verdict]").get_attribute("data-reason") != "valid"
    # A photo of the receipt's QR code, uploaded as a phone would: read by zxing-cpp.
    photo = io.BytesIO()
    segno.make(payload, error="m").save(photo, kind="png", scale=4, border=4)
    tab.fill("[data-testid=receipt-text]", "")
    tab.set_input_files("[data-testid=receipt-photo]", files=[
        {"name": "receipt.png", "mimeType": "image/png", "buffer": photo.getvalue()}])
    tab.click("[data-testid=check]")
    assert tab.locator("[data-testid=verdict]").get_attribute("data-reason") == "valid"
    assert tab.input_value("[data-testid=receipt-text]") == payload
    assert tab.errors == []


def test_a_viewer_cannot_reach_admin_actions(served: tuple[Server, str], tab: Any) -> None:
    server, _ = served
    browser.sign_in(tab, server.url, "viewer")
    tab.click("a[href='/office/stations']")
    assert tab.locator("[data-testid=add-station]").count() == 0
    assert tab.locator("[data-testid=revoke-station]").count() == 0
    for path in ("/office/stations/new", "/office/programmes/new", "/office/users"):
        answer = tab.goto(f"{server.url}{path}")
        assert answer.status == 403 and tab.locator("[data-testid=error-403]").is_visible()
    tab.goto(f"{server.url}/office/programmes")
    assert tab.locator("[data-testid=add-programme]").count() == 0
    # A forged POST from the page itself, with the session's token: still refused.
    status = tab.evaluate("""async () => (await fetch('/office/stations', {method: 'POST',
        headers: {'X-CSRF-Token': document.querySelector('meta[name=csrf-token]').content},
        body: new URLSearchParams({name: '偷偷加', region: '420111'})})).status""")
    assert status == 403
