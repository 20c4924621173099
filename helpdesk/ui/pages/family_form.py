"""Register or edit a family: each problem beside its field; likely duplicates offered first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import idcard, money
from helpdesk.domain.errors import Invalid
from helpdesk.domain.families import Employment, FamilyIn, Hukou, IdKind, Insurance, Reason
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import families, tiers
from helpdesk.ui import i18n
from helpdesk.ui.pages.base import Page
from helpdesk.ui.widgets.choices import Choices
from helpdesk.ui.widgets.form import Field, focus_first_error, show_errors
from helpdesk.ui.widgets.reflow import WrapCheckBox
from helpdesk.ui.widgets.region_picker import RegionPicker
from helpdesk.ui.widgets.tier_picker import TierPicker

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell


def _combo(parent: QWidget, values: Any) -> QComboBox:
    box = QComboBox(parent)
    for v in values:
        box.addItem(i18n.label(v), v.value)
    return box


class FamilyFormPage(Page):
    nav_parent = "families"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, "")
        self.editing: Any = None  # the Family being edited, None when registering
        self.acknowledged: set[str] = set()
        e = self.editors = {
            "head_name": QLineEdit(self), "id_kind": _combo(self, IdKind),
            "id_number": QLineEdit(self), "birth_date": QLineEdit(self),
            "phone": QLineEdit(self), "address": QLineEdit(self),
            "region": RegionPicker(self, near=shell.session.station.region),
            "hukou": _combo(self, Hukou), "employment": _combo(self, Employment),
            "reasons": Choices(Reason, parent=self), "income_fen": QLineEdit(self),
            "essential_spending_fen": QLineEdit(self), "tier": TierPicker(self),
            "insurance": Choices(Insurance, parent=self), "notes": QLineEdit(self),
        }
        self.tier: TierPicker = e["tier"]  # type: ignore[assignment]
        for name in ("income_fen", "essential_spending_fen"):
            e[name].textChanged.connect(self._suggest)  # type: ignore[attr-defined]
            e[name].setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        e["birth_date"].setPlaceholderText(self.tr("Taken from the ID; or 1980-05-17"))  # type: ignore[attr-defined]
        e["phone"].setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        e["income_fen"].setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        labels = {
            "head_name": self.tr("Head of family's name"), "id_kind": self.tr("Document"),
            "id_number": self.tr("Document number"), "birth_date": self.tr("Birth date"),
            "phone": self.tr("Phone"), "address": self.tr("Address"),
            "region": self.tr("Region"), "hukou": self.tr("Hukou"),
            "employment": self.tr("Employment"), "reasons": self.tr("Difficulties (one or more)"),
            "income_fen": self.tr("Monthly household income (yuan)"),
            "essential_spending_fen": self.tr(
                "Essential spending a year (yuan): medical bills, school fees and the like"),
            "tier": self.tr("Hardship tier"),
            "insurance": self.tr("Social insurance the family has"),
            "notes": self.tr("Notes"),
        }
        self.consent = WrapCheckBox(self.tr("The family agreed to be registered"), self)
        labels["consent_date"] = self.tr("Consent (required)")
        e["consent_date"] = self.consent
        self.fields = {n: Field(n, labels[n], e[n], self) for n in e}
        self.consent.setObjectName("family_consent")
        for field in self.fields.values():
            field.clear_on_edit()
            self.content.addWidget(field)
        self._loaded: dict[str, Any] = {}  # the form as loaded: anything else is unsaved
        self.duplicates = QFrame(self)
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicates_box = QVBoxLayout(self.duplicates)
        self.duplicates.hide()
        self.content.addWidget(self.duplicates)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("family_save")
        self.save_button.setProperty("class", "primary")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("family_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button, 1)
        self.content.addLayout(buttons)
        self.content.addStretch(1)

    def load(self, family_id: str | None = None) -> None:
        self.say("")
        self.acknowledged.clear()
        self._clear_duplicates()
        show_errors(self.fields, {})
        self.editing = None
        if family_id:
            self.editing = families.family_history(self.session, family_id).family
        f = self.editing
        self.title.setText(self.tr("Edit family") if f else self.tr("Register a family"))
        e = self.editors
        for name in ("head_name", "id_number", "phone", "address", "notes"):
            e[name].setText(getattr(f, name) if f else "")  # type: ignore[attr-defined]
        e["birth_date"].setText(f.birth_date.isoformat() if f and f.birth_date else "")  # type: ignore[attr-defined]
        e["region"].set_code(f.region if f else self.session.station.region)  # type: ignore[attr-defined]
        income = f.income_fen if f else None  # None: not known, shown blank
        e["income_fen"].setText("" if income is None else money.format_fen(income))  # type: ignore[attr-defined]
        spending = f.essential_spending_fen if f else None
        e["essential_spending_fen"].setText(  # type: ignore[attr-defined]
            "" if spending is None else money.format_fen(spending))
        self.tier.setup(head=self.session.volunteer.is_head,
                        line_fen=tiers.poverty_line(self.session),
                        household=tiers.household_size(self.session, f.id if f else None),
                        tier=f.tier if f else None)
        self._suggest()
        for name in ("id_kind", "hukou", "employment"):
            box: QComboBox = e[name]  # type: ignore[assignment]
            box.setCurrentIndex(max(0, box.findData(getattr(f, name).value)) if f else 0)
        e["reasons"].set_chosen(f.reasons if f else ())  # type: ignore[attr-defined]
        e["insurance"].set_chosen(f.insurance if f else ())  # type: ignore[attr-defined]
        self.consent.setChecked(bool(f and f.consent_date))
        self.mark_clean()
        self.scroll_area.verticalScrollBar().setValue(0)
        e["head_name"].setFocus()

    # Leaving: the shell asks before a page whose form `is_dirty()` is left
    def mark_clean(self) -> None:
        self._loaded = self.data()

    def is_dirty(self) -> bool:
        return self.data() != self._loaded

    def discard(self) -> None:
        self.mark_clean()

    def cancel(self) -> None:
        """Back where the form was opened from; the shell asks first if anything was typed."""
        if self.editing is not None:
            self.shell.go("family", self.editing.id)
        else:
            self.shell.go("families")

    def data(self) -> dict[str, Any]:
        e = self.editors
        out: dict[str, Any] = {}
        for name in ("head_name", "id_number", "phone", "address", "notes"):
            out[name] = e[name].text().strip()  # type: ignore[attr-defined]
        out["region"] = e["region"].code()  # type: ignore[attr-defined]
        birth = e["birth_date"].text().strip()  # type: ignore[attr-defined]
        if birth:
            out["birth_date"] = birth
        income = e["income_fen"].text().strip()  # type: ignore[attr-defined]
        out["income_fen"] = income or None  # blank: not known, never 0
        spending = e["essential_spending_fen"].text().strip()  # type: ignore[attr-defined]
        out["essential_spending_fen"] = spending or None
        out["tier"] = self.tier.tier()
        for name in ("id_kind", "hukou", "employment"):
            out[name] = e[name].currentData()  # type: ignore[attr-defined]
        out["reasons"] = e["reasons"].chosen()  # type: ignore[attr-defined]
        out["insurance"] = e["insurance"].chosen()  # type: ignore[attr-defined]
        if self.consent.isChecked():
            previous = self.editing.consent_date if self.editing else None
            out["consent_date"] = previous or self.session.today()
        return out

    def _suggest(self) -> None:
        self.tier.update_suggestion(
            self.editors["income_fen"].text(),  # type: ignore[attr-defined]
            self.editors["essential_spending_fen"].text())  # type: ignore[attr-defined]

    def save(self) -> None:
        self.say("")
        show_errors(self.fields, {})
        if not self.consent.isChecked():  # never saved without it; the rest checked too
            problems = {"consent_date": self.tr(
                "Tick the box once the family has agreed to be registered")}
            try:
                validate(FamilyIn, self.data())
            except Invalid as err:
                problems.update({p.field: p.text(i18n.short()) for p in err.problems
                                 if p.field in self.fields and p.field != "consent_date"})
            self._problems(problems)
            return
        try:
            if self.editing is None:
                family = families.register_family(self.session, self.data(),
                                                  acknowledged=self.acknowledged)
            else:
                family = families.update_family(self.session, self.editing.id, self.data(),
                                                base_change_id=self.editing.last_change_id)
        except families.PossibleDuplicates as dup:
            self._offer(dup.candidates)
            return
        except InvalidInput as err:
            problems = {k: p.text(i18n.short()) for k, p in err.fields().items()}
            problems.setdefault("id_number", self._id_problem())
            self._problems(problems)
            return
        except KnownError as err:
            if err.code == "id_registered":
                self._problems({"id_number": i18n.known(err)})
            else:
                self.say_error(err)
            return
        self.mark_clean()
        self.shell.refresh_status()
        self.shell.open_family(family.id)

    def _problems(self, problems: dict[str, str]) -> None:
        """Each problem beside its field; the banner names the first, which is scrolled to."""
        rest = show_errors(self.fields, {k: v for k, v in problems.items() if v})
        first = focus_first_error(self.fields, self.scroll_area)
        if first is not None:
            rest.insert(0, self.tr("Check the fields marked in red, starting with “{field}”")
                        .replace("{field}", first.label.text()))
        self.say("\n".join(rest), error=True)

    def _id_problem(self) -> str:
        """The resident ID's own problem: the model checks it only once other fields pass."""
        if self.editors["id_kind"].currentData() != IdKind.RESIDENT_ID.value:  # type: ignore[attr-defined]
            return ""
        try:
            idcard.validate(self.editors["id_number"].text())  # type: ignore[attr-defined]
        except Invalid as err:
            return err.problem.text(i18n.short())
        return ""

    # Likely duplicates: "this is the same family" / "different family"
    def _clear_duplicates(self) -> None:
        while self.duplicates_box.count():
            item = self.duplicates_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.duplicates.hide()

    def _offer(self, candidates: list[Any]) -> None:
        self._clear_duplicates()
        intro = QLabel(self.tr("This family may be registered already. Is it one of these?"),
                       self.duplicates)
        intro.setWordWrap(True)
        intro.setObjectName("duplicates_intro")
        self.duplicates_box.addWidget(intro)
        for c in candidates:
            text = QLabel(" · ".join(b for b in (
                c.head_name, idcard.mask(c.id_number) if c.id_number else "",
                c.birth_date.isoformat() if c.birth_date else "", c.phone, c.address) if b),
                self.duplicates)
            text.setWordWrap(True)
            same = QPushButton(self.tr("This is the same family: open it"), self.duplicates)
            same.setObjectName("duplicate_same")
            same.clicked.connect(lambda _=False, i=c.id: self._open_existing(i))
            self.duplicates_box.addWidget(text)
            self.duplicates_box.addWidget(same)
        different = QPushButton(self.tr("Different family: save the new one"), self.duplicates)
        different.setObjectName("duplicate_different")
        different.clicked.connect(lambda: self._different([c.id for c in candidates]))
        self.duplicates_box.addWidget(different)
        self.duplicates.show()
        self.say(self.tr("Check the possible duplicates below before saving"), error=True)
        self.scroll_area.ensureWidgetVisible(self.duplicates)

    def _open_existing(self, family_id: str) -> None:
        self.mark_clean()  # the family is registered already: nothing typed here is lost
        self.shell.open_family(family_id)

    def _different(self, ids: list[str]) -> None:
        self.acknowledged.update(ids)
        self._clear_duplicates()
        self.save()
