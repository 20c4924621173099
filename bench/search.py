"""Benchmark of family search (not a test): figures for DESIGN.md "Finding a family".

    python bench/search.py --families 200000 [--families 1000000] [--dir D] [--keep]

For each size, generates realistic families (surnames with their real frequency skew, the
polyphonic ones included, 2-3 character names, valid resident IDs, mobile phones, a child member
for a third of them) straight into a SQLCipher file with the real schema, then times ~200 random
queries of each form through `search.search` beside a plain LIKE '%q%' scan of the same table.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlcipher3
import sqlite_utils

from helpdesk.domain import names
from helpdesk.store import migrations, search

KEY = "PRAGMA key = \"x'" + "11" * 32 + "'\""

# Surnames and their approximate share of the population (per mille), largest first; the
# polyphonic and compound ones at their (small) real shares, so pinyin keys are exercised.
SURNAMES = {
    "王": 71, "李": 70, "张": 67, "刘": 54, "陈": 45, "杨": 31, "黄": 22, "赵": 21, "吴": 20,
    "周": 19, "徐": 16, "孙": 15, "马": 14, "朱": 13, "胡": 13, "郭": 12, "何": 12, "高": 11,
    "林": 11, "罗": 10, "郑": 10, "梁": 9, "谢": 8, "宋": 8, "唐": 7, "许": 7, "韩": 7, "冯": 7,
    "邓": 7, "曹": 7, "彭": 6, "曾": 6, "肖": 6, "田": 6, "董": 5, "袁": 5, "潘": 5, "于": 5,
    "蒋": 5, "蔡": 5, "余": 5, "杜": 5, "叶": 5, "程": 5, "苏": 4, "魏": 4, "吕": 4, "丁": 4,
    "任": 4, "沈": 4, "姚": 4, "卢": 4, "姜": 4, "崔": 4, "钟": 3, "谭": 3, "陆": 3, "汪": 3,
    "范": 3, "金": 3, "石": 3, "廖": 3, "贾": 3, "夏": 3, "韦": 3, "付": 3, "方": 3, "白": 3,
    "邹": 3, "孟": 3, "熊": 3, "秦": 3, "邱": 3, "江": 3, "尹": 3, "薛": 3, "闫": 3, "段": 2,
    "雷": 2, "侯": 2, "龙": 2, "史": 2, "陶": 2, "黎": 2, "贺": 2, "顾": 2, "毛": 2, "郝": 2,
    "龚": 2, "邵": 2, "万": 2, "钱": 2, "严": 2, "覃": 2, "武": 2, "戴": 2, "莫": 2, "孔": 2,
    "单": 1, "解": 1, "仇": 1, "朴": 1, "区": 1, "查": 1, "盖": 1, "翟": 1, "缪": 1,
    "欧阳": 1, "司马": 1, "诸葛": 1, "上官": 1, "尉迟": 1, "令狐": 1, "皇甫": 1,
}
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉华红建国文辉鹏飞宇浩然子涵梓轩欣怡"
    "雨佳俊博思源晨阳志刚海燕金凤春梅秋菊小龙德胜永福宝山立新文革卫东淑珍凤英翠兰秀兰丹丹"
    "婷婷雪梅建华建军晓东晓燕亚楠一鸣天佑嘉怡诗涵梦琪若曦子豪皓轩慧敏丽娟晓红家乐振华国庆"
)
REGIONS = ("110101", "310104", "440106", "510104", "420102", "330106", "320102", "370102")
N_QUERIES = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, action="append", help="rows (repeatable)")
    parser.add_argument("--dir", type=Path, help="where the database files go (default: tmp)")
    parser.add_argument("--queries", type=int, default=N_QUERIES, help="queries per form")
    parser.add_argument("--like-queries", type=int, default=50, help="LIKE scans per form")
    parser.add_argument("--keep", action="store_true", help="keep the database files")
    parser.add_argument("--bulk-rebuild", action="store_true",
                        help="load with the search triggers dropped, then search.rebuild")
    args = parser.parse_args()
    print(machine())
    directory = args.dir or Path(tempfile.mkdtemp(prefix="helpdesk-bench-"))
    directory.mkdir(parents=True, exist_ok=True)
    for n in args.families or [200_000]:
        path = directory / f"search-{n}.db"
        path.unlink(missing_ok=True)
        run(path, n, args.queries, args.like_queries, args.bulk_rebuild)
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    conn = sqlcipher3.connect(":memory:")
    sqlite = conn.execute("select sqlite_version()").fetchone()[0]
    cipher = conn.execute("PRAGMA cipher_version").fetchone()
    return (f"machine: {platform.platform()} | CPU {cpu} | {os.cpu_count()} cores | "
            f"Python {platform.python_version()} | SQLite {sqlite} | "
            f"SQLCipher {cipher[0] if cipher else '?'} | sqlcipher3 {version('sqlcipher3')}")


def open_db(path: Path) -> sqlite_utils.Database:
    conn = sqlcipher3.connect(str(path))
    conn.execute(KEY)
    conn.execute("PRAGMA journal_mode = WAL")
    return sqlite_utils.Database(conn)


def run(path: Path, n: int, n_queries: int, n_like: int, bulk_rebuild: bool) -> None:
    db = open_db(path)
    migrations.apply(db)
    # The loader gets a large page cache: random UUID keys touch pages all over 7 indexes.
    db.execute("PRAGMA cache_size = -400000")
    rng = random.Random(n)
    started = time.perf_counter()
    rebuilt = load(db, n, rng, bulk_rebuild)
    load_s = time.perf_counter() - started
    db.conn.close()
    # Queries run on a fresh connection with SQLite's default 2 MB page cache, as the app's.
    db = open_db(path)
    size_mb = sum(os.path.getsize(str(path) + s) for s in ("", "-wal") if
                  os.path.exists(str(path) + s)) / 1e6
    members = db.execute("select count(*) from members").fetchone()[0]
    print(f"\n== {n:,} families, {members:,} members: loaded in {load_s:.0f} s "
          f"({'triggers dropped, then rebuild' if rebuilt else 'triggers on'}), "
          f"file {size_mb:.0f} MB")
    print(sizes(db))
    forms = query_forms(sample_rows(db, n, rng), rng, n_queries)
    print(f"  ms per query; search: {n_queries} random queries per form (limit 50, ranked); "
          f"LIKE: {n_like} queries per form, select id, head_name from families where <column> "
          "like '%q%', all matches")
    print(f"{'form':<22}{'search p50':>12}{'p95':>9}{'max':>9}{'hits avg':>10}"
          f"{'LIKE p50':>11}{'p95':>9}   plan")
    for label, column, queries in forms:
        for q in queries[:20]:  # warm the cache the way a volunteer's first keystrokes do
            search.search(db, q)
        times, counts = timed(lambda q: search.search(db, q), queries)
        like_sql = f"select id, head_name from families where {column} like ?"
        like_times, _ = timed(lambda q, s=like_sql: db.execute(s, [f"%{q}%"]).fetchall(),
                              [q.replace(" ", "") for q in queries[:n_like]])
        plans = {d for _why, plan in search.query_plans(db, queries[0]) for d in plan}
        scan = "SCAN (!)" if any(d.startswith("SCAN") and "VIRTUAL TABLE" not in d
                                 for d in plans) else "indexed"
        print(f"{label:<22}{pct(times, 50):>12.2f}{pct(times, 95):>9.2f}{max(times):>9.2f}"
              f"{statistics.mean(counts):>10.1f}{pct(like_times, 50):>11.1f}"
              f"{pct(like_times, 95):>9.1f}   {scan}")
    db.conn.close()


def load(db: sqlite_utils.Database, n: int, rng: random.Random, bypass: bool) -> bool:
    """Insert n families in one transaction, through the triggers unless `bypass`."""
    fam_sql = (
        "insert into families (id, head_name, id_kind, id_number, phone, region, hukou, "
        "employment, birth_date, name_pinyin, name_initials, created_at, updated_at, "
        "last_change_id, hlc) values (?, ?, 'resident_id', ?, ?, ?, 'urban', 'employee', ?, "
        "?, ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', ?, '0')"
    )
    mem_sql = (
        "insert into members (id, family_id, name, relation, birth_date, id_number, created_at, "
        "updated_at, last_change_id, hlc) values (?, ?, ?, 'child', ?, ?, "
        "'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', ?, '0')"
    )
    people = people_gen(rng)
    with db.conn:
        if bypass:
            search.drop_triggers(db)
        done = 0
        while done < n:
            fams: list[tuple[Any, ...]] = []
            mems: list[tuple[Any, ...]] = []
            for _ in range(min(20_000, n - done)):
                fid = str(uuid.uuid4())
                surname, given, keys, id_number, birth, region = next(people)
                fams.append((fid, surname + given, id_number, phone(rng), region, birth,
                             keys.spaced, keys.initials, fid))
                if rng.random() < 0.33:
                    _s, child_given, _k, child_id, child_birth, _r = next(people)
                    mems.append((str(uuid.uuid4()), fid, surname + child_given, child_birth,
                                 child_id, fid))
            db.conn.executemany(fam_sql, fams)
            db.conn.executemany(mem_sql, mems)
            done += len(fams)
            print(f"\r  loading {done:,}/{n:,}", end="", file=sys.stderr, flush=True)
        if bypass:
            search.install_triggers(db)
            search.rebuild(db)
    print(file=sys.stderr)
    return bypass


def people_gen(
    rng: random.Random,
) -> Iterator[tuple[str, str, names.NameKeys, str, str, str]]:
    """Endless (surname, given name, pinyin keys, unique resident ID, birth date, region)."""
    surnames, weights = list(SURNAMES), list(SURNAMES.values())
    keys_cache: dict[str, names.NameKeys] = {}
    used: set[str] = set()
    start = date(1940, 1, 1)
    while True:
        given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
        surname = rng.choices(surnames, weights)[0]
        name = surname + given
        keys = keys_cache.get(name)
        if keys is None:
            keys = keys_cache[name] = names.pinyin_keys(name)
        while True:
            birth = start + timedelta(days=rng.randrange(365 * 80))
            region = rng.choice(REGIONS)
            id_number = make_id(region, birth, rng.randrange(1000))
            if id_number not in used:
                used.add(id_number)
                break
        yield surname, given, keys, id_number, birth.isoformat(), region


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10 ** 9):09d}"


def _local_make(region: str, birth: date, seq: int) -> str:
    # ISO 7064 MOD 11-2, as GB 11643 specifies the resident ID's check character.
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(first17))
    return first17 + "10X98765432"[total % 11]


def _id_maker() -> Callable[[str, date, int], str]:
    try:
        from helpdesk.domain import idcard

        birth = date(1990, 3, 7)
        if all(idcard.make(r, birth, 123) == _local_make(r, birth, 123) for r in REGIONS):
            return idcard.make
    except Exception:  # not written yet, or another signature: the local one is exact
        pass
    return _local_make


make_id = _id_maker()


def sample_rows(db: sqlite_utils.Database, n: int, rng: random.Random) -> list[tuple[Any, ...]]:
    rowids = rng.sample(range(1, n + 1), min(n, 3000))
    sql = ("select head_name, name_pinyin, name_initials, id_number, phone from families "
           "where rowid = ?")
    return [row for r in rowids for row in db.execute(sql, [r]).fetchall()]


def query_forms(rows: list[tuple[Any, ...]], rng: random.Random,
                k: int) -> list[tuple[str, str, list[str]]]:
    """(label, column a LIKE scan would search, queries) per form, drawn from stored rows."""
    def draw(make: Callable[[tuple[Any, ...]], str | None]) -> list[str]:
        out: list[str] = []
        while len(out) < k:
            q = make(rng.choice(rows))
            if q:
                out.append(q)
        return out

    def chars(width: int) -> Callable[[tuple[Any, ...]], str | None]:
        def pick(row: tuple[Any, ...]) -> str | None:
            name = row[0]
            if len(name) < width:
                return None
            at = rng.randrange(len(name) - width + 1)
            return str(name[at:at + width])
        return pick

    def pinyin_prefix(row: tuple[Any, ...]) -> str:
        full = row[1].replace(" ", "")
        return str(full[: rng.randint(min(3, len(full)), len(full))])

    return [
        ("1-char Chinese", "head_name", draw(chars(1))),
        ("2-char Chinese", "head_name", draw(chars(2))),
        ("3-char Chinese", "head_name", draw(chars(3))),
        ("pinyin full prefix", "replace(name_pinyin,' ','')", draw(pinyin_prefix)),
        ("initials", "name_initials", draw(lambda r: str(r[2]))),
        ("ID tail, 4 digits", "id_number", draw(lambda r: str(r[3][-4:]))),
        ("phone tail, 4 digits", "phone", draw(lambda r: str(r[4][-4:]))),
        ("exact ID", "id_number", draw(lambda r: str(r[3]))),
    ]


def timed(fn: Callable[[str], Any], queries: list[str]) -> tuple[list[float], list[int]]:
    times, counts = [], []
    for q in queries:
        t0 = time.perf_counter()
        result = fn(q)
        times.append((time.perf_counter() - t0) * 1000)
        counts.append(len(result))
    return times, counts


def pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def sizes(db: sqlite_utils.Database) -> str:
    try:
        rows = db.execute(
            "select name, sum(pgsize) from dbstat group by name order by 2 desc"
        ).fetchall()
    except Exception:
        return "  (dbstat not compiled in: no per-table sizes)"
    wanted = [(name, size) for name, size in rows if name.startswith(("search", "families",
              "members", "sqlite_autoindex_families"))]
    return "  sizes (MB): " + ", ".join(f"{name} {size / 1e6:.1f}" for name, size in wanted)


if __name__ == "__main__":
    main()
