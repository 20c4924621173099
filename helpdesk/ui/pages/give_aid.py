"""Give aid: programme and amount (shown back in 大写) or goods or service → recipient →
signature → confirm → receipt number. Every approval the aid needs (cap, clock, second PIN) is
collected in one dialog before the signature pad opens; `give_aid` then runs once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import money
from helpdesk.domain.aid import AidIn, ApprovalKind, Need
from helpdesk.domain.errors import Invalid
from helpdesk.domain.families import Relation
from helpdesk.domain.programmes import Kind
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput, KnownError, NeedsApproval
from helpdesk.services import aid as aidcases
from helpdesk.services import families
from helpdesk.ui import i18n
from helpdesk.ui.dialogs import approval
from helpdesk.ui.dialogs.approval import ApprovalDialog
from helpdesk.ui.dialogs.receipt import ReceiptDialog
from helpdesk.ui.pages.base import Page
from helpdesk.ui.widgets.form import Field, show_errors
from helpdesk.ui.widgets.goods import GoodsEditor
from helpdesk.ui.widgets.programme_picker import ProgrammePicker
from helpdesk.ui.widgets.reflow import FitLabel, WrapButton
from helpdesk.ui.widgets.signature_pad import SignaturePad

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

class GiveAidPage(Page):
    nav_parent = "families"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Give aid"))
        self.family_id = ""
        self.head_name = ""
        self.approvals: dict[ApprovalKind, aidcases.Given] = {}
        self.last_aid: Any = None
        self.steps = QStackedWidget(self)
        self.steps.setObjectName("aid_steps")
        self.steps.addWidget(self._details_step())
        self.steps.addWidget(self._sign_step())
        self.steps.addWidget(self._done_step())
        self.content.addWidget(self.steps)
        self.content.addStretch(1)
        self.show_step(0)

    def show_step(self, index: int) -> None:
        """Show one step; the others give up their height, so the page is as tall as it."""
        for i in range(self.steps.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            step = self.steps.widget(i)
            if step is not None:
                step.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.steps.setCurrentIndex(index)
        self.steps.updateGeometry()

    # Step 1: what is given, to whom
    def _details_step(self) -> QWidget:
        step = QWidget(self)
        box = QVBoxLayout(step)
        box.setContentsMargins(0, 0, 0, 0)
        self.programme = ProgrammePicker(step)
        self.programme.picked.connect(lambda _: self._kind_changed(picked=True))
        self.amount = QLineEdit(step)
        self.amount.setPlaceholderText(self.tr("Amount in yuan, e.g. 500"))
        self.amount.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.amount.textChanged.connect(self._amount_typed)
        self.amount.returnPressed.connect(self.to_signature)
        self.capitals = QLabel(step)
        self.capitals.setObjectName("amount_capitals")
        self.goods = GoodsEditor(step)
        self.note = QLineEdit(step)
        self.note.setPlaceholderText(self.tr("e.g. legal advice on unpaid wages"))
        self.relation = QComboBox(step)
        for r in Relation:
            self.relation.addItem(i18n.label(r), r.value)
        self.relation.currentIndexChanged.connect(lambda _: self._recipient_changed())
        self.recipient = QLineEdit(step)
        self.fields = {
            "programme_id": Field("programme_id", self.tr("Programme"), self.programme, step),
            "amount_fen": Field("amount_fen", self.tr("Cash amount (yuan)"), self.amount, step),
            "goods": Field("goods", self.tr("Goods given"), self.goods, step),
            "service_note": Field("service_note", self.tr("Service given"), self.note, step),
            "recipient_relation": Field("recipient_relation", self.tr("Who receives it"),
                                        self.relation, step),
            "recipient_name": Field("recipient_name", self.tr("Name of the person receiving it"),
                                    self.recipient, step),
        }
        for name, field in self.fields.items():
            box.addWidget(field)
            if name == "amount_fen":
                box.addWidget(self.capitals)
        self.next_button = QPushButton(self.tr("Next: signature"), step)
        self.next_button.setObjectName("aid_next")
        self.next_button.setProperty("class", "primary")
        self.next_button.clicked.connect(self.to_signature)
        box.addWidget(self.next_button)
        box.addStretch(1)
        return step

    # Step 2: the recipient signs, the volunteer confirms
    def _sign_step(self) -> QWidget:
        step = QWidget(self)
        box = QVBoxLayout(step)
        box.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(step)
        self.summary.setObjectName("aid_summary")
        self.summary.setWordWrap(True)
        hint = QLabel(self.tr("The person receiving it signs below, with a finger, a pen or "
                              "the mouse."), step)
        hint.setWordWrap(True)
        self.pad = SignaturePad(step)
        self.sign_error = QLabel(step)
        self.pad.changed.connect(self.sign_error.hide)
        self.pad.changed.connect(lambda: self.approvals.pop(ApprovalKind.NO_SIGNATURE, None))
        self.sign_error.setObjectName("signature_error")
        self.sign_error.setWordWrap(True)  # the reason is a sentence: never wider than a phone
        self.sign_error.setProperty("class", "field_error")
        self.sign_error.hide()
        clear = QPushButton(self.tr("Clear the signature"), step)
        clear.setObjectName("signature_clear")
        clear.clicked.connect(self.pad.clear)
        back = QPushButton(self.tr("Back"), step)
        back.setObjectName("aid_back")
        back.clicked.connect(lambda: self.show_step(0))
        self.confirm_button = QPushButton(self.tr("Confirm and save"), step)
        self.confirm_button.setObjectName("aid_confirm")
        self.confirm_button.setProperty("class", "primary")
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QGridLayout()
        buttons.addWidget(clear, 0, 0)
        buttons.addWidget(back, 0, 1)
        buttons.addWidget(self.confirm_button, 1, 0, 1, 2)
        unable = WrapButton(self.tr("Cannot sign: station head records why…"), step)
        unable.setObjectName("signature_unable")
        unable.clicked.connect(lambda: self.ask_approval([aidcases.no_signature_need()],
                                                         then=self.confirm))
        buttons.addWidget(unable, 2, 0, 1, 2)
        for w in (self.summary, hint, self.pad, self.sign_error):
            box.addWidget(w)
        box.addLayout(buttons)
        box.addStretch(1)
        return step

    # Step 3: saved
    def _done_step(self) -> QWidget:
        step = QWidget(self)
        box = QVBoxLayout(step)
        box.setContentsMargins(0, 0, 0, 0)
        saved = QLabel(self.tr("Saved. Receipt number:"), step)
        self.receipt = FitLabel(step)
        self.receipt.setObjectName("receipt_no")
        self.receipt.setProperty("class", "figure")
        self.receipt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_text = QLabel(step)
        self.done_text.setWordWrap(True)
        receipt = WrapButton(self.tr("Receipt: preview, print, PDF"), step)
        receipt.setObjectName("aid_done_receipt")
        receipt.setProperty("class", "primary")
        receipt.clicked.connect(self.show_receipt)
        back = QPushButton(self.tr("Back to the family"), step)
        back.setObjectName("aid_done_family")
        back.clicked.connect(lambda: self.shell.open_family(self.family_id))
        other = QPushButton(self.tr("Find another family"), step)
        other.setObjectName("aid_done_search")
        other.clicked.connect(lambda: self.shell.go("families"))
        for w in (saved, self.receipt, self.done_text, receipt, back, other):
            box.addWidget(w)
        box.addStretch(1)
        return step

    # Flow
    def load(self, family_id: str | None = None) -> None:
        self.family_id = family_id or self.family_id
        self.say("")
        self.approvals.clear()
        history = families.family_history(self.session, self.family_id)
        self.head_name = history.family.head_name
        self.title.setText(self.tr("Give aid to {name}").replace("{name}", self.head_name))
        # Each programme with what this family received of it, here and at other stations;
        # none is picked for the volunteer when more than one is open.
        self.programme.set_standings(aidcases.standings(self.session, self.family_id))
        self.amount.clear()
        self.note.clear()
        self.goods.reset()
        self.relation.setCurrentIndex(0)
        self.recipient.clear()
        self.pad.clear()
        show_errors(self.fields, {})
        if not self.programme.kinds:
            self.say(self.tr("No programme is open today: a station head can create one on "
                             "the Programmes page."), error=True)
        self._kind_changed()
        self._recipient_changed()
        self.show_step(0)
        self.amount.setFocus()

    def kind(self) -> Kind | None:
        return self.programme.kind()

    def _kind_changed(self, picked: bool = False) -> None:
        kind = self.kind()
        self.fields["amount_fen"].setVisible(kind is Kind.CASH)
        self.capitals.setVisible(kind is Kind.CASH)
        self.fields["goods"].setVisible(kind is Kind.GOODS)
        self.fields["service_note"].setVisible(kind is Kind.SERVICE)
        if kind is not None:
            self.fields["programme_id"].set_error("")
        if picked and kind is not None:  # the next thing to type, without another tap
            {Kind.CASH: self.amount, Kind.SERVICE: self.note}.get(kind, self.programme).setFocus()

    def _recipient_changed(self) -> None:
        self.fields["recipient_name"].setVisible(self.relation.currentData() != "head")

    def _amount_typed(self, text: str) -> None:
        self.fields["amount_fen"].set_error("")
        try:
            fen = money.parse_fen(text) if text.strip() else 0
        except Invalid as err:
            self.capitals.setText("")
            self.fields["amount_fen"].set_error(err.problem.text(i18n.short()))
            return
        self.capitals.setText(self.tr("In capitals: {capitals}").replace(
            "{capitals}", money.capitals(fen)) if fen else "")

    def data(self) -> dict[str, Any]:
        kind = self.kind()
        out: dict[str, Any] = {"family_id": self.family_id,
                               "programme_id": self.programme.current_id(),
                               "kind": kind.value if kind else "",
                               "recipient_relation": self.relation.currentData()}
        if self.relation.currentData() != "head":
            out["recipient_name"] = self.recipient.text().strip()
        if kind is Kind.CASH:
            out["amount_fen"] = self.amount.text().strip() or "0"
        elif kind is Kind.GOODS:
            out["goods"] = self.goods.data()
        elif kind is Kind.SERVICE:
            out["service_note"] = self.note.text().strip()
        return out

    def _show_invalid(self, problems: dict[str, str]) -> None:
        rest = show_errors(self.fields, problems)
        self.say("\n".join(rest), error=True)
        self.show_step(0)

    def to_signature(self) -> None:
        """Check the details with the domain's rules and collect every approval the aid
        needs (one dialog), then show the signature pad."""
        self.say("")
        self.approvals.clear()
        if self.kind() is None:
            self._show_invalid({"programme_id": self.tr("Pick the programme")})
            return
        try:
            checked = validate(AidIn, self.data())
        except Invalid as err:
            self._show_invalid({p.field or "programme_id": p.text(i18n.short())
                                for p in err.problems})
            return
        show_errors(self.fields, {})
        try:
            wanted = aidcases.needs(self.session, checked)
        except InvalidInput as err:
            self._show_invalid({k: p.text(i18n.short()) for k, p in err.fields().items()})
            return
        except KnownError as err:
            self.say_error(err)
            return
        if wanted:
            self.ask_approval(wanted, then=lambda: self._open_pad(checked))
            return
        self._open_pad(checked)

    def _open_pad(self, checked: AidIn) -> None:
        what = {Kind.CASH: self.tr("{amount} yuan ({capitals})")
                .replace("{amount}", money.format_fen(checked.amount_fen))
                .replace("{capitals}", money.capitals(checked.amount_fen)),
                Kind.GOODS: self.goods.text(), Kind.SERVICE: checked.service_note}[checked.kind]
        who = checked.recipient_name or self.head_name
        self.summary.setText(self.tr("{programme}: {what}\nReceived by {who}")
                             .replace("{programme}", self.programme.current_text())
                             .replace("{what}", what).replace("{who}", who))
        self.sign_error.hide()
        self.show_step(1)

    def confirm(self) -> None:
        data = self.data()
        no_signature = self.approvals.get(ApprovalKind.NO_SIGNATURE)
        if no_signature is None:
            problem = self.pad.problem()
            if problem is not None:  # a tap, a dot, one short line: say why, save nothing
                self.sign_error.setText(problem.text(i18n.short()))
                self.sign_error.show()
                return
            data |= {"signature_png": self.pad.to_png(),
                     "signature_strokes": self.pad.strokes()}
        try:
            aid = aidcases.give_aid(self.session, data, approvals=self.approvals,
                                    no_signature=no_signature)
        except NeedsApproval as need:  # the station changed since (a pull, another device)
            self.ask_approval(list(need.needs), then=self.confirm)
            return
        except InvalidInput as err:
            found = err.fields()
            if "signature" in found:
                self.sign_error.setText(found["signature"].text(i18n.short()))
                self.sign_error.show()
                return
            self._show_invalid({k: p.text(i18n.short()) for k, p in found.items()})
            return
        except KnownError as err:
            self.approvals.clear()  # a wrong approver PIN: ask again next time
            self.say_error(err)
            return
        self.approvals.clear()
        self.last_aid = aid
        self.receipt.setText(aid.receipt_no)
        self.done_text.setText(self.tr("Given to {who} on {date}.")
                               .replace("{who}", aid.recipient_name)
                               .replace("{date}", aid.local_date))
        self.say("")
        self.show_step(2)
        self.shell.refresh_status()

    def show_receipt(self) -> ReceiptDialog:
        dialog = ReceiptDialog(self.session, self.last_aid, self)
        dialog.open()
        return dialog

    def ask_approval(self, wanted: list[Need], then: Callable[[], None]) -> ApprovalDialog:
        """One dialog for every approval in `wanted`; `then` runs once they are all given."""
        self.approval_dialog = approval.ask(self, self.session, wanted, self.approvals, then)
        return self.approval_dialog

    # Leaving: the shell asks before details typed or a signature drawn are left unsaved
    def is_dirty(self) -> bool:
        step = self.steps.currentIndex()
        typed = any(w.text().strip() for w in (self.amount, self.note, self.recipient))
        return step == 1 or (step == 0 and (typed or bool(self.goods.data())))

    def discard(self) -> None:
        self.show_step(0)
        self.amount.clear()
        self.note.clear()
        self.recipient.clear()
        self.goods.reset()
        self.pad.clear()
