"""A small chaos run (bench/chaos.py) on each server backend: real writer, sync and server
processes killed with SIGKILL at random moments, syncs through the fault-injecting proxy; after
healing, station and server agree and nothing has a gap. `make chaos` runs the large one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from bench import chaos
from tests.server.conftest import db_url

__all__ = ["db_url"]
pytestmark = pytest.mark.slow


def test_small_chaos_run_heals_to_equal_totals_without_gaps(db_url: str,
                                                            tmp_path: Path) -> None:
    figures = chaos.run(kills=18, faulty_syncs=10, db=db_url, seed=5, minutes=2,
                        families=50, folder=tmp_path)
    print("\n".join(figures.lines()))
    done = sum(figures.kills.values())
    assert figures.kills["writer"] == figures.kills["sync"] == figures.kills["server"] or \
        figures.rounds_skipped > 0
    assert done + figures.faulty_syncs + figures.rounds_skipped == 28
    assert figures.landed["writer"] >= 1 and figures.landed["server"] >= 1
    assert sum(figures.faults.values()) >= 1
    checked = figures.checked
    assert checked["aid_count"] == checked["receipts"] > 0
    assert checked["server_changes"] == checked["changes"] - 1  # all but the check's sign-in

    # The checks do fail: one change lost on the server is found.
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM changes WHERE device_id = :d AND device_seq = 2"),
                     {"d": next(iter(checked["devices"]))})
    engine.dispose()
    with pytest.raises(chaos.checks.ChaosFailure, match=r"expected 1\.\."):
        chaos.checks.server_checks(db_url, checked["devices"])
