"""Benchmark of the roster import (not a test): figures for the README ("Bringing in a roster").

    python bench/import_roster.py [--rows 10000] [--runs 3] [--members] [--dir D] [--keep]

Writes a roster of `--rows` families as a union office keeps it (.xlsx by openpyxl, two merged
title rows, the usual Chinese headers, ID numbers as text), of which 5 % have errors (a wrong
check digit, a short phone, an ID stored as a number, no name, a lost birth date) and 5 % are
duplicates (half already registered at the station by hand, half repeated inside the file).
With `--members`, each family's row is followed by 0 to 2 member rows (与户主关系, the family's
columns blank), as union rosters keep them; `--rows` still counts the families.
Each run starts from a new station, then times the preview (read, check, match) and the import
(one transaction: every family with its outbox change and audit, the error report). Goal: both
together ≤ 30 s on the project's machines.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openpyxl

from bench import machine
from helpdesk import paths as pathsmod
from helpdesk.domain import idcard
from helpdesk.services import families, import_commit, imports
from helpdesk.services import session as sessions
from helpdesk.store import keys

HEADER = ["序号", "户主姓名", "性别", "公民身份号码", "出生日期", "联系电话", "住址", "工作单位",
          "困难类别", "致困原因", "家庭人口", "月收入（元）", "户口性质", "就业状况"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉华红建国文辉鹏飞宇浩然"
MEMBER_COLUMNS = ["与户主关系", "健康状况", "就读学校"]
RELATIONS = ("配偶", "儿子", "女儿", "母亲")
REASONS = ("重病", "残疾", "工伤", "失业", "单亲家庭", "子女就学困难", "被拖欠工资、重病")


def person(n: int, rng: random.Random) -> dict[str, Any]:
    born = date(1950 + rng.randrange(50), 1 + rng.randrange(12), 1 + rng.randrange(28))
    number = idcard.make("420111", born, n % 1000)
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return {"序号": n, "户主姓名": name, "性别": "男" if idcard.sex(number) == "M" else "女",
            "公民身份号码": number, "出生日期": born, "联系电话": f"13{rng.randrange(10**9):09d}",
            "住址": f"珞喻路 {rng.randrange(1, 999)} 号", "工作单位": "某某物流公司",
            "困难类别": rng.choice(("深度困难", "相对困难")), "致困原因": rng.choice(REASONS),
            "家庭人口": rng.randrange(1, 7), "月收入（元）": rng.randrange(0, 4000),
            "户口性质": rng.choice(("农村户口", "城镇户口")),
            "就业状况": rng.choice(("农民工", "在职职工", "平台劳动者", "失业"))}


def spoil(row: dict[str, Any], rng: random.Random) -> None:
    how = rng.randrange(5)
    number = row["公民身份号码"]
    if how == 0:
        row["公民身份号码"] = number[:-1] + ("0" if number[-1] != "0" else "1")
    elif how == 1:
        row["联系电话"] = "1380013"
    elif how == 2:
        row["公民身份号码"] = float(number[:-1] + "0")
    elif how == 3:
        row["户主姓名"] = ""
    else:
        row["出生日期"] = date(2001, 1, 1)


def members(n: int, rng: random.Random, taken: set[str]) -> list[dict[str, Any]]:
    out = []
    for k in range(rng.choice((0, 1, 1, 2))):
        while True:
            born = date(1985 + rng.randrange(35), 1 + rng.randrange(12), 1 + rng.randrange(28))
            number = idcard.make("420111", born, rng.randrange(1000))
            if number not in taken:
                taken.add(number)
                break
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        out.append({"户主姓名": name, "公民身份号码": number, "出生日期": born,
                    "与户主关系": RELATIONS[(n + k) % len(RELATIONS)],
                    "健康状况": rng.choice(("良好", "", "慢性病")),
                    "就读学校": rng.choice(("", "洪山区第一小学"))})
    return out


def write_roster(path: Path, n: int, seed: int = 1, with_members: bool = False
                 ) -> tuple[Path, list[dict[str, Any]]]:
    """The roster and the families to register by hand first (the station's duplicates)."""
    rng = random.Random(seed)
    people = [person(i, rng) for i in range(1, n + 1)]
    marks = list(range(n))
    rng.shuffle(marks)
    errors, here, twice = marks[:n // 20], marks[n // 20:n // 20 + n // 40], \
        marks[n // 20 + n // 40:n // 10]
    for i in errors:
        spoil(people[i], rng)
    registered = [dict(people[i]) for i in here]
    for i in twice:  # a family typed twice, as a later row of the file
        people[i] = dict(people[(i + 1) % n], 序号=people[i]["序号"])
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["洪山区困难职工档案"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(["填报单位：洪山区总工会　　2026 年 12 月"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADER))
    header = HEADER + MEMBER_COLUMNS if with_members else HEADER
    sheet.append(header)
    taken: set[str] = set()
    for i, p in enumerate(people):
        sheet.append([p.get(h) for h in header])
        for m in members(i, rng, taken) if with_members else ():
            sheet.append([m.get(h) for h in header])
    book.save(path)
    return path, registered


def run_once(folder: Path, roster: Path, registered: list[dict[str, Any]]) -> dict[str, Any]:
    shutil.rmtree(folder, ignore_errors=True)
    paths = pathsmod.Paths(folder / "data", folder / "config")
    s, _ = sessions.create_station(paths, {"name": "洪山区关山街道职工帮扶站", "region": "420111"},
                                   head_name="admin", head_pin="123456",
                                   kdf=keys.KdfParams.fast())
    try:
        for p in registered:
            families.register_family(s, {
                "head_name": p["户主姓名"] or "某某", "id_number": p["公民身份号码"],
                "region": "420111", "hukou": "urban", "employment": "employee",
                "reasons": ["illness"]})
        start, cpu = time.perf_counter(), time.process_time()
        plan = imports.preview(s, roster)
        previewed = time.perf_counter() - start
        previewed_cpu = time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        done = import_commit.commit(s, plan, report=import_commit.report_path(roster))
        imported = time.perf_counter() - start
        imported_cpu = time.process_time() - cpu
        return {"preview": previewed, "import": imported, "preview_cpu": previewed_cpu,
                "import_cpu": imported_cpu, "counts": done.counts}
    finally:
        s.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--members", action="store_true", help="member rows under the families")
    ap.add_argument("--dir", help="work folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    print(machine.describe())
    roster, registered = write_roster(work / "roster.xlsx", args.rows,
                                      with_members=args.members)
    print(f"roster: {args.rows} families{' with members' if args.members else ''}, "
          f"{roster.stat().st_size / 1e6:.1f} MB, "
          f"{len(registered)} families registered by hand first")
    results = []
    for n in range(args.runs):
        r = run_once(work / f"station-{n}", roster, registered)
        results.append(r)
        print(f"run {n + 1}: preview {r['preview']:.2f} s (CPU {r['preview_cpu']:.2f} s), "
              f"import {r['import']:.2f} s (CPU {r['import_cpu']:.2f} s), {r['counts']}")
    preview = machine.median([r["preview"] for r in results])
    imported = machine.median([r["import"] for r in results])
    cpu = machine.median([r["preview_cpu"] + r["import_cpu"] for r in results])
    print(f"median of {args.runs}: preview {preview:.2f} s, import {imported:.2f} s, "
          f"together {preview + imported:.2f} s (goal ≤ 30 s); CPU time {cpu:.2f} s; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if not args.keep and not args.dir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
