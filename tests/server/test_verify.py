"""POST /v1/receipts/verify: a receipt code checked against the server's device keys and the
aid it stored — genuine, voided, altered, forged with the right key, revoked, malformed."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.engine import Engine

from helpdesk.domain import receipt_code
from helpdesk.domain.common import new_id
from helpdesk.server import accounts
from tests.server import support


@dataclass
class Signer:
    """An enrolled device whose private key the test holds, so it can print receipts."""

    device: support.Device
    private: bytes
    key_id: str

    def code(self, aid: Any, **changed: Any) -> str:
        """The receipt code of a pushed aid change, optionally with other (signed) contents."""
        state = aid.state
        fields = {"receipt_no": state["receipt_no"],
                  "local_date": date.fromisoformat(state["local_date"]), "kind": state["kind"],
                  "amount_fen": state["amount_fen"], "lines": 0, "aid_id": aid.entity_id,
                  "station_id": self.device.station_id, "key_id": self.key_id, **changed}
        return receipt_code.sign(receipt_code.Payload(**fields), self.private)


def _signer(client: support.Client, engine: Engine, region: str = "420111",
            name: str = "凭证站点") -> Signer:
    private, public = receipt_code.new_key()
    _code, enrollment = accounts.add_station(engine, name, region)
    station_id, device_id = new_id(), new_id()
    response = client.post("/v1/enroll", json={
        "protocol": 1, "code": enrollment, "station_id": station_id, "device_id": device_id,
        "epoch": 1, "device_public_key": base64.b64encode(public).decode()})
    assert response.status_code == 200, response.text
    body = response.json()
    device = support.Device(token=body["token"], station_id=station_id,
                            station_code=body["station_code"], region=body["region"],
                            device_id=device_id)
    return Signer(device, private, receipt_code.key_id_of(public))


def _verify(client: support.Client, device: support.Device, payload: str) -> dict[str, Any]:
    response = client.post("/v1/receipts/verify", headers=device.auth,
                           json={"protocol": 1, "payload": payload})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_a_genuine_receipt_is_valid_and_echoes_its_fields(client: support.Client,
                                                          engine: Engine) -> None:
    station = _signer(client, engine)
    checker = support.enroll(client, engine, name="查验站点")
    aid = station.device.aid(50_000)
    support.push(client, station.device, [aid])
    code = station.code(aid)
    result = _verify(client, checker, receipt_code.grouped(code).lower())
    assert result["valid"] and result["reason"] == "" and not result["voided"]
    assert result["recorded"] and result["altered"] == []
    assert (result["amount_fen"], result["aid_id"], result["station_code"]) == (
        50_000, aid.entity_id, station.device.station_code)
    assert result["receipt_no"] == aid.state["receipt_no"] and result["kind"] == "cash"


def test_an_altered_amount_is_named(client: support.Client, engine: Engine) -> None:
    station = _signer(client, engine)
    aid = station.device.aid(50_000)
    support.push(client, station.device, [aid])
    parts = station.code(aid).split(".")
    parts[4] = "500000"  # 500.00 yuan became 5,000.00 on the printed text
    result = _verify(client, station.device, ".".join(parts))
    assert not result["valid"] and result["reason"] == "bad_signature"
    assert result["altered"] == ["amount_fen"] and "amount_fen" in result["message"]
    assert "金额" in result["message_zh"]
    # Signed with the device's own key, but not what the server recorded: a forgery.
    forged = _verify(client, station.device, station.code(aid, amount_fen=500_000))
    assert forged["reason"] == "mismatch" and forged["altered"] == ["amount_fen"]


def test_a_voided_aid_is_not_valid(client: support.Client, engine: Engine) -> None:
    station = _signer(client, engine)
    aid = station.device.aid(30_000)
    void = station.device.change("aid", {**aid.state, "voided_at": "2026-11-21T00:00:00.000000Z",
                                         "void_reason": "wrong", "voided_by": "v1"},
                                 op="void", entity_id=aid.entity_id)
    support.push(client, station.device, [aid, void])
    result = _verify(client, station.device, station.code(aid))
    assert result["voided"] and not result["valid"] and result["reason"] == "voided"


def test_a_revoked_key_vouches_only_for_what_came_before(client: support.Client,
                                                         engine: Engine) -> None:
    station = _signer(client, engine, name="丢了电脑的站点")
    checker = support.enroll(client, engine, name="邻居查验站点")
    before = station.device.aid(10_000)
    support.push(client, station.device, [before])
    unknown = station.device.aid(20_000)  # signed, never reached the server
    assert _verify(client, checker, station.code(unknown))["valid"]
    assert accounts.revoke_station(engine, station.device.station_code)
    assert _verify(client, checker, station.code(before))["valid"]
    after = _verify(client, checker, station.code(unknown))
    assert not after["valid"] and after["reason"] == "revoked_key" and not after["recorded"]


def test_unknown_keys_other_regions_and_bad_codes(client: support.Client,
                                                  engine: Engine) -> None:
    station = _signer(client, engine)
    far = _signer(client, engine, region="110101", name="外地凭证站点")
    aid = far.device.aid(10_000)
    support.push(client, far.device, [aid])
    assert _verify(client, station.device, far.code(aid))["reason"] == "other_region"
    stranger = _signer(client, engine)
    foreign = Signer(stranger.device, receipt_code.new_key()[0], "00" * 8)
    assert _verify(client, station.device, foreign.code(aid))["reason"] == "unknown_key"
    other_station = Signer(support.Device("", new_id(), "", "420111", ""), station.private,
                           station.key_id)
    assert _verify(client, station.device,
                   other_station.code(aid))["reason"] == "wrong_station"
    bad = _verify(client, station.device, "HD1.NOT-A-CODE")
    assert bad["reason"] == "bad_format" and bad["receipt_no"] is None
    response = client.post("/v1/receipts/verify", json={"protocol": 1, "payload": "HD1."})
    assert response.status_code == 401 and response.json()["error"]["code"] == "no_token"
