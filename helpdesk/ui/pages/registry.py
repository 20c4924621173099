"""The pages of the signed-in app and the navigation entries, in order."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from helpdesk.ui.pages import (
    about,
    families,
    family,
    family_form,
    give_aid,
    home,
    programmes,
    review,
    settings,
    volunteers,
)

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

PAGES: dict[str, Callable[[Shell], QWidget]] = {
    "home": home.HomePage,
    "families": families.FamiliesPage,
    "family": family.FamilyPage,
    "family_form": family_form.FamilyFormPage,
    "give_aid": give_aid.GiveAidPage,
    "programmes": programmes.ProgrammesPage,
    "volunteers": volunteers.VolunteersPage,
    "review": review.ReviewPage,
    "settings": settings.SettingsPage,
    "about": about.AboutPage,
}


RAIL_ONLY = {"volunteers", "review"}  # reached from Settings on narrow windows
BADGED = {"review", "settings"}  # the review count; on narrow windows on Settings


def nav_items(head: bool) -> list[tuple[str, str]]:
    items = [("home", QCoreApplication.translate("Navigation", "Home")),
             ("families", QCoreApplication.translate("Navigation", "Families")),
             ("programmes", QCoreApplication.translate("Navigation", "Programmes"))]
    if head:
        items.append(("review", QCoreApplication.translate("Navigation", "Review")))
        items.append(("volunteers", QCoreApplication.translate("Navigation", "Volunteers")))
    items.append(("settings", QCoreApplication.translate("Navigation", "Settings")))
    return items
