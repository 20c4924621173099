"""Scrolling never changes a value: the mouse wheel over a combo box, spin box, date box or
slider changes it only when that control has the keyboard focus and was clicked; otherwise
the wheel scrolls the page (the enclosing scroll area) as it does everywhere else.

One filter for the whole application (`install`, called once with the QApplication), so a
control added later, in any page or dialog, is covered too.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QSlider,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox, QSlider)  # QAbstractSpinBox: spin, double, date boxes
EVENTS = (QEvent.Type.Wheel, QEvent.Type.MouseButtonPress, QEvent.Type.FocusIn)


def guarded_control(obj: QObject) -> QWidget | None:
    """The value control that `obj` is or belongs to (a spin box's own line edit, say)."""
    for candidate in (obj, obj.parent() if isinstance(obj, QWidget) else None):
        if isinstance(candidate, GUARDED) and not isinstance(candidate, QScrollBar):
            return candidate
    return None


def scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area the widget sits in (its page), if any."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, GUARDED):
            return parent
        parent = parent.parentWidget()
    return None


def _inside(obj: QObject | None, control: QWidget) -> bool:
    """`obj` is the control or part of it, its list popup included (a window of its own)."""
    while obj is not None:
        if obj is control:
            return True
        obj = obj.parent()
    return False


class WheelGuard(QObject):
    """The application-wide event filter; see the module's docstring. `armed` is the control
    last clicked, until the focus goes to a widget outside it (its own list is inside it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.armed: QWidget | None = None

    def _armed(self) -> QWidget | None:
        if self.armed is not None and not shiboken6.isValid(self.armed):
            self.armed = None
        return self.armed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in EVENTS:
            return False
        armed = self._armed()
        if kind == QEvent.Type.FocusIn:
            # Only a widget taking the focus counts (styles and windows are told too).
            if armed is not None and isinstance(watched, QWidget) and not _inside(watched, armed):
                self.armed = None
            return False
        control = guarded_control(watched)
        if control is None:
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self.armed = control
            return False
        if control is armed and control.hasFocus():
            return False
        area = scroll_area_of(control)  # consumed here, so this runs once per wheel turn
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        event.accept()
        return True


_guard: list[WheelGuard] = []


def install(app: QApplication) -> WheelGuard:
    """Install the filter on the application, once however often it is called."""
    if not _guard:
        _guard.append(WheelGuard(app))
        app.installEventFilter(_guard[0])
    return _guard[0]
