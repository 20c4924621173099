"""The console's pages through the app (TestClient): sign-in, CSRF, roles, region scope,
security headers, language; on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.engine import Engine

from helpdesk.domain.money import format_fen
from helpdesk.server import report
from helpdesk.server.office import users, web
from tests.office.conftest import PASSWORD, csrf_of, ensure_user, sign_in
from tests.server import support


@pytest.fixture(scope="module", autouse=True)
def people(engine: Engine) -> None:
    ensure_user(engine, "admin", "admin")
    ensure_user(engine, "viewer", "viewer", "4201")
    ensure_user(engine, "reviewer", "reviewer", "4202")


def test_pages_need_a_sign_in_and_send_the_browser_there(client: support.Client) -> None:
    for path in ("/office/", "/office/audit", "/office/users"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/office/login?next={path.replace('/', '%2F')}" \
            or answer.headers["location"] == f"/office/login?next={path}"


def test_signing_in_sets_a_strict_httponly_session_cookie(client: support.Client) -> None:
    answer = sign_in(client, "admin")
    assert answer.status_code == 303 and answer.headers["location"] == "/office/"
    cookie = next(c for c in answer.headers.get_list("set-cookie")
                  if c.startswith("office_session="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/office" in cookie
    assert "Secure" not in cookie  # plain http here; under https it is (test_browser)
    assert client.get("/office/").status_code == 200


def test_every_office_response_has_the_security_headers(client: support.Client) -> None:
    sign_in(client, "admin")
    for path in ("/office/", "/office/login", "/office/audit", "/office/nowhere",
                 "/office/static/office.css", "/office/static/vendor/htmx/htmx.min.js"):
        headers = client.get(path, follow_redirects=False).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
    assert "content-security-policy" not in client.get("/v1/health").headers


def test_no_page_has_an_inline_script_or_style(client: support.Client) -> None:
    pages = ("/office/audit", "/office/users", "/office/stations", "/office/stations/new",
             "/office/ledger",
             "/office/programmes", "/office/programmes/new", "/office/receipts")
    for page in (client.get("/office/login").text,
                 (sign_in(client, "admin"), client.get("/office/").text)[1],
                 *(client.get(path).text for path in pages)):
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
        assert not re.search(r"\son\w+=|\sstyle=|<style", page)
        assert "http://" not in page and "https://" not in page  # no CDN, no other site


def test_a_post_without_the_csrf_token_is_refused(client: support.Client) -> None:
    sign_in(client, "admin")
    assert client.post("/office/logout").status_code == 403
    assert client.post("/office/logout", data={"csrf_token": "forged"}).status_code == 403
    assert client.get("/office/").status_code == 200  # still signed in
    token = csrf_of(client.get("/office/").text)
    assert client.post("/office/logout", headers={"X-CSRF-Token": token},
                       follow_redirects=False).status_code == 303  # htmx's way
    assert client.get("/office/", follow_redirects=False).status_code == 303


def test_the_sign_in_form_needs_its_own_token(client: support.Client) -> None:
    refused = client.post("/office/login", data={"username": "admin", "password": PASSWORD})
    assert refused.status_code == 403


def test_a_viewer_cannot_open_admin_pages(client: support.Client) -> None:
    sign_in(client, "viewer")
    assert client.get("/office/").status_code == 200
    for path in ("/office/audit", "/office/users"):
        answer = client.get(path)
        assert answer.status_code == 403 and 'data-testid="error-403"' in answer.text
    assert "/office/audit" not in client.get("/office/").text  # not offered either


def test_wrong_passwords_say_so_without_telling_whether_the_name_exists(
        client: support.Client, engine: Engine) -> None:
    ensure_user(engine, "locked-out", "viewer")
    unknown = f"no-such-user-{engine.dialect.name}"
    for name in ("locked-out", unknown):
        answers = [sign_in(client, name, "wrong password") for _ in range(5)]
        assert [a.status_code for a in answers] == [401] * 4 + [429]
        locked = sign_in(client, name, "wrong password" if name == unknown else PASSWORD)
        assert locked.status_code == 429 and "已锁定 15 分钟" in locked.text
    users.reset_password(engine, "locked-out", PASSWORD)
    assert sign_in(client, "locked-out").status_code == 303


def test_the_overview_shows_the_reports_figures_in_the_users_scope(
        client: support.Client, engine: Engine) -> None:
    wuhan = support.enroll(client, engine, "420111", "关山街道帮扶站")
    yichang = support.enroll(client, engine, "420502", "西陵区帮扶站")
    support.push(client, wuhan, [wuhan.aid(5_000_00, day="2026-11-03"),
                                 wuhan.aid(1_234_56, day="2026-12-01"),
                                 wuhan.aid(99_00, voided=True)])
    support.push(client, yichang, [yichang.aid(300_00, day="2026-12-02")])
    every = report.totals(engine)
    sign_in(client, "admin")
    page = client.get("/office/").text
    assert f'data-testid="aid-count">{every["aid_count"]:,}<' in page
    assert f'data-testid="aid-total">{format_fen(every["total_fen"])}<' in page
    sign_in(client, "viewer")  # region 4201: Wuhan's station only
    page = client.get("/office/").text
    assert 'data-testid="aid-count">2<' in page
    assert 'data-testid="aid-total">6,234.56<' in page
    assert "西陵区" not in page and "洪山区" in page  # by region: Wuhan's district only


def test_the_language_switch_keeps_the_page_and_only_goes_within_the_console(
        client: support.Client) -> None:
    sign_in(client, "admin")
    assert "总览" in client.get("/office/").text
    english = client.get("/office/lang/en?next=/office/audit")
    assert english.url.path == "/office/audit" and "Audit log" in english.text
    assert "Overview" in client.get("/office/").text
    away = client.get("/office/lang/zh_CN?next=//evil.example/", follow_redirects=False)
    assert away.headers["location"] == "/office/"
    assert "总览" in client.get("/office/").text


def test_signing_in_goes_back_only_to_console_pages(client: support.Client) -> None:
    page = client.get("/office/login?next=https://evil.example/")
    assert 'name="next" value="/office/"' in page.text


def test_office_actions_are_in_the_audit_log(client: support.Client) -> None:
    sign_in(client, "admin")
    log = client.get("/office/audit").text
    assert "sign_in" in log and "sign_in_wrong" in log


def test_under_https_the_session_cookie_is_secure(app: object) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    with TestClient(app, base_url="https://testserver") as secure:  # type: ignore[arg-type]
        answer = sign_in(secure, "admin")
    cookie = next(c for c in answer.headers.get_list("set-cookie")
                  if c.startswith("office_session="))
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_an_unknown_console_address_is_the_consoles_own_404(client: support.Client) -> None:
    sign_in(client, "admin")
    answer = client.get("/office/no/such/page")
    assert answer.status_code == 404 and 'data-testid="error-404"' in answer.text
    assert client.get("/office/static/vendor/htmx/htmx.min.js").status_code == 200
    assert client.get("/v1/nowhere").headers["content-type"].startswith("application/json")


def test_an_object_outside_the_users_region_is_not_found() -> None:
    viewer = users.Session(users.User("v", "viewer", "4201", False, False), csrf="x")
    web.in_scope(viewer, "420111")  # inside: no error
    with pytest.raises(web.Denied) as outside:
        web.in_scope(viewer, "420502")
    assert outside.value.status == 404


def test_times_are_shown_on_the_offices_clock() -> None:
    assert web.office_time("2026-12-05T14:18:44.123456Z") == "2026-12-05 22:18"
    assert web.office_time("2026-12-31T20:00:05.000000Z", seconds=True) == \
        "2027-01-01 04:00:05"
    assert web.office_time("not a time") == "not a time"
