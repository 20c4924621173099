"""Convergence (DESIGN.md "Sync protocol" point 5): laptops of one station edit the same family
offline and sync in every order; duplicate families are merged by a head.

Each laptop after the first is a copy of the first's folder opened with the recovery code on
another machine, so it is a new device of the station; every laptop pulls the others' changes.
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.domain.families import FamilyIn
from helpdesk.errors import NeedsApproval
from helpdesk.server import merge as server_merge
from helpdesk.server import storage as st
from helpdesk.services import aid as aidcases
from helpdesk.services import demo, families, receipts, review
from helpdesk.services import session as sessions
from helpdesk.store import keys, outbox
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN, STATION
from tests.server import support
from tests.services import helpers
from tests.sync.test_client import enroll

Laptops = list[sessions.Session]


@pytest.fixture
def make_laptops(tmp_path: Path, fast_kdf: keys.KdfParams, client: support.Client,
                 engine: Engine) -> Iterator[Any]:
    """`make(n, before_copy)`: an enrolled station on n laptops; `before_copy(first)` runs on
    the first laptop before the others are copied from it (its changes pushed first)."""
    opened: Laptops = []

    def make(n: int, before_copy: Any) -> Laptops:
        paths1 = pathsmod.Paths(tmp_path / "laptop1", tmp_path / "config1")
        first, recovery = sessions.create_station(paths1, STATION, head_name=HEAD,
                                                  head_pin=PIN, kdf=fast_kdf)
        demo.ensure_programmes(first)
        enroll(first, client, engine)
        before_copy(first)
        sync.push(first.db, client)
        first.close()
        for k in range(2, n + 1):
            paths = pathsmod.Paths(tmp_path / f"laptop{k}", tmp_path / f"config{k}")
            shutil.copytree(paths1.data_dir, paths.data_dir)
            other = sessions.sign_in_with_recovery(paths, recovery, kdf=fast_kdf)
            own_key = receipts.signing_key(other).public_key
            sync.register_device(other.db, client, device=other.device,
                                 device_public_key=base64.b64encode(own_key).decode())
            opened.append(other)
        opened.insert(0, sessions.sign_in(paths1, HEAD, PIN, kdf=fast_kdf))
        return opened

    yield make
    for s in opened:
        s.close()


def _edit(s: sessions.Session, family_id: str, **changes: Any) -> None:
    current = families.get(s, family_id)
    data = current.model_dump(include=set(FamilyIn.model_fields)) | changes
    families.update_family(s, family_id, data, base_change_id=current.last_change_id)


def _flags(s: sessions.Session) -> set[tuple[str, str, str, str]]:
    return {(r[0], r[1], r[2], r[3]) for r in s.db.execute(
        "SELECT entity_id, field, losing_change_id, kept_change_id FROM conflicts "
        "WHERE resolved_at IS NULL")}


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_three_laptops_converge_in_every_sync_order(
        make_laptops: Any, client: support.Client, engine: Engine,
        order: tuple[int, int, int]) -> None:
    box: dict[str, str] = {}

    def register(first: sessions.Session) -> None:
        box["family"] = helpers.register(first).id

    laptops = make_laptops(3, register)
    family_id = box["family"]
    # Offline: each edits its own field, and all three edit the head's name.
    _edit(laptops[0], family_id, phone="139 0000 0001", head_name="张甲")
    _edit(laptops[1], family_id, address="关山大道 1 号", head_name="张乙")
    _edit(laptops[2], family_id, notes="住院中", head_name="张丙")
    edits = [c for s in laptops for c in outbox.for_entity(s.db, "family", family_id)
             if c.base_change_id is not None]
    assert len(edits) == 3
    winner = max(edits, key=lambda c: (c.hlc, c.device_id, c.change_id))
    losers = {c.change_id for c in edits} - {winner.change_id}

    for n in order:  # each syncs once in this order, then all pull what came after them
        sync.push(laptops[n].db, client)
        sync.pull(laptops[n].db, client)
    for n in order:
        sync.pull(laptops[n].db, client)

    expected_flags = {(family_id, "head_name", loser, winner.change_id) for loser in losers}
    for s in laptops:
        family = families.get(s, family_id)
        assert (family.phone, family.address, family.notes) == (
            "13900000001", "关山大道 1 号", "住院中")  # different fields all survive
        assert family.head_name == winner.state["head_name"]
        assert family.last_change_id == winner.change_id
        assert _flags(s) == expected_flags  # the losers kept and flagged, on every laptop
        items = review.conflicts(s)
        assert {i.losing_value for i in items} == {
            c.state["head_name"] for c in edits if c.change_id in losers}
        assert {i.kept_value for i in items} == {winner.state["head_name"]}
    with st.read(engine) as conn:
        owner = _owner(conn, family_id)
        merged = server_merge.state(conn, owner, family_id)
        lost = server_merge.conflicts(conn, owner, family_id)
        name = conn.execute(st.match_records.select().where(
            st.match_records.c.family_id == family_id)).one().name
    assert merged is not None and merged["head_name"] == name == winner.state["head_name"]
    assert merged["phone"] == "13900000001" and merged["notes"] == "住院中"
    assert {(family_id, x.loser.field, x.loser.change_id, x.winner.change_id)
            for x in lost} == expected_flags


def test_an_edit_that_saw_the_conflict_settles_it_everywhere(
        make_laptops: Any, client: support.Client) -> None:
    box: dict[str, str] = {}
    laptops = make_laptops(2, lambda first: box.update(family=helpers.register(first).id))
    family_id = box["family"]
    _edit(laptops[0], family_id, head_name="张甲")
    _edit(laptops[1], family_id, head_name="张乙")
    for _ in range(2):
        for s in laptops:
            sync.push(s.db, client)
            sync.pull(s.db, client)
    flagged = [review.conflicts(s) for s in laptops]
    assert [len(f) for f in flagged] == [1, 1]
    # The head on the first laptop puts the losing value back: a normal edit that syncs.
    review.resolve_conflict(laptops[0], flagged[0][0].id, use_losing_value=True)
    for s in laptops:
        sync.push(s.db, client)
        sync.pull(s.db, client)
    names = {families.get(s, family_id).head_name for s in laptops}
    assert names == {flagged[0][0].losing_value}
    assert [review.conflicts(s) for s in laptops] == [[], []]


def test_merged_duplicates_count_as_one_family_on_every_laptop(
        make_laptops: Any, client: support.Client, engine: Engine) -> None:
    box: dict[str, Any] = {}

    def register(first: sessions.Session) -> None:
        f1 = helpers.register(first, phone="138 1234 5678")
        box["kept"] = f1.id
        box["aid1"] = aidcases.give_aid(first, helpers.cash_aid(first, f1.id, amount="300"))

    laptop1, laptop2 = make_laptops(2, register)
    kept = box["kept"]
    # The second laptop registered the same household before it saw the first's (no ID).
    dup = families.register_family(laptop2, helpers.family_data(
        id_kind="none", id_number="", birth_date=None, phone="138 1234 5678"),
        acknowledged=[kept])
    aid2 = aidcases.give_aid(laptop2, helpers.cash_aid(laptop2, dup.id, amount="200"))
    payload = receipts.payload_of(laptop2, aid2)
    for s in (laptop2, laptop1):
        sync.push(s.db, client)
        sync.pull(s.db, client)
    assert dup.id in {f.id for f in review.merge_candidates(laptop1, kept)}
    # Merge on the first laptop while the second edits the duplicate offline: they commute.
    review.merge_families(laptop1, keep_id=kept, merge_id=dup.id, reason="同一户重复登记")
    _edit(laptop2, dup.id, notes="电话核实")
    for s in (laptop1, laptop2, laptop1):
        sync.push(s.db, client)
        sync.pull(s.db, client)
    for s in (laptop1, laptop2):
        hits = families.find(s, "张三")
        assert [h.family_id for h in hits] == [kept]
        merged = families.get(s, dup.id)
        assert merged.merged_into == kept and merged.notes == "电话核实"
        history = families.family_history(s, kept)
        assert {a.id for a in history.aid} == {box["aid1"].id, aid2.id}
        assert sum(count for count, _ in history.campaign_totals.values()) == 2
        with pytest.raises(NeedsApproval) as caught:  # the cap counts both families' aid
            aidcases.give_aid(s, helpers.cash_aid(s, dup.id, amount="100"))
        assert caught.value.kind == "cap"
        assert receipts.verify(s, payload).ok  # the merged family's receipts stay valid
    # The server folds the merged family's record into the kept one.
    with st.read(engine) as conn:
        records = {r.family_id: r for r in conn.execute(st.match_records.select().where(
            st.match_records.c.family_id.in_([kept, dup.id])))}
        assert server_merge.kept_of(conn, _owner(conn, dup.id), dup.id) == kept
    assert list(json.loads(records[kept].aid).values()) == [2]
    assert (records[dup.id].aid, records[dup.id].id_hash) == ("{}", "")


def _owner(conn: object, family_id: str) -> str:
    """The station a family belongs to on the server (its rows are keyed by station)."""
    c = st.changes.c
    return str(conn.execute(  # type: ignore[attr-defined]
        sa.select(c.station_code).where(c.entity_id == family_id).limit(1)).scalar_one())
