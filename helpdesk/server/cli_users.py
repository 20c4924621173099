"""`helpdesk-server user add|list|disable|reset-password`: the office console's users.

Passwords come from $HELPDESK_OFFICE_PASSWORD or a prompt (asked twice), never from the
command line, where other users of the machine could read them. Every change is in the office
audit log, under the user "cli".
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import Engine

from helpdesk.server.office import audit, users

ENV_PASSWORD = "HELPDESK_OFFICE_PASSWORD"
CLI_USER = "cli"


def _password() -> str:
    given = os.environ.get(ENV_PASSWORD)
    if given is not None:
        return given
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise SystemExit("helpdesk-server: the two passwords differ")
    return first


def _fail(err: users.UserError) -> SystemExit:
    return SystemExit(f"helpdesk-server: {err}")


def add_commands(sub: Any, common: argparse.ArgumentParser,
                 engine: Callable[[argparse.Namespace], Engine]) -> None:
    group = sub.add_parser("user", help="office console users").add_subparsers(
        dest="user_command", required=True)

    def cmd_add(args: argparse.Namespace) -> int:
        db = engine(args)
        try:
            users.check_password(password := _password())
            secret = users.add(db, args.name, args.role, args.region, password, totp=args.totp)
        except users.UserError as err:
            raise _fail(err) from None
        audit.record(db, CLI_USER, "user_add", args.name, f"{args.role} {args.region or '*'}")
        print(f"User {args.name} ({args.role}, region {args.region or 'all'}) added")
        if secret:
            import pyotp

            uri = pyotp.TOTP(secret).provisioning_uri(name=args.name, issuer_name="Helpdesk office")
            print(f"TOTP secret: {secret}\nFor an authenticator app: {uri}")
        return 0

    def cmd_list(args: argparse.Namespace) -> int:
        found = users.list_(engine(args))
        if args.json:
            print(json.dumps({"users": found}, ensure_ascii=False, indent=2))
            return 0
        for u in found:
            state = "disabled" if u["disabled"] else (
                f"locked until {u['locked_until']}" if u["locked_until"] else "active")
            print(f"{u['name']:<20}{u['role']:<10}{u['region'] or '*':<8}{state}"
                  + ("  totp" if u["totp"] else ""))
        return 0

    def cmd_disable(args: argparse.Namespace) -> int:
        db = engine(args)
        try:
            users.disable(db, args.name)
        except users.UserError as err:
            raise _fail(err) from None
        audit.record(db, CLI_USER, "user_disable", args.name)
        print(f"User {args.name} disabled; their sessions ended")
        return 0

    def cmd_reset(args: argparse.Namespace) -> int:
        db = engine(args)
        try:
            users.reset_password(db, args.name, _password())
        except users.UserError as err:
            raise _fail(err) from None
        audit.record(db, CLI_USER, "user_reset_password", args.name)
        print(f"Password of {args.name} reset; the account is unlocked and its sessions ended")
        return 0

    p = group.add_parser("add", parents=[common], help="add an office user (password from "
                         f"${ENV_PASSWORD} or a prompt)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=users.ROLES)
    p.add_argument("--region", default="", help="region prefix the user sees, e.g. 4201 "
                   "(default: all)")
    p.add_argument("--totp", action="store_true", help="also require a one-time code "
                   "(prints the secret for an authenticator app)")
    p.set_defaults(fn=cmd_add)
    p = group.add_parser("list", parents=[common], help="list office users")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_list)
    p = group.add_parser("disable", parents=[common], help="disable an office user")
    p.add_argument("name")
    p.set_defaults(fn=cmd_disable)
    p = group.add_parser("reset-password", parents=[common], help="set a new password "
                         f"(from ${ENV_PASSWORD} or a prompt) and unlock")
    p.add_argument("name")
    p.set_defaults(fn=cmd_reset)
