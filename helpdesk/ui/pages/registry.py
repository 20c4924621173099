"""The pages of the signed-in app and the navigation entries, in order."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

Factory = Callable[["Shell"], QWidget]


class _Lazy(Mapping[str, Factory]):
    """Page classes by name, each module imported when its page is first built: signing in
    needs only Home, and the others' modules (receipt printing, QR codes, the review) would
    otherwise stay in memory from the start (some 10 MB at a 200k-family station)."""

    def __init__(self, where: dict[str, str]) -> None:
        self._where = where

    def __getitem__(self, name: str) -> Factory:
        module, _, cls = self._where[name].partition(":")
        found: Factory = getattr(importlib.import_module(f"helpdesk.ui.pages.{module}"), cls)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


PAGES: Mapping[str, Factory] = _Lazy({
    "home": "home:HomePage",
    "families": "families:FamiliesPage",
    "import_roster": "import_roster:ImportPage",
    "family": "family:FamilyPage",
    "family_form": "family_form:FamilyFormPage",
    "give_aid": "give_aid:GiveAidPage",
    "paper_entry": "paper_entry:PaperEntryPage",
    "programmes": "programmes:ProgrammesPage",
    "volunteers": "volunteers:VolunteersPage",
    "review": "review:ReviewPage",
    "reports": "reports:ReportsPage",
    "settings": "settings:SettingsPage",
    "about": "about:AboutPage",
})


BOTTOM_BAR = ("home", "families", "programmes")  # the bar of narrow windows; the rest in More
BADGED = {"review"}  # the review count (on narrow windows on More, and in its sheet)


def nav_items(head: bool) -> list[tuple[str, str]]:
    items = [("home", QCoreApplication.translate("Navigation", "Home")),
             ("families", QCoreApplication.translate("Navigation", "Families")),
             ("programmes", QCoreApplication.translate("Navigation", "Programmes"))]
    if head:
        items.append(("review", QCoreApplication.translate("Navigation", "Review")))
        items.append(("reports", QCoreApplication.translate("Navigation", "Reports")))
        items.append(("volunteers", QCoreApplication.translate("Navigation", "Volunteers")))
    items.append(("settings", QCoreApplication.translate("Navigation", "Settings")))
    return items


def more_items(head: bool) -> list[tuple[str, str]]:
    """The pages narrow windows reach through More: what the bottom bar leaves out, and About."""
    return [*[(n, t) for n, t in nav_items(head) if n not in BOTTOM_BAR],
            ("about", QCoreApplication.translate("Navigation", "About Helpdesk"))]
