"""The programmes open today, each with what this family received of it this campaign (here
and at the region's other stations) and what is left under its limit. One tap picks one; with
more than one open nothing is picked for the volunteer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from helpdesk.domain import money
from helpdesk.domain.programmes import Kind
from helpdesk.services.aid import Standing
from helpdesk.ui import i18n

ID_ROLE = Qt.ItemDataRole.UserRole
USED_UP_ROLE = Qt.ItemDataRole.UserRole + 1


class ProgrammePicker(QListWidget):
    """Emits `picked` with the programme's kind when the volunteer picks one."""

    picked = Signal(object)  # Kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.kinds: dict[str, Kind] = {}
        self.currentRowChanged.connect(lambda _: self.picked.emit(self.kind()))

    def set_standings(self, standings: list[Standing]) -> None:
        """Show these programmes; the only one is picked, with several none is."""
        self.blockSignals(True)
        self.clear()
        self.kinds = {s.programme.id: s.programme.kind for s in standings}
        for s in standings:
            item = QListWidgetItem(f"{s.programme.name(i18n.short())} · "
                                   f"{i18n.label(s.programme.kind)}\n{self.describe(s)}", self)
            item.setData(ID_ROLE, s.programme.id)
            item.setData(USED_UP_ROLE, s.used_up)
            if s.used_up:  # still pickable: a station head may approve giving again
                item.setForeground(QColor("#9a3412"))
        self.setCurrentRow(0 if len(standings) == 1 else -1)
        self.blockSignals(False)
        lines = max(1, min(len(standings), 5))
        self.setFixedHeight(lines * 2 * self.fontMetrics().lineSpacing() + lines * 8 + 6)
        self.picked.emit(self.kind())

    def describe(self, s: Standing) -> str:
        if not s.received:
            text = self.tr("Not received this campaign · {left} left")
        else:
            parts = []
            if s.here:
                parts.append(self.tr("here {count} time(s), {amount} yuan")
                             .replace("{count}", str(s.here))
                             .replace("{amount}", money.format_fen(s.here_fen)))
            if s.elsewhere:  # match records carry counts, not amounts
                parts.append(self.tr("another station {count} time(s)")
                             .replace("{count}", str(s.elsewhere)))
            text = (self.tr("Received {count} time(s) this campaign ({where}) · {left} left")
                    .replace("{count}", str(s.received)).replace("{where}", self.tr("; ")
                                                                 .join(parts)))
            if s.used_up:
                text = self.tr("Used up: received {count} time(s) ({where}); a station head "
                               "must approve giving again").replace(
                    "{count}", str(s.received)).replace("{where}", self.tr("; ").join(parts))
        return text.replace("{left}", str(s.left))

    def current_id(self) -> str:
        item = self.currentItem()
        return str(item.data(ID_ROLE)) if item is not None and self.currentRow() >= 0 else ""

    def kind(self) -> Kind | None:
        return self.kinds.get(self.current_id())

    def current_text(self) -> str:
        item = self.currentItem()
        return item.text().split("\n")[0] if item is not None else ""

    def pick(self, programme_id: str) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item is not None and item.data(ID_ROLE) == programme_id:
                self.setCurrentRow(row)
