"""Closing the cash day (日结): the day's cash aid listed, the opening float, the notes and
coins counted row by row with the sum shown as they are typed, expected against counted with
the difference highlighted, a reason when it is not 0, the closer's PIN and a witness's.
Once closed, the slip is shown to print or save (`closes.SlipDialog`)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from helpdesk.domain import money
from helpdesk.domain.closes import DENOMINATIONS, MAX_COUNT, Counts, DayClose
from helpdesk.domain.errors import Invalid
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import closes
from helpdesk.services import session as sessions
from helpdesk.ui import i18n
from helpdesk.ui.pages.base import fit_to_rows
from helpdesk.ui.widgets import fit
from helpdesk.ui.widgets.form import Field, fit_height

RED, GREEN = "#c62828", "#2e7d32"


def _pin(parent: QWidget) -> QLineEdit:
    pin = QLineEdit(parent)
    pin.setEchoMode(QLineEdit.EchoMode.Password)
    pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return pin


def _section(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("class", "section")
    label.setWordWrap(True)
    return label


class CloseDayDialog(QDialog):
    """Emits `closed` with the DayClose once the day is closed."""

    closed = Signal(object)

    def __init__(self, session: sessions.Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("close_day_dialog")
        self.setWindowTitle(self.tr("Close the day"))
        self.session = session
        self.day = session.today().isoformat()
        self.expected = closes.expected(session, self.day)
        layout = fit.body(self)
        title = QLabel(self.tr("Cash count of {day}").replace("{day}", self.day), self)
        title.setObjectName("close_day_title")
        title.setProperty("class", "figure")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.already = QLabel(self)
        self.already.setObjectName("close_already")
        self.already.setProperty("class", "info")
        self.already.setWordWrap(True)
        self.already.hide()
        layout.addWidget(self.already)

        layout.addWidget(_section(self.tr("Cash aid handed out today"), self))
        self.aid_list = QListWidget(self)
        self.aid_list.setObjectName("close_aid_list")
        for r in self.expected.rows:
            when = datetime.fromisoformat(r["given_at"]).astimezone(session.tz)
            self.aid_list.addItem(f"{when:%H:%M}  {r['receipt_no']}  "
                                  f"{r['head_name'] or r['recipient_name']}  "
                                  f"{money.format_fen(r['amount_fen'], symbol=True)}")
        if not self.expected.rows:
            self.aid_list.addItem(self.tr("No cash aid today"))
        fit_to_rows(self.aid_list)  # as tall as its rows up to about three, then it scrolls
        self.aid_list.setFixedHeight(min(self.aid_list.maximumHeight(), 168))
        self.aid_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout.addWidget(self.aid_list)
        self.out_label = QLabel(self.tr("Handed out: {amount} ({count})")
                                .replace("{amount}", money.format_fen(self.expected.cash_out_fen,
                                                                      symbol=True))
                                .replace("{count}", str(self.expected.count)), self)
        self.out_label.setObjectName("close_cash_out")
        layout.addWidget(self.out_label)
        self.float_edit = QLineEdit("0", self)
        self.float_field = Field("float", self.tr("Opening float (yuan)"), self.float_edit, self)
        self.float_edit.textChanged.connect(self.recount)
        layout.addWidget(self.float_field)

        layout.addWidget(_section(self.tr("Counted in the box"), self))
        grid = QGridLayout()
        self.spins: dict[str, QSpinBox] = {}
        self.line_labels: dict[str, QLabel] = {}
        zh_labels = i18n.short() == "zh"
        for row, (name, _fen, zh, en) in enumerate(DENOMINATIONS):
            spin = QSpinBox(self)
            spin.setObjectName(f"count_{name}")
            spin.setRange(0, MAX_COUNT)
            spin.setAccelerated(True)
            spin.valueChanged.connect(self.recount)
            line = QLabel(money.format_fen(0), self)
            line.setObjectName(f"line_{name}")
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(zh if zh_labels else en, self), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(line, row, 2)
            self.spins[name], self.line_labels[name] = spin, line
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        self.counted_label = self._figure("close_counted", layout)
        self.expected_label = self._figure("close_expected", layout)
        self.difference_label = self._figure("close_difference", layout)
        self.reason_edit = QLineEdit(self)
        self.reason = Field("reason", self.tr("Reason for the difference (needed when it is "
                                              "not 0)"), self.reason_edit, self)
        self.reason.clear_on_edit()
        layout.addWidget(self.reason)

        layout.addWidget(_section(self.tr("Signed by two"), self))
        self.closer_pin = Field("closer_pin", self.tr("Counted by {name}: your PIN")
                                .replace("{name}", session.volunteer.name), _pin(self), self)
        self.witness = QComboBox(self)
        for h in sessions.holders(session.paths):
            if h.id != session.volunteer.id:
                self.witness.addItem(h.name, h.id)
        self.witness_field = Field("witness_id", self.tr("Witness (another volunteer or the "
                                                         "head)"), self.witness, self)
        self.witness_pin = Field("witness_pin", self.tr("The witness's PIN"), _pin(self), self)
        for w in (self.closer_pin, self.witness_field, self.witness_pin):
            layout.addWidget(w)
        if self.witness.count() == 0:
            self.witness_field.set_error(self.tr("Nobody else can witness: add a volunteer "
                                                 "first"))
        self.message = QLabel(self)
        self.message.setObjectName("close_message")
        self.message.setProperty("class", "field_error")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.close_button = QPushButton(self.tr("Close the day"), self)
        self.close_button.setObjectName("close_confirm")
        self.close_button.setProperty("class", "primary")
        self.close_button.clicked.connect(self.close_day)
        self.close_button.setEnabled(self.witness.count() > 0)
        history = QPushButton(self.tr("Past closes"), self)
        history.setObjectName("close_history")
        history.clicked.connect(self._history)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("close_cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(history)
        buttons.addWidget(cancel)
        buttons.addWidget(self.close_button)
        fit.foot(self, buttons)
        done = closes.closed(session, self.day)
        if done is not None:
            self.already.setText(self.tr("This day is already closed. A station head can "
                                         "reopen it from Past closes."))
            self.already.show()
            self.close_button.setEnabled(False)
        self.recount()
        fit.fit(self, 480, 760)  # as wide as the window allows, never wider

    def _figure(self, name: str, layout: object) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        layout.addWidget(label)  # type: ignore[attr-defined]
        return label

    def counts(self) -> Counts:
        return Counts(**{name: spin.value() for name, spin in self.spins.items()})

    def float_fen(self) -> int | None:
        """The float typed, in fen; None (with the error shown) when it is not an amount."""
        text = self.float_edit.text().strip()
        try:
            fen = money.parse_fen(text) if text else 0
        except Invalid as err:
            self.float_field.set_error(err.problem.text(i18n.short()))
            return None
        self.float_field.set_error("")
        return fen

    def difference(self) -> int | None:
        float_fen = self.float_fen()
        if float_fen is None:
            return None
        return self.counts().total_fen - self.expected.in_box_fen(float_fen)

    def recount(self) -> None:
        """Show each line's amount, the sum, expected and the difference, as typed."""
        for name, fen, _, _ in DENOMINATIONS:
            self.line_labels[name].setText(money.format_fen(self.spins[name].value() * fen))
        counted = self.counts().total_fen
        self.counted_label.setText(self.tr("Counted: {amount}").replace(
            "{amount}", money.format_fen(counted, symbol=True)))
        float_fen = self.float_fen()
        if float_fen is None:
            self.expected_label.setText("")
            self.difference_label.setText("")
            return
        in_box = self.expected.in_box_fen(float_fen)
        self.expected_label.setText(self.tr("Expected: {amount} (float less cash handed out)")
                                    .replace("{amount}", money.format_fen(in_box, symbol=True)))
        difference = counted - in_box
        self.difference_label.setText(self.tr("Difference: {amount}").replace(
            "{amount}", money.format_fen(difference, symbol=True)))
        self.difference_label.setProperty("off", difference != 0)
        self.difference_label.setStyleSheet(
            f"font-weight: bold; color: {RED if difference else GREEN};")

    def _text(self, field: Field) -> str:
        editor = field.editor
        return editor.text() if isinstance(editor, QLineEdit) else ""

    def close_day(self) -> DayClose | None:
        """Check what the screen can, then close the day; the slip follows on success."""
        self.message.hide()
        difference = self.difference()
        missing = difference is None
        needs_reason = bool(difference) and not self.reason_edit.text().strip()
        self.reason.set_error(self.tr("Counted and expected differ: write the reason")
                              if needs_reason else "")
        for field in (self.closer_pin, self.witness_pin):
            field.set_error("" if self._text(field) else self.tr("Type the PIN"))
            missing = missing or not self._text(field)
        if missing or needs_reason:
            fit_height(self)
            return None
        try:
            close = closes.close_day(
                self.session, {"day": self.day, "float_fen": self.float_fen() or 0,
                               "counts": self.counts(), "reason": self.reason_edit.text()},
                closer_pin=self._text(self.closer_pin),
                witness_id=str(self.witness.currentData()),
                witness_pin=self._text(self.witness_pin))
        except InvalidInput as err:
            fields = {"reason": self.reason, "witness_id": self.witness_field,
                      "float_fen": self.float_field}
            for name, problem in err.fields().items():
                target = fields.get(name)
                if target is not None:
                    target.set_error(problem.text(i18n.short()))
                else:
                    self._say(problem.text(i18n.short()))
            fit_height(self)
            return None
        except KnownError as err:
            self._say(i18n.known(err))
            return None
        self.closed.emit(close)
        self.accept()
        return close

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        fit_height(self)

    def _history(self) -> None:
        from helpdesk.ui.dialogs.closes import ClosesDialog

        ClosesDialog(self.session, self).exec()
