"""`helpdesk export` as a user runs it, its files opened by LibreOffice and checked against
`helpdesk totals --json` of the same station."""

from __future__ import annotations

import calendar
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpdesk import paths as pathsmod
from helpdesk.domain import idcard
from helpdesk.services import aid as aidcases
from helpdesk.services import session as sessions
from helpdesk.store import audit
from tests.sheets import office
from tests.test_cli import run

VOIDED = 3


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo station with 80 aid, 3 of them voided by the head."""
    folder = tmp_path_factory.mktemp("export") / "station"
    done = run("demo-data", "--families", "40", "--aid", "80", "--seed", "5",
               "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    s = sessions.sign_in(pathsmod.resolve(folder), "admin", "123456")
    try:
        for (aid_id,) in s.db.execute("SELECT id FROM aid ORDER BY given_at LIMIT ?", [VOIDED]):
            aidcases.void_aid(s, aid_id, "重复发放")
    finally:
        s.close()
    return folder


def _totals(station_dir: Path) -> dict[str, object]:
    done = run("totals", "--json", "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def _fen(text: str) -> int:
    return round(float(text.replace(",", "")) * 100)


def test_ledger_totals_in_libreoffice_equal_helpdesk_totals(station_dir: Path,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    done = run("export", "ledger", "-o", str(out), "--data-dir", str(station_dir), lang="zh")
    assert done.returncode == 0, done.stderr
    assert "合计" in done.stdout and f"作废 {VOIDED} 笔" in done.stdout
    rows = office.csv_rows(out, tmp_path / "csv")
    header, body, total = rows[1], rows[2:-1], rows[-1]
    assert header[0] == "序号" and header[10] == "金额(元)" and total[0] == "合计"
    t = _totals(station_dir)
    assert (int(total[1]), _fen(total[10])) == (t["aid_count"], t["total_fen"])
    assert len(body) == int(t["aid_count"]) + VOIDED  # type: ignore[call-overload]
    void = [r for r in body if r[17].startswith("作废")]
    assert len(void) == VOIDED and all(r[17] == "作废：重复发放" for r in void)
    assert sum(_fen(r[10]) for r in body if r not in void) == t["total_fen"]
    assert all("*" in r[3] and len(r[3]) == 18 for r in body)  # masked by default


def test_a_month_of_one_programme_equals_that_line_of_totals(station_dir: Path,
                                                             tmp_path: Path) -> None:
    line = _totals(station_dir)["by_programme_month"][-1]  # type: ignore[index]
    year, month = (int(n) for n in line["month"].split("-"))
    last = calendar.monthrange(year, month)[1]
    out = tmp_path / "month.xlsx"
    done = run("export", "ledger", "-o", str(out), "--from", f"{line['month']}-01", "--to",
               f"{line['month']}-{last}",
               "--programme", line["programme"], "--json", "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert (answer["aid_count"], answer["total_fen"]) == (line["aid_count"], line["total_fen"])
    total = office.csv_rows(out, tmp_path / "csv")[-1]
    assert (int(total[1]), _fen(total[10])) == (line["aid_count"], line["total_fen"])


def test_full_ids_keep_every_character_and_are_audited(station_dir: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "full.xlsx"
    done = run("export", "ledger", "-o", str(out), "--full-ids", "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    ids = [r[3] for r in office.csv_rows(out, tmp_path / "csv")[2:-1]]
    assert all(idcard.validate(i) == i for i in ids)  # 18 characters, a final X kept
    ws = load_workbook(out).active
    assert {ws.cell(r, 4).data_type for r in range(3, ws.max_row)} == {"s"}
    s = sessions.sign_in(pathsmod.resolve(station_dir), "admin", "123456")
    try:
        found = [r for r in audit.recent(s.db, 10) if r["action"] == "export_full_ids"]
    finally:
        s.close()
    assert found and found[0]["detail"]["file"] == "full.xlsx"
    assert found[0]["detail"]["rows"] == len(ids)


def test_families_roster_as_json(station_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "families.xlsx"
    done = run("export", "families", "-o", str(out), "--json", "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["families"] == 40 and answer["people"] >= 40
    total = office.csv_rows(out, tmp_path / "csv")[-1]
    assert total[:3] == ["Total", "40", "families"] and int(total[10]) == answer["people"]


@pytest.mark.parametrize(("args", "option"), [
    (("--from", "2026-02-30"), "--from"), (("--to", "yesterday"), "--to"),
    (("--from", "2026-03-02", "--to", "2026-03-01"), "--to"),
    (("--programme", "NOPE-2026"), "--programme")])
def test_bad_options_are_named_and_write_nothing(station_dir: Path, tmp_path: Path,
                                                 args: tuple[str, ...], option: str) -> None:
    out = tmp_path / "bad.xlsx"
    done = run("export", "ledger", "-o", str(out), *args, "--data-dir", str(station_dir))
    assert done.returncode == 1 and done.stderr.startswith(f"{option}: ")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_kept_unless_force(station_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "sent.xlsx"
    out.write_bytes(b"already sent")
    done = run("export", "families", "-o", str(out), "--data-dir", str(station_dir), lang="zh")
    assert done.returncode == 1 and "--force" in done.stderr and "已存在" in done.stderr
    assert out.read_bytes() == b"already sent"
    done = run("export", "families", "-o", str(out), "--force", "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    assert load_workbook(out).active["A2"].value == "No."
    assert [p.name for p in tmp_path.iterdir()] == ["sent.xlsx"]
