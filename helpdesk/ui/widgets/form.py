"""A form field with its label above and its error right below it, in the user's language.

After a save with errors the first one is scrolled into view and given the focus
(`focus_first_error`); a field whose editor is changed drops its error (`clear_on_edit`).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class Field(QWidget):
    """Label, editor, and an error line that appears only when there is something to fix."""

    def __init__(self, name: str, label: str, editor: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.editor = editor
        self.setObjectName(f"field_{name}")
        editor.setObjectName(f"edit_{name}")
        if isinstance(editor, QComboBox):  # as wide as the field, never wider than the window
            editor.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(6)
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

    def has_error(self) -> bool:
        return bool(self.error.text()) and not self.isHidden()

    def clear_on_edit(self) -> None:
        """Drop the error as soon as the user changes the field (types, picks, ticks)."""
        editor = self.editor
        clear = lambda *_: self.set_error("")  # noqa: E731
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(clear)
        elif isinstance(editor, QComboBox):
            editor.activated.connect(clear)
        elif isinstance(editor, QAbstractButton):
            editor.toggled.connect(clear)
        else:
            changed = getattr(editor, "changed", None)  # Choices and other composite editors
            if changed is not None:
                changed.connect(clear)


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
    body = dialog.findChild(QWidget, "dialog_body")  # a scrolling part (widgets.fit.body)
    area = body.parentWidget() if body is not None else None
    if body is not None and area is not None and body.layout() is not None:
        inner = body.layout()
        body_need = (inner.totalHeightForWidth(body.width()) if inner.hasHeightForWidth()
                     else inner.totalSizeHint().height())
        need = max(need, dialog.height() - area.height() + body_need + 2)
    if dialog.height() < need:
        dialog.resize(width, need)  # up to its maximum: beyond, the part scrolls
    scroller = dialog.findChild(QScrollArea, "dialog_scroll")
    if scroller is not None:  # at its height limit: the error lines scroll into view
        def show_errors_in_view() -> None:
            with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
                for line in dialog.findChildren(QLabel):
                    if line.isVisible() and line.property("class") == "field_error":
                        scroller.ensureWidgetVisible(line, 0, 8)
        show_errors_in_view()
        QTimer.singleShot(0, show_errors_in_view)  # again once the layout has settled


def focus_first_error(fields: dict[str, Field], area: QScrollArea | None) -> Field | None:
    """Scroll the first field with an error (in the form's order) into view and focus its
    editor; returns that field, None when no field has an error."""
    ordered = sorted((f for f in fields.values() if f.has_error()), key=_top)
    if not ordered:
        return None
    first = ordered[0]
    first.editor.setFocus()
    if area is not None:
        area.ensureWidgetVisible(first, 0, 24)
        area.horizontalScrollBar().setValue(0)  # up and down only: never off the left edge
        # Laid out anew once the error lines show: scroll again when the layout has settled.
        QTimer.singleShot(0, lambda: _still_there(area, first))
    return first


def _top(field: Field) -> int:
    window = field.window()
    return field.mapTo(window, field.rect().topLeft()).y() if window is not None else 0


def _still_there(area: QScrollArea, field: Field) -> None:
    with contextlib.suppress(RuntimeError):  # the page was closed meanwhile
        area.ensureWidgetVisible(field, 0, 24)
        area.horizontalScrollBar().setValue(0)
