"""Enrollment: one-time codes that expire, hashed tokens, revocation, the server key."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.domain.common import iso, new_id
from helpdesk.server import accounts
from helpdesk.server import storage as st
from tests.server import support


def _enroll_body(code: str, **overrides: object) -> dict[str, object]:
    body: dict[str, object] = {"protocol": 1, "code": code, "station_id": new_id(),
                               "device_id": new_id(), "epoch": 1,
                               "device_public_key": support.public_key()}
    body.update(overrides)
    return body


def test_enroll_gives_token_station_code_and_server_key(client: support.Client,
                                                          engine: Engine) -> None:
    station_code, code = accounts.add_station(engine, "珞南街道帮扶站", "420111")
    response = client.post("/v1/enroll", json=_enroll_body(code.lower()))  # typed loosely
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["station_code"] == station_code
    assert body["station_name"] == "珞南街道帮扶站" and body["region"] == "420111"
    assert len(base64.b64decode(body["server_public_key"])) == 32
    assert body["server_public_key"] == accounts.ensure_server_key(engine)
    with engine.connect() as conn:  # only the hash is kept
        stored = conn.execute(sa.select(st.devices.c.token_hash).where(
            st.devices.c.station_code == station_code)).scalar_one()
    assert stored == accounts.digest(body["token"]) and body["token"] not in stored


def test_code_is_one_time(client: support.Client, engine: Engine) -> None:
    _, code = accounts.add_station(engine, "一号站点", "420111")
    assert client.post("/v1/enroll", json=_enroll_body(code)).status_code == 200
    again = client.post("/v1/enroll", json=_enroll_body(code))
    assert again.status_code == 403
    assert again.json()["error"]["code"] == "enrollment_refused"


def test_expired_and_unknown_codes_are_refused(client: support.Client, engine: Engine) -> None:
    station_code, code = accounts.add_station(engine, "二号站点", "420111")
    with st.write(engine) as conn:
        conn.execute(st.enrollment_codes.update()
                     .where(st.enrollment_codes.c.station_code == station_code)
                     .values(expires_at=iso(datetime.now(UTC) - timedelta(minutes=1))))
    expired = client.post("/v1/enroll", json=_enroll_body(code))
    assert expired.status_code == 403
    assert expired.json()["error"]["code"] == "enrollment_expired"
    unknown = client.post("/v1/enroll", json=_enroll_body("AAAA-BBBB-CCCC"))
    assert unknown.json()["error"]["code"] == "enrollment_refused"
    assert support.count(engine, "devices", f"WHERE station_code = '{station_code}'") == 0


def test_bad_public_key_is_refused_and_code_not_spent(client: support.Client,
                                                      engine: Engine) -> None:
    _, code = accounts.add_station(engine, "三号站点", "420111")
    bad = client.post("/v1/enroll", json=_enroll_body(code, device_public_key="A" * 44))
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "bad_public_key"
    assert client.post("/v1/enroll", json=_enroll_body(code)).status_code == 200


def test_revoked_station_token_is_refused(client: support.Client, engine: Engine) -> None:
    device = support.enroll(client, engine)
    assert client.get("/v1/sync/pull", headers=device.auth).status_code == 200
    assert accounts.revoke_station(engine, device.station_code)
    refused = client.get("/v1/sync/pull", headers=device.auth)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "bad_token"
    pushed = client.post("/v1/sync/push", json=device.push_body([device.change()]),
                         headers=device.auth)
    assert pushed.status_code == 401
    assert support.count(engine, "changes", f"WHERE device_id = '{device.device_id}'") == 0


def test_missing_or_wrong_token(client: support.Client) -> None:
    assert client.get("/v1/sync/pull").json()["error"]["code"] == "no_token"
    wrong = client.get("/v1/sync/pull", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "bad_token"


def test_server_key_is_made_once(engine: Engine) -> None:
    first = accounts.ensure_server_key(engine)
    assert accounts.ensure_server_key(engine) == first
    signature = accounts.server_private_key(engine).sign(b"x")
    assert len(signature) == 64
