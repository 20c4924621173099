"""The station head's reports: the same figures as `helpdesk totals`, voided aid left out,
periods, groupings, and the queries on their indexes."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from helpdesk import paths as pathsmod
from helpdesk.domain.aid import Aid
from helpdesk.errors import KnownError
from helpdesk.services import aid as aidcases
from helpdesk.services import reports, volunteers
from helpdesk.services import session as sessions
from helpdesk.services.session import Session
from helpdesk.store import reports as store
from tests.services.helpers import cash_aid, register
from tests.test_cli import run

EVERYTHING = reports.Period("campaign", date(2000, 1, 1), date(2100, 1, 1))


def _sums(rows: tuple[reports.Row, ...]) -> tuple[int, int]:
    return sum(r.aid_count for r in rows), sum(r.total_fen for r in rows)


def test_figures_equal_helpdesk_totals_for_the_same_station(tmp_path: Path) -> None:
    folder = tmp_path / "station"
    done = run("demo-data", "--families", "60", "--aid", "150", "--seed", "5",
               "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    s = sessions.sign_in(pathsmod.resolve(folder), "admin", "123456")
    try:  # one aid voided: both must leave it out
        voided = s.db.execute("SELECT id, amount_fen FROM aid WHERE amount_fen > 0 "
                              "LIMIT 1").fetchone()
        aidcases.void_aid(s, voided[0], "金额录错")
        got = reports.report(s, EVERYTHING)
    finally:
        s.close()
    totals = json.loads(run("totals", "--json", "--data-dir", str(folder)).stdout)
    assert totals["aid_count"] == 149
    assert (got.aid_count, got.total_fen) == (totals["aid_count"], totals["total_fen"])
    by_programme: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    for r in totals["by_programme_month"]:
        by_programme[r["programme"]] += r["total_fen"]
        by_month[r["month"]] += r["total_fen"]
    assert {r.key: r.total_fen for r in got.by_programme} == dict(by_programme)
    assert {r.key: r.total_fen for r in got.by_month} == dict(by_month)
    # Every aid has one family, of one employment and one tier (or none): they add up too.
    for rows in (got.by_programme, got.by_month, got.by_employment, got.by_tier):
        assert _sums(rows) == (got.aid_count, got.total_fen)
    # Reasons: a family with two reasons counts under both, never under fewer.
    assert _sums(got.by_reason)[1] >= got.total_fen
    assert 0 < got.families_reached <= got.families_registered == 60


def test_voided_aid_is_left_out_everywhere(station: Session) -> None:
    family = register(station, employment="platform")
    kept = aidcases.give_aid(station, cash_aid(station, family.id, amount="500"))
    gone = aidcases.give_aid(station, cash_aid(station, family.id, "YLJZ", amount="300"))
    before = reports.report(station, reports.period(station, "today"))
    assert (before.aid_count, before.total_fen) == (2, 80000)
    aidcases.void_aid(station, gone.id, "发错了")
    got = reports.report(station, reports.period(station, "today"))
    assert (got.aid_count, got.total_fen, got.families_reached) == (1, 50000, 1)
    assert [(r.key, r.total_fen) for r in got.by_programme] == [(kept_code(station, kept), 50000)]
    platform, migrant = got.called_out()
    assert (platform.key, platform.aid_count, platform.total_fen) == ("platform", 1, 50000)
    assert (migrant.key, migrant.aid_count, migrant.label("zh")) == ("rural_migrant", 0, "农民工")
    assert [(r.key, r.label("en")) for r in got.by_tier] == [("", "No tier set")]
    assert {r.key for r in got.by_reason} == {"illness", "wage_arrears"}


def kept_code(station: Session, aid: Aid) -> str:
    pid = aid.programme_id
    return str(station.db.execute("SELECT code FROM programmes WHERE id = ?", [pid]).fetchone()[0])


def test_tier_rows_follow_the_confirmed_tier(station: Session) -> None:
    deep = register(station, tier="deep")
    other = register(station, head_name="李四", id_number="", id_kind="none", phone="")
    aidcases.give_aid(station, cash_aid(station, deep.id, amount="800"))
    aidcases.give_aid(station, cash_aid(station, other.id, amount="200"))
    got = reports.report(station, reports.period(station, "month"))
    assert [(r.key, r.label("zh"), r.total_fen) for r in got.by_tier] == [
        ("deep", "深度困难", 80000), ("", "未定等级", 20000)]


def test_periods_today_month_and_the_open_programmes_season(station: Session) -> None:
    day = date(2026, 12, 5)
    assert reports.period(station, "today", day) == reports.Period("today", day, day)
    assert reports.period(station, "month", day).start == date(2026, 12, 1)
    today = station.today()
    campaign = reports.period(station, "campaign", today)
    open_now = [r for r in station.db.execute(
        "SELECT code, starts_on, ends_on FROM programmes WHERE active = 1 AND starts_on <= ? "
        "AND ends_on >= ?", [today.isoformat()] * 2).fetchall()]
    assert open_now and set(campaign.programmes) == {r[0] for r in open_now}
    assert campaign.start.isoformat() == min(r[1] for r in open_now)
    assert campaign.end.isoformat() == max(r[2] for r in open_now)
    station.db.execute("UPDATE programmes SET active = 0")
    assert reports.period(station, "campaign", day) == reports.Period(
        "campaign", date(2026, 1, 1), day)


def test_only_a_head_sees_the_reports(station: Session) -> None:
    volunteers.add_volunteer(station, "王芳", "135790")
    station.close()
    s = sessions.sign_in(station.paths, "王芳", "135790")
    try:
        with pytest.raises(KnownError) as err:
            reports.report(s, EVERYTHING)
        assert err.value.code == "head_only"
    finally:
        s.close()


def test_the_reads_start_from_the_date_index_and_look_families_up_by_id(
        station: Session) -> None:
    aid = " | ".join(store.plan(station.db, "aid"))
    assert "aid_local_date" in aid and "SCAN" not in aid.replace("SCAN p", ""), aid
    found = " | ".join(store.plan(station.db, "families"))
    assert found == "SEARCH families USING COVERING INDEX families_report (id=?)", found


def test_registered_families_are_counted_from_an_index(station: Session) -> None:
    plan = " | ".join(store.plan(station.db, "registered"))
    assert plan.startswith(("SEARCH families USING", "SCAN families USING")), plan
    assert "INDEX" in plan, plan  # an index of the families not merged, never the table
