"""A TCP proxy on 127.0.0.1 that breaks the connections it carries, for bench/chaos.py.

Each connection the proxy accepts while faults are on gets at most one fault, drawn at random:

- drop:      both sides are closed after a random number of bytes, request or answer side;
- delay:     one chunk of the request or answer waits 0.05–2 s (sometimes past the client's
             timeout);
- truncate:  only the first part of one request chunk reaches the server, which then sees the
             end of the stream; the client's connection is closed after the server's answer;
- duplicate: the connection is carried whole, and afterwards every byte the client sent is
             sent again to the server on a new connection (a replayed push), its answer dropped.

Runs its own asyncio loop in a thread; `faults` counts the faults that fired, by kind.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import threading
from collections import Counter

KINDS = ("drop", "delay", "truncate", "duplicate")
CHUNK = 16 * 1024


class FaultProxy:
    def __init__(self, target_port: int, *, seed: int = 1, rate: float = 0.8) -> None:
        self.target_port, self.rate = target_port, rate
        self.rng = random.Random(seed)
        self.faulty = False
        self.faults: Counter[str] = Counter()
        self.connections = 0
        self.port = 0
        self.push_seen = threading.Event()  # set when request bytes of a push went through
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.AbstractServer | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    def start(self) -> int:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", 0), self._loop).result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        async def close() -> None:
            assert self._server is not None
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _draw(self) -> tuple[str | None, int, float]:
        """The fault for the next connection, which side it hits (0 request, 1 answer) and
        a fraction: of the bytes to let through, or of a chunk to cut."""
        self.connections += 1
        if not self.faulty or self.rng.random() >= self.rate:
            return None, 0, 0.0
        return self.rng.choice(KINDS), self.rng.randrange(2), self.rng.random()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        kind, side, fraction = self._draw()
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:  # the server is down: the client sees its connection closed
            writer.close()
            return
        sent = bytearray()
        state = {"fired": False}
        budget = [int(fraction * 4000) if kind == "drop" else -1]

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter, this: int) -> None:
            try:
                while data := await src.read(CHUNK):
                    hit = kind is not None and not state["fired"] and (
                        side == this or kind == "truncate")
                    if this == 0:
                        sent.extend(data)
                        if b"POST /v1/sync/push" in data:
                            self._loop.call_later(0.001, self.push_seen.set)
                    if hit and kind == "drop":
                        if len(data) >= budget[0]:
                            dst.write(data[:budget[0]])
                            await dst.drain()
                            self._fire(state, "drop")
                            raise ConnectionResetError
                        budget[0] -= len(data)
                    elif hit and kind == "delay":
                        self._fire(state, "delay")
                        await asyncio.sleep(0.05 + 1.95 * fraction ** 2)
                    elif hit and kind == "truncate" and this == 0:
                        dst.write(data[:max(1, int(len(data) * fraction)) - 1])
                        await dst.drain()
                        self._fire(state, "truncate")
                        with contextlib.suppress(OSError):
                            dst.write_eof()
                        return
                    dst.write(data)
                    await dst.drain()
            finally:
                if not (this == 0 and kind == "truncate" and state["fired"]):
                    dst.close()  # after a truncated request, the answer still comes back

        tasks = [asyncio.ensure_future(pump(reader, up_writer, 0)),
                 asyncio.ensure_future(pump(up_reader, writer, 1))]
        try:
            done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            for task in done:
                if task.exception() is not None:
                    for other in pending:
                        other.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        finally:
            for w in (writer, up_writer):
                w.close()
        if kind == "duplicate" and sent:
            self._fire(state, "duplicate")
            await self._replay(bytes(sent))

    def _fire(self, state: dict[str, bool], kind: str) -> None:
        state["fired"] = True
        self.faults[kind] += 1

    async def _replay(self, data: bytes) -> None:
        """Send the client's bytes again on a new connection; read and drop the answer."""
        try:
            r, w = await asyncio.open_connection("127.0.0.1", self.target_port)
            w.write(data)
            await w.drain()
            with contextlib.suppress(asyncio.TimeoutError):
                while await asyncio.wait_for(r.read(CHUNK), 10):
                    pass
            w.close()
        except OSError:
            self.faults["duplicate_unsent"] += 1
