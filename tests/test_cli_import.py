"""`helpdesk import families` as a user runs it: a real process on a real station folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sheets import rosters
from tests.test_cli import run


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-import") / "station"
    done = run("demo-data", "--families", "0", "--aid", "0", "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    return folder


def test_import_json_dry_run_then_real_then_again(station_dir: Path, tmp_path: Path) -> None:
    people = [rosters.person(n) for n in range(1, 5)] + [rosters.person(5, 联系电话="12345")]
    path = rosters.write_csv(tmp_path / "名册.csv", people, encoding="gb18030")
    dry = run("import", "families", str(path), "--dry-run", "--json", "--data-dir",
              str(station_dir))
    assert dry.returncode == 0, dry.stderr
    out = json.loads(dry.stdout)
    assert {k: out[k] for k in ("rows", "added", "updated", "duplicates", "errors")} == {
        "rows": 5, "added": 4, "updated": 0, "duplicates": 0, "errors": 1}
    assert out["report"] is None and out["dry_run"] is True
    assert out["problems"][0]["row"] == 6 and "联系电话" in out["problems"][0]["reasons"][0]
    done = run("import", "families", str(path), "--json", "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["added"] == 4 and out["errors"] == 1
    assert out["report"] == str(tmp_path / "名册.errors.xlsx") and Path(out["report"]).exists()
    again = run("import", "families", str(path), "--data-dir", str(station_dir), lang="zh")
    assert again.returncode == 0, again.stderr
    assert "新增 0" in again.stdout and "重复 4" in again.stdout and "第 6 行" in again.stdout


def test_unreadable_file_exit_1_and_nothing_written(station_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "roster.xlsx"
    bad.write_bytes(b"not a spreadsheet at all")
    before = sorted(p.name for p in station_dir.iterdir())
    done = run("import", "families", str(bad), "--json", "--data-dir", str(station_dir),
               pin=None)  # refused before signing in: no PIN asked
    assert done.returncode == 1 and done.stdout == ""
    assert "Cannot read the file roster.xlsx" in done.stderr
    assert not (tmp_path / "roster.errors.xlsx").exists()
    assert sorted(p.name for p in station_dir.iterdir()) == before
    missing_sheet = rosters.write_xlsx(tmp_path / "ok.xlsx", [rosters.person(1)])
    done = run("import", "families", str(missing_sheet), "--sheet", "Sheet9", "--data-dir",
               str(station_dir), lang="zh", pin=None)
    assert done.returncode == 1 and "没有名为“Sheet9”的工作表" in done.stderr


def test_members_counted_in_json_and_printed(station_dir: Path, tmp_path: Path) -> None:
    rows = [rosters.person(301), rosters.member(301, 1, "配偶"), rosters.member(301, 2, "儿子"),
            rosters.member(301, 3, "外星人")]
    path = rosters.write_csv(tmp_path / "户主.csv", rows, encoding="gb18030",
                             header=rosters.WITH_MEMBERS)
    done = run("import", "families", str(path), "--json", "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["added"], out["members"], out["errors"], out["rows"]) == (1, 2, 1, 4)
    (problem,) = out["problems"]
    assert problem["member"] is True and problem["row"] == 5
    assert problem["reasons"][0].startswith("与户主关系: '外星人' is not a known relation")
    # A file of members naming their heads, given with --members; then the same again.
    members = [rosters.as_member_sheet(301, rosters.member(301, 4, "女儿")),
               rosters.as_member_sheet(301, rosters.member(301, 1, "配偶"))]
    linked = rosters.write_book(tmp_path / "成员.xlsx",
                                {"家庭成员": (rosters.MEMBER_SHEET, members)})
    done = run("import", "families", str(path), "--members", str(linked), "--data-dir",
               str(station_dir), lang="zh")
    assert done.returncode == 0, done.stderr
    assert "新增 0" in done.stdout and "家庭成员新增 1、补全 0" in done.stdout
    done = run("import", "families", str(path), "--members", str(linked), "--data-dir",
               str(station_dir))
    assert "0 members added, 0 members updated" in done.stdout
