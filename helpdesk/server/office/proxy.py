"""Pure ASGI: the sync API's workers hand every /office request to the console's own process
(`process`) over its Unix socket, and send its answer back as it comes.

The console's pages are Python work (queries, templates, spreadsheets); run in the workers
that answer the stations' pushes, twenty office users browsing made pushes wait seconds
(bench/load.py --office-users). In a process of its own at a lower CPU priority, the console
gets the processor when the stations leave it free, and a busy console never delays a push:
here only bytes are passed on. The console's process sees the browser's address and scheme in
X-Forwarded-For and X-Forwarded-Proto (its socket is reachable by this server's user only).
When that process is not answering (starting again after a crash), the browser gets a short
"503: try again in a moment" page in both languages; the sync API is not affected.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from helpdesk.server.office.process import KEEP_ALIVE
from helpdesk.server.office.web import HEADERS, PREFIX

# Headers of one hop only (RFC 9110 7.6.1), never passed on.
HOP = {b"connection", b"keep-alive", b"proxy-authenticate", b"proxy-authorization", b"te",
       b"trailer", b"transfer-encoding", b"upgrade", b"proxy-connection"}
OWN = {b"date", b"server"}  # this server's uvicorn writes its own
UNAVAILABLE = ("<!doctype html><meta charset=utf-8><title>503</title>"
               "<p>办公平台正在启动，请稍后刷新页面。</p>"
               "<p>The office console is starting; reload the page in a moment.</p>").encode()


class OfficeProxy:
    def __init__(self, app: ASGIApp, socket_path: str) -> None:
        self.app = app
        self.socket_path = socket_path
        self._client: httpx.AsyncClient | None = None

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:  # made in the event loop that serves the requests
            self._client = httpx.AsyncClient(
                transport=httpx.AsyncHTTPTransport(uds=self.socket_path),
                base_url="http://office", timeout=httpx.Timeout(600, connect=5),
                # Idle connections are let go well before the console's process closes them
                # (KEEP_ALIVE), so a request is not sent down one it is closing just then.
                limits=httpx.Limits(keepalive_expiry=KEEP_ALIVE / 4))
        return self._client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "lifespan":
            await self._lifespan(scope, receive, send)
            return
        if scope["type"] != "http" or not (path == PREFIX or path.startswith(PREFIX + "/")):
            await self.app(scope, receive, send)
            return
        target = scope.get("raw_path") or path.encode()
        if scope.get("query_string"):
            target += b"?" + scope["query_string"]
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in HOP
                   and not k.lower().startswith(b"x-forwarded-")]
        client = scope.get("client")
        headers += [(b"x-forwarded-proto", scope.get("scheme", "http").encode()),
                    (b"x-forwarded-for", (client[0] if client else "").encode())]
        http = self._http()
        # A page (GET, HEAD) is asked again once on a new connection if its connection
        # failed before any answer (the console closing it, or restarting): that is safe to
        # repeat. A form's POST is not repeated: the user sees "try again".
        again = scope["method"] in ("GET", "HEAD")
        body: bytes | AsyncIterator[bytes] = \
            b"".join([c async for c in _body(receive)]) if again else _body(receive)
        while True:
            request = http.build_request(scope["method"], target.decode("latin-1"),
                                         headers=headers, content=body)
            try:
                answer = await http.send(request, stream=True)
                break
            except httpx.TransportError:
                if not again:
                    await _unavailable(send)
                    return
                again = False
        try:
            await send({"type": "http.response.start", "status": answer.status_code,
                        "headers": [(k, v) for k, v in answer.headers.raw
                                    if k.lower() not in HOP and k.lower() not in OWN]})
            async for chunk in answer.aiter_raw():
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        finally:
            await answer.aclose()

    async def _lifespan(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def closing_send(message: Message) -> None:
            if message["type"] == "lifespan.shutdown.complete" and self._client is not None:
                await self._client.aclose()
                self._client = None
            await send(message)

        await self.app(scope, receive, closing_send)


async def _body(receive: Receive) -> AsyncIterator[bytes]:
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return
        yield message.get("body", b"")
        if not message.get("more_body"):
            return


async def _unavailable(send: Send) -> None:
    await send({"type": "http.response.start", "status": 503,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"retry-after", b"2"), (b"cache-control", b"no-store"),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": UNAVAILABLE})
