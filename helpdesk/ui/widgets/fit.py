"""Windows and dialogs that fit the screen: at 360 px, and with the system font at 150 %.

A dialog is never wider than the window it opens over nor taller than the screen's free area;
what it holds scrolls when taller (`body`), while its buttons stay in view below (`foot`)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

SIDE_MARGIN = 16  # a dialog leaves this much of its window showing at the sides
TITLE_ALLOWANCE = 48  # a dialog's title bar and frame, which its own height does not count


def available(widget: QWidget | None = None) -> QRect:
    """The free area of the screen `widget` is on (the primary screen else): without the task
    bar and docks."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 720)


def clamp_window(window: QWidget, width: int, height: int) -> QSize:
    """Size a top-level window `width` × `height`, or the screen's free area when smaller."""
    free = available(window)
    size = QSize(min(width, free.width()), min(height, free.height() - TITLE_ALLOWANCE // 2))
    window.resize(size)
    return size


def room(dialog: QWidget) -> QSize:
    """The most a dialog may take: its window's width and the screen's free height."""
    free = available(dialog)
    width, height = free.width(), free.height()
    parent = dialog.parentWidget()
    if parent is not None:
        window = parent.window()
        width = min(width, window.width())
    return QSize(max(240, width - SIDE_MARGIN), max(200, height - TITLE_ALLOWANCE))


def fit(dialog: QWidget, width: int, height: int = 0) -> QSize:
    """Cap a dialog at its room and open it `width` wide (`height` high when given), or less."""
    most = room(dialog)
    dialog.setMaximumSize(most)
    dialog.setMinimumWidth(min(width, most.width()))
    size = QSize(min(width, most.width()),
                 min(height or dialog.sizeHint().height(), most.height()))
    dialog.resize(size)
    return size


def body(dialog: QWidget) -> QVBoxLayout:
    """The dialog's layout of two parts: returns the layout of the upper part, which scrolls
    when the dialog is at its height limit; `foot` adds the buttons under it."""
    outer = QVBoxLayout(dialog)
    area = QScrollArea(dialog)
    area.setObjectName("dialog_scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inner = QWidget(area)
    inner.setObjectName("dialog_body")
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(0, 0, 4, 0)
    area.setWidget(inner)
    outer.addWidget(area, 1)
    return layout


def foot(dialog: QWidget, buttons: QLayout) -> None:
    """The buttons under the scrolling part, always in view."""
    outer = dialog.layout()
    assert isinstance(outer, QVBoxLayout)
    outer.addLayout(buttons)
