"""A made-up handwritten signature for demo aid: a few strokes per character of the name, drawn
as a PNG like the signature pad's (white ground, black ink, twice the pad's size), in plain
Python (the services import no Qt). The same name and seed give the same strokes and image.

The strokes pass the pad's own ink check (`domain.signature.check`), so a demo receipt shows a
signature a volunteer would have accepted.
"""

from __future__ import annotations

import itertools
import math
import random
import struct
import zlib

from helpdesk.domain import signature
from helpdesk.domain.errors import Invalid

Stroke = list[tuple[float, float]]

CELL = 56.0  # px on the pad: one written character
HEIGHT = 80.0
SCALE = 2  # the image is twice the pad's size, as the pad saves it
PEN = 2.4  # px on the pad: the ink's half width, scaled


def strokes(name: str, seed: int) -> list[Stroke]:
    """A quick hand's strokes for `name`, left to right, in pad pixels; deterministic."""
    rng = random.Random(f"demo-signature:{seed}:{name}")
    out: list[Stroke] = []
    slant = rng.uniform(-0.25, 0.05)  # x shift per px of height: most hands lean right
    for i, _ in enumerate(name[:4] or "名"):
        left = 10 + i * CELL * rng.uniform(0.8, 0.95)
        top = 12 + rng.uniform(-4, 4)
        out.append(_cursive(rng, left, top, slant))  # a character in one quick movement
        if rng.random() < 0.6:  # and a stroke on its own: a dot, a cross bar
            out.append(_stroke(rng, left, top, slant))
    for _ in range(3):  # a hand never fails the check; a rare one gets a last flourish
        try:
            signature.check(out)
            return out
        except Invalid:
            out.append(_stroke(rng, 12, 20, slant, wide=True))
    return out


def _cursive(rng: random.Random, left: float, top: float, slant: float) -> Stroke:
    """A zigzag through four to six points of the cell, its corners rounded."""
    corners = [(left + CELL * 0.8 * k / 5 + rng.uniform(-4, 4),
                top + (rng.uniform(0, 18) if k % 2 else rng.uniform(30, 52)))
               for k in range(rng.randint(4, 6))]
    points: Stroke = []
    for (x0, y0), (x1, y1), (x2, y2) in zip(corners, corners[1:], corners[2:], strict=False):
        start, end = ((x0 + x1) / 2, (y0 + y1) / 2), ((x1 + x2) / 2, (y1 + y2) / 2)
        for k in range(6):
            t = k / 6
            x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * x1 + t * t * end[0]
            y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * y1 + t * t * end[1]
            points.append((round(x + slant * (y - top), 1), round(min(max(y, 2.0), HEIGHT - 2), 1)))
    return points


def _stroke(rng: random.Random, left: float, top: float, slant: float, *,
            wide: bool = False) -> Stroke:
    """One pen movement inside a character's cell: a curve through three points."""
    width = CELL * (2.5 if wide else 0.8)
    a = (left + rng.uniform(0, width * 0.4), top + rng.uniform(0, 44))
    b = (left + rng.uniform(width * 0.5, width), top + rng.uniform(0, 48))
    bend = (rng.uniform(-14, 14), rng.uniform(-14, 14))
    mid = ((a[0] + b[0]) / 2 + bend[0], (a[1] + b[1]) / 2 + bend[1])
    points = []
    steps = rng.randint(8, 12)
    for k in range(steps + 1):
        t = k / steps
        x = (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * mid[0] + t * t * b[0]
        y = (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * mid[1] + t * t * b[1]
        x += slant * (y - top) + rng.uniform(-0.6, 0.6)
        points.append((round(x, 1), round(min(max(y, 2.0), HEIGHT - 2), 1)))
    return points


def png(drawn: list[Stroke]) -> bytes:
    """The strokes as an 8-bit grey PNG, `SCALE` times the pad's size, ink round-ended."""
    right = max((x for s in drawn for x, _ in s), default=0.0)
    width = int(max(right + 12, 3 * CELL + 24) * SCALE)  # a pad is wider than a short name
    height = int(HEIGHT * SCALE)
    pixels = bytearray(b"\xff" * (width * height))
    radius = PEN * SCALE / 2 + 0.5
    reach = math.ceil(radius)
    spans = [(dy, int(math.sqrt(radius * radius - dy * dy))) for dy in range(-reach, reach + 1)
             if dy * dy <= radius * radius]  # the pen's round tip, one row at a time
    ink = b"\x1f" * (2 * reach + 1)
    for stroke in drawn:
        for (x0, y0), (x1, y1) in itertools.pairwise(stroke):
            steps = max(1, int(math.dist((x0, y0), (x1, y1)) * SCALE / 1.5))
            for k in range(steps + 1):
                cx = round((x0 + (x1 - x0) * k / steps) * SCALE)
                cy = round((y0 + (y1 - y0) * k / steps) * SCALE)
                for dy, half in spans:
                    y = cy + dy
                    if 0 <= y < height:
                        a, b = max(0, cx - half), min(width, cx + half + 1)
                        if a < b:
                            pixels[y * width + a:y * width + b] = ink[:b - a]
    rows = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(rows, 1)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def signature_png(name: str, seed: int) -> bytes:
    return png(strokes(name, seed))
