"""The ink measure: a real signature at 360 px passes; a tap, a dot, a short line, a scribble
and one long straight line do not, each told why in Chinese and English."""

from __future__ import annotations

import pytest

from helpdesk.domain import signature
from helpdesk.domain.errors import Invalid
from tests import signatures


def test_a_real_signature_at_360_px_passes() -> None:
    ink = signature.check(signatures.ZHANG_SAN)
    assert ink.strokes == 8 and ink.width > 150 and ink.height > 60
    assert ink.length > 3 * signature.MIN_LENGTH  # well clear of the thresholds


@pytest.mark.parametrize(("strokes", "code", "zh", "en"), [
    ((), "signature_missing", "必须先签名", "must sign first"),
    (signatures.TAP, "signature_short", "签名太短", "too short"),
    (signatures.DOT, "signature_short", "签名太短", "too short"),
    (signatures.SHORT_LINE, "signature_short", "签名太短", "too short"),
    (signatures.SCRIBBLE, "signature_short", "签名太短", "too short"),
    (signatures.LONG_LINE, "signature_line", "直线", "straight line"),
    ((((10.0, 10.0), (200.0, 10.0), (10.0, 12.0), (200.0, 12.0)),), "signature_small", "太扁",
     "too flat"),
])
def test_not_a_signature_is_refused_saying_why(strokes: signature.Stroke, code: str, zh: str,
                                               en: str) -> None:
    with pytest.raises(Invalid) as err:
        signature.check(strokes)  # type: ignore[arg-type]
    problem = err.value.problem
    assert (problem.code, problem.field) == (code, "signature")
    assert zh in problem.text("zh") and en in problem.text("en")


def test_measure_counts_every_stroke_and_ignores_empty_ones() -> None:
    ink = signature.measure(((), ((0.0, 0.0), (3.0, 4.0)), ((10.0, 0.0), (10.0, 6.0))))
    assert (ink.length, ink.width, ink.height, ink.strokes) == (11.0, 10.0, 6.0, 2)


def test_too_many_points_is_refused_before_measuring() -> None:
    with pytest.raises(Invalid) as err:
        signature.check((((1.0, 1.0),) * (signature.MAX_POINTS + 1),))
    assert err.value.problem.code == "signature_too_long"
