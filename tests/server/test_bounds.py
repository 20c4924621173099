"""Input that used to reach SQL unbounded and fail there with a 500 is a 4xx in the one error
envelope, on both backends, and nothing is written; the transport refuses what it cannot
read as one whole JSON body, and a push's token is checked before its body is parsed."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy.engine import Engine

from helpdesk.server import accounts
from helpdesk.sync import wire
from tests.server import support

BIG = 2**63  # one past a signed 64-bit column


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = wire.ErrorEnvelope.model_validate(response.json())
    assert body.error.code == code and body.error.message and body.error.message_zh
    return body.error.model_dump()


@pytest.fixture(scope="module")
def device(client: support.Client, engine: Engine) -> support.Device:
    return support.enroll(client, engine)


def _nothing_written(engine: Engine, device: support.Device) -> None:
    assert support.count(engine, "changes", f"WHERE device_id = '{device.device_id}'") == 0


@pytest.mark.parametrize("after", [str(BIG), str(10**30), "-1", "1e3", "x"])
def test_pull_cursor_out_of_range(client: support.Client, device: support.Device,
                                  after: str) -> None:
    error = _error(client.get(f"/v1/sync/pull?after={after}", headers=device.auth), 422,
                   "invalid_request")
    assert error["details"][0]["loc"] == ["query", "after"]


def test_pull_at_the_largest_cursor(client: support.Client, device: support.Device) -> None:
    response = client.get(f"/v1/sync/pull?after={BIG - 1}&limit=1", headers=device.auth)
    assert response.status_code == 200, response.text
    assert response.json()["next_after"] == BIG - 1 and response.json()["items"] == []


@pytest.mark.parametrize(("field", "value"), [
    ("epoch", BIG), ("device_seq", BIG), ("device_seq", 0), ("device_seq", -1),
    ("entity_id", "a\x00b"), ("change_id", "a\x00b"), ("hlc", "001795000000000-0000\x00"),
    ("entity_id", "a\nb"), ("entity_id", "名字"), ("entity_id", ""), ("change_id", "x" * 65),
    ("base_change_id", "a\x00"), ("hlc", "yesterday"), ("hlc", "1795000000000-00000"),
    ("author", "v1\x00"), ("author", "x" * 65), ("fields", ["a\x00"]), ("fields", ["x" * 65]),
    ("fields", ["f"] * 201), ("entity_id", {"a": 1}), ("hlc", {"a": 1}), ("author", ["v1"]),
])
def test_change_field_out_of_bounds(client: support.Client, engine: Engine,
                                    device: support.Device, field: str, value: Any) -> None:
    body = device.push_body([device.raw_change(**{field: value})])
    if field == "epoch":
        body["epoch"] = value
    error = _error(client.post("/v1/sync/push", json=body, headers=device.auth), 422,
                   "invalid_request")
    assert field in {loc for d in error["details"] for loc in d["loc"]}
    _nothing_written(engine, device)
    device.seq = 0


@pytest.mark.parametrize(("field", "value"), [("epoch", BIG), ("device_id", "d\x00"),
                                              ("device_id", {"a": 1})])
def test_push_request_field_out_of_bounds(client: support.Client, engine: Engine,
                                          device: support.Device, field: str,
                                          value: Any) -> None:
    body = device.push_body([], **{field: value})
    _error(client.post("/v1/sync/push", json=body, headers=device.auth), 422,
           "invalid_request")
    _nothing_written(engine, device)


@pytest.mark.parametrize(("field", "value"), [
    ("epoch", BIG), ("station_id", "s\x00"), ("device_id", "d\x00"), ("code", "ABCD\x00"),
    ("device_public_key", "\x00" * 44), ("station_id", {"a": 1})])
def test_enroll_field_out_of_bounds(client: support.Client, field: str, value: Any) -> None:
    request = {"protocol": 1, "code": "ABCD-EFGH-JKLM", "station_id": "s1", "device_id": "d1",
               "epoch": 1, "device_public_key": support.public_key(), field: value}
    _error(client.post("/v1/enroll", json=request), 422, "invalid_request")


@pytest.mark.parametrize(("field", "value"), [("epoch", BIG), ("device_id", "d\x00")])
def test_device_field_out_of_bounds(client: support.Client, device: support.Device,
                                    field: str, value: Any) -> None:
    request = {"protocol": 1, "device_id": "d2", "epoch": 1,
               "device_public_key": support.public_key(), field: value}
    _error(client.post("/v1/devices", json=request, headers=device.auth), 422,
           "invalid_request")


def test_gzip_with_trailing_junk_or_cut_short(client: support.Client, engine: Engine,
                                              device: support.Device) -> None:
    headers = {**device.auth, "Content-Type": "application/json", "Content-Encoding": "gzip"}
    whole = gzip.compress(json.dumps(device.push_body([device.change()])).encode())
    for body in (whole + b"junk", whole + whole, whole[:-4]):
        _error(client.post("/v1/sync/push", content=body, headers=headers), 400, "bad_gzip")
    _nothing_written(engine, device)
    device.seq = 0


@pytest.mark.parametrize("media", ["text/plain", "application/x-www-form-urlencoded", None])
def test_a_body_that_is_not_declared_json(client: support.Client, engine: Engine,
                                          device: support.Device, media: str | None) -> None:
    before = support.count(engine, "changes")
    body = json.dumps(device.push_body([device.change()])).encode()
    headers = {**device.auth, **({"Content-Type": media} if media else {})}
    _error(client.post("/v1/sync/push", content=body, headers=headers), 415,
           "unsupported_media_type")
    enroll = json.dumps({"protocol": 1}).encode()
    _error(client.post("/v1/enroll", content=enroll, headers={"Content-Type": "text/plain"}),
           415, "unsupported_media_type")
    assert support.count(engine, "changes") == before
    ok = client.post("/v1/sync/push", content=body, headers={
        **device.auth, "Content-Type": "application/json; charset=utf-8"})
    assert ok.status_code == 200, ok.text


def test_a_strangers_push_is_refused_before_its_body_is_parsed(
        client: support.Client, engine: Engine, device: support.Device,
        monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[bytes] = []
    real = wire.PushRequest.model_validate_json

    def counting(data: Any, *args: Any, **kwargs: Any) -> wire.PushRequest:
        parsed.append(data)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(wire.PushRequest, "model_validate_json", counting)
    body = device.push_body([device.change()])
    _error(client.post("/v1/sync/push", json=body, headers={"Authorization": "Bearer nope"}),
           401, "bad_token")
    _error(client.post("/v1/sync/push", content=b"{not json",
                       headers={"Authorization": "Bearer nope",
                                "Content-Type": "application/json"}), 401, "bad_token")
    assert parsed == []
    assert client.post("/v1/sync/push", json=body, headers=device.auth).status_code == 200
    assert len(parsed) == 1


def test_a_revoked_token_is_refused_at_once(app: FastAPI, client: support.Client,
                                            engine: Engine) -> None:
    """A token seen valid is remembered only to let a body be parsed: once revoked, the
    push's own transaction refuses it, and the next push is refused before parsing."""
    other = support.enroll(client, engine, name="撤销站点")
    assert support.push(client, other, [other.change()])["answers"][0]["status"] == "accepted"
    assert other.token in app.state.known_tokens
    assert accounts.revoke_station(engine, other.station_code)
    body = other.push_body([other.change()])
    for _ in range(2):
        _error(client.post("/v1/sync/push", json=body, headers=other.auth), 401, "bad_token")
        assert other.token not in app.state.known_tokens
    _error(client.get("/v1/sync/pull", headers=other.auth), 401, "bad_token")


def test_every_error_status_is_documented(client: support.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    expected = {("/v1/sync/push", "post"): {400, 401, 403, 409, 413, 415, 422},
                ("/v1/sync/pull", "get"): {401, 422},
                ("/v1/enroll", "post"): {400, 403, 409, 413, 415, 422},
                ("/v1/devices", "post"): {400, 401, 403, 409, 413, 415, 422},
                ("/v1/receipts/verify", "post"): {400, 401, 413, 415, 422}}
    for (path, method), statuses in expected.items():
        responses = paths[path][method]["responses"]
        assert {int(s) for s in responses if s.startswith("4")} == statuses, path
        for status in statuses:
            schema = responses[str(status)]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}
