"""Receipt tests: a Qt application from pytest-qt (a QApplication, so that widget tests running
later in the same session still work), a real PNG signature, and aid of every kind."""

from __future__ import annotations

import itertools
import shutil
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QPen

from helpdesk.domain.aid import Aid
from helpdesk.services import aid as aidcases
from helpdesk.services import volunteers
from helpdesk.services.aid import SecondSignOff
from helpdesk.services.session import Session
from tests.services.helpers import cash_aid, programme_id, register

FULL_ID = "420111198005171239"  # the default family of tests.services.helpers


@pytest.fixture(autouse=True)
def _qt_app(qapp: Any) -> Any:
    return qapp


def needs(*tools: str) -> None:
    """Skip when a command-line tool of the checks is missing (installed by setup-debian.sh)."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {' '.join(missing)}: run bash .ci/setup-debian.sh")


def signature_png() -> bytes:
    """A hand-drawn-looking signature as PNG bytes."""
    image = QImage(360, 120, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.GlobalColor.black, 6))
    points = [QPointF(20 + x * 8, 60 + ((x * 37) % 50) - 25) for x in range(40)]
    for a, b in itertools.pairwise(points):
        painter.drawLine(a, b)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def give_cash(station: Session, amount: str = "1234.50", **family: Any) -> Aid:
    """Cash above the threshold (1,000 yuan): signed off by a second volunteer."""
    head = register(station, **family)
    helper = volunteers.add_volunteer(station, "李志愿", "654321")
    data = cash_aid(station, head.id, amount=amount) | {"signature_png": signature_png()}
    return aidcases.give_aid(station, data, second=SecondSignOff(helper.id, "654321"))


def give_goods(station: Session, lines: int = 12) -> Aid:
    """Goods received by the spouse: long item names, many lines."""
    head = register(station, head_name="欧阳娜仁托娅", id_number="420111198005171220")
    rice = "东北五常长粒香大米（每袋十公斤装，第{n}批）"
    goods = [{"item": rice.format(n=i + 1) if i % 3 == 0 else f"冬季加厚棉被{i + 1}",
              "qty": Decimal(i % 4 + 1), "unit": "袋" if i % 3 == 0 else "床",
              "value_fen": 8000 + 137 * i} for i in range(lines)]
    return aidcases.give_aid(station, {
        "family_id": head.id, "programme_id": programme_id(station, "DJWZ"), "kind": "goods",
        "goods": goods, "recipient_name": "买买提·艾力", "recipient_relation": "spouse",
        "signature_png": signature_png()})
