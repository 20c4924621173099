"""GB/T 2260 region codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import regions
from helpdesk.domain.errors import Invalid


def assert_invalid(err: Invalid, code: str) -> None:
    """The rule said which problem it found, in both languages, and left the field to callers."""
    problem = err.problem
    assert problem.code == code
    assert problem.zh.strip() and problem.en.strip()
    assert problem.field == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("330106", "330106"),
        (" 110101 ", "110101"),
        ("３３０１０６", "330106"),
        ("110000", "110000"),  # a province-level scope
        ("330100", "330100"),  # a city-level scope
        ("429004", "429004"),  # a county directly under the province (prefecture 90)
        ("820000", "820000"),
    ],
)
def test_valid_codes_are_normalised(text: str, expected: str) -> None:
    assert regions.validate(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "33010",
        "3301060",
        "33o106",
        "33-106",
        "٣٣٠١٠٦",  # Arabic-Indic digits are digits to str.isdigit, not to us
        "000000",  # no province 00
        "990101",
        "160101",
        "830000",
        "330001",  # county part under a 00 prefecture does not exist
        "110099",
    ],
)
def test_bad_codes_are_refused(text: str) -> None:
    with pytest.raises(Invalid) as exc:
        regions.validate(text)
    assert_invalid(exc.value, "region")


@given(
    province=st.sampled_from(sorted(regions.PROVINCES)),
    prefecture=st.integers(1, 99),
    county=st.integers(0, 99),
)
def test_every_code_under_a_province_is_accepted(
    province: str, prefecture: int, county: int
) -> None:
    code = f"{province}{prefecture:02d}{county:02d}"
    assert regions.validate(code) == code


def test_provinces_are_the_gbt2260_list() -> None:
    expected = {
        *map(str, range(11, 16)),
        *map(str, range(21, 24)),
        *map(str, range(31, 38)),
        *map(str, range(41, 47)),
        *map(str, range(50, 55)),
        *map(str, range(61, 66)),
        "71",
        "81",
        "82",
    }
    assert set(regions.PROVINCES) == expected
    for zh, en in regions.PROVINCES.values():
        assert zh and en


def test_province_of_reads_the_first_two_digits() -> None:
    assert regions.province_of("330106") == ("浙江省", "Zhejiang")
    assert regions.province_of("11010519491231002X") == ("北京市", "Beijing")
    assert regions.province_of("３３") == ("浙江省", "Zhejiang")


@pytest.mark.parametrize("text", ["", "9", "990101", "ab"])
def test_province_of_refuses_unknown_provinces(text: str) -> None:
    with pytest.raises(Invalid) as exc:
        regions.province_of(text)
    assert_invalid(exc.value, "region")
