"""The `helpdesk-server` command: serve, station add/code/list/revoke, programme add/edit/list,
import-bundle, report, user add/list/disable/reset-password (`cli_users`).

Every command takes `--db URL` (or $HELPDESK_SERVER_DB; a SQLite file in the current folder
by default) and migrates the database first. Errors the operator can fix are printed on one
line to stderr with exit status 1; `--json` output goes to stdout alone.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.engine import Engine

from helpdesk.domain.errors import Invalid
from helpdesk.domain.money import format_fen
from helpdesk.domain.programmes import ProgrammeIn
from helpdesk.server import accounts, bundles, cli_users, programmes, report, storage
from helpdesk.server.office.process import KEEP_ALIVE, ConsoleProcess, become_console
from helpdesk.server.settings import (
    DEFAULT_OFFICE_THREADS,
    DEFAULT_THREADS,
    ENV_DB,
    ENV_OFFICE_SOCKET,
    ENV_THREADS,
    Settings,
    default_db_url,
    office_fresh_seconds,
)
from helpdesk.sync import wire


def _engine(args: argparse.Namespace) -> Engine:
    engine = storage.make_engine(args.db)
    storage.migrate(engine)
    accounts.ensure_server_key(engine)
    return engine


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from helpdesk.server.app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        raise SystemExit("helpdesk-server: give both --tls-cert and --tls-key, or neither")
    if not args.tls_cert and args.host not in ("127.0.0.1", "localhost", "::1"):
        print("helpdesk-server: warning: serving plain HTTP on a public address; stations "
              "refuse it (use --tls-cert and --tls-key)", file=sys.stderr)
    tls = {"ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key}
    if args.threads < 1 or args.workers < 1:
        raise SystemExit("helpdesk-server: --workers and --threads must be at least 1")
    fresh_seconds = office_fresh_seconds()
    # Migrate once here first: the worker processes and the console's process build their
    # own apps.
    _engine(args).dispose()
    console = None
    # uvicorn raises the signal that stopped it again once it has shut down, with the
    # handler it found: this one ends the command by SystemExit, so the console's process
    # and its socket folder are cleaned up below (SIGINT raises KeyboardInterrupt already).
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    if not args.office_in_process:
        console = ConsoleProcess(args.db, args.threads, DEFAULT_OFFICE_THREADS,
                                 args.log_level)
        console.start()
    settings = Settings(db_url=args.db, threads=args.threads, migrate=False,
                        office_socket=console.socket if console else "",
                        office_fresh_seconds=fresh_seconds)
    try:
        if args.workers > 1:
            os.environ[ENV_DB] = args.db
            os.environ[ENV_THREADS] = str(args.threads)
            os.environ[ENV_OFFICE_SOCKET] = settings.office_socket
            uvicorn.run("helpdesk.server.app:create_app_from_env", factory=True,
                        workers=args.workers, host=args.host, port=args.port,
                        log_level=args.log_level, timeout_graceful_shutdown=STOP_SECONDS,
                        **tls)
        else:
            uvicorn.run(create_app(settings), host=args.host, port=args.port,
                        log_level=args.log_level, timeout_graceful_shutdown=STOP_SECONDS,
                        **tls)
    finally:
        if console:
            console.stop()
    return 0


# On stopping, requests still open are given this long to finish (a push is one transaction:
# one cut short is rolled back and sent again), so a long console export cannot hold up a stop.
STOP_SECONDS = 10


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def cmd_serve_office(args: argparse.Namespace) -> int:
    """The console's own process (started by serve, reached through its proxy)."""
    import uvicorn

    from helpdesk.server.app import create_app

    become_console(args.parent)
    app = create_app(Settings(db_url=args.db, threads=args.threads, migrate=False,
                              office_threads=args.office_threads,
                              office_fresh_seconds=office_fresh_seconds()))
    uvicorn.run(app, uds=args.uds, log_level=args.log_level, proxy_headers=True,
                forwarded_allow_ips="*", timeout_graceful_shutdown=STOP_SECONDS,
                timeout_keep_alive=KEEP_ALIVE)
    return 0


def cmd_station_add(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        station_code, code = accounts.add_station(engine, args.name, args.region,
                                                  hours=args.hours)
    except Invalid as err:
        raise SystemExit(f"helpdesk-server: {err.problems[0].en}") from None
    except ValueError as err:
        raise SystemExit(f"helpdesk-server: {err}") from None
    if args.enrollment_file:
        _write(Path(args.enrollment_file), bundles.enrollment_file(
            engine, station_code, code, hours=args.hours, server_url=args.server_url or ""))
    if args.json:
        _print_json({"station_code": station_code, "code": code, "name": args.name.strip(),
                     "region": args.region, "expires_in_hours": args.hours,
                     "enrollment_file": args.enrollment_file})
    else:
        print(f"Station {station_code} ({args.name.strip()}, region {args.region})\n"
              f"Enrollment code: {code}  (one use, valid {args.hours} hours)")
        if args.enrollment_file:
            print(f"Enrollment file: {args.enrollment_file}  (keep it like the code: it "
                  "holds it)")
    return 0


def cmd_import_bundle(args: argparse.Namespace) -> int:
    """Answer a station's bundle file: the same ingest and pull as the sync API."""
    if Path(args.output).resolve() == Path(args.file).resolve():
        raise SystemExit("helpdesk-server: the answer file must not replace the bundle")
    engine = _engine(args)
    try:
        data = Path(args.file).read_bytes()
    except OSError as err:
        raise SystemExit(f"helpdesk-server: cannot read {args.file}: {err.strerror}") from None
    try:
        done = bundles.answer(engine, data, max_ahead_ms=Settings(args.db).max_clock_ahead_ms)
    except wire.BundleError as err:
        raise SystemExit(f"helpdesk-server: {err.en} / {err.zh}") from None
    _write(Path(args.output), done.answer)
    c = done.counts
    if args.json:
        _print_json({"station_code": done.station_code, "device_id": done.device_id,
                     "enrolled": done.enrolled, "answer_file": args.output, **c})
        return 0
    print(f"Bundle of station {done.station_code}, device {done.device_id}"
          + (" (enrolled now)" if done.enrolled else ""))
    print(f"Changes: {c['accepted']} accepted, {c['already_had']} already had, "
          f"{c['rejected']} rejected, {c['quarantined']} quarantined")
    print(f"Answer: {args.output} ({c['items']} items for the station"
          + (", more in the next answer)" if c["more"] else ")"))
    return 0


def _write(path: Path, data: bytes) -> None:
    """Write a whole file or nothing (a USB stick may be pulled out mid-write)."""
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    except OSError as err:
        part.unlink(missing_ok=True)
        raise SystemExit(f"helpdesk-server: cannot write {path}: {err.strerror}") from None


def cmd_station_code(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        code = accounts.issue_code(engine, args.code, hours=args.hours)
    except KeyError:
        raise SystemExit(f"helpdesk-server: no active station {args.code}") from None
    if args.enrollment_file:
        _write(Path(args.enrollment_file), bundles.enrollment_file(
            engine, args.code, code, hours=args.hours, server_url=args.server_url or ""))
    if args.json:
        _print_json({"station_code": args.code, "code": code, "expires_in_hours": args.hours})
    else:
        print(f"Enrollment code for {args.code}: {code}  (one use, valid {args.hours} hours)")
    return 0


def cmd_station_list(args: argparse.Namespace) -> int:
    rows = accounts.list_stations(_engine(args))
    if args.json:
        _print_json({"stations": rows})
        return 0
    print(f"{'Code':<12}{'Region':<8}{'Devices':>8}  {'State':<10}Name")
    for r in rows:
        state = "revoked" if r["revoked_at"] else "enrolled" if r["enrolled_at"] else "waiting"
        print(f"{r['code']:<12}{r['region']:<8}{r['devices']:>8}  {state:<10}{r['name']}")
    return 0


def cmd_station_revoke(args: argparse.Namespace) -> int:
    if not accounts.revoke_station(_engine(args), args.code):
        raise SystemExit(f"helpdesk-server: no station {args.code}")
    print(f"Station {args.code} revoked: its tokens no longer work")
    return 0


def cmd_programme_add(args: argparse.Namespace) -> int:
    data = {"code": args.code, "name_zh": args.name_zh, "name_en": args.name_en or "",
            "kind": args.kind, "starts_on": args.starts, "ends_on": args.ends,
            "limit_per_family": args.limit, "budget_fen": args.budget_fen}
    try:
        programme = programmes.add(_engine(args), args.region, data)
    except Invalid as err:
        raise SystemExit(f"helpdesk-server: {err.problems[0].en}") from None
    except (ValueError, ValidationError) as err:
        raise SystemExit(f"helpdesk-server: {_first_error(err)}") from None
    if args.json:
        _print_json({"region": args.region, **programme.model_dump(mode="json")})
    else:
        print(f"Programme {programme.code} published to region {args.region}")
    return 0


def cmd_programme_edit(args: argparse.Namespace) -> int:
    """A new state of a central programme (its code and region stay): the given options
    replace the old values; the region's stations get it at their next pull."""
    engine = _engine(args)
    old = programmes.get(engine, args.region, args.id)
    if old is None:
        raise SystemExit(f"helpdesk-server: region {args.region} has no programme {args.id}")
    given = {"name_zh": args.name_zh, "name_en": args.name_en, "kind": args.kind,
             "starts_on": args.starts, "ends_on": args.ends, "limit_per_family": args.limit,
             "budget_fen": args.budget_fen}
    data = {k: v for k, v in old.items() if k in ProgrammeIn.model_fields}
    data.update({k: v for k, v in given.items() if v is not None})
    try:
        programme = programmes.edit(engine, args.region, args.id, data)
    except Invalid as err:
        raise SystemExit(f"helpdesk-server: {err.problems[0].en}") from None
    if args.json:
        _print_json({"region": args.region, **programme.model_dump(mode="json")})
    else:
        print(f"Programme {programme.code} of region {args.region} changed")
    return 0


def _first_error(err: Exception) -> str:
    if isinstance(err, ValidationError):
        first = err.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(err)


def cmd_programme_list(args: argparse.Namespace) -> int:
    found = programmes.list_(_engine(args), args.region)
    if args.json:
        _print_json({"programmes": found})
        return 0
    for p in found:
        print(f"{p['region']:<8}{p['code']:<16}{p['kind']:<8}{p['starts_on']} – {p['ends_on']}"
              f"  {p['name_zh']}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    totals = report.totals(_engine(args))
    if args.json:
        _print_json(totals)
        return 0
    print(f"{'Month':<9}{'Station':<12}{'Programme':<16}{'Aid':>7}{'Total (yuan)':>16}")
    for r in totals["by_station_programme_month"]:
        print(f"{r['month']:<9}{r['station']:<12}{r['programme']:<16}{r['aid_count']:>7}"
              f"{format_fen(r['total_fen']):>16}")
    print(f"{'All':<37}{totals['aid_count']:>7}{format_fen(totals['total_fen']):>16}")
    for alert in totals["alerts"]:
        others = ", ".join(o["station_code"] for o in alert["others"])
        print(f"ALERT {alert['masked_id']} got {alert['programme_id']} at "
              f"{alert['station_code']} and {others}")
    return 0


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a sub-command's default must not overwrite a --db given before it.
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help="database URL: sqlite:///FILE or postgresql+psycopg://… "
                             "(default: $HELPDESK_SERVER_DB or ./helpdesk-server.db)")
    ap = argparse.ArgumentParser(prog="helpdesk-server", parents=[common],
                                 description="Helpdesk central server: enrollment and sync.")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("serve", parents=[common], help="run the sync server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--tls-cert", help="TLS certificate (PEM)")
    p.add_argument("--tls-key", help="TLS private key (PEM)")
    p.add_argument("--log-level", default="info")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--threads", type=int, default=DEFAULT_THREADS,
                   help=f"requests served at once by each worker (default {DEFAULT_THREADS})")
    p.add_argument("--office-in-process", action="store_true",
                   help="serve the office console in the sync API's own worker processes "
                        "(default: a process of its own at a lower CPU priority)")
    p.set_defaults(fn=cmd_serve)
    p = sub.add_parser("serve-office", parents=[common], help=argparse.SUPPRESS)
    p.add_argument("--uds", required=True)
    p.add_argument("--parent", type=int, required=True)
    p.add_argument("--threads", type=int, default=DEFAULT_THREADS)
    p.add_argument("--office-threads", type=int, default=DEFAULT_OFFICE_THREADS)
    p.add_argument("--log-level", default="info")
    p.set_defaults(fn=cmd_serve_office)
    station = sub.add_parser("station", help="stations and their enrollment").add_subparsers(
        dest="station_command", required=True)
    p = station.add_parser("add", parents=[common], help="add a station; prints its one-time "
                                                         "enrollment code")
    p.add_argument("--name", required=True)
    p.add_argument("--region", required=True, help="GB/T 2260 code, e.g. 420111")
    p.add_argument("--hours", type=int, default=72, help="how long the code is valid")
    p.add_argument("--json", action="store_true")
    p.add_argument("--enrollment-file", metavar="F", help="also write an enrollment file for "
                   "a station that cannot reach the server (helpdesk enroll --file F)")
    p.add_argument("--server-url", help="the server's address, written in the enrollment file")
    p.set_defaults(fn=cmd_station_add)
    p = station.add_parser("code", parents=[common], help="a new enrollment code for a "
                                                          "station's next laptop")
    p.add_argument("code", help="the station's readable code, e.g. 420111-001")
    p.add_argument("--hours", type=int, default=72)
    p.add_argument("--json", action="store_true")
    p.add_argument("--enrollment-file", metavar="F", help="also write an enrollment file")
    p.add_argument("--server-url", help="the server's address, written in the enrollment file")
    p.set_defaults(fn=cmd_station_code)
    p = station.add_parser("list", parents=[common], help="list stations")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_station_list)
    p = station.add_parser("revoke", parents=[common], help="revoke a station's tokens")
    p.add_argument("code", help="the station's readable code, e.g. 420111-001")
    p.set_defaults(fn=cmd_station_revoke)
    programme = sub.add_parser("programme", help="central programmes").add_subparsers(
        dest="programme_command", required=True)
    p = programme.add_parser("add", parents=[common], help="publish a programme to a region")
    p.add_argument("--region", required=True, help="the stations' region code, e.g. 420111")
    p.add_argument("--code", required=True, help="e.g. SWN-2026")
    p.add_argument("--name-zh", required=True)
    p.add_argument("--name-en", default="")
    p.add_argument("--kind", required=True, choices=["cash", "goods", "service"])
    p.add_argument("--starts", required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--ends", required=True, help="last day, YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=1, help="times per family per campaign")
    p.add_argument("--budget-fen", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_programme_add)
    p = programme.add_parser("edit", parents=[common], help="change a central programme "
                                                            "(code and region stay)")
    p.add_argument("id", help="the programme's id (programme list --json)")
    p.add_argument("--region", required=True)
    p.add_argument("--name-zh")
    p.add_argument("--name-en")
    p.add_argument("--kind", choices=["cash", "goods", "service"])
    p.add_argument("--starts", help="first day, YYYY-MM-DD")
    p.add_argument("--ends", help="last day, YYYY-MM-DD")
    p.add_argument("--limit", type=int, help="times per family per campaign")
    p.add_argument("--budget-fen", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_programme_edit)
    p = programme.add_parser("list", parents=[common], help="list central programmes")
    p.add_argument("--region")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_programme_list)
    p = sub.add_parser("import-bundle", parents=[common], help="answer a station's bundle "
                                                               "file (offline sync)")
    p.add_argument("file", help="the station's bundle (helpdesk export-bundle)")
    p.add_argument("-o", "--output", required=True, help="answer file to write, for helpdesk "
                                                         "import-bundle")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_import_bundle)
    p = sub.add_parser("report", parents=[common], help="aid totals by station, programme, "
                                                        "month")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_report)
    cli_users.add_commands(sub, common, _engine)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.db = getattr(args, "db", None) or default_db_url()
    try:
        return int(args.fn(args))
    except BrokenPipeError:  # `helpdesk-server report | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
