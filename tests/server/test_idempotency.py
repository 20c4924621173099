"""Property: however a device's changes are split into batches — repeated, overlapping,
reordered, some forged — the server ends with exactly one row per change, the watermark is
the longest run answered from 1, and every answer agrees with what is stored."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as strats
from sqlalchemy.engine import Engine

from tests.server import support

N = 12


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=strats.lists(strats.lists(strats.integers(0, N - 1), min_size=1, max_size=N),
                            min_size=1, max_size=6),
       forged=strats.sets(strats.integers(0, N - 1), max_size=2))
def test_any_batching_converges(client: support.Client, engine: Engine,
                                batches: list[list[int]], forged: set[int]) -> None:
    device = support.enroll(client, engine)
    device.register()  # the aid's family and programme: device sequence 1 and 2
    support.push(client, device, [])
    changes = [device.aid(100 + i) if i % 2 else device.change() for i in range(N)]
    forgeries = {i: changes[i].model_copy(update={"author": "someone else"}) for i in forged}
    sent: set[int] = set()
    for batch in batches:
        result = support.push(client, device, [changes[i] for i in batch])
        for i, answer in zip(batch, result["answers"], strict=True):
            assert answer["status"] == ("already_had" if i in sent else "accepted")
            sent.add(i)
        run = 0
        while run in sent:
            run += 1
        assert result["watermark"] == run + 2
    for i, fake in forgeries.items():
        if i in sent:
            answer = support.push(client, device, [fake])["answers"][0]
            assert answer["status"] == "quarantined"
    rows = support.count(engine, "changes", f"WHERE device_id = '{device.device_id}'")
    assert rows == len(sent) + 2
    aid_sent = sum(1 for i in sent if i % 2)
    assert support.count(engine, "aid", f"WHERE station_code = '{device.station_code}'") == \
        aid_sent
    assert support.count(engine, "quarantine", f"WHERE device_id = '{device.device_id}'") == \
        len(forged & sent)
