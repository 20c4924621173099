"""Search results as the volunteer types: a lazily filled list (canFetchMore / fetchMore).

Every query gets a generation number; an answer for an older generation is dropped, so results
of a stale query are never shown over those of a newer one, however late the answers arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

PAGE = 50
FAMILY_ID = Qt.ItemDataRole.UserRole
WHY = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
# (query, limit) -> hits with .family_id, .head_name, .why
Search = Callable[[str, int], Sequence[Any]]
# family id -> a second line telling namesakes apart (masked ID, birth date, address); it is
# asked only for rows a view shows, and remembered for the model's life
Describe = Callable[[str], str]


def why_text(why: str) -> str:
    texts = {
        "id_exact": QCoreApplication.translate("FamilySearchModel", "ID number"),
        "id_tail": QCoreApplication.translate("FamilySearchModel", "end of ID number"),
        "phone": QCoreApplication.translate("FamilySearchModel", "phone number"),
        "name": QCoreApplication.translate("FamilySearchModel", "name"),
        "pinyin": QCoreApplication.translate("FamilySearchModel", "pinyin"),
        "member": QCoreApplication.translate("FamilySearchModel", "household member"),
    }
    return texts.get(why, why)


class FamilySearchModel(QAbstractListModel):
    results_shown = Signal(str, int)  # query, rows now shown

    def __init__(self, search: Search, describe: Describe | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._describe = describe
        self._described: dict[str, str] = {}
        self._rows: list[Any] = []
        self._query = ""
        self._generation = 0
        self._more = False
        self._changing = False

    # Queries
    def set_query(self, text: str) -> int:
        """Start a new query; returns its generation. Empty text clears the list."""
        self._generation += 1
        self._query = text.strip()
        if not self._query:
            self._replace(self._generation, "", [])
        else:
            self.apply(self._generation, self._query, self._search(self._query, PAGE))
        return self._generation

    def apply(self, generation: int, query: str, hits: Sequence[Any]) -> bool:
        """Show `hits` for `query` unless a newer query was started since; True if shown."""
        if generation != self._generation:
            return False
        self._replace(generation, query, list(hits))
        return True

    def _replace(self, generation: int, query: str, hits: list[Any]) -> None:
        self._changing = True  # views asking for more while the reset is announced get no rows
        self.beginResetModel()
        self._rows = hits
        self._more = len(hits) >= PAGE
        self.endResetModel()
        self._changing = False
        self.results_shown.emit(query, len(hits))

    @property
    def query(self) -> str:
        return self._query

    @property
    def generation(self) -> int:
        return self._generation

    # QAbstractListModel
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            first = hit.head_name if hit.why == "name" else \
                f"{hit.head_name}    ({why_text(hit.why)})"
            second = self.description(hit.family_id)
            return f"{first}\n{second}" if second else first
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return hit.head_name
        if role == FAMILY_ID:
            return hit.family_id
        if role == WHY:
            return hit.why
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._changing

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        have = len(self._rows)
        hits = self._search(self._query, have + PAGE)[have:]
        self._more = len(hits) >= PAGE
        if hits:
            self._changing = True
            self.beginInsertRows(QModelIndex(), have, have + len(hits) - 1)
            self._rows.extend(hits)
            self.endInsertRows()
            self._changing = False

    def description(self, family_id: str) -> str:
        if self._describe is None:
            return ""
        if family_id not in self._described:
            self._described[family_id] = self._describe(family_id)
        return self._described[family_id]

    def forget_descriptions(self) -> None:
        """After an edit: descriptions are read again when next shown."""
        self._described.clear()

    def family_id(self, row: int) -> str:
        return str(self._rows[row].family_id)
