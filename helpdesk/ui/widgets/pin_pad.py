"""A large on-screen PIN pad; the keyboard works too (digits, Backspace, Enter)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

MAX_DIGITS = 12


class PinPad(QWidget):
    """Digits masked in a field above a 3×4 pad; `submitted` carries the PIN."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pin_pad")
        self.field = QLineEdit(self)
        self.field.setObjectName("pin_field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_DIGITS)
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                       | Qt.InputMethodHint.ImhSensitiveData)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setPlaceholderText(self.tr("PIN"))
        self.field.returnPressed.connect(self._submit)
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit, digit), i // 3, i % 3)
        clear = self._key("⌫", "back")
        clear.setToolTip(self.tr("Delete the last digit"))
        clear.setAccessibleName(self.tr("Delete the last digit"))
        grid.addWidget(clear, 3, 0)
        grid.addWidget(self._key("0", "0"), 3, 1)
        self.ok = self._key(self.tr("OK"), "ok")
        self.ok.setObjectName("pin_ok")
        grid.addWidget(self.ok, 3, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(grid)

    def _key(self, text: str, role: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"pin_key_{role}")
        button.setProperty("class", "pin_key")
        button.setMinimumSize(64, 56)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        button.clicked.connect(lambda: self._pressed(role))
        return button

    def _pressed(self, role: str) -> None:
        if role == "ok":
            self._submit()
        elif role == "back":
            self.field.backspace()
        else:
            self.field.insert(role)
        self.field.setFocus()

    def _submit(self) -> None:
        pin = self.field.text()
        if pin:
            self.submitted.emit(pin)

    def clear(self) -> None:
        self.field.clear()
        self.field.setFocus()

    def set_enabled(self, enabled: bool) -> None:
        for child in self.findChildren(QPushButton):
            child.setEnabled(enabled)
        self.field.setEnabled(enabled)
