"""What the console's pages read, kept for a few seconds: the overview's figures, the stations,
the ledger's and the cash closes' pages, by the user's region scope and the page's filters.

An office clerk reads figures that are at most `seconds` old (each page says as of when), and
however many office users look at the same scope at once, the database answers each question
once in that time: while a thousand stations sync, the console's reads would otherwise take
the database's CPU from their pushes (bench/load.py --office-users). `seconds` is the
server's setting `office_fresh_seconds`. Only one request
computes a missing entry; the others asking for it meanwhile wait for that one
(cachetools' `condition`). Any change made through the console (a POST) empties it, so a
clerk sees their own change at once (`web.Gate`); what stations push shows within
`seconds`. With the console in the server's own workers, each worker keeps its own.

Entries are shared between users and requests: callers must not change what they get.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import Any, TypeVar

import cachetools

from helpdesk.domain.common import utcnow

ENTRIES = 256  # pages kept at most; the oldest go first

T = TypeVar("T")


class Recent:
    """A map from a page's key to what it read and when, each entry kept `seconds` (0: none
    kept, every request reads afresh)."""

    def __init__(self, seconds: float, entries: int = ENTRIES) -> None:
        self.seconds = seconds
        self._cache: cachetools.TTLCache[Hashable, tuple[Any, datetime]] = \
            cachetools.TTLCache(maxsize=entries, ttl=max(seconds, 1e-9))
        self._guard = threading.Condition()
        self._read = cachetools.cached(self._cache, key=lambda key, _read: key,
                                       lock=self._guard, condition=self._guard)(_timed)

    def get(self, key: Hashable, read: Callable[[], T]) -> tuple[T, datetime]:
        """What `read()` returned for `key` within the last `seconds`, else its answer now;
        and when it was read (UTC)."""
        if self.seconds <= 0:
            return read(), utcnow()
        found: tuple[T, datetime] = self._read(key, read)
        return found

    def clear(self) -> None:
        with self._guard:
            self._cache.clear()


def _timed(_key: Hashable, read: Callable[[], T]) -> tuple[T, datetime]:
    return read(), utcnow()
