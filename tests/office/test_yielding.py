"""A ledger export steps aside while the machine is busy (office.yielding): it pauses while
some task waits for a CPU, resumes when none does, never pauses more than its share, and
never pauses where the kernel gives no pressure figures."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from helpdesk.server.office import yielding


class Told:
    """Pressure figures given in turn (the last one repeated)."""

    def __init__(self, *shares: float | None) -> None:
        self.shares = list(shares)

    def share(self) -> float | None:
        return self.shares.pop(0) if len(self.shares) > 1 else self.shares[0]


@pytest.fixture(autouse=True)
def _short(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yielding, "STEP", 0.01)
    monkeypatch.setattr(yielding, "PAUSE", 0.02)


def _slow(count: int) -> Iterator[int]:
    for n in range(count):
        time.sleep(0.005)
        yield n


def test_no_pause_where_nothing_waits_or_the_kernel_says_nothing() -> None:
    for told in (Told(0.0), Told(None)):
        pauses: list[float] = []
        assert list(yielding.yielding(_slow(40), told, pauses.append)) == list(range(40))
        assert pauses == []


def test_it_pauses_while_busy_and_goes_on_when_it_is_not() -> None:
    pauses: list[float] = []
    told = Told(0.9, 0.8, 0.7, 0.1, 0.0)  # busy over the work and two pauses, then free

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        time.sleep(seconds)

    assert list(yielding.yielding(_slow(60), told, pause)) == list(range(60))
    assert len(pauses) == 3


def test_a_machine_always_busy_still_gets_its_export() -> None:
    slept = 0.0

    def pause(seconds: float) -> None:
        nonlocal slept
        slept += seconds
        time.sleep(seconds)

    began = time.monotonic()
    assert list(yielding.yielding(_slow(40), Told(1.0), pause)) == list(range(40))
    took = time.monotonic() - began
    assert slept > 0.5 * took  # it did step aside ...
    assert slept <= yielding.MOST_PAUSED * took + yielding.PAUSE  # ... but not for ever


@pytest.mark.skipif(not yielding.PRESSURE.exists(), reason="no pressure figures here")
def test_the_kernels_figures_read_as_a_share_of_time() -> None:
    pressure = yielding.Pressure()
    time.sleep(0.1)
    share = pressure.share()
    assert share is not None and 0 <= share <= 1.5
