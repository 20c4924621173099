"""Goods lines of a goods aid: item, quantity, unit, value in yuan; add and remove lines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget


class GoodsLineRow(QFrame):
    removed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goods_line")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.item = QLineEdit(self)
        self.item.setObjectName("goods_item")
        self.item.setPlaceholderText(self.tr("Item, e.g. rice"))
        self.qty = QLineEdit("1", self)
        self.qty.setObjectName("goods_qty")
        self.qty.setPlaceholderText(self.tr("Quantity"))
        self.qty.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.unit = QLineEdit(self)
        self.unit.setObjectName("goods_unit")
        self.unit.setPlaceholderText(self.tr("Unit, e.g. bag"))
        self.value = QLineEdit(self)
        self.value.setObjectName("goods_value")
        self.value.setPlaceholderText(self.tr("Value (yuan)"))
        self.value.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        remove = QPushButton(self.tr("Remove"), self)
        remove.setObjectName("goods_remove")
        remove.clicked.connect(lambda: self.removed.emit(self))
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.addWidget(self.item, 0, 0, 1, 2)
        grid.addWidget(self.qty, 1, 0)
        grid.addWidget(self.unit, 1, 1)
        grid.addWidget(self.value, 2, 0)
        grid.addWidget(remove, 2, 1)

    def data(self) -> dict[str, str]:
        return {"item": self.item.text().strip(), "qty": self.qty.text().strip() or "0",
                "unit": self.unit.text().strip(), "value_fen": self.value.text().strip() or "0"}


class GoodsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goods_editor")
        self.rows: list[GoodsLineRow] = []
        self.lines = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add a goods line"), self)
        self.add_button.setObjectName("goods_add")
        self.add_button.clicked.connect(self.add_line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.lines)
        layout.addWidget(self.add_button)

    def add_line(self) -> GoodsLineRow:
        row = GoodsLineRow(self)
        row.removed.connect(self._remove)
        self.rows.append(row)
        self.lines.addWidget(row)
        return row

    def _remove(self, row: GoodsLineRow) -> None:
        self.rows.remove(row)
        row.deleteLater()

    def reset(self) -> None:
        for row in list(self.rows):
            self._remove(row)
        self.add_line()

    def data(self) -> list[dict[str, str]]:
        return [r.data() for r in self.rows if r.item.text().strip()]

    def text(self) -> str:
        return "; ".join(f"{d['item']} {d['qty']} {d['unit']}" for d in self.data())
