"""A form field with its label above and its error right below it, in the user's language."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Field(QWidget):
    """Label, editor, and an error line that appears only when there is something to fix."""

    def __init__(self, name: str, label: str, editor: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.editor = editor
        self.setObjectName(f"field_{name}")
        editor.setObjectName(f"edit_{name}")
        self.label = QLabel(label, self)
        self.label.setObjectName(f"label_{name}")
        self.label.setBuddy(editor)
        self.label.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName(f"error_{name}")
        self.error.setProperty("class", "field_error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.setProperty("invalid", bool(text))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)


def show_errors(fields: dict[str, Field], problems: dict[str, str]) -> list[str]:
    """Put each problem beside its field; return the problems that have no field here."""
    for field in fields.values():
        field.set_error("")
    rest = []
    for name, text in problems.items():
        if name in fields:
            fields[name].set_error(text)
        else:
            rest.append(text)
    return rest


def fit_height(dialog: QWidget) -> None:
    """Grow a dialog to the height its layout needs at its width, after an error line appeared:
    a word-wrapped line otherwise gets squeezed under the input or button below it."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    need = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
            else layout.totalSizeHint().height())
    if dialog.height() < need:
        dialog.resize(width, need)
