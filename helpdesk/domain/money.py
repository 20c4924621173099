"""Money: always an integer number of fen (1 yuan = 100 fen), never a float.

Parsing reads what volunteers type; formatting and the Chinese capitals of receipts happen only
at the edge.
"""

from __future__ import annotations

import re

from helpdesk.domain.errors import Invalid

MAX_FEN = 9_999_999_999  # 99,999,999.99 yuan: eight digits of yuan, as receipt forms allow

# Full-width ASCII (U+FF01-U+FF5E) comes from Chinese input methods; so do the full-width yen
# sign, the ideographic space and the ideographic full stop, typed where a decimal point is meant.
_FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {
    ord("￥"): ord("¥"),
    0x3000: ord(" "),
    ord("。"): ord("."),
    ord("−"): ord("-"),
}
_AMOUNT = re.compile(r"(?P<yuan>\d+|\d{1,3}(?:,\d{3})+)(?:\.(?P<fen>\d{1,2}))?")
_NUMBERISH = re.compile(r"[\d,]+(?:\.\d+)?")

_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAPITAL_UNITS = ("", "拾", "佰", "仟")

_EXAMPLE_ZH = "例如 500 或 500.50"
_EXAMPLE_EN = "such as 500 or 500.50"


def parse_fen(text: str | int) -> int:
    """Return the amount in fen of what a volunteer typed, in yuan.

    Accepts `500`, `500.5`, `500.50`, `1,200.00`, `¥1200`, `￥1200`, `1200元`, ` 12.3 元 `,
    full-width digits and punctuation (`１２００`, `１，２００．５０`), `。` as the decimal point.
    An `int` is a whole number of yuan (`500` → 50000). Raises `Invalid` with code `money` for
    an empty, negative, malformed or too precise amount, or one above `MAX_FEN`.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        return _checked(text * 100)
    if not isinstance(text, str):
        raise _invalid(f"请输入金额，{_EXAMPLE_ZH}", f"Type an amount {_EXAMPLE_EN}")
    s = text.translate(_FULL_WIDTH).strip()
    negative = s.startswith("-")
    s = s.removeprefix("-").strip().removeprefix("¥").strip().removesuffix("元").strip()
    negative = negative or s.startswith("-")
    if not s:
        raise _invalid(f"请输入金额，{_EXAMPLE_ZH}", f"Type an amount {_EXAMPLE_EN}")
    if negative:
        raise _invalid(
            f"金额不能是负数：请去掉负号，{_EXAMPLE_ZH}",
            f"An amount cannot be negative: remove the minus sign and type one {_EXAMPLE_EN}",
        )
    match = _AMOUNT.fullmatch(s) if s.isascii() else None
    if match is None:
        raise _malformed(s)
    yuan = match["yuan"].replace(",", "").lstrip("0")
    if len(yuan) > 8:  # also keeps int() away from huge strings
        raise _too_large()
    return _checked(int(yuan or "0") * 100 + int((match["fen"] or "0").ljust(2, "0")))


def format_fen(fen: int, *, symbol: bool = False) -> str:
    """Return fen as yuan with thousands commas and two decimals: `1,200.00`, `-0.50`.

    With `symbol`, the yuan sign follows any minus sign: `¥1,200.00`, `-¥3.05`. Never raises.
    """
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{'¥' if symbol else ''}{yuan:,}.{cents:02d}"


def capitals(fen: int) -> str:
    """Return the amount in Chinese financial capitals, as written on receipts.

    Follows the PBOC's 《正确填写票据和结算凭证的基本规定》, taking the first form where it
    allows two:

    - 整 follows 元 only (`壹仟贰佰元整`); never 角 (`壹仟肆佰零玖元伍角`) or 分.
    - Inside the yuan, each run of zeros between two non-zero digits is written as one 零
      (`陆仟零柒元`, `壹万零伍元`, `壹拾万零叁佰元`), except a run that ends on the 万 digit
      before a non-zero 仟 digit, where 万 already separates them (`壹拾万柒仟元`). Trailing
      zeros are not written (`壹佰万元整`).
    - After 元, one 零 is written when the 元 digit or the 角 digit is 0 and some 角 or 分
      follows (`壹仟陆佰捌拾元零叁角贰分`, `伍佰元零伍分`).
    - 拾 always has its digit (`壹拾万`); under one yuan there is no 元 (`叁角贰分`, `伍分`);
      zero is `零元整`. The 人民币 prefix is left to the receipt layout.

    Raises `Invalid` with code `money` for a negative amount or one above `MAX_FEN`.
    """
    if fen < 0:
        raise _invalid(
            "金额不能是负数：大写金额只能写正数或零",
            "An amount in capitals cannot be negative: use zero or more",
        )
    _checked(fen)
    if fen == 0:
        return "零元整"
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    words: list[str] = []
    if yuan:
        words.append(_capital_yuan(yuan) + "元")
        if rest == 0:
            return words[0] + "整"
        if yuan % 10 == 0 or jiao == 0:
            words.append("零")
    if jiao:
        words.append(_CAPITAL_DIGITS[jiao] + "角")
    if cents:
        words.append(_CAPITAL_DIGITS[cents] + "分")
    return "".join(words)


def _capital_yuan(yuan: int) -> str:
    """1 ≤ yuan < 10**8 in capitals, without 元."""
    digits = str(yuan)
    words: list[str] = []
    zeros_before = False
    for i, char in enumerate(digits):
        place = len(digits) - 1 - i  # 0 is the 元 digit, 4 the 万 digit
        digit = int(char)
        if digit == 0:
            zeros_before = True
        else:
            if zeros_before and place != 3:
                words.append("零")
            zeros_before = False
            words.append(_CAPITAL_DIGITS[digit] + _CAPITAL_UNITS[place % 4])
        if place == 4:
            words.append("万")
    return "".join(words)


def _checked(fen: int) -> int:
    if fen < 0:
        raise _invalid(
            f"金额不能是负数：{_EXAMPLE_ZH}",
            f"An amount cannot be negative: type one {_EXAMPLE_EN}",
        )
    if fen > MAX_FEN:
        raise _too_large()
    return fen


def _malformed(s: str) -> Invalid:
    if s.isascii() and _NUMBERISH.fullmatch(s):
        if "." in s and len(s.rsplit(".", 1)[1]) > 2:
            return _invalid(
                f"金额最多两位小数（精确到分）：{_EXAMPLE_ZH}",
                f"An amount has at most two decimals (fen): type one {_EXAMPLE_EN}",
            )
        if "," in s:
            return _invalid(
                "千位分隔符位置不对：每三位数字一个逗号，例如 1,200.50，也可以不写逗号",
                "The thousands commas are misplaced: one comma every three digits, "
                "e.g. 1,200.50, or no commas at all",
            )
    return _invalid(
        f"金额只能包含数字和小数点，{_EXAMPLE_ZH}",
        f"An amount has only digits and a decimal point: type one {_EXAMPLE_EN}",
    )


def _too_large() -> Invalid:
    return _invalid(
        f"金额太大：最多 {format_fen(MAX_FEN)} 元，请检查是否多输了数字",
        f"The amount is too large: at most {format_fen(MAX_FEN)} yuan; check for extra digits",
    )


def _invalid(zh: str, en: str) -> Invalid:
    return Invalid("money", zh, en)
