"""Helpers of the console's browser tests and screenshots: a real `helpdesk-server serve`
process with office users made by the real command, and Debian's chromium through Playwright
(its own browser download is not used)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse 1"


def server_cli(db_url: str, *args: str, password: str = PASSWORD
               ) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), HELPDESK_OFFICE_PASSWORD=password)
    return subprocess.run([sys.executable, "-m", "helpdesk.server.cli", "--db", db_url, *args],
                          capture_output=True, text=True, env=env, timeout=300, cwd=ROOT,
                          stdin=subprocess.DEVNULL)


def add_user(db_url: str, name: str, role: str, region: str = "") -> None:
    done = server_cli(db_url, "user", "add", name, "--role", role, "--region", region)
    assert done.returncode == 0, done.stderr


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])


def sign_in(page: Any, base: str, name: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/office/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.click("[data-testid=sign-in]")
