"""Work in progress across a lock.

Locking (the button or the idle lock) closes the database and drops the signed-in frame, but
the pages holding a draft (an aid half given with its signature, a family half typed) are
kept alive, hidden behind the sign-in screen. When the volunteer who locked signs back in,
their new frame takes those pages back and shows the one they were on, as they left it.
When anyone else signs in, the kept pages are destroyed before the new frame is built: the
draft is never shown to them nor reachable from their frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from helpdesk.errors import KnownError

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

DRAFT_PAGES = ("give_aid", "family_form")


class Drafts:
    def __init__(self, keeper: QWidget) -> None:
        """`keeper` is a hidden widget the kept pages live under while the station is locked."""
        self.keeper = keeper
        self.volunteer_id = ""
        self.pages: dict[str, QWidget] = {}
        self.current = ""  # the page the volunteer was on
        self.current_args: tuple[str, ...] = ()

    def keep(self, shell: Shell) -> None:
        """Take the draft pages out of `shell` (which is about to be destroyed)."""
        self.discard()
        self.volunteer_id = shell.session.volunteer.id
        self.current = shell.current_name()
        current = shell.by_name.get(self.current)
        family_id = getattr(current, "family_id", "")
        self.current_args = (family_id,) if family_id and self.current == "family" else ()
        for name in DRAFT_PAGES:
            page = shell.by_name.pop(name, None)
            if page is None:
                continue
            for dialog in page.findChildren(QDialog):  # an approval PIN, a receipt preview
                dialog.reject()
            approvals = getattr(page, "approvals", None)
            if isinstance(approvals, dict):  # a second volunteer's PIN does not outlive the lock
                approvals.clear()
            shell.pages.removeWidget(page)
            page.setParent(self.keeper)
            page.hide()
            self.pages[name] = page

    def restore(self, shell: Shell) -> None:
        """Give the kept pages to the new `shell` if the same volunteer signed in, and show
        the page they were on; for anyone else destroy them first."""
        if shell.session.volunteer.id != self.volunteer_id:
            self.discard()
            return
        pages, current, args = self.pages, self.current, self.current_args
        self.pages, self.volunteer_id, self.current, self.current_args = {}, "", "", ()
        for name, page in pages.items():
            shell.adopt(name, page)
        if current in pages:
            shell.show_kept(current)
        elif current and current != "home":
            try:
                shell.go(current, *args)
            except KnownError:  # the family may be gone: stay on Home
                shell.go("home")

    def discard(self) -> None:
        """Destroy the kept pages (another volunteer signed in, a backup was restored)."""
        for page in self.pages.values():
            page.hide()
            page.setParent(None)
            page.deleteLater()
        self.pages, self.volunteer_id, self.current, self.current_args = {}, "", "", ()
