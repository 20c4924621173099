"""Office users for bench/load.py: signed-in sessions of the union office's web console that
browse its pages in a loop with short think times while the stations sync.

Each user signs in once before the clock starts (the real sign-in form: its CSRF token, then
the POST), then, until told to stop, fetches the overview, the ledger (if the server has one),
the stations, the cash closes and the ledger's export (if the ledger page offers one), each
followed by a think time drawn at random (`THINK` seconds unless told). Every page's
latency is kept by page, for its p95; any answer but 200 is an error.
"""

from __future__ import annotations

import asyncio
import contextlib
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


async def _pages(http: httpx.AsyncClient) -> list[str]:
    """The pages this server has (the ledger and its export link only where they exist)."""
    found = []
    for path in PAGES:
        answer = await http.get(path)
        if answer.status_code == 200:
            found.append(path)
            export = re.search(r'href="([^"]+)"[^>]*data-testid="export-ledger"', answer.text) \
                or re.search(r'data-testid="export-ledger"[^>]*href="([^"]+)"', answer.text)
            if export:
                found.append(export.group(1).replace("&amp;", "&"))
    return found


async def signed_in(url: str, names: list[str]) -> tuple[list[httpx.AsyncClient], list[str]]:
    """One signed-in client (its own cookie jar) per user, and the pages to browse."""
    clients = [httpx.AsyncClient(base_url=url, timeout=120) for _ in names]
    await asyncio.gather(*[_sign_in(c, n) for c, n in zip(clients, names, strict=True)])
    return clients, await _pages(clients[0])


async def browse(clients: list[httpx.AsyncClient], pages: list[str], stop: asyncio.Event,
                 out: Browsing, think: tuple[float, float] = THINK, seed: int = 1) -> None:
    """Every user browses `pages` round and round until `stop` is set, thinking `think`
    seconds (from, to) between two pages."""
    async def user(http: httpx.AsyncClient, k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        await asyncio.sleep(rng.uniform(*think))  # not all at the same instant
        while not stop.is_set():
            for path in pages:
                if stop.is_set():
                    return
                began = time.perf_counter()
                try:
                    answer = await http.get(path)
                    await answer.aread()
                except httpx.HTTPError as err:
                    out.errors.append(f"{path} {type(err).__name__}")
                else:
                    key = path.split("?", 1)[0]
                    out.pages.setdefault(key, []).append(time.perf_counter() - began)
                    if answer.status_code != 200:
                        out.errors.append(f"{key} {answer.status_code}")
                with contextlib.suppress(TimeoutError):  # think, or stop at once
                    await asyncio.wait_for(stop.wait(), rng.uniform(*think))

    await asyncio.gather(*[user(c, k) for k, c in enumerate(clients)])


async def close(clients: list[httpx.AsyncClient]) -> None:
    for c in clients:
        await c.aclose()


def report(got: Browsing) -> None:
    """Each page's count and p95 in ms, and the office users' errors."""
    for path, times in sorted(got.pages.items()):
        print(f"  office {path}: {len(times)} fetched, p95 {_p(times, .95):.0f} ms",
              flush=True)
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
