"""The recipient signs here with a mouse, a finger or a pen; saved as PNG bytes. Whether the
ink is a signature (not a tap, a dot or one short line) is `domain.signature.check`'s to say."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from helpdesk.domain import signature
from helpdesk.domain.errors import Invalid, Problem

INK = QColor("#0b2a6f")


class SignaturePad(QWidget):
    """Strokes drawn by mouse, touch (synthesised as mouse) or tablet pen; `to_png()` exports."""

    changed = Signal()  # a stroke was drawn or the pad was cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_pad")
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setMinimumSize(280, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self._strokes: list[list[QPointF]] = []
        self._drawing = False

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    @property
    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self._strokes)

    def strokes(self) -> tuple[tuple[tuple[float, float], ...], ...]:
        """The strokes drawn, in the pad's logical pixels."""
        return tuple(tuple((p.x(), p.y()) for p in s) for s in self._strokes)

    def problem(self) -> Problem | None:
        """Why the ink is not accepted as a signature, or None when it is."""
        try:
            signature.check(self.strokes())
        except Invalid as err:
            return err.problem
        return None

    def clear(self) -> None:
        self._strokes.clear()
        self.update()
        self.changed.emit()

    # Input: the pen first (it also sends synthesised mouse events, ignored while drawing).
    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove and self._drawing:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._extend(event.position())
            self._end()

    def _begin(self, point: QPointF) -> None:
        self._drawing = True
        self._strokes.append([QPointF(point)])

    def _extend(self, point: QPointF) -> None:
        self._strokes[-1].append(QPointF(point))
        self.update()

    def _end(self) -> None:
        self._drawing = False
        if self._strokes and len(self._strokes[-1]) == 1:  # a tap: a dot
            p = self._strokes[-1][0]
            self._strokes[-1].append(p + QPointF(0.5, 0.5))
        self.update()
        self.changed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9aa5b1"), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.75)
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        painter.setPen(QPen(QColor("#c5ccd3"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._draw(painter, 1.0)

    def _draw(self, painter: QPainter, scale: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(INK, 2.6 * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) < 2:
                continue
            path = QPainterPath(stroke[0] * scale)
            for point in stroke[1:]:
                path.lineTo(point * scale)
            painter.drawPath(path)

    def to_png(self, scale: float = 2.0) -> bytes:
        """The signature as a PNG (white background), `scale` times the on-screen size."""
        size = self.size() * scale
        image = QImage(size, QImage.Format.Format_Grayscale8)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._draw(painter, scale)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())
