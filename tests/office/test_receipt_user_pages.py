"""The receipt check and the users page's actions through the app (TestClient), on SQLite
and PostgreSQL: a pasted or photographed receipt code is valid, voided, altered or of another
region as the sync API says; admins add, disable and reset users within their region."""

from __future__ import annotations

import io
import re

import pytest
import segno
from sqlalchemy.engine import Engine

from helpdesk.server.office import users
from tests.office.conftest import PASSWORD, csrf_of, ensure_user, sign_in
from tests.server import support


@pytest.fixture(scope="module", autouse=True)
def people(engine: Engine) -> None:
    ensure_user(engine, "admin", "admin")
    ensure_user(engine, "admin-wh", "admin", "4201")
    ensure_user(engine, "viewer", "viewer", "4201")
    ensure_user(engine, "reviewer-yc", "reviewer", "4205")


def _check(client: support.Client, text: str = "", photo: bytes | None = None) -> object:
    token = csrf_of(client.get("/office/receipts").text)
    files = {"photo": ("receipt.png", photo, "image/png")} if photo is not None else None
    return client.post("/office/receipts", data={"csrf_token": token, "text": text},
                       files=files)


def _verdict(html: str) -> str:
    found = re.search(r'data-testid="verdict" data-reason="([a-z_]+)"', html)
    assert found, html
    return found.group(1)


def _png(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=5, border=4)
    return out.getvalue()


def test_a_receipt_is_valid_voided_or_altered_as_the_sync_api_says(
        client: support.Client, engine: Engine) -> None:
    station = support.signer(client, engine, "420111", "查验页面站点")
    good, gone = station.device.aid(80_00), station.device.aid(30_00)
    void = station.device.change("aid", {**gone.state,
                                         "voided_at": "2026-11-21T00:00:00.000000Z",
                                         "void_reason": "wrong", "voided_by": "v1"},
                                 op="void", entity_id=gone.entity_id)
    support.push(client, station.device, [good, gone, void])
    sign_in(client, "viewer")
    valid = _check(client, station.code(good))
    assert valid.status_code == 200 and _verdict(valid.text) == "valid"
    assert "有效" in valid.text and "80.00" in valid.text and good.state["receipt_no"] in valid.text
    assert _verdict(_check(client, station.code(gone)).text) == "voided"
    parts = station.code(good).split(".")
    parts[4] = "800000"
    altered = _check(client, ".".join(parts))
    assert _verdict(altered.text) == "bad_signature" and "金额" in altered.text
    assert _verdict(_check(client, "not a receipt").text) == "bad_format"
    assert _verdict(_check(client, "HD1." + "A" * 3000).text) == "bad_format"
    # The photo of the code reads the same.
    assert _verdict(_check(client, photo=_png(station.code(good))).text) == "valid"
    sign_in(client, "reviewer-yc")  # Yichang's reviewer: a Wuhan receipt is another region's
    other = _check(client, station.code(good))
    assert _verdict(other.text) == "other_region" and "80.00" not in other.text
    assert "receipt_check" in (sign_in(client, "admin"), client.get("/office/audit").text)[1]


@pytest.mark.parametrize(("text", "photo", "says"), [
    ("", None, "请粘贴二维码文字或选择照片"),
    ("", b"not a picture at all", "这个文件不是图片"),
    ("", "blank", "照片中没有找到二维码"),
])
def test_an_unreadable_receipt_says_why(client: support.Client, text: str,
                                         photo: bytes | str | None, says: str) -> None:
    if photo == "blank":
        out = io.BytesIO()
        segno.make("x").save(out, kind="png", scale=1, border=0, dark="white")
        photo = out.getvalue()
    sign_in(client, "viewer")
    answer = _check(client, text, photo if isinstance(photo, bytes) else None)
    assert answer.status_code == 422 and says in answer.text
    assert 'data-testid="verdict"' not in answer.text


def test_an_admin_adds_disables_and_resets_users_on_the_page(
        client: support.Client, engine: Engine) -> None:
    name = f"clerk-{engine.dialect.name}"
    sign_in(client, "admin-wh")
    token = csrf_of(client.get("/office/users").text)
    short = client.post("/office/users", data={"csrf_token": token, "name": name,
                                               "role": "viewer", "region": "420111",
                                               "password": "short"})
    assert short.status_code == 422
    assert re.search(r'data-testid="error-password">密码至少 10 个字符<', short.text)
    outside = client.post("/office/users", data={"csrf_token": token, "name": name,
                                                 "role": "viewer", "region": "4205",
                                                 "password": PASSWORD})
    assert outside.status_code == 422 and "须在您自己的管辖范围内" in outside.text
    assert not any(u["name"] == name for u in users.list_(engine))
    added = client.post("/office/users", data={"csrf_token": token, "name": name,
                                               "role": "viewer", "region": "420111",
                                               "password": PASSWORD}, follow_redirects=False)
    assert added.status_code == 303
    assert f'data-testid="user-{name}"' in client.get(added.headers["location"]).text

    other = client.__class__(client.app)  # the new clerk, in a browser of their own
    assert sign_in(other, name).status_code == 303
    changed = client.post(f"/office/users/{name}/password",
                          data={"csrf_token": token, "password": "another horse 2"},
                          follow_redirects=False)
    assert changed.status_code == 303
    assert other.get("/office/", follow_redirects=False).status_code == 303  # signed out
    assert sign_in(other, name, "another horse 2").status_code == 303
    assert client.get(f"/office/users/{name}/disable").status_code == 200
    assert client.post(f"/office/users/{name}/disable", data={"csrf_token": token},
                       follow_redirects=False).status_code == 303
    assert sign_in(other, name, "another horse 2").status_code == 401
    log = client.get("/office/audit").text
    assert all(a in log for a in ("user_add", "user_reset_password", "user_disable"))


def test_admins_act_only_on_users_of_their_region_and_never_disable_themselves(
        client: support.Client) -> None:
    sign_in(client, "admin-wh")
    token = csrf_of(client.get("/office/users").text)
    page = client.get("/office/users").text
    assert "reviewer-yc" not in page and 'data-testid="user-viewer"' in page
    assert client.get("/office/users/reviewer-yc/password").status_code == 404
    assert client.post("/office/users/reviewer-yc/disable",
                       data={"csrf_token": token}).status_code == 404
    assert client.post("/office/users/admin-wh/disable",
                       data={"csrf_token": token}).status_code == 403
    sign_in(client, "viewer")
    token = csrf_of(client.get("/office/").text)
    assert client.post("/office/users", data={"csrf_token": token, "name": "x",
                                              "role": "admin", "region": "",
                                              "password": PASSWORD}).status_code == 403
    assert client.get("/office/receipts").status_code == 200  # every role checks receipts
