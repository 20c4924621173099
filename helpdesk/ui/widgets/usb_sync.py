"""Offline sync by USB stick, in Settings: write the bundle for the server, read its answer.

Both run on the worker pool through `station_sync` (their own connection to the station file);
the buttons are disabled meanwhile and the outcome, or the file's problem (altered, for
another station, not the server's answer…), is said in the user's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from helpdesk.domain.common import utcnow
from helpdesk.errors import KnownError
from helpdesk.services import station_sync
from helpdesk.ui import workers
from helpdesk.ui.widgets.reflow import Row

if TYPE_CHECKING:
    from helpdesk.sync import bundles, wire
    from helpdesk.ui.pages.base import Page

FILTER = "Helpdesk bundle (*.hdb);;All files (*)"


class UsbSync(QWidget):
    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page
        heading = QLabel(self.tr("Sync by USB stick"), self)
        heading.setProperty("class", "section")
        hint = QLabel(self.tr("Without a network: write the changes to a file, take it to "
                              "the server, and bring its answer back."), self)
        hint.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export for USB…"), self)
        self.export_button.setObjectName("usb_export")
        self.export_button.clicked.connect(self._choose_export)
        self.import_button = QPushButton(self.tr("Import answer from USB…"), self)
        self.import_button.setObjectName("usb_import")
        self.import_button.clicked.connect(self._choose_import)
        buttons = Row(self)  # side by side, or one under the other when narrow
        buttons.add(self.export_button)
        buttons.add(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.import_button.setEnabled(not running)

    def _choose_export(self) -> None:
        code = self.page.session.station.code or "station"
        name = f"helpdesk-{code}-{utcnow():%Y%m%d-%H%M}.hdb"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export for USB"),
                                                str(Path.home() / name), FILTER)
        if chosen:
            self.export_to(Path(chosen))

    def _choose_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import answer from USB"),
                                                str(Path.home()), FILTER)
        if chosen:
            self.import_from(Path(chosen))

    def export_to(self, path: Path) -> None:
        s = self.page.session
        try:
            target, signer = station_sync.target(s), station_sync.signer(s)
        except KnownError as err:
            self.page.say_error(err)
            return
        self._running(True)
        self.page.say(self.tr("Writing the file…"))
        workers.run(lambda: station_sync.export_bundle(target, signer, path),
                    lambda header: self._exported(path, header), self._failed)

    def import_from(self, path: Path) -> None:
        try:
            target = station_sync.target(self.page.session)
        except KnownError as err:
            self.page.say_error(err)
            return
        self._running(True)
        self.page.say(self.tr("Reading the answer…"))
        workers.run(lambda: station_sync.import_bundle(target, path), self._imported,
                    self._failed)

    def _gone(self) -> bool:
        return bool(getattr(self.page, "released", False))

    def _exported(self, path: Path, header: wire.BundleHeader) -> None:
        if self._gone():
            return
        self._running(False)
        c = header.counts
        text = self.tr("Wrote {file}: {n} changes for the server (encrypted: only the server "
                       "can open it)").replace("{file}", str(path)).replace(
                           "{n}", str(c.get("changes", 0)))
        if c.get("enrollment"):
            text += " " + self.tr("It also asks the server to enroll this laptop.")
        self.page.say(text)

    def _imported(self, done: bundles.Imported) -> None:
        if self._gone():
            return
        self._running(False)
        station_sync.reload_station(self.page.session)
        pushed, pulled = done.pushed, done.pulled
        lines = []
        if done.enrolled:
            lines.append(self.tr("Enrolled: station {code}").replace(
                "{code}", done.header.station_code))
        lines.append(self.tr("Server took {accepted}, refused {rejected}, set aside "
                             "{quarantined}; {applied} changes from the region applied")
                     .replace("{accepted}", str(pushed.accepted + pushed.already_had))
                     .replace("{rejected}", str(pushed.rejected))
                     .replace("{quarantined}", str(pushed.quarantined))
                     .replace("{applied}", str(pulled.applied)))
        if done.header.counts.get("more"):
            lines.append(self.tr("The server has more for this station: export again."))
        self.page.say("\n".join(lines))
        self.page.shell.refresh_status()  # the waiting count and the review badge
        refresh = getattr(self.page, "refresh_after_sync", None)
        if refresh is not None:
            refresh()

    def _failed(self, err: Exception) -> None:
        if self._gone():
            return
        self._running(False)
        if not isinstance(err, KnownError):
            raise err
        self.page.say_error(err)
