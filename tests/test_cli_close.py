"""`helpdesk close-day`, `closes`, `reopen-day` and `close-slip` as a user runs them: real
processes on a real station folder; the slip is read back with pdftotext."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpdesk.services.demo import VOLUNTEERS

WITNESS, WITNESS_PIN = VOLUNTEERS[0]


def run(*args: str, pin: str = "123456", witness_pin: str | None = WITNESS_PIN,
        lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HELPDESK_LANG=lang, HELPDESK_PIN=pin)
    env.pop("HELPDESK_WITNESS_PIN", None)
    if witness_pin is not None:
        env["HELPDESK_WITNESS_PIN"] = witness_pin
    env.pop("QT_QPA_PLATFORM", None)  # close-slip chooses offscreen itself
    return subprocess.run([sys.executable, "-m", "helpdesk", *args], capture_output=True,
                          text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("close-cli") / "station"
    done = run("demo-data", "--families", "5", "--aid", "0", "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    return folder


def test_close_list_reopen_and_slip(station_dir: Path, tmp_path: Path) -> None:
    where = ("--data-dir", str(station_dir))
    close = ("close-day", "--counted", "999.50", "--float", "1000", "--witness", WITNESS,
             "--json", *where)
    refused = run(*close)
    assert refused.returncode == 1 and "reason" in refused.stderr
    assert "write the reason" in refused.stderr and "Traceback" not in refused.stderr
    no_pin = run(*close, "--reason", "少了五角", witness_pin=None)
    assert no_pin.returncode == 1 and "HELPDESK_WITNESS_PIN" in no_pin.stderr
    done = run(*close, "--reason", "少了五角")
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert (made["expected_fen"], made["counted_fen"], made["difference_fen"]) == (
        100_000, 99_950, -50)
    again = run(*close, "--reason", "少了五角", lang="zh")
    assert again.returncode == 1 and "已经日结" in again.stderr

    listed = json.loads(run("closes", "--json", *where).stdout)
    assert [(c["day"], c["expected_fen"], c["counted_fen"], c["difference_fen"])
            for c in listed] == [(made["day"], 100_000, 99_950, -50)]

    slip = tmp_path / "slip.pdf"
    saved = run("close-slip", "-o", str(slip), "--format", "a4", "--lang", "zh+en", *where)
    assert saved.returncode == 0, saved.stderr
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext: run bash .ci/setup-debian.sh")
    text = subprocess.run(["pdftotext", "-layout", str(slip), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    for expected in ("现金日结单", "Cash day close", made["day"], "¥1,000.00", "¥999.50",
                     "-¥0.50", "少了五角", "监盘人", WITNESS):
        assert expected in text, expected

    by_volunteer = run("reopen-day", made["day"], "--reason", "再发一笔", "--user", WITNESS,
                       *where, pin=WITNESS_PIN)
    assert by_volunteer.returncode == 1 and "Only a station head" in by_volunteer.stderr
    reopened = run("reopen-day", made["day"], "--reason", "补录漏记的发放", *where)
    assert reopened.returncode == 0, reopened.stderr
    assert json.loads(run("closes", "--json", *where).stdout)[0]["reopened"] is True
    closed_again = run("close-day", "--counted", "999.50", "--float", "1000", "--witness",
                       WITNESS, "--reason", "少了五角", *where)
    assert closed_again.returncode == 0, closed_again.stderr
    assert "expected ¥1,000.00, counted ¥999.50, difference -¥0.50" in closed_again.stdout
