"""`helpdesk export ledger|families`: the 台账 and the family roster as .xlsx (DESIGN.md
"Commands"). Registered by `helpdesk.cli`, which signs in and turns a `KnownError` into a message
and exit status 1.

An existing file is not replaced unless `--force`: a ledger already sent to the union office is
not lost to a repeated command. Every check (dates, programme, file name, folder, who may see full
ID numbers) runs before anything is written, and the file appears only by renaming a complete
temporary file, so a refused or failed export leaves no file behind.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from helpdesk.domain import money
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import exports
from helpdesk.services.session import Session

SignIn = Callable[[argparse.Namespace], Session]
Say = Callable[[str, str], None]

OPTIONS = {"date_from": "--from", "date_to": "--to", "programme": "--programme", "path": "-o"}


def add_commands(sub: Any, station_parser: Callable[..., Any], sign_in: SignIn,
                 say: Say) -> None:
    """Add `export ledger` and `export families`; `station_parser` gives --data-dir, --user."""
    def bound(fn: Callable[..., int]) -> Callable[[argparse.Namespace], int]:
        return lambda args: fn(args, sign_in, say)

    export = sub.add_parser("export", help="the aid ledger (台账) or the family roster as .xlsx")
    export_sub = export.add_subparsers(dest="export_command", required=True)
    p = station_parser(export_sub, "ledger", "aid in a period and/or of one programme, void aid "
                                             "marked 作废 and left out of the totals",
                       bound(cmd_ledger))
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD")
    p.add_argument("--programme", metavar="CODE", help="only this programme, e.g. SWN-2026")
    _common(p)
    p = station_parser(export_sub, "families", "the families in difficulty (困难职工档案)",
                       bound(cmd_families))
    _common(p)


def _common(p: Any) -> None:
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=".xlsx file to write")
    p.add_argument("--full-ids", action="store_true",
                   help="full ID numbers instead of masked ones (station head only; audited)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--lang", choices=("zh", "en"),
                   help="column headers and labels (default: the command's language)")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise KnownError("export_date", f"{option}：日期“{text}”格式不对，应为 YYYY-MM-DD，"
                         "例如 2026-03-01",
                         f"{option}: '{text}' is not a date; write YYYY-MM-DD, e.g. "
                         "2026-03-01") from None


def _lang(args: argparse.Namespace) -> str:
    if args.lang:
        return str(args.lang)
    from helpdesk import cli  # already loaded: it registered this module

    return cli.lang()


def _named(err: InvalidInput) -> KnownError:
    """The service's field names as the options the user typed."""
    p = err.problems[0]
    option = OPTIONS.get(p.field, p.field)
    if p.code == "export_exists":
        return KnownError(p.code, f"{option}：{p.zh}（加 --force 可覆盖）",
                          f"{option}: {p.en} (add --force to replace it)")
    return KnownError(p.code, f"{option}：{p.zh}", f"{option}: {p.en}")


def cmd_ledger(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    date_from, date_to = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    s = sign_in(args)
    try:
        result = exports.ledger(s, Path(args.output), date_from, date_to, args.programme,
                                args.full_ids, lang=_lang(args), replace=args.force)
    except InvalidInput as err:
        raise _named(err) from None
    finally:
        s.close()
    if args.json:
        print(json.dumps({"path": str(result.path), "rows": result.rows,
                          "aid_count": result.aid_count, "total_fen": result.total_fen,
                          "voided": result.voided}, ensure_ascii=False, indent=2))
        return 0
    total = money.format_fen(result.total_fen)
    say(f"已导出台账 {result.path}：{result.aid_count} 笔，合计 ¥{total}"
        f"（另有作废 {result.voided} 笔，不计入合计）",
        f"Wrote the ledger {result.path}: {result.aid_count} aid, total ¥{total} "
        f"({result.voided} void not counted)")
    return 0


def cmd_families(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    s = sign_in(args)
    try:
        result = exports.families(s, Path(args.output), args.full_ids, lang=_lang(args),
                                  replace=args.force)
    except InvalidInput as err:
        raise _named(err) from None
    finally:
        s.close()
    if args.json:
        print(json.dumps({"path": str(result.path), "families": result.rows,
                          "people": result.people}, ensure_ascii=False, indent=2))
        return 0
    say(f"已导出困难职工档案 {result.path}：{result.rows} 户，{result.people} 人",
        f"Wrote the family roster {result.path}: {result.rows} families, {result.people} people")
    return 0
