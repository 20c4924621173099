"""Several choices as large check boxes in a grid (no hover, no small targets)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from helpdesk.ui import i18n


class Choices(QWidget):
    changed = Signal()  # a box was ticked or unticked

    def __init__(self, values: Iterable[object], columns: int = 2,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, value in enumerate(values):
            box = QCheckBox(i18n.label(value), self)
            box.setObjectName(f"choice_{value}")
            self.boxes[str(value)] = box
            box.toggled.connect(lambda _=False: self.changed.emit())
            grid.addWidget(box, i // columns, i % columns)

    def chosen(self) -> list[str]:
        return [v for v, box in self.boxes.items() if box.isChecked()]

    def set_chosen(self, values: Iterable[object]) -> None:
        wanted = {str(v) for v in values}
        for v, box in self.boxes.items():
            box.setChecked(v in wanted)
