"""`helpdesk-server serve` runs the office console in a process of its own at a lower CPU
priority, reached through the workers' proxy: killed, it is started again while the sync API
goes on answering; it ends with the server, even a killed one; over TLS its cookies are Secure
(the browser's scheme reaches it)."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from helpdesk.server import storage as st
from helpdesk.server.office import process
from tests.sync.test_uvicorn import Server, self_signed

pytestmark = pytest.mark.slow


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _console_of(server: Server) -> int:
    assert server.proc is not None
    (found,) = [pid for pid in _children(server.proc.pid)
                if b"serve-office" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    return found


def _alive(pid: int) -> bool:
    try:
        return "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Server]:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = st.make_engine(db_url)
    st.migrate(engine)
    engine.dispose()
    running = Server(db_url, tmp_path / "server.log")
    running.start()
    yield running
    running.stop()


def test_the_console_runs_apart_at_a_lower_priority_and_comes_back_when_killed(
        served: Server) -> None:
    console = _console_of(served)
    assert os.getpriority(os.PRIO_PROCESS, console) == process.PRIORITY
    assert os.sched_getscheduler(console) == os.SCHED_IDLE
    page = httpx.get(f"{served.url}/office/login", timeout=10)
    assert page.status_code == 200 and "frame-ancestors 'none'" in \
        page.headers["content-security-policy"]
    assert len(page.headers.get_list("date")) == 1
    os.kill(console, signal.SIGKILL)
    seen = set()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert httpx.get(f"{served.url}/v1/health", timeout=10).status_code == 200
        answer = httpx.get(f"{served.url}/office/login", timeout=10)
        seen.add(answer.status_code)
        if answer.status_code == 503:
            assert "稍后" in answer.text and "in a moment" in answer.text
        if answer.status_code == 200 and _console_of(served) != console:
            break
        time.sleep(0.1)
    else:
        raise AssertionError(f"the console did not come back: {served.log.read_text()}")
    assert seen <= {200, 503}
    assert os.getpriority(os.PRIO_PROCESS, _console_of(served)) == process.PRIORITY


def test_the_console_ends_with_a_killed_server(served: Server) -> None:
    console = _console_of(served)
    served.kill()
    deadline = time.monotonic() + 15
    while _alive(console) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(console)


def test_console_cookies_are_secure_over_tls(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    tls = Server(db_url, tmp_path / "tls.log", tls=self_signed(tmp_path))
    tls.start()
    try:
        page = httpx.get(f"{tls.url}/office/login", verify=tls.verify, timeout=10)
        assert page.status_code == 200
        cookie = page.headers["set-cookie"]
        assert "Secure" in cookie and "HttpOnly" in cookie
    finally:
        tls.stop()
