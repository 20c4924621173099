"""The `helpdesk` command as a user runs it: a real process on a real station folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, pin: str | None = "123456", lang: str = "en",
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HELPDESK_LANG=lang)
    env.pop("HELPDESK_PIN", None)
    if pin is not None:
        env["HELPDESK_PIN"] = pin
    return subprocess.run([sys.executable, "-m", "helpdesk", *args], capture_output=True,
                          text=True, env=env, timeout=300, stdin=subprocess.DEVNULL, cwd=cwd)


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "station"
    done = run("demo-data", "--families", "40", "--aid", "80", "--seed", "3",
               "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    assert "Recovery code:" in done.stdout and "Added 40 families and 80 aid" in done.stdout
    return folder


def test_help_lists_the_commands() -> None:
    done = run("--help")
    assert done.returncode == 0
    for command in ("demo", "demo-data", "totals"):
        assert command in done.stdout


def test_totals_json_carries_count_and_fen_at_the_top(station_dir: Path) -> None:
    done = run("totals", "--json", "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    totals = json.loads(done.stdout)
    assert totals["aid_count"] == 80
    assert totals["total_fen"] == sum(r["total_fen"] for r in totals["by_programme_month"])
    assert all(isinstance(r["total_fen"], int) for r in totals["by_programme_month"])


def test_totals_table_in_chinese(station_dir: Path) -> None:
    done = run("totals", "--data-dir", str(station_dir), lang="zh")
    assert done.returncode == 0, done.stderr
    assert "合计" in done.stdout and "80" in done.stdout


def test_demo_data_adds_to_an_existing_station(station_dir: Path) -> None:
    done = run("demo-data", "--families", "5", "--aid", "0", "--data-dir", str(station_dir))
    assert done.returncode == 0, done.stderr
    assert "Recovery code" not in done.stdout


def test_wrong_pin_says_so_and_exits_1(station_dir: Path) -> None:
    done = run("totals", "--data-dir", str(station_dir), pin="999999")
    assert done.returncode == 1
    assert "PIN" in done.stderr and "Traceback" not in done.stderr


def test_no_pin_without_a_terminal_says_how_to_give_one(station_dir: Path) -> None:
    done = run("totals", "--data-dir", str(station_dir), pin=None)
    assert done.returncode == 1
    assert "HELPDESK_PIN" in done.stderr


def test_unknown_user_and_missing_station_are_clear(station_dir: Path, tmp_path: Path) -> None:
    done = run("totals", "--user", "nobody", "--data-dir", str(station_dir))
    assert done.returncode == 1 and "nobody" in done.stderr
    done = run("totals", "--data-dir", str(tmp_path / "empty"))
    assert done.returncode == 1 and "No station" in done.stderr


def test_data_dir_from_the_environment(station_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELPDESK_DATA_DIR", str(station_dir))
    done = run("totals", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["aid_count"] >= 80


def test_demo_makes_a_demo_station_in_its_own_folder(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    done = run("demo", "--no-window", "--data-dir", str(folder), pin=None)
    assert done.returncode == 0, done.stderr
    assert "300 families" in done.stdout and (folder / "station.db").exists()
    again = run("demo", "--no-window", "--data-dir", str(folder), pin=None)
    assert again.returncode == 0, again.stderr
    assert "Recovery code" not in again.stdout
