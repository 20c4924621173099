"""Office users, sign-in and sessions in the database, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.domain.common import utcnow
from helpdesk.server import storage as st
from helpdesk.server.office import audit, users
from tests.office.conftest import PASSWORD


def test_a_user_is_stored_with_an_argon2id_hash_never_the_password(engine: Engine) -> None:
    users.add(engine, "wang", "viewer", "4201", PASSWORD)
    with st.read(engine) as conn:
        stored = conn.execute(sa.select(st.office_users.c.password_hash)
                              .where(st.office_users.c.name == "wang")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    listed = next(u for u in users.list_(engine) if u["name"] == "wang")
    assert {k: v for k, v in listed.items() if k != "created_at"} == {
        "name": "wang", "role": "viewer", "region": "4201", "disabled": False, "failed": 0,
        "locked_until": None, "totp": False}
    assert "password_hash" not in listed and "totp_secret" not in listed
    outcome, user = users.sign_in(engine, "wang", PASSWORD)
    assert outcome == "ok" and user == users.User("wang", "viewer", "4201", False, False)
    assert user.sees("420111") and not user.sees("420201") and not user.sees("110101")


@pytest.mark.parametrize(("name", "role", "region", "password", "says"), [
    ("", "admin", "", PASSWORD, "user name"),
    (" li", "admin", "", PASSWORD, "user name"),
    ("li", "boss", "", PASSWORD, "role"),
    ("li", "admin", "42a", PASSWORD, "region"),
    ("li", "admin", "4201011", PASSWORD, "region"),
    ("li", "admin", "", "short", "at least 10"),
])
def test_bad_users_are_refused_naming_the_field(engine: Engine, name: str, role: str,
                                                region: str, password: str, says: str) -> None:
    with pytest.raises(users.UserError, match=says):
        users.add(engine, name, role, region, password)
    assert not any(u["name"] == name for u in users.list_(engine))


def test_five_wrong_passwords_lock_the_account_for_a_while(engine: Engine) -> None:
    users.add(engine, "zhao", "reviewer", "", PASSWORD)
    now = utcnow()
    outcomes = [users.sign_in(engine, "zhao", "wrong password", now=now)[0] for _ in range(5)]
    assert outcomes == ["wrong"] * 4 + ["locked"]
    # Locked: even the right password is refused, until the lock has passed.
    assert users.sign_in(engine, "zhao", PASSWORD, now=now)[0] == "locked"
    later = now + timedelta(minutes=users.LOCK_MINUTES, seconds=1)
    assert users.sign_in(engine, "zhao", PASSWORD, now=later)[0] == "ok"
    # A name that does not exist answers the same way: "locked" at the 5th try.
    unknown = f"nobody-on-{engine.dialect.name}"  # the count of unknown names is per process
    assert [users.sign_in(engine, unknown, "x", now=now)[0] for _ in range(6)] == \
        ["wrong"] * 4 + ["locked", "locked"]


def test_a_reset_password_unlocks_and_ends_sessions(engine: Engine) -> None:
    users.add(engine, "qian", "viewer", "", PASSWORD)
    user = users.sign_in(engine, "qian", PASSWORD)[1]
    assert user is not None
    session_id, _ = users.start_session(engine, user)
    for _ in range(5):
        users.sign_in(engine, "qian", "nope nope nope")
    users.reset_password(engine, "qian", "a new long password")
    assert users.session(engine, session_id) is None
    assert users.sign_in(engine, "qian", "a new long password")[0] == "ok"
    with pytest.raises(users.UserError, match="no user named"):
        users.reset_password(engine, "nobody", "a new long password")


def test_sessions_end_when_idle_too_long_or_the_user_is_disabled(engine: Engine) -> None:
    users.add(engine, "sun", "admin", "42", PASSWORD)
    user = users.sign_in(engine, "sun", PASSWORD)[1]
    assert user is not None
    session_id, started = users.start_session(engine, user)
    found = users.session(engine, session_id)
    assert found == started and len(found.csrf) >= 32
    assert users.session(engine, session_id + "x") is None
    idle = utcnow() + timedelta(minutes=users.IDLE_MINUTES + 1)
    assert users.session(engine, session_id, now=idle) is None
    assert users.session(engine, session_id) is None  # ended for good
    again, _ = users.start_session(engine, user)
    users.disable(engine, "sun")
    assert users.session(engine, again) is None
    assert users.sign_in(engine, "sun", PASSWORD)[0] == "wrong"


def test_an_admin_with_totp_needs_the_current_code(engine: Engine) -> None:
    secret = users.add(engine, "zhou", "admin", "", PASSWORD, totp=True)
    assert secret
    assert users.sign_in(engine, "zhou", PASSWORD)[0] == "totp"
    assert users.sign_in(engine, "zhou", PASSWORD, "000000" if pyotp.TOTP(secret).now()
                         != "000000" else "111111")[0] == "totp"
    assert users.sign_in(engine, "zhou", PASSWORD, pyotp.TOTP(secret).now())[0] == "ok"


def test_the_audit_log_pages_newest_first(engine: Engine) -> None:
    for i in range(5):
        audit.record(engine, "test", "look", f"object {i}")
    newest = audit.page(engine, limit=2)
    assert [e["object"] for e in newest] == ["object 4", "object 3"]
    assert [e["object"] for e in audit.page(engine, before=newest[-1]["id"], limit=2)] == \
        ["object 2", "object 1"]
