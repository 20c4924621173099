"""Chinese mobile and landline numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import phones
from helpdesk.domain.errors import Invalid


def assert_invalid(err: Invalid) -> None:
    """The rule said what is wrong, in both languages, and left the field to callers."""
    problem = err.problem
    assert problem.code == "phone"
    assert problem.zh.strip() and problem.en.strip()
    assert problem.field == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13812345678", "13812345678"),
        (" 138 1234 5678 ", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86-13812345678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("(+86) 19912345678", "19912345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("１３８－１２３４－５６７８", "13812345678"),
        ("＋８６\u3000１３８１２３４５６７８", "13812345678"),
        ("013812345678", "13812345678"),  # the old long-distance 0 before a mobile
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(010) 1234 5678", "010-12345678"),
        ("（010）12345678", "010-12345678"),
        ("021 6123 4567", "021-61234567"),
        ("0571-87654321", "0571-87654321"),
        ("0571 8765 4321", "0571-87654321"),
        ("0571.87654321", "0571-87654321"),
        ("0571—87654321", "0571-87654321"),
        ("0739-5123456", "0739-5123456"),  # seven-digit local number
        ("0571-87654321-123", "0571-87654321-123"),
        ("0571-87654321 转 123", "0571-87654321-123"),
        ("0571-87654321转123", "0571-87654321-123"),
        ("0571-87654321 分机 8", "0571-87654321-8"),
        ("0571-87654321 ext. 123", "0571-87654321-123"),
        ("0571-87654321 x123", "0571-87654321-123"),
        ("0571-87654321#123", "0571-87654321-123"),
        ("010-1234567-89", "010-1234567-89"),
        ("0571-8765432-1", "0571-8765432-1"),  # the separators say where the extension is
        ("+86 571 87654321 123", "0571-87654321-123"),
        ("+86 10 1234 5678", "010-12345678"),
        ("+86 571 8765 4321", "0571-87654321"),
        ("0086 571 87654321", "0571-87654321"),
        ("+86 (0)571 87654321", "0571-87654321"),
    ],
)
def test_numbers_are_normalised(text: str, expected: str) -> None:
    assert phones.normalize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "87654321",  # a local number needs its area code
        "8765-4321",
        "5123456",
        "1381234567",  # ten digits
        "138123456789",
        "12812345678",  # no mobile starts 12
        "23812345678",
        "abc",
        "138-1234-567a",
        "13812345678 转 12",  # mobiles have no extension
        "13812345678-1",
        "+1 415 555 0100",  # another country
        "+44 20 7946 0958",
        "0001-2345678",
        "0131-2345678",  # area codes starting 01 are only 010
        "0571-0765432",  # a local number never starts with 0
        "0571-876543",  # six-digit local number
        "0571-876543210",  # nine-digit local number
        "0571-87654321-1234567",  # extension too long
        "0571-87654321 转",
        "１３８一２３４５６７８",  # a Chinese numeral among the digits
        "١٣٨١٢٣٤٥٦٧٨",  # Arabic-Indic digits
    ],
)
def test_bad_numbers_are_refused(text: str) -> None:
    with pytest.raises(Invalid) as exc:
        phones.normalize(text)
    assert_invalid(exc.value)


def test_a_local_number_alone_asks_for_the_area_code() -> None:
    with pytest.raises(Invalid) as exc:
        phones.normalize("87654321")
    assert "区号" in exc.value.problem.zh
    assert "area code" in exc.value.problem.en


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
landlines = st.one_of(
    st.from_regex(r"0(10|2[0-9])-[1-9][0-9]{6,7}", fullmatch=True),
    st.from_regex(r"0[3-9][0-9]{2}-[1-9][0-9]{6,7}", fullmatch=True),
)


@given(
    mobiles, st.sampled_from(["", "+86 ", "0086", "86", "+86-"]), st.sampled_from(["", " ", "-"])
)
def test_every_mobile_round_trips(number: str, prefix: str, sep: str) -> None:
    typed = prefix + sep.join([number[:3], number[3:7], number[7:]])
    assert phones.normalize(typed) == number
    assert phones.normalize(number) == number
    assert phones.digits(number) == number


@given(landlines, st.sampled_from(["", "123", "8"]))
def test_every_landline_round_trips(number: str, ext: str) -> None:
    stored = f"{number}-{ext}" if ext else number
    assert phones.normalize(stored) == stored
    assert phones.normalize(number.replace("-", "")) == number
    assert phones.digits(stored) == number.replace("-", "")


@pytest.mark.parametrize(
    ("phone", "digits"),
    [
        ("13812345678", "13812345678"),
        ("010-12345678", "01012345678"),
        ("0571-87654321-123", "057187654321"),
        ("", ""),
    ],
)
def test_digits_drops_separators_and_the_extension(phone: str, digits: str) -> None:
    assert phones.digits(phone) == digits


@given(st.text(alphabet="0123456789 -+()转x", max_size=24))
def test_normalize_is_idempotent_or_refuses(text: str) -> None:
    try:
        stored = phones.normalize(text)
    except Invalid as exc:
        assert_invalid(exc)
        return
    assert phones.normalize(stored) == stored
