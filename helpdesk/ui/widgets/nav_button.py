"""A navigation button whose label is shortened with "…" only when the bar leaves it too
little room; the full label stays its tooltip and its accessible name. Widths are measured
in bold, as the style sheet draws the current page's button."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionButton, QWidget


class NavButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full = text
        self.setAccessibleName(text)

    def full_text(self) -> str:
        return self._full

    def need(self) -> int:
        """The width that shows the whole label (its padding included)."""
        return self._grown(super().sizeHint()).width()

    def sizeHint(self) -> QSize:
        return self._grown(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._grown(super().minimumSizeHint())

    def _metrics(self) -> QFontMetrics:
        bold = QFont(self.font())
        bold.setBold(True)
        return QFontMetrics(bold)

    def _grown(self, size: QSize) -> QSize:
        """`size` as if the whole label were shown, in bold."""
        extra = self._metrics().horizontalAdvance(self._full) - \
            self.fontMetrics().horizontalAdvance(self.text())
        return QSize(size.width() + max(0, extra), size.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                           self).width()
        shown = self._metrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room) \
            if room > 0 else self._full
        if shown != self.text():
            self.setText(shown)
        self.setToolTip("" if shown == self._full else self._full)
