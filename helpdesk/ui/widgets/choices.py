"""Several choices as large check boxes in a grid (no hover, no small targets): two columns
when they fit, one when the window is narrow; a long label wraps."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from helpdesk.ui import i18n
from helpdesk.ui.widgets.reflow import WrapCheckBox


class Choices(QWidget):
    changed = Signal()  # a box was ticked or unticked

    def __init__(self, values: Iterable[object], columns: int = 2,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, WrapCheckBox] = {}
        self.columns = self.most = max(1, columns)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for value in values:
            box = WrapCheckBox(i18n.label(value), self)
            box.setObjectName(f"choice_{value}")
            self.boxes[str(value)] = box
            box.toggled.connect(lambda _=False: self.changed.emit())
        self._place()

    def _place(self) -> None:
        for box in self.boxes.values():
            self.grid.removeWidget(box)
        for i, box in enumerate(self.boxes.values()):
            self.grid.addWidget(box, i // self.columns, i % self.columns)
        for column in range(self.most):
            self.grid.setColumnStretch(column, 1 if column < self.columns else 0)

    def _fitting(self, width: int) -> int:
        widest = max((b.sizeHint().width() for b in self.boxes.values()), default=0)
        spacing = max(0, self.grid.horizontalSpacing())
        for columns in range(self.most, 1, -1):
            if columns * widest + (columns - 1) * spacing <= width:
                return columns
        return 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        columns = self._fitting(event.size().width())
        if columns != self.columns:
            self.columns = columns
            self._place()
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        """As narrow as one column of its boxes, their labels wrapped."""
        width = max((b.minimumSizeHint().width() for b in self.boxes.values()), default=0)
        return QSize(width, super().minimumSizeHint().height())

    def chosen(self) -> list[str]:
        return [v for v, box in self.boxes.items() if box.isChecked()]

    def set_chosen(self, values: Iterable[object]) -> None:
        wanted = {str(v) for v in values}
        for v, box in self.boxes.items():
            box.setChecked(v in wanted)
