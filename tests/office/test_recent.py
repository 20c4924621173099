"""The console's pages read the database at most once every few seconds per scope and filters
(office.recent): figures a few seconds old, said as of when; one read however many users ask
at once; a change made in the console shows at once; never another scope's figures."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy.engine import Engine

from helpdesk.server import accounts
from helpdesk.server.app import create_app
from helpdesk.server.office import recent
from helpdesk.server.settings import ENV_OFFICE_FRESH_SECONDS, Settings, office_fresh_seconds
from tests.office.conftest import client_of, csrf_of, ensure_user, sign_in
from tests.server import support


def test_an_entry_is_read_once_within_its_seconds_and_again_after() -> None:
    reads: list[int] = []
    kept = recent.Recent(0.3)
    first, at = kept.get(("a",), lambda: reads.append(1) or len(reads))
    again, at_again = kept.get(("a",), lambda: reads.append(1) or len(reads))
    assert (first, again, at_again) == (1, 1, at) and len(reads) == 1
    assert kept.get(("b",), lambda: "other")[0] == "other"  # another key: its own read
    time.sleep(0.35)
    assert kept.get(("a",), lambda: reads.append(1) or len(reads))[0] == 2
    kept.clear()
    assert kept.get(("a",), lambda: reads.append(1) or len(reads))[0] == 3


def test_no_seconds_reads_every_time() -> None:
    kept, reads = recent.Recent(0), []
    for _ in range(3):
        kept.get(("a",), lambda: reads.append(1))
    assert len(reads) == 3


def test_many_asking_at_once_wait_for_one_read() -> None:
    kept, reads, answers = recent.Recent(10), [], []
    started = threading.Barrier(12)

    def slow() -> str:
        reads.append(1)
        time.sleep(0.3)
        return "figures"

    def ask() -> None:
        started.wait()
        answers.append(kept.get(("overview", "4201"), slow)[0])

    threads = [threading.Thread(target=ask) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == ["figures"] * 12 and len(reads) == 1


def test_a_failed_read_is_not_kept() -> None:
    kept, tries = recent.Recent(10), []

    def failing() -> str:
        tries.append(1)
        raise LookupError("no")

    for _ in range(2):
        with pytest.raises(LookupError):
            kept.get(("a",), failing)
    assert len(tries) == 2


@pytest.fixture(scope="module")
def app(db_url: str) -> FastAPI:
    return create_app(Settings(db_url=db_url, office_fresh_seconds=600))


@pytest.fixture
def client(app: FastAPI) -> Iterator[support.Client]:
    yield from client_of(app)


def _count(page: str) -> int:
    found = re.search(r'data-testid="aid-count">([\d,]+)<', page)
    assert found, page
    return int(found.group(1).replace(",", ""))


@pytest.fixture
def other(app: FastAPI) -> Iterator[support.Client]:
    yield from client_of(app)


@pytest.fixture(scope="module")
def engine(app: FastAPI) -> Engine:
    found: Engine = app.state.engine
    return found


def test_pages_show_figures_as_of_when_they_were_read_until_a_change_in_the_console(
        client: support.Client, other: support.Client, engine: Engine) -> None:
    ensure_user(engine, "kept-admin", "admin")
    ensure_user(engine, "kept-viewer", "viewer", "4205")  # 宜昌: the second station only
    wuhan = support.enroll(client, engine, "420111", "关山街道帮扶站")
    yichang = support.enroll(client, engine, "420502", "西陵区帮扶站")
    support.push(client, wuhan, [wuhan.aid(100_00, day="2026-11-03"),
                                 wuhan.aid(150_00, day="2026-11-03")])
    sign_in(other, "kept-viewer")  # a POST, as every sign-in: before anything is kept
    sign_in(client, "kept-admin")
    page = client.get("/office/").text
    before = _count(page)
    assert before >= 2
    assert re.search(r'data-testid="as-of"[^>]*>数据截至 \d\d:\d\d:\d\d<', page), page
    ledger = client.get("/office/ledger").text
    stations = client.get("/office/stations").text

    support.push(client, wuhan, [wuhan.aid(200_00, day="2026-11-04")])
    support.push(client, yichang, [yichang.aid(300_00, day="2026-11-05")])
    # A station's push shows once the figures are read again (600 s here: not yet) ...
    assert _count(client.get("/office/").text) == before
    assert client.get("/office/ledger").text.count("<tr") == ledger.count("<tr")
    assert client.get("/office/stations").text == stations
    # ... but another scope never gets this scope's figures.
    assert _count(other.get("/office/").text) == 1  # 宜昌's one aid, read for its scope

    # A change made in the console (any POST: here a station revoked) empties what was kept.
    spare, _code = accounts.add_station(engine, "备用站", "420111")
    confirm = client.get(f"/office/stations/{spare}/revoke").text
    done = client.post(f"/office/stations/{spare}/revoke",
                       data={"csrf_token": csrf_of(confirm)}, follow_redirects=False)
    assert done.status_code == 303, done.text
    assert _count(client.get("/office/").text) == before + 2
    assert client.get("/office/ledger").text.count("<tr") == ledger.count("<tr") + 2
    assert client.get("/office/stations").text != stations


def test_with_no_seconds_every_page_reads_afresh(db_url: str) -> None:
    app = create_app(Settings(db_url=db_url, office_fresh_seconds=0))
    engine: Engine = app.state.engine
    ensure_user(engine, "afresh-admin", "admin")
    for client in client_of(app):
        station = support.enroll(client, engine, "420111", "东湖帮扶站")
        sign_in(client, "afresh-admin")
        before = _count(client.get("/office/").text)
        support.push(client, station, [station.aid(100_00, day="2026-11-03")])
        assert _count(client.get("/office/").text) == before + 1


def test_users_of_one_role_and_scope_share_a_page_each_with_their_own_name_and_token(
        client: support.Client, other: support.Client, engine: Engine) -> None:
    ensure_user(engine, "shared-a", "admin")
    ensure_user(engine, "shared-b", "admin")
    ensure_user(engine, "shared-viewer", "viewer")
    sign_in(client, "shared-a")
    sign_in(other, "shared-b")
    for path in ("/office/", "/office/stations", "/office/ledger", "/office/closes"):
        mine, theirs = client.get(path).text, other.get(path).text
        token, their_token = csrf_of(mine), csrf_of(theirs)
        assert token != their_token
        assert "shared-a" in mine and "shared-b" not in mine and their_token not in mine
        assert "shared-b" in theirs and "shared-a" not in theirs and token not in theirs
        assert mine.replace(token, "T").replace("shared-a", "U") == \
            theirs.replace(their_token, "T").replace("shared-b", "U")
    # The token put in works: b signs out with the one on the shared page.
    out = other.post("/office/logout", data={"csrf_token": csrf_of(other.get("/office/").text)},
                     follow_redirects=False)
    assert out.status_code == 303
    assert other.get("/office/", follow_redirects=False).status_code == 303
    # Another role gets its own page: a viewer has no "add a station".
    sign_in(other, "shared-viewer")
    assert 'data-testid="add-station"' in client.get("/office/stations").text
    assert 'data-testid="add-station"' not in other.get("/office/stations").text
    # A name is put in escaped, as the template would have escaped it.
    ensure_user(engine, '<i>王</i>"&', "viewer")
    sign_in(other, '<i>王</i>"&')
    page = other.get("/office/stations").text
    assert "&lt;i&gt;王&lt;/i&gt;&#34;&amp;" in page and "<i>王</i>" not in page


@pytest.mark.parametrize("given", ["abc", "-1", "3601", "nan"])
def test_a_bad_setting_stops_the_server_naming_it(monkeypatch: pytest.MonkeyPatch,
                                                 given: str) -> None:
    monkeypatch.setenv(ENV_OFFICE_FRESH_SECONDS, given)
    with pytest.raises(SystemExit, match=f"{ENV_OFFICE_FRESH_SECONDS} is seconds from 0 to"):
        office_fresh_seconds()


def test_the_setting_reads_seconds_and_defaults_to_ten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_OFFICE_FRESH_SECONDS, raising=False)
    assert office_fresh_seconds() == 10
    monkeypatch.setenv(ENV_OFFICE_FRESH_SECONDS, " 0 ")
    assert office_fresh_seconds() == 0
    assert Settings.from_env().office_fresh_seconds == 0
