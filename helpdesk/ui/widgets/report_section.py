"""One part of the Reports page: a heading, a Qt Charts chart and the same numbers in a table
beside it (below it on narrow windows), so the figures read without the chart.

Imported only by the Reports page: QtCharts costs memory that signing in should not pay.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import money

WIDE = 720  # from this width on, the table stands beside the chart
ACCENT = QColor("#c0392b")  # rows the seeds ask to call out (platform, rural migrant workers)
PLAIN = QColor("#2e6da4")


class Line:
    """One row of a section: its label, the figures, and whether it is called out."""

    def __init__(self, label: str, aid_count: int, total_fen: int, families: int,
                 called_out: bool = False, cells: tuple[str, ...] = ()) -> None:
        self.label, self.aid_count, self.total_fen = label, aid_count, total_fen
        self.families, self.called_out = families, called_out
        self.cells = cells or (label, str(aid_count), money.format_fen(total_fen),
                               str(families))


class Section(QWidget):
    """`show(lines)` draws the chart (`bar`, `hbar` or `pie`) and fills the table."""

    def __init__(self, name: str, heading: str, kind: str, columns: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"section_{name}")
        self.kind = kind
        self.columns = tuple(columns)
        self.heading = QLabel(heading, self)
        self.heading.setProperty("class", "section")
        self.heading.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.chart = QChart()
        self.chart.setBackgroundRoundness(0)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.view = QChartView(self.chart, self)
        self.view.setObjectName(f"chart_{name}")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(240)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table = QTableWidget(0, len(columns), self)
        self.table.setObjectName(f"table_{name}")
        self.table.setHorizontalHeaderLabels(list(columns))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(columns)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.pair = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.pair.addWidget(self.view, 1)
        self.pair.addWidget(self.table, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(self.pair)
        self.lines: list[Line] = []

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def resizeEvent(self, event: object) -> None:
        wide = self.width() >= WIDE
        self.pair.setDirection(QBoxLayout.Direction.LeftToRight if wide
                               else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_table()

    def show_lines(self, lines: list[Line], empty: str) -> None:
        self.lines = lines
        self._fill_table(lines, empty)
        self._draw(lines)

    def _fill_table(self, lines: list[Line], empty: str) -> None:
        self.table.setRowCount(max(1, len(lines)))
        if not lines:
            self.table.setSpan(0, 0, 1, self.table.columnCount())
            self.table.setItem(0, 0, QTableWidgetItem(empty))
        else:
            self.table.clearSpans()
        for r, line in enumerate(lines):
            for c, text in enumerate(line.cells[:self.table.columnCount()]):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if line.called_out:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(ACCENT)
                self.table.setItem(r, c, item)
        self._fit_table()

    def _fit_table(self) -> None:
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth() + 2
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def _draw(self, lines: list[Line]) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        if self.kind == "pie":
            pie = QPieSeries()
            for line in lines:  # named in the legend: slice labels are clipped at 360 px
                pie.append(f"{line.label} {line.families}", max(line.families, 0))
            chart.addSeries(pie)
            chart.legend().setVisible(True)
            return
        values = QBarSet(self.tr_yuan())
        values.setColor(PLAIN)
        if self.kind == "hbar":  # Qt stacks the first category at the bottom: read top down
            lines = lines[::-1]
        for line in lines:
            values.append(line.total_fen / 100)  # drawing only: figures stay in fen
        series = QHorizontalBarSeries() if self.kind == "hbar" else QBarSeries()
        series.append(values)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([line.label for line in lines] or [""])
        if self.kind == "bar" and len(lines) > 4:
            categories.setLabelsAngle(-90)
        amounts = QValueAxis()
        amounts.setLabelFormat("%.0f")
        top = max((line.total_fen for line in lines), default=0) / 100
        amounts.setRange(0, top * 1.1 or 1)
        amounts.setTickCount(4 if self.kind == "bar" else 3)  # room for six digits at 360 px
        amounts.applyNiceNumbers()
        category_side, value_side = ((Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
                                     if self.kind == "hbar" else
                                     (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft))
        chart.addAxis(categories, category_side)
        chart.addAxis(amounts, value_side)
        series.attachAxis(categories)
        series.attachAxis(amounts)
        chart.legend().setVisible(False)
        self.view.setMinimumHeight(max(240, 36 * len(lines) + 60) if self.kind == "hbar"
                                   else 240)

    def tr_yuan(self) -> str:
        return self.tr("Yuan")

    def image(self, scale: int = 2) -> QImage:
        """The chart alone as an image (for the PDF) at `scale` × its size on screen, so it
        keeps the proportions it has on the page; white behind it."""
        size = self.view.size()
        picture = QImage(size.width() * scale, size.height() * scale,
                         QImage.Format.Format_RGB32)
        picture.fill(QColor("white"))
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.render(painter, picture.rect().toRectF(), self.view.viewport().rect())
        painter.end()
        return picture
