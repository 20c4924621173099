"""The station's day-close commands (日结): close-day, closes, reopen-day, close-slip.
Registered by `helpdesk.cli`, which signs in and turns a `KnownError` into a message and exit
status 1.

The closer is the volunteer signed in (`--user`, PIN from $HELPDESK_PIN), who confirms the
count with that PIN; the witness's PIN comes from $HELPDESK_WITNESS_PIN or a prompt. A count
typed as one total stands for the fewest notes and coins that make it.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpdesk.domain import money
from helpdesk.domain.closes import DayClose, counts_for
from helpdesk.domain.errors import Invalid
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services import close_slips, closes
from helpdesk.services.session import Session

SignIn = Callable[[argparse.Namespace], Session]
Say = Callable[[str, str], None]


def add_commands(sub: Any, station_parser: Callable[..., Any], sign_in: SignIn,
                 say: Say) -> None:
    """Add the day-close sub-commands; `station_parser` gives them --data-dir and --user."""
    def bound(fn: Callable[..., int]) -> Callable[[argparse.Namespace], int]:
        return lambda args: fn(args, sign_in, say)

    p = station_parser(sub, "close-day", "close the cash day: the counted cash against the "
                                         "float less the cash aid handed out, with a "
                                         "witness", bound(cmd_close_day))
    p.add_argument("--date", help="the day to close, e.g. 2026-12-05 (default: today)")
    p.add_argument("--counted", required=True, help="cash counted in the box, in yuan")
    p.add_argument("--float", dest="float_", default="0", help="opening float, in yuan")
    p.add_argument("--witness", required=True, help="the witness: another volunteer or the "
                                                    "head (PIN from $HELPDESK_WITNESS_PIN)")
    p.add_argument("--reason", default="", help="why counted and expected differ")
    p.add_argument("--json", action="store_true")
    p = station_parser(sub, "closes", "list the day closes: expected, counted and difference "
                                      "in fen", bound(cmd_closes))
    p.add_argument("--json", action="store_true")
    p = station_parser(sub, "reopen-day", "reopen a closed day (station head, with a reason)",
                       bound(cmd_reopen_day))
    p.add_argument("date", help="the closed day, e.g. 2026-12-05")
    p.add_argument("--reason", required=True, help="why the day is reopened")
    p = station_parser(sub, "close-slip", "save a day's close slip as a PDF",
                       bound(cmd_close_slip))
    p.add_argument("date", nargs="?", help="the closed day (default: today)")
    p.add_argument("-o", "--output", required=True, help="PDF file to write")
    p.add_argument("--format", choices=close_slips.FORMATS, help="paper (default: as receipts)")
    p.add_argument("--lang", choices=("zh", "zh+en"), help="language (default: as receipts)")


def _witness_pin() -> str:
    pin = os.environ.get("HELPDESK_WITNESS_PIN")
    if pin:
        return pin
    if not sys.stdin.isatty():
        raise KnownError("no_witness_pin", "请用环境变量 HELPDESK_WITNESS_PIN 提供监盘人的 PIN 码",
                         "Give the witness's PIN in the HELPDESK_WITNESS_PIN environment variable")
    return getpass.getpass("监盘人 PIN / Witness PIN: ")


def _closer_pin() -> str:
    pin = os.environ.get("HELPDESK_PIN")
    if pin:
        return pin
    return getpass.getpass("清点人 PIN / Your PIN again: ")


def _fen(text: str, field: str) -> int:
    try:
        return money.parse_fen(text)
    except Invalid as err:
        raise InvalidInput.from_invalid(err.for_field(field)) from None


def _as_json(close: DayClose) -> dict[str, Any]:
    return close.model_dump(mode="json") | {"reopened": close.reopened}


def cmd_close_day(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    counted = _fen(args.counted, "counted")
    try:
        counts = counts_for(counted)
    except Invalid as err:
        raise InvalidInput.from_invalid(err) from None
    s = sign_in(args)
    try:
        day = args.date or s.today().isoformat()
        close = closes.close_day(s, {"day": day, "float_fen": _fen(args.float_, "float"),
                                     "counts": counts, "reason": args.reason},
                                 closer_pin=_closer_pin(), witness_id=args.witness,
                                 witness_pin=_witness_pin())
    finally:
        s.close()
    if args.json:
        print(json.dumps(_as_json(close), ensure_ascii=False, indent=2))
        return 0

    def f(fen: int) -> str:
        return money.format_fen(fen, symbol=True)  # -¥20.00, as the app writes it

    say(f"{close.day} 已日结：应有 {f(close.expected_fen)}，实点 {f(close.counted_fen)}，"
        f"差额 {f(close.difference_fen)}（当日现金发放 {close.aid_count} 笔，"
        f"{f(close.cash_out_fen)}）",
        f"{close.day} closed: expected {f(close.expected_fen)}, counted "
        f"{f(close.counted_fen)}, difference {f(close.difference_fen)} ({close.aid_count} "
        f"cash aid handed out, {f(close.cash_out_fen)})")
    return 0


def cmd_closes(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    s = sign_in(args)
    try:
        found = closes.all_closes(s)
    finally:
        s.close()
    if args.json:
        print(json.dumps([_as_json(c) for c in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        say("还没有日结记录", "No day has been closed yet")
    for c in found:
        state_zh, state_en = ("已重新打开", "reopened") if c.reopened else ("已日结", "closed")
        say(f"{c.day}  应有 {c.expected_fen} 分  实点 {c.counted_fen} 分  差额 "
            f"{c.difference_fen} 分  {state_zh}",
            f"{c.day}  expected {c.expected_fen} fen  counted {c.counted_fen} fen  "
            f"difference {c.difference_fen} fen  {state_en}")
    return 0


def cmd_reopen_day(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    s = sign_in(args)
    try:
        close = closes.reopen_day(s, args.date, args.reason)
    finally:
        s.close()
    say(f"{close.day} 已重新打开：可以再发放或作废这一天的记录，之后请重新日结",
        f"{close.day} reopened: aid of that day can be given or voided again; close it again "
        "afterwards")
    return 0


def cmd_close_slip(args: argparse.Namespace, sign_in: SignIn, say: Say) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs no display
    s = sign_in(args)
    try:
        day = args.date or s.today().isoformat()
        found = [c for c in closes.all_closes(s) if c.day == day]
        if not found:
            raise KnownError("not_closed", f"{day} 没有日结记录", f"The day {day} has no close")
        bilingual = None if args.lang is None else args.lang == "zh+en"
        close_slips.save_pdf(s, found[0], Path(args.output), fmt=args.format,
                             bilingual=bilingual)
    finally:
        s.close()
    say(f"已保存 {day} 的日结单：{args.output}", f"Saved the close slip of {day}: {args.output}")
    return 0
