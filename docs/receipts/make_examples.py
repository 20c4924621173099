"""Make the example receipts of this folder: one PNG per format (pdftoppm, 150 dpi).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/receipts/make_examples.py

Uses a throw-away demo station in a temporary folder (head admin, PIN 123456): an 80 mm cash
receipt in Chinese, a 58 mm goods receipt in Chinese and English (received by the spouse), and
an A5 sheet with both copies, reprinted (marked COPY).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from helpdesk import paths as pathsmod  # noqa: E402
from helpdesk.domain import idcard  # noqa: E402
from helpdesk.receipts import fonts  # noqa: E402
from helpdesk.services import aid, demo, families, receipts, session, volunteers  # noqa: E402
from helpdesk.services.aid import SecondSignOff  # noqa: E402
from helpdesk.store import keys, programmes  # noqa: E402

HERE = Path(__file__).resolve().parent
STATION = {"name": "洪山区关山街道职工帮扶站", "region": "420111",
           "union_name": "武汉市洪山区总工会", "phone": "027-87654321"}


def main() -> int:
    fonts.gui_app()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HELPDESK_CONFIG_DIR"] = str(Path(folder) / "config")
        paths = pathsmod.resolve(Path(folder) / "station")
        s, _ = session.create_station(paths, STATION, head_name="admin", head_pin="123456",
                                      kdf=keys.KdfParams.fast())
        try:
            demo.ensure_programmes(s)
            code = {p.code.split("-")[0]: p.id for p in programmes.all_(s.db)}
            from datetime import UTC, date, datetime, time, timedelta

            # Aid in opening hours: now, else the next opening day at 10:15 (the clock check
            # refuses a time before the station's last recorded one, so never earlier than now).
            start = datetime.now(UTC).astimezone(s.tz)
            while not (start.weekday() < 6 and time(8, 30) <= start.time() < time(17)):
                start = datetime.combine(start.date() + timedelta(days=1), time(10, 15),
                                         tzinfo=s.tz)

            def at(minutes: int) -> datetime:
                return start + timedelta(minutes=minutes)

            head = families.register_family(s, {
                "head_name": "张秀英", "id_number": idcard.make("420111", date(1979, 3, 8), 246),
                "phone": "13812345678", "region": "420111", "hukou": "rural",
                "employment": "platform", "reasons": ["illness"]})
            other = families.register_family(s, {
                "head_name": "欧阳娜仁托娅",
                "id_number": idcard.make("420106", date(1985, 9, 1), 17),
                "region": "420106", "hukou": "urban", "employment": "unemployed",
                "reasons": ["disability", "schooling"]})
            helper = volunteers.add_volunteer(s, "李志愿", "654321")
            signature = _signature()
            cash = aid.give_aid(s, {"family_id": head.id, "programme_id": code["SWN"],
                                    "kind": "cash", "amount_fen": "1200",
                                    "signature_png": signature},
                                second=SecondSignOff(helper.id, "654321"), now=at(2))
            goods = aid.give_aid(s, {
                "family_id": other.id, "programme_id": code["DJWZ"], "kind": "goods",
                "goods": [{"item": "东北五常长粒香大米（每袋十公斤装）", "qty": Decimal(2),
                           "unit": "袋", "value_fen": 16000},
                          {"item": "食用油", "qty": Decimal(1), "unit": "桶", "value_fen": 6500},
                          {"item": "加厚冬季棉被", "qty": Decimal(1), "unit": "床",
                           "value_fen": 15000}],
                "recipient_name": "买买提·艾力", "recipient_relation": "spouse",
                "signature_png": signature}, now=at(19))
            made = [("80mm", cash.receipt_no, False), ("58mm", goods.receipt_no, True)]
            receipts.save_pdf(s, HERE / "scratch.pdf", receipt_no=cash.receipt_no)  # original
            made.append(("a5", cash.receipt_no, True))
            for fmt, number, bilingual in made:
                out = HERE / f"receipt-{fmt}.pdf"
                receipts.save_pdf(s, out, receipt_no=number, fmt=fmt, bilingual=bilingual)
                subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(out),
                                str(out.with_suffix(""))], check=True)
                out.unlink()  # the PNG is the example; the PDF's key dies with the station
                print(out.with_suffix(".png").relative_to(ROOT))
            (HERE / "scratch.pdf").unlink()
        finally:
            s.close()
    return 0


def _signature() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
    from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen

    image = QImage(360, 120, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.GlobalColor.black, 5))
    path = QPainterPath(QPointF(20, 80))
    path.cubicTo(QPointF(60, 10), QPointF(90, 110), QPointF(130, 50))
    path.cubicTo(QPointF(170, 0), QPointF(200, 100), QPointF(240, 60))
    path.cubicTo(QPointF(280, 20), QPointF(300, 90), QPointF(340, 40))
    painter.drawPath(path)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


if __name__ == "__main__":
    sys.exit(main())
