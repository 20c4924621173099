"""Is what was drawn on the signature pad a signature? A measure of the ink, without Qt.

A stroke is the points one finger, pen or mouse drew without lifting, in the pad's logical
pixels. A signature needs enough ink (total stroke length), a shape of some size (bounding box
width and height) and more than one straight line (the ink is longer than the box's diagonal).
The thresholds are tuned so that a name written across a pad at a 360 px wide window passes
(a three-character name there is ~150 × 50 px with 400+ px of ink) and a tap, a dot, a short
line or one straight line does not. Larger pads only make real signatures larger.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from helpdesk.domain.errors import Invalid

Point = tuple[float, float]
Stroke = Sequence[Point]

MIN_LENGTH = 120.0  # px of ink in all strokes together
MIN_WIDTH = 50.0  # px, bounding box of all the ink
MIN_HEIGHT = 15.0
MIN_WIGGLE = 1.25  # ink length / box diagonal: one straight line is 1.0
MAX_STROKES = 500
MAX_POINTS = 20_000  # points in all strokes together


@dataclass(frozen=True)
class Ink:
    length: float
    width: float
    height: float
    strokes: int

    @property
    def diagonal(self) -> float:
        return math.hypot(self.width, self.height)


def measure(strokes: Sequence[Stroke]) -> Ink:
    """Total length, bounding box and count of the strokes (empty strokes are ignored)."""
    drawn = [s for s in strokes if len(s) > 0]
    xs = [p[0] for s in drawn for p in s]
    ys = [p[1] for s in drawn for p in s]
    length = sum(math.dist(a, b) for s in drawn for a, b in itertools.pairwise(s))
    if not xs:
        return Ink(0.0, 0.0, 0.0, 0)
    return Ink(length, max(xs) - min(xs), max(ys) - min(ys), len(drawn))


def check(strokes: Sequence[Stroke]) -> Ink:
    """The ink of a signature, or raise Invalid (field `signature`) saying what is missing."""
    if len(strokes) > MAX_STROKES or sum(len(s) for s in strokes) > MAX_POINTS:
        raise Invalid("signature_too_long", "签名笔画太多，请清除后重新签名",
                   "The signature has too many strokes: clear it and sign again", "signature")
    ink = measure(strokes)
    if ink.strokes == 0:
        raise Invalid("signature_missing", "领取人必须先签名", "The person receiving it must sign "
                   "first", "signature")
    if ink.length < MIN_LENGTH:
        raise Invalid("signature_short",
                   "签名太短：只点了一下或划了一笔。请领取人写下完整的姓名",
                   "The signature is too short, only a tap or a stroke: the person receiving "
                   "it writes their full name", "signature")
    if ink.width < MIN_WIDTH or ink.height < MIN_HEIGHT:
        raise Invalid("signature_small", "签名太小或太扁：请领取人在框内写大一些",
                   "The signature is too small or too flat: the person receiving it writes "
                   "larger, across the pad", "signature")
    if ink.length < MIN_WIGGLE * ink.diagonal:
        raise Invalid("signature_line", "这只是一条直线，不是签名：请领取人写下姓名",
                   "That is one straight line, not a signature: the person receiving it "
                   "writes their name", "signature")
    return ink
