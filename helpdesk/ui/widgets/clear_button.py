"""A clear button the size of a finger inside a search field (Qt's own is about 16 px)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLineEdit, QToolButton

SIZE = 44


class ClearButton(QToolButton):
    """"×" at the right end of `field`, shown while it holds text; clears it and keeps focus."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self.field = field
        self.setObjectName("clear_button")
        self.setText("×")
        self.setToolTip(self.tr("Clear"))
        self.setAccessibleName(self.tr("Clear"))
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(self._clear)
        field.textChanged.connect(lambda text: self.setVisible(bool(text)))
        field.installEventFilter(self)
        margins = field.textMargins()
        margins.setRight(SIZE)
        field.setTextMargins(margins)
        self._place()
        self.setVisible(bool(field.text()))

    def _clear(self) -> None:
        self.field.clear()
        self.field.setFocus()

    def _place(self) -> None:
        height = max(SIZE, self.field.height())
        self.setFixedSize(SIZE, height)
        self.move(self.field.width() - SIZE, (self.field.height() - height) // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False
