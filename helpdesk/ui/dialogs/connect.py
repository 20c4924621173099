"""Connect the station to its server (station head): the server's address and the one-time
enrollment code from the union office. Enrolling runs on the worker pool; errors appear
beside the field they are about."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from helpdesk.errors import KnownError
from helpdesk.services import session as sessions
from helpdesk.services import station_sync
from helpdesk.ui import i18n, workers
from helpdesk.ui.widgets import fit
from helpdesk.ui.widgets.form import Field, fit_height

URL_ERRORS = {"bad_url", "insecure_url", "server_unreachable", "bad_answer"}
log = logging.getLogger(__name__)
CODE_ERRORS = {"bad_code", "enrollment_refused", "enrollment_expired", "station_bound",
               "already_enrolled", "invalid_request", "validation_error"}


class ConnectDialog(QDialog):
    connected = Signal()

    def __init__(self, session: sessions.Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.setWindowTitle(self.tr("Connect to a server"))
        self.session = session
        self.running = False
        text = QLabel(self.tr("The union office gives you the server's address and a one-time "
                              "enrollment code. Once connected, the station sends its aid "
                              "records by itself whenever there is a connection."), self)
        text.setWordWrap(True)
        url = QLineEdit(self)
        url.setPlaceholderText("https://")
        url.setInputMethodHints(Qt.InputMethodHint.ImhUrlCharactersOnly
                                | Qt.InputMethodHint.ImhNoAutoUppercase)
        code = QLineEdit(self)
        code.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
        self.url = Field("server_url", self.tr("Server address"), url, self)
        self.code = Field("enroll_code", self.tr("Enrollment code"), code, self)
        self.message = QLabel(self)
        self.message.setObjectName("connect_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.confirm = QPushButton(self.tr("Connect"), self)
        self.confirm.setObjectName("connect_confirm")
        self.confirm.setProperty("class", "primary")
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self.start)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("connect_cancel")
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.confirm)
        layout = fit.body(self)
        layout.addWidget(text)
        layout.addWidget(self.url)
        layout.addWidget(self.code)
        layout.addWidget(self.message)
        fit.foot(self, buttons)
        fit.fit(self, 460)  # as wide as the window allows, never wider

    def url_edit(self) -> QLineEdit:
        return self.url.editor  # type: ignore[return-value]

    def code_edit(self) -> QLineEdit:
        return self.code.editor  # type: ignore[return-value]

    def start(self) -> None:
        """Check the fields here, then enroll on the worker pool."""
        if self.running:
            return
        self._say("")
        self.url.set_error("")
        self.code.set_error("")
        url, code = self.url_edit().text(), self.code_edit().text()
        try:
            url = station_sync.check_url(url)
            code = station_sync.check_code(code)
            job = station_sync.target(self.session)
        except KnownError as err:
            self._show_error(err)
            return
        self.running = True
        self.confirm.setEnabled(False)
        self._say(self.tr("Connecting…"))
        workers.run(lambda: station_sync.connect_server(job, url, code), self._done,
                    self._failed)

    def _done(self, _enrollment: object) -> None:
        self.running = False
        self.connected.emit()
        self.accept()

    def _failed(self, err: Exception) -> None:
        self.running = False
        self.confirm.setEnabled(True)
        self._say("")
        if not isinstance(err, KnownError):
            log.error("enrollment failed", exc_info=err)
            self._say(self.tr("Something went wrong; the details are in the log."), error=True)
            return
        self._show_error(err)

    def _show_error(self, err: KnownError) -> None:
        text = i18n.known(err)
        if err.code in URL_ERRORS:
            self.url.set_error(text)
        elif err.code in CODE_ERRORS:
            self.code.set_error(text)
        else:
            self._say(text, error=True)
        fit_height(self)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("class", "field_error" if error else "info")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))
        fit_height(self)

    def reject(self) -> None:
        if not self.running:  # the enrollment on its way finishes; its answer needs us
            super().reject()
