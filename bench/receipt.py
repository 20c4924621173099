"""Render time of one receipt per format: layout (HTML → QTextDocument), QR code, PDF file.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/receipt.py [--runs 50]

Prints the median and the 95th percentile per format and language (budget: 50 ms a receipt),
the first (cold) render, and the machine. A goods receipt with 8 lines, a signature image and a
signed QR code; files go to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QPen

from helpdesk.receipts import fonts, layout, page, pdf, qr


def _signature() -> bytes:
    image = QImage(360, 120, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setPen(QPen(Qt.GlobalColor.black, 5))
    for x in range(40):
        painter.drawLine(QPointF(20 + x * 8, 60 + (x * 37) % 50 - 25),
                         QPointF(28 + x * 8, 60 + ((x + 1) * 37) % 50 - 25))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def sample() -> layout.ReceiptData:
    private, public = qr.new_key()
    lines = tuple(layout.Line(f"冬季物资第{i + 1}项（大米、食用油、棉被）", "2", "袋",
                              8000 + i * 150) for i in range(8))
    total = sum(line.value_fen for line in lines)
    payload = qr.sign(qr.Payload("K7QM-2026-00042", date(2026, 11, 23), "goods", total, 8,
                                 "0190f3c2-1111-7abc-8def-0123456789ab",
                                 "0190f3c2-2222-7abc-8def-0123456789ab", qr.key_id_of(public)),
                      private)
    return layout.ReceiptData(
        union_name="武汉市洪山区总工会", station_name="洪山区关山街道职工帮扶站",
        station_phone="027-87654321", receipt_no="K7QM-2026-00042",
        local_time="2026-11-23 14:05", head_name="欧阳娜仁托娅", masked_id="420***********1234",
        programme="冬季物资 2026 / Winter goods 2026", kind="goods", amount_fen=total,
        payload=payload, lines=lines, recipient="买买提·艾力（配偶）", volunteer="张志愿",
        signature_png=_signature())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    fonts.gui_app()
    data = sample()
    print(f"machine: {platform.node()} · {platform.processor() or platform.machine()} · "
          f"{os.cpu_count()} cores · Python {platform.python_version()} · "
          f"{platform.system()} {platform.release()}")
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        pdf.write(page.compose(data, page.FORMATS["80mm"], False), Path(folder) / "cold.pdf",
                  data.receipt_no)
        cold = (time.perf_counter() - start) * 1e3
        print(f"first render (font files loaded before): {cold:.1f} ms")
        print(f"{'format':<8}{'language':<10}{'median ms':>11}{'p95 ms':>9}{'PDF kB':>9}")
        for name, fmt in page.FORMATS.items():
            for bilingual in (False, True):
                times = []
                out = Path(folder) / f"{name}.pdf"
                for _ in range(args.runs):
                    start = time.perf_counter()
                    pdf.write(page.compose(data, fmt, bilingual), out, data.receipt_no)
                    times.append((time.perf_counter() - start) * 1e3)
                times.sort()
                p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
                print(f"{name:<8}{'zh+en' if bilingual else 'zh':<10}"
                      f"{statistics.median(times):>11.1f}{p95:>9.1f}"
                      f"{out.stat().st_size / 1e3:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
