"""Request bodies: a size limit with a clear error, and gzip bodies (Content-Encoding: gzip).

A pure ASGI middleware reads the whole body before the route sees it: it refuses a body over
the limit (before or after gunzip, so a small "zip bomb" is refused too), a gzip body that is
not exactly one whole gzip stream (truncated, or with bytes after it), and a body of the API
that is not declared JSON (415); it inflates gzip and hands the route a plain body, so routes
and validation never deal with encodings.
"""

from __future__ import annotations

import zlib
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from helpdesk.server.errors import envelope


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("identity", "gzip"):
            await _refuse(scope, receive, send, 415, "unsupported_encoding",
                          "Send the body plain or gzip-compressed",
                          "请求内容只能是原文或 gzip 压缩")
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        media = headers.get("content-type", "").split(";")[0].strip().lower()
        if body and scope["path"].startswith("/v1/") and media != "application/json":
            await _refuse(scope, receive, send, 415, "unsupported_media_type",
                          "Send the body as JSON (Content-Type: application/json)",
                          "请求内容必须是 JSON（Content-Type: application/json）")
            return
        if encoding == "gzip":
            inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            try:
                body = inflater.decompress(body, self.max_bytes + 1)
            except zlib.error:
                await _refuse(scope, receive, send, 400, "bad_gzip",
                              "The body is not valid gzip", "请求内容不是有效的 gzip 数据")
                return
            if len(body) > self.max_bytes or inflater.unconsumed_tail:
                await self._too_large(scope, receive, send)
                return
            if not inflater.eof or inflater.unused_data:
                # Truncated, or with bytes after the stream that no one would read.
                await _refuse(scope, receive, send, 400, "bad_gzip",
                              "The body is not one whole gzip stream",
                              "请求内容不是一段完整的 gzip 数据")
                return
        new_headers = [(k, v) for k, v in scope.get("headers", [])
                       if k.lower() not in (b"content-encoding", b"content-length")]
        new_headers.append((b"content-length", str(len(body)).encode()))
        scope = {**scope, "headers": new_headers}
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()  # the client's disconnect, if it comes
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        await _refuse(scope, receive, send, 413, "body_too_large",
                      f"The request body is over {self.max_bytes} bytes: send smaller batches",
                      f"请求内容超过 {self.max_bytes} 字节，请分批发送")


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, code: str,
                  message: str, zh: str) -> None:
    response: Any = envelope(status, code, message, zh, headers={"Connection": "close"})
    await response(scope, receive, send)
