"""What every page shares: a title, a kinetic-scrolling body, and a message line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from helpdesk.services import session as sessions
from helpdesk.ui import i18n

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell


MAX_CONTENT_WIDTH = 960
SIDE = 16  # px: the content's side margins
NARROW_PAGE = 480  # px: narrower, the side margins are halved


def fit_to_rows(view: QListWidget, minimum_rows: int = 1) -> None:
    """Make a list as tall as its rows, so the page scrolls rather than the list inside it."""
    rows = max(view.count(), minimum_rows)
    height = sum(max(view.sizeHintForRow(r), 44) for r in range(view.count()))
    height += 44 * (rows - view.count())
    view.setFixedHeight(height + 2 * view.frameWidth() + 4)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def kinetic(area: QAbstractScrollArea) -> None:
    """Flick to scroll with a finger (kinetic); the wheel and the scroll bar work as usual."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class Page(QWidget):
    """A titled page whose content scrolls vertically; `self.content` takes the widgets."""

    nav_parent = ""

    def __init__(self, shell: Shell, title: str) -> None:
        super().__init__(shell)
        self.shell = shell
        self.title = QLabel(title, self)
        self.title.setObjectName("page_title")
        self.title.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("page_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("page_scroll")
        self.scroll_area.setWidgetResizable(True)
        # A page scrolls up and down only: sideways, a scroll to a field with an error moved
        # the whole form off its left edge at 360 px.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        kinetic(self.scroll_area)
        holder = QWidget()
        holder.setObjectName("page_content")
        column = QWidget(holder)
        column.setMaximumWidth(MAX_CONTENT_WIDTH)
        centre = QHBoxLayout(holder)
        centre.setContentsMargins(0, 0, 0, 0)
        centre.addWidget(column, 1)
        centre.addStretch(0)  # wide windows: the column keeps a readable width, on the left
        self.content = QVBoxLayout(column)
        self.content.setContentsMargins(SIDE, 8, SIDE, 16)
        self.content.setSpacing(12)
        self.scroll_area.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QVBoxLayout()
        top.setContentsMargins(16, 12, 16, 4)
        top.addWidget(self.title)
        top.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrow (360 px, a phone-sized window): half the side margins, for the content."""
        side = SIDE if event.size().width() >= NARROW_PAGE else SIDE // 2
        margins = self.content.contentsMargins()
        if margins.left() != side:
            self.content.setContentsMargins(side, margins.top(), side, margins.bottom())
        super().resizeEvent(event)

    @property
    def session(self) -> sessions.Session:
        return self.shell.session

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("class", "error" if error else "info")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def say_error(self, err: Exception) -> None:
        self.say(i18n.known(err), error=True)
