"""Office users for bench/load.py: signed-in sessions of the union office's web console that
browse its pages in a loop with short think times while the stations sync.

Each user signs in once before the clock starts (the real sign-in form: its CSRF token, then
the POST), then, until told to stop, fetches the overview, the ledger and its next page (if
the server has them), the stations and the cash closes, each followed by a think time drawn
at random (`THINK` seconds unless told). Meanwhile each user also clicks the ledger's Export
once (if the ledger page offers it), at a random moment while the stations sync, and goes on
browsing while the file is made, as in a second tab: an export is an errand of minutes, not
a page, and does not hold up the user's pages. Every page's latency is kept by page, for its
p95, and each export's time to its last byte; any answer but 200 is an error. An export
still running when the stations are done is counted as unfinished and abandoned.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import random
import re
import statistics
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import sqlalchemy as sa

from helpdesk.server.office import users

PASSWORD = "bench office 1"
PAGES = ("/office/", "/office/ledger", "/office/stations", "/office/closes")
THINK = (0.5, 2.0)  # seconds between two pages of one user


@dataclass
class Browsing:
    pages: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    exports: list[float] = field(default_factory=list)  # seconds, of the finished ones
    unfinished: int = 0  # exports still running when the stations were done


def add_users(engine: sa.Engine, count: int) -> list[str]:
    """`count` viewers of every region (they see all the stations); their names."""
    names = [f"bench-office-{k}" for k in range(count)]
    known = {u["name"] for u in users.list_(engine)}
    for name in names:
        if name not in known:
            users.add(engine, name, "viewer", "", PASSWORD)
    return names


async def _sign_in(http: httpx.AsyncClient, name: str) -> None:
    form = await http.get("/office/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    if token is None:
        raise SystemExit(f"no sign-in form at {http.base_url}/office/login")
    done = await http.post("/office/login", data={"username": name, "password": PASSWORD,
                                                  "csrf_token": token.group(1)})
    if done.status_code != 303:
        raise SystemExit(f"office user {name} could not sign in: {done.status_code}")


async def _pages(http: httpx.AsyncClient) -> tuple[list[str], str | None]:
    """The pages this server has (the ledger and its next page only where they exist), and
    the ledger's export link if the ledger page offers one."""
    found, export = [], None
    for path in PAGES:
        answer = await http.get(path)
        if answer.status_code == 200:
            found.append(path)
            link = _link(answer.text, "export-ledger")
            export = link or export
            following = _link(answer.text, "next-page")
            if following:
                found.append(following)
    return found, export


def _link(page: str, testid: str) -> str | None:
    link = re.search(rf'href="([^"]+)"[^>]*data-testid="{testid}"', page) \
        or re.search(rf'data-testid="{testid}"[^>]*href="([^"]+)"', page)
    return link.group(1).replace("&amp;", "&") if link else None


async def signed_in(url: str, names: list[str]
                    ) -> tuple[list[httpx.AsyncClient], list[str], str | None]:
    """One signed-in client (its own cookie jar) per user, the pages to browse and the
    export's link (None: the server has no export)."""
    clients = [httpx.AsyncClient(base_url=url, timeout=120) for _ in names]
    await asyncio.gather(*[_sign_in(c, n) for c, n in zip(clients, names, strict=True)])
    return clients, *await _pages(clients[0])


async def browse(clients: list[httpx.AsyncClient], pages: list[str], export: str | None,
                 stop: asyncio.Event, out: Browsing, think: tuple[float, float] = THINK,
                 export_within: float = 10.0, exporting: int | None = None,
                 seed: int = 1) -> None:
    """Every user browses `pages` round and round until `stop` is set, thinking `think`
    seconds (from, to) between two pages, and the first `exporting` users (None: all) click
    `export` once within the first `export_within` seconds."""
    async def user(http: httpx.AsyncClient, k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        await asyncio.sleep(rng.uniform(*think))  # not all at the same instant
        while not stop.is_set():
            for path in pages:
                if stop.is_set():
                    return
                await _fetch(http, path, out.pages, out)
                with contextlib.suppress(TimeoutError):  # think, or stop at once
                    await asyncio.wait_for(stop.wait(), rng.uniform(*think))

    async def exporter(http: httpx.AsyncClient, k: int) -> None:
        rng = random.Random(seed * 2000 + k)
        await asyncio.sleep(rng.uniform(0, export_within))
        if export is None or stop.is_set():
            return
        times: dict[str, list[float]] = {}
        fetch = asyncio.create_task(_fetch(http, export, times, out))
        await asyncio.wait([fetch, asyncio.create_task(stop.wait())],
                           return_when=asyncio.FIRST_COMPLETED)
        if fetch.done():
            out.exports.extend(*times.values())
        else:
            fetch.cancel()
            out.unfinished += 1

    await asyncio.gather(*[user(c, k) for k, c in enumerate(clients)],
                         *[exporter(c, k) for k, c in enumerate(clients[:exporting])])


async def _fetch(http: httpx.AsyncClient, path: str, times: dict[str, list[float]],
                 out: Browsing) -> None:
    """GET `path` to its last byte; its time under the path (less its query) in `times`."""
    began = time.perf_counter()
    key = path.split("?", 1)[0] + ("?after" if "after=" in path else "")
    try:
        answer = await http.get(path)
        await answer.aread()
    except httpx.HTTPError as err:
        out.errors.append(f"{key} {type(err).__name__}")
        return
    times.setdefault(key, []).append(time.perf_counter() - began)
    if answer.status_code != 200:
        out.errors.append(f"{key} {answer.status_code}")


class Elsewhere:
    """The office users in a process of their own, as they would be on their own computers:
    their pages and downloads never hold up the event loop that times the stations' pushes,
    and (`idle`, the default) that process runs in Linux's idle scheduling class.
    `start` returns once every user has signed in; `finish` stops them and returns what they
    measured."""

    def __init__(self, url: str, names: list[str], think: tuple[float, float],
                 export_within: float, exporting: int | None, idle: bool = True) -> None:
        context = multiprocessing.get_context("spawn")
        self.ready, self.stop = context.Event(), context.Event()
        self.results: Any = context.Queue()
        self.process = context.Process(
            target=_browse_apart, daemon=True,
            args=(url, names, think, export_within, exporting, self.ready, self.stop,
                  self.results, idle))

    def start(self) -> None:
        self.process.start()
        if not self.ready.wait(300):
            self.process.kill()
            raise SystemExit("the office users did not sign in within 300 s")

    def finish(self) -> Browsing:
        self.stop.set()
        got: Browsing = self.results.get(timeout=300)
        self.process.join(30)
        return got


def _browse_apart(url: str, names: list[str], think: tuple[float, float], export_within: float,
                  exporting: int | None, ready: Any, stop: Any, results: Any,
                  idle: bool) -> None:
    if idle and hasattr(os, "SCHED_IDLE"):
        # The users' browsers stand for other computers: on this one, the 20 users' own
        # HTTP work runs only on a free core and is not laid on the server's account.
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))

    async def run() -> Browsing:
        clients, pages, export = await signed_in(url, names)
        ready.set()
        out, stopping = Browsing(), asyncio.Event()
        browsing = asyncio.create_task(browse(clients, pages, export, stopping, out, think,
                                              export_within, exporting))
        while not stop.is_set():
            await asyncio.sleep(0.05)
        stopping.set()
        await browsing
        await close(clients)
        return out

    results.put(asyncio.run(run()))


async def close(clients: list[httpx.AsyncClient]) -> None:
    for c in clients:
        await c.aclose()


def report(got: Browsing) -> None:
    """Each page's count and p95 in ms, and the office users' errors."""
    for path, times in sorted(got.pages.items()):
        print(f"  office {path}: {len(times)} fetched, p95 {_p(times, .95):.0f} ms",
              flush=True)
    print(f"  office exports: {len(got.exports)} finished, median "
          f"{_p(got.exports, .5) / 1000:.1f} s, max {_p(got.exports, 1) / 1000:.1f} s; "
          f"{got.unfinished} unfinished when the stations were done", flush=True)
    print(f"  office errors {len(got.errors)} {sorted(set(got.errors))[:4]}", flush=True)


def compare(results: dict[tuple[Any, int, int], list[Any]], office_users: int) -> None:
    """Per tree and region count: push p99 with the office users against without (medians
    over rounds; goal within 20 %), and each office page's p95 over all its rounds."""
    print(f"\nwith {office_users} office users browsing | push p99 without ms | with ms | "
          "change | goal (<= +20 %) | office page p95 ms")
    for (root, region_count, users_), runs in results.items():
        if users_ != office_users or (root, region_count, 0) not in results:
            continue
        without = statistics.median(_p(r.push, .99) for r in results[(root, region_count, 0)])
        with_ = statistics.median(_p(r.push, .99) for r in runs)
        change = (with_ / without - 1) * 100 if without else 0.0
        pages: dict[str, list[float]] = {}
        for r in runs:
            for path, times in r.office.pages.items():
                pages.setdefault(path, []).extend(times)
        shown = ", ".join(f"{path} {_p(t, .95):.0f}" for path, t in sorted(pages.items()))
        print(f"{root.name} regions={region_count} | {without:.0f} | {with_:.0f} | "
              f"{change:+.0f} % | {'met' if change <= 20 else 'missed'} | {shown}")


def _p(values: list[float], p: float) -> float:
    """The p-quantile in ms (nearest rank), 0 for no values."""
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0
