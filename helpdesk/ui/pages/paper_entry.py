"""Paper sheets: print a numbered blank sheet or roster for the day the laptop is down, and
afterwards type its lines back (补录). The sheet number is typed or scanned from its QR code
(a scanner types it and presses Enter); each line is checked like aid at the desk (caps,
approvals in the one approval dialog) and saved through `give_aid`, signed on the paper."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QWidget,
)

from helpdesk.domain import idcard, money, paper
from helpdesk.domain.aid import AidIn, ApprovalKind, Need
from helpdesk.domain.errors import Invalid
from helpdesk.domain.paper import PaperLine
from helpdesk.domain.programmes import Kind
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput, KnownError, NeedsApproval
from helpdesk.services import aid as aidcases
from helpdesk.services import families, programmes
from helpdesk.services import paper as papercases
from helpdesk.ui import i18n
from helpdesk.ui.dialogs import approval
from helpdesk.ui.dialogs.approval import ApprovalDialog
from helpdesk.ui.dialogs.receipt import ReceiptDialog
from helpdesk.ui.models.families import FamilySearchModel
from helpdesk.ui.pages.base import Page
from helpdesk.ui.widgets.form import Field, show_errors
from helpdesk.ui.widgets.goods import GoodsEditor
from helpdesk.ui.widgets.programme_picker import ProgrammePicker

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell


class PaperEntryPage(Page):
    nav_parent = "home"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Enter aid from a paper sheet"))
        self.sheet_no = ""
        self.family_id = ""
        self.scan: bytes | None = None
        self.approvals: dict[ApprovalKind, aidcases.Given] = {}
        self.last_aid: Any = None
        intro = QLabel(self.tr("Type the sheet number printed at its top right, or scan its "
                               "QR code. Then enter each line as written on the paper."), self)
        intro.setWordWrap(True)
        self.sheet = QLineEdit(self)
        self.sheet.setPlaceholderText(self.tr("e.g. 7KQM-P0001"))
        self.sheet.returnPressed.connect(self.open_sheet)
        self.sheet_field = Field("sheet", self.tr("Paper sheet number"), self.sheet, self)
        self.open_button = QPushButton(self.tr("Open the sheet"), self)
        self.open_button.setObjectName("paper_open")
        self.open_button.setProperty("class", "primary")
        self.open_button.clicked.connect(self.open_sheet)
        self.sheet_state = QLabel(self)
        self.sheet_state.setObjectName("paper_sheet_state")
        self.sheet_state.setWordWrap(True)
        for w in (intro, self.sheet_field, self.open_button, self.sheet_state):
            self.content.addWidget(w)
        self.form = QWidget(self)
        self.form.setObjectName("paper_form")
        self._build_form()
        self.content.addWidget(self.form)
        self._build_printing()
        self.content.addStretch(1)
        self.form.hide()

    # The line's form
    def _build_form(self) -> None:
        box = QGridLayout(self.form)
        box.setContentsMargins(0, 0, 0, 0)
        self.attach = QPushButton(self.tr("Attach a photo or scan of the sheet…"), self.form)
        self.attach.setObjectName("paper_attach")
        self.attach.clicked.connect(self.choose_scan)
        self.scan_state = QLabel(self.form)
        self.scan_state.setObjectName("paper_scan_state")
        self.scan_state.setWordWrap(True)
        self.line = QSpinBox(self.form)
        self.line.setRange(1, paper.MAX_LINE)
        self.search = QLineEdit(self.form)
        self.search.setPlaceholderText(self.tr("Name, pinyin, or last digits of ID or phone"))
        self.results = FamilySearchModel(
            lambda q, n: families.find(self.session, q, limit=n), self._describe, self)
        self.found = QListView(self.form)
        self.found.setObjectName("paper_family_results")
        self.found.setModel(self.results)
        self.found.setMaximumHeight(160)
        self.search.textChanged.connect(self.results.set_query)
        self.found.clicked.connect(lambda index: self.pick_family(
            self.results.family_id(index.row())))
        self.chosen = QLabel(self.form)
        self.chosen.setObjectName("paper_family_chosen")
        self.programme = ProgrammePicker(self.form)
        self.programme.picked.connect(lambda _: self._kind_changed())
        self.amount = QLineEdit(self.form)
        self.amount.setPlaceholderText(self.tr("Amount in yuan, e.g. 500"))
        self.amount.textChanged.connect(self._amount_typed)
        self.capitals = QLabel(self.form)
        self.goods = GoodsEditor(self.form)
        self.note = QLineEdit(self.form)
        self.when = QDateTimeEdit(self.form)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.handed_by = QComboBox(self.form)
        for touch in (self.line, self.when):  # as tall as the line edits (app.qss)
            touch.setMinimumHeight(44)
        self.fields = {
            "line": Field("line", self.tr("Line number on the sheet"), self.line, self.form),
            "family_id": Field("family_id", self.tr("Family (search as usual)"), self.search,
                               self.form),
            "programme_id": Field("programme_id", self.tr("Programme"), self.programme,
                                  self.form),
            "amount_fen": Field("amount_fen", self.tr("Cash amount (yuan)"), self.amount,
                                self.form),
            "goods": Field("goods", self.tr("Goods given"), self.goods, self.form),
            "service_note": Field("service_note", self.tr("Service given"), self.note,
                                  self.form),
            "given_at": Field("given_at", self.tr("Date and time written on the sheet"),
                              self.when, self.form),
            "handed_by": Field("handed_by", self.tr("Handed over by"), self.handed_by,
                               self.form),
        }
        self.save_button = QPushButton(self.tr("Save this line"), self.form)
        self.save_button.setObjectName("paper_save")
        self.save_button.setProperty("class", "primary")
        self.save_button.clicked.connect(self.save_line)
        self.receipt_button = QPushButton(self.tr("Receipt of the line saved: print, PDF"),
                                          self.form)
        self.receipt_button.setObjectName("paper_receipt")
        self.receipt_button.clicked.connect(
            lambda: ReceiptDialog(self.session, self.last_aid, self).open())
        self.receipt_button.hide()
        rows: list[QWidget] = [self.attach, self.scan_state, self.fields["line"],
                               self.fields["family_id"], self.found, self.chosen]
        rows += [self.fields[n] for n in ("programme_id", "amount_fen")]
        rows += [self.capitals] + [self.fields[n] for n in ("goods", "service_note",
                                                           "given_at", "handed_by")]
        for n, w in enumerate([*rows, self.save_button, self.receipt_button]):
            box.addWidget(w, n, 0)

    def _build_printing(self) -> None:
        head = QLabel(self.tr("Before an outage: print numbered sheets"), self)
        head.setProperty("class", "hint")
        head.setWordWrap(True)
        blank = QPushButton(self.tr("Save a blank signature sheet as PDF…"), self)
        blank.setObjectName("paper_print_blank")
        blank.clicked.connect(lambda: self._print_to_file(None))
        self.roster_programme = QComboBox(self)
        self.roster_programme.setObjectName("paper_roster_programme")
        roster = QPushButton(self.tr("Save the roster of this programme as PDF…"), self)
        roster.setObjectName("paper_print_roster")
        roster.clicked.connect(
            lambda: self._print_to_file(str(self.roster_programme.currentData() or "")))
        for w in (head, blank, self.roster_programme, roster):
            self.content.addWidget(w)

    # Flow
    def load(self, sheet: str | None = None) -> None:
        self.say("")
        self.roster_programme.clear()
        for p in programmes.open_today(self.session):
            self.roster_programme.addItem(p.name(i18n.short()), p.id)
        self.handed_by.clear()
        for v in papercases.hand_over_volunteers(self.session):
            self.handed_by.addItem(v.name, v.id)
        self.handed_by.setCurrentIndex(max(0, self.handed_by.findData(self.session.volunteer.id)))
        if sheet:
            self.sheet.setText(sheet)
            self.open_sheet()
        self.sheet.setFocus()

    def print_sheet(self, path: Path, programme_id: str | None) -> papercases.Printed | None:
        try:
            printed = papercases.print_sheet(self.session, path, programme_id or None)
        except KnownError as err:
            self.say_error(err)
            return None
        self.say(self.tr("Sheet {number} saved ({pages} page(s)): {path}")
                 .replace("{number}", printed.sheet.number)
                 .replace("{pages}", str(printed.pages)).replace("{path}", str(path)))
        return printed

    def _print_to_file(self, programme_id: str | None) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the sheet as PDF"),
                                              "paper-sheet.pdf", "PDF (*.pdf)")
        if name:
            self.print_sheet(Path(name), programme_id)

    def open_sheet(self) -> None:
        self.say("")
        try:
            number = papercases.sheet_number(self.sheet.text())
            found, entered = papercases.sheet(self.session, number)
        except InvalidInput as err:
            self.sheet_field.set_error(err.problems[0].text(i18n.short()))
            self.form.hide()
            return
        except KnownError as err:
            self.sheet_field.set_error(i18n.known(err))
            self.form.hide()
            return
        self.sheet_field.set_error("")
        self.sheet.setText(number)
        self.sheet_no = number
        self.line.setMaximum(found.lines if found else paper.MAX_LINE)
        if found is not None:
            printed = datetime.fromisoformat(found.printed_at).astimezone(self.session.tz)
            self.when.setMinimumDateTime(QDateTime(
                QDate(printed.year, printed.month, printed.day), QTime(0, 0)))
        self._show_entered(found, entered)
        self._reset_line(next((n for n in range(1, self.line.maximum() + 1)
                               if n not in entered), 1))
        self.form.show()

    def _show_entered(self, found: Any, entered: dict[int, str]) -> None:
        size = (self.tr("{count} lines").replace("{count}", str(found.lines)) if found
                else self.tr("printed on another computer of the station"))
        done = "; ".join(self.tr("line {line}: {receipt}").replace("{line}", str(n))
                         .replace("{receipt}", r) for n, r in sorted(entered.items()))
        self.sheet_state.setText(self.tr("Sheet {number} ({size}). Entered so far: {done}")
                                 .replace("{number}", self.sheet_no).replace("{size}", size)
                                 .replace("{done}", done or self.tr("none")))

    def _reset_line(self, line: int) -> None:
        self.line.setValue(line)
        self.family_id = ""
        self.search.clear()
        self.chosen.setText(self.tr("No family chosen yet"))
        self.programme.set_standings([])
        self.amount.clear()
        self.note.clear()
        self.goods.reset()
        self.when.setDateTime(QDateTime.currentDateTime())
        show_errors(self.fields, {})
        self._kind_changed()

    def pick_family(self, family_id: str) -> None:
        try:
            head = families.family_history(self.session, family_id).family.head_name
            standings = aidcases.standings(self.session, family_id)
        except KnownError as err:
            self.say_error(err)
            return
        self.family_id = family_id
        self.chosen.setText(self.tr("Family: {name}").replace("{name}", head))
        self.fields["family_id"].set_error("")
        self.programme.set_standings(standings)

    def _describe(self, family_id: str) -> str:  # as on the Families page
        try:
            f = families.family_history(self.session, family_id).family
        except KnownError:
            return ""
        born = f.birth_date.isoformat() if f.birth_date else ""
        return " · ".join(b for b in (idcard.mask(f.id_number) if f.id_number else "", born,
                                      f.address) if b)

    def choose_scan(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Photo or scan of the sheet"), "",
                                              self.tr("Pictures (*.jpg *.jpeg *.png)"))
        if name:
            self.attach_scan(Path(name))

    def attach_scan(self, path: Path) -> bool:
        """Check and keep the chosen picture for the lines saved from now on."""
        try:
            data = path.read_bytes()
            papercases.checked_scan(data)
        except OSError:
            self.scan_state.setText(self.tr("The file cannot be read: choose another one"))
            return False
        except InvalidInput as err:
            self.scan_state.setText(err.problems[0].text(i18n.short()))
            return False
        self.scan = data
        self.scan_state.setText(self.tr("Attached: {name} ({size} KB)").replace(
            "{name}", path.name).replace("{size}", str(max(1, len(data) // 1024))))
        return True

    def _kind_changed(self) -> None:
        kind = self.programme.kind()
        self.fields["amount_fen"].setVisible(kind is Kind.CASH)
        self.capitals.setVisible(kind is Kind.CASH)
        self.fields["goods"].setVisible(kind is Kind.GOODS)
        self.fields["service_note"].setVisible(kind is Kind.SERVICE)

    def _amount_typed(self, text: str) -> None:
        try:
            fen = money.parse_fen(text) if text.strip() else 0
        except Invalid:
            fen = 0
        self.capitals.setText(self.tr("In capitals: {capitals}").replace(
            "{capitals}", money.capitals(fen)) if fen else "")

    def data(self) -> dict[str, Any]:
        kind = self.programme.kind()
        out: dict[str, Any] = {"family_id": self.family_id,
                               "programme_id": self.programme.current_id(),
                               "kind": kind.value if kind else ""}
        if kind is Kind.CASH:
            out["amount_fen"] = self.amount.text().strip() or "0"
        elif kind is Kind.GOODS:
            out["goods"] = self.goods.data()
        elif kind is Kind.SERVICE:
            out["service_note"] = self.note.text().strip()
        return out

    def paper_line(self) -> PaperLine:
        when = self.when.dateTime()
        moment = datetime(when.date().year(), when.date().month(), when.date().day(),
                          when.time().hour(), when.time().minute(), tzinfo=self.session.tz)
        return PaperLine(sheet=self.sheet_no, line=self.line.value(), given_at=moment,
                         handed_by=str(self.handed_by.currentData() or ""))

    def _invalid(self, problems: dict[str, str]) -> None:
        self.say("\n".join(show_errors(self.fields, problems)), error=True)

    def save_line(self) -> None:
        """Check the line (the domain's rules, then caps and approvals as at the desk: one
        dialog), then save it through `give_aid`."""
        self.say("")
        self.approvals.clear()
        missing = {}
        if not self.family_id:
            missing["family_id"] = self.tr("Search for the family and choose it")
        if self.programme.kind() is None:
            missing["programme_id"] = self.tr("Pick the programme")
        if missing:
            self._invalid(missing)
            return
        try:
            checked = validate(AidIn, self.data())
        except Invalid as err:
            self._invalid({p.field or "programme_id": p.text(i18n.short())
                           for p in err.problems})
            return
        show_errors(self.fields, {})
        try:
            wanted = aidcases.needs(self.session, checked, paper=self.paper_line())
        except InvalidInput as err:
            self._invalid({k: p.text(i18n.short()) for k, p in err.fields().items()})
            return
        except KnownError as err:
            self.say_error(err)
            return
        if wanted:
            self.ask_approval(wanted, then=self._give)
            return
        self._give()

    def _give(self) -> None:
        try:
            aid = aidcases.give_aid(self.session, self.data(), approvals=self.approvals,
                                    paper=self.paper_line(), paper_scan=self.scan)
        except NeedsApproval as need:  # the station changed since (a pull, another device)
            self.ask_approval(list(need.needs), then=self._give)
            return
        except InvalidInput as err:
            self._invalid({k: p.text(i18n.short()) for k, p in err.fields().items()})
            return
        except KnownError as err:
            self.approvals.clear()
            self.say_error(err)
            return
        self.approvals.clear()
        self.last_aid = aid
        self.receipt_button.show()
        self.say(self.tr("Line {line} saved: receipt {receipt} (补录, signed on paper sheet "
                         "{sheet})").replace("{line}", str(aid.paper_line))
                 .replace("{receipt}", aid.receipt_no).replace("{sheet}", self.sheet_no))
        found, entered = papercases.sheet(self.session, self.sheet_no)
        self._show_entered(found, entered)
        self._reset_line(min(self.line.maximum(), (aid.paper_line or 0) + 1))
        self.shell.refresh_status()

    def ask_approval(self, wanted: list[Need], then: Callable[[], None]) -> ApprovalDialog:
        """One dialog for every approval in `wanted`; `then` runs once they are all given."""
        self.approval_dialog = approval.ask(self, self.session, wanted, self.approvals, then)
        return self.approval_dialog
