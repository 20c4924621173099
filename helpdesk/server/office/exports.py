"""Ledger exports, run apart from the sync API.

An export of a whole region's ledger is seconds of Python (openpyxl) and of reading rows;
run in the worker process that also answers the stations' pushes, it took their threads and
Python's lock while stations waited (bench/load.py: push p99 41 ms without office users,
7.9 s with twenty of them exporting). So each server worker process hands its exports to
one process of its own, started at the first export and kept: it runs in the background
(nice 19 and the idle scheduling class: the stations' pushes come first), one export at a
time (the next waits its turn), pauses while the machine is busy (`yielding`), opens its own
database connection and writes the .xlsx to a temporary file that the page then sends in
chunks. Memory stays flat in both processes whatever the size.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from sqlalchemy.engine import Engine

from helpdesk.server import ledger, ledger_xlsx
from helpdesk.server import storage as st
from helpdesk.server.office import process, yielding

PRIORITY = 19  # the nice value of an export process: the lowest CPU priority

_ENGINES: dict[str, Engine] = {}  # in the export process: one engine per database


class ExportFailed(Exception):
    """The export process ended without writing the file (killed, out of memory)."""


def _background(parent: int) -> None:
    """The export process's start: the lowest CPU priority, in the background, ending with
    the server process that started it."""
    os.setpriority(os.PRIO_PROCESS, 0, PRIORITY)
    process.background()
    process.follow_parent(parent)


def write_ledger(db_url: str, filters: ledger.Filters, title: str, lang: str, path: str
                 ) -> tuple[int, int]:
    """In the export process: the ledger of `filters` to the .xlsx at `path`, from one
    snapshot, pausing while the machine is busy (`yielding`); (aid in force, their total in
    fen)."""
    engine = _ENGINES.get(db_url)
    if engine is None:
        engine = _ENGINES[db_url] = st.make_engine(db_url, connections=1)
    with st.read(engine) as conn:
        return ledger_xlsx.write(yielding.yielding(ledger.ledger_rows(conn, filters)), path,
                                 title, lang)


class Exporter:
    """The export process of one server worker (made at the first export, closed with the
    app): `export_ledger()` writes an export and answers its file."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                initializer=_background, initargs=(os.getpid(),))
        return self._pool

    async def export_ledger(self, filters: ledger.Filters, title: str, lang: str) -> Path:
        """The .xlsx of the ledger under `filters`, in a temporary file the caller sends and
        removes. A request that goes away meanwhile leaves no file behind."""
        handle, name = tempfile.mkstemp(prefix="helpdesk-ledger-", suffix=".xlsx")
        os.close(handle)
        path = Path(name)
        future = None
        try:
            future = self._executor().submit(write_ledger, self.db_url, filters, title, lang,
                                             name)
            await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            if future is not None:
                future.add_done_callback(lambda _done: path.unlink(missing_ok=True))
            raise
        except BrokenProcessPool as err:
            self.close()  # the next export starts a new process
            path.unlink(missing_ok=True)
            raise ExportFailed from err
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path

    def close(self) -> None:
        """Stop the export process (an export in progress is abandoned: its request has
        gone with the server)."""
        if self._pool is not None:
            running = list(getattr(self._pool, "_processes", {}).values())
            with contextlib.suppress(Exception):
                self._pool.shutdown(wait=False, cancel_futures=True)
            for child in running:
                with contextlib.suppress(Exception):
                    child.terminate()
            self._pool = None

