"""Long console work (a ledger export) that steps aside while the machine is busy.

The export process already runs in the background scheduling class, but on a machine whose
cores the stations keep busy that is not enough: its database reads run at the database's
ordinary priority, and on a virtual machine even a background process on the other core
slows the pushes (bench/load.py --office-users). So between steps, an export looks at how
much of the last moment some task on this machine waited for a CPU (Linux's pressure stall
information, /proc/pressure/cpu) and, while that is over `BUSY`, pauses. It never pauses more
than `MOST_PAUSED` of its time, so an export on a machine that is always busy still ends;
where the kernel gives no pressure figures, it never pauses.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

PRESSURE = Path("/proc/pressure/cpu")
BUSY = 0.3  # some task waited for a CPU this share of the time: the machine is busy
PAUSE = 0.25  # seconds of one pause
STEP = 0.05  # seconds of work between two looks
MOST_PAUSED = 0.95  # at most this share of an export's time is spent paused

T = TypeVar("T")


def _stalled_us() -> int | None:
    """Microseconds that some task has waited for a CPU since boot; None without PSI."""
    try:
        first = PRESSURE.read_text().split("\n", 1)[0]  # "some avg10=… total=123"
        return int(first.rsplit("total=", 1)[1])
    except (OSError, IndexError, ValueError):
        return None


class Pressure:
    """The share of time since the previous call in which some task waited for a CPU."""

    def __init__(self, read: Callable[[], int | None] = _stalled_us) -> None:
        self._read = read
        self._last = (time.monotonic(), read())

    def share(self) -> float | None:
        now, stalled = time.monotonic(), self._read()
        then, before = self._last
        self._last = (now, stalled)
        if stalled is None or before is None or now <= then:
            return None
        return (stalled - before) / 1e6 / (now - then)


def yielding(items: Iterable[T], pressure: Pressure | None = None,
             sleep: Callable[[float], None] = time.sleep) -> Iterator[T]:
    """`items`, with pauses while the machine is busy: after each `STEP` of work, while some
    task waited for a CPU `BUSY` of the time (over the work just done, then over each pause),
    pause `PAUSE` seconds, as long as the pauses stay within `MOST_PAUSED` of the time."""
    pressure = pressure or Pressure()
    began = last_look = time.monotonic()
    paused = 0.0
    for item in items:
        yield item
        if time.monotonic() - last_look < STEP:
            continue
        share = pressure.share()
        while share is not None and share >= BUSY and \
                paused + PAUSE <= MOST_PAUSED * (time.monotonic() - began + PAUSE):
            sleep(PAUSE)
            paused += PAUSE
            share = pressure.share()
        last_look = time.monotonic()
