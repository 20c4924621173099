"""A family: profile, members, aid history with receipt numbers, campaign totals, actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from helpdesk.domain import idcard, money, regions
from helpdesk.errors import KnownError
from helpdesk.services import families, programmes
from helpdesk.ui import i18n
from helpdesk.ui.dialogs.member import MemberDialog
from helpdesk.ui.dialogs.merge import MergeDialog
from helpdesk.ui.dialogs.receipt import ReceiptDialog
from helpdesk.ui.dialogs.void import VoidDialog
from helpdesk.ui.pages.base import Page, fit_to_rows, kinetic

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

AID_ID = Qt.ItemDataRole.UserRole  # the aid's (or the member's) id


class FamilyPage(Page):
    nav_parent = "families"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, "")
        self.family_id = ""
        self.history: families.History | None = None
        self.give_button = QPushButton(self.tr("Give aid"), self)
        self.give_button.setObjectName("family_give_aid")
        self.give_button.setProperty("class", "primary")
        self.give_button.clicked.connect(lambda: shell.go("give_aid", self.family_id))
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.setObjectName("family_edit")
        self.edit_button.clicked.connect(lambda: shell.go("family_form", self.family_id))
        self.member_button = QPushButton(self.tr("Add member"), self)
        self.member_button.setObjectName("family_add_member")
        self.member_button.clicked.connect(self._add_member)
        actions = QGridLayout()
        actions.addWidget(self.give_button, 0, 0, 1, 2)
        actions.addWidget(self.edit_button, 1, 0)
        actions.addWidget(self.member_button, 1, 1)
        self.content.addLayout(actions)
        self.profile = QFormLayout()
        self.profile.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.content.addLayout(self.profile)
        self.members = self._section(self.tr("Household members (tap one to edit)"),
                                     "family_members")
        self.members.itemClicked.connect(self._edit_member)
        self.totals = QLabel(self)
        self.totals.setObjectName("campaign_totals")
        self.totals.setWordWrap(True)
        self.content.addWidget(self.totals)
        self.aid = self._section(self.tr("Aid given (newest first)"), "aid_history")
        self.aid.currentItemChanged.connect(lambda *_: self._aid_chosen())
        self.void_button = QPushButton(self.tr("Void the chosen aid"), self)
        self.void_button.setObjectName("void_aid")
        self.void_button.clicked.connect(self._void)
        self.void_note = QLabel(self.tr("Only a station head can void aid."), self)
        self.void_note.setObjectName("void_note")
        self.void_note.setWordWrap(True)
        self.receipt_button = QPushButton(self.tr("Receipt of the chosen aid"), self)
        self.receipt_button.setObjectName("aid_receipt")
        self.receipt_button.clicked.connect(self._receipt)
        self.content.addWidget(self.receipt_button)
        self.content.addWidget(self.void_button)
        self.content.addWidget(self.void_note)
        self.merge_button = QPushButton(self.tr("Merge with a duplicate…"), self)
        self.merge_button.setObjectName("family_merge")
        self.merge_button.clicked.connect(self._merge)
        self.content.addWidget(self.merge_button)
        self.content.addStretch(1)

    def _section(self, caption: str, name: str) -> QListWidget:
        label = QLabel(caption, self)
        label.setProperty("class", "section")
        label.setWordWrap(True)
        view = QListWidget(self)
        view.setObjectName(name)
        view.setWordWrap(True)
        kinetic(view)
        self.content.addWidget(label)
        self.content.addWidget(view)
        return view

    def load(self, family_id: str | None = None) -> None:
        if family_id:
            self.family_id = family_id
        self.say("")
        try:
            self.history = h = families.family_history(self.session, self.family_id)
        except KnownError as err:
            self.say_error(err)
            return
        f = h.family
        self.sep = "、" if i18n.short() == "zh" else ", "
        self.title.setText(f.head_name)
        while self.profile.rowCount():
            self.profile.removeRow(0)
        number = idcard.mask(f.id_number) if f.id_kind.value == "resident_id" else f.id_number
        rows = [
            (self.tr("Document"), f"{i18n.label(f.id_kind)} {number}".strip()),
            (self.tr("Birth date"), f.birth_date.isoformat() if f.birth_date else ""),
            (self.tr("Phone"), f.phone),
            (self.tr("Address"), f.address),
            (self.tr("Region"), regions.display(f.region)),
            (self.tr("Hukou"), i18n.label(f.hukou)),
            (self.tr("Employment"), i18n.label(f.employment)),
            (self.tr("Difficulties"), self.sep.join(i18n.label(r) for r in f.reasons)),
            (self.tr("Monthly income (yuan)"), money.format_fen(f.income_fen)
             if f.income_fen is not None else ""),  # blank: not known
            (self.tr("Hardship tier"), i18n.label(f.tier) if f.tier else self.tr("not set")),
            (self.tr("Social insurance"),
             self.sep.join(i18n.label(i) for i in f.insurance) or self.tr("none")),
            (self.tr("Status"), i18n.label(f.status)),
        ]
        for caption, value in rows:
            text = QLabel(value, self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.profile.addRow(caption, text)
        self.members.clear()
        for m in h.members:
            bits = [m.name, i18n.label(m.relation)]
            if m.birth_date:
                bits.append(m.birth_date.isoformat())
            bits += [b for b in (m.health, m.school_or_work) if b]
            item = QListWidgetItem(" · ".join(bits))
            item.setData(AID_ID, m.id)
            self.members.addItem(item)
        if not h.members:
            self.members.addItem(self.tr("No other members recorded"))
        known = programmes.all_programmes(self.session)
        names = {p.id: p.name(i18n.short()) for p in known}
        by_code = {p.code: p.name(i18n.short()) for p in known}
        self.aid.clear()
        for a in h.aid:
            amount = money.format_fen(a.amount_fen) + self.tr(" yuan")
            line = (f"{a.receipt_no}  {a.local_date}  {names.get(a.programme_id, '?')}  "
                    f"{i18n.label(a.kind)} {amount}")
            if a.voided:
                line += "  " + self.tr("VOID: {reason}").replace("{reason}", a.void_reason)
            item = QListWidgetItem(line)
            item.setData(AID_ID, a.id)
            self.aid.addItem(item)
        if not h.aid:
            self.aid.addItem(self.tr("No aid given yet"))
        fit_to_rows(self.members)
        fit_to_rows(self.aid)
        totals = [self.tr("{programme}: {count} time(s), {amount} yuan")
                  .replace("{programme}", by_code.get(code, code)).replace("{count}", str(n))
                  .replace("{amount}", money.format_fen(fen))
                  for code, (n, fen) in h.campaign_totals.items()]
        self.totals.setText(self.tr("This campaign: ")
                            + ("; ".join(totals) or self.tr("nothing yet")))
        head = self.session.volunteer.is_head
        self.void_note.setVisible(not head)
        self.merge_button.setVisible(head)
        self._aid_chosen()

    def _aid_chosen(self) -> None:
        item = self.aid.currentItem()
        chosen = item is not None and bool(item.data(AID_ID))
        self.void_button.setEnabled(self.session.volunteer.is_head and chosen)
        self.receipt_button.setEnabled(chosen)

    def selected_aid(self) -> str | None:
        item = self.aid.currentItem()
        return str(item.data(AID_ID) or "") or None if item is not None else None

    def _void(self) -> None:
        aid_id = self.selected_aid()
        if not aid_id:
            return
        dialog = VoidDialog(self.session, aid_id, self)
        dialog.voided.connect(self._voided)
        dialog.open()

    def _voided(self) -> None:
        self.load()
        self.shell.refresh_status()
        self.say(self.tr("The aid was voided; its receipt number stays, marked void."))

    def _merge(self) -> None:
        if self.history is None:
            return
        dialog = MergeDialog(self.session, self.history.family, self)
        dialog.merged.connect(self._merged)
        dialog.open()

    def _merged(self, kept_id: str) -> None:
        self.load(kept_id)
        self.shell.refresh_status()
        self.say(self.tr("The two registrations are one family now."))

    def _changed(self) -> None:
        self.load()
        self.shell.refresh_status()

    def _receipt(self) -> None:
        aid_id = self.selected_aid()
        aid = next((a for a in self.history.aid if a.id == aid_id), None) if self.history else None
        if aid is not None:
            ReceiptDialog(self.session, aid, self).open()

    def _edit_member(self, item: QListWidgetItem) -> None:
        member_id = item.data(AID_ID)
        if not member_id or self.history is None:
            return
        member = next((m for m in self.history.members if m.id == member_id), None)
        if member is None:
            return
        dialog = MemberDialog(self.session, self.family_id, member, self)
        dialog.saved.connect(self._changed)
        dialog.open()

    def _add_member(self) -> None:
        dialog = MemberDialog(self.session, self.family_id, parent=self)
        dialog.saved.connect(self._changed)
        dialog.open()
