"""Resident identity card numbers (GB 11643): checking, reading and masking them.

An ID number is 18 characters: a six-digit region code (GB/T 2260), the birth date as
YYYYMMDD, a three-digit order code whose last digit is odd for men and even for women, and a
check digit (ISO 7064 MOD 11-2, where `X` stands for 10).
"""

from __future__ import annotations

from datetime import date

from helpdesk.domain import regions
from helpdesk.domain.errors import Invalid

# Weight of position i is 2**(17 - i) mod 11, as ISO 7064 MOD 11-2 prescribes.
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS = "10X98765432"  # indexed by (sum of weighted digits) mod 11
_DIGITS = frozenset("0123456789")
_EARLIEST_BIRTH = date(1900, 1, 1)

# Input methods in Chinese mode type full-width digits and letters.
_NORMALISE = str.maketrans("０１２３４５６７８９ｘＸx", "0123456789XXX")


def normalise(text: str) -> str:
    """Return `text` trimmed, without inner spaces, with ASCII digits and an upper-case X.

    Never raises; the result is not necessarily a valid ID number.
    """
    return "".join(text.split()).translate(_NORMALISE)


def check_digit(first17: str) -> str:
    """Return the check digit ('0'-'9' or 'X') for the first 17 digits of an ID number.

    Raises `Invalid` (`id_length` or `id_chars`) unless `first17` is 17 ASCII digits.
    """
    if len(first17) != 17:
        raise Invalid(
            "id_length",
            f"计算校验位需要身份证号码的前 17 位，现在是 {len(first17)} 位：请补全或删去多余的数字",
            f"The check digit needs the first 17 digits of the ID number, not {len(first17)}: "
            "add the missing digits or remove the extra ones",
        )
    if not set(first17) <= _DIGITS:
        raise _bad_chars()
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def validate(text: str, *, today: date | None = None) -> str:
    """Return the ID number normalised (see `normalise`) if it is a valid resident ID.

    Checks, in this order: 18 characters (`id_length`); 17 digits then a digit or X
    (`id_chars`); a province code in the first two digits (`id_region`); a real birth date
    from 1900-01-01 up to `today` (default: the local date) in characters 7-14
    (`id_birth_date`); the check digit (`id_checksum`). Raises `Invalid` with that code.
    """
    norm = normalise(text)
    if len(norm) != 18:
        raise _bad_length(len(norm))
    if not set(norm[:17]) <= _DIGITS or norm[17] not in _DIGITS | {"X"}:
        raise _bad_chars()
    if norm[:2] not in regions.PROVINCES:
        raise Invalid(
            "id_region",
            f"身份证号码前两位 {norm[:2]} 不是省级地区代码：请核对开头的数字",
            f"The ID number starts with {norm[:2]}, which is not a province code: "
            "check the first digits",
        )
    born = _birth(norm)
    if born > (today or date.today()):
        raise Invalid(
            "id_birth_date",
            f"身份证号码中的出生日期 {born.isoformat()} 在今天之后：请核对第 7–14 位数字",
            f"The birth date in the ID number, {born.isoformat()}, is after today: "
            "check characters 7-14",
        )
    if norm[17] != check_digit(norm[:17]):
        # The expected digit is not shown: it would invite "fixing" the last character
        # when the typo is anywhere in the number.
        raise Invalid(
            "id_checksum",
            "身份证号码校验位不对：请逐位核对号码，最后一位可能是 X",
            "The ID number's check digit is wrong: check each digit again; the last one may be X",
        )
    return norm


def birth_date(id: str) -> date:
    """Return the birth date written in a valid ID number; raises `Invalid` like `validate`."""
    return _birth(validate(id))


def sex(id: str) -> str:
    """Return 'M' or 'F' from the order code's last digit (odd: man), after `validate`."""
    return "M" if int(validate(id)[16]) % 2 else "F"


def mask(id: str) -> str:
    """Return a document number with all but its first 3 and last 4 characters as '*'.

    `110101199003071234` → `110***********1234`; the length is kept. Shorter documents (other
    IDs, under 8 characters) keep only their last 2 characters, and ones of 2 characters or
    fewer are masked whole, so a masked number never shows most of itself. Never raises.
    """
    norm = "".join(id.split())  # other documents have letters: no ID-specific normalising
    n = len(norm)
    if n >= 8:
        return norm[:3] + "*" * (n - 7) + norm[-4:]
    if n > 2:
        return "*" * (n - 2) + norm[-2:]
    return "*" * n


def make(region: str, birth: date, seq: int) -> str:
    """Return a valid ID number for demo data and tests.

    `region` is a region code accepted by `regions.validate` (raises `Invalid` with code
    `region` otherwise), `seq` (0-999) becomes the three-digit order code, whose parity gives
    the sex. Raises `ValueError` for a `seq` or birth year out of range.
    """
    if not 0 <= seq <= 999:
        raise ValueError(f"seq must be 0-999, not {seq}")
    if not 1000 <= birth.year <= 9999:
        raise ValueError(f"birth year must have four digits, not {birth.year}")
    first17 = f"{regions.validate(region)}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def _birth(norm: str) -> date:
    digits = norm[6:14]
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise Invalid(
            "id_birth_date",
            f"身份证号码中的出生日期 {digits} 不是真实的日期：请核对第 7–14 位（年月日）",
            f"The birth date in the ID number, {digits}, is not a real date: "
            "check characters 7-14 (year, month, day)",
        ) from None
    if born < _EARLIEST_BIRTH:
        raise Invalid(
            "id_birth_date",
            f"身份证号码中的出生日期 {born.isoformat()} 早于 1900 年：请核对第 7–10 位（年份）",
            f"The birth date in the ID number, {born.isoformat()}, is before 1900: "
            "check characters 7-10 (the year)",
        )
    return born


def _bad_length(n: int) -> Invalid:
    if n == 15:
        # First-generation cards had 15 digits; they were replaced by 18-digit numbers.
        return Invalid(
            "id_length",
            "这是旧的 15 位身份证号码：请输入现在使用的 18 位号码（见二代身份证）",
            "This is an old 15-digit ID number: type the current 18-character number "
            "(on the second-generation card)",
        )
    return Invalid(
        "id_length",
        f"身份证号码应为 18 位，现在是 {n} 位：请检查是否漏输或多输了数字",
        f"A resident ID number has 18 characters, this one has {n}: "
        "check for a missing or extra digit",
    )


def _bad_chars() -> Invalid:
    return Invalid(
        "id_chars",
        "身份证号码前 17 位只能是数字，最后一位是数字或 X：请删去其他字符",
        "An ID number is 17 digits followed by a digit or X: remove any other character",
    )
