"""The `helpdesk` command: station sub-commands for the shell (DESIGN.md "Commands").

Station commands sign in with `--user NAME` and the PIN from $HELPDESK_PIN or a prompt, and take
`--data-dir` (or $HELPDESK_DATA_DIR) so they never touch a real station by accident. Messages are
in Chinese on a Chinese system ($LANG zh_*), else English; $HELPDESK_LANG overrides.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from helpdesk import __version__, cli_close, cli_export, cli_import, cli_sync
from helpdesk import paths as pathsmod
from helpdesk.domain import money, regions
from helpdesk.domain.errors import Invalid
from helpdesk.errors import KnownError
from helpdesk.services import aid as aidcases
from helpdesk.services import backups as backupcases
from helpdesk.services import demo, health, session
from helpdesk.services import receipts as receiptcases

DEMO_HEAD, DEMO_PIN = "admin", "123456"
DEMO_STATION = {"name": "洪山区关山街道职工帮扶站", "region": "420111",
                "union_name": "武汉市洪山区总工会", "phone": "027-87654321"}


def lang() -> str:
    chosen = os.environ.get("HELPDESK_LANG") or os.environ.get("LC_ALL") or \
        os.environ.get("LANG") or ""
    return "zh" if chosen.lower().startswith("zh") else "en"


def say(zh: str, en: str) -> None:
    print(zh if lang() == "zh" else en)


def _pin(args: argparse.Namespace) -> str:
    pin = os.environ.get("HELPDESK_PIN")
    if pin:
        return pin
    if not sys.stdin.isatty():
        raise KnownError("no_pin", "请用环境变量 HELPDESK_PIN 提供 PIN 码",
                         "Give the PIN in the HELPDESK_PIN environment variable")
    return getpass.getpass("PIN: " if lang() == "en" else "PIN 码：")


def _sign_in(args: argparse.Namespace) -> session.Session:
    paths = pathsmod.resolve(args.data_dir)
    if not session.station_exists(paths):
        raise KnownError("no_station", f"{paths.data_dir} 中没有站点：先运行 helpdesk 完成首次设置",
                         f"No station in {paths.data_dir}: run helpdesk first to set one up")
    return session.sign_in(paths, args.user, _pin(args))


def _open_or_create_demo(data_dir: str | None, *, quiet: bool = False) -> session.Session:
    paths = pathsmod.resolve(data_dir)
    if session.station_exists(paths):
        return session.sign_in(paths, DEMO_HEAD, os.environ.get("HELPDESK_PIN") or DEMO_PIN)
    opened, recovery = session.create_station(paths, DEMO_STATION, head_name=DEMO_HEAD,
                                              head_pin=DEMO_PIN)
    if not quiet:
        say(f"新建站点：{paths.data_dir}（站长 {DEMO_HEAD}，PIN {DEMO_PIN}）\n恢复码：{recovery}",
            f"New station in {paths.data_dir} (head {DEMO_HEAD}, PIN {DEMO_PIN})\n"
            f"Recovery code: {recovery}")
    return opened


def _fill(s: session.Session, families: int, aid: int, seed: int) -> tuple[int, int]:
    """Sample volunteers, campaigns, families and aid; says which volunteers were added."""
    added = demo.ensure_volunteers(s, seed=seed)
    if added:
        people = "、".join(f"{name}（PIN {pin}）" for name, pin in added)
        say(f"已添加志愿者：{people}",
            "Added volunteers: " + ", ".join(f"{name} (PIN {pin})" for name, pin in added))
    demo.ensure_campaigns(s)
    return (demo.add_families(s, families, seed=seed), demo.add_aid(s, aid, seed=seed))


def cmd_demo_data(args: argparse.Namespace) -> int:
    s = _open_or_create_demo(args.data_dir)
    try:
        made, given = _fill(s, args.families, args.aid, args.seed)
        say(f"已添加 {made} 户家庭、{given} 条发放记录",
            f"Added {made} families and {given} aid records")
    finally:
        s.close()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    paths = pathsmod.demo(args.data_dir)
    fresh = not session.station_exists(paths)
    s = _open_or_create_demo(str(paths.data_dir))
    try:
        if fresh:
            _fill(s, 300, 600, seed=7)
        _print_summary(s)
    finally:
        s.close()
    if args.no_window:
        return 0
    if not _has_display():
        say("没有图形界面（DISPLAY 未设置）：演示站点已准备好，请在桌面环境中运行 helpdesk demo",
            "No display (DISPLAY is not set): the demo station is ready; run helpdesk demo on "
            "a desktop to open the app")
        return 0
    from helpdesk import app  # Qt only for the commands that open a window

    return app.run(data_dir=paths.data_dir, demo=True)


def _has_display() -> bool:
    """False on a Linux machine with no screen, where opening a window would only abort."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_app(args: argparse.Namespace) -> int:
    from helpdesk import app

    return app.run(data_dir=args.app_data_dir)


def _print_summary(s: session.Session) -> None:
    t = aidcases.totals(s)
    families = s.db.execute("SELECT count(*) FROM families").fetchone()[0]
    say(f"站点：{s.station.name}（{s.station.code}），设备 {s.device.code}\n"
        f"家庭 {families} 户；发放 {t['aid_count']} 次，合计 ¥{money.format_fen(t['total_fen'])}\n"
        f"数据目录：{s.paths.data_dir}；站长 {DEMO_HEAD}，PIN {DEMO_PIN}",
        f"Station: {s.station.name} ({s.station.code}), device {s.device.code}\n"
        f"{families} families; {t['aid_count']} aid, total ¥{money.format_fen(t['total_fen'])}\n"
        f"Data folder: {s.paths.data_dir}; head {DEMO_HEAD}, PIN {DEMO_PIN}")


def cmd_totals(args: argparse.Namespace) -> int:
    s = _sign_in(args)
    try:
        t = aidcases.totals(s)
    finally:
        s.close()
    if args.json:
        print(json.dumps(t, ensure_ascii=False, indent=2))
        return 0
    zh = lang() == "zh"
    print(f"{'项目' if zh else 'Programme':<14}{'月份' if zh else 'Month':<10}"
          f"{'次数' if zh else 'Aid':>8}{'金额（元）' if zh else 'Total (yuan)':>18}")
    for row in t["by_programme_month"]:
        print(f"{row['programme']:<14}{row['month']:<10}{row['aid_count']:>8}"
              f"{money.format_fen(row['total_fen']):>18}")
    print(f"{'合计' if zh else 'All':<24}{t['aid_count']:>8}{money.format_fen(t['total_fen']):>18}")
    return 0


def cmd_receipt_pdf(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs no display
    s = _sign_in(args)
    try:
        bilingual = None if args.lang is None else args.lang == "zh+en"
        aid, data = receiptcases.save_pdf(s, Path(args.output), receipt_no=args.receipt_no,
                                          last=args.last, fmt=args.format, bilingual=bilingual)
    finally:
        s.close()
    if data.copy_no:
        say(f"已保存凭证 {aid.receipt_no}（重印第 {data.copy_no} 次）：{args.output}",
            f"Saved receipt {aid.receipt_no} (COPY {data.copy_no}): {args.output}")
    else:
        say(f"已保存凭证 {aid.receipt_no}：{args.output}",
            f"Saved receipt {aid.receipt_no}: {args.output}")
    return 0


def cmd_verify_receipt(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    s = _sign_in(args)
    try:
        if args.pdf:
            verdict = receiptcases.verify_pdf(s, Path(args.pdf))
        else:
            verdict = receiptcases.verify(s, args.payload)
    finally:
        s.close()
    print(verdict.text(lang()))
    return 0 if verdict.ok else 1


def cmd_restore(args: argparse.Namespace) -> int:
    paths = pathsmod.resolve(args.data_dir)
    moved = backupcases.restore(paths, Path(args.backup))
    aside = "\n".join(f"  {p}" for p in moved)
    say(f"已恢复备份 {args.backup} 到 {paths.data_dir}。原有文件已移到：\n{aside or '  （无）'}\n"
        "请重新登录；本机将算作新设备。",
        f"Restored backup {args.backup} into {paths.data_dir}. The files it replaced were "
        f"moved to:\n{aside or '  (none)'}\nSign in again; this computer now counts as a new "
        "device.")
    return 0


def cmd_region(args: argparse.Namespace) -> int:
    """Print a region code's full name path (no station, no sign-in); exit 1 when the list of
    administrative divisions has no such code."""
    try:
        print(regions.full_name(args.code))
    except Invalid as err:
        print(err.problem.text(lang()), file=sys.stderr)
        return 1
    return 0


def _station_parser(sub: Any, name: str, help_: str, fn: Callable[..., int]) -> Any:
    p = sub.add_parser(name, help=help_)
    p.add_argument("--data-dir", help="station folder (default: $HELPDESK_DATA_DIR or the "
                                      "user's data folder)")
    p.add_argument("--user", default=DEMO_HEAD, help="volunteer who signs in (PIN from "
                                                     "$HELPDESK_PIN or a prompt)")
    p.set_defaults(fn=fn)
    return p


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="helpdesk", description="Helpdesk: the aid register of "
                                 "a trade-union help station.")
    ap.add_argument("--version", action="version", version=f"helpdesk {__version__}")
    ap.add_argument("--data-dir", dest="app_data_dir",
                    help="with no command: open the app on this station folder")
    ap.set_defaults(fn=cmd_app)
    sub = ap.add_subparsers(dest="command")
    p = sub.add_parser("demo", help="open a demo station with sample families and aid")
    p.add_argument("--data-dir", help="demo station folder (default: $HELPDESK_DATA_DIR, else "
                                      "a demo folder beside the user's data)")
    p.add_argument("--no-window", action="store_true",
                   help="only create the demo station and print its summary")
    p.set_defaults(fn=cmd_demo)
    p = _station_parser(sub, "demo-data", "fill a station with sample data (creates the station "
                                          "with head admin / PIN 123456 if there is none)",
                        cmd_demo_data)
    p.add_argument("--families", type=int, default=100)
    p.add_argument("--aid", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p = _station_parser(sub, "totals", "aid count and sum in fen, by programme and month",
                        cmd_totals)
    p.add_argument("--json", action="store_true")
    receipt = sub.add_parser("receipt", help="receipts of aid")
    receipt_sub = receipt.add_subparsers(dest="receipt_command", required=True)
    p = _station_parser(receipt_sub, "pdf", "save an aid's receipt as a PDF (a second one is "
                                            "marked COPY)", cmd_receipt_pdf)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("receipt_no", nargs="?", help="receipt number, e.g. K7QM-2026-00042")
    which.add_argument("--last", action="store_true", help="the last aid recorded here")
    p.add_argument("-o", "--output", required=True, help="PDF file to write")
    p.add_argument("--format", choices=receiptcases.FORMATS, help="paper (default: settings)")
    p.add_argument("--lang", choices=receiptcases.LANGS, help="Chinese, or Chinese + English "
                                                              "(default: settings)")
    p = _station_parser(sub, "verify-receipt", "check a receipt's signed QR code: exit 0 when "
                                               "valid, 1 otherwise (voided, altered, unknown key, "
                                               "bad format)", cmd_verify_receipt)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("payload", nargs="?", help="the code printed under the QR code (quote it)")
    what.add_argument("--pdf", help="a receipt PDF: its QR code is read")
    p = sub.add_parser("restore", help="put a backup (backups/<time>/ or its station.db) in "
                                       "place of the station's files; the replaced files are "
                                       "moved aside, never deleted. Close the app first.")
    p.add_argument("backup", help="backup folder, e.g. DATA/backups/20260301T080000000000Z")
    p.add_argument("--data-dir", help="station folder (default: $HELPDESK_DATA_DIR or the "
                                      "user's data folder)")
    p.set_defaults(fn=cmd_restore)
    p = sub.add_parser("region", help="print a region code's name, e.g. helpdesk region "
                                      "420111 → 湖北省 武汉市 洪山区")
    p.add_argument("code", help="6-digit GB/T 2260 code")
    p.set_defaults(fn=cmd_region)
    cli_sync.add_commands(sub, _station_parser, _sign_in, say)
    cli_export.add_commands(sub, _station_parser, _sign_in, say)
    cli_import.add_commands(sub, _station_parser, _sign_in, say, lang)
    cli_close.add_commands(sub, _station_parser, _sign_in, say)
    return ap


def _paths_of(args: argparse.Namespace) -> pathsmod.Paths:
    if getattr(args, "command", None) == "demo":
        return pathsmod.demo(args.data_dir)
    return pathsmod.resolve(getattr(args, "data_dir", None) or args.app_data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    ap = parser()
    args = ap.parse_args(argv)
    try:
        return int(args.fn(args))
    except KnownError as err:
        print(err.text(lang()), file=sys.stderr)
        return 1
    except Exception as err:  # a full disk or a damaged file met while reading or writing
        known = health.explain(err, _paths_of(args))
        if known is None:
            raise
        print(known.text(lang()), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `helpdesk totals | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
