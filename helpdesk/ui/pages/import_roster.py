"""Import families from Excel (the station head, from the Families page): choose the file,
the sheet and what each column means, look at every row's problems and duplicates, import in
one go on a worker thread (progress, Cancel), then open or save the rows not imported."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import Invalid
from helpdesk.errors import KnownError
from helpdesk.services import import_commit, imports
from helpdesk.sheets import columns, read
from helpdesk.ui import i18n, workers
from helpdesk.ui.models.import_rows import FOUND, ImportRowsModel
from helpdesk.ui.pages.base import Page
from helpdesk.ui.widgets.column_mapping import ColumnMapping

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell

CHOOSE, MAP, PREVIEW, RUNNING, DONE = range(5)


class _Progress(QObject):
    moved = Signal(int, int)  # emitted on the worker thread, received queued on the GUI's


class ImportPage(Page):
    nav_parent = "families"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Import families from Excel"))
        self.lang = i18n.short()
        self.path: Path | None = None
        self.mapping = columns.Mapping()
        self.plan: imports.Preview | None = None
        self.result: import_commit.Result | None = None
        self.cancel = threading.Event()
        self.progress = _Progress(self)
        self.progress.moved.connect(self._moved)
        self.steps = QStackedWidget(self)
        self.steps.setObjectName("import_steps")
        for build in (self._choose_step, self._map_step, self._preview_step,
                      self._running_step, self._done_step):
            self.steps.addWidget(build())
        self.content.addWidget(self.steps, 1)

    # Steps
    def _choose_step(self) -> QWidget:
        step, box = _column(self)
        hint = QLabel(self.tr("Choose the roster: an .xlsx, .xls or .csv file. Columns are "
                              "found by their header (姓名, 身份证号, 联系电话 …); title rows "
                              "above the header are skipped."), step)
        hint.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a file…"), step)
        self.choose_button.setObjectName("import_choose")
        self.choose_button.clicked.connect(self._ask_file)
        box.addWidget(hint)
        box.addWidget(self.choose_button)
        box.addStretch(1)
        return step

    def _map_step(self) -> QWidget:
        step, box = _column(self)
        self.file_label = QLabel(step)
        self.file_label.setObjectName("import_file")
        self.file_label.setWordWrap(True)
        self.sheet_box = QComboBox(step)
        self.sheet_box.setObjectName("import_sheet")
        self.sheet_box.activated.connect(lambda _: self._read_header())
        self.columns = ColumnMapping(step)
        buttons = QVBoxLayout()  # side by side they overflow a 360 px window
        self.load_mapping_button = QPushButton(self.tr("Use a saved mapping…"), step)
        self.load_mapping_button.clicked.connect(self._ask_mapping)
        self.save_mapping_button = QPushButton(self.tr("Save this mapping…"), step)
        self.save_mapping_button.setObjectName("import_save_mapping")
        self.save_mapping_button.clicked.connect(self._ask_save_mapping)
        buttons.addWidget(self.load_mapping_button)
        buttons.addWidget(self.save_mapping_button)
        self.check_button = QPushButton(self.tr("Check the rows"), step)
        self.check_button.setObjectName("import_check")
        self.check_button.setProperty("class", "primary")
        self.check_button.clicked.connect(self.check_rows)
        box.addWidget(self.file_label)
        box.addWidget(self.sheet_box)
        box.addWidget(self.columns)
        box.addLayout(buttons)
        box.addWidget(self.check_button)
        box.addStretch(1)
        return step

    def _preview_step(self) -> QWidget:
        step, box = _column(self)
        self.summary = QLabel(step)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.model = ImportRowsModel(self.lang, self)
        self.model.decisions_changed.connect(self._summarise)
        self.only_problems = QCheckBox(self.tr("Show only rows that need a look"), step)
        self.only_problems.setChecked(True)
        self.only_problems.toggled.connect(lambda on: self.model.show(self.plan, on))
        bulk = QVBoxLayout()
        self.add_all_button = QPushButton(self.tr("Import all possible duplicates"), step)
        self.add_all_button.setObjectName("import_add_all")
        self.add_all_button.clicked.connect(lambda: self._bulk(imports.ADD))
        self.skip_all_button = QPushButton(self.tr("Skip all possible duplicates"), step)
        self.skip_all_button.setObjectName("import_skip_all")
        self.skip_all_button.clicked.connect(lambda: self._bulk(imports.SKIP))
        bulk.addWidget(self.add_all_button)
        bulk.addWidget(self.skip_all_button)
        self.table = QTableView(step)
        self.table.setObjectName("import_rows")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FOUND, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(260)
        # Wrapped rows take their height once the column has its width, and again on resizes.
        self.fit_rows = QTimer(self)
        self.fit_rows.setSingleShot(True)
        self.fit_rows.timeout.connect(self.table.resizeRowsToContents)
        self.model.modelReset.connect(self.fit_rows.start)
        header.sectionResized.connect(lambda *_: self.fit_rows.start(50))
        actions = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"), step)
        self.back_button.clicked.connect(lambda: self.steps.setCurrentIndex(MAP))
        self.import_button = QPushButton(step)
        self.import_button.setObjectName("import_start")
        self.import_button.setProperty("class", "primary")
        self.import_button.clicked.connect(self.start_import)
        actions.addWidget(self.back_button)
        actions.addWidget(self.import_button, 1)
        box.addWidget(self.summary)
        box.addWidget(self.only_problems)
        box.addLayout(bulk)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        return step

    def _running_step(self) -> QWidget:
        step, box = _column(self)
        self.running_label = QLabel(step)
        self.running_label.setWordWrap(True)
        self.bar = QProgressBar(step)
        self.bar.setObjectName("import_progress")
        self.cancel_button = QPushButton(self.tr("Cancel"), step)
        self.cancel_button.setObjectName("import_cancel")
        self.cancel_button.clicked.connect(self.cancel_import)
        box.addWidget(self.running_label)
        box.addWidget(self.bar)
        box.addWidget(self.cancel_button)
        box.addStretch(1)
        return step

    def _done_step(self) -> QWidget:
        step, box = _column(self)
        self.done_label = QLabel(step)
        self.done_label.setObjectName("import_done")
        self.done_label.setWordWrap(True)
        self.open_report_button = QPushButton(self.tr("Open the rows not imported"), step)
        self.open_report_button.setObjectName("import_open_report")
        self.open_report_button.clicked.connect(self._open_report)
        self.save_report_button = QPushButton(self.tr("Save the rows not imported as…"), step)
        self.save_report_button.setObjectName("import_save_report")
        self.save_report_button.clicked.connect(self._ask_save_report)
        again = QPushButton(self.tr("Import another file"), step)
        again.clicked.connect(lambda: self.load())
        families = QPushButton(self.tr("Go to the families"), step)
        families.clicked.connect(lambda: self.shell.go("families"))
        for w in (self.done_label, self.open_report_button, self.save_report_button, again,
                  families):
            box.addWidget(w)
        box.addStretch(1)
        return step

    # Flow
    def load(self, *_: Any) -> None:
        self.say("")
        self.steps.setCurrentIndex(RUNNING if workers.busy() and self._running() else CHOOSE)

    def _running(self) -> bool:
        return self.steps.currentIndex() == RUNNING

    def is_dirty(self) -> bool:
        """An import running (or a preview being decided) is not left without asking."""
        return self.steps.currentIndex() in (PREVIEW, RUNNING)

    def discard(self) -> None:
        self.cancel.set()
        self.plan = None
        self.steps.setCurrentIndex(CHOOSE)

    def _ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the roster"), str(Path.home()),
            self.tr("Rosters (*.xlsx *.xls *.csv)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path, mapping: columns.Mapping | None = None) -> None:
        """Read the file's sheets and header; the mapping step shows what was recognised."""
        self.path, self.mapping = path, mapping or columns.Mapping()
        self.sheet_box.clear()
        self.file_label.setText(self.tr("File: {name}").replace("{name}", path.name))
        try:
            book, name, _, _ = imports.open_sheet(path, None, self.mapping)
        except KnownError as err:
            if getattr(err, "code", "") != "no_header":
                self.say_error(err)
                return
            book = read.read(path)
            name = book.sheet(None)[0]
        self.sheet_box.addItems(book.names)
        self.sheet_box.setCurrentText(name)
        self.sheet_box.setVisible(len(book.names) > 1)
        self._read_header()

    def _read_header(self) -> None:
        assert self.path is not None
        self.say("")
        book = read.read(self.path)
        _, rows = book.sheet(self.sheet_box.currentText() or None)
        try:
            header = columns.find_header(rows, self.mapping)
            cells = header.cells
        except Invalid:  # no known header: every cell of the first row to map by hand
            first = next((r for r in rows if any(c not in (None, "") for c in r)), [])
            cells = ["" if c is None else str(c).strip() for c in first]
        self.columns.show_header(cells, self.mapping)
        self.steps.setCurrentIndex(MAP)

    def chosen_mapping(self) -> columns.Mapping:
        return self.columns.chosen()

    def _ask_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a saved mapping"),
                                              str(Path.home()), self.tr("Mappings (*.json)"))
        if path and self.path is not None:
            try:
                self.open_file(self.path, imports.load_mapping(path))
            except KnownError as err:
                self.say_error(err)

    def _ask_save_mapping(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the mapping"),
                                              str(Path.home() / "mapping.json"),
                                              self.tr("Mappings (*.json)"))
        if path:
            self.save_mapping(Path(path))

    def save_mapping(self, path: Path) -> None:
        try:
            self.chosen_mapping().save(path)
        except OSError as err:
            self.say(self.tr("The mapping could not be saved: {why}").replace(
                "{why}", err.strerror or str(err)), error=True)
            return
        self.say(self.tr("Mapping saved: {path}").replace("{path}", str(path)))

    def check_rows(self) -> None:
        """The preview, on a worker thread (a large roster takes seconds)."""
        assert self.path is not None
        self.mapping = self.chosen_mapping()
        self.check_button.setEnabled(False)
        self.say(self.tr("Checking the rows…"))
        target = import_commit.Detached(self.session)
        path, sheet, mapping = self.path, self.sheet_box.currentText() or None, self.mapping
        workers.run(lambda: import_commit.preview_detached(target, path, sheet, mapping),
                    self._previewed, self._failed)

    def _previewed(self, plan: imports.Preview) -> None:
        self.check_button.setEnabled(True)
        self.say("")
        self.plan = plan
        self.model.show(plan, self.only_problems.isChecked())
        self._summarise()
        self.steps.setCurrentIndex(PREVIEW)

    def _failed(self, err: Exception) -> None:
        self.check_button.setEnabled(True)
        if isinstance(err, import_commit.ImportCancelled):
            self.say(i18n.known(err))
            self.steps.setCurrentIndex(PREVIEW if self.plan is not None else CHOOSE)
            return
        if not isinstance(err, KnownError):
            raise err
        self.say_error(err)
        if self._running():
            self.steps.setCurrentIndex(PREVIEW)

    def _summarise(self) -> None:
        if self.plan is None:
            return
        c = self.plan.counts()
        self.summary.setText(self.tr(
            "{rows} rows: {added} to add, {updated} to fill in, {duplicates} duplicates "
            "skipped, {errors} with errors (not imported: they go to a report to fix).")
            .replace("{rows}", str(c["rows"])).replace("{added}", str(c["added"]))
            .replace("{updated}", str(c["updated"]))
            .replace("{duplicates}", str(c["duplicates"]))
            .replace("{errors}", str(c["errors"])) + self._members_text(c))
        self.import_button.setText(self.tr("Import {n} families").replace(
            "{n}", str(c["added"] + c["updated"])))
        self.import_button.setEnabled(c["added"] + c["updated"] > 0)

    def _members_text(self, c: dict[str, int]) -> str:
        """A sentence on the household members, when the roster has any."""
        return "" if not (c["members"] or c["members_updated"]) else " " + self.tr(
            "Household members: {members} added, {members_updated} filled in (they follow "
            "their family).").replace("{members}", str(c["members"])).replace(
            "{members_updated}", str(c["members_updated"]))

    def _bulk(self, decision: str) -> None:
        assert self.plan is not None
        for kind in (imports.POSSIBLE, imports.ELSEWHERE):
            self.plan.decide_all(kind, decision)
        self.model.refresh()

    def start_import(self) -> None:
        assert self.plan is not None and self.path is not None
        self.cancel = threading.Event()
        total = len(self.plan.rows) + len(self.plan.loose)
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(0)
        self.running_label.setText(self.tr("Importing {n} rows in one go: Cancel leaves the "
                                           "station as it was.").replace("{n}", str(total)))
        self.cancel_button.setEnabled(True)
        self.steps.setCurrentIndex(RUNNING)
        target, plan, cancel = import_commit.Detached(self.session), self.plan, self.cancel
        report = self.session.paths.data_dir / "imports" / f"{self.path.stem}.errors.xlsx"
        workers.run(lambda: import_commit.commit_detached(
            target, plan, progress=self.progress.moved.emit, cancel=cancel, report=report,
            lang=self.lang), self._imported, self._failed)

    def _moved(self, done: int, total: int) -> None:
        self.bar.setValue(done)

    def cancel_import(self) -> None:
        self.cancel.set()
        self.cancel_button.setEnabled(False)
        self.running_label.setText(self.tr("Cancelling…"))

    def _imported(self, result: import_commit.Result) -> None:
        self.result = result
        c = result.counts
        text = self.tr("Done: {added} families added, {updated} filled in, {duplicates} "
                       "duplicates left out, {errors} rows with errors.")
        for key, value in c.items():
            text = text.replace("{" + key + "}", str(value))
        self.done_label.setText(text + self._members_text(c))
        self.open_report_button.setVisible(result.report is not None)
        self.save_report_button.setVisible(result.report is not None)
        self.plan = None
        self.steps.setCurrentIndex(DONE)

    def _open_report(self) -> None:
        if self.result is not None and self.result.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.report)))

    def _ask_save_report(self) -> None:
        if self.result is None or self.result.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the rows not imported"),
                                              str(Path.home() / self.result.report.name),
                                              self.tr("Excel files (*.xlsx)"))
        if path:
            try:
                shutil.copyfile(self.result.report, path)
            except OSError as err:
                self.say(self.tr("The report could not be saved: {why}").replace(
                    "{why}", err.strerror or str(err)), error=True)
                return
            self.say(self.tr("Saved: {path}").replace("{path}", path))


def _column(parent: QWidget) -> tuple[QWidget, QVBoxLayout]:
    step = QWidget(parent)
    box = QVBoxLayout(step)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(12)
    return step, box

