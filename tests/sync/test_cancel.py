"""A sync cancelled between pages (issue 12, "Feedback on long work"): against a real
`helpdesk-server serve` process, stopping after the first push page and then after the first
pull page leaves a consistent station, and the next sync sends and fetches the rest exactly
once: nothing doubled, nothing lost, the totals equal everywhere."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.server import accounts, report, storage
from helpdesk.services import aid as aidcases
from helpdesk.services import demo, station_sync
from helpdesk.services import session as sessions
from helpdesk.store import db as dbm
from helpdesk.store import keys, outbox
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN, STATION
from tests.sync.test_uvicorn import Server

pytestmark = pytest.mark.slow
PAGE = 5


def _laptop(tmp_path: Path, name: str, kdf: keys.KdfParams) -> sessions.Session:
    s, _ = sessions.create_station(pathsmod.Paths(tmp_path / name, tmp_path / f"c-{name}"),
                                   STATION, head_name=HEAD, head_pin=PIN, kdf=kdf)
    return s


def _stop_at(call: int) -> tuple[list[int], sync.Stop]:
    """A stop that says so at its `call`-th question (1-based); the list counts questions."""
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) == call

    return asked, stop


def _count(s: sessions.Session, sql: str) -> int:
    return int(s.db.execute(sql).fetchone()[0])


def test_a_cancelled_sync_leaves_a_consistent_station_and_the_next_one_finishes(
        tmp_path: Path, fast_kdf: keys.KdfParams, server: Server, engine: Engine) -> None:
    # The station's first laptop registers families and gives aid, and sends it all.
    first = _laptop(tmp_path, "one", fast_kdf)
    demo.ensure_programmes(first)
    demo.add_families(first, 12, seed=5)
    demo.add_aid(first, 10, seed=5)
    station_code, code = accounts.add_station(engine, "服务器上的站名", "420111")
    station_sync.connect_server(station_sync.target(first), server.url, code)
    assert station_sync.sync_now(station_sync.target(first)).waiting == 0
    station_id = first.station.id
    first_totals = aidcases.totals(first)
    first.close()

    # A second laptop of the same station has its own work to send and the first's to fetch.
    second = _laptop(tmp_path, "two", fast_kdf)
    try:
        t = station_sync.target(second)
        t = station_sync.Target(t.database, t.key, t.device, station_id, t.device_public_key)
        station_sync.connect_server(t, server.url, accounts.issue_code(engine, station_code))
        demo.add_families(second, 8, seed=6)
        mine = outbox.pending_count(second.db)
        assert mine > 2 * PAGE

        # Stopped after the first push page: one page sent, nothing fetched.
        asked, stop = _stop_at(2)
        once = station_sync.sync_now(t, stop=stop, page_size=PAGE)
        assert once.stopped and len(asked) == 2
        assert (once.sent, once.applied, once.waiting) == (PAGE, 0, mine - PAGE)
        assert station_sync.last_sync(second) is None  # not a success
        assert second.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _count(second, "SELECT count(*) FROM changes WHERE sync_status != 'pending'") \
            == PAGE

        # Stopped after the first pull page: every push page sent, one page fetched.
        batches = -(-(mine - PAGE) // PAGE)
        asked, stop = _stop_at(batches + 1 + 2)  # each batch, the empty outbox, pull page 1
        twice = station_sync.sync_now(t, stop=stop, page_size=PAGE)
        assert twice.stopped and twice.sent == mine - PAGE and twice.waiting == 0
        assert twice.applied <= PAGE  # the first page (it may hold only our own changes)
        assert int(dbm.meta(second.db, sync.META_CURSOR) or 0) > 0
        assert second.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

        # The next sync fetches the rest, once.
        done = station_sync.sync_now(t, page_size=PAGE)
        assert not done.stopped and done.sent == 0 and done.waiting == 0
        assert station_sync.last_sync(second) is not None
        again = station_sync.sync_now(t, page_size=PAGE)
        assert (again.sent, again.applied) == (0, 0)  # nothing left, nothing twice

        families = _count(second, "SELECT count(*) FROM families")
        assert families == 12 + 8
        assert _count(second, "SELECT count(DISTINCT id) FROM families") == families
        assert aidcases.totals(second)["aid_count"] == first_totals["aid_count"]
        assert aidcases.totals(second)["total_fen"] == first_totals["total_fen"]
        with engine.connect() as conn:
            ids = [r[0] for r in conn.execute(sa.select(storage.changes.c.change_id))]
        assert len(ids) == len(set(ids))  # each change stored once on the server
        device = second.device.id
        with engine.connect() as conn:
            sent = conn.execute(sa.select(sa.func.count()).select_from(storage.changes)
                                .where(storage.changes.c.device_id == device)).scalar_one()
        assert sent == mine
        rows = [r for r in report.totals(engine)["by_station_programme_month"]
                if r["station"] == station_code]
        assert sum(r["aid_count"] for r in rows) == first_totals["aid_count"]
        assert sum(r["total_fen"] for r in rows) == first_totals["total_fen"]
    finally:
        second.close()


def test_stop_is_asked_between_pages_never_inside_one(
        tmp_path: Path, fast_kdf: keys.KdfParams, server: Server, engine: Engine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop asked for while a page is on its way lets that page finish and be recorded."""
    s = _laptop(tmp_path, "solo", fast_kdf)
    try:
        demo.add_families(s, 6, seed=7)
        _code, code = accounts.add_station(engine, "另一个站", "420111")
        t = station_sync.target(s)
        station_sync.connect_server(t, server.url, code)
        pending = outbox.pending_count(s.db)
        wanted = {"stop": False}
        real = sync._call
        calls = itertools.count(1)

        def slow_call(*args, **kw):  # type: ignore[no-untyped-def]
            answer = real(*args, **kw)
            if next(calls) == 1:
                wanted["stop"] = True  # cancel pressed while the first page was on its way
            return answer

        monkeypatch.setattr(sync, "_call", slow_call)
        outcome = station_sync.sync_now(t, stop=lambda: wanted["stop"], page_size=PAGE)
        assert outcome.stopped and outcome.sent == PAGE
        assert outbox.pending_count(s.db) == pending - PAGE
    finally:
        s.close()
