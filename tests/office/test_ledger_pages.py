"""The aid ledger, the overview's click-through and the stations' sync figures through the
app (TestClient), on SQLite and PostgreSQL: filters, keyset pages both ways, the Excel export
with the report's total, region scope (404 outside it), markup in a family name as text, bad
filters named next to their field."""

from __future__ import annotations

import html
import io
import re
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from helpdesk.domain.money import format_fen
from helpdesk.server import report
from tests.office.conftest import ensure_user, sign_in
from tests.server import support

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def world(app: Any, engine: Engine) -> dict[str, support.Device]:
    """Two stations: Wuhan (420111, 61 aid over two months, one of them voided, one family
    named like markup) and Yichang (420502, two aid)."""
    ensure_user(engine, "admin", "admin")
    ensure_user(engine, "viewer", "viewer", "420111")
    from tests.office.conftest import client_of

    for client in client_of(app):
        wuhan = support.enroll(client, engine, "420111", "关山街道帮扶站")
        yichang = support.enroll(client, engine, "420502", "西陵区帮扶站")
        marked = wuhan.family(name=XSS, family_id="fam-xss", employment="platform")
        changes = [marked, wuhan.aid(77_70, day="2026-10-05", family_id="fam-xss")]
        changes += [wuhan.aid(100_00 + n, day=f"2026-11-{1 + n % 28:02d}") for n in range(59)]
        to_void = wuhan.aid(55_00, day="2026-11-30")
        support.push(client, wuhan, [*changes, to_void])
        support.push(client, wuhan, [wuhan.aid(55_00, voided=True, aid_id=to_void.entity_id)])
        support.push(client, yichang, [yichang.aid(300_00, day="2026-11-02"),
                                       yichang.aid(400_00, day="2026-10-02")])
    return {"wuhan": wuhan, "yichang": yichang}


def _figure(page: str, testid: str) -> tuple[str, str]:
    """(the link, the text) of a figure on the overview."""
    found = re.search(rf'href="([^"]+)" data-testid="{testid}">([^<]*)<', page)
    assert found, testid
    return html.unescape(found.group(1)), found.group(2)


def _ledger_sums(page: str) -> tuple[str, str]:
    count = re.search(r'data-testid="ledger-count">([^<]*)<', page)
    total = re.search(r'data-testid="ledger-total">([^<]*)<', page)
    assert count and total
    return count.group(1), total.group(1)


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr data-testid="ledger-row"[^>]*>(.*?)</tr>', page, re.S)


def test_each_overview_figure_leads_to_the_ledger_rows_behind_it(
        client: support.Client, engine: Engine, world: dict[str, support.Device]) -> None:
    every = report.totals(engine)
    sign_in(client, "admin")
    overview = client.get("/office/").text
    link, count = _figure(overview, "aid-count")
    assert count == f"{every['aid_count']:,}"
    assert _ledger_sums(client.get(link).text) == (
        count, format_fen(every["total_fen"]))
    # By month, region, programme and employment: each row's link sums to its figures.
    for testid in ("by-month", "by-region", "by-programme", "by-employment"):
        table = re.search(rf'data-testid="{testid}">(.*?)</table>', overview, re.S)
        assert table, testid
        rows = re.findall(r'<a class="figure" href="([^"]+)">([^<]*)</a></td>'
                          r'<td class="num"><a class="figure" href="[^"]+">([^<]*)</a>',
                          table.group(1))
        assert rows, testid
        for href, n, total in rows:
            assert _ledger_sums(client.get(html.unescape(href)).text) == (n, total), href
    assert "2026-10" in overview and 'data-testid="called-out"' in overview  # platform
    # The sync figures lead to the stations page narrowed the same way.
    synced = re.search(r'data-testid="synced-24h">(\d+)<', overview)
    assert synced and synced.group(1) == "2"
    listed = client.get("/office/stations?synced=24h").text
    assert listed.count('data-testid="station-') == 2
    assert 'data-testid="station-' not in client.get("/office/stations?synced=never").text


def test_keyset_pages_go_forward_and_back_without_repeating_a_row(
        client: support.Client, world: dict[str, support.Device]) -> None:
    sign_in(client, "admin")
    first = client.get("/office/ledger?station=" + world["wuhan"].station_code).text
    assert len(_rows(first)) == 50 and 'data-testid="previous-page"' not in first
    forward = re.search(r'href="([^"]+)" data-testid="next-page"', first)
    assert forward
    second = client.get(html.unescape(forward.group(1))).text
    assert len(_rows(second)) == 11 and 'data-testid="next-page"' not in second
    assert not set(_rows(first)) & set(_rows(second))
    back = re.search(r'href="([^"]+)" data-testid="previous-page"', second)
    assert back
    again = client.get(html.unescape(back.group(1))).text
    assert _rows(again) == _rows(first) and 'data-testid="previous-page"' not in again


def test_filters_narrow_the_rows(client: support.Client, world: dict[str, support.Device]
                                 ) -> None:
    sign_in(client, "admin")
    voided = _rows(client.get("/office/ledger?voided=yes").text)
    assert len(voided) == 1 and "55.00" in voided[0]
    october = client.get("/office/ledger?from=2026-10-01&to=2026-10-31").text
    assert len(_rows(october)) == 2 and _ledger_sums(october) == ("2", "477.70")
    days = client.get("/office/ledger?from=2026-10-02&to=2026-10-05").text
    assert len(_rows(days)) == 2 and 'data-testid="ledger-total"' not in days  # not month-edged
    assert _rows(client.get("/office/ledger?kind=goods").text) == []
    only = client.get("/office/ledger?region=420502").text
    assert len(_rows(only)) == 2 and "关山街道帮扶站" not in "".join(_rows(only))


def test_a_bad_filter_is_named_next_to_its_field(
        client: support.Client, world: dict[str, support.Device]) -> None:
    sign_in(client, "admin")
    answer = client.get("/office/ledger?from=2026-13-01&kind=gold")
    assert answer.status_code == 422
    assert 'data-testid="error-from">日期应写作 2026-11-03<' in answer.text
    assert 'data-testid="error-kind">不是可选的值<' in answer.text
    assert _rows(answer.text) == [] and 'data-testid="export-ledger"' not in answer.text
    client.get("/office/lang/en?next=/office/")
    english = client.get("/office/ledger?to=someday")
    assert 'data-testid="error-to">A date is written as 2026-11-03<' in english.text
    assert client.get("/office/ledger?after=nonsense").status_code == 404


def test_a_family_named_like_markup_is_text(
        client: support.Client, world: dict[str, support.Device]) -> None:
    sign_in(client, "admin")
    page = client.get("/office/ledger?from=2026-10-05&to=2026-10-05").text
    (row,) = _rows(page)
    assert html.escape(XSS, quote=False) in row and "<img" not in page


def _export(client: support.Client, query: str = "") -> Any:
    answer = client.get(f"/office/ledger/export{query}")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return load_workbook(io.BytesIO(answer.content)).active


def test_the_export_holds_the_ledgers_rows_and_the_reports_total(
        client: support.Client, engine: Engine, world: dict[str, support.Device]) -> None:
    sign_in(client, "admin")
    sheet = _export(client)
    rows = list(sheet.iter_rows(values_only=True))
    every = report.totals(engine)
    assert rows[1][:3] == ("序号", "姓名", "身份证号")
    assert len(rows) == 2 + 63 + 1  # title, header, every aid (the voided one marked), total
    assert rows[-1][0] == f"合计 {every['aid_count']} 笔"
    assert Decimal(str(rows[-1][6])) == Decimal(every["total_fen"]) / 100
    assert any(r[1] == XSS for r in rows)  # a text cell, as given
    october = list(_export(client, "?from=2026-10-01&to=2026-10-31").iter_rows(values_only=True))
    assert len(october) == 2 + 2 + 1 and october[-1][0] == "合计 2 笔"
    log = client.get("/office/audit").text
    assert "ledger_export" in log and "from=2026-10-01" in log


def test_a_district_user_sees_nothing_of_another_district(
        client: support.Client, world: dict[str, support.Device]) -> None:
    yichang = world["yichang"].station_code
    sign_in(client, "viewer")  # 420111 only
    overview = client.get("/office/").text
    assert 'data-testid="aid-count">60<' in overview and "西陵区" not in overview
    ledger = client.get("/office/ledger").text
    assert "西陵区帮扶站" not in ledger and yichang not in ledger
    assert _ledger_sums(client.get("/office/ledger?voided=no").text)[0] == "60"
    for path in (f"/office/ledger?station={yichang}", "/office/ledger?region=420502",
                 "/office/ledger?region=4205", f"/office/ledger/export?station={yichang}",
                 "/office/ledger/export?region=420502"):
        assert client.get(path).status_code == 404, path
    sheet = list(_export(client).iter_rows(values_only=True))
    assert not any("西陵区帮扶站" in str(r) for r in sheet)
    assert sheet[-1][0] == "合计 60 笔"
    # A wider region than the scope is the scope itself.
    assert _ledger_sums(client.get("/office/ledger?region=42&voided=no").text)[0] == "60"


def test_the_stations_page_shows_each_stations_sync(
        client: support.Client, world: dict[str, support.Device]) -> None:
    sign_in(client, "admin")
    page = client.get("/office/stations").text
    row = re.search(rf'data-testid="station-{world["wuhan"].station_code}">(.*?)</tr>', page,
                    re.S)
    assert row
    received = re.search(r'data-testid="received">([\d,]+)<', row.group(1))
    assert received and int(received.group(1).replace(",", "")) >= 63
    assert 'data-testid="quarantined">0<' in row.group(1)
    assert re.search("刚刚|[1-9] 分钟前", row.group(1))
