"""The aid summaries kept at ingest equal a scan of the aid table after pushes, voids, a
batch pushed twice and a merge; the overview reads them, scoped by region prefix, and gives
the same all-time figures as `helpdesk-server report --json`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.server import cli, programmes, summaries
from helpdesk.server import storage as st
from tests.server import office_support as office
from tests.server import support

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def data(client: support.Client, engine: Engine) -> dict[str, Any]:
    return office.populate(client, engine)


def test_summaries_equal_a_scan_after_pushes_voids_repeats_and_merges(
        data: dict[str, Any], engine: Engine) -> None:
    kept, scanned = office.summaries_and_scan(engine)
    assert kept == scanned and kept
    a = data["a"]
    mine = {(r[2], r[4], r[5], r[6]): (r[8], r[9]) for r in kept
            if r[0] == "aid_summary" and r[1] == a.station_code}
    # one aid of each family in force; the voids left nothing of theirs
    assert mine == {("SWN-27", "cash", "wage_arrears", "platform"): (1, 10_000),
                    ("SWN-27", "cash", "work_injury", "rural_migrant"): (1, 20_000),
                    ("SWN-27", "cash", "illness", "unemployed"): (1, 5_000)}
    scan = office.scan(engine, a.region)
    with st.read(engine) as conn:  # fd was merged into fa: two families of station a
        assert summaries.families_reached(conn, a.region) == scan["families"] == 3


def _report(capsys: pytest.CaptureFixture[str], db_url: str) -> dict[str, Any]:
    assert cli.main(["--db", db_url, "report", "--json"]) == 0
    found: dict[str, Any] = json.loads(capsys.readouterr().out)
    return found


@pytest.mark.parametrize("prefix", ["", "42", "4201", "420111", "4202", "11"])
def test_overview_all_time_equals_the_report_scoped_to_the_prefix(
        data: dict[str, Any], engine: Engine, db_url: str, prefix: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    report = _report(capsys, db_url)
    with st.read(engine) as conn:
        regions = dict(conn.execute(sa.select(st.stations.c.code, st.stations.c.region)).all())
        overview = summaries.overview(conn, prefix, TODAY)
    rows = [r for r in report["by_station_programme_month"]
            if regions[r["station"]].startswith(prefix)]
    assert overview["all_time"] == {"aid_count": sum(r["aid_count"] for r in rows),
                                    "total_fen": sum(r["total_fen"] for r in rows)}
    scan = office.scan(engine, prefix)
    assert overview["all_time"] == {k: scan[k] for k in ("aid_count", "total_fen")}
    assert overview["families_reached"] == scan["families"]


def test_a_user_of_4201_sees_nothing_of_4202(data: dict[str, Any], engine: Engine) -> None:
    with st.read(engine) as conn:
        wuhan = summaries.overview(conn, "4201", TODAY)
        huangshi = summaries.overview(conn, "4202", TODAY)
    assert {r["region"] for r in wuhan["by_region"]} == {"420111", "420106"}
    assert {r["region"] for r in huangshi["by_region"]} == {"420202"}
    assert huangshi["all_time"] == {"aid_count": 2, "total_fen": 41_000}
    assert huangshi["open_alerts"] == 0 and wuhan["open_alerts"] == 1
    assert huangshi["families_reached"] == 1
    assert huangshi["stations"]["stations"] == 1


def test_overview_series_month_campaign_and_called_out_workers(
        data: dict[str, Any], engine: Engine, client: support.Client) -> None:
    open_now = programmes.add(engine, "420111", {
        "code": "WN-NOV", "name_zh": "十一月慰问", "kind": "cash", "starts_on": "2026-11-01",
        "ends_on": "2026-11-30"})
    closed = programmes.add(engine, "420111", {
        "code": "WN-OLD", "name_zh": "往年慰问", "kind": "cash", "starts_on": "2025-01-01",
        "ends_on": "2025-12-31"})
    d = support.enroll(client, engine, region="420111", name="新开站点")
    family = d.family(office.number(301), employment="flexible")
    d.extra["known"] |= {("programme", open_now.id), ("programme", closed.id)}
    support.push(client, d, [family,
                             d.aid(800, family_id=family.entity_id, programme_id=open_now.id),
                             d.aid(900, family_id=family.entity_id, programme_id=closed.id,
                                   day="2026-10-03")])
    with st.read(engine) as conn:
        view = summaries.overview(conn, "420111", TODAY)
        before = summaries.overview(conn, "420111", date(2026, 10, 15))
    months = {r["month"]: r["aid_count"] for r in view["by_month"]}
    assert months["2026-10"] == 1 and months["2026-11"] >= 4
    assert view["this_month"]["aid_count"] == months["2026-11"]
    programmes_seen = {r["programme"]: r["total_fen"] for r in view["by_programme"]}
    assert programmes_seen["WN-NOV"] == 800 and programmes_seen["WN-OLD"] == 900
    # this campaign: every programme open on the day (the stations' own run all 2026-27)
    assert view["this_campaign"]["total_fen"] == view["all_time"]["total_fen"] - 900
    assert before["this_campaign"]["total_fen"] == view["all_time"]["total_fen"] - 800 - 900
    jobs = {r["employment"]: r for r in view["by_employment"]}
    assert jobs["platform"]["called_out"] and jobs["rural_migrant"]["called_out"]
    assert not jobs["flexible"]["called_out"] and jobs["flexible"]["total_fen"] == 1_700
    assert {r["reason"] for r in view["by_reason"]} >= {"wage_arrears", "work_injury"}
    kept, scanned = office.summaries_and_scan(engine)
    assert kept == scanned


def test_stations_synced_in_the_last_day_week_and_never(data: dict[str, Any],
                                                         engine: Engine) -> None:
    from helpdesk.server import accounts

    accounts.add_station(engine, "还没同步的站点", "420202")
    now = datetime.now(UTC)
    with st.read(engine) as conn:
        today = summaries.sync_ages(conn, "4202", now)
        later = summaries.sync_ages(conn, "4202", now + timedelta(days=3))
        much_later = summaries.sync_ages(conn, "4202", now + timedelta(days=30))
    assert today == {"stations": 2, "synced_24h": 1, "synced_7d": 1, "never": 1}
    assert later == {"stations": 2, "synced_24h": 0, "synced_7d": 1, "never": 1}
    assert much_later == {"stations": 2, "synced_24h": 0, "synced_7d": 0, "never": 1}


def test_a_bad_region_prefix_is_refused(engine: Engine) -> None:
    with st.read(engine) as conn, pytest.raises(ValueError, match="1 to 6 digits"):
        summaries.overview(conn, "42%", TODAY)
