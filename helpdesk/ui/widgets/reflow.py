"""Parts that fold up when the window is narrow (360 px, or a 150 % font), so a page never
needs more width than the window has: a check box whose text wraps, and a row of widgets
that stands them one under another when they do not fit side by side."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

# A wrap may fall after any CJK character, or between words elsewhere.
_PIECES = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff"
                     r"\uf900-\ufaff\uff00-\uffef]+\s*|\s+")


def wrap(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """`text` in lines no wider than `width` px (a word wider than that gets a line alone)."""
    lines: list[str] = []
    line = ""
    for piece in _PIECES.findall(text):
        if line and metrics.horizontalAdvance((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


class _Wrapping:
    """Text that goes onto more lines when the button is narrow (a Qt button's text never
    wraps, and one long label made the whole page wider than a 360 px window)."""

    CONTENTS: QStyle.ContentsType
    OPTION: type = QStyleOptionButton

    def _start_wrapping(self, text: str) -> None:
        widget: Any = self
        self._full = text
        policy = widget.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # may be narrower than its text
        policy.setHeightForWidth(True)
        widget.setSizePolicy(policy)

    def full_text(self) -> str:
        return self._full

    def _around(self, text: QSize) -> QSize:
        """The button's size around text of this size (padding, indicator, border)."""
        widget: Any = self
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        option.text = ""
        return widget.style().sizeFromContents(self.CONTENTS, option, text, widget)

    def _lines(self, width: int) -> list[str]:
        widget: Any = self
        room = width - self._around(QSize(0, 0)).width()
        return wrap(self._full, widget.fontMetrics(), max(1, room))

    def _rewrap(self, width: int) -> None:
        widget: Any = self
        text = "\n".join(self._lines(width))
        if text != widget.text():
            widget.setText(text)
            widget.updateGeometry()

    def _one_line(self) -> QSize:
        widget: Any = self
        metrics = widget.fontMetrics()
        text = QSize(metrics.horizontalAdvance(self._full) + 2, metrics.height())
        return self._around(text).expandedTo(widget.minimumSize())

    def _narrowest(self) -> QSize:
        widget: Any = self
        metrics = widget.fontMetrics()
        words = [p.strip() for p in _PIECES.findall(self._full) if p.strip()] or [""]
        longest = max(metrics.horizontalAdvance(w) for w in words) + 2
        return self._around(QSize(longest, metrics.height())).expandedTo(widget.minimumSize())

    def _height_for(self, width: int) -> int:
        widget: Any = self
        lines = self._lines(width)
        metrics = widget.fontMetrics()
        text = QSize(max(metrics.horizontalAdvance(line) for line in lines),
                     len(lines) * metrics.lineSpacing())
        return max(self._around(text).height(), widget.minimumHeight())

    # Qt's virtual functions, for the button class that comes after this one
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._rewrap(event.size().width())
        super().resizeEvent(event)  # type: ignore[misc]

    def sizeHint(self) -> QSize:
        return QSize(self._one_line().width(), self._height_for(self._one_line().width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._narrowest().width(), self._height_for(self._one_line().width()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_for(width)


class WrapCheckBox(_Wrapping, QCheckBox):
    """A check box whose label wraps when it is narrow."""

    CONTENTS = QStyle.ContentsType.CT_CheckBox

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._start_wrapping(text)


class WrapButton(_Wrapping, QPushButton):
    """A push button whose text wraps when it is narrow."""

    CONTENTS = QStyle.ContentsType.CT_PushButton

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._start_wrapping(text)


class Row(QWidget):
    """Widgets side by side when they fit at their natural width, else one under another."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def add(self, widget: QWidget, stretch: int = 1) -> None:
        self.box.addWidget(widget, stretch)

    def _items(self) -> list[QWidget]:
        found = (self.box.itemAt(i).widget() for i in range(self.box.count()))
        return [w for w in found if w is not None and not w.isHidden()]

    def _fits(self, width: int) -> bool:
        items = self._items()
        need = sum(w.sizeHint().width() for w in items) + self.box.spacing() * max(
            0, len(items) - 1)
        return need <= width

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = (QBoxLayout.Direction.LeftToRight if self._fits(event.size().width())
                  else QBoxLayout.Direction.TopToBottom)
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        """As narrow as its widest widget: it can always stand them one under another."""
        items = self._items()
        width = max((w.minimumSizeHint().width() for w in items), default=0)
        return QSize(width, super().minimumSizeHint().height())


def long_path(label: QLabel) -> None:
    """A word-wrapped label that may show a file path: never wider than the page for it (a
    path wraps where it can; a folder name longer than the whole line is cut at its end)."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


class FitLabel(QLabel):
    """One short line in a large font (a receipt number): drawn smaller when the window is
    too narrow for it, rather than making the page wider than the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width() // 2, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        room = self.contentsRect()
        natural = self.fontMetrics().horizontalAdvance(self.text()) + 2
        if natural <= room.width() or not self.text():
            super().paintEvent(event)
            return
        scale = room.width() / natural
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.translate(room.left(), room.top() + room.height() * (1 - scale) / 2)
        painter.scale(scale, scale)
        painter.drawText(QRect(0, 0, natural, room.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.text())
        painter.end()
