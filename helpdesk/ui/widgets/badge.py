"""A count in a red circle at the top-right corner of a button; hidden at zero."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton


class Badge(QLabel):
    def __init__(self, button: QPushButton) -> None:
        super().__init__(button)
        self.setObjectName(f"badge_{button.objectName().removeprefix('nav_')}")
        self.setProperty("class", "badge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.count = 0
        button.installEventFilter(self)
        self.hide()

    def set_count(self, count: int) -> None:
        self.count = count
        self.setText(str(count) if count < 100 else "99+")
        self.adjustSize()
        self.setFixedSize(max(22, self.sizeHint().width() + 8), 22)
        self._place()
        self.setVisible(count > 0)

    def _place(self) -> None:
        button = self.parentWidget()
        if button is not None:
            self.move(button.width() - self.width() - 4, 4)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False
