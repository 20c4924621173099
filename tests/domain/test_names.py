"""Names: the stored spelling, and pinyin keys with surnames read as surnames."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import names
from helpdesk.domain.errors import Invalid


@pytest.mark.parametrize(
    ("name", "syllables"),
    [
        ("曾国藩", ("zeng", "guo", "fan")),
        ("单雄信", ("shan", "xiong", "xin")),
        ("解缙", ("xie", "jin")),
        ("仇英", ("qiu", "ying")),
        ("朴槿惠", ("piao", "jin", "hui")),
        ("区文", ("ou", "wen")),
        ("查良镛", ("zha", "liang", "yong")),
        ("盖聂", ("ge", "nie")),
        ("尉迟恭", ("yu", "chi", "gong")),
        ("万俟卨", ("mo", "qi", "xie")),
        ("欧阳修", ("ou", "yang", "xiu")),
        ("司马光", ("si", "ma", "guang")),
        ("诸葛亮", ("zhu", "ge", "liang")),
        ("上官婉儿", ("shang", "guan", "wan", "er")),
        ("令狐冲", ("ling", "hu", "chong")),
        ("长孙无忌", ("zhang", "sun", "wu", "ji")),
        ("朝阳", ("chao", "yang")),  # the surname 朝 read alone, not the word 朝阳 zhaoyang
        ("张三", ("zhang", "san")),
        ("吕小女", ("lv", "xiao", "nv")),
    ],
)
def test_surnames_read_as_surnames(name: str, syllables: tuple[str, ...]) -> None:
    keys = names.pinyin_keys(name)
    assert keys.syllables == syllables
    assert keys.full == "".join(syllables)
    assert keys.initials == "".join(s[0] for s in syllables)
    assert keys.spaced == " ".join(syllables)


def test_everyday_reading_of_polyphonic_characters_outside_the_surname() -> None:
    assert names.pinyin_keys("李曾").syllables == ("li", "ceng")  # not the surname: céng


def test_two_character_name_is_not_a_compound_surname() -> None:
    assert names.pinyin_keys("尉迟").syllables == ("wei", "chi")


def test_keys_of_the_example() -> None:
    keys = names.pinyin_keys("曾国藩")
    assert (keys.full, keys.initials) == ("zengguofan", "zgf")


def test_transcribed_names_and_latin_letters() -> None:
    assert names.pinyin_keys("买买提·艾力").syllables == ("mai", "mai", "ti", "ai", "li")
    keys = names.pinyin_keys("Mary Smith")
    assert (keys.full, keys.initials) == ("marysmith", "ms")
    assert names.pinyin_keys("Müller").full == "mvller"
    assert names.pinyin_keys("张Anna").syllables == ("zhang", "anna")


@given(st.text(max_size=50))
def test_keys_are_lower_case_ascii_and_never_raise(text: str) -> None:
    keys = names.pinyin_keys(text)
    assert all(s and s.isascii() and s.isalnum() and s == s.lower() for s in keys.syllables)
    assert keys.full == "".join(keys.syllables)
    assert len(keys.initials) == len(keys.syllables)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("  张三 ", "张三"),
        ("Mary \t  Smith", "Mary Smith"),
        ("买买提・艾力", "买买提·艾力"),
        ("买买提 • 艾力", "买买提·艾力"),
        ("买买提･艾力", "买买提·艾力"),
        ("Ｍａｒｙ　Ｓｍｉｔｈ", "Mary Smith"),
        ("王" * 40, "王" * 40),
        ("李a", "李a"),
    ],
)
def test_validate_name_normalises(raw: str, stored: str) -> None:
    assert names.validate_name(raw) == stored


@pytest.mark.parametrize("bad", ["", "   ", "12345", "···", "王" * 41, "张\x00三", "张\u200b三"])
def test_validate_name_refuses(bad: str) -> None:
    with pytest.raises(Invalid) as err:
        names.validate_name(bad)
    problem = err.value.problem
    assert problem.code == "name"
    assert problem.zh and problem.en and problem.zh != problem.en


def test_too_long_says_how_long() -> None:
    with pytest.raises(Invalid) as err:
        names.validate_name("王" * 41)
    assert "41" in err.value.problem.en and "41" in err.value.problem.zh


@given(st.text(max_size=60))
def test_validate_name_is_idempotent(text: str) -> None:
    try:
        once = names.validate_name(text)
    except Invalid:
        return
    assert names.validate_name(once) == once
    assert 1 <= len(once) <= names.MAX_LENGTH
