"""First run: the station, its head and PIN; then the recovery code, shown once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk import paths as pathsmod
from helpdesk.domain.errors import Invalid
from helpdesk.domain.station import VolunteerIn
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import session as sessions
from helpdesk.ui import i18n, workers
from helpdesk.ui.pages.base import kinetic
from helpdesk.ui.widgets.form import Field, show_errors
from helpdesk.ui.widgets.region_picker import RegionPicker


class FirstRunPage(QWidget):
    station_created = Signal(object)  # the head's Session
    finished = Signal()
    language_chosen = Signal(str)

    def __init__(self, paths: pathsmod.Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self.paths = paths
        self.recovery_code = ""
        self.working = False
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._station_step())
        self.steps.addWidget(self._recovery_step())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)

    def _scrolling(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(inner)
        kinetic(area)
        return area

    def _station_step(self) -> QWidget:
        inner = QWidget()
        inner.setObjectName("first_run_content")
        inner.setMaximumWidth(640)
        form = QVBoxLayout(inner)
        form.setContentsMargins(16, 16, 16, 16)
        form.setSpacing(10)
        form.addLayout(self._language_row(inner))
        title = QLabel(self.tr("Set up this help station"), inner)
        title.setObjectName("page_title")
        intro = QLabel(self.tr("Fill in the station and its head. The head signs in with the "
                               "PIN chosen here."), inner)
        intro.setWordWrap(True)
        form.addWidget(title)
        form.addWidget(intro)
        self.fields: dict[str, Field] = {}

        def add(name: str, label: str, *, pin: bool = False) -> QLineEdit:
            edit = QLineEdit(inner)
            if pin:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
            field = Field(name, label, edit, inner)
            self.fields[name] = field
            form.addWidget(field)
            return edit

        self.name_edit = add("name", self.tr("Station name"))
        self.region_picker = RegionPicker(inner)
        self.fields["region"] = Field("region", self.tr("The station's region"),
                                      self.region_picker, inner)
        form.addWidget(self.fields["region"])
        self.union_edit = add("union_name", self.tr("Trade union (optional)"))
        self.phone_edit = add("phone", self.tr("Station phone (optional)"))
        self.head_edit = add("head_name", self.tr("Station head's name"))
        self.pin_edit = add("pin", self.tr("Head's PIN (6 to 12 digits)"), pin=True)
        self.pin2_edit = add("pin_again", self.tr("The PIN again"), pin=True)
        self.error = QLabel(inner)
        self.error.setObjectName("first_run_error")
        self.error.setProperty("class", "field_error")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addWidget(self.error)
        self.create_button = QPushButton(self.tr("Create the station"), inner)
        self.create_button.setObjectName("create_station")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_station)
        form.addWidget(self.create_button)
        form.addStretch(1)
        return self._scrolling(inner)

    def _language_row(self, parent: QWidget) -> QHBoxLayout:
        """The language, first of all: each named in itself, so anyone finds their own."""
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Language"), parent))
        self.languages = QButtonGroup(self)
        for language in i18n.LANGUAGES:
            button = QPushButton(i18n.language_name(language), parent)
            button.setObjectName(f"first_run_language_{language}")
            button.setCheckable(True)
            button.setChecked(language == i18n.current())
            button.clicked.connect(lambda _=False, lang=language: self._language(lang))
            self.languages.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _language(self, language: str) -> None:
        if language != i18n.current():
            self.language_chosen.emit(language)

    def typed(self) -> dict[str, str]:
        """What is typed so far (kept when the page is rebuilt in another language)."""
        typed = {name: f.editor.text() for name, f in self.fields.items()  # type: ignore[attr-defined]
                 if name != "region"}
        return typed | {"region": self.region_picker.code()}

    def fill(self, typed: dict[str, str]) -> None:
        for name, text in typed.items():
            if name == "region":
                if text:
                    self.region_picker.set_code(text)
            elif name in self.fields:
                self.fields[name].editor.setText(text)  # type: ignore[attr-defined]

    def _recovery_step(self) -> QWidget:
        inner = QWidget()
        inner.setObjectName("first_run_content")
        inner.setMaximumWidth(640)
        box = QVBoxLayout(inner)
        box.setContentsMargins(16, 16, 16, 16)
        box.setSpacing(12)
        title = QLabel(self.tr("Recovery code"), inner)
        title.setObjectName("page_title")
        text = QLabel(self.tr("This code unlocks the station if PINs are forgotten or this "
                              "laptop breaks. It is shown only now: print it or write it down, "
                              "and keep it locked away."), inner)
        text.setWordWrap(True)
        self.code_label = QLabel(inner)
        self.code_label.setObjectName("recovery_code")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setWordWrap(True)
        mono = QFont("Noto Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.4)
        self.code_label.setFont(mono)
        self.print_button = QPushButton(self.tr("Print"), inner)
        self.print_button.setObjectName("print_recovery")
        self.print_button.clicked.connect(self._print)
        self.written = QCheckBox(self.tr("I have written it down"), inner)
        self.written.setObjectName("recovery_written")
        self.continue_button = QPushButton(self.tr("Continue"), inner)
        self.continue_button.setObjectName("recovery_continue")
        self.continue_button.setEnabled(False)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._done)
        for w in (title, text, self.code_label, self.print_button, self.written,
                  self.continue_button):
            box.addWidget(w)
        box.addStretch(1)
        return self._scrolling(inner)

    def refuse(self, err: KnownError) -> None:
        """This folder holds half a station (a database without its key file, or the reverse):
        say so and what to do, and offer no way to make a new station over it."""
        self.error.setText(i18n.known(err))
        self.error.show()
        self.create_button.setEnabled(False)

    def create_station(self) -> None:
        if self.working or not self.create_button.isEnabled():  # a second click, or refused
            return
        values = {name: f.editor.text().strip() for name, f in self.fields.items()  # type: ignore[attr-defined]
                  if name != "region"}
        values["region"] = self.region_picker.code()
        problems: dict[str, str] = {}
        if values["pin"] != values["pin_again"]:
            problems["pin_again"] = self.tr("The two PINs differ")
        station = {k: values[k] for k in ("name", "region", "union_name", "phone")}
        self.error.hide()
        try:  # the head's name and PIN first, so their problems go beside their own fields
            validate(VolunteerIn, {"name": values["head_name"], "pin": values["pin"],
                                   "role": "head"})
        except Invalid as err:
            for p in err.problems:
                problems.setdefault("head_name" if p.field == "name" else "pin",
                                    p.text(i18n.short()))
        if not problems:
            paths, head_name, pin = self.paths, values["head_name"], values["pin"]
            show_errors(self.fields, {})  # the last try's errors go while this one runs
            self._busy(True)
            # The key derivation and the two files run on the worker pool; the database is
            # then opened here, on the GUI thread its connection belongs to.
            workers.run(lambda: sessions.make_station(paths, station, head_name=head_name,
                                                      head_pin=pin),
                        self._made, self._not_made)
            return
        self._show(problems)

    def _show(self, problems: dict[str, str]) -> None:
        rest = show_errors(self.fields, problems)
        if rest:
            self.error.setText("\n".join(rest))
            self.error.show()

    def _busy(self, working: bool) -> None:
        """While the station is made: the button says so, nothing on the form moves."""
        self.working = working
        self.create_button.setEnabled(not working)
        self.create_button.setText(self.tr("Creating the station…") if working
                                   else self.tr("Create the station"))
        for field in self.fields.values():
            field.setEnabled(not working)
        for button in self.languages.buttons():
            button.setEnabled(not working)

    def _made(self, made: tuple[sessions.Opening, str]) -> None:
        opening, code = made
        try:
            session = sessions.open_session(self.paths, opening)
        except KnownError as err:
            self._not_made(err)
            return
        self._busy(False)
        self.recovery_code = code
        self.code_label.setText(code)
        self.steps.setCurrentIndex(1)
        self.station_created.emit(session)

    def _not_made(self, err: Exception) -> None:
        self._busy(False)
        if isinstance(err, InvalidInput):
            self._show({name: p.text(i18n.short()) for name, p in err.fields().items()})
        elif isinstance(err, KnownError):
            self.error.setText(i18n.known(err))
            self.error.show()
        else:
            raise err

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        doc = QTextDocument(self)
        doc.setPlainText(self.tr("Helpdesk recovery code") + "\n\n" + self.recovery_code)

        dialog.setObjectName("recovery_print_dialog")
        dialog.accepted.connect(lambda: doc.print_(printer))
        QDialog.open(dialog)  # QPrintDialog.open() wants a receiver: the plain one, modeless

    def _done(self) -> None:
        self.code_label.clear()
        self.recovery_code = ""
        self.finished.emit()
