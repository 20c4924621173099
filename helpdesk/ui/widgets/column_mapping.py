"""What each column of a roster holds: a drop-down for every header not recognised, and a value
for every row of the required fields the file has no column for (hukou, employment)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from helpdesk.domain.families import Employment, Hukou
from helpdesk.sheets import columns
from helpdesk.ui import i18n

DEFAULTABLE = {"hukou": Hukou, "employment": Employment}  # required, often not in a roster


class ColumnMapping(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("column_mapping")
        self.lang = i18n.short()
        self.mapping = columns.Mapping()
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.hint)
        box.addLayout(self.form)
        self.column_boxes: dict[str, QComboBox] = {}
        self.default_boxes: dict[str, QComboBox] = {}

    def show_header(self, cells: list[str], mapping: columns.Mapping) -> None:
        """Offer a choice for each header cell `mapping` does not know."""
        self.mapping = mapping
        while self.form.rowCount():
            self.form.removeRow(0)
        self.column_boxes.clear()
        self.default_boxes.clear()
        unknown = [c for c in cells if c and mapping.field_of(c) is None]
        self.hint.setText(
            self.tr("Every column was recognised.") if not unknown else
            self.tr("Say what these columns hold (or leave them out):"))
        for cell in unknown:
            combo = QComboBox(self)
            combo.setObjectName(f"map_{cell}")
            combo.addItem(self.tr("Leave out"), "")
            for name in columns.FIELDS:
                combo.addItem(columns.label(name, self.lang), name)
            self.column_boxes[cell] = combo
            self.form.addRow(cell, combo)
        found = {mapping.field_of(c) for c in cells}
        for name, enum in DEFAULTABLE.items():
            if name in found:
                continue
            combo = QComboBox(self)
            combo.setObjectName(f"default_{name}")
            combo.addItem(self.tr("(not given: rows will be refused)"), "")
            for member in enum:
                combo.addItem(i18n.label(member), member.value)
            combo.setCurrentIndex(max(0, combo.findData(mapping.defaults.get(name, ""))))
            self.default_boxes[name] = combo
            self.form.addRow(self.tr("{field} for every row").replace(
                "{field}", columns.label(name, self.lang)), combo)

    def chosen(self) -> columns.Mapping:
        """The mapping as chosen on the screen."""
        chosen = dict(self.mapping.columns)
        chosen.update({cell: str(box.currentData()) for cell, box in self.column_boxes.items()})
        defaults = dict(self.mapping.defaults)
        defaults.update({n: str(b.currentData()) for n, b in self.default_boxes.items()
                         if b.currentData()})
        return columns.Mapping(chosen, defaults)
