"""The window: first-run wizard, sign-in, and once signed in the shell with its pages.

It owns the Session (one SQLite connection, on the GUI thread), closes it on lock and on quit,
and locks itself after the idle time set in Settings.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from helpdesk import paths as pathsmod
from helpdesk.errors import KnownError
from helpdesk.services import backups, station_sync
from helpdesk.services import session as sessions
from helpdesk.ui import i18n, workers
from helpdesk.ui.drafts import Drafts
from helpdesk.ui.pages.first_run import FirstRunPage
from helpdesk.ui.pages.sign_in import SignInPage
from helpdesk.ui.preferences import Preferences
from helpdesk.ui.widgets import fit

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

# What signing in builds (the shell and Home); other pages are imported when first shown.
PAGES_MODULES = ("helpdesk.ui.shell", "helpdesk.ui.pages.home")

_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
             QEvent.Type.TabletPress, QEvent.Type.Wheel, QEvent.Type.InputMethod}


class MainWindow(QMainWindow):
    signed_in = Signal()
    locked = Signal()
    restore_finished = Signal()

    def __init__(self, paths: pathsmod.Paths, prefs: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.paths = paths
        self.prefs = prefs
        self.session: sessions.Session | None = None
        self.shell: Shell | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        keeper = QWidget(self)
        keeper.setObjectName("draft_keeper")
        keeper.hide()
        self.drafts = Drafts(keeper)  # pages with work in progress, kept while locked
        self.locked_by = ""  # the volunteer who locked: preselected on the sign-in screen
        self.idle_timer = QTimer(self)
        self.idle_timer.setObjectName("idle_timer")
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        fit.clamp_window(self, 1024, 720)  # never larger than the screen's free area
        self._build_locked_pages()
        self.show_start()
        QTimer.singleShot(0, self.preload_pages)

    def _build_locked_pages(self) -> None:
        for old in (getattr(self, "first_run", None), getattr(self, "sign_in_page", None)):
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
        self.first_run = FirstRunPage(self.paths, self)
        self.first_run.station_created.connect(self._on_station_created)
        self.first_run.finished.connect(self._enter)
        self.first_run.language_chosen.connect(self.set_language)
        self.sign_in_page = SignInPage(self.paths, self)
        self.sign_in_page.unlocked.connect(self._on_unlocked)
        self.stack.addWidget(self.first_run)
        self.stack.addWidget(self.sign_in_page)
        self._retitle()

    def _retitle(self) -> None:
        self.setWindowTitle(self.tr("Helpdesk: aid register"))

    def show_start(self) -> None:
        try:
            exists = sessions.station_exists(self.paths)
        except KnownError as err:  # one of the two files without the other: touch nothing
            self.first_run.refuse(err)
            exists = False
        if exists:
            self.sign_in_page.reload(select=self.locked_by)
            self.stack.setCurrentWidget(self.sign_in_page)
        else:
            self.stack.setCurrentWidget(self.first_run)

    # Signing in and out
    def _on_station_created(self, session: sessions.Session) -> None:
        self.session = session  # the wizard shows the recovery code, then `finished` enters

    def _on_unlocked(self, session: sessions.Session) -> None:
        self.session = session
        self._enter()

    def preload_pages(self) -> None:
        """Import the signed-in pages off the GUI thread while the volunteer types the PIN,
        so the start shows the sign-in screen sooner and signing in does not wait for them."""
        workers.run(lambda: [importlib.import_module(m).__name__ for m in PAGES_MODULES],
                    lambda _: None)

    def _enter(self) -> None:
        from helpdesk.ui.shell import Shell

        assert self.session is not None
        self.shell = Shell(self.session, self.prefs, self)
        self.shell.lock_requested.connect(self.lock)
        self.shell.language_chosen.connect(self.set_language)
        self.shell.restore_requested.connect(self.restore)
        self.shell.idle_time_changed.connect(self._restart_idle_timer)
        self.stack.addWidget(self.shell)
        self.drafts.restore(self.shell)  # the same volunteer finds their draft, others not
        self.stack.setCurrentWidget(self.shell)
        self._restart_idle_timer()
        self.signed_in.emit()

    def lock(self) -> None:
        """Close the database and go back to the sign-in screen; the pages with work in
        progress wait, hidden, for the same volunteer (`drafts`)."""
        self.idle_timer.stop()
        if self.shell is not None:
            self.locked_by = self.shell.session.volunteer.id
            self.drafts.keep(self.shell)
            self.shell.release()
            self.stack.removeWidget(self.shell)
            self.shell.deleteLater()
            self.shell = None
        if self.session is not None:
            self.session.close()
            self.session = None
        self.show_start()
        self.locked.emit()

    def restore(self, backup: Path) -> None:
        """Close the database, put the backup in place off the GUI thread, then sign in."""
        self.lock()
        self.drafts.discard()  # drafts of the replaced database
        self.sign_in_page.setEnabled(False)
        self.sign_in_page.say(self.tr("Restoring the backup…"), error=False)
        paths = self.paths

        def restore() -> object:
            station_sync.wait_idle()  # a sync still writing through its own connection
            return backups.restore(paths, backup)

        workers.run(restore, self._restored, self._restored)

    def _restored(self, result: object) -> None:
        self.sign_in_page.setEnabled(True)
        self.sign_in_page.reload()
        if isinstance(result, Exception):
            self.sign_in_page.say(i18n.known(result))
        else:
            self.sign_in_page.say(self.tr("The backup is restored: sign in again. This laptop "
                                          "now counts as a new device."), error=False)
        self.restore_finished.emit()

    def set_language(self, language: str) -> None:
        """Switch language now: re-install the translator and rebuild every page."""
        self.prefs.language = i18n.install(language)
        typed = self.first_run.typed()  # the first run's fields survive the switch
        self._build_locked_pages()
        self.first_run.fill(typed)
        if self.shell is not None:
            page = self.shell.current_name()
            self.shell.release()
            self.stack.removeWidget(self.shell)
            self.shell.deleteLater()
            self.shell = None
            self._enter()
            assert self.shell is not None
            self.shell.go(page)
        else:
            self.show_start()

    # Idle lock
    def _restart_idle_timer(self) -> None:
        if self.session is not None:
            self.idle_timer.start(max(1, int(self.prefs.idle_minutes * 60_000)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.idle_timer.isActive():
            self.idle_timer.start()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.shell is not None:
            self.shell.release()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)
