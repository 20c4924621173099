"""The console keeps apart from the sync API: ledger exports run in a process of their own at
the lowest CPU priority (killed, it is replaced and the page says what happened), and console
requests beyond the worker's slots wait at the gate while the sync API still answers."""

from __future__ import annotations

import io
import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from fastapi import FastAPI
from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from helpdesk.server.app import create_app
from helpdesk.server.office import exports
from helpdesk.server.settings import Settings
from tests.office.conftest import PASSWORD, client_of, ensure_user, sign_in
from tests.server import support


@pytest.fixture(scope="module")
def world(app: FastAPI, engine: Engine) -> None:
    ensure_user(engine, "admin", "admin")
    for client in client_of(app):
        station = support.enroll(client, engine, "420111", "关山街道帮扶站")
        support.push(client, station, [station.aid(120_00, day="2026-11-02")])


def _children() -> list[Any]:
    return [p for p in multiprocessing.active_children() if p.pid != os.getpid()]


def _export(client: support.Client) -> httpx.Response:
    return client.get("/office/ledger/export")


def _temporary_exports() -> set[Path]:
    import tempfile

    return set(Path(tempfile.gettempdir()).glob("helpdesk-ledger-*.xlsx"))


def test_an_export_runs_in_a_process_of_its_own_at_the_lowest_priority(
        client: support.Client, world: None) -> None:
    before = {p.pid for p in _children()}
    files = _temporary_exports()
    sign_in(client, "admin")
    answer = _export(client)
    assert answer.status_code == 200, answer.text
    sheet = list(load_workbook(io.BytesIO(answer.content)).active.iter_rows(values_only=True))
    assert sheet[-1][0] == "合计 1 笔"
    made = [p for p in _children() if p.pid not in before]
    assert len(made) == 1  # one export process for this worker, kept for the next export
    assert os.getpriority(os.PRIO_PROCESS, made[0].pid) == exports.PRIORITY
    assert os.sched_getscheduler(made[0].pid) == os.SCHED_IDLE
    assert _export(client).status_code == 200
    assert [p for p in _children() if p.pid not in before] == made
    assert _temporary_exports() == files  # each file removed once it was sent


def test_a_killed_export_process_is_named_and_replaced(client: support.Client,
                                                       world: None) -> None:
    before = {p.pid for p in _children()}
    sign_in(client, "admin")
    assert _export(client).status_code == 200
    (process,) = [p for p in _children() if p.pid not in before]
    os.kill(process.pid, signal.SIGKILL)
    process.join(10)
    stopped = _export(client)
    assert stopped.status_code == 503
    assert "导出中断" in stopped.text and "没有改动任何数据" in stopped.text
    again = _export(client)  # a new process
    assert again.status_code == 200
    assert load_workbook(io.BytesIO(again.content)).active.max_row == 4


def test_console_requests_past_the_slots_wait_while_the_sync_api_answers(
        tmp_path: Path) -> None:
    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'server.db'}", office_threads=1))
    ensure_user(app.state.engine, "admin", "admin")

    async def scenario() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            login = await http.get("/office/login")
            token = login.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            await http.post("/office/login", data={"username": "admin", "password": PASSWORD,
                                                   "csrf_token": token})
            await app.state.office_slots.acquire()  # a long console request holds the slot
            began = time.perf_counter()
            page = anyio.Event()
            answers: list[int] = []

            async def office() -> None:
                answers.append((await http.get("/office/")).status_code)
                page.set()

            async with anyio.create_task_group() as tasks:
                tasks.start_soon(office)
                health = await http.get("/v1/health")
                assert health.status_code == 200
                await anyio.sleep(0.5)
                assert not page.is_set()  # waits at the gate, not in a thread
                app.state.office_slots.release()
                with anyio.fail_after(30):
                    await page.wait()
            assert answers == [200] and time.perf_counter() - began >= 0.5

    anyio.run(scenario)
    app.state.engine.dispose()
