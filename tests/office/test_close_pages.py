"""The Cash closes page through the app (TestClient), on SQLite and PostgreSQL, after a real
station process closed its days with the closer's and a witness's PINs and synced them to a
real `helpdesk-server serve` process: the figures, the highlighted difference with its reason,
names, a reopened close, the filters, paging, bad dates, and region scope."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from helpdesk.server import accounts, closes
from helpdesk.server import storage as st
from helpdesk.services.demo import VOLUNTEERS
from tests.office import browser
from tests.office.conftest import ensure_user, sign_in
from tests.server import support
from tests.sync.test_uvicorn import Server

WITNESS, WITNESS_PIN = VOLUNTEERS[0]
pytestmark = pytest.mark.slow


def helpdesk(*args: str) -> subprocess.CompletedProcess[str]:
    """The station's own command, as a volunteer runs it (the head `admin`, PIN 123456)."""
    env = dict(os.environ, HELPDESK_LANG="en", HELPDESK_PIN="123456",
               HELPDESK_WITNESS_PIN=WITNESS_PIN, PYTHONPATH=str(browser.ROOT))
    done = subprocess.run([sys.executable, "-m", "helpdesk", *args], capture_output=True,
                          text=True, env=env, timeout=300, stdin=subprocess.DEVNULL,
                          cwd=browser.ROOT)
    assert done.returncode == 0, (args, done.stderr)
    return done


def close_and_sync(engine: Engine, server_url: str, folder: Path, name: str,
                   region: str) -> dict[str, object]:
    """A new station enrolls, closes yesterday even and reopens it, closes today 0.50 short
    with a reason, and syncs; today's close as `close-day --json` gave it."""
    station_code, code = accounts.add_station(engine, name, region)
    where = ("--data-dir", str(folder))
    helpdesk("demo-data", "--families", "3", "--aid", "0", *where)
    helpdesk("enroll", "--server", server_url, "--code", code, *where)
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    helpdesk("close-day", "--date", yesterday, "--counted", "500", "--float", "500",
             "--witness", WITNESS, *where)
    helpdesk("reopen-day", yesterday, "--reason", "补录漏记的发放", *where)
    made = json.loads(helpdesk("close-day", "--counted", "999.50", "--float", "1000",
                               "--witness", WITNESS, "--reason", "少了五角", "--json",
                               *where).stdout)
    helpdesk("sync", *where)
    return {**made, "station_code": station_code, "yesterday": yesterday}


@pytest.fixture(scope="module")
def closed(db_url: str, engine: Engine, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[dict[str, object]]:
    folder = tmp_path_factory.mktemp("closes")
    ensure_user(engine, "admin", "admin")
    ensure_user(engine, "viewer-wh", "viewer", "4201")
    ensure_user(engine, "viewer-yc", "viewer", "4205")
    running = Server(db_url, folder / "server.log")
    running.start()
    try:
        yield close_and_sync(engine, running.url, folder / "station", "关山街道帮扶站", "420111")
    finally:
        running.stop()


def _row(html: str, testid: str) -> str:
    found = re.search(rf'data-testid="{testid}"[^>]*>(.*?)</tr>', html, re.S)
    assert found, html
    return found.group(1)


def test_the_page_shows_a_synced_close_with_its_difference_names_and_reopening(
        client: support.Client, closed: dict[str, object]) -> None:
    sign_in(client, "viewer-wh")
    page = client.get("/office/closes")
    assert page.status_code == 200 and 'href="/office/closes" aria-current="page"' in page.text
    today = _row(page.text, f"close-{closed['station_code']}-{closed['day']}")
    for shown in ("1,000.00", "999.50", "少了五角", WITNESS, "关山街道帮扶站", "已日结"):
        assert shown in today, shown
    assert re.search(r'class="num warn" data-differs="1">-0\.50<br>', today)
    assert "admin" in today  # the closer: the demo station's head, named by its volunteer row
    before = _row(page.text, f"close-{closed['station_code']}-{closed['yesterday']}")
    assert "已重新打开" in before and "warn" not in before and ">0.00<" in before
    # newest day first
    assert page.text.index(str(closed["day"])) < page.text.index(str(closed["yesterday"]))
    english = client.get("/office/lang/en?next=/office/closes").text
    assert "Reopened" in english and "Difference (yuan)" in english


def test_filters_narrow_by_station_and_dates_and_bad_dates_are_named(
        client: support.Client, closed: dict[str, object]) -> None:
    sign_in(client, "admin")
    code, day, yesterday = closed["station_code"], closed["day"], closed["yesterday"]
    only_today = client.get("/office/closes", params={"station": code, "from": day}).text
    assert f"close-{code}-{day}" in only_today and f"close-{code}-{yesterday}" not in only_today
    only_before = client.get("/office/closes", params={"to": yesterday}).text
    assert f"close-{code}-{yesterday}" in only_before and f"close-{code}-{day}" not in only_before
    bad = client.get("/office/closes", params={"from": "2026-13-40"})
    assert bad.status_code == 422
    assert re.search(r'data-testid="error-from">请按 2026-12-05 的格式填写日期<', bad.text)
    assert "data-testid=\"close-" not in bad.text
    client.get("/office/lang/en?next=/office/closes")
    order = client.get("/office/closes", params={"from": day, "to": yesterday})
    assert order.status_code == 422
    assert "The end date cannot be before the start date" in order.text


def test_pages_are_keyset_pages_that_neither_repeat_nor_skip(
        engine: Engine, closed: dict[str, object]) -> None:
    with st.read(engine) as conn:
        everything, _ = closes.page(conn, "")
        first, after = closes.page(conn, "", limit=1)
        second, last = closes.page(conn, "", after=after, limit=1)
    assert after and (last is None) == (len(everything) == 2)
    assert [r["id"] for r in first + second] == [r["id"] for r in everything[:2]]
    assert len(everything) >= 2


def test_a_station_outside_the_users_region_answers_404_and_shows_nothing(
        client: support.Client, closed: dict[str, object]) -> None:
    sign_in(client, "viewer-yc")
    listed = client.get("/office/closes").text
    assert "data-testid=\"close-" not in listed and "还没有日结记录" in listed
    assert client.get("/office/closes", params={"station": closed["station_code"]}
                      ).status_code == 404
    assert client.get("/office/closes", params={"station": "nope"}).status_code == 404


def test_signed_out_browsers_are_sent_to_sign_in(client: support.Client) -> None:
    found = client.get("/office/closes", follow_redirects=False)
    assert found.status_code == 303 and found.headers["location"].startswith("/office/login")
