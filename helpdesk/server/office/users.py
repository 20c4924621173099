"""Office users and their sessions: argon2id passwords, lock-out, optional TOTP, server-side
sessions with a CSRF token each. The only module that reads or writes `office_users` and
`office_sessions`.

A user's region is a prefix of GB/T 2260 codes ("42" a province, "4201" a city, "420111" a
district; "" everything) that scopes all they see.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import argon2
import pyotp
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.domain.common import iso, utcnow
from helpdesk.server import storage as st

Role = Literal["admin", "reviewer", "viewer"]
ROLES: tuple[Role, ...] = ("admin", "reviewer", "viewer")
MAX_FAILURES = 5  # wrong passwords in a row before the account locks
LOCK_MINUTES = 15
IDLE_MINUTES = 30  # a session unused this long has ended
MAX_HOURS = 12  # and none lasts longer than a working day
_TOUCH_SECONDS = 60  # last_seen is written at most this often per session

_hasher = argon2.PasswordHasher()  # argon2id, the library's RFC 9106 low-memory profile


class UserError(ValueError):
    """A command the operator can correct (bad role, region, name taken …): English text as
    the exception's, Chinese in `zh`, the form field it is about in `field`."""

    def __init__(self, en: str, zh: str = "", field: str = "") -> None:
        super().__init__(en)
        self.zh = zh or en
        self.field = field


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    region: str
    disabled: bool
    has_totp: bool

    def sees(self, region: str) -> bool:
        """Whether a region code lies within this user's scope."""
        return region.startswith(self.region)


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str


def _user(row: sa.Row[object]) -> User:
    m = row._mapping
    return User(name=m["name"], role=m["role"], region=m["region"],
                disabled=bool(m["disabled"]), has_totp=m["totp_secret"] is not None)


def _check(name: str, role: str, region: str) -> None:
    if not name or len(name) > 64 or name != name.strip():
        raise UserError("the user name must be 1 to 64 characters, without spaces around it",
                        "用户名为 1 至 64 个字符，前后不能有空格", "name")
    if role not in ROLES:
        raise UserError(f"the role must be one of {', '.join(ROLES)}", "请选择一个角色", "role")
    if len(region) > 6 or not region.isascii() or (not region.isdigit() and region):
        raise UserError("the region must be a prefix of a 6-digit region code, e.g. 4201",
                        "地区应为 6 位地区代码的前几位，例如 4201", "region")


def check_password(password: str) -> None:
    if len(password) < 10:
        raise UserError("the password must have at least 10 characters", "密码至少 10 个字符",
                        "password")


def add(engine: Engine, name: str, role: str, region: str, password: str,
        totp: bool = False) -> str | None:
    """Add a user; returns the TOTP secret (base32) when asked for one. Raises UserError."""
    _check(name, role, region)
    check_password(password)
    secret = pyotp.random_base32() if totp else None
    with st.write(engine) as conn:
        if conn.execute(sa.select(st.office_users.c.name)
                        .where(st.office_users.c.name == name)).first():
            raise UserError(f"there is already a user named {name}", f"已有名为 {name} 的用户",
                            "name")
        conn.execute(st.office_users.insert().values(
            name=name, role=role, region=region, password_hash=_hasher.hash(password),
            totp_secret=secret, disabled=False, failed=0, created_at=iso(utcnow())))
    return secret


def list_(engine: Engine) -> list[dict[str, object]]:
    """Every user, by name, without their secrets."""
    u = st.office_users.c
    with st.read(engine) as conn:
        rows = conn.execute(sa.select(u.name, u.role, u.region, u.disabled, u.failed,
                                      u.locked_until, u.created_at,
                                      u.totp_secret.is_not(None).label("totp"))
                            .order_by(u.name)).mappings().all()
    return [{**r, "disabled": bool(r["disabled"]), "totp": bool(r["totp"])} for r in rows]


def disable(engine: Engine, name: str) -> None:
    """Disable a user and end their sessions. Raises UserError for an unknown name."""
    with st.write(engine) as conn:
        done = conn.execute(st.office_users.update().where(st.office_users.c.name == name)
                            .values(disabled=True))
        if not done.rowcount:
            raise UserError(f"there is no user named {name}", f"没有名为 {name} 的用户", "name")
        conn.execute(st.office_sessions.delete()
                     .where(st.office_sessions.c.user_name == name))


def reset_password(engine: Engine, name: str, password: str) -> None:
    """A new password; unlocks the account and ends its sessions. Raises UserError."""
    check_password(password)
    with st.write(engine) as conn:
        done = conn.execute(st.office_users.update().where(st.office_users.c.name == name)
                            .values(password_hash=_hasher.hash(password), failed=0,
                                    locked_until=None))
        if not done.rowcount:
            raise UserError(f"there is no user named {name}", f"没有名为 {name} 的用户", "name")
        conn.execute(st.office_sessions.delete()
                     .where(st.office_sessions.c.user_name == name))


SignIn = Literal["ok", "wrong", "locked", "totp"]


def sign_in(engine: Engine, name: str, password: str, totp_code: str = "",
            now: datetime | None = None) -> tuple[SignIn, User | None]:
    """Check a sign-in. "wrong" for an unknown or disabled name or a wrong password (the
    caller cannot tell which), "locked" while the account is locked after MAX_FAILURES
    wrong passwords in a row, "totp" for a missing or wrong second factor. One transaction."""
    now = now or utcnow()
    u = st.office_users.c
    with st.write(engine) as conn:
        row = conn.execute(sa.select(st.office_users).where(u.name == name)).first()
        if row is None:
            _hasher.hash(password)  # the same time spent as for a known name
            return _unknown_name(name, now), None
        m = row._mapping
        if m["locked_until"] and m["locked_until"] > iso(now):
            return "locked", None
        try:
            _hasher.verify(m["password_hash"], password)
        except argon2.exceptions.VerificationError:
            failed = int(m["failed"]) + 1
            locked = iso(now + timedelta(minutes=LOCK_MINUTES)) if failed >= MAX_FAILURES \
                else None
            conn.execute(st.office_users.update().where(u.name == name).values(
                failed=0 if locked else failed, locked_until=locked))
            return ("locked" if locked else "wrong"), None
        if m["disabled"]:
            return "wrong", None
        if m["totp_secret"] and not pyotp.TOTP(m["totp_secret"]).verify(totp_code.strip(),
                                                                         valid_window=1):
            return "totp", None
        conn.execute(st.office_users.update().where(u.name == name)
                     .values(failed=0, locked_until=None))
        return "ok", _user(row)


# Wrong sign-ins under names that do not exist, counted like a user's so that the 5th one
# also answers "locked" (else the answer would tell which names exist). Per process and
# bounded: a guesser who spreads over workers learns at most that much later.
_unknown: dict[str, tuple[int, datetime]] = {}


def _unknown_name(name: str, now: datetime) -> SignIn:
    count, until = _unknown.get(name, (0, now))
    if until > now:
        return "locked"
    if len(_unknown) > 10_000:
        _unknown.clear()
    count += 1
    if count >= MAX_FAILURES:
        _unknown[name] = (0, now + timedelta(minutes=LOCK_MINUTES))
        return "locked"
    _unknown[name] = (count, now)
    return "wrong"


def _digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def start_session(engine: Engine, user: User) -> tuple[str, Session]:
    """A new session: its cookie value (random, kept only as a hash here) and its CSRF token."""
    session_id, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(32), iso(utcnow())
    with st.write(engine) as conn:
        conn.execute(st.office_sessions.insert().values(
            id_hash=_digest(session_id), user_name=user.name, csrf=csrf, created_at=now,
            last_seen=now))
    return session_id, Session(user=user, csrf=csrf)


def session(engine: Engine, session_id: str, now: datetime | None = None) -> Session | None:
    """The live session of this cookie value, its last use noted; None when it is unknown,
    idle too long, too old, or its user disabled (an ended session is deleted)."""
    if not session_id:
        return None
    now = now or utcnow()
    s, u = st.office_sessions.c, st.office_users.c
    key = _digest(session_id)
    with st.read(engine) as conn:
        row = conn.execute(sa.select(st.office_users, s.csrf, s.created_at, s.last_seen)
                           .join(st.office_sessions, s.user_name == u.name)
                           .where(s.id_hash == key)).first()
    if row is None:
        return None
    m = row._mapping
    if (m["disabled"] or m["last_seen"] < iso(now - timedelta(minutes=IDLE_MINUTES))
            or m["created_at"] < iso(now - timedelta(hours=MAX_HOURS))):
        end_session(engine, session_id)
        return None
    if m["last_seen"] < iso(now - timedelta(seconds=_TOUCH_SECONDS)):
        with st.write(engine) as conn:
            conn.execute(st.office_sessions.update().where(s.id_hash == key)
                         .values(last_seen=iso(now)))
    return Session(user=_user(row), csrf=m["csrf"])


def end_session(engine: Engine, session_id: str) -> None:
    with st.write(engine) as conn:
        conn.execute(st.office_sessions.delete()
                     .where(st.office_sessions.c.id_hash == _digest(session_id)))
