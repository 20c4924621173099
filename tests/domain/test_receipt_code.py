"""Receipt codes have one spelling: every other text is refused as a clean bad format, and
every one-character change of a genuine code fails to parse or fails its signature."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from helpdesk.domain import receipt_code as rc

AID, STATION = "0190f3c2-1111-7abc-8def-0123456789ab", "0190f3c2-2222-7abc-8def-0123456789ab"
PRIVATE, PUBLIC = rc.new_key()
CODE = rc.sign(rc.Payload("K7QM-2026-00042", date(2026, 11, 23), "goods", 123_450, 3, AID,
                          STATION, rc.key_id_of(PUBLIC)), PRIVATE)
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _refused(text: str) -> rc.PayloadError:
    with pytest.raises(rc.PayloadError) as caught:
        rc.parse(text)
    err = caught.value
    assert err.code == "bad_format" and err.zh and err.en
    return err


def test_the_genuine_code_is_canonical_and_verifies() -> None:
    signed = rc.parse(CODE)
    assert signed.text == CODE and rc.signature_ok(signed, PUBLIC)
    assert rc.signature_ok(rc.parse("  " + rc.grouped(CODE).lower() + "\n"), PUBLIC)


@hs.composite
def _one_change(draw: hs.DrawFn) -> str:
    at = draw(hs.integers(0, len(CODE) - 1))
    char = draw(hs.characters(codec="utf-8") | hs.sampled_from(string.printable + "１٣۳=")
                .filter(lambda c: c != CODE[at]))
    how = draw(hs.sampled_from(["replace", "insert", "delete"]))
    if how == "replace":
        return CODE[:at] + char + CODE[at + 1:]
    if how == "insert":
        return CODE[:at] + char + CODE[at:]
    return CODE[:at] + CODE[at + 1:]


@settings(max_examples=400, deadline=None)
@given(_one_change())
def test_every_one_character_change_fails_to_parse_or_fails_the_signature(text: str) -> None:
    try:
        signed = rc.parse(text)
    except rc.PayloadError as err:
        assert err.zh and err.en
        return
    # Only what typing may forgive parses to the genuine code: case and ASCII white space.
    if signed.text == CODE:
        assert "".join(text.split()).upper() == CODE and text.isascii()
    else:
        assert not rc.signature_ok(signed, PUBLIC)


@settings(max_examples=200, deadline=None)
@given(hs.text(max_size=300))
def test_any_text_is_a_verdict_never_a_crash(text: str) -> None:
    try:
        rc.parse(text)
    except rc.PayloadError as err:
        assert err.zh and err.en


@pytest.mark.parametrize("digits", ["０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"])
def test_full_width_and_arabic_indic_digits_are_refused(digits: str) -> None:
    wide = CODE.translate(str.maketrans("0123456789", digits))
    err = _refused(wide)
    assert "not allowed" in err.en and "半角" in err.zh


def test_a_trailing_equals_sign_is_refused() -> None:
    assert "'='" in _refused(CODE + "=").en
    _refused(CODE + "=====")


def test_each_non_zero_value_of_the_unused_bits_is_refused() -> None:
    last = B32.index(CODE[-1])
    assert last % 8 == 0  # the 3 low bits of the last character are unused
    for bits in range(1, 8):
        err = _refused(CODE[:-1] + B32[last + bits])
        assert "unused bits" in err.en


@pytest.mark.parametrize("white", ["\u3000", "\u00a0", "\u2003"])
def test_only_ascii_white_space_is_forgiven(white: str) -> None:
    head, _, tail = CODE.rpartition(".")
    _refused(f"{head}.{tail[:6]}{white}{tail[6:]}")


@pytest.mark.parametrize("text", ["hd1.ﬀ", "HD1.K7QM-2026-00042.2026１123.G.1.0.AAAA", "ß" * 400,
                                  CODE.replace("K7QM", "\u212a7QM"),
                                  CODE.replace("HD1", "HD1\u0131")])
def test_letters_that_upper_case_into_ascii_are_refused(text: str) -> None:
    _refused(text)
