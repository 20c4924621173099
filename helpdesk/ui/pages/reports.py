"""Reports for the station head: today, this month or this campaign; aid by programme, month,
difficulty, employment (platform and rural migrant workers called out) and hardship tier, and
the families reached against those registered. Each as a chart with its numbers beside it;
printable and savable as PDF. The figures come from `services.reports`; this page only draws.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QButtonGroup, QFileDialog, QHBoxLayout, QLabel, QPushButton

from helpdesk.domain import money
from helpdesk.errors import KnownError
from helpdesk.services import reports
from helpdesk.ui import i18n, report_pdf
from helpdesk.ui.pages.base import Page
from helpdesk.ui.widgets.report_section import Line, Section

if TYPE_CHECKING:
    from helpdesk.ui.shell import Shell


class ReportsPage(Page):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell, self.tr("Reports"))
        self.kind = reports.PeriodKind.CAMPAIGN.value
        self.report: reports.Report | None = None
        self.load_seconds = 0.0  # the last load, queries and drawing (for the benchmark)
        row = QHBoxLayout()
        self.periods = QButtonGroup(self)
        for kind, text in ((reports.PeriodKind.TODAY, self.tr("Today")),
                           (reports.PeriodKind.MONTH, self.tr("This month")),
                           (reports.PeriodKind.CAMPAIGN, self.tr("This campaign"))):
            button = QPushButton(text, self)
            button.setObjectName(f"period_{kind.value}")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, k=kind.value: self.load(k))
            self.periods.addButton(button)
            row.addWidget(button, 1)
        self.content.addLayout(row)
        self.period_label = self._label("report_period")
        self.summary = self._label("report_summary")
        self.callout = self._label("report_callout")
        money_columns = ("", self.tr("Aid"), self.tr("Yuan"), self.tr("Families"))
        self.sections = {
            "reach": Section("reach", self.tr("Families reached of those registered"), "pie",
                             ("", self.tr("Families")), self),
            "programme": Section("programme", self.tr("Aid by programme"), "hbar",
                                 money_columns, self),
            "month": Section("month", self.tr("Aid by month"), "bar", money_columns, self),
            "reason": Section("reason", self.tr("Aid by difficulty"), "hbar", money_columns,
                              self),
            "employment": Section("employment", self.tr("Aid by employment"), "hbar",
                                  money_columns, self),
            "tier": Section("tier", self.tr("Aid by hardship tier"), "hbar", money_columns,
                            self),
        }
        self.sections["reason"].set_note(self.tr(
            "A family with several difficulties counts under each of them, so these rows add "
            "up to more than the total."))
        for section in self.sections.values():
            self.content.addWidget(section)
        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.pdf_button.setObjectName("report_pdf")
        self.pdf_button.clicked.connect(self._choose_pdf)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("report_print")
        self.print_button.clicked.connect(self._print)
        buttons.addWidget(self.print_button, 1)
        buttons.addWidget(self.pdf_button, 1)
        self.content.addLayout(buttons)
        self.content.addStretch(1)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        self.content.addWidget(label)
        return label

    def load(self, kind: str | None = None) -> None:
        started = time.perf_counter()
        self.say("")
        self.kind = kind or self.kind
        for button in self.periods.buttons():
            button.setChecked(button.objectName() == f"period_{self.kind}")
        try:
            span = reports.period(self.session, self.kind)
            self.report = reports.report(self.session, span)
        except KnownError as err:
            self.say_error(err)
            return
        self._draw(self.report)
        self.load_seconds = time.perf_counter() - started

    def _draw(self, r: reports.Report) -> None:
        lang = i18n.short()
        p = r.period
        span = (p.start.isoformat() if p.start == p.end
                else f"{p.start.isoformat()} – {p.end.isoformat()}")
        if p.kind == reports.PeriodKind.CAMPAIGN.value:
            span += " · " + (self.tr("programmes open now: {codes}").replace(
                "{codes}", ", ".join(p.programmes)) if p.programmes
                else self.tr("no programme is open: the year so far"))
        self.period_label.setText(span)
        self.summary.setText(self.tr(
            "{count} aid, {amount} yuan, to {reached} of {registered} registered families")
            .replace("{count}", str(r.aid_count))
            .replace("{amount}", money.format_fen(r.total_fen))
            .replace("{reached}", str(r.families_reached))
            .replace("{registered}", str(r.families_registered)))
        self.callout.setText(" · ".join(
            self.tr("{who}: {count} aid, {amount} yuan, {families} families")
            .replace("{who}", row.label(lang)).replace("{count}", str(row.aid_count))
            .replace("{amount}", money.format_fen(row.total_fen))
            .replace("{families}", str(row.families)) for row in r.called_out()))
        empty = self.tr("No aid in this period")
        not_reached = max(r.families_registered - r.families_reached, 0)
        self.sections["reach"].show_lines([
            Line(self.tr("Reached"), 0, 0, r.families_reached,
                 cells=(self.tr("Reached"), str(r.families_reached))),
            Line(self.tr("Not reached"), 0, 0, not_reached,
                 cells=(self.tr("Not reached"), str(not_reached))),
        ], empty)
        for name, rows in (("programme", r.by_programme), ("month", r.by_month),
                           ("reason", r.by_reason), ("employment", r.by_employment),
                           ("tier", r.by_tier)):
            self.sections[name].show_lines(
                [Line(x.label(lang), x.aid_count, x.total_fen, x.families, x.called_out)
                 for x in rows], empty)

    # On paper
    def document(self) -> QTextDocument:
        station = self.session.station.name
        title = self.tr("Reports: {station}").replace("{station}", station)
        parts = [report_pdf.Part(s.heading.text(), s.note.text() if s.note.isVisible() else "",
                                 s.image() if s.lines else None,
                                 s.columns,
                                 [line.cells for line in s.lines])
                 for s in self.sections.values()]
        return report_pdf.document(title, [self.period_label.text(), self.summary.text(),
                                           self.callout.text()], parts)

    def save_pdf(self, path: Path) -> Path:
        doc = self.document()
        return report_pdf.write_pdf(doc, path, self.title.text())

    def _choose_pdf(self) -> None:
        suggested = str(Path.home() / f"report-{self.kind}.pdf")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as PDF"),
                                                suggested, "PDF (*.pdf)")
        if not chosen:
            return
        try:
            saved = self.save_pdf(Path(chosen))
        except OSError as err:
            self.say(self.tr("Could not save the PDF: {error}").replace("{error}", str(err)),
                     error=True)
            return
        self.say(self.tr("Saved to {path}").replace("{path}", str(saved)))

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("report_print_dialog")
        if dialog.exec():
            report_pdf.print_to(self.document(), printer)
