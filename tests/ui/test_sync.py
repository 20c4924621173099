"""The app's sync against a real `helpdesk-server serve` process on a loopback port: connect
through the dialog, give aid, "Sync now"; the server stopped (offline, back-off growing);
sync never on the GUI thread; lock mid-sync; what a volunteer sees."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from helpdesk.domain import idcard
from helpdesk.server import accounts
from helpdesk.server.app import create_app
from helpdesk.server.settings import Settings
from helpdesk.services import aid as aidcases
from helpdesk.services import station_sync
from helpdesk.sync import client
from helpdesk.ui import sync_controller
from helpdesk.ui.dialogs.connect import ConnectDialog
from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.pages.review import Card
from helpdesk.ui.sync_controller import State
from tests.services import helpers
from tests.sync.test_uvicorn import Server
from tests.ui.conftest import VOLUNTEER, VOLUNTEER_PIN, sign_in

SYNC_MS = 60_000


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Server, Engine]]:
    """A real server process on a SQLite file, and an engine on that file for admin work."""
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    engine: Engine = create_app(Settings(db_url=db_url)).state.engine  # makes the schema
    running = Server(db_url, tmp_path / "server.log")
    running.start()
    yield running, engine
    running.stop()
    engine.dispose()


def connect(qtbot: QtBot, window: MainWindow, server: Server, engine: Engine) -> None:
    """Enroll through the Connect dialog: a plain-http address and a wrong code first."""
    shell = window.shell
    assert shell is not None
    assert shell.sync.status.state is State.NOT_CONNECTED
    assert "Not connected to a server" in shell.sync_status.text.text()
    shell.sync_status.button.click()
    dialog = shell.findChild(ConnectDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.url_edit().setText("http://sync.example.org")
    dialog.code_edit().setText("ABCD-EFGH")
    dialog.confirm.click()
    assert "https://" in dialog.url.error.text() and dialog.url.error.isVisible()
    dialog.url_edit().setText(server.url)
    dialog.confirm.click()
    qtbot.waitUntil(lambda: dialog.code.error.isVisible(), timeout=SYNC_MS)
    assert "code" in dialog.code.error.text().lower()
    assert not dialog.url.error.isVisible()
    _station, code = accounts.add_station(engine, "服务器上的站名", "420111")
    dialog.code_edit().setText(code)
    with qtbot.waitSignal(shell.sync.sync_finished, timeout=SYNC_MS):
        dialog.confirm.click()
    assert not dialog.isVisible()


def test_connect_give_aid_and_sync_now(qtbot: QtBot, signed_in: MainWindow,
                                       server: tuple[Server, Engine],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    running, engine = server
    threads: list[threading.Thread] = []
    real = client.sync_once

    def watched(db, http, **kw):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(db, http, **kw)

    monkeypatch.setattr(client, "sync_once", watched)
    connect(qtbot, signed_in, running, engine)
    shell = signed_in.shell
    assert shell is not None
    s = shell.session
    assert s.station.name == "服务器上的站名" and not s.station.code_provisional
    assert station_sync.enrollment(s) is not None
    family = helpers.register(s, head_name="周九", phone="138 1234 5699")
    aidcases.give_aid(s, helpers.cash_aid(s, family.id, amount="100"))
    shell.refresh_status()
    waiting = shell.sync.status.waiting
    assert waiting > 0 and f"{waiting} waiting" in shell.sync_status.text.text()
    assert shell.sync.next_delay_ms == sync_controller.WAITING_MS  # sent within two minutes
    with qtbot.waitSignal(shell.sync.sync_started, timeout=1000):
        shell.sync_status.button.click()
    assert shell.sync.status.state is State.SYNCING and not shell.sync_status.button.isEnabled()
    assert not shell.sync.sync_now()  # never two at once
    with qtbot.waitSignal(shell.sync.sync_finished, timeout=SYNC_MS) as done:
        pass
    assert done.args[0].waiting == 0 and done.args[0].accepted >= waiting
    text = shell.sync_status.text.text()
    assert "0 waiting" in text and "last sync" in text, text
    assert shell.sync.status.last_sync is not None
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert shell.sync.next_delay_ms == sync_controller.IDLE_MS


def test_cancel_stops_the_sync_between_pages_and_the_next_one_sends_the_rest(
        qtbot: QtBot, signed_in: MainWindow, server: tuple[Server, Engine],
        monkeypatch: pytest.MonkeyPatch) -> None:
    running, engine = server
    shell = signed_in.shell
    assert shell is not None
    s = shell.session
    gate, on_the_way = threading.Event(), threading.Event()
    real = client._call

    def slow_link(*args, **kw):  # type: ignore[no-untyped-def]
        if args[2] == "/v1/sync/push":  # the first page waits until Cancel was pressed
            on_the_way.set()
            assert gate.wait(SYNC_MS / 1000)
        return real(*args, **kw)

    monkeypatch.setattr(client, "_call", slow_link)
    gate.set()  # enrolling syncs once: let that one through
    connect(qtbot, signed_in, running, engine)
    gate.clear()
    on_the_way.clear()
    for i in range(3):
        aidcases.give_aid(s, helpers.cash_aid(s, helpers.register(
            s, head_name=f"周{'一二三'[i]}", phone=f"138 1234 56{i:02d}",
            id_number=idcard.make("420111", date(1981, 3, 9), 300 + i)).id, amount="50"))
    shell.refresh_status()
    waiting = shell.sync.status.waiting
    assert waiting > 0
    bar = shell.sync_status
    assert bar.button.isVisible() and not bar.cancel.isVisible()
    with qtbot.waitSignal(shell.sync.sync_started, timeout=1000):
        bar.button.click()
    assert bar.cancel.isVisible() and bar.cancel.isEnabled() and not bar.button.isVisible()
    assert on_the_way.wait(SYNC_MS / 1000)
    bar.cancel.click()  # while the first page is on its way: it finishes, nothing after it
    assert not bar.cancel.isEnabled() and bar.cancel.text() == "Stopping…"
    assert "Stopping after this page" in bar.text.text()
    assert not shell.sync.cancel()  # once is enough
    with qtbot.waitSignal(shell.sync.sync_finished, timeout=SYNC_MS) as stopped:
        gate.set()
    outcome = stopped.args[0]
    assert outcome.stopped and outcome.sent > 0 and outcome.applied == 0
    text = bar.text.text()
    assert (f"Sync stopped: {outcome.sent} changes sent, 0 received; the rest goes next time"
            in text), text
    assert bar.button.isVisible() and bar.button.isEnabled() and not bar.cancel.isVisible()
    assert shell.sync.status.state is State.IDLE
    with qtbot.waitSignal(shell.sync.sync_finished, timeout=SYNC_MS) as done:
        bar.button.click()
    assert not done.args[0].stopped and done.args[0].waiting == 0
    assert "Sync stopped" not in bar.text.text() and "0 waiting" in bar.text.text()
    assert outcome.sent + done.args[0].sent == waiting


def test_server_gone_backs_off_and_network_back_tries_again(
        qtbot: QtBot, signed_in: MainWindow, server: tuple[Server, Engine]) -> None:
    running, engine = server
    connect(qtbot, signed_in, running, engine)
    shell = signed_in.shell
    assert shell is not None
    controller = shell.sync
    running.stop()
    delays = []
    for _ in range(3):
        with qtbot.waitSignal(controller.sync_failed, timeout=SYNC_MS):
            assert controller.sync_now()
        delays.append(controller.next_delay_ms)
    assert controller.status.state is State.OFFLINE and controller.failures == 3
    assert "Offline" in shell.sync_status.text.text()
    assert "Cannot reach the server" in shell.sync_status.toolTip()
    assert 24_000 <= delays[0] <= 36_000 and delays[0] < delays[1] < delays[2] <= 15 * 60_000
    assert controller.timer.isActive()
    assert sync_controller.backoff_ms(30) <= sync_controller.BACKOFF_MAX_MS
    controller.network_changed(False)
    assert controller.status.state is State.OFFLINE
    running.start()
    with qtbot.waitSignal(controller.sync_finished, timeout=SYNC_MS):
        controller.network_changed(True)  # back: try at once, from a fresh start
    assert controller.failures == 0 and controller.status.state is State.IDLE


def test_lock_while_syncing_leaves_the_closed_database_alone(
        qtbot: QtBot, signed_in: MainWindow, server: tuple[Server, Engine]) -> None:
    running, engine = server
    connect(qtbot, signed_in, running, engine)
    shell = signed_in.shell
    assert shell is not None
    controller = shell.sync
    with qtbot.waitSignal(controller.sync_started, timeout=1000):
        controller.sync_now()
    signed_in.lock()
    assert controller.stopped and not controller.timer.isActive()
    qtbot.waitUntil(lambda: not controller.running, timeout=SYNC_MS)  # its answer, dropped
    assert not controller.sync_now()
    sign_in(qtbot, signed_in)
    again = signed_in.shell
    assert again is not None and again.sync is not controller
    assert again.sync.status.state is State.IDLE and again.sync.status.last_sync is not None


def test_a_volunteer_cannot_connect_or_review(qtbot: QtBot, demo_station, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    sign_in(qtbot, window, VOLUNTEER, VOLUNTEER_PIN)
    shell = window.shell
    assert shell is not None
    assert "Not connected to a server" in shell.sync_status.text.text()
    assert not shell.sync_status.button.isVisible()
    assert "review" not in shell.nav_buttons and not shell.badges
    settings = shell.go("settings")
    assert not settings.connect_button.isVisible()
    review = shell.go("review")
    assert "Only a station head" in review.message.text()
    assert not review.findChildren(Card)
