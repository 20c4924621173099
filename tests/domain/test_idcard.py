"""GB 11643 resident ID numbers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import idcard, regions
from helpdesk.domain.errors import Invalid

TODAY = date(2025, 6, 30)
# A real published example (GB 11643's own sample number).
SAMPLE = "11010519491231002X"
# The length cannot change by replacing one character.
SINGLE_CHANGE_CODES = {"id_chars", "id_region", "id_birth_date", "id_checksum"}


def assert_invalid(err: Invalid, code: str) -> None:
    """The rule said which problem it found, in both languages, and left the field to callers."""
    problem = err.problem
    assert problem.code == code
    assert problem.zh.strip() and problem.en.strip()
    assert problem.field == ""


region_codes = st.sampled_from(regions.counties_of(""))  # the real county-level codes
valid_ids = st.builds(
    idcard.make,
    region_codes,
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.integers(0, 999),
)


def test_the_standards_sample_is_valid() -> None:
    assert idcard.validate(SAMPLE, today=TODAY) == SAMPLE
    assert idcard.check_digit(SAMPLE[:17]) == "X"
    assert idcard.birth_date(SAMPLE) == date(1949, 12, 31)
    assert idcard.sex(SAMPLE) == "F"


@pytest.mark.parametrize(
    "text",
    [
        " 11010519491231002x ",
        "110105 19491231 002X",
        "１１０１０５１９４９１２３１００２ｘ",
        "１１０１０５１９４９１２３１００２Ｘ",
        "110105\u300019491231002X",  # ideographic space
    ],
)
def test_input_is_normalised(text: str) -> None:
    assert idcard.validate(text, today=TODAY) == SAMPLE


@given(valid_ids)
def test_every_made_id_is_valid(id_number: str) -> None:
    assert idcard.validate(id_number, today=TODAY) == id_number


@given(valid_ids)
def test_every_single_character_change_is_refused(id_number: str) -> None:
    for position in range(18):
        for char in "0123456789X":
            if char == id_number[position]:
                continue
            changed = id_number[:position] + char + id_number[position + 1 :]
            with pytest.raises(Invalid) as exc:
                idcard.validate(changed, today=TODAY)
            assert exc.value.problem.code in SINGLE_CHANGE_CODES
            assert exc.value.problem.zh and exc.value.problem.en


@given(region_codes, st.dates(min_value=date(1900, 1, 1), max_value=TODAY), st.integers(0, 999))
def test_make_writes_what_it_is_given(region: str, birth: date, seq: int) -> None:
    id_number = idcard.make(region, birth, seq)
    assert id_number[:6] == region
    assert idcard.birth_date(id_number) == birth
    assert id_number[14:17] == f"{seq:03d}"
    assert idcard.sex(id_number) == ("M" if seq % 2 else "F")


def test_birth_today_is_allowed_and_tomorrow_is_not() -> None:
    assert idcard.validate(idcard.make("110101", TODAY, 1), today=TODAY)
    with pytest.raises(Invalid) as exc:
        idcard.validate(idcard.make("110101", date(2025, 7, 1), 1), today=TODAY)
    assert_invalid(exc.value, "id_birth_date")


def test_today_defaults_to_the_real_date() -> None:
    with pytest.raises(Invalid) as exc:
        idcard.validate(idcard.make("110101", date(9999, 12, 31), 1))
    assert_invalid(exc.value, "id_birth_date")


def with_check_digit(first17: str) -> str:
    return first17 + idcard.check_digit(first17)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "id_length"),
        ("   ", "id_length"),
        ("11010519491231002", "id_length"),
        ("11010519491231002XX", "id_length"),
        ("110105491231002", "id_length"),  # old 15-digit number
        ("1101051949123100-X", "id_chars"),
        ("X10105194912310021", "id_chars"),
        ("11010519491231002Y", "id_chars"),
        ("1101051949l231002X", "id_chars"),
        ("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "id_chars"),  # Arabic-Indic digits
        (with_check_digit("00010519491231002"), "id_region"),
        (with_check_digit("83010519491231002"), "id_region"),
        (with_check_digit("99010519491231002"), "id_region"),
        (with_check_digit("11010519490231002"), "id_birth_date"),  # 1949-02-31
        (with_check_digit("11010519491301002"), "id_birth_date"),  # month 13
        (with_check_digit("11010519490000002"), "id_birth_date"),
        (with_check_digit("11010518991231002"), "id_birth_date"),  # before 1900
        (with_check_digit("11010520250701002"), "id_birth_date"),  # after TODAY
        (with_check_digit("11010519000229002"), "id_birth_date"),  # 1900 is no leap year
        ("110105194912310021", "id_checksum"),
        ("110105194912310020", "id_checksum"),
    ],
)
def test_bad_ids_are_refused(text: str, code: str) -> None:
    with pytest.raises(Invalid) as exc:
        idcard.validate(text, today=TODAY)
    assert_invalid(exc.value, code)


def test_the_15_digit_message_asks_for_the_new_number() -> None:
    with pytest.raises(Invalid) as exc:
        idcard.validate("110105491231002")
    assert "18" in exc.value.problem.zh and "15" in exc.value.problem.en


@pytest.mark.parametrize(
    ("first17", "code"),
    [
        ("1101051949123100", "id_length"),
        ("110105194912310021", "id_length"),
        ("1101051949123100X", "id_chars"),
        ("11010519491231 02", "id_chars"),
    ],
)
def test_check_digit_refuses_bad_input(first17: str, code: str) -> None:
    with pytest.raises(Invalid) as exc:
        idcard.check_digit(first17)
    assert_invalid(exc.value, code)


@pytest.mark.parametrize("function", [idcard.birth_date, idcard.sex])
def test_readers_validate_first(function: Callable[[str], object]) -> None:
    with pytest.raises(Invalid) as exc:
        function("110105194912310021")
    assert_invalid(exc.value, "id_checksum")


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("110101199003071234", "110***********1234"),
        (SAMPLE, "110***********002X"),
        (" 110101 199003071234 ", "110***********1234"),
        ("E12345678", "E12**5678"),  # a passport keeps 3 + 4 too
        ("12345678", "123*5678"),
        ("1234567", "*****67"),
        ("abc", "*bc"),
        ("ab", "**"),
        ("", ""),
    ],
)
def test_mask(text: str, masked: str) -> None:
    assert idcard.mask(text) == masked


@given(valid_ids)
def test_mask_keeps_the_length_and_hides_the_middle(id_number: str) -> None:
    masked = idcard.mask(id_number)
    assert len(masked) == 18
    assert masked[:3] == id_number[:3] and masked[-4:] == id_number[-4:]
    assert set(masked[3:-4]) == {"*"}


def test_make_refuses_bad_arguments() -> None:
    with pytest.raises(Invalid) as exc:
        idcard.make("990101", date(1990, 1, 1), 1)
    assert_invalid(exc.value, "region")
    with pytest.raises(ValueError):
        idcard.make("110101", date(1990, 1, 1), 1000)
    with pytest.raises(ValueError):
        idcard.make("110101", date(1990, 1, 1), -1)
    with pytest.raises(ValueError):
        idcard.make("110101", date(999, 1, 1), 1)
