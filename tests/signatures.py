"""Ink for the signature tests: 张三 written on a pad at a 360 px wide window, as the pad records
it (a point every few pixels, a hand's small wobble), and what is not a signature."""

from __future__ import annotations

import itertools
import math

Strokes = tuple[tuple[tuple[float, float], ...], ...]

# The strokes' turning points in pad pixels (the pad is ~330 × 160 at 360 px).
_ZHANG_SAN = (
    ((30, 45), (62, 45), (60, 65), (34, 65), (32, 88), (64, 88), (60, 118), (52, 112)),  # 弓
    ((84, 40), (84, 118)),  # 长
    ((110, 42), (88, 66)),
    ((74, 78), (124, 78)),
    ((90, 84), (124, 118)),
    ((150, 52), (200, 50)),  # 三
    ((156, 80), (196, 79)),
    ((142, 112), (214, 108)),
)


def _recorded(corners: tuple[tuple[int, int], ...], step: float = 4.0) -> tuple[
        tuple[float, float], ...]:
    points = [(float(corners[0][0]), float(corners[0][1]))]
    for (x0, y0), (x1, y1) in itertools.pairwise(corners):
        n = max(1, round(math.dist((x0, y0), (x1, y1)) / step))
        for i in range(1, n + 1):
            t = i / n
            wobble = 0.8 * math.sin(len(points) * 1.7)
            points.append((x0 + (x1 - x0) * t + wobble, y0 + (y1 - y0) * t - wobble))
    return tuple(points)


ZHANG_SAN: Strokes = tuple(_recorded(c) for c in _ZHANG_SAN)
"""A real signature: eight strokes, ~190 × 80 px."""

TAP: Strokes = (((120.0, 80.0), (120.5, 80.5)),)  # as the pad keeps a tap
DOT: Strokes = (_recorded(((120, 80), (124, 82), (122, 85), (119, 82), (121, 79))),)
SHORT_LINE: Strokes = (_recorded(((100, 80), (160, 84))),)
LONG_LINE: Strokes = (_recorded(((40, 130), (260, 40))),)  # long, but one straight stroke
SCRIBBLE: Strokes = (_recorded(((100, 80), (110, 70), (120, 82), (130, 70), (140, 81))),)
