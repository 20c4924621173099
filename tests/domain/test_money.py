"""Money in fen: parsing, formatting, and amounts in Chinese capitals."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from helpdesk.domain import money
from helpdesk.domain.errors import Invalid
from helpdesk.domain.money import MAX_FEN


def assert_invalid(err: Invalid) -> None:
    """The rule said what is wrong, in both languages, and left the field to callers."""
    problem = err.problem
    assert problem.code == "money"
    assert problem.zh.strip() and problem.en.strip()
    assert problem.field == ""


# ---------------------------------------------------------------- parse_fen


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("0", 0),
        ("500", 50000),
        ("500.5", 50050),
        ("500.50", 50050),
        ("500.05", 50005),
        ("0.01", 1),
        ("0500", 50000),
        ("¥1,200.00", 120000),
        ("¥ 1,200.00", 120000),
        ("￥1200", 120000),
        ("1200元", 120000),
        ("1,200", 120000),
        ("12,345,678.9", 1234567890),
        (" 12.3 元 ", 1230),
        ("１２００", 120000),
        ("１，２００．５０", 120050),
        ("￥１２００元", 120000),
        ("500。5", 50050),  # the IME's full stop where a decimal point was meant
        ("\u3000500\u3000", 50000),
        ("99,999,999.99", MAX_FEN),
        ("0000000000099999999.99", MAX_FEN),
        (500, 50000),
        (0, 0),
    ],
)
def test_parse_fen_reads_what_volunteers_type(text: str | int, fen: int) -> None:
    assert money.parse_fen(text) == fen


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("", "500"),
        ("   ", "500"),
        ("元", "500"),
        ("¥", "500"),
        ("-5", "负"),
        ("-¥5", "负"),
        ("¥-5", "负"),
        ("−5", "负"),  # U+2212 minus sign
        ("－５", "负"),
        (-5, "负"),
        ("1.234", "两位小数"),
        ("0.001", "两位小数"),
        ("1,20", "逗号"),
        ("12,00.00", "逗号"),
        ("1,2345", "逗号"),
        ("1234,567", "逗号"),
        (",100", "逗号"),
        ("1,,200", "逗号"),
        ("100,", "逗号"),
        ("abc", "数字"),
        ("5OO", "数字"),
        ("1e3", "数字"),
        ("500.", "数字"),
        (".5", "数字"),
        ("1.2.3", "数字"),
        ("1 200", "数字"),
        ("五百", "数字"),
        ("٥٠٠", "数字"),  # Arabic-Indic digits
        ("+500", "数字"),
        ("NaN", "数字"),
        ("100,000,000", "太大"),
        ("100000000", "太大"),
        ("99999999.999", "两位小数"),
        ("1" * 5000, "太大"),
        (100_000_000, "太大"),
        (True, "500"),
    ],
)
def test_parse_fen_refuses_bad_amounts(text: str | int, hint: str) -> None:
    with pytest.raises(Invalid) as exc:
        money.parse_fen(text)
    assert_invalid(exc.value)
    assert hint in exc.value.problem.zh


@given(st.integers(0, MAX_FEN))
@example(0)
@example(1)
@example(MAX_FEN)
def test_parse_and_format_round_trip(fen: int) -> None:
    assert money.parse_fen(money.format_fen(fen)) == fen
    assert money.parse_fen(money.format_fen(fen, symbol=True)) == fen
    plain = money.format_fen(fen).replace(",", "")
    assert money.parse_fen(plain) == fen
    assert money.parse_fen(plain + "元") == fen


@given(st.integers(0, MAX_FEN // 100))
def test_whole_yuan_as_int_and_as_text_agree(yuan: int) -> None:
    assert money.parse_fen(yuan) == money.parse_fen(str(yuan)) == yuan * 100


def test_above_max_is_refused_even_by_one_fen() -> None:
    with pytest.raises(Invalid) as exc:
        money.parse_fen(money.format_fen(MAX_FEN + 1))
    assert_invalid(exc.value)


# ---------------------------------------------------------------- format_fen


@pytest.mark.parametrize(
    ("fen", "plain", "with_symbol"),
    [
        (0, "0.00", "¥0.00"),
        (5, "0.05", "¥0.05"),
        (50, "0.50", "¥0.50"),
        (120000, "1,200.00", "¥1,200.00"),
        (123456789, "1,234,567.89", "¥1,234,567.89"),
        (MAX_FEN, "99,999,999.99", "¥99,999,999.99"),
        (-305, "-3.05", "-¥3.05"),
        (-120000, "-1,200.00", "-¥1,200.00"),
    ],
)
def test_format_fen(fen: int, plain: str, with_symbol: str) -> None:
    assert money.format_fen(fen) == plain
    assert money.format_fen(fen, symbol=True) == with_symbol


# ---------------------------------------------------------------- capitals

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def read_capitals(words: str) -> int:
    """Read an amount in capitals back to fen; test-only, written apart from the code."""
    if words == "零元整":
        return 0
    body = words.removesuffix("整")
    yuan_part, _, small = body.rpartition("元") if "元" in body else ("", "", body)
    total = section = digit = 0
    for char in yuan_part:
        if char in _DIGITS:
            digit = _DIGITS.index(char)
        elif char in _UNITS:
            assert digit, f"{char} without its digit in {words}"  # 壹拾, never a bare 拾
            section += digit * _UNITS[char]
            digit = 0
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        else:
            raise AssertionError(f"unexpected {char!r} in {words}")
    fen = (total + section + digit) * 100
    match = re.fullmatch(
        r"零?(?:(?P<jiao>[壹贰叁肆伍陆柒捌玖])角)?(?:(?P<fen>[壹贰叁肆伍陆柒捌玖])分)?", small
    )
    assert match, f"bad 角/分 part {small!r} in {words}"
    if match["jiao"]:
        fen += _DIGITS.index(match["jiao"]) * 10
    if match["fen"]:
        fen += _DIGITS.index(match["fen"])
    return fen


def expected_zeros(fen: int) -> int:
    """How many 零 the chosen rule writes, counted from the digits alone."""
    yuan, rest = divmod(fen, 100)
    digits = str(yuan) if yuan else ""
    count = 0
    # Runs of zeros between non-zero digits, except one ending on the 万 digit before 仟.
    for run in re.finditer(r"(?<=[1-9])0+(?=[1-9])", digits):
        if len(digits) - run.end() != 4:
            count += 1
    if yuan and rest and (yuan % 10 == 0 or rest < 10):
        count += 1
    return count


# 中国人民银行《正确填写票据和结算凭证的基本规定》, with the first form where it gives two.
REGULATION_EXAMPLES = [
    (140950, "壹仟肆佰零玖元伍角"),
    (600714, "陆仟零柒元壹角肆分"),
    (168032, "壹仟陆佰捌拾元零叁角贰分"),
    (10700053, "壹拾万柒仟元零伍角叁分"),
    (1640902, "壹万陆仟肆佰零玖元零贰分"),
    (32504, "叁佰贰拾伍元零肆分"),
]
OTHER_EXAMPLES = [
    (0, "零元整"),
    (1, "壹分"),
    (5, "伍分"),
    (50, "伍角"),
    (32, "叁角贰分"),
    (100, "壹元整"),
    (105, "壹元零伍分"),
    (1000, "壹拾元整"),
    (1500, "壹拾伍元整"),
    (11000, "壹佰壹拾元整"),
    (50000, "伍佰元整"),
    (50005, "伍佰元零伍分"),
    (120000, "壹仟贰佰元整"),
    (100050, "壹仟元零伍角"),
    (1000500, "壹万零伍元整"),
    (10000000, "壹拾万元整"),
    (10030000, "壹拾万零叁佰元整"),
    (100000000, "壹佰万元整"),
    (101000000, "壹佰零壹万元整"),
    (1000000000, "壹仟万元整"),
    (1000000100, "壹仟万零壹元整"),
    (1000100000, "壹仟万壹仟元整"),
    (1010101010, "壹仟零壹拾万壹仟零壹拾元零壹角"),
    (MAX_FEN, "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize(("fen", "words"), REGULATION_EXAMPLES + OTHER_EXAMPLES)
def test_capitals_examples(fen: int, words: str) -> None:
    assert money.capitals(fen) == words
    assert read_capitals(words) == fen  # the reader itself is right on known cases


# Random integers seldom have zeros inside; these have many.
zero_heavy = (
    st.lists(st.sampled_from("000001234567899"), min_size=1, max_size=10)
    .map(lambda chars: int("".join(chars)))
    .filter(lambda fen: 0 < fen <= MAX_FEN)
)


@given(st.one_of(st.integers(1, MAX_FEN), zero_heavy))
@example(1)
@example(MAX_FEN)
def test_capitals_read_back_to_the_same_amount(fen: int) -> None:
    words = money.capitals(fen)
    assert read_capitals(words) == fen
    assert words.endswith("整") == (fen % 100 == 0)
    assert ("元" in words) == (fen >= 100)
    assert words.count("零") == expected_zeros(fen)
    assert "零零" not in words and not words.startswith("零")
    assert re.fullmatch(r"[零壹贰叁肆伍陆柒捌玖拾佰仟万元角分整]+", words)
    # A 零 stands only before a digit, never before a unit.
    assert not re.search(r"零[^壹贰叁肆伍陆柒捌玖]", words)


@pytest.mark.parametrize("fen", [-1, -100, MAX_FEN + 1, 10**12])
def test_capitals_refuses_out_of_range(fen: int) -> None:
    with pytest.raises(Invalid) as exc:
        money.capitals(fen)
    assert_invalid(exc.value)


def test_capitals_every_zero_pattern() -> None:
    """All 2**10 ways zeros can fall among the ten digits, with non-zero digits as 7."""
    for pattern in range(1, 2**10):
        fen = int(f"{pattern:010b}".replace("1", "7"))
        words = money.capitals(fen)
        assert read_capitals(words) == fen, words
        assert words.count("零") == expected_zeros(fen), words
