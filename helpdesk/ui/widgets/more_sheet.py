"""The "More" sheet of narrow windows: every page the bottom bar has no room for, one row each,
a count written out in words on its row ("Review · 3 to look at"), never a bare red number."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget


def labelled(text: str, count: int) -> str:
    """A page's name with its count in words, as the sheet and the badges' tooltips say it."""
    if count <= 0:
        return text
    from PySide6.QtCore import QCoreApplication

    return (QCoreApplication.translate("MoreSheet", "{page} · {count} to look at")
            .replace("{page}", text).replace("{count}", str(count)))


class MoreSheet(QDialog):
    """Rows for `items` (name, text, count); choosing one closes the sheet and calls `go`."""

    def __init__(self, items: list[tuple[str, str, int]], go: Callable[[str], object],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("more_sheet")
        self.setWindowTitle(self.tr("More"))
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.rows: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        for name, text, count in items:
            row = QPushButton(labelled(text, count), self)
            row.setObjectName(f"more_{name}")
            row.setProperty("class", "sheet_row")
            row.clicked.connect(lambda _=False, n=name: (self.accept(), go(n)))
            layout.addWidget(row)
            self.rows[name] = row
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("more_close")
        close.clicked.connect(self.reject)
        layout.addWidget(close)
        self._place(parent.window())

    def _place(self, window: QWidget) -> None:
        """As wide as the window, resting on its bottom edge (over the bottom bar)."""
        self.setFixedWidth(window.width())
        self.adjustSize()
        height = min(self.sizeHint().height(), window.height())
        self.resize(window.width(), height)
        corner = window.mapToGlobal(QPoint(0, window.height() - height))
        self.move(corner)
