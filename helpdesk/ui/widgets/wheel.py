"""Scrolling never changes a value: the mouse wheel over a combo box, spin box, date box or
slider changes it only when that control has the keyboard focus and was clicked; otherwise
the wheel scrolls the page (the enclosing scroll area) as it does everywhere else.

One filter for the whole application (`install`, called once with the QApplication), so a
control added later, in any page or dialog, is covered too.
"""

from __future__ import annotations

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

ARMED = "_wheel_armed"  # property set on a control when clicked, cleared when it loses focus
GUARDED = (QComboBox, QAbstractSpinBox, QSlider)  # QAbstractSpinBox: spin, double, date boxes


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


class WheelGuard(QObject):
    """The application-wide event filter; see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Wheel, QEvent.Type.MouseButtonPress, QEvent.Type.FocusOut):
            return False
        control = guarded_control(watched)
        if control is None:
            return False
        if kind == QEvent.Type.MouseButtonPress:
            control.setProperty(ARMED, True)
            return False
        if kind == QEvent.Type.FocusOut:
            if not control.hasFocus():
                control.setProperty(ARMED, False)
            return False
        if control.hasFocus() and control.property(ARMED):
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
