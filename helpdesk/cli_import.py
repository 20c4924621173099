"""`helpdesk import families FILE`: bring in an existing roster from .xlsx, .xls or .csv.

Exit 0 when the import ran, even with rows refused (they are counted, listed and saved to the
error report); 1 when the file could not be read at all, and then nothing is written (the file
is read before signing in, which is itself audited).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpdesk.services import import_commit, imports
from helpdesk.services.session import Session

SignIn = Callable[[argparse.Namespace], Session]
Say = Callable[[str, str], None]


def add_commands(sub: Any, station_parser: Callable[..., Any], sign_in: SignIn, say: Say,
                 lang: Callable[[], str]) -> None:
    group = sub.add_parser("import", help="bring in an existing roster")
    group_sub = group.add_subparsers(dest="import_command", required=True)
    p = station_parser(group_sub, "families", "import families from .xlsx, .xls or .csv: "
                                              "rows checked like the registration form, "
                                              "duplicates found, in one transaction",
                       lambda args: cmd_families(args, sign_in, say, lang()))
    p.add_argument("file", help="the roster (.xlsx, .xls or .csv)")
    p.add_argument("--sheet", help="the sheet to read (default: the first with data)")
    p.add_argument("--mapping", help="a saved column mapping (JSON) for headers not recognised")
    p.add_argument("--members", metavar="FILE",
                   help="household members on a file of their own, each row naming its head "
                        "(户主身份证号 or 户主姓名); default: a sheet of the same file that "
                        "does, or member rows under their head's row (与户主关系)")
    p.add_argument("--members-sheet", metavar="NAME", help="the sheet of members to read")
    p.add_argument("--dry-run", action="store_true", help="check only: write nothing")
    p.add_argument("--report", help="where to save the rows not imported (default: "
                                    "FILE.errors.xlsx beside the file)")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")


def cmd_families(args: argparse.Namespace, sign_in: SignIn, say: Say, lang: str) -> int:
    path = Path(args.file)
    mapping = imports.load_mapping(args.mapping) if args.mapping else None
    imports.open_sheet(path, args.sheet, mapping)  # unreadable: exit 1 before signing in
    members: imports.Members | None = None
    if args.members or args.members_sheet:
        members = (Path(args.members) if args.members else None, args.members_sheet)
        if args.members:
            imports.open_sheet(args.members, args.members_sheet, mapping)
    s = sign_in(args)
    try:
        plan = imports.preview(s, path, args.sheet, mapping, members)
        if args.dry_run:
            counts, report, import_id = plan.counts(), None, None
        else:
            done = import_commit.commit(
                s, plan, report=Path(args.report) if args.report else
                import_commit.report_path(path), lang=lang)
            counts, report, import_id = done.counts, done.report, done.import_id
    finally:
        s.close()
    problems: list[dict[str, Any]] = [
        {"row": r.number, "kind": r.kind, "reasons": r.reasons(lang, plan.header)}
        for r in plan.rows if r.kind != imports.NEW]
    problems += [{"row": m.number, "kind": m.kind, "member": True,
                  "reasons": m.reasons(lang, plan.member_header or plan.header)}
                 for _, m in plan.member_rows() if m.kind != "new"]
    if args.json:
        print(json.dumps({**counts, "report": str(report) if report else None,
                          "import_id": import_id, "dry_run": bool(args.dry_run),
                          "sheet": plan.sheet, "problems": problems},
                         ensure_ascii=False, indent=2))
        return 0
    where = plan.member_sheet or ""
    for p in problems:
        sep = "；" if lang == "zh" else "; "
        sheet = f"{where} " if p.get("member") and where else ""
        say(f"{sheet}第 {p['row']} 行：{sep.join(p['reasons'])}",
            f"{sheet}Row {p['row']}: {sep.join(p['reasons'])}")
    c = counts
    say(f"{'预检' if args.dry_run else '导入'}：共 {c['rows']} 行，新增 {c['added']}，"
        f"补全 {c['updated']}，家庭成员新增 {c['members']}、补全 {c['members_updated']}，"
        f"重复 {c['duplicates']}，有误 {c['errors']}",
        f"{'Dry run' if args.dry_run else 'Imported'}: {c['rows']} rows, {c['added']} added, "
        f"{c['updated']} updated, {c['members']} members added, {c['members_updated']} "
        f"members updated, {c['duplicates']} duplicates, {c['errors']} errors")
    if report:
        say(f"未导入的行已保存到：{report}", f"Rows not imported saved to: {report}")
    return 0
