"""The first pull's bulk path (DESIGN.md "Sync protocol" points 4, 5, 8): new registrations
inserted in runs give exactly the database that applying every change one by one gives,
merge winners and conflict flags included; a page applied twice is the same as once; a crash
mid-pull repeats at most one page."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import pytest
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.domain import idcard
from helpdesk.domain.changes import Change
from helpdesk.domain.common import new_id
from helpdesk.domain.families import Family, Member
from helpdesk.domain.hlc import Hlc
from helpdesk.server import accounts
from helpdesk.services import families
from helpdesk.services import session as sessions
from helpdesk.store import db as dbm
from helpdesk.store import keys, search
from helpdesk.sync import apply, wire
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN, STATION
from tests.server import support
from tests.services import helpers
from tests.sync.test_client import enroll

NOW = "2026-11-20T02:00:00.000000Z"
_seq = itertools.count(1)


@pytest.fixture
def stations(tmp_path: Path, fast_kdf: keys.KdfParams) -> Iterator[Any]:
    """`make(name)`: a new station database."""
    opened: list[sessions.Session] = []

    def make(name: str) -> sessions.Session:
        paths = pathsmod.Paths(tmp_path / name, tmp_path / f"{name}-config")
        s, _ = sessions.create_station(paths, STATION, head_name=HEAD, head_pin=PIN,
                                       kdf=fast_kdf)
        opened.append(s)
        return s

    yield make
    for s in opened:
        s.close()


def _hlc(n: int) -> str:
    return str(Hlc(1_790_000_000_000 + n, 0))


def _change(entity: Literal["family", "member"], state: dict[str, Any], *, device: str = "dev-a",
            base: str | None = None, fields: tuple[str, ...] | None = None,
            change_id: str | None = None) -> wire.PulledChange:
    n = next(_seq)
    return wire.PulledChange(server_seq=n, hlc=state["hlc"], change=Change(
        change_id=change_id or state["last_change_id"], device_id=device, epoch=1,
        device_seq=n, entity=entity, entity_id=state["id"], op="put",
        fields=fields or tuple(sorted(state)), state=state, base_change_id=base,
        hlc=state["hlc"], author="v1"))


def _family(i: int, **over: Any) -> dict[str, Any]:
    birth = date(1950, 1, 1) + timedelta(days=i)
    change_id = new_id()
    return Family.model_validate({
        "id": new_id(), "head_name": f"李{'甲乙丙丁戊己庚辛'[i % 8]}{i}"[:3],
        "id_number": idcard.make("420111", birth, i % 1000), "birth_date": birth,
        "phone": f"138{i:08d}", "address": "珞喻路 100 号", "region": "420111",
        "hukou": "rural", "employment": "rural_migrant", "reasons": ["illness"],
        "name_pinyin": "li", "name_initials": "l", "created_at": NOW, "updated_at": NOW,
        "last_change_id": change_id, "hlc": _hlc(i)}).model_dump(mode="json") | over


def _member(family_id: str, i: int) -> dict[str, Any]:
    return Member.model_validate({
        "id": new_id(), "family_id": family_id, "name": f"王{i}", "relation": "child",
        "created_at": NOW, "updated_at": NOW, "last_change_id": new_id(),
        "hlc": _hlc(i)}).model_dump(mode="json")


def _edit(state: dict[str, Any], n: int, device: str, **new: Any) -> wire.PulledChange:
    change_id = new_id()
    edited = state | new | {"last_change_id": change_id, "hlc": _hlc(10_000 + n)}
    return _change("family", edited, device=device, base=state["last_change_id"],
                   fields=tuple(sorted(new)), change_id=change_id)


def _match(family_id: str, server_seq: int, name: str) -> wire.MatchRecord:
    return wire.MatchRecord(server_seq=server_seq, family_id=family_id, station_code="B-01",
                            id_hash="", masked_id="4201**********1234", name=name,
                            name_pinyin="", name_initials="", aid={"p": 1}, hlc=_hlc(1))


def _pages() -> list[list[wire.PulledItem]]:
    """A first pull with everything the bulk path must step around."""
    states = [_family(i) for i in range(260)]
    items: list[wire.PulledItem] = [_change("family", s) for s in states[:150]]
    edited = states[3]
    items += [
        # edited concurrently on two laptops: head_name clashes (a conflict), phone and
        # address both survive; then a third edit that saw only the first
        _edit(edited, 1, "dev-b", head_name="赵一", phone="13900000001"),
        _edit(edited, 2, "dev-c", head_name="赵二", address="关山大道 1 号"),
        *[_change("member", _member(s["id"], i)) for i, s in enumerate(states[:40])],
    ]
    late = states[200]
    items += [
        _change("member", _member(late["id"], 99)),  # its family comes later: refused
        _change("member", _member(new_id(), 98)),  # no such family at all: refused
        _change("family", _family(500, head_name="")),  # does not validate: skipped
        _change("family", _family(3)),  # states[3]'s ID number again: refused
        _edit(states[160], 3, "dev-b", notes="先改后到"),  # an edit before its registration
        _match(new_id(), 900, "周一"), _match(states[5]["id"], 901, "旧"),
        _match(states[5]["id"], 902, "新"), _match(states[6]["id"], 903, "新"),
    ]
    items += [_change("family", s) for s in states[150:]]
    items += [_edit(edited, 4, "dev-d", notes="第三次修改"), _match(states[6]["id"], 800, "旧"),
              _change("member", _member(late["id"], 97))]
    page_size = 120
    return [items[k:k + page_size] for k in range(0, len(items), page_size)]


def _contents(s: sessions.Session) -> dict[str, Any]:
    db = s.db

    def rows(sql: str) -> list[tuple[Any, ...]]:
        return sorted(tuple(r) for r in db.execute(sql).fetchall())

    names = [str(r[0]) for r in db.execute("SELECT head_name FROM families")] + \
        [str(r[0]) for r in db.execute("SELECT name FROM members")]
    return {
        "families": rows("SELECT * FROM families"),
        "members": rows("SELECT * FROM members"),
        "field_versions": rows("SELECT * FROM field_versions"),
        "conflicts": rows("SELECT entity, entity_id, family_id, field, kept_value, "
                          "kept_change_id, kept_by, kept_hlc, losing_value, "
                          "losing_change_id, lost_by, losing_hlc FROM conflicts"),
        "match_records": rows("SELECT * FROM match_records"),
        "search_docs": rows("SELECT family_id, member_id FROM search_docs"),
        "found": {n: sorted(h.family_id for h in search.search(db, n, limit=1000))
                  for n in {*names, "李", "王", "赵"} if n},
        "integrity": db.execute("PRAGMA integrity_check").fetchone()[0],
    }


def _apply(s: sessions.Session, pages: list[list[wire.PulledItem]], *, bulk: bool
           ) -> list[tuple[int, int, int]]:
    counts = []
    for page in pages:
        with dbm.immediate(s.db):
            counts.append(apply.apply_all(s.db, page, bulk=bulk))
    return counts


def test_bulk_apply_equals_one_by_one_with_conflicts(stations: Any) -> None:
    bulk, single = stations("bulk"), stations("single")
    here = _change("family", _family(7, head_name="孙八"))  # a pulled one has its ID number
    for s in (bulk, single):
        _apply(s, [[here]], bulk=False)
    pages = _pages()
    counts = _apply(bulk, pages, bulk=True)
    assert counts == _apply(single, pages, bulk=False)
    once = _contents(bulk)
    assert once == _contents(single)
    assert once["integrity"] == "ok"
    # refused: ID number twice (and the member of the one refused), two members whose family
    # is not there, a state that does not validate
    assert sum(c[1] for c in counts) == 6
    assert len(once["families"]) == 1 + 260 - 1  # 孙八's ID number was pulled again
    assert [(c[3], c[4], c[8]) for c in once["conflicts"]] == [
        ("head_name", '"赵二"', '"赵一"')]  # the later edit wins, the loser is flagged
    edited = bulk.db.execute("SELECT head_name, phone, address, notes FROM families "
                             "WHERE head_name IN ('赵一', '赵二')").fetchall()
    assert edited == [(edited[0][0], "13900000001", "关山大道 1 号", "第三次修改")]
    assert [r[4] for r in once["match_records"] if r[4] in ("旧", "新")] == ["新", "新"]

    twice = stations("twice")  # every page applied again at once (a repeated page)
    _apply(twice, [[here]], bulk=False)
    for page in pages:
        _apply(twice, [page, page], bulk=True)
    assert _contents(twice) == once


def test_a_pulled_family_with_a_local_id_number_is_refused_not_replaced(
        stations: Any) -> None:
    for bulk in (True, False):
        s = stations(f"dup-{bulk}")
        local = helpers.register(s)
        pulled = _family(1, id_number=local.id_number)
        with dbm.immediate(s.db):
            assert apply.apply_all(s.db, [_change("family", pulled)], bulk=bulk) == (0, 1, 0)
        assert [r[0] for r in s.db.execute("SELECT id FROM families")] == [local.id]
        assert [h.family_id for h in search.search(s.db, local.head_name)] == [local.id]


@pytest.fixture
def new_laptop(tmp_path: Path, fast_kdf: keys.KdfParams, client: support.Client,
               engine: Engine) -> Iterator[tuple[sessions.Session, int]]:
    """A station whose first laptop registered families and pushed them, and a new laptop of
    it enrolled with a fresh code; yields the new laptop and the number of families."""
    first, _ = sessions.create_station(pathsmod.Paths(tmp_path / "one", tmp_path / "c1"),
                                       STATION, head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    enroll(first, client, engine)
    n = 24
    for i in range(n):
        family = helpers.register(first, head_name=f"周{'一二三四五六七八九十'[i % 10]}",
                                  id_number=idcard.make("420111", date(1970, 1, 1 + i), i),
                                  phone=f"138 0000 00{i:02d}")
        if i % 4 == 0:
            families.add_member(first, family.id, {"name": f"吴{i}", "relation": "child"})
    sync.push(first.db, client)
    code = str(sync.enrollment(first.db).station_code)  # type: ignore[union-attr]
    station_id = first.station.id
    first.close()
    laptop, _ = sessions.create_station(pathsmod.Paths(tmp_path / "two", tmp_path / "c2"),
                                        STATION, head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    sync.enroll(laptop.db, client, server_url="http://testserver",
                code=accounts.issue_code(engine, code), station_id=station_id,
                device=laptop.device, device_public_key=support.public_key())
    yield laptop, n
    laptop.close()


def test_a_crash_mid_pull_repeats_at_most_one_page(
        new_laptop: tuple[sessions.Session, int], client: support.Client, engine: Engine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    laptop, n = new_laptop
    monkeypatch.setattr(apply, "_INDEX_IN_BULK", 2)  # search triggers dropped in every run
    real = apply.apply_all
    calls = {"n": 0, "kept": 0}

    def crashing(db: Any, items: Any, **kw: Any) -> tuple[int, int, int]:
        calls["n"] += 1
        out = real(db, items, **kw)
        if calls["n"] == 2:
            calls["kept"] = items[-1].server_seq
        if calls["n"] == 3:
            raise KeyboardInterrupt("power cut while applying page 3")
        return out

    monkeypatch.setattr(apply, "apply_all", crashing)
    with pytest.raises(KeyboardInterrupt):
        sync.pull(laptop.db, client, limit=10)
    cursor = int(dbm.meta(laptop.db, sync.META_CURSOR) or 0)
    assert cursor == calls["kept"]  # pages 1 and 2 kept, page 3 rolled back
    assert laptop.db.execute("SELECT count(*) FROM families").fetchone()[0] <= 20
    assert laptop.db.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                             "AND name LIKE 'search_%'").fetchone()[0] == 6

    monkeypatch.setattr(apply, "apply_all", real)
    fetched: list[int] = []
    real_call = sync._call

    def counting(*args: Any, **kw: Any) -> Any:
        answer = real_call(*args, **kw)
        if isinstance(answer, wire.PullResponse):
            fetched.extend(i.server_seq for i in answer.items)
        return answer

    monkeypatch.setattr(sync, "_call", counting)
    sync.pull(laptop.db, client, limit=10)
    assert min(fetched) > cursor  # only the page that crashed is fetched again
    assert laptop.db.execute("SELECT count(*) FROM families").fetchone()[0] == n
    assert laptop.db.execute("SELECT count(*) FROM members").fetchone()[0] == n // 4
    assert {h.head_name for h in search.search(laptop.db, "周")} == {
        f"周{c}" for c in "一二三四五六七八九十"}
    assert len(search.search(laptop.db, "吴")) == n // 4
    assert laptop.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
