"""Screenshots of the office console's pages (sign-in, overview, aid ledger, stations, a
station just added, programmes, a programme's form, cash closes, receipt check, review queue,
users) at 1366 and 390 px wide, in zh_CN and en, taken in Debian's chromium (Playwright):

    .venv/bin/python docs/make_office_screenshots.py [--out docs/screenshots]

Builds everything in a temporary folder: a server database, an admin user, two demo stations
(Wuhan and Yichang) that enroll, close some cash days (one short with its reason, one
reopened) and sync with a real `helpdesk-server serve` process, a central programme, a receipt
code of the Wuhan station's last aid, and two families another Wuhan station gave the same
programme first (the review queue's alerts). Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = {1366: 768, 390: 844}
LANGUAGES = ("zh_CN", "en")
PASSWORD = "demo password 1"
STATIONS = (("洪山区关山街道职工帮扶站", "420111", 1), ("西陵区职工帮扶站", "420502", 2))
WITNESS = ("李秀英", "246810")  # a demo volunteer (helpdesk.services.demo.VOLUNTEERS)
# Per station: (days ago, counted less expected in fen, reason, reopened afterwards)
CLOSES = {"420111": ((3, 0, "", True), (2, 0, "", False), (1, -50, "少了五角，已记录", False)),
          "420502": ((2, 0, "", False), (1, 1000, "多出十元，待查", False))}


def _run(*args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), HELPDESK_PIN="123456", HELPDESK_LANG="en",
               HELPDESK_OFFICE_PASSWORD=PASSWORD, HELPDESK_WITNESS_PIN=WITNESS[1])
    done = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          env=env, timeout=600, cwd=ROOT, stdin=subprocess.DEVNULL)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr}")
    return done.stdout


def _serve(db_url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with log.open("ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "helpdesk.server.cli", "--db", db_url,
                                 "serve", "--port", str(port), "--log-level", "warning"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit(f"the server did not start: {log.read_text()}")


def _receipt_code(data: str) -> str:
    """The signed QR text of the station's last aid, as its receipt prints it."""
    from helpdesk import paths as pathsmod
    from helpdesk.cli import DEMO_HEAD, DEMO_PIN
    from helpdesk.services import receipts, session

    opened = session.sign_in(pathsmod.resolve(data), DEMO_HEAD, DEMO_PIN)
    try:
        return receipts.payload_of(opened, receipts.find(opened, last=True))
    finally:
        opened.close()


def _given_elsewhere(url: str, db_url: str, data: str) -> None:
    """Another Wuhan station gives two of the station's families the programme the station
    gave them, before the station syncs: the station's aid raises two alerts."""
    from helpdesk import paths as pathsmod
    from helpdesk.cli import DEMO_HEAD, DEMO_PIN
    from helpdesk.server import storage as st
    from helpdesk.services import session
    from tests.server import support

    opened = session.sign_in(pathsmod.resolve(data), DEMO_HEAD, DEMO_PIN)
    try:
        given = opened.db.execute(
            "SELECT a.programme_id, min(a.amount_fen), f.id_number, f.head_name, "
            "min(a.local_date) FROM aid a JOIN families f ON f.id = a.family_id "
            "WHERE a.voided_at IS NULL AND a.kind = 'cash' AND f.id_number != '' "
            "GROUP BY f.id ORDER BY min(a.receipt_no) LIMIT 2").fetchall()
    finally:
        opened.close()
    engine = st.make_engine(db_url)
    with httpx.Client(base_url=url) as http:
        other = support.enroll(http, engine, name="洪山区珞南街道职工帮扶站")
        for n, (programme_id, amount, number, name, day) in enumerate(given):
            family = other.family(number, name=name if n == 0 else name[:1] + "某")
            support.push(http, other, [family, other.aid(
                amount, family_id=family.entity_id, programme_id=programme_id,
                day=day)])
    engine.dispose()


def _close_days(data: str, region: str) -> None:
    """Close the station's recent cash days as `helpdesk close-day` does, from what the box
    should hold (a float of the next thousand yuan above the day's cash aid, less that aid)."""
    from datetime import date, timedelta

    from helpdesk import paths as pathsmod
    from helpdesk.cli import DEMO_HEAD, DEMO_PIN
    from helpdesk.services import closes, session

    for ago, off_fen, reason, reopen in CLOSES[region]:
        day = (date.today() - timedelta(days=ago)).isoformat()
        opened = session.sign_in(pathsmod.resolve(data), DEMO_HEAD, DEMO_PIN)
        try:
            got = closes.expected(opened, day)
        finally:
            opened.close()
        float_fen = (got.cash_out_fen // 100_000 + 1) * 100_000
        counted = got.in_box_fen(float_fen) + off_fen
        _run("helpdesk", "close-day", "--date", day, "--float", str(float_fen // 100), "--counted",
             f"{counted / 100:.2f}", "--witness", WITNESS[0], "--reason", reason,
             "--data-dir", data)
        if reopen:
            _run("helpdesk", "reopen-day", day, "--reason", "补录漏记的发放", "--data-dir", data)


def build(folder: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    db_url = f"sqlite:///{folder / 'server.db'}"
    _run("helpdesk.server.cli", "--db", db_url, "user", "add", "wang.min", "--role", "admin")
    _run("helpdesk.server.cli", "--db", db_url, "user", "add", "li.na", "--role", "viewer",
         "--region", "4201")
    _run("helpdesk.server.cli", "--db", db_url, "programme", "add", "--region", "420111",
         "--code", "SWN-2027", "--name-zh", "2027 年送温暖", "--name-en", "Winter warmth 2027",
         "--kind", "cash", "--starts", "2027-01-01", "--ends", "2027-02-28",
         "--budget-fen", "20000000")
    proc, url = _serve(db_url, folder / "server.log")
    try:
        for name, region, seed in STATIONS:
            data = str(folder / f"station-{region}")
            _run("helpdesk", "demo-data", "--families", "120", "--aid", "300", "--seed",
                 str(seed), "--data-dir", data)
            added = json.loads(_run("helpdesk.server.cli", "--db", db_url, "station", "add",
                                    "--name", name, "--region", region, "--json"))
            _run("helpdesk", "enroll", "--server", url, "--code", added["code"], "--data-dir",
                 data)
            if region == "420111":
                _given_elsewhere(url, db_url, data)
            _close_days(data, region)
            _run("helpdesk", "sync", "--data-dir", data)
        return proc, url, _receipt_code(str(folder / "station-420111"))
    except BaseException:  # a failed step leaves no server running
        proc.terminate()
        proc.wait(timeout=10)
        raise


def _shot(page: Any, path: Path, made: list[Path], full_page: bool = True) -> None:
    page.screenshot(path=str(path), full_page=full_page)
    made.append(path)


def shoot(url: str, out: Path, receipt: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from tests.office import browser

    made: list[Path] = []
    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        for lang in LANGUAGES:
            for width, height in SIZES.items():
                context = chromium.new_context(viewport={"width": width, "height": height},
                                               device_scale_factor=1)
                context.add_cookies([{"name": "office_lang", "value": lang, "url": url}])
                page = context.new_page()
                page.goto(f"{url}/office/login")
                _shot(page, out / f"office-login-{lang}-{width}.png", made)
                browser.sign_in(page, url, "wang.min", PASSWORD)
                page.wait_for_selector("[data-testid=chart-by-month][data-drawn='1'] svg")
                page.wait_for_timeout(800)  # the chart's opening animation
                _shot(page, out / f"office-overview-{lang}-{width}.png", made)
                page.click("[data-testid=aid-count]")  # the ledger of every aid in force
                page.wait_for_selector("[data-testid=ledger-count]")
                # On a phone the first screen only: fifty rows as cards run to metres.
                _shot(page, out / f"office-ledger-{lang}-{width}.png", made, width > 400)
                for name in ("stations", "programmes", "closes", "users"):
                    page.goto(f"{url}/office/{name}")
                    _shot(page, out / f"office-{name}-{lang}-{width}.png", made)
                page.goto(f"{url}/office/programmes/new")
                page.fill("input[name=code]", "SWN")
                page.fill("input[name=name_zh]", "送温暖")
                page.fill("input[name=regions]", "420111")
                page.click("[data-testid=save]")  # refused: the errors beside their fields
                _shot(page, out / f"office-programme-form-{lang}-{width}.png", made)
                page.goto(f"{url}/office/receipts")
                page.fill("[data-testid=receipt-text]", receipt)
                page.click("[data-testid=check]")
                _shot(page, out / f"office-receipts-{lang}-{width}.png", made)
                page.goto(f"{url}/office/review")
                page.check("[data-testid=decision-allowed]")
                page.click("[data-testid=decide]")  # refused: the reason is required
                _shot(page, out / f"office-review-{lang}-{width}.png", made)
                context.close()
        # A station added last, so the stations pages above show the same list.
        for lang in LANGUAGES:
            for width, height in SIZES.items():
                context = chromium.new_context(viewport={"width": width, "height": height},
                                               device_scale_factor=1)
                context.add_cookies([{"name": "office_lang", "value": lang, "url": url}])
                page = context.new_page()
                browser.sign_in(page, url, "wang.min", PASSWORD)
                page.goto(f"{url}/office/stations/new")
                page.fill("input[name=name]", "洪山区珞南街道职工帮扶站")
                page.fill("input[name=region]", "420111")
                page.click("[data-testid=save]")
                _shot(page, out / f"office-station-added-{lang}-{width}.png", made)
                context.close()
        chromium.close()
    return made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="office-shots-") as tmp:
        proc, url, receipt = build(Path(tmp))
        try:
            for path in shoot(url, out, receipt):
                print(path)
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
