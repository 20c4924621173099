"""The rows of a roster preview as a table: row number, name, what was found, and whether to
import it (a check box, for rows where the station decides: possible duplicates, families
already registered whose blank fields could be filled)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from helpdesk.services import imports

Index = QModelIndex | QPersistentModelIndex
ROW, NAME, FOUND, DECISION = range(4)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportRowsModel", text)


def kind_text(kind: str) -> str:
    return {
        imports.NEW: _tr("New family"),
        imports.ERROR: _tr("Not imported: fix it in the file"),
        imports.EXISTING: _tr("Registered already (same ID number)"),
        imports.POSSIBLE: _tr("Possible duplicate"),
        imports.ELSEWHERE: _tr("Registered at another station"),
        imports.IMPORTED: _tr("Imported before"),
        imports.REPEATED: _tr("Repeated in the file"),
    }[kind]


class ImportRowsModel(QAbstractTableModel):
    """Rows of `imports.Preview`; with `problems_only`, the rows that are not simply new."""

    decisions_changed = Signal()

    def __init__(self, lang: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.plan: imports.Preview | None = None
        self.rows: list[imports.Checked] = []
        self.problems_only = True

    def show(self, plan: imports.Preview | None, problems_only: bool | None = None) -> None:
        self.beginResetModel()
        self.plan = plan
        if problems_only is not None:
            self.problems_only = problems_only
        every = plan.rows if plan is not None else []
        self.rows = [r for r in every if not self.problems_only or r.kind != imports.NEW]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_tr("Row"), _tr("Name"), _tr("What was found"), _tr("Import"))[section]
        return None

    def _decides(self, row: imports.Checked) -> bool:
        return len(row.choices()) > 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == DECISION and \
                self._decides(self.rows[index.row()]):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ROW:
                return str(row.number)
            if column == NAME:
                return row.name
            if column == FOUND:
                header = self.plan.header if self.plan is not None else None
                reasons = row.reasons(self.lang, header)
                said = row.kind in (imports.IMPORTED, imports.REPEATED) and reasons
                return "\n".join(reasons if said else [kind_text(row.kind), *reasons])
            if column == DECISION and not self._decides(row):
                return _tr("Yes") if row.decision in (imports.ADD, imports.FILL) else _tr("No")
        if role == Qt.ItemDataRole.CheckStateRole and column == DECISION and self._decides(row):
            taken = row.decision in (imports.ADD, imports.FILL)
            return Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == DECISION and self._decides(row):
            return (_tr("Fill in its blank fields from this row") if row.kind == imports.EXISTING
                    else _tr("Import it as a different family"))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or \
                index.column() != DECISION:
            return False
        row = self.rows[index.row()]
        if not self._decides(row):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        taken = imports.FILL if row.kind == imports.EXISTING else imports.ADD
        row.decision = taken if checked else imports.SKIP
        self.dataChanged.emit(index, index, [role])
        self.decisions_changed.emit()
        return True

    def refresh(self) -> None:
        """Bulk decisions were taken on the plan: show them."""
        if self.rows:
            self.dataChanged.emit(self.index(0, DECISION), self.index(len(self.rows) - 1,
                                                                      DECISION))
        self.decisions_changed.emit()
