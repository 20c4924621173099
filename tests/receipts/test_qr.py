"""The QR payload on its own: compact, versioned, signed; malformed codes say what is wrong."""

from __future__ import annotations

from datetime import date

import pytest
import zxingcpp
from PySide6.QtGui import QImage

from helpdesk.receipts import qr

AID, STATION = "0190f3c2-1111-7abc-8def-0123456789ab", "0190f3c2-2222-7abc-8def-0123456789ab"


def _signed() -> tuple[str, bytes, qr.Payload]:
    private, public = qr.new_key()
    payload = qr.Payload("K7QM-2026-00042", date(2026, 11, 23), "goods", 123_450, 3, AID,
                         STATION, qr.key_id_of(public))
    return qr.sign(payload, private), public, payload


def test_round_trip_is_compact_and_qr_alphanumeric() -> None:
    text, public, payload = _signed()
    assert text.startswith("HD1.K7QM-2026-00042.20261123.G.123450.3.")
    assert len(text) <= 210
    assert set(text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.-")
    signed = qr.parse(text)
    assert signed.payload == payload and qr.signature_ok(signed, public)


def test_typed_back_with_spaces_and_lower_case_still_verifies() -> None:
    text, public, _ = _signed()
    typed = qr.grouped(text).lower().replace(" ", "  \n")
    assert qr.signature_ok(qr.parse(typed), public)


@pytest.mark.parametrize("field, value", [(4, "123451"), (1, "K7QM-2026-00043"),
                                          (2, "20261124"), (5, "4")])
def test_one_changed_field_fails_the_signature(field: int, value: str) -> None:
    text, public, _ = _signed()
    parts = text.split(".")
    parts[field] = value
    assert not qr.signature_ok(qr.parse(".".join(parts)), public)


def test_another_key_fails() -> None:
    text, _, _ = _signed()
    _, other = qr.new_key()
    assert not qr.signature_ok(qr.parse(text), other)


@pytest.mark.parametrize("mangle, says", [
    (lambda t: "hello", "starts with HD1"),
    (lambda t: "HD2" + t[3:], "version HD2"),
    (lambda t: t.rsplit(".", 1)[0], "7 parts"),
    (lambda t: t.replace(".20261123.", ".20261340."), "date"),
    (lambda t: t.replace(".123450.", ".0123450."), "amount"),
    (lambda t: t.replace(".G.", ".X."), "kind"),
    (lambda t: t[:-10], "wrong length"),
    (lambda t: t[:-3] + "189", "invalid characters"),
])
def test_bad_format_says_what_is_wrong(mangle: object, says: str) -> None:
    text, _, _ = _signed()
    with pytest.raises(qr.PayloadError) as caught:
        qr.parse(mangle(text))  # type: ignore[operator]
    assert says in caught.value.en and caught.value.zh


def test_the_qr_image_decodes_to_the_payload(qapp: object) -> None:
    text, _, _ = _signed()
    grey = qr.image(text).convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [b.text for b in found] == [text]
