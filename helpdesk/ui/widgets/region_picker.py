"""Pick a region by name: type part of it (洪山, hongshan, hsq) and choose, or drill down
province → city → county. The code (GB/T 2260) is only the stored value."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QCompleter,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import regions
from helpdesk.ui.widgets.clear_button import ClearButton

CODE = Qt.ItemDataRole.UserRole
SIDE_BY_SIDE = 480  # px: narrower, the drill-down boxes stand one under another


class RegionPicker(QWidget):
    """`code()` is the chosen region's code, or what was typed when nothing was chosen (the
    domain then says what is wrong with it)."""

    changed = Signal(str)  # the code now chosen

    def __init__(self, parent: QWidget | None = None, near: str = "") -> None:
        super().__init__(parent)
        self.near = near  # a code whose province comes first in the suggestions
        self._code = ""
        self.search = QLineEdit(self)
        self.search.setObjectName("region_search")
        self.search.setPlaceholderText(self.tr("Type a name or pinyin, e.g. 洪山 or hongshan"))
        self.clear_search = ClearButton(self.search)
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(8)
        self.completer.setWidget(self.search)
        self.completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        self.search.textEdited.connect(self._suggest)
        self.levels = [QComboBox(self) for _ in range(3)]
        row = self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for name, box in zip(("region_province", "region_city", "region_county"), self.levels,
                             strict=True):
            box.setObjectName(name)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(5)
            row.addWidget(box, 1)
        self.levels[0].currentIndexChanged.connect(lambda _: self._level_chosen(0))
        self.levels[1].currentIndexChanged.connect(lambda _: self._level_chosen(1))
        self.levels[2].currentIndexChanged.connect(lambda _: self._level_chosen(2))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(row)
        self.set_code("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Province, city and county side by side when there is room, else one under another."""
        side = event.size().width() >= SIDE_BY_SIDE
        self.row.setDirection(QBoxLayout.Direction.LeftToRight if side
                              else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    # The stored value
    def code(self) -> str:
        typed = self.search.text().strip()
        if self._code and typed == regions.display(self._code):
            return self._code
        return typed

    def set_code(self, code: str) -> None:
        """Show this region (its name path, and its place in the drill-down)."""
        region = regions.get(code) if code else None
        self._code = region.code if region else code.strip()
        self.search.setText(regions.display(self._code) if self._code else "")
        chain = regions.path(self._code) if region else ()
        self._fill(0, "", chain[0].code if chain else "")
        self._fill(1, chain[0].code if chain else "", chain[1].code if len(chain) > 1 else "")
        self._fill(2, chain[1].code if len(chain) > 1 else "",
                   chain[2].code if len(chain) > 2 else "")

    # Type-ahead
    def _suggest(self, text: str) -> None:
        self.matches.clear()
        for code in regions.search(text, limit=30, near=self.near):
            item = QStandardItem(regions.display(code))
            item.setData(code, CODE)
            self.matches.appendRow(item)
        if self.matches.rowCount():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _chosen(self, index: QModelIndex) -> None:
        self.pick(str(index.data(CODE)))

    def pick(self, code: str) -> None:
        self.set_code(code)
        self.changed.emit(self._code)

    # Drill-down
    def _fill(self, level: int, parent: str, current: str = "") -> None:
        """Fill the combo box of `level` with the divisions under `parent`."""
        box = self.levels[level]
        with QSignalBlocker(box):
            box.clear()
            if level == 0 or parent:
                prompts = (self.tr("Province"), self.tr("City"), self.tr("District / county"))
                box.addItem(prompts[level], "")
                for r in regions.children(parent):
                    box.addItem(r.name, r.code)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.setEnabled(box.count() > 1)

    def _level_chosen(self, level: int) -> None:
        code = str(self.levels[level].currentData() or "")
        for below in range(level + 1, 3):
            self._fill(below, code if below == level + 1 else "")
        region = regions.get(code) if code else None
        if region is not None and (region.level != "province" or region.leaf):
            self._code = code
            self.search.setText(regions.display(code))
            self.changed.emit(code)
