"""Exporting the ledger and the roster through the use cases, on a real station."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpdesk.domain import idcard
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import aid, exports, volunteers
from helpdesk.services.session import Session
from helpdesk.store import audit, programmes
from tests.services.helpers import cash_aid, register


@pytest.fixture
def given(station: Session) -> Session:
    """Three families, four aid, one voided."""
    people = [register(station, head_name=name, id_number=idcard.make("420111", day, seq),
                       phone=f"1381234{seq:04d}")
              for name, day, seq in (("王丽", station.today() - timedelta(days=12000), 12),
                                     ("李强", station.today() - timedelta(days=15000), 31),
                                     ("赵敏", station.today() - timedelta(days=9000), 44))]
    records = [aid.give_aid(station, cash_aid(station, f.id, amount=amount))
               for f, amount in zip(people, ("500", "300.50", "800"), strict=True)]
    aid.give_aid(station, cash_aid(station, people[0].id, prefix="YLJZ", amount="900"))
    aid.void_aid(station, records[1].id, "金额录错")
    return station


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the exports (the station's folders sit in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _ids(path: Path) -> list[str]:
    ws = load_workbook(path).active
    return [ws.cell(r, 4).value for r in range(3, ws.max_row)]


def test_ledger_totals_equal_the_station_totals(given: Session, out: Path) -> None:
    result = exports.ledger(given, out / "l.xlsx")
    t = aid.totals(given)
    assert (result.aid_count, result.total_fen) == (t["aid_count"], t["total_fen"]) == (3, 220000)
    assert (result.rows, result.voided) == (4, 1)
    ws = load_workbook(result.path).active
    assert ws.cell(ws.max_row, 11).value == pytest.approx(2200.00)
    assert [ws.cell(r, 18).value for r in range(3, 7)].count("作废：金额录错") == 1
    assert ws["C3"].value in ("男", "女") and ws["G3"].value == 1  # the head alone


def test_ids_masked_by_default_and_nothing_audited(given: Session, out: Path) -> None:
    before = len(audit.recent(given.db))
    path = exports.families(given, out / "f.xlsx").path
    assert all(i.startswith("420") and "*" in i for i in _ids(path))
    assert len(audit.recent(given.db)) == before


def test_full_ids_for_a_head_are_audited(given: Session, out: Path) -> None:
    path = exports.ledger(given, out / "l.xlsx", full_ids=True).path
    assert all(len(i) == 18 and "*" not in i for i in _ids(path))
    row = audit.recent(given.db, 1)[0]
    assert row["action"] == "export_full_ids" and row["volunteer_id"] == given.volunteer.id
    assert row["detail"] == {"export": "ledger", "file": "l.xlsx", "rows": 4, "from": "",
                             "to": "", "programme": ""}
    exports.families(given, out / "f.xlsx", full_ids=True)
    assert audit.recent(given.db, 1)[0]["detail"]["export"] == "families"


def test_a_volunteer_cannot_export_full_ids(given: Session, out: Path) -> None:
    volunteers.add_volunteer(given, "刘洋", "246810")
    from helpdesk.services import session as sessions

    given.close()
    other = sessions.sign_in(given.paths, "刘洋", "246810")
    try:
        with pytest.raises(KnownError) as err:
            exports.ledger(other, out / "l.xlsx", full_ids=True)
        assert err.value.code == "head_only"
        assert exports.ledger(other, out / "m.xlsx").rows == 4  # masked: allowed
    finally:
        other.close()
    assert sorted(p.name for p in out.iterdir()) == ["m.xlsx"]


def test_period_and_programme_filter(given: Session, out: Path) -> None:
    today = given.today()
    yljz = next(r["programme"] for r in aid.totals(given)["by_programme_month"]
                if r["programme"].startswith("YLJZ"))
    only = exports.ledger(given, out / "p.xlsx", programme_code=yljz.lower())
    assert (only.rows, only.total_fen) == (1, 90000)
    programme = programmes.by_code(given.db, yljz)
    assert programme is not None
    assert f" {programme.name_zh} 帮扶发放台账" in load_workbook(only.path).active["A1"].value
    before = exports.ledger(given, out / "b.xlsx", date_to=today - timedelta(days=1))
    assert before.rows == 0 and before.total_fen == 0
    on = exports.ledger(given, out / "t.xlsx", date_from=today, date_to=today)
    assert on.rows == 4


@pytest.mark.parametrize(("kwargs", "field", "code"), [
    ({"programme_code": "NOPE-1"}, "programme", "export_programme"),
    ({"date_from": "2026-03-02", "date_to": "2026-03-01"}, "date_to", "export_period")])
def test_bad_requests_name_the_field_and_write_nothing(given: Session, out: Path,
                                                       kwargs: dict[str, str], field: str,
                                                       code: str) -> None:
    from datetime import date

    args = {k: date.fromisoformat(v) if k.startswith("date") else v for k, v in kwargs.items()}
    with pytest.raises(InvalidInput) as err:
        exports.ledger(given, out / "l.xlsx", **args)  # type: ignore[arg-type]
    assert err.value.problems[0].field == field and err.value.code == code
    assert list(out.iterdir()) == []


def test_files_are_not_replaced_unless_asked_and_never_left_half(given: Session,
                                                                 out: Path) -> None:
    target = out / "l.xlsx"
    target.write_bytes(b"sent to the office")
    with pytest.raises(InvalidInput) as err:
        exports.ledger(given, target)
    assert err.value.code == "export_exists" and target.read_bytes() == b"sent to the office"
    exports.ledger(given, target, replace=True)
    assert load_workbook(target).active.max_row == 7
    for bad, code in ((out / "l.csv", "export_suffix"),
                      (out / "gone" / "l.xlsx", "export_folder")):
        with pytest.raises(InvalidInput) as err:
            exports.ledger(given, bad)
        assert err.value.code == code
    assert [p.name for p in out.iterdir()] == ["l.xlsx"]  # no temporary file left


def test_a_write_that_fails_leaves_no_file_and_no_audit(given: Session, out: Path) -> None:
    job = exports.ledger_job(given, out / "l.xlsx", full_ids=True)
    result = exports.write(job)  # a connection of its own, as on a worker
    assert result.temp.exists() and not result.path.exists()
    before = len(audit.recent(given.db))
    result.temp.unlink()  # the temporary file vanished (a drive pulled out)
    with pytest.raises(KnownError) as err:
        exports.finish(given, job, result)
    assert err.value.code == "export_write"
    assert list(out.iterdir()) == [] and len(audit.recent(given.db)) == before


def test_roster_lists_every_family_with_members(given: Session, out: Path) -> None:
    result = exports.families(given, out / "f.xlsx", lang="en")
    assert (result.rows, result.people) == (3, 3)
    ws = load_workbook(result.path).active
    assert ws["B2"].value == "Name" and ws["Q3"].value.startswith("420111 ")
    assert ws["H3"].value == "Rural migrant worker"


def test_the_hardship_tier_fills_the_category_column(given: Session, out: Path) -> None:
    family = register(given, head_name="钱芳", tier="deep",
                      id_number=idcard.make("420111", given.today() - timedelta(days=14000), 57))
    aid.give_aid(given, cash_aid(given, family.id, amount="200"))
    ws = load_workbook(exports.ledger(given, out / "l.xlsx").path).active
    assert ws["E2"].value == "困难类别"
    assert {ws.cell(r, 2).value: ws.cell(r, 5).value for r in range(3, ws.max_row)} == {
        "王丽": None, "李强": None, "赵敏": None, "钱芳": "深度困难"}
    roster = load_workbook(exports.families(given, out / "f.xlsx", lang="en").path).active
    column = next(c for c in range(1, roster.max_column + 1)
                  if roster.cell(2, c).value == "Hardship tier")
    assert [roster.cell(r, column).value for r in range(3, 7)].count("Deep hardship") == 1
