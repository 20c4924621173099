"""Hybrid logical clock: timestamps that order every change across devices, even with bad clocks.

An HLC is (wall milliseconds, counter). It never goes backwards on one device, moves past every
timestamp it has seen from the server or other devices, and stays close to real time. Its text
form sorts the same way as the clock does, so SQL can compare it as a string.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_DRIFT_MS = 5 * 60 * 1000  # DESIGN.md: the server clamps timestamps more than 5 min ahead


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int = 0

    def __str__(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:05d}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        """Read the text form; raises ValueError for anything else."""
        wall, sep, counter = text.partition("-")
        if not sep or len(wall) != 15 or len(counter) != 5 or not (wall + counter).isdigit():
            raise ValueError(f"not an HLC timestamp: {text!r}")
        return cls(int(wall), int(counter))

    def tick(self, now_ms: int) -> Hlc:
        """The next local timestamp: real time when it is ahead, else one more than the last."""
        if now_ms > self.wall_ms:
            return Hlc(now_ms, 0)
        return Hlc(self.wall_ms, self.counter + 1)

    def receive(self, remote: Hlc, now_ms: int) -> Hlc:
        """Absorb a timestamp seen from elsewhere, so later local ones order after it."""
        wall = max(self.wall_ms, remote.wall_ms, now_ms)
        if wall == self.wall_ms == remote.wall_ms:
            counter = max(self.counter, remote.counter) + 1
        elif wall == self.wall_ms:
            counter = self.counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        return Hlc(wall, counter)


ZERO = Hlc(0, 0)
