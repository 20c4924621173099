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
        ("330100", "330100"),  # a city-level scope
        ("429004", "429004"),  # a county directly under the province (prefecture 90)
        ("441900", "441900"),  # a city with no counties (东莞市)
        ("820000", "820000"),  # a province with nothing below it in the list
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
        "110000",  # a whole province with districts: pick one of them
        "420000",
        "420199",  # the right shape, the right city, no such district
        "洪山区",  # a name typed and not picked
    ],
)
def test_bad_codes_are_refused(text: str) -> None:
    with pytest.raises(Invalid) as exc:
        regions.validate(text)
    assert_invalid(exc.value, "region")


def test_every_county_and_city_of_the_list_is_accepted() -> None:
    codes = regions.counties_of("")
    assert len(codes) > 2800  # about 2,850 county-level divisions
    for code in codes:
        assert regions.validate(code) == code
    for province in regions.children():
        for city in regions.children(province.code):
            assert regions.validate(city.code) == city.code


@given(code=st.integers(0, 999_999).map(lambda n: f"{n:06d}"))
def test_a_code_is_accepted_only_when_the_list_has_it(code: str) -> None:
    region = regions.get(code)
    if region is None or (region.level == "province" and not region.leaf):
        with pytest.raises(Invalid) as exc:
            regions.validate(code)
        assert_invalid(exc.value, "region")
    else:
        assert regions.validate(code) == code


def test_the_refusal_names_no_other_province() -> None:
    """A Hubei station is not told about Zhejiang: the messages are neutral."""
    for text in ("33010", "999999", "420199", "420000"):
        with pytest.raises(Invalid) as exc:
            regions.validate(text)
        for province, _ in regions.PROVINCES.values():
            if province != "湖北省":
                assert province not in exc.value.problem.zh
        assert "Zhejiang" not in exc.value.problem.en


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("420111", "湖北省 武汉市 洪山区"),
        ("420102", "湖北省 武汉市 江岸区"),
        ("110101", "北京市 东城区"),  # a municipality: no city level
        ("429004", "湖北省 仙桃市"),  # a county-level city under the province
        ("441900", "广东省 东莞市"),
        ("820000", "澳门特别行政区"),
        (" ４２０１１１ ", "湖北省 武汉市 洪山区"),
    ],
)
def test_full_names(code: str, names: str) -> None:
    assert regions.full_name(code) == names
    assert regions.display(code) == names


def test_unknown_code_has_no_name() -> None:
    with pytest.raises(Invalid) as exc:
        regions.full_name("420199")
    assert_invalid(exc.value, "region")
    assert regions.get("420199") is None
    assert regions.display("420199") == "420199"  # shown as stored


def test_drill_down_province_city_county() -> None:
    provinces = regions.children()
    assert len(provinces) == 34
    hubei = next(p for p in provinces if p.name == "湖北省")
    assert hubei.code == "420000" and hubei.level == "province"
    cities = {c.name: c for c in regions.children(hubei.code)}
    assert cities["武汉市"].code == "420100"
    assert "仙桃市" in cities  # counties under the province sit beside its cities
    wuhan = {c.name: c.code for c in regions.children("420100")}
    assert wuhan["洪山区"] == "420111"
    assert len(wuhan) == 13


def test_counties_of_a_prefix() -> None:
    wuhan = regions.counties_of("4201")
    assert "420111" in wuhan and "420102" in wuhan and len(wuhan) == 13
    assert all(c.startswith("4201") for c in wuhan)
    assert "420100" not in wuhan  # the city itself is not a county
    assert regions.counties_of("99") == ()


@pytest.mark.parametrize("typed", ["洪山", "洪山区", "hongshan", "Hong Shan", "hóngshān", "hsq"])
def test_search_by_name_pinyin_and_initials(typed: str) -> None:
    found = regions.search(typed, near="420111")
    assert "420111" in found
    if typed != "hsq":
        assert found[0] == "420111"


def test_search_puts_the_station_province_first() -> None:
    far = regions.search("hongshan")
    near = regions.search("hongshan", near="150000")
    assert set(far) == set(near) and near[0] == "150402"  # 内蒙古 赤峰市 红山区


def test_search_by_city_pinyin_and_by_code() -> None:
    assert set(regions.counties_of("4201")) <= set(regions.search("wuhan", limit=50))
    assert regions.search("420111") == ["420111"]
    assert regions.search("") == [] and regions.search("？？") == []
    assert regions.search("xyzq") == []


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
