"""Finding a family: every query form, its ranking, and that each is answered from an index."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpdesk.domain import names
from helpdesk.store import migrations, search

_ids = itertools.count(1)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite_utils.Database]:
    conn = sqlcipher3.connect(str(tmp_path / "station.db"))
    conn.execute("PRAGMA key = \"x'" + "11" * 32 + "'\"")
    database = sqlite_utils.Database(conn)
    migrations.apply(database)
    yield database
    conn.close()


def add_family(db: sqlite_utils.Database, name: str, id_number: str = "", phone: str = "",
               merged_into: str | None = None, family_id: str | None = None) -> str:
    family_id = family_id or f"f{next(_ids):04d}"
    keys = names.pinyin_keys(name)
    db.execute(
        "INSERT INTO families (id, head_name, id_kind, id_number, phone, region, hukou, "
        "employment, name_pinyin, name_initials, merged_into, created_at, updated_at, "
        "last_change_id, hlc) VALUES (?, ?, 'resident_id', ?, ?, '110101', 'urban', 'employee', "
        "?, ?, ?, '2025-01-01', '2025-01-01', 'c', 'h')",
        [family_id, name, id_number, phone, keys.spaced, keys.initials, merged_into],
    )
    return family_id


def add_member(db: sqlite_utils.Database, family_id: str, name: str, id_number: str = "") -> str:
    member_id = f"m{next(_ids):04d}"
    db.execute(
        "INSERT INTO members (id, family_id, name, relation, id_number, created_at, updated_at, "
        "last_change_id, hlc) VALUES (?, ?, ?, 'child', ?, '2025-01-01', '2025-01-01', 'c', 'h')",
        [member_id, family_id, name, id_number],
    )
    return member_id


def found(db: sqlite_utils.Database, query: str, **kw: int) -> list[tuple[str, str]]:
    return [(h.head_name, h.why) for h in search.search(db, query, **kw)]


@pytest.fixture
def people(db: sqlite_utils.Database) -> dict[str, str]:
    return {
        "张三": add_family(db, "张三", "11010119900307123X", "13800138000"),
        "张三丰": add_family(db, "张三丰", "110101199003071234", "13900139123"),
        "李张三": add_family(db, "李张三", "110101198001011236", "13700131234"),
        "曾国藩": add_family(db, "曾国藩", "110101197001011233", "13600136000"),
        "单雄信": add_family(db, "单雄信"),
        "解缙": add_family(db, "解缙"),
        "王芳": add_family(db, "王芳"),
    }


def test_empty_and_punctuation_only_queries_find_nothing(db, people) -> None:
    for query in ["", "   ", "\t", '"', "*", "-", "()", ":", "^", '"*:()-^', "、。，！", "·"]:
        assert search.search(db, query) == []


def test_chinese_one_character_finds_it_anywhere_in_the_name(db, people) -> None:
    assert found(db, "三") == [("张三", "name"), ("张三丰", "name"), ("李张三", "name")]
    assert found(db, "芳") == [("王芳", "name")]


def test_chinese_ranking_exact_then_prefix_then_contains(db, people) -> None:
    assert found(db, "张三") == [("张三", "name"), ("张三丰", "name"), ("李张三", "name")]
    assert found(db, "张") == [("张三", "name"), ("张三丰", "name"), ("李张三", "name")]
    assert found(db, "三丰") == [("张三丰", "name")]
    assert found(db, "张三丰") == [("张三丰", "name")]
    assert found(db, "丰张") == []  # characters in order, next to each other


def test_pinyin_full_prefix_and_initials(db, people) -> None:
    for query in ["zhangsan", "zhangs", "zhang san", "ZhangSan", "zhāng sān", "ZHANG"]:
        assert found(db, query)[:2] == [("张三", "pinyin"), ("张三丰", "pinyin")], query
    assert found(db, "zs") == [("张三", "pinyin"), ("张三丰", "pinyin")]
    assert found(db, "zsf") == [("张三丰", "pinyin")]
    assert found(db, "lzs") == [("李张三", "pinyin")]
    # one letter: full pinyin in alphabetical order (zeng… before zhang…)
    assert found(db, "z") == [("曾国藩", "pinyin"), ("张三", "pinyin"), ("张三丰", "pinyin")]


def test_full_pinyin_ranks_before_initials(db) -> None:
    add_family(db, "孙浩")  # sunhao: "sh" are its initials
    add_family(db, "单雄信")  # shanxiongxin: "sh" starts its full pinyin
    assert found(db, "sh") == [("单雄信", "pinyin"), ("孙浩", "pinyin")]


@pytest.mark.parametrize(
    ("query", "name"),
    [("zeng", "曾国藩"), ("zgf", "曾国藩"), ("shan", "单雄信"), ("sxx", "单雄信"),
     ("xiejin", "解缙"), ("xj", "解缙")],
)
def test_polyphonic_surnames_found_by_their_surname_reading(db, people, query, name) -> None:
    assert found(db, query) == [(name, "pinyin")]


def test_everyday_reading_of_a_surname_does_not_find_it(db, people) -> None:
    assert found(db, "ceng") == []
    assert found(db, "dan") == []


def test_id_exact_first_then_tails(db, people) -> None:
    assert found(db, "11010119900307123X") == [("张三", "id_exact")]
    assert found(db, "11010119900307123x") == [("张三", "id_exact")]
    assert found(db, "123x") == [("张三", "id_tail")]
    assert found(db, "1234") == [("张三丰", "id_tail"), ("李张三", "phone")]
    assert found(db, "34") == [("张三丰", "id_tail"), ("李张三", "phone")]


def test_phone_tail(db, people) -> None:
    assert found(db, "8000") == [("张三", "phone")]
    assert found(db, "6000") == [("曾国藩", "phone")]
    assert found(db, "138 0013 8000") == [("张三", "phone")]
    assert found(db, "138-0013-8000") == [("张三", "phone")]


def test_one_digit_waits_for_more(db, people) -> None:
    assert search.search(db, "3") == []


def test_full_width_digits_and_letters(db, people) -> None:
    assert found(db, "８０００") == [("张三", "phone")]
    assert found(db, "ｚｓｆ") == [("张三丰", "pinyin")]


def test_members_found_by_name_and_id_after_the_heads(db, people) -> None:
    add_member(db, people["曾国藩"], "张小三", "110101201001011235")
    add_member(db, people["王芳"], "刘明", "")
    assert found(db, "三") == [
        ("张三", "name"), ("张三丰", "name"), ("李张三", "name"), ("曾国藩", "member"),
    ]
    assert found(db, "小三") == [("曾国藩", "member")]
    assert found(db, "刘明") == [("王芳", "member")]
    assert found(db, "1235") == [("曾国藩", "member")]
    assert found(db, "110101201001011235") == [("曾国藩", "member")]


def test_a_family_appears_once_for_its_best_reason(db) -> None:
    fid = add_family(db, "张三", "110101199003071234")
    add_member(db, fid, "张三", "110101201001011235")
    assert found(db, "张三") == [("张三", "name")]


def test_merged_families_left_out(db, people) -> None:
    kept = people["张三"]
    add_family(db, "张三", "110101199003071234", "13800138000", merged_into=kept)
    merged = add_family(db, "王小二", merged_into=kept)
    add_member(db, merged, "王小小")
    assert found(db, "张三")[0] == ("张三", "name")
    assert [h.family_id for h in search.search(db, "张三")].count(kept) == 1
    assert found(db, "8000") == [("张三", "phone")]
    assert found(db, "王小") == []
    assert found(db, "wangxiao") == []
    db.execute("UPDATE families SET merged_into = NULL WHERE id = ?", [merged])
    assert found(db, "王小") == [("王小二", "name")]


def test_updates_and_deletes_are_reflected(db, people) -> None:
    fid = people["王芳"]
    new = names.pinyin_keys("王芬")
    db.execute(
        "UPDATE families SET head_name = '王芬', name_pinyin = ?, name_initials = ?, "
        "phone = '13511112222', id_number = '110101199001011239' WHERE id = ?",
        [new.spaced, new.initials, fid],
    )
    assert found(db, "芳") == []
    assert found(db, "芬") == [("王芬", "name")]
    assert found(db, "wangfen") == [("王芬", "pinyin")]
    assert found(db, "wangfang") == []
    assert found(db, "2222") == [("王芬", "phone")]
    assert found(db, "1239") == [("王芬", "id_tail")]
    db.execute("DELETE FROM families WHERE id = ?", [fid])
    assert found(db, "芬") == []
    assert found(db, "2222") == []
    member = add_member(db, people["解缙"], "赵钱孙")
    assert found(db, "钱孙") == [("解缙", "member")]
    db.execute("UPDATE members SET name = '赵李' WHERE id = ?", [member])
    assert found(db, "钱孙") == [] and found(db, "赵李") == [("解缙", "member")]
    db.execute("DELETE FROM members WHERE id = ?", [member])
    assert found(db, "赵李") == []


def test_update_of_other_columns_keeps_the_name_findable(db, people) -> None:
    db.execute("UPDATE families SET head_name = head_name, notes = 'x' WHERE id = ?",
               [people["王芳"]])
    assert found(db, "芳") == [("王芳", "name")]


def test_insert_or_replace_leaves_one_document(db, people) -> None:
    # REPLACE deletes without firing delete triggers (recursive_triggers is off).
    fid = people["王芳"]
    db.execute("INSERT OR REPLACE INTO families SELECT * FROM families WHERE id = ?", [fid])
    assert found(db, "芳") == [("王芳", "name")]
    assert db.execute("SELECT count(*) FROM search_docs WHERE family_id = ?",
                      [fid]).fetchone()[0] == 1


@pytest.mark.parametrize(
    "query",
    ['张"三', "张*", "张三 OR 李", "NEAR(张 三)", "head:张", "member : 张", "(张", "张)", "-张",
     "^张", "张 AND 三", "'", '""', "\\", "%", "_", "张%", "zh*", "zs OR", "{head}:x"],
)
def test_fts_syntax_characters_cannot_break_the_query(db, people, query) -> None:
    search.search(db, query)  # no exception is the point


def test_syntax_characters_are_ignored_around_real_text(db, people) -> None:
    assert found(db, '"张三"')[0] == ("张三", "name")
    assert found(db, "张*三") == [("张三", "name"), ("张三丰", "name"), ("李张三", "name")]
    assert found(db, "zhang-san")[0] == ("张三", "pinyin")


def test_limit(db) -> None:
    with db.conn:
        for i in range(30):
            given = "一二三四五六七八九十"[i % 10] + "明" * (i // 10)
            add_family(db, "张" + given, phone=f"138{i:04d}0000")
    assert len(search.search(db, "张", limit=7)) == 7
    assert len(search.search(db, "明", limit=25)) == 20
    assert len(search.search(db, "zh", limit=12)) == 12
    assert len(search.search(db, "00", limit=5)) == 5


def test_middle_dot_names(db) -> None:
    add_family(db, "买买提·艾力")
    assert found(db, "买买提・艾力") == [("买买提·艾力", "name")]
    assert found(db, "艾力") == [("买买提·艾力", "name")]
    assert found(db, "maimaiti") == [("买买提·艾力", "pinyin")]


def _plans(db: sqlite_utils.Database, query: str) -> list[str]:
    return [detail for _why, plan in search.query_plans(db, query) for detail in plan]


@pytest.mark.parametrize(
    "query",
    ["张", "张三", "张三丰", "zhangs", "zhang san", "zs", "123x", "1234", "8000",
     "11010119900307123X", "Mary", "买买提·艾力"],
)
def test_every_query_form_is_answered_from_an_index(db, people, query) -> None:
    # Big enough for the planner to care, and with statistics, as a long-used station has.
    with db.conn:  # one transaction: 600 commits would each wait for the disk
        for i in range(300):
            fid = add_family(db, f"钱{i}", f"1101011990{i:08d}", f"139{i:08d}")
            add_member(db, fid, f"孙{i}", f"1101012010{i:08d}")
    db.execute("ANALYZE")
    plans = _plans(db, query)
    assert plans, query
    for detail in plans:
        # Only the FTS table's own MATCH lookup may say SCAN; every other table is searched.
        assert not detail.startswith("SCAN") or "VIRTUAL TABLE INDEX" in detail, (query, plans)
        assert "TEMP B-TREE" not in detail, (query, plans)


def test_no_query_scans_families_or_members(db, people) -> None:
    for query in ["张", "zs", "1234", "11010119900307123X", "小三"]:
        for detail in _plans(db, query):
            assert not detail.startswith(("SCAN families", "SCAN members", "SCAN f", "SCAN d"))


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=20))
def test_any_text_is_a_safe_query(db, text: str) -> None:
    hits = search.search(db, text, limit=5)
    assert len(hits) <= 5


def test_rebuild_after_a_bulk_load_without_triggers(db, people) -> None:
    search.drop_triggers(db)
    late = add_family(db, "周八", phone="13312345678")
    add_member(db, late, "周小八")
    assert found(db, "八") == []  # no FTS document yet (the name index alone finds 周八)
    search.install_triggers(db)
    search.rebuild(db)
    assert found(db, "八") == [("周八", "name")]
    assert found(db, "小八") == [("周八", "member")]
    assert found(db, "三") == [("张三", "name"), ("张三丰", "name"), ("李张三", "name")]
    db.execute("DELETE FROM families WHERE id = ?", [late])
    assert found(db, "周八") == []
