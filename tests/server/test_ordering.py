"""Ordering (DESIGN.md point 3): with many pushes committing concurrently, a puller that moves
its cursor as it goes still ends with every change, none skipped, none twice — and a
neighbouring station with the newest match record of every family.

Pushers and pullers run in threads against several app instances, each with its own engine
(as several server processes would); on PostgreSQL transactions really overlap, which is
where sequence numbers handed out before commit would let a cursor pass a late commit.
"""

from __future__ import annotations

import threading
import warnings

from sqlalchemy.engine import Engine

from helpdesk.server.app import create_app
from helpdesk.server.settings import Settings
from helpdesk.sync import wire
from tests.server import support

PUSHERS, BATCHES, BATCH = 4, 25, 8
PULLERS = 3


def _clients(db_url: str, n: int) -> list[support.Client]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    return [TestClient(create_app(Settings(db_url=db_url, migrate=False))) for _ in range(n)]


def test_concurrent_pushes_and_pulls_never_skip(client: support.Client, engine: Engine,
                                                db_url: str) -> None:
    first = support.enroll(client, engine)
    pushers = [support.second_device(client, engine, first) for _ in range(PUSHERS)]
    pullers = [support.second_device(client, engine, first) for _ in range(PULLERS - 1)]
    pullers.append(support.enroll(client, engine, name="邻站"))  # sees match records only
    clients = _clients(db_url, PUSHERS + PULLERS)
    families: list[str] = []
    records: dict[str, dict[str, int]] = {}
    done = threading.Event()
    pushed: list[str] = []
    seen: list[list[int]] = [[] for _ in pullers]
    got: list[list[str]] = [[] for _ in pullers]
    errors: list[BaseException] = []

    def push(device: support.Device, http: support.Client) -> None:
        try:
            for _ in range(BATCHES):
                family = device.family()
                batch = [family, device.aid(100, family_id=family.entity_id)]
                batch += [device.change() for _ in range(BATCH - 2)]
                sent = [*device.setup, *batch]  # the programme, before its first aid
                result = support.push(http, device, batch)
                assert {a["status"] for a in result["answers"]} == {"accepted"}
                pushed.extend(c.change_id for c in sent)
                families.append(family.entity_id)
        except BaseException as err:
            errors.append(err)

    def pull(k: int, http: support.Client) -> None:
        after, last_round = 0, False
        try:
            while True:
                finished = done.is_set()
                response = http.get(f"/v1/sync/pull?after={after}&limit=50",
                                    headers=pullers[k].auth)
                assert response.status_code == 200, response.text
                page = wire.PullResponse.model_validate(response.json())
                seen[k].extend(i.server_seq for i in page.items)
                for item in page.items:
                    if isinstance(item, wire.MatchRecord):
                        records[item.family_id] = item.aid
                    elif isinstance(item, wire.PulledChange):
                        got[k].append(item.change.change_id)
                after = page.next_after
                if last_round and not page.more:
                    return
                last_round = finished  # one more full pass after the pushers stopped
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=push, args=(d, clients[i]))
               for i, d in enumerate(pushers)]
    threads += [threading.Thread(target=pull, args=(k, clients[PUSHERS + k]))
                for k in range(PULLERS)]
    for t in threads:
        t.start()
    for t in threads[:PUSHERS]:
        t.join(timeout=300)
    done.set()
    for t in threads[PUSHERS:]:
        t.join(timeout=300)
    assert not errors, errors
    assert len(pushed) == PUSHERS * (BATCHES * BATCH + 1)  # + each station's programme
    for k in range(PULLERS):
        assert seen[k] == sorted(set(seen[k])), "server order, each item once"
    for k in range(PULLERS - 1):
        assert sorted(got[k]) == sorted(pushed), f"puller {k} missed {len(pushed) - len(got[k])}"
    # The neighbour ends with the newest record of every family: with its aid counted.
    assert got[-1] == [] and sorted(records) == sorted(families)
    assert all(aid == {"prog-1": 1} for aid in records.values())
