"""The rows of a roster preview as a table: row number, name, what was found, and whether to
import it (a check box, for rows where the station decides: possible duplicates, families
already registered whose blank fields could be filled). Household members are listed under
their family's row, indented; they follow their family's decision."""

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

from helpdesk.services import import_members, imports
from helpdesk.services.import_members import MemberRow
from helpdesk.ui import i18n

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


def member_text(m: MemberRow, head: imports.Checked | None) -> str:
    fate = import_members.fate(m, head)
    if fate == "error":
        return _tr("Member not imported: fix it in the file")
    if fate == "skip" and m.kind == import_members.NEW:
        return _tr("Member left out with its family")
    return {
        import_members.NEW: _tr("New member of this family"),
        import_members.EXISTING: _tr("Member known already: blank fields filled in")
        if m.fill else _tr("Member known already"),
        import_members.REPEATED: _tr("Member repeated in the file"),
    }[m.kind]


Entry = tuple[imports.Checked | None, MemberRow | None]  # a family's row, or a member's


class ImportRowsModel(QAbstractTableModel):
    """Rows of `imports.Preview`; with `problems_only`, the rows that are not simply new."""

    decisions_changed = Signal()

    def __init__(self, lang: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.plan: imports.Preview | None = None
        self.rows: list[Entry] = []
        self.problems_only = True

    def show(self, plan: imports.Preview | None, problems_only: bool | None = None) -> None:
        self.beginResetModel()
        self.plan = plan
        if problems_only is not None:
            self.problems_only = problems_only
        self.rows = []
        for r in plan.rows if plan is not None else []:
            shown = [m for m in r.members if not self.problems_only or m.kind != imports.NEW]
            if not self.problems_only or r.kind != imports.NEW or shown:
                self.rows.append((r, None))
                self.rows += [(r, m) for m in shown]
        self.rows += [(None, m) for m in plan.loose] if plan is not None else []
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

    def _decides(self, entry: Entry) -> bool:
        head, member = entry
        return member is None and head is not None and len(head.choices()) > 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == DECISION and \
                self._decides(self.rows[index.row()]):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def _member(self, m: MemberRow, head: imports.Checked | None, column: int) -> Any:
        if column == ROW:
            return str(m.number)
        if column == NAME:
            relation = i18n.label(m.member.relation) if m.member is not None else ""
            said = "" if not relation else f"（{relation}）" if self.lang.startswith("zh") \
                else f" ({relation})"
            return f"    └ {m.name}{said}"
        if column == FOUND:
            header = self.plan.member_header or self.plan.header if self.plan else None
            return "\n".join([member_text(m, head), *m.reasons(self.lang, header)])
        return _tr("Yes") if import_members.fate(m, head) in ("add", "fill") else _tr("No")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        head, member = self.rows[index.row()]
        column = index.column()
        if member is not None:
            return self._member(member, head, column) \
                if role == Qt.ItemDataRole.DisplayRole else None
        row = head
        assert row is not None
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
            if column == DECISION and not self._decides((row, None)):
                return _tr("Yes") if row.decision in (imports.ADD, imports.FILL) else _tr("No")
        if role == Qt.ItemDataRole.CheckStateRole and column == DECISION and \
                self._decides((row, None)):
            taken = row.decision in (imports.ADD, imports.FILL)
            return Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == DECISION and \
                self._decides((row, None)):
            return (_tr("Fill in its blank fields from this row") if row.kind == imports.EXISTING
                    else _tr("Import it as a different family"))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or \
                index.column() != DECISION:
            return False
        entry = self.rows[index.row()]
        row = entry[0]
        if not self._decides(entry) or row is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        taken = imports.FILL if row.kind == imports.EXISTING else imports.ADD
        row.decision = taken if checked else imports.SKIP
        self.dataChanged.emit(index, index, [role])
        if row.members:  # its members follow it
            self.dataChanged.emit(self.index(0, DECISION), self.index(len(self.rows) - 1,
                                                                      DECISION))
        self.decisions_changed.emit()
        return True

    def refresh(self) -> None:
        """Bulk decisions were taken on the plan: show them."""
        if self.rows:
            self.dataChanged.emit(self.index(0, DECISION), self.index(len(self.rows) - 1,
                                                                      DECISION))
        self.decisions_changed.emit()
