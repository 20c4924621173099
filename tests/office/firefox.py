"""A small WebDriver BiDi client for the console's Firefox tests: Debian's firefox-esr started
headless on a fresh profile, spoken to over its own WebSocket (no geckodriver, no Playwright,
whose Firefox build is a download). One command at a time; the events that arrive meanwhile
(console and script errors, page loads, messages of the CSP watcher) are kept by the tab they
belong to."""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

FIREFOX = "/usr/bin/firefox-esr"
START_TIMEOUT = 30.0  # seconds for the browser to listen; every command has COMMAND_TIMEOUT
COMMAND_TIMEOUT = 30.0
# The machine's network is closed: no updates, telemetry, remote settings or safe browsing.
PREFS = {
    "app.normandy.enabled": False, "app.update.disabledForTesting": True,
    "browser.safebrowsing.malware.enabled": False, "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.update.enabled": False, "browser.shell.checkDefaultBrowser": False,
    "browser.startup.page": 0, "browser.newtabpage.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False, "toolkit.telemetry.enabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "messaging-system.rsexperimentloader.enabled": False, "services.settings.server": "data:,",
    "network.captive-portal-service.enabled": False, "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True, "network.prefetch-next": False,
    "extensions.update.enabled": False, "extensions.getAddons.cache.enabled": False,
    "dom.push.connection.enabled": False, "browser.region.network.url": "",
    "ui.useOverlayScrollbars": 1,  # as on a phone: a scrollbar takes no width of the page
}
# Run in every page before its own scripts: each CSP violation goes to the "csp" channel.
CSP_WATCHER = """(channel) => document.addEventListener("securitypolicyviolation",
    (e) => channel(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile))"""


class BidiError(AssertionError):
    pass


def _value(remote: dict[str, Any]) -> Any:
    """A BiDi remote value as Python: primitives, arrays and objects; a node stays as sent
    (its sharedId is what input actions need)."""
    kind: str = remote["type"]
    value: Any = remote.get("value")
    if kind in ("undefined", "null"):
        return None
    if kind == "array":
        return [_value(v) for v in value]
    if kind == "object":
        return {k: _value(v) for k, v in value}
    if kind == "node":
        return remote
    return value


class Firefox:
    """The browser process and its one BiDi session."""

    def __init__(self) -> None:
        if not os.path.exists(FIREFOX):
            pytest.skip(f"{FIREFOX} is not installed (.ci/setup-debian.sh installs firefox-esr)")
        from websockets.sync.client import connect

        self._closing = contextlib.ExitStack()  # the WebSocket, once open
        self.profile = Path(tempfile.mkdtemp(prefix="helpdesk-firefox-"))
        (self.profile / "user.js").write_text("".join(
            f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in PREFS.items()))
        self.log = self.profile / "firefox.log"
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [FIREFOX, "--headless", "--remote-debugging-port=0", "--profile",
                 str(self.profile), "--no-remote", "about:blank"],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True)  # its own group: the content processes die with it
        try:
            self.ws = self._closing.enter_context(connect(
                f"{self._listening()}/session", open_timeout=COMMAND_TIMEOUT, max_size=None))
            self._ids = itertools.count(1)
            self.tabs: dict[str, Tab] = {}
            self.version = self.send("session.new", {"capabilities": {}})[
                "capabilities"]["browserVersion"]
            self.send("session.subscribe", {"events": [
                "log.entryAdded", "browsingContext.load", "script.message"]})
            self.send("script.addPreloadScript", {
                "functionDeclaration": CSP_WATCHER,
                "arguments": [{"type": "channel", "value": {"channel": "csp"}}]})
        except BaseException:
            self.stop()
            raise

    def _listening(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            found = re.search(r"WebDriver BiDi listening on (ws://\S+)", self.log.read_text())
            if found:
                return found.group(1)
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise BidiError(f"firefox did not start: {self.log.read_text()[-2000:]}")

    def send(self, method: str, params: dict[str, Any]) -> Any:
        """One command and its answer; the events before it are handed to their tabs."""
        number = next(self._ids)
        self.ws.send(json.dumps({"id": number, "method": method, "params": params}))
        deadline = time.monotonic() + COMMAND_TIMEOUT
        while True:
            message = self.receive(deadline - time.monotonic(), method)
            if message.get("id") == number:
                if message["type"] == "error":
                    raise BidiError(f"{method}: {message['error']}: {message.get('message')}")
                return message["result"]

    def receive(self, timeout: float, waiting_for: str) -> dict[str, Any]:
        if timeout <= 0:
            raise BidiError(f"no answer from firefox in time: {waiting_for}")
        try:
            message: dict[str, Any] = json.loads(self.ws.recv(timeout=timeout))
        except TimeoutError:
            raise BidiError(f"no answer from firefox in time: {waiting_for}") from None
        if message.get("type") == "event":
            self._event(message["method"], message["params"])
        return message

    def _event(self, method: str, params: dict[str, Any]) -> None:
        context = params.get("context") or params.get("source", {}).get("context")
        tab = self.tabs.get(context or "")
        if tab is None:
            return
        if method == "browsingContext.load":
            tab.loads += 1
        elif method == "log.entryAdded" and params["level"] == "error":
            tab.errors.append(f"{params['type']}: {params.get('text')}")
        elif method == "script.message" and params["channel"] == "csp":
            tab.csp.append(_value(params["data"]))

    def tab(self, width: int = 1366, height: int = 900) -> Tab:
        """A new tab in a user context of its own (no cookies), at this viewport size."""
        user = self.send("browser.createUserContext", {})["userContext"]
        context = self.send("browsingContext.create", {"type": "tab", "userContext": user})[
            "context"]
        opened = self.tabs[context] = Tab(self, context, user)
        opened.resize(width, height)
        return opened

    def stop(self) -> None:
        """Close the session and end the process (and its children), always."""
        try:
            if getattr(self, "ws", None) is not None:
                with contextlib.suppress(Exception):  # the process is ended below either way
                    self.send("browser.close", {})
            self._closing.close()
        finally:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
            shutil.rmtree(self.profile, ignore_errors=True)


class Tab:
    """One browsing context: navigate, run script, click and type with real input events,
    screenshots; `errors` (console and JS errors) and `csp` (violations) as they came."""

    def __init__(self, firefox: Firefox, context: str, user: str) -> None:
        self.firefox, self.context, self.user = firefox, context, user
        self.errors: list[str] = []
        self.csp: list[str] = []
        self.loads = 0

    def resize(self, width: int, height: int = 900) -> None:
        self.firefox.send("browsingContext.setViewport", {
            "context": self.context, "viewport": {"width": width, "height": height}})

    def goto(self, url: str) -> None:
        self.firefox.send("browsingContext.navigate",
                          {"context": self.context, "url": url, "wait": "complete"})

    def call(self, function: str, *args: Any) -> Any:
        """Call a JS function (source text) with JSON-able arguments; awaits a promise."""
        answer = self.firefox.send("script.callFunction", {
            "functionDeclaration": function, "awaitPromise": True,
            "target": {"context": self.context},
            "arguments": [{"type": "string", "value": a} if isinstance(a, str)
                          else {"type": "number", "value": a} for a in args]})
        if answer["type"] == "exception":
            raise BidiError(answer["exceptionDetails"]["text"])
        return _value(answer["result"])

    def eval(self, expression: str) -> Any:
        return self.call(f"() => {expression}")

    @property
    def url(self) -> str:
        found: str = self.eval("location.href")
        return found

    def text(self, selector: str) -> str:
        found: str = self.call("(s) => document.querySelector(s).innerText", selector)
        return found

    def count(self, selector: str) -> int:
        found: int = self.call("(s) => document.querySelectorAll(s).length", selector)
        return found

    def wait_for(self, expression: str, timeout: float = 10.0) -> Any:
        """Poll until the expression is truthy (bounded)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.eval(expression)
            if found:
                return found
            time.sleep(0.1)
        raise BidiError(f"not true within {timeout} s: {expression}")

    def _element(self, selector: str) -> dict[str, Any]:
        node = self.call("(s) => { const e = document.querySelector(s); "
                         "if (e) e.scrollIntoView({block: 'center'}); return e; }", selector)
        if node is None:
            raise BidiError(f"no element {selector} on {self.url}")
        return {"sharedId": node["sharedId"]}

    def click(self, selector: str, navigates: bool = False) -> None:
        """A real mouse click at the element's centre; with `navigates`, wait for the page
        it leads to to load."""
        loads = self.loads
        self.firefox.send("input.performActions", {"context": self.context, "actions": [{
            "type": "pointer", "id": "mouse", "actions": [
                {"type": "pointerMove", "x": 0, "y": 0,
                 "origin": {"type": "element", "element": self._element(selector)}},
                {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})
        deadline = time.monotonic() + COMMAND_TIMEOUT
        while navigates and self.loads == loads:
            self.firefox.receive(deadline - time.monotonic(), f"page load after {selector}")

    def type(self, selector: str, text: str) -> None:
        """Click into a field and type the text key by key."""
        self.click(selector)
        keys = [{"type": t, "value": c} for c in text for t in ("keyDown", "keyUp")]
        self.firefox.send("input.performActions", {"context": self.context, "actions": [
            {"type": "key", "id": "keyboard", "actions": keys}]})

    def screenshot(self, path: Path) -> None:
        """The whole document as a PNG file."""
        data = self.firefox.send("browsingContext.captureScreenshot",
                                 {"context": self.context, "origin": "document"})["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        self.firefox.send("browsingContext.close", {"context": self.context})
        self.firefox.send("browser.removeUserContext", {"userContext": self.user})
        del self.firefox.tabs[self.context]
