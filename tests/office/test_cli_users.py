"""`helpdesk-server user …` as an operator runs it (in-process `main`), on SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk.server import storage as st
from helpdesk.server.cli import main
from helpdesk.server.office import audit, users


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("HELPDESK_OFFICE_PASSWORD", "a long password")
    return f"sqlite:///{tmp_path / 'server.db'}"


def test_add_list_disable_and_reset(db: str, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["--db", db, "user", "add", "li.na", "--role", "reviewer", "--region",
                 "4201"]) == 0
    assert "User li.na (reviewer, region 4201) added" in capsys.readouterr().out
    assert main(["--db", db, "user", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["users"]
    assert [(u["name"], u["role"], u["region"], u["disabled"]) for u in listed] == \
        [("li.na", "reviewer", "4201", False)]
    engine = st.make_engine(db)
    assert users.sign_in(engine, "li.na", "a long password")[0] == "ok"
    monkeypatch.setenv("HELPDESK_OFFICE_PASSWORD", "another long one")
    assert main(["--db", db, "user", "reset-password", "li.na"]) == 0
    assert users.sign_in(engine, "li.na", "a long password")[0] == "wrong"
    assert users.sign_in(engine, "li.na", "another long one")[0] == "ok"
    assert main(["--db", db, "user", "disable", "li.na"]) == 0
    assert users.sign_in(engine, "li.na", "another long one")[0] == "wrong"
    assert main(["--db", db, "user", "list"]) == 0
    assert "disabled" in capsys.readouterr().out.splitlines()[-1]
    assert [(e["user_name"], e["action"], e["object"]) for e in reversed(audit.page(engine))] \
        == [("cli", "user_add", "li.na"), ("cli", "user_reset_password", "li.na"),
            ("cli", "user_disable", "li.na")]
    engine.dispose()


def test_an_admin_with_totp_gets_the_secret_once(db: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "user", "add", "boss", "--role", "admin", "--totp"]) == 0
    out = capsys.readouterr().out
    assert "TOTP secret: " in out and "otpauth://totp/" in out


@pytest.mark.parametrize(("args", "says"), [
    (["add", "x", "--role", "admin", "--region", "42x"], "region must be a prefix"),
    (["add", "dup", "--role", "viewer"], "already a user named dup"),
    (["disable", "nobody"], "no user named nobody"),
    (["reset-password", "nobody"], "no user named nobody"),
])
def test_mistakes_are_one_line_and_change_nothing(db: str, args: list[str], says: str) -> None:
    main(["--db", db, "user", "add", "dup", "--role", "viewer"])
    before = users.list_(st.make_engine(db))
    with pytest.raises(SystemExit, match=says):
        main(["--db", db, "user", *args])
    assert users.list_(st.make_engine(db)) == before


def test_a_short_password_is_refused(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELPDESK_OFFICE_PASSWORD", "short")
    with pytest.raises(SystemExit, match="at least 10 characters"):
        main(["--db", db, "user", "add", "x", "--role", "viewer"])
    assert users.list_(st.make_engine(db)) == []


def test_the_password_is_asked_twice_when_not_in_the_environment(
        db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HELPDESK_OFFICE_PASSWORD")
    answers = iter(["first long password", "second long password"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(answers))
    with pytest.raises(SystemExit, match="the two passwords differ"):
        main(["--db", db, "user", "add", "x", "--role", "viewer"])
