"""How many clicks and key presses: find a family by 2 characters → pick the programme →
give 500 元 → sign → confirm."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from helpdesk.services import families
from helpdesk.ui.main_window import MainWindow
from tests.ui.conftest import draw_signature, ime_commit

GOAL = 12


class Counted:
    """Drives the widgets like a volunteer and counts every click and key press."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0
        self.log: list[str] = []

    def click(self, widget: QWidget, pos: QPoint | None = None, what: str = "") -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton,
                              pos=pos if pos is not None else widget.rect().center())
        self._add(1, f"click {what or widget.objectName()}")

    def keys(self, widget: QWidget, text: str) -> None:
        self.qtbot.keyClicks(widget, text)
        self._add(len(text), f"type {text!r}")

    def key(self, widget: QWidget, key: Qt.Key, what: str) -> None:
        self.qtbot.keyClick(widget, key)
        self._add(1, f"press {what}")

    def chinese(self, widget: QWidget, text: str) -> None:
        """One key per character (an IME's candidate pick); pinyin typing would be more."""
        ime_commit(widget, text)
        self._add(len(text), f"type {text!r}")

    def stroke(self, pad: QWidget) -> None:
        draw_signature(self.qtbot, pad)
        self._add(1, "sign (one stroke)")

    def _add(self, n: int, what: str) -> None:
        self.count += n
        self.log.append(f"{n:>2}  {what}")


def test_find_give_sign_confirm_in_few_actions(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    name = next(h.head_name for h in families.find(shell.session, "王", limit=200)
                if len(h.head_name) == 2)
    user = Counted(qtbot)
    user.click(shell.nav_buttons["families"], what="Families")
    page = shell.page("families")
    user.chinese(page.search, name)
    view = page.view
    assert page.model.data(page.model.index(0, 0)).startswith(name)
    user.click(view.viewport(), view.visualRect(page.model.index(0, 0)).center(), "the family")
    family = shell.page("family")
    assert shell.pages.currentWidget() is family
    user.click(family.give_button, what="Give aid")
    give = shell.page("give_aid")
    picker = give.programme  # several programmes open: the volunteer picks one, with one tap
    row = next(i for i in range(picker.count()) if picker.item(i).text().startswith("Warmth"))
    user.click(picker.viewport(), picker.visualItemRect(picker.item(row)).center(),
               "the programme (Warmth Sending)")
    assert give.amount.isVisible()
    user.keys(give.amount, "500")
    user.key(give.amount, Qt.Key.Key_Return, "Enter")
    assert give.steps.currentIndex() == 1
    user.stroke(give.pad)
    user.click(give.confirm_button, what="Confirm")
    assert give.receipt.text(), give.message.text()
    print(f"\nfind by 2 characters → give 500 元 → sign → confirm: {user.count} actions "
          f"(goal ≤ {GOAL})\n" + "\n".join(user.log))
    assert user.count <= GOAL
