"""Signed-in frame: a top bar (station, volunteer, the sync status with "Sync now", lock), the
pages, and the navigation: a rail on the left of wide windows, a bar at the bottom of narrow
ones whose "More" opens a sheet with the other pages. On narrow windows the sync status takes
a second row of the top bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import regions
from helpdesk.services import session as sessions
from helpdesk.services import status
from helpdesk.ui.preferences import Preferences
from helpdesk.ui.sync_controller import SyncController
from helpdesk.ui.widgets.badge import Badge
from helpdesk.ui.widgets.elided import ElidedLabel
from helpdesk.ui.widgets.more_sheet import MoreSheet, labelled
from helpdesk.ui.widgets.nav_button import NavButton
from helpdesk.ui.widgets.sync_status import SyncStatus

RAIL_MIN_WIDTH = 720


class Shell(QWidget):
    lock_requested = Signal()
    language_chosen = Signal(str)
    restore_requested = Signal(object)  # the backup folder
    idle_time_changed = Signal()
    page_shown = Signal(str)

    def __init__(self, session: sessions.Session, prefs: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from helpdesk.ui.pages import registry

        self.setObjectName("shell")
        self.session = session
        self.prefs = prefs
        self.top = QWidget(self)
        self.top.setObjectName("top_bar")
        self.station_label = ElidedLabel(self.top)
        self.station_label.setObjectName("station_label")
        self.station_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                         QSizePolicy.Policy.Preferred)
        self.sync_status = SyncStatus(session.volunteer.is_head, session.tz, self.top)
        self.lock_button = QPushButton(self.tr("Lock"), self.top)
        self.lock_button.setObjectName("lock_button")
        self.lock_button.clicked.connect(self.lock_requested)
        self.top_row = QHBoxLayout()
        self.top_row.addWidget(self.station_label, 2)
        self.top_row.addWidget(self.lock_button)
        top = QVBoxLayout(self.top)
        top.setContentsMargins(12, 4, 8, 4)
        top.setSpacing(4)
        top.addLayout(self.top_row)
        self.top_layout = top
        self.sync = SyncController(session, self)
        self.sync.status_changed.connect(self.sync_status.show_status)
        self.sync.sync_finished.connect(lambda _: self._synced())
        self.sync_status.sync_requested.connect(self.sync.sync_now)
        self.sync_status.cancel_requested.connect(self.sync.cancel)
        self.sync_status.connect_requested.connect(self.connect_server)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.by_name: dict[str, QWidget] = {}  # pages are built when first shown

        self.nav = QWidget(self)
        self.nav.setObjectName("nav")
        self.nav_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.nav)
        self.nav_layout.setContentsMargins(2, 2, 2, 2)
        self.nav_layout.setSpacing(2)
        self.nav_group = QButtonGroup(self)
        self.nav_buttons: dict[str, QPushButton] = {}
        self.badges: dict[str, Badge] = {}
        for name, text in registry.nav_items(self.session.volunteer.is_head):
            button = NavButton(text, self.nav)
            button.setObjectName(f"nav_{name}")
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, n=name: self.go(n))
            self.nav_group.addButton(button)
            self.nav_buttons[name] = button
            if name in registry.BADGED and session.volunteer.is_head:
                self.badges[name] = Badge(button)
            self.nav_layout.addWidget(button)
        self.more_button = NavButton(self.tr("More"), self.nav)
        self.more_button.setObjectName("nav_more")
        self.more_button.setCheckable(True)
        self.more_button.clicked.connect(self.open_more)
        self.nav_group.addButton(self.more_button)
        if session.volunteer.is_head:
            self.badges["more"] = Badge(self.more_button)
        self.nav_layout.addWidget(self.more_button)
        self.more_sheet: MoreSheet | None = None
        self.nav_layout.addStretch(1)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(0)
        self.body.addWidget(self.nav)
        self.body.addWidget(self.pages, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.top)
        outer.addLayout(self.body, 1)
        self._wide: bool | None = None
        self._waiting = 0
        self._review_count = 0
        self._arrange(self.width())
        self.go("home")
        self.sync.start()

    # Navigation
    def current_name(self) -> str:
        page = self.pages.currentWidget()
        return next((n for n, p in self.by_name.items() if p is page), "home")

    def page(self, name: str) -> QWidget:
        """The page called `name`, built the first time it is asked for."""
        from helpdesk.ui.pages import registry

        if name not in self.by_name:
            page = registry.PAGES[name](self)
            page.setObjectName(f"page_{name}")
            self.by_name[name] = page
            self.pages.addWidget(page)
        return self.by_name[name]

    def go(self, name: str, *args: object) -> QWidget:
        """Show a page; pages with a `load(*args)` get them, others are refreshed.

        A page with a half-filled form (its `is_dirty()` is true) is not left silently: the
        user is asked first, and stays on it with Cancel (`discard()` drops it otherwise)."""
        current = self.pages.currentWidget()
        dirty = getattr(current, "is_dirty", None)
        if dirty is not None and dirty():
            self.ask_to_leave(current, name, args)
            return current
        return self._show(name, *args)

    def ask_to_leave(self, current: QWidget, name: str, args: tuple[object, ...]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Leave without saving?"),
                          self.tr("What was typed on this page is not saved yet. Leave it and "
                                  "lose it, or cancel to go back to the form?"), parent=self)
        box.setObjectName("leave_dialog")
        leave = box.addButton(self.tr("Leave without saving"),
                              QMessageBox.ButtonRole.DestructiveRole)
        leave.setObjectName("leave_discard")
        stay = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        stay.setObjectName("leave_stay")
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)

        def answered(button: object) -> None:
            if button is leave:
                current.discard()  # type: ignore[attr-defined]
                self._show(name, *args)
            else:
                self._check_nav(current)

        box.buttonClicked.connect(answered)
        self.leave_dialog = box
        box.open()
        return box

    def _check_nav(self, page: QWidget) -> None:
        self._mark(getattr(page, "nav_parent", "") or self.current_name())

    def _mark(self, nav_name: str) -> None:
        """Check the navigation entry of a page: its own, or More when it is in the sheet."""
        button = self.nav_buttons.get(nav_name)
        if button is None or not button.isVisibleTo(self.nav):
            button = self.more_button if not self._wide else None
        if button is not None:
            button.setChecked(True)

    def open_more(self) -> MoreSheet:
        """The sheet with every page the bottom bar leaves out, counts written out."""
        from helpdesk.ui.pages import registry

        items = [(name, text, self._review_count if name in self.badges else 0)
                 for name, text in registry.more_items(self.session.volunteer.is_head)]
        sheet = MoreSheet(items, self.go, self)
        sheet.rejected.connect(lambda: self._check_nav(self.pages.currentWidget()))
        self.more_sheet = sheet
        sheet.open()
        return sheet

    def _show(self, name: str, *args: object) -> QWidget:
        page = self.page(name)
        self.session.screen = name
        loader = getattr(page, "load", None)
        if loader is not None:
            loader(*args)
        self.pages.setCurrentWidget(page)
        self._mark(getattr(page, "nav_parent", "") or name)
        self.page_shown.emit(name)
        return page

    def adopt(self, name: str, page: QWidget) -> None:
        """Take back a page kept across a lock (`drafts`), with what it holds."""
        page.shell = self  # type: ignore[attr-defined]
        self.by_name[name] = page
        self.pages.addWidget(page)

    def show_kept(self, name: str) -> None:
        """Show a page as it was left, without loading it again."""
        page = self.by_name[name]
        self.session.screen = name
        self.pages.setCurrentWidget(page)
        self._mark(getattr(page, "nav_parent", "") or name)
        self.page_shown.emit(name)

    def open_family(self, family_id: str) -> None:
        self.go("family", family_id)

    def release(self) -> None:
        """Before the session closes: pages drop whatever would still read through it."""
        self.hide()
        self.sync.stop()
        for page in self.by_name.values():
            release = getattr(page, "release", None)
            if release is not None:
                release()

    # Status
    def refresh_status(self, waiting: int | None = None) -> None:
        """Show the station, the volunteer and the changes waiting (counted unless given);
        pages call it after every write."""
        s = self.session
        self._waiting = status.waiting_changes(s) if waiting is None else waiting
        code = s.station.code
        if s.station.code_provisional:
            code = self.tr("{code} (provisional)").replace("{code}", code)
        # The station's name, as people call it; its code and region are in the tooltip.
        self.station_label.set_full_text(
            self.tr("{station} · {volunteer}").replace("{station}", s.station.name)
            .replace("{volunteer}", s.volunteer.name))
        self.station_label.setToolTip("\n".join(
            (s.station.name, regions.display(s.station.region), code)))
        self.sync.note_waiting(self._waiting)
        self.refresh_review_count()

    def refresh_review_count(self) -> None:
        """The station head's badge: conflicts, alerts and refused changes to look at."""
        # The service, not the Review page's module: that one brings the void dialog, the aid
        # use case and the receipt layouts into memory at Home (some 10 MB at 200k families).
        from helpdesk.services import review

        if not self.badges:
            return
        self._review_count = review.review_count(self.session) \
            if self.session.volunteer.is_head else 0
        shown_on = "review" if self._wide else "more"
        for name, badge in self.badges.items():
            badge.set_count(self._review_count if name == shown_on else 0)
            badge.setToolTip(labelled(QCoreApplication.translate("Navigation", "Review"),
                                        self._review_count))
            badge.parentWidget().setAccessibleDescription(badge.toolTip())

    def _synced(self) -> None:
        """A sync brought the region's changes: the page and counts may be out of date."""
        self.refresh_review_count()
        page = self.pages.currentWidget()
        refresh = getattr(page, "refresh_after_sync", None)
        if refresh is not None:
            refresh()

    def connect_server(self) -> None:
        """Open the dialog that enrolls this station with a server (station head)."""
        from helpdesk.ui.dialogs.connect import ConnectDialog

        dialog = ConnectDialog(self.session, self)
        dialog.connected.connect(self.sync.note_enrolled)
        dialog.connected.connect(self._synced)
        dialog.open()

    # Rail or bottom bar
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def _arrange(self, width: int) -> None:
        from helpdesk.ui.pages import registry

        wide = width >= RAIL_MIN_WIDTH
        if wide == self._wide:
            return
        self._wide = wide
        self.body.removeWidget(self.nav)
        if wide:
            self.body.setDirection(QBoxLayout.Direction.LeftToRight)
            self.body.insertWidget(0, self.nav)
            self.nav_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self.nav.setFixedWidth(150)
            self.nav.setMaximumHeight(16777215)
            self.nav.setProperty("placement", "rail")
        else:
            self.body.setDirection(QBoxLayout.Direction.TopToBottom)
            self.body.addWidget(self.nav)
            self.nav_layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self.nav.setMinimumWidth(0)
            self.nav.setMaximumWidth(16777215)
            self.nav.setProperty("placement", "bottom")
        # In the bottom bar the buttons share the width in proportion to what their labels
        # need, so a long label ("Programmes") fits whole beside short ones; only when the
        # whole bar is too narrow are labels shortened with "…" (see NavButton). The pages
        # beyond the first three are in the More sheet there.
        policy = QSizePolicy.Policy.Expanding if wide else QSizePolicy.Policy.Ignored
        for name, button in [*self.nav_buttons.items(), ("more", self.more_button)]:
            button.setSizePolicy(policy, QSizePolicy.Policy.Fixed)
            button.setVisible(not wide if name == "more" else
                              wide or name in registry.BOTTOM_BAR)
        if self.pages.currentWidget() is not None:
            self._check_nav(self.pages.currentWidget())
        stretch = self.nav_layout.itemAt(self.nav_layout.count() - 1)
        if stretch is not None and stretch.spacerItem() is not None:
            self.nav_layout.removeItem(stretch)
        if wide:
            self.nav_layout.addStretch(1)
        self.top_row.removeWidget(self.sync_status)
        self.top_layout.removeWidget(self.sync_status)
        if wide:
            self.top_row.insertWidget(1, self.sync_status, 3)
        else:
            self.top_layout.addWidget(self.sync_status)
        self.sync_status.set_wide(wide)
        self.nav.style().unpolish(self.nav)
        self.nav.style().polish(self.nav)
        for button in [*self.nav_buttons.values(), self.more_button]:
            button.style().unpolish(button)  # the bar's own font size and padding
            button.style().polish(button)
            self.nav_layout.setStretchFactor(button, 0 if wide else button.need())
        self.refresh_status(self._waiting)
