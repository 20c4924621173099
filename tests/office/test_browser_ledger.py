"""The overview and the aid ledger in a real browser (Debian's chromium, Playwright) against a
real `helpdesk-server serve` process, with two real stations (Wuhan 420111, Yichang 420502)
that pushed their aid by sync: a figure clicked lands on the ledger of its rows, the ledger
downloaded by clicking Export opens in openpyxl with the report's total, a district user sees
nothing of the other district, a family named like markup shows as text."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.domain.money import format_fen
from helpdesk.server import accounts
from helpdesk.server import storage as st
from helpdesk.services import aid as aidcases
from helpdesk.services import demo
from helpdesk.services import session as sessions
from helpdesk.store import keys
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN, STATION
from tests.office import browser
from tests.office.test_browser import chromium, served, tab
from tests.server import support
from tests.services import helpers
from tests.sync.test_uvicorn import Server

__all__ = ["chromium", "served", "tab"]
pytestmark = [pytest.mark.slow, pytest.mark.browser]
XSS = "<img src=x onerror=alert(1)>"
STATIONS = (("420111", "关山街道帮扶站", 3), ("420502", "西陵区帮扶站", 4))


@pytest.fixture(scope="module")
def pushed(served: tuple[Server, str], tmp_path_factory: pytest.TempPathFactory
           ) -> dict[str, str]:
    """Each station's demo aid (and in Wuhan one family named like markup) pushed by a real
    sync; the station codes by region."""
    server, db_url = served
    browser.add_user(db_url, "district", "viewer", "420111")
    engine: Engine = st.make_engine(db_url)
    codes = {}
    try:
        for region, name, seed in STATIONS:
            folder = tmp_path_factory.mktemp(f"station-{region}")
            s, _ = sessions.create_station(pathsmod.Paths(folder / "data", folder / "config"),
                                           STATION, head_name=HEAD, head_pin=PIN,
                                           kdf=keys.KdfParams.fast())
            try:
                demo.ensure_programmes(s)
                demo.add_families(s, 8, seed=seed)
                demo.add_aid(s, 15, seed=seed)
                if region == "420111":
                    family = helpers.register(s, head_name=XSS)
                    aidcases.give_aid(s, helpers.cash_aid(s, family.id, amount="88.80"))
                codes[region], code = accounts.add_station(engine, name, region)
                with sync.connect(server.url) as http:
                    sync.enroll(s.db, http, server_url=server.url, code=code,
                                station_id=s.station.id, device=s.device,
                                device_public_key=support.public_key())
                    sync.sync_once(s.db, http)
            finally:
                s.close()
    finally:
        engine.dispose()
    return codes


def _report(db_url: str) -> dict[str, Any]:
    done = browser.server_cli(db_url, "report", "--json")
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def _download(tab: Any) -> list[tuple[Any, ...]]:
    with tab.expect_download() as download:
        tab.click("[data-testid=export-ledger]")
    assert download.value.suggested_filename.endswith(".xlsx")
    with open(download.value.path(), "rb") as f:  # saved without the file name's extension
        book = load_workbook(io.BytesIO(f.read()), read_only=True)
    return list(book.active.iter_rows(values_only=True))


def test_a_figure_clicked_lands_on_the_ledger_of_its_rows(
        served: tuple[Server, str], pushed: dict[str, str], tab: Any) -> None:
    server, db_url = served
    figures = _report(db_url)
    browser.sign_in(tab, server.url, "admin")
    assert tab.inner_text("[data-testid=aid-count]") == f"{figures['aid_count']:,}"
    tab.click("[data-testid=aid-count]")
    assert tab.url.startswith(f"{server.url}/office/ledger?")
    assert tab.inner_text("[data-testid=ledger-count]") == f"{figures['aid_count']:,}"
    assert tab.inner_text("[data-testid=ledger-total]") == format_fen(figures["total_fen"])
    # A region's row of the overview: the ledger of that district's station only.
    tab.goto(f"{server.url}/office/")
    row = tab.locator("[data-testid=by-region] tr", has_text="西陵区")
    count = row.locator("a.figure").first.inner_text()
    row.locator("a").first.click()
    assert "region=420502" in tab.url
    assert tab.inner_text("[data-testid=ledger-count]") == count
    stations = tab.locator("[data-testid=ledger-row] td[data-label='站点']").all_inner_texts()
    assert stations and set(stations) == {"西陵区帮扶站"}
    assert tab.dialogs == [] and tab.errors == []


def test_the_exported_ledger_has_the_reports_total(
        served: tuple[Server, str], pushed: dict[str, str], tab: Any) -> None:
    server, db_url = served
    figures = _report(db_url)
    browser.sign_in(tab, server.url, "admin")
    tab.goto(f"{server.url}/office/ledger")
    shown = tab.inner_text("[data-testid=ledger-total]")
    rows = _download(tab)
    assert rows[1][0] == "序号"
    assert rows[-1][0] == f"合计 {figures['aid_count']} 笔"
    total = Decimal(str(rows[-1][6]))
    assert total == Decimal(figures["total_fen"]) / 100
    assert f"{total:,.2f}" == shown == format_fen(figures["total_fen"])


def test_a_district_user_sees_nothing_of_another_district(
        served: tuple[Server, str], pushed: dict[str, str], tab: Any) -> None:
    server, db_url = served
    other = pushed["420502"]
    browser.sign_in(tab, server.url, "district")
    everything = _report(db_url)["aid_count"]
    mine = tab.inner_text("[data-testid=aid-count]")
    assert 0 < int(mine.replace(",", "")) < everything
    assert "西陵区" not in tab.inner_text("main")
    tab.click("[data-testid=aid-count]")
    assert tab.inner_text("[data-testid=ledger-count]") == mine
    assert "西陵区" not in tab.inner_text("main") and other not in tab.content()
    rows = _download(tab)
    assert rows[-1][0] == f"合计 {mine} 笔"
    assert not any("西陵区" in str(cell) for r in rows for cell in r)
    for path in (f"/office/ledger?station={other}", "/office/ledger?region=420502",
                 f"/office/ledger/export?station={other}"):
        assert tab.request.get(f"{server.url}{path}").status == 404, path


def test_a_family_named_like_markup_shows_as_text_in_the_ledger(
        served: tuple[Server, str], pushed: dict[str, str], tab: Any) -> None:
    server, _ = served
    browser.sign_in(tab, server.url, "admin")
    tab.goto(f"{server.url}/office/ledger?station={pushed['420111']}")
    names = tab.locator("[data-testid=family-name]").all_inner_texts()
    assert XSS in names
    assert tab.locator("[data-testid=ledger] img").count() == 0
    assert tab.dialogs == [] and tab.errors == []
