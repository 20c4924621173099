"""Families: one search field, results as you type, kinetic scrolling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QPushButton, QVBoxLayout

from helpdesk.domain import idcard
from helpdesk.errors import KnownError
from helpdesk.services import families
from helpdesk.ui.models.families import FamilySearchModel
from helpdesk.ui.pages.base import Page, kinetic
from helpdesk.ui.widgets.clear_button import ClearButton

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell


class FamiliesPage(Page):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Families"))
        self.search = QLineEdit(self)
        self.search.setObjectName("family_search")
        self.search.setPlaceholderText(self.tr("Name, pinyin, or last digits of ID or phone"))
        self.clear_search = ClearButton(self.search)
        self.model = FamilySearchModel(
            lambda q, n: families.find(self.session, q, limit=n), self.describe, self)
        self.view = QListView(self)
        self.view.setObjectName("family_results")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        kinetic(self.view)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.count = QLabel(self)
        self.count.setObjectName("result_count")
        self.count.setProperty("class", "hint")
        self.count.setWordWrap(True)
        self.register_button = QPushButton(self.tr("Register a new family"), self)
        self.register_button.setObjectName("families_register")
        self.register_button.clicked.connect(lambda: shell.go("family_form", None))
        self.import_button = QPushButton(self.tr("Import from Excel…"), self)
        self.import_button.setObjectName("families_import")
        self.import_button.clicked.connect(lambda: shell.go("import_roster"))
        self.import_button.setVisible(shell.session.volunteer.is_head)
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self._enter)
        self.search.installEventFilter(self)
        self.view.installEventFilter(self)
        self.model.results_shown.connect(self._shown)
        # The list scrolls itself: the page's own scroll area is not used here.
        self.scroll_area.hide()
        box = QVBoxLayout()
        box.setContentsMargins(16, 0, 16, 12)
        box.addWidget(self.search)
        box.addWidget(self.count)
        box.addWidget(self.view, 1)
        box.addWidget(self.register_button)
        box.addWidget(self.import_button)
        self.layout().addLayout(box, 1)  # type: ignore[union-attr]

    def describe(self, family_id: str) -> str:
        """What tells two 王丽 apart: masked ID, birth date, address (about 0.3 ms a row)."""
        try:
            f = families.family_history(self.session, family_id).family
        except KnownError:
            return ""
        number = idcard.mask(f.id_number) if f.id_number else ""
        born = f.birth_date.isoformat() if f.birth_date else ""
        return " · ".join(b for b in (number, born, f.address) if b)

    def release(self) -> None:
        self.model.set_query("")

    def load(self) -> None:
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.model.forget_descriptions()
        self.say("")
        if self.model.query:
            self.model.set_query(self.search.text())

    def _typed(self, text: str) -> None:
        self.say("")
        self.model.set_query(text)

    def _shown(self, query: str, rows: int) -> None:
        if not query:
            self.count.setText("")
        elif rows == 0:
            self.count.setText(self.tr("No family found. Check the spelling, or register it."))
        else:
            self.count.setText(self.tr("Tap a family to open it"))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.shell.open_family(self.model.family_id(index.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search goes into the results (first row chosen); Up on the first row
        comes back to the search."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search and event.key() == Qt.Key.Key_Down:
                self._into_results()
                return True
            if watched is self.view and event.key() == Qt.Key.Key_Up \
                    and self.view.currentIndex().row() <= 0:
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _into_results(self) -> None:
        if not self.model.rowCount():
            return
        current = self.view.currentIndex()
        index = current if current.isValid() else self.model.index(0, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.setFocus(Qt.FocusReason.TabFocusReason)

    def _enter(self) -> None:
        """Enter in the search opens the one family found, or the one chosen in the list;
        among several it opens none, and says to pick one."""
        selected = self.view.selectionModel().selectedIndexes()
        if len(selected) == 1:
            self._open(selected[0])
        elif self.model.rowCount() == 1 and not self.model.canFetchMore(QModelIndex()):
            self._open(self.model.index(0, 0))
        elif self.model.rowCount() > 1:
            self.count.setText(self.tr("Several families match: pick one (Down arrow, then "
                                       "Enter), or type more of the name or number"))
