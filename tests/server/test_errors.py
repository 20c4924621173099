"""Bad input: one clear error envelope for every failure, and nothing written."""

from __future__ import annotations

import gzip
import json

import pytest
from sqlalchemy.engine import Engine

from helpdesk.sync import wire
from tests.server import support


def _error(response: object, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    body = wire.ErrorEnvelope.model_validate(response.json())  # type: ignore[attr-defined]
    assert body.error.code == code and body.error.message and body.error.message_zh
    return body.error.model_dump()


@pytest.fixture(scope="module")
def device(client: support.Client, engine: Engine) -> support.Device:
    return support.enroll(client, engine)


def _nothing_written(engine: Engine, device: support.Device) -> None:
    assert support.count(engine, "changes", f"WHERE device_id = '{device.device_id}'") == 0


def test_malformed_json(client: support.Client, engine: Engine, device: support.Device) -> None:
    response = client.post("/v1/sync/push", content=b'{"protocol": 1, "changes": [',
                           headers={**device.auth, "Content-Type": "application/json"})
    _error(response, 400, "malformed_json")
    _nothing_written(engine, device)


def test_wrong_protocol_version(client: support.Client, engine: Engine,
                                device: support.Device) -> None:
    body = device.push_body([device.change()], protocol=2)
    _error(client.post("/v1/sync/push", json=body, headers=device.auth), 400,
           "unsupported_protocol")
    _nothing_written(engine, device)


def test_oversized_batch(client: support.Client, engine: Engine, device: support.Device) -> None:
    changes = [device.change() for _ in range(wire.MAX_BATCH + 1)]
    response = client.post("/v1/sync/push", json=device.push_body(changes), headers=device.auth)
    _error(response, 413, "batch_too_large")
    _nothing_written(engine, device)
    device.seq = 0


def test_unknown_field_and_foreign_change(client: support.Client, engine: Engine,
                                          device: support.Device) -> None:
    body = device.push_body([device.change()], sneaky=True)
    _error(client.post("/v1/sync/push", json=body, headers=device.auth), 422, "invalid_request")
    other = support.Device(token="", station_id="", station_code="", region="",
                           device_id="someone-else")
    mixed = device.push_body([device.change(), other.change()])
    _error(client.post("/v1/sync/push", json=mixed, headers=device.auth), 422,
           "invalid_request")
    long_id = device.push_body([device.raw_change(entity_id="x" * 65)])
    _error(client.post("/v1/sync/push", json=long_id, headers=device.auth), 422,
           "invalid_request")
    _nothing_written(engine, device)
    device.seq = 0


def test_body_over_the_limit_plain_and_gzip(client: support.Client, engine: Engine,
                                            device: support.Device) -> None:
    huge = b"{" + b" " * wire.MAX_BODY_BYTES + b"}"
    _error(client.post("/v1/sync/push", content=huge,
                       headers={**device.auth, "Content-Type": "application/json"}),
           413, "body_too_large")
    bomb = gzip.compress(huge)  # small on the wire, too large once inflated
    assert len(bomb) < 100_000
    _error(client.post("/v1/sync/push", content=bomb,
                       headers={**device.auth, "Content-Type": "application/json",
                                "Content-Encoding": "gzip"}), 413, "body_too_large")
    _nothing_written(engine, device)


def test_gzip_body_is_accepted_and_bad_gzip_refused(client: support.Client, engine: Engine,
                                                    device: support.Device) -> None:
    headers = {**device.auth, "Content-Type": "application/json", "Content-Encoding": "gzip"}
    _error(client.post("/v1/sync/push", content=b"not gzip", headers=headers), 400, "bad_gzip")
    _error(client.post("/v1/sync/push", content=b"{}", headers={**headers,
           "Content-Encoding": "br"}), 415, "unsupported_encoding")
    _nothing_written(engine, device)
    change = device.change()
    body = gzip.compress(json.dumps(device.push_body([change])).encode())
    response = client.post("/v1/sync/push", content=body, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["answers"][0]["status"] == "accepted"


def test_not_found_method_and_query_errors(client: support.Client,
                                           device: support.Device) -> None:
    _error(client.get("/v1/nothing-here"), 404, "not_found")
    _error(client.get("/v1/sync/push", headers=device.auth), 405, "method_not_allowed")
    _error(client.get("/v1/sync/pull?after=-1", headers=device.auth), 422, "invalid_request")


def test_openapi_document_lists_the_api(client: support.Client) -> None:
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    assert {"/v1/enroll", "/v1/devices", "/v1/sync/push", "/v1/sync/pull",
            "/v1/health"} <= set(paths)
    # The push body is read from bytes by the route, so its schema is given by hand: whole,
    # with no reference left pointing nowhere.
    body = paths["/v1/sync/push"]["post"]["requestBody"]["content"]["application/json"]
    change = body["schema"]["properties"]["changes"]["items"]
    assert {"protocol", "device_id", "epoch", "changes"} <= set(body["schema"]["required"])
    assert {"change_id", "device_seq", "state", "hlc"} <= set(change["properties"])
    assert "$ref" not in str(body)
    assert paths["/v1/sync/push"]["post"]["security"] == paths["/v1/sync/pull"]["get"]["security"]


def test_an_unexpected_failure_is_an_envelope_too(app: object, device: support.Device,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import warnings

    from helpdesk.server import feed

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(feed, "page", broken)
    quiet = TestClient(app, raise_server_exceptions=False)  # type: ignore[arg-type]
    error = _error(quiet.get("/v1/sync/pull", headers=device.auth), 500, "internal_error")
    assert "disk on fire" not in str(error)  # no internals leak to the client
