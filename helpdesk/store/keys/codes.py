"""What people type to reach the keys: PINs and the printed recovery code.

Both are checked here before any key derivation, so a typo is refused at once and never counted.
"""

from __future__ import annotations

import os
import unicodedata

from helpdesk.store.keys.errors import BadRecoveryCode, InvalidPin

PIN_LENGTHS = range(6, 13)
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_BYTES = 20  # 160 bits: 32 Crockford characters


def normalise_recovery_code(text: str) -> str:
    """The canonical `XXXX-XXXX-…` form of a typed recovery code; BadRecoveryCode if malformed.

    Accepts lower case, full-width characters (Chinese input methods), missing dashes or spaces,
    and I/L for 1, O for 0, as Crockford base32 intends.
    """
    s = unicodedata.normalize("NFKC", text).upper()
    s = "".join(c for c in s if not (c.isspace() or c == "-")).translate(
        str.maketrans("ILO", "110")
    )
    if len(s) != 32:
        raise BadRecoveryCode(f"（输入了 {len(s)} 个字符）", f" (it has {len(s)} characters)")
    bad = sorted({c for c in s if c not in CROCKFORD})
    if bad:
        shown = " ".join(bad)
        raise BadRecoveryCode(f"（不应出现：{shown}）", f" (it cannot contain: {shown})")
    return "-".join(s[i : i + 4] for i in range(0, 32, 4))


def new_recovery_code() -> str:
    """A fresh random recovery code (160 bits), in canonical form."""
    n = int.from_bytes(os.urandom(RECOVERY_BYTES), "big")
    return normalise_recovery_code("".join(CROCKFORD[(n >> 5 * i) & 31] for i in range(32)))


def pin_digits(pin: str) -> str:
    """6-12 ASCII digits; full-width digits from a Chinese input method are accepted."""
    digits = unicodedata.normalize("NFKC", pin).strip()
    if len(digits) not in PIN_LENGTHS or not all("0" <= c <= "9" for c in digits):
        raise InvalidPin()
    return digits
