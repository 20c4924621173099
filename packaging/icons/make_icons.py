"""Renders icons/helpdesk.svg to the PNG (Linux .desktop) and ICO (Windows) kept beside it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/make_icons.py

Run after changing the SVG; the outputs are kept in the repository so that a build on Windows
needs nothing but PyInstaller.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: list[bytes], sizes: list[int]) -> bytes:
    """A Windows icon of PNG-compressed images (Vista and later), one per size."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841  (QImage writers need an application)
    renderer = QSvgRenderer(str(HERE / "helpdesk.svg"))
    if not renderer.isValid():
        return 1
    if not render(renderer, 256).save(str(HERE / "helpdesk.png")):
        return 1
    sizes = [16, 24, 32, 48, 64, 256]
    (HERE / "helpdesk.ico").write_bytes(ico([png_bytes(render(renderer, n)) for n in sizes],
                                            sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
