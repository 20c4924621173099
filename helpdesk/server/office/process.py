"""The console's own process, started and watched by `helpdesk-server serve`.

`serve` migrates the database, then starts `helpdesk-server serve-office` (the same app,
reached only through `proxy.OfficeProxy`) on a Unix socket in a folder only this user can
open, waits until it answers, and runs the sync API. The console's process runs in the
background (`background`: the stations' pushes come first), and ends when `serve` ends, even when
`serve` is killed (Linux's parent-death signal). If it stops on its own, it is started again
a second later; meanwhile console pages answer 503 and the sync API goes on.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PRIORITY = 10  # the console's nice value where the idle class is not to be had
START_SECONDS = 60
# Seconds the console's process keeps a worker's idle connection open; the workers' proxy lets
# its own go sooner (proxy.py), so neither sends on a connection the other is closing.
KEEP_ALIVE = 20
_PR_SET_PDEATHSIG = 1


class ConsoleProcess:
    def __init__(self, db_url: str, threads: int, office_threads: int, log_level: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="helpdesk-office-"))  # mode 0700
        self.socket = str(self.folder / "office.sock")
        self.command = [sys.executable, "-m", "helpdesk.server.cli", "--db", db_url,
                        "serve-office", "--uds", self.socket, "--parent", str(os.getpid()),
                        "--threads", str(threads), "--office-threads", str(office_threads),
                        "--log-level", log_level]
        self._proc: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="office-console",
                                         daemon=True)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> None:
        """Start the process and wait until its socket answers (SystemExit if it cannot)."""
        self._proc = self._spawn()
        self._wait_ready(self._proc)
        self._watcher.start()

    def _spawn(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(self.command, stdin=subprocess.DEVNULL)

    def _wait_ready(self, proc: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"helpdesk-server: the office console's process ended at "
                                 f"start (exit {proc.returncode}); see the messages above")
            with socket.socket(socket.AF_UNIX) as s, contextlib.suppress(OSError):
                s.connect(self.socket)
                return
            time.sleep(0.05)
        raise SystemExit("helpdesk-server: the office console's process did not start "
                         f"within {START_SECONDS} s")

    def _watch(self) -> None:
        while not self._stopping.is_set():
            proc = self._proc
            assert proc is not None
            code = proc.wait()
            if self._stopping.wait(1):
                return
            print(f"helpdesk-server: the office console's process ended (exit {code}); "
                  "starting it again", file=sys.stderr, flush=True)
            with contextlib.suppress(OSError):
                os.unlink(self.socket)
            self._proc = self._spawn()

    def stop(self) -> None:
        self._stopping.set()
        proc = self._proc
        if proc is not None and proc.poll() is None:
            # In the idle class, a process on a busy machine may wait minutes for the core
            # it needs to end: it is put back in the ordinary class first where that is
            # allowed (root, or CAP_SYS_NICE), then asked to stop, then killed.
            with contextlib.suppress(OSError, AttributeError):
                os.sched_setscheduler(proc.pid, os.SCHED_OTHER, os.sched_param(0))
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def background() -> None:
    """The calling process runs only when the sync API leaves a core free: Linux's idle
    scheduling class, where any ordinary process (a worker, the database) takes the core at
    once; nice 10 elsewhere, or where the class cannot be set. Measured against nice 10 alone
    (bench/load.py --office-users 20), it halved what twenty office users add to push p99."""
    if os.getpriority(os.PRIO_PROCESS, 0) < PRIORITY:
        os.setpriority(os.PRIO_PROCESS, 0, PRIORITY)
    if hasattr(os, "SCHED_IDLE"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))


def follow_parent(parent: int) -> None:
    """End with the parent process: SIGTERM when it dies (Linux); if it is already gone,
    end now."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        raise SystemExit(0)


def become_console(parent: int) -> None:
    """In the console's process, first: the background priority, and end with the parent
    (SIGTERM when it dies, on Linux; if it is already gone, end now)."""
    background()
    follow_parent(parent)
