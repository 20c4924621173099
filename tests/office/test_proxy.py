"""The workers' proxy to the console's process (office.proxy), against a Unix socket server
that drops connections: a page is asked again once on a new connection, a form's POST is
not (the user gets the bilingual "try again" page), and a console that is not there gives
that page too."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from helpdesk.server.office.proxy import OfficeProxy

ANSWER = (b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 5\r\n"
          b"connection: close\r\n\r\nhello")


async def _not_here(scope: object, receive: object, send: object) -> None:
    raise AssertionError("an /office request reached the worker's own app")


async def _ask(socket: Path, method: str, drops: int) -> tuple[httpx.Response, int]:
    """`method` /office/ through the proxy to a console that drops its first `drops`
    connections after reading their request; the answer and how many connections came."""
    came = 0

    async def console(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal came
        came += 1
        await reader.readuntil(b"\r\n\r\n")
        if came > drops:
            writer.write(ANSWER)
            await writer.drain()
        writer.close()

    server = await asyncio.start_unix_server(console, path=str(socket))
    try:
        proxy = OfficeProxy(_not_here, str(socket))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=proxy),
                                     base_url="http://office.test") as http:
            answer = await http.request(method, "/office/", content=b"" if method == "GET"
                                        else b"csrf_token=t")
        await proxy._http().aclose()
    finally:
        server.close()
    return answer, came


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_page_is_asked_again_when_its_connection_fails_and_a_form_is_not(
        tmp_path: Path, method: str) -> None:
    answer, came = asyncio.run(_ask(tmp_path / "office.sock", method, drops=1))
    if method == "GET":
        assert (answer.status_code, answer.text, came) == (200, "hello", 2)
    else:
        assert (answer.status_code, came) == (503, 1)
        assert "请稍后刷新页面" in answer.text and "reload the page" in answer.text
        assert answer.headers["retry-after"] == "2"


def test_a_page_fails_once_asked_twice(tmp_path: Path) -> None:
    answer, came = asyncio.run(_ask(tmp_path / "office.sock", "GET", drops=2))
    assert (answer.status_code, came) == (503, 2)


def test_no_console_there_gives_the_try_again_page(tmp_path: Path) -> None:
    async def ask() -> httpx.Response:
        proxy = OfficeProxy(_not_here, str(tmp_path / "nobody.sock"))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=proxy),
                                     base_url="http://office.test") as http:
            return await http.get("/office/stations")

    assert asyncio.run(ask()).status_code == 503
