"""Administrative division codes of GB/T 2260: six digits, province · prefecture · county."""

from __future__ import annotations

from helpdesk.domain.errors import Invalid

# Province-level divisions of GB/T 2260, keyed by the code's first two digits.
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


def validate(code: str) -> str:
    """Return the region code, normalised (trimmed, full-width digits made ASCII).

    A code is six ASCII digits whose first two are a province of `PROVINCES`. Province-level
    (`110000`) and prefecture-level (`330100`) codes are accepted, since a server's scope can be
    a whole province or city; a county part under a `00` prefecture (`330001`) does not exist in
    GB/T 2260 and is refused. Raises `Invalid` with code `region`.
    """
    norm = "".join(code.split()).translate(_FULL_WIDTH)
    if len(norm) != 6 or not norm.isascii() or not norm.isdigit():
        raise Invalid(
            "region",
            f"地区代码应为 6 位数字，现在是“{code.strip()}”：请输入县级代码，例如 330106",
            f"A region code is 6 digits, not “{code.strip()}”: type the county code, e.g. 330106",
        )
    if norm[:2] not in PROVINCES:
        raise Invalid(
            "region",
            f"地区代码 {norm} 的前两位 {norm[:2]} 不是省级代码：请核对开头两位，例如浙江为 33",
            f"The region code {norm} starts with {norm[:2]}, which is no province: "
            "check the first two digits (Zhejiang is 33)",
        )
    if norm[2:4] == "00" and norm[4:] != "00":
        raise Invalid(
            "region",
            f"地区代码 {norm} 不存在：第 3–4 位为 00 时后两位也应为 00，请核对代码",
            f"The region code {norm} does not exist: when digits 3-4 are 00 the last two "
            "are 00 too; check the code",
        )
    return norm


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
            f"“{prefix}”不是省级代码：地区代码的前两位应是省份，例如北京为 11",
            f"“{prefix}” is not a province code: a region code starts with its province, "
            "e.g. 11 for Beijing",
        ) from None
