"""The receipt's QR code: the signed payload of `helpdesk.domain.receipt_code`, drawn.

The payload format, signing and checking live in the domain (the central server checks codes
too and must not import this package); they are re-exported here for the station's callers.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from helpdesk.domain import receipt_code

VERSION = receipt_code.VERSION
MAX_FEN = receipt_code.MAX_FEN
PayloadError = receipt_code.PayloadError
Payload = receipt_code.Payload
Signed = receipt_code.Signed
new_key = receipt_code.new_key
key_id_of = receipt_code.key_id_of
sign = receipt_code.sign
parse = receipt_code.parse
signature_ok = receipt_code.signature_ok
grouped = receipt_code.grouped
Revoked = receipt_code.Revoked
revoked_key_rule = receipt_code.revoked_key_rule

_GREY = bytes([255, 0]) + bytes([255] * 254)  # segno's matrix: 0 light, 1 dark


def image(text: str, module_px: int = 4) -> QImage:
    """The QR code (error correction M, 4-module quiet zone) as a black-and-white QImage.

    A few pixels a module: the PDF stays small, and viewers that smooth images when they
    scale them still show sharp modules.
    """
    code = segno.make_qr(text, error="m", boost_error=False)
    quiet = 4
    side = len(code.matrix) + 2 * quiet
    blank, edge = b"\xff" * side, b"\xff" * quiet
    # Built from bytes, not setPixel: a setPixel loop crashed PySide6 6.12 (none_dealloc).
    grey = b"".join([blank] * quiet + [edge + bytes(row).translate(_GREY) + edge
                                       for row in code.matrix] + [blank] * quiet)
    img = QImage(grey, side, side, side, QImage.Format.Format_Grayscale8).copy()
    # Nearest-neighbour scaling keeps the module edges sharp.
    big = img.scaled(side * module_px, side * module_px, Qt.AspectRatioMode.IgnoreAspectRatio,
                     Qt.TransformationMode.FastTransformation)
    return big.convertToFormat(QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither)
