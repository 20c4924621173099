"""Benchmarks of sync (not tests): figures for the sync issue's push and load goals.

    python bench/sync.py [--changes 100000] [--db URL] [--batch 1000]
    python bench/sync.py --first-pull 100000 [--db URL]

First-pull mode (`--first-pull`): a station's families are pushed, then a new laptop of the
station (a fresh SQLCipher station database) pulls and applies them all through the real client
(goal: 100k in at most 30 s), and the time is split into fetching pages (server, HTTP, JSON,
validation), applying them (rows, search index) and the rest (commits).
The load benchmark (many stations at once) is `bench/load.py`; it shares these helpers.

Starts `helpdesk-server serve` (uvicorn) on a free loopback port over the given database (a
fresh SQLite file by default; a PostgreSQL URL works too), enrolls one device and pushes
`--changes` changes (a third of them aid, the rest family-sized states) over HTTP in gzip
batches, as the station client does. Then, in the same run and the same database, the same
number of rows is inserted and applied (the aid and match-record projections) by plain
SQLAlchemy executemany in transactions of the same size — no HTTP, no validation, no
per-change answers: the floor the protocol is compared with (goal: HTTP ≥ 50 % of it).
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from helpdesk.domain import idcard  # noqa: E402
from helpdesk.domain.changes import canonical_json, content_hash  # noqa: E402
from helpdesk.domain.common import iso, new_id, utcnow  # noqa: E402
from helpdesk.domain.hlc import Hlc  # noqa: E402
from helpdesk.server import accounts, matches, storage  # noqa: E402
from helpdesk.sync import wire  # noqa: E402

MATCH_KEY = base64.b64encode(b"k" * 32).decode()


def changes(device_id: str, n: int, first_seq: int = 1, age_ms: int = 0
            ) -> list[dict[str, Any]]:
    """`n` changes of one device from `first_seq` on, made `age_ms` ago: the station's
    programme first (in its first batch), then families, and aid of the family just before
    it (a third of the changes), each state as the station writes it (the server checks)."""
    out = []
    wall = int(time.time() * 1000) - n - age_ms
    family_id = ""
    for i in range(n):
        entity_id = new_id()
        hlc = str(Hlc(wall + i, 0))
        seq = first_seq + i
        if seq == 1:
            entity, entity_id = "programme", "prog-bench"
            state: dict[str, Any] = {
                "id": entity_id, "code": "BENCH-2026", "name_zh": "压测项目", "name_en": "",
                "kind": "cash", "starts_on": "2026-01-01", "ends_on": "2027-12-31",
                "limit_per_family": 1, "budget_fen": None, "local": True, "active": True,
                "hlc": hlc}
        elif i % 3 == 2 and family_id:
            entity = "aid"
            state = {
                "id": entity_id, "family_id": family_id, "programme_id": "prog-bench",
                "given_at": "2026-11-20T02:00:00.000000Z", "local_date": "2026-11-20",
                "kind": "cash", "amount_fen": 50_000 + i % 1000, "goods": [],
                "service_note": "", "recipient_name": "张三", "recipient_relation": "head",
                "signature_hash": "ab" * 32, "volunteer_id": "v1", "second_volunteer_id": None,
                "override_reason": "", "override_by": None,
                "receipt_no": f"BNCH-2026-{seq:06d}", "device_id": device_id,
                "voided_at": None, "void_reason": "", "voided_by": None, "hlc": hlc}
        else:
            entity, family_id = "family", entity_id
            state = {"id": entity_id, "head_name": "李四", "id_kind": "resident_id",
                     "id_number": idcard.make("420111", _BORN, seq % 999 + 1),
                     "phone": "13812345678",
                     "address": "珞喻路 100 号 3 栋 2 单元 501", "region": "420111",
                     "hukou": "rural", "employment": "rural_migrant",
                     "reasons": ["illness", "wage_arrears"], "income_fen": 120_000,
                     "insurance": ["medical"], "status": "active", "notes": "",
                     "consent_date": "2026-11-01", "birth_date": _BORN.isoformat(),
                     "name_pinyin": "li si", "name_initials": "ls", "merged_into": None,
                     "created_at": "2026-11-20T02:00:00.000000Z",
                     "updated_at": "2026-11-20T02:00:00.000000Z",
                     "last_change_id": new_id(), "hlc": hlc}
        out.append({"change_id": new_id(), "device_id": device_id, "epoch": 1,
                    "device_seq": seq, "entity": entity, "entity_id": entity_id,
                    "op": "put", "fields": sorted(state), "state": state,
                    "base_change_id": None, "hlc": hlc, "author": "v1"})
    return out


_BORN = date(1980, 1, 1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def push_http(url: str, token: str, device_id: str, items: list[dict[str, Any]],
              batch: int) -> float:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
               "Content-Encoding": "gzip"}
    started = time.perf_counter()
    with httpx.Client(base_url=url, timeout=120) as http:
        for k in range(0, len(items), batch):
            body = {"protocol": 1, "device_id": device_id, "epoch": 1,
                    "changes": items[k:k + batch]}
            response = http.post("/v1/sync/push", headers=headers,
                                 content=gzip.compress(json.dumps(body).encode(), 5))
            response.raise_for_status()
            statuses = {a["status"] for a in response.json()["answers"]}
            assert statuses == {"accepted"}, statuses
    return time.perf_counter() - started


def insert_direct(engine: sa.Engine, station_code: str, items: list[dict[str, Any]],
                  batch: int) -> float:
    """The same rows by plain SQL: no HTTP, no validation, no per-change answers."""
    started = time.perf_counter()
    received = iso(utcnow())
    for k in range(0, len(items), batch):
        part = items[k:k + batch]
        with storage.write(engine) as conn:
            last = conn.execute(storage.region_counters.update()
                                .where(storage.region_counters.c.region == "420111")
                                .values(value=storage.region_counters.c.value + len(part))
                                .returning(storage.region_counters.c.value)).scalar_one()
            rows, aid, records = [], [], []
            for n, c in enumerate(part):
                rows.append({"change_id": c["change_id"], "region": "420111",
                             "station_code": station_code, "device_id": c["device_id"],
                             "epoch": 1, "device_seq": c["device_seq"], "entity": c["entity"],
                             "entity_id": c["entity_id"], "op": c["op"], "hlc": c["hlc"],
                             "server_hlc": c["hlc"], "body": canonical_json(c),
                             "hash": content_hash(c), "status": "accepted", "reason": "",
                             "server_seq": last - len(part) + n + 1, "received_at": received})
                if c["entity"] == "family":
                    s = c["state"]
                    records.append({
                        "family_id": c["entity_id"], "region": "420111",
                        "station_code": station_code,
                        "id_hash": wire.match_hash(MATCH_KEY, s["id_number"]),
                        "masked_id": idcard.mask(s["id_number"]), "name": s["head_name"],
                        "name_pinyin": s["name_pinyin"], "name_initials": s["name_initials"],
                        "aid": "{}", "hlc": c["hlc"], "server_seq": 0})
                if c["entity"] == "aid":
                    s = c["state"]
                    aid.append({"id": c["entity_id"], "station_code": station_code,
                                "family_id": s["family_id"],
                                "programme_id": s["programme_id"],
                                "local_date": s["local_date"], "amount_fen": s["amount_fen"],
                                "voided": False})
            conn.execute(storage.changes.insert(), rows)
            if aid:
                conn.execute(storage.aid.insert(), aid)
            if records:
                first = conn.execute(storage.region_counters.update()
                                     .where(storage.region_counters.c.region == "420111")
                                     .values(value=storage.region_counters.c.value
                                             + len(records))
                                     .returning(storage.region_counters.c.value)
                                     ).scalar_one() - len(records)
                for n, record in enumerate(records):
                    record["server_seq"] = first + n + 1
                    record["item"] = matches.item(record)
                conn.execute(storage.match_records.insert(), records)
    return time.perf_counter() - started


def start_server(url_db: str, folder: Path, workers: int = 1, root: Path = ROOT,
                 extra: tuple[str, ...] = ()) -> tuple[subprocess.Popen[bytes], str]:
    """`helpdesk-server serve` of the code tree `root` on a free loopback port (`extra`: more
    options of serve); returns the process and its URL once /v1/health answers."""
    port = free_port()
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "helpdesk.server.cli", "--db", url_db, "serve", "--port",
         str(port), "--log-level", "warning", "--workers", str(workers), *extra], cwd=root,
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(root)})
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{url}/v1/health", timeout=1).raise_for_status()
            return server, url
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"the server did not start; see {folder / 'server.log'}")


def enroll(http: httpx.Client, engine: sa.Engine, region: str) -> tuple[str, str, str]:
    """A new station enrolled over HTTP; returns (token, device id, station code)."""
    _, code = accounts.add_station(engine, f"压测站点 {new_id()[-8:]}", region)
    device_id = new_id()
    enrolled = http.post("/v1/enroll", json={
        "protocol": 1, "code": code, "station_id": new_id(), "device_id": device_id,
        "epoch": 1, "device_public_key": base64.b64encode(os.urandom(32)).decode()}).json()
    return enrolled["token"], device_id, enrolled["station_code"]


REGIONS = ("420102", "420103", "420104", "420105", "420106", "420107", "420111", "420112",
           "420113", "420114")


def family_changes(device_id: str, n: int) -> list[dict[str, Any]]:
    """`n` valid family registrations (checked ID numbers), as the station would push them."""
    from datetime import date, timedelta

    from helpdesk.domain.families import Family

    out = []
    wall = int(time.time() * 1000) - n
    for i in range(n):
        hlc = str(Hlc(wall + i, 0))
        birth = date(1950, 1, 1) + timedelta(days=i % 18000)
        family = Family(id=new_id(), head_name="李四", id_number=idcard.make(
            REGIONS[i % len(REGIONS)], birth, (i // 18000) % 1000), birth_date=birth,
            phone=f"138{i:08d}", address="珞喻路 100 号", region="420111", hukou="rural",
            employment="rural_migrant", reasons=("illness",), name_pinyin="li si",
            name_initials="ls", created_at=iso(utcnow()), updated_at=iso(utcnow()),
            last_change_id=new_id(), hlc=hlc)
        state = family.model_dump(mode="json")
        out.append({"change_id": new_id(), "device_id": device_id, "epoch": 1,
                    "device_seq": i + 1, "entity": "family", "entity_id": family.id,
                    "op": "put", "fields": sorted(state), "state": state,
                    "base_change_id": None, "hlc": hlc, "author": "v1"})
    return out


def first_pull(url: str, engine: sa.Engine, families: int, folder: Path) -> None:
    """A station with `families` families on the server; a new laptop of it pulls them all
    into a fresh (SQLCipher) station database through the real client."""
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    from helpdesk import paths as pathsmod
    from helpdesk.services import session as sessions
    from helpdesk.store import keys
    from helpdesk.sync import client as sync

    with httpx.Client(base_url=url, timeout=120) as http:
        token, device_id, station_code = enroll(http, engine, "420111")
        started = time.perf_counter()
        push_http(url, token, device_id, family_changes(device_id, families), 1000)
        pushed_s = time.perf_counter() - started
        with storage.read(engine) as conn:
            station_id = str(conn.execute(sa.select(storage.stations.c.station_id).where(
                storage.stations.c.code == station_code)).scalar_one())
        laptop, _ = sessions.create_station(
            pathsmod.Paths(folder / "laptop", folder / "config"),
            {"name": "新笔记本", "region": "420111"}, head_name="admin", head_pin="123456",
            kdf=keys.KdfParams.fast())
        sync.enroll(laptop.db, http, server_url=url,
                    code=accounts.issue_code(engine, station_code), station_id=station_id,
                    device=laptop.device,
                    device_public_key=base64.b64encode(os.urandom(32)).decode())
        spent = {"fetch": 0.0, "apply": 0.0}
        fetch, apply_page = sync._call, sync.apply_page

        def timed(name: str, call: Any) -> Any:
            def run(*args: Any, **kwargs: Any) -> Any:
                t0 = time.perf_counter()
                try:
                    return call(*args, **kwargs)
                finally:
                    spent[name] += time.perf_counter() - t0
            return run

        sync._call, sync.apply_page = timed("fetch", fetch), timed("apply", apply_page)
        started = time.perf_counter()
        try:
            report = sync.pull(laptop.db, http)
        finally:
            sync._call, sync.apply_page = fetch, apply_page
        pulled_s = time.perf_counter() - started
    count = laptop.db.execute("SELECT count(*) FROM families").fetchone()[0]
    laptop.close()
    print(f"database: {engine.dialect.name}; {families} families pushed in {pushed_s:.1f} s")
    print(f"first pull by a new laptop: {report.applied} applied ({count} families in its "
          f"SQLCipher file, search index included) in {pulled_s:.1f} s, {report.pages} pages "
          f"(goal <= 30 s for 100k)")
    print(f"  of which: server, HTTP, JSON and pydantic {spent['fetch']:.1f} s; applying "
          f"{spent['apply']:.1f} s; commits and the rest "
          f"{pulled_s - spent['fetch'] - spent['apply']:.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--db", help="server database URL (default: a new SQLite file)")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    ap.add_argument("--first-pull", type=int, metavar="FAMILIES",
                    help="first-pull mode: a new laptop pulls a station of FAMILIES families")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="helpdesk-bench-sync-"))
    url_db = args.db or f"sqlite:///{folder / 'server.db'}"
    engine = storage.make_engine(url_db)
    storage.migrate(engine)
    accounts.ensure_server_key(engine)
    server, url = start_server(url_db, folder, args.workers)
    try:
        if args.first_pull:
            first_pull(url, engine, args.first_pull, folder)
            return 0
        with httpx.Client(base_url=url, timeout=60) as http:
            token, device_id, station_code = enroll(http, engine, "420111")
        items = changes(device_id, args.changes)
        http_s = push_http(url, token, device_id, items, args.batch)
    finally:
        server.terminate()
        server.wait(timeout=30)
    direct = changes(new_id(), args.changes)
    direct_s = insert_direct(engine, station_code, direct, args.batch)
    rate_http, rate_direct = args.changes / http_s, args.changes / direct_s
    print(f"database: {engine.dialect.name}; {args.changes} changes in batches of {args.batch}")
    print(f"push over loopback HTTP (gzip, uvicorn): {http_s:7.1f} s  {rate_http:8.0f} changes/s")
    print(f"direct SQL insert + projections:         {direct_s:7.1f} s  "
          f"{rate_direct:8.0f} changes/s")
    print(f"HTTP push / direct SQL: {100 * rate_http / rate_direct:.0f} %  (goal >= 50 %)")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
