"""Review (station head): edits that clashed (keep one value), the same aid given at two
stations (mark reviewed), the union office's decisions on those (read and dismiss, or void the
aid it asks to void), changes the server refused or quarantined (with its reason), and
merging duplicate families."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from helpdesk.domain import regions
from helpdesk.errors import KnownError
from helpdesk.services import decisions, refusals, review
from helpdesk.services import session as sessions
from helpdesk.ui import i18n
from helpdesk.ui.dialogs.void import VoidDialog
from helpdesk.ui.pages.base import Page
from helpdesk.ui.widgets.reflow import Row

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

log = logging.getLogger(__name__)
SHOWN = 100  # cards per section; the rest are counted

FIELDS = {
    "head_name": QT_TRANSLATE_NOOP("Review", "Head of family's name"),
    "phone": QT_TRANSLATE_NOOP("Review", "Phone"),
    "address": QT_TRANSLATE_NOOP("Review", "Address"),
    "region": QT_TRANSLATE_NOOP("Review", "Region"),
    "hukou": QT_TRANSLATE_NOOP("Review", "Hukou"),
    "employment": QT_TRANSLATE_NOOP("Review", "Employment"),
    "reasons": QT_TRANSLATE_NOOP("Review", "Difficulties"),
    "income_fen": QT_TRANSLATE_NOOP("Review", "Monthly household income"),
    "essential_spending_fen": QT_TRANSLATE_NOOP("Review", "Essential spending a year"),
    "tier": QT_TRANSLATE_NOOP("Review", "Hardship tier"),
    "insurance": QT_TRANSLATE_NOOP("Review", "Social insurance"),
    "status": QT_TRANSLATE_NOOP("Review", "Status"),
    "notes": QT_TRANSLATE_NOOP("Review", "Notes"),
    "name": QT_TRANSLATE_NOOP("Review", "Name"),
    "relation": QT_TRANSLATE_NOOP("Review", "Relation"),
    "birth_date": QT_TRANSLATE_NOOP("Review", "Birth date"),
    "id_number": QT_TRANSLATE_NOOP("Review", "Document number"),
}

ENTITIES = {
    "family": QT_TRANSLATE_NOOP("Review", "Family"),
    "member": QT_TRANSLATE_NOOP("Review", "Family member"),
    "aid": QT_TRANSLATE_NOOP("Review", "Aid"),
    "programme": QT_TRANSLATE_NOOP("Review", "Programme"),
    "volunteer": QT_TRANSLATE_NOOP("Review", "Volunteer"),
    "station": QT_TRANSLATE_NOOP("Review", "Station"),
    "audit": QT_TRANSLATE_NOOP("Review", "Log entry"),
    "close": QT_TRANSLATE_NOOP("Review", "Day close"),
}


def count(session: sessions.Session) -> int:
    """What waits for the station head (0 for a volunteer)."""
    return review.review_count(session) if session.volunteer.is_head else 0


def field_label(name: str) -> str:
    return QCoreApplication.translate("Review", FIELDS[name]) if name in FIELDS else name


def shown(value: object, field: str = "") -> str:
    if value is None or value == "":
        return QCoreApplication.translate("Review", "(empty)")
    if field == "region" and isinstance(value, str):
        return regions.display(value)
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


class Card(QFrame):
    """One thing to review: its text and its buttons (two a row, or one under another when
    two do not fit)."""

    def __init__(self, name: str, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("review_item")
        self.setProperty("item", name)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.rows: list[Row] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(10, 8, 10, 8)
        self.layout_.addWidget(self.label)

    def add(self, name: str, text: str, action: Callable[[], None], *,
            danger: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        if danger:
            button.setProperty("class", "danger")
        button.clicked.connect(action)
        if not self.rows or self.rows[-1].box.count() == 2:
            self.rows.append(Row(self))
            self.layout_.addWidget(self.rows[-1])
        self.rows[-1].add(button)
        return button


class ReviewPage(Page):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Review"))
        self.sections: dict[str, QVBoxLayout] = {}
        self.empty: dict[str, QLabel] = {}
        for name, title, empty in (
                ("conflicts", self.tr("Edits that clashed"),
                 self.tr("No clashing edits.")),
                ("alerts", self.tr("Same aid at two stations"),
                 self.tr("No aid given twice.")),
                ("decisions", self.tr("Decisions of the union office"),
                 self.tr("No decision of the union office waits.")),
                ("stuck", self.tr("Changes the server refused"),
                 self.tr("The server took every change.")),
        ):
            heading = QLabel(title, self)
            heading.setProperty("class", "section")
            self.content.addWidget(heading)
            note = QLabel(empty, self)
            note.setObjectName(f"review_{name}_empty")
            note.setWordWrap(True)
            self.content.addWidget(note)
            box = QVBoxLayout()
            box.setSpacing(8)
            self.content.addLayout(box)
            self.sections[name], self.empty[name] = box, note
        heading = QLabel(self.tr("Duplicate families"), self)
        heading.setProperty("class", "section")
        self.content.addWidget(heading)
        hint = QLabel(self.tr("When one family was registered twice (here or at another "
                              "station), open it and merge the two: aid and caps then count "
                              "as one family."), self)
        hint.setWordWrap(True)
        self.content.addWidget(hint)
        self.find_button = QPushButton(self.tr("Find the family to merge"), self)
        self.find_button.setObjectName("review_find_family")
        self.find_button.clicked.connect(lambda: shell.go("families"))
        self.content.addWidget(self.find_button)
        self.content.addStretch(1)

    def load(self) -> None:
        self.say("")
        for box in self.sections.values():
            while box.count():
                item = box.takeAt(0)
                if item is not None and item.widget() is not None:
                    item.widget().deleteLater()
        head = self.session.volunteer.is_head
        self.find_button.setVisible(head)
        if not head:
            self.say(self.tr("Only a station head can review these."), error=True)
            for note in self.empty.values():
                note.hide()
            return
        try:
            self._fill("conflicts", review.conflicts(self.session), self._conflict)
            self._fill("alerts", review.alerts(self.session), self._alert)
            self._fill("decisions", decisions.open_decisions(self.session), self._decision)
            self._fill("stuck", review.stuck_changes(self.session), self._stuck)
        except KnownError as err:
            self.say_error(err)

    def refresh_after_sync(self) -> None:
        self.load()

    def _fill(self, name: str, items: list[Any], make: Callable[[Any], Card]) -> None:
        box = self.sections[name]
        for item in items[:SHOWN]:
            box.addWidget(make(item))
        if len(items) > SHOWN:
            more = QLabel(self.tr("and {n} more").replace("{n}", str(len(items) - SHOWN)), self)
            box.addWidget(more)
        self.empty[name].setVisible(not items)

    def _conflict(self, c: review.ConflictItem) -> Card:
        text = self.tr("{family} · {field}\nKept: {kept} ({kept_by})\nThe other value: {losing} "
                       "({lost_by})")
        for key, value in (("{family}", c.family_name or c.entity_id),
                           ("{field}", field_label(c.field)),
                           ("{kept}", shown(c.kept_value, c.field)),
                           ("{kept_by}", str(c.kept_by)),
                           ("{losing}", shown(c.losing_value, c.field)),
                           ("{lost_by}", str(c.lost_by))):
            text = text.replace(key, value)
        card = Card("conflict", text, self)
        card.add("conflict_keep", self.tr("Keep"),
                 lambda: self._act(lambda: review.resolve_conflict(
                     self.session, c.id, use_losing_value=False), self.tr("Kept")))
        card.add("conflict_use_other", self.tr("Use the other value"),
                 lambda: self._act(lambda: review.resolve_conflict(
                     self.session, c.id, use_losing_value=True),
                     self.tr("The other value is used now")))
        if c.family_id:
            card.add("conflict_family", self.tr("Open the family"),
                     lambda: self.shell.open_family(c.family_id))
        return card

    def _alert(self, a: review.AlertItem) -> Card:
        text = self.tr("{programme}: {id} got it here and at {others}\nStation {station} · "
                       "{when}")
        others = a.others or "?"
        for key, value in (("{programme}", str(a.programme_name)), ("{id}", str(a.masked_id)),
                           ("{others}", others), ("{station}", str(a.station_code)),
                           ("{when}", str(a.created_at)[:16].replace("T", " "))):
            text = text.replace(key, value)
        card = Card("alert", text, self)
        card.add("alert_reviewed", self.tr("Mark reviewed"),
                 lambda: self._act(lambda: review.mark_alert_reviewed(self.session, a.aid_id),
                                   self.tr("Marked reviewed")))
        if a.family_id:
            card.add("alert_family", self.tr("Open the family"),
                     lambda: self.shell.open_family(a.family_id))
        return card

    def _decision(self, d: decisions.DecisionItem) -> Card:
        if d.to_void_here:
            text = self.tr("The union office asks to void receipt {receipt}: {reason}")
        elif d.decision == "ask_void":
            text = self.tr("The union office asked station {station} to void its aid: {reason}")
        else:
            text = self.tr("Allowed by the union office: {reason}")
        about = [x for x in (d.programme_name, d.masked_id) if x]
        text += "\n" + " · ".join([*about, self.tr("Station {station}"),
                                    str(d.decided_at)[:16].replace("T", " ")])
        for key, value in (("{receipt}", d.receipt_no), ("{reason}", d.reason),
                           ("{station}", d.station_code)):
            text = text.replace(key, value)
        card = Card("decision", text, self)
        card.setProperty("decision", d.decision)
        if d.to_void_here:
            card.add("decision_void", self.tr("Void the aid…"),
                     lambda: self._void(d), danger=True)
        else:
            card.add("decision_dismiss", self.tr("Dismiss"), lambda: self._act(
                lambda: decisions.dismiss(self.session, d.station_code, d.aid_id),
                self.tr("Dismissed")))
        return card

    def _void(self, d: decisions.DecisionItem) -> None:
        """The usual void dialog with the office's reason filled in: the head confirms."""
        dialog = VoidDialog(self.session, d.aid_id, self, reason=d.reason)
        dialog.voided.connect(lambda: self._act(lambda: None, self.tr(
            "The aid was voided; its receipt number stays, marked void.")))
        dialog.open()

    def _stuck(self, c: review.StuckChange) -> Card:
        status = self.tr("quarantined") if c.status == "quarantined" else self.tr("refused")
        entity = QCoreApplication.translate("Review", ENTITIES.get(c.entity, c.entity))
        text = self.tr("{entity} {summary}: {status}\nReason: {reason}")
        why = refusals.refusal(c.reason)  # the server's code, in the user's words
        for key, value in (("{entity}", entity), ("{summary}", str(c.summary)),
                           ("{status}", status), ("{reason}", why.text(i18n.short()))):
            text = text.replace(key, value)
        card = Card("stuck", text, self)
        card.setToolTip(c.reason)  # the code, for whoever supports the station
        if why.fix == "family" and c.family_id:
            card.add("stuck_family", self.tr("Open the family"),
                     lambda: self.shell.open_family(c.family_id))
        elif why.fix == "programmes":
            card.add("stuck_programmes", self.tr("Open the programmes"),
                     lambda: self.shell.go("programmes"))
        card.add("stuck_dismiss", self.tr("Dismiss"),
                 lambda: self._act(lambda: review.dismiss_refused(self.session, c.change_id),
                                   self.tr("Dismissed: it stays out of the review and is not "
                                           "sent again")))
        return card

    def _act(self, action: Callable[[], object], done: str) -> None:
        try:
            action()
        except KnownError as err:
            self.load()
            self.say_error(err)
            return
        self.load()
        self.shell.refresh_status()
        self.say(done)
