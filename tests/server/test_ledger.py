"""The office's aid ledger: keyset pages that never repeat or skip a row (even as rows
arrive between pages), filters, scope, the stream for the export, and the .xlsx it makes."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import openpyxl
import pytest
from sqlalchemy.engine import Engine

from helpdesk.domain import idcard
from helpdesk.server import ledger, ledger_xlsx
from helpdesk.server import storage as st
from tests.server import office_support as office
from tests.server import support


@pytest.fixture(scope="module")
def data(client: support.Client, engine: Engine) -> dict[str, Any]:
    found = office.populate(client, engine)
    a = found["a"]
    family = a.family(office.number(501), name="翻页家庭")
    days = [f"2026-11-{d:02d}" for d in range(1, 29)]
    support.push(client, a, [family, *(a.aid(100 + n, family_id=family.entity_id,
                                              programme_id="SWN-27", day=days[n % 28])
                                       for n in range(120))])
    return found


def _all_pages(engine: Engine, filters: ledger.Filters, limit: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    after = None
    for _ in range(1000):
        with st.read(engine) as conn:
            page = ledger.ledger_page(conn, filters, after, limit)
        assert len(page.rows) <= limit
        rows += page.rows
        if page.next is None:
            return rows
        after = page.next
    raise AssertionError("the pages never end")


@pytest.mark.parametrize("limit", [1, 7, 50])
def test_pages_neither_repeat_nor_skip_a_row(data: dict[str, Any], engine: Engine,
                                             limit: int) -> None:
    filters = ledger.Filters(region_prefix="4201")
    rows = _all_pages(engine, filters, limit)
    keys = [(r["local_date"], r["station_code"], r["id"]) for r in rows]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == len(keys)
    with st.read(engine) as conn:
        streamed = list(ledger.ledger_rows(conn, filters, chunk=16))
    assert [(r["local_date"], r["station_code"], r["id"]) for r in streamed] == keys[::-1]
    scan = office.scan(engine, "4201")
    in_force = [r for r in rows if not r["voided"]]
    assert len(in_force) == scan["aid_count"]
    assert sum(r["amount_fen"] for r in in_force) == scan["total_fen"]


def test_rows_arriving_between_pages_make_no_page_repeat_or_skip_a_row(
        data: dict[str, Any], engine: Engine, client: support.Client) -> None:
    a = data["a"]
    filters = ledger.Filters(station=a.station_code)
    with st.read(engine) as conn:
        first = ledger.ledger_page(conn, filters, None, 10)
    family = a.family(office.number(502))
    support.push(client, a, [family,
                             a.aid(1, family_id=family.entity_id, day="2026-12-31"),
                             a.aid(2, family_id=family.entity_id, day="2026-01-01")])
    rest = []
    after = first.next
    while after:
        with st.read(engine) as conn:
            page = ledger.ledger_page(conn, filters, after, 10)
        rest += page.rows
        after = page.next
    seen = [r["id"] for r in first.rows + rest]
    assert len(seen) == len(set(seen))
    with st.read(engine) as conn:
        every = [r["id"] for r in ledger.ledger_rows(conn, filters)]
    # all but the newer row, which sorts before the first page
    assert set(every) - set(seen) == {r["id"] for r in every_rows(engine, filters)
                                      if r["local_date"] == "2026-12-31"}


def every_rows(engine: Engine, filters: ledger.Filters) -> list[dict[str, Any]]:
    with st.read(engine) as conn:
        return list(ledger.ledger_rows(conn, filters))


def test_filters_and_scope(data: dict[str, Any], engine: Engine) -> None:
    a, c = data["a"], data["c"]
    huangshi = every_rows(engine, ledger.Filters(region_prefix="4202"))
    assert {r["station_code"] for r in huangshi} == {c.station_code}
    assert every_rows(engine, ledger.Filters(region_prefix="4202", station=a.station_code)) == []
    december = every_rows(engine, ledger.Filters(date_from=date(2026, 12, 1),
                                                 date_to=date(2026, 12, 31)))
    assert december and all(r["local_date"].startswith("2026-12") for r in december)
    voided = every_rows(engine, ledger.Filters(station=a.station_code, voided=True))
    assert len(voided) == 2 and all(r["voided"] for r in voided)
    zx = every_rows(engine, ledger.Filters(station=a.station_code, programme="ZX-27"))
    assert {r["programme_code"] for r in zx} == {"ZX-27"} and len(zx) == 2
    assert every_rows(engine, ledger.Filters(kind="goods")) == []
    row = next(r for r in every_rows(engine, ledger.Filters(station=a.station_code))
               if r["name"] == "王平台")
    assert row["masked_id"] == idcard.mask(office.number(101))
    assert office.number(101) not in str(row)
    assert row["employment"] == "platform" and row["reason"] == "wage_arrears"
    assert row["receipt_no"] and row["recipient_name"] == "张三" and row["volunteer"] == "v1"
    assert row["programme_name"] == "送温暖" and row["station_name"] == "洪山站点"
    with st.read(engine) as conn, pytest.raises(ValueError, match="ledger position"):
        ledger.ledger_page(conn, ledger.Filters(), "2026-11-01|x", 10)


def test_the_export_opens_with_the_same_total(data: dict[str, Any], engine: Engine) -> None:
    filters = ledger.Filters(region_prefix="4201")
    out = io.BytesIO()
    with st.read(engine) as conn:
        count, total = ledger_xlsx.write(ledger.ledger_rows(conn, filters), out,
                                         "武汉市总工会 帮扶台账")
    scan = office.scan(engine, "4201")
    assert (count, total) == (scan["aid_count"], scan["total_fen"])
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "武汉市总工会 帮扶台账"
    assert rows[1][:4] == ("序号", "姓名", "身份证号", "困难类别")
    body = rows[2:-1]
    assert [r[0] for r in body] == list(range(1, len(body) + 1))
    assert sum(r[6] for r in body if r[12] != "作废") * 100 == pytest.approx(total)
    assert rows[-1][0] == f"合计 {count} 笔" and rows[-1][6] * 100 == pytest.approx(total)
    assert all(isinstance(r[2], str) for r in body)
    assert "平台劳动者（骑手、司机等）" in {r[3] for r in body}
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.fitToWidth == 1  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.cell(3, 7).number_format == "#,##0.00"
    assert all(isinstance(r[9], str) for r in body)  # receipt numbers too


@pytest.mark.parametrize("limit", [1, 7, 50])
def test_pages_back_are_the_pages_forward(data: dict[str, Any], engine: Engine,
                                          limit: int) -> None:
    filters = ledger.Filters(region_prefix="4201")
    forward: list[ledger.Page] = []
    after = None
    with st.read(engine) as conn:
        for _ in range(1000):
            forward.append(ledger.ledger_page(conn, filters, after, limit))
            after = forward[-1].next
            if after is None:
                break
        assert forward[0].previous is None and len(forward) > 1
        page = forward[-1]
        for expected in reversed(forward[:-1]):
            assert page.previous is not None
            page = ledger.ledger_page(conn, filters, limit=limit, before=page.previous)
            assert page.rows == expected.rows and page.next == expected.next
        assert page.previous is None  # back on the first page
        with pytest.raises(ValueError, match="ledger position"):
            ledger.ledger_page(conn, filters, before="x|y")


def test_the_summed_figures_are_the_scans(data: dict[str, Any], engine: Engine) -> None:
    a = data["a"]
    cases = [ledger.Filters(region_prefix="4201"), ledger.Filters(station=a.station_code),
             ledger.Filters(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30)),
             ledger.Filters(programme="SWN-27", voided=False),
             ledger.Filters(programmes=("SWN-27", "ZX-27"), region_prefix="4201"),
             ledger.Filters(employment="platform"), ledger.Filters(reason="wage_arrears"),
             ledger.Filters(station=a.station_code, employment="platform", kind="cash",
                            programme="SWN-27", date_to=date(2026, 11, 30))]
    with st.read(engine) as conn:
        for filters in cases:
            rows = [r for r in ledger.ledger_rows(conn, filters) if not r["voided"]]
            assert rows, filters
            assert ledger.summed(conn, filters) == (
                len(rows), sum(r["amount_fen"] for r in rows)), filters
        # What the summaries cannot say, they do not guess.
        assert ledger.summed(conn, ledger.Filters(voided=True)) is None
        assert ledger.summed(conn, ledger.Filters(date_from=date(2026, 11, 2))) is None
        assert ledger.summed(conn, ledger.Filters(date_to=date(2026, 11, 29))) is None
        assert ledger.summed(conn, ledger.Filters(kind="cash")) is None  # a scan otherwise
