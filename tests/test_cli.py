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
    for command in ("demo", "demo-data", "totals", "region"):
        assert command in done.stdout


def test_region_prints_the_full_name_path_without_a_station() -> None:
    done = run("region", "420111", pin=None)
    assert (done.returncode, done.stdout, done.stderr) == (0, "湖北省 武汉市 洪山区\n", "")
    assert run("region", "１１０１０１", pin=None).stdout == "北京市 东城区\n"


@pytest.mark.parametrize(("code", "lang", "said"), [
    ("420199", "en", "The region code 420199 is not in the current list"),
    ("420199", "zh", "地区代码 420199 不在现行行政区划表中"),
    ("洪山", "en", "“洪山” is no region"),
])
def test_region_of_an_unknown_code_exits_1_and_says_why(code: str, lang: str,
                                                         said: str) -> None:
    done = run("region", code, pin=None, lang=lang)
    assert done.returncode == 1 and done.stdout == ""
    assert said in done.stderr and "Traceback" not in done.stderr


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


def test_demo_honours_the_data_dir_of_the_environment(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "from-env"
    monkeypatch.setenv("HELPDESK_DATA_DIR", str(folder))
    monkeypatch.setenv("HELPDESK_DEMO_DIR", str(tmp_path / "not-here"))
    done = run("demo", "--no-window", pin=None)
    assert done.returncode == 0, done.stderr
    assert (folder / "station.db").exists() and not (tmp_path / "not-here").exists()
    assert f"Data folder: {folder}" in done.stdout and "Added volunteers: " in done.stdout
    totals = run("totals", "--json")
    assert json.loads(totals.stdout)["aid_count"] == 600, totals.stderr


# --- a station folder the command cannot use: refused, nothing deleted or written ---------------

def _copy_of(station_dir: Path, tmp_path: Path) -> Path:
    import shutil

    folder = tmp_path / "station"
    shutil.copytree(station_dir, folder, ignore=shutil.ignore_patterns("backups"))
    return folder


def test_a_database_without_its_key_file_is_refused_by_every_command(station_dir: Path,
                                                                     tmp_path: Path) -> None:
    folder = _copy_of(station_dir, tmp_path)
    (folder / "station.keys.json").rename(tmp_path / "saved.keys.json")
    before = (folder / "station.db").read_bytes()
    for args in (["totals"], ["demo-data", "--families", "1", "--aid", "0"]):
        done = run(*args, "--data-dir", str(folder))
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "station.keys.json" in done.stderr and "Nothing was changed" in done.stderr
    zh = run("totals", "--data-dir", str(folder), lang="zh_CN")
    assert "密钥文件 station.keys.json" in zh.stderr
    assert (folder / "station.db").read_bytes() == before
    assert not (folder / "station.keys.json").exists()


def test_a_key_file_without_its_database_is_refused_and_kept(station_dir: Path,
                                                             tmp_path: Path) -> None:
    folder = _copy_of(station_dir, tmp_path)
    (folder / "station.db").rename(tmp_path / "saved.db")
    before = (folder / "station.keys.json").read_bytes()
    for args in (["totals"], ["demo-data", "--families", "1", "--aid", "0"]):
        done = run(*args, "--data-dir", str(folder))
        assert done.returncode == 1 and "station.db" in done.stderr, done.stderr
    assert (folder / "station.keys.json").read_bytes() == before
    assert not (folder / "station.db").exists()


def test_an_empty_database_is_told_and_left_empty(station_dir: Path, tmp_path: Path) -> None:
    folder = _copy_of(station_dir, tmp_path)
    (folder / "station.db").write_bytes(b"")
    done = run("totals", "--data-dir", str(folder))
    assert done.returncode == 1 and "0 bytes" in done.stderr and "Traceback" not in done.stderr
    assert (folder / "station.db").stat().st_size == 0


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 32 MiB filesystem (tmpfs), where mounting is allowed (root on Linux)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)],
                          capture_output=True, timeout=30, check=False)
    if made.returncode != 0:
        pytest.skip("cannot mount a small filesystem here")
    yield mount
    subprocess.run(["umount", str(mount)], timeout=30, check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_is_told_at_open_and_mid_write(station_dir: Path, small_disk: Path) -> None:
    folder = _copy_of(station_dir, small_disk)
    totals = json.loads(run("totals", "--json", "--data-dir", str(folder)).stdout)
    filler = _fill(small_disk)
    at_open = run("totals", "--data-dir", str(folder))
    assert at_open.returncode == 1 and "Traceback" not in at_open.stderr
    assert "The disk is full: free some space; nothing was lost." in at_open.stderr
    assert "磁盘已满" in run("totals", "--data-dir", str(folder), lang="zh_CN").stderr

    with filler.open("r+b") as f:  # room to open, not to add 3000 families
        f.truncate(filler.stat().st_size - 1024 * 1024)
    mid = run("demo-data", "--families", "3000", "--aid", "0", "--data-dir", str(folder))
    assert mid.returncode == 1 and "Traceback" not in mid.stderr
    assert "The disk is full" in mid.stderr
    filler.unlink()
    after = run("totals", "--json", "--data-dir", str(folder))
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout) == totals
