"""The review queue page (/office/review) through the app, on SQLite and PostgreSQL: one open
alert at a time with "i of N" and both aids, reviewers and admins only, nothing outside the
user's region, a CSRF token on every decision, the reason named next to its field in the
user's language when missing, and a decided alert showing its decision."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy.engine import Engine

from helpdesk.server import review_queue
from helpdesk.server import storage as st
from helpdesk.server.office import audit
from tests.office.conftest import client_of, csrf_of, ensure_user, sign_in
from tests.server import office_support as office
from tests.server import support


@pytest.fixture(scope="module")
def data(app: FastAPI, engine: Engine) -> Iterator[dict[str, Any]]:
    for name, role, region in (("rev", "reviewer", "4201"), ("rev-hs", "reviewer", "4202"),
                               ("boss", "admin", ""), ("look", "viewer", "4201")):
        ensure_user(engine, name, role, region)
    for client in client_of(app):
        found = office.populate(client, engine)
        a, b = found["a"], found["b"]
        fa2 = a.family(office.number(601), name="钱二")
        fb2 = b.family(office.number(601), name="钱贰")
        support.push(client, a, [fa2, a.aid(600, family_id=fa2.entity_id,
                                                programme_id="ZX-27")])
        second = b.aid(600, family_id=fb2.entity_id, programme_id="ZX-27")
        support.push(client, b, [fb2, second])
        yield {**found, "second": second}


def _open(engine: Engine) -> int:
    with st.read(engine) as conn:
        return review_queue.open_count(conn, "4201")


def test_only_reviewers_and_admins_see_the_queue(client: support.Client,
                                                 data: dict[str, Any]) -> None:
    sign_in(client, "look")
    page = client.get("/office/review")
    assert page.status_code == 403 and 'data-testid="error-403"' in page.text
    assert 'href="/office/review"' not in client.get("/office/").text  # no nav entry
    sign_in(client, "boss")
    page = client.get("/office/review")
    assert page.status_code == 200 and 'href="/office/review"' in page.text
    assert re.search(r'data-testid="progress">第 1 条，共 2 条<', page.text)
    # The overview's open-alerts figure leads a reviewer to the queue.
    assert re.search(r'<a [^>]*href="/office/review" data-testid="open-alerts">2<',
                     client.get("/office/").text)


def test_one_alert_at_a_time_with_both_aids_and_next_previous(
        client: support.Client, data: dict[str, Any]) -> None:
    a, b = data["a"], data["b"]
    sign_in(client, "rev")
    first = client.get("/office/review").text
    assert 'data-testid="previous"' not in first and 'href="/office/review?i=2"' in first
    assert first.count('data-testid="side"') == 3  # b's aid, and a's two of the programme
    assert "洪山站点" in first and "关山站点" in first and "100.00" in first
    assert "身份证号相同、姓名相同" in first
    assert f'action="/office/review/{b.station_code}/{data["dup"].entity_id}"' in first
    second = client.get("/office/review?i=2").text
    assert re.search(r'data-testid="progress">第 2 条，共 2 条<', second)
    assert 'href="/office/review?i=1"' in second and 'data-testid="next"' not in second
    assert "钱贰" not in second and a.station_code in second  # names stay off the page
    assert "身份证号相同<" in second  # 钱二 and 钱贰: only the ID
    assert 'data-testid="progress">第 2 条' in client.get("/office/review?i=9").text


def test_outside_the_region_nothing_is_found(client: support.Client,
                                             data: dict[str, Any], engine: Engine) -> None:
    b, dup = data["b"], data["dup"]
    sign_in(client, "rev-hs")  # Huangshi: the Wuhan alerts are not there
    page = client.get("/office/review")
    assert 'data-testid="queue-empty"' in page.text
    path = f"/office/review/{b.station_code}/{dup.entity_id}"
    assert client.get(path).status_code == 404
    token = csrf_of(page.text)
    refused = client.post(path, data={"csrf_token": token, "decision": "allowed",
                                      "reason": "外地"})
    assert refused.status_code == 404 and _open(engine) == 2


def test_a_decision_needs_the_csrf_token_and_a_reason(
        client: support.Client, data: dict[str, Any], engine: Engine) -> None:
    b, dup = data["b"], data["dup"]
    sign_in(client, "rev")
    path = f"/office/review/{b.station_code}/{dup.entity_id}"
    token = csrf_of(client.get("/office/review").text)
    assert client.post(path, data={"decision": "allowed", "reason": "x"}).status_code == 403
    assert client.post(path, data={"csrf_token": "forged", "decision": "allowed",
                                   "reason": "x"}).status_code == 403
    missing = client.post(path, data={"csrf_token": token, "decision": "allowed",
                                      "reason": "  ", "position": "1"})
    assert missing.status_code == 422
    assert re.search(r'data-testid="error-reason">原因：请写明允许再次发放的原因<', missing.text)
    assert 'data-testid="progress">第 1 条，共 2 条' in missing.text  # still in its place
    none = client.post(path, data={"csrf_token": token, "reason": "x"})
    assert none.status_code == 422 and 'data-testid="error-decision"' in none.text
    client.cookies.set("office_lang", "en")
    english = client.post(path, data={"csrf_token": token, "decision": "allowed"})
    assert "reason: say why the second aid is allowed" in english.text
    assert 'data-testid="progress">1 of 2' in english.text
    client.cookies.delete("office_lang")
    assert _open(engine) == 2  # nothing was recorded


def test_a_decided_alert_shows_its_decision_and_leaves_the_queue(
        client: support.Client, data: dict[str, Any], engine: Engine) -> None:
    second = data["second"]
    b = data["b"]
    sign_in(client, "rev")
    path = f"/office/review/{b.station_code}/{second.entity_id}"
    token = csrf_of(client.get("/office/review?i=2").text)
    done = client.post(path, data={"csrf_token": token, "decision": "ask_void",
                                   "reason": "同一家庭重复领取", "position": "2"},
                       follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == path
    shown = client.get(path).text
    assert 'data-decision="ask_void"' in shown and "同一家庭重复领取" in shown
    assert "已请站点作废" in shown and 'name="decision"' not in shown
    assert _open(engine) == 1
    assert 'data-testid="progress">第 1 条，共 1 条' in client.get("/office/review").text
    again = client.post(path, data={"csrf_token": token, "decision": "allowed",
                                    "reason": "改主意"})
    assert again.status_code == 409 and "这条提醒已经处理过了" in again.text
    with st.read(engine) as conn:
        decided = review_queue.get(conn, "4201", b.station_code, second.entity_id)
    assert decided is not None and decided["decision"]["decided_by"] == "rev"
    entries = [e for e in audit.page(engine) if e["action"] == "review_ask_void"]
    assert [(e["user_name"], e["object"], e["details"]) for e in entries] == [
        ("rev", f"{b.station_code}/{second.entity_id}", "同一家庭重复领取")]
