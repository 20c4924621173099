"""The hardship tier on the family form: the rule's suggestion with its arithmetic, and the
tier itself, which only a station head sets (a volunteer sees the suggestion; the head
confirms it by choosing the tier and saving). 意外致困 is always chosen by hand."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from helpdesk.domain import money
from helpdesk.domain.errors import Invalid
from helpdesk.domain.tiers import Suggestion, Tier, suggest
from helpdesk.ui import i18n


def _fen(text: str) -> int | None:
    """The yuan typed as fen; None when blank or not an amount (the form's check says why)."""
    try:
        return money.parse_fen(text) if text.strip() else None
    except Invalid:
        return None


class TierPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setObjectName("tier_suggestion")
        self.suggestion_label.setWordWrap(True)
        self.box = QComboBox(self)
        self.box.setObjectName("tier_choice")
        self.box.addItem(self.tr("Not set"), None)
        for tier in Tier:
            self.box.addItem(i18n.label(tier), tier.value)
        self.box.activated.connect(lambda _: self.changed.emit())
        self.use_button = QPushButton(self.tr("Use the suggestion"), self)
        self.use_button.setObjectName("tier_use_suggestion")
        self.use_button.clicked.connect(self._use)
        self.hint = QLabel(self)
        self.hint.setObjectName("tier_hint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 1)
        row.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.suggestion_label)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.suggested: Suggestion | None = None
        self.head = False
        self.line_fen: int | None = None
        self.household = 1

    def setup(self, *, head: bool, line_fen: int | None, household: int,
              tier: Tier | None) -> None:
        """For the family being edited (or registered) by this volunteer."""
        self.head, self.line_fen, self.household = head, line_fen, household
        self.box.setCurrentIndex(max(0, self.box.findData(tier.value if tier else None)))
        self.box.setEnabled(head)
        self.hint.setText(
            self.tr("(Monthly income × 12 − essential spending a year) ÷ 12 ÷ people in the "
                    "household (the head and the members on the family page), against the "
                    "station's minimum living allowance line (set in Settings): below 1× is "
                    "deep hardship, below 2× relative hardship. Sudden hardship (disaster, "
                    "accident, serious illness) is chosen by hand.")
            + ("" if head else " " + self.tr("A station head confirms the tier.")))

    def tier(self) -> str | None:
        value = self.box.currentData()
        return str(value) if value else None

    def update_suggestion(self, income: str, spending: str) -> None:
        """Recompute from the income (a month) and the essential spending (a year) typed."""
        monthly, yearly = _fen(income), _fen(spending)
        self.suggested = suggest(monthly, yearly, self.household, self.line_fen)
        s = self.suggested
        if not self.line_fen:
            text = self.tr("No suggestion: the station's minimum living allowance line is not "
                           "set (Settings).")
        elif monthly is None:
            text = self.tr("No suggestion: the monthly income is not known.")
        elif s is None:
            text = ""
        else:
            f = money.format_fen
            each = s.per_person_fen
            sum_text = (f"({f(monthly)} × 12 − {f(s.spending_fen)}) ÷ 12 ÷ {s.household} = "
                        + (f(each) if each >= 0 else "−" + f(-each)))
            if s.tier is Tier.DEEP:
                verdict = self.tr("below 1× the line {line}: {tier} suggested")
            elif s.tier is Tier.RELATIVE:
                verdict = self.tr("below 2× the line {line}: {tier} suggested")
            else:
                verdict = self.tr("not below 2× the line {line}: no tier suggested")
            verdict = verdict.replace("{line}", f(s.line_fen)).replace(
                "{tier}", i18n.label(s.tier) if s.tier else "")
            text = self.tr("{sum} yuan a person a month; {verdict}").replace(
                "{sum}", sum_text).replace("{verdict}", verdict)
        self.suggestion_label.setText(text)
        self.use_button.setVisible(self.head and s is not None and s.tier is not None)

    def _use(self) -> None:
        if self.suggested is not None and self.suggested.tier is not None:
            self.box.setCurrentIndex(self.box.findData(self.suggested.tier.value))
            self.changed.emit()
