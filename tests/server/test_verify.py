"""POST /v1/receipts/verify: a receipt code checked against the server's device keys and the
aid it stored — genuine, voided, altered, forged with the right key, revoked, malformed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from helpdesk.domain import receipt_code
from helpdesk.domain.common import new_id
from helpdesk.server import accounts
from tests.server import support

Signer = support.Signer
_signer = support.signer
_verify = support.verify


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


def test_a_revoked_key_vouches_only_for_what_was_signed_before(client: support.Client,
                                                               engine: Engine) -> None:
    station = _signer(client, engine, name="丢了电脑的站点")
    checker = support.enroll(client, engine, name="邻居查验站点")
    before = station.device.aid(10_000, day="2026-11-20")
    support.push(client, station.device, [before])
    today = datetime.now(UTC).date().isoformat()
    after = station.device.aid(20_000, day=today)  # signed, never reached the server
    assert _verify(client, checker, station.code(after))["valid"]
    assert accounts.revoke_station(engine, station.device.station_code)
    stands = _verify(client, checker, station.code(before))
    assert stands["valid"] and stands["recorded"] and stands["reason"] == ""
    assert "before the revocation: it stands" in stands["message"]
    assert "吊销之前，仍然有效" in stands["message_zh"]
    refused = _verify(client, checker, station.code(after))
    assert not refused["valid"] and refused["reason"] == "revoked_key"
    assert not refused["recorded"] and f"dated {today}, not before" in refused["message"]
    assert "the server never received this aid" in refused["message"]
    assert "不在吊销之前，不予承认" in refused["message_zh"]
    backdated = _verify(client, checker, station.code(station.device.aid(5_000, day="2026-01-02")))
    assert backdated["valid"] and not backdated["recorded"]  # the date is all a station has
    assert "never received" in backdated["message"] and "从未收到" in backdated["message_zh"]


def test_another_regions_receipt_says_only_that(client: support.Client,
                                                engine: Engine) -> None:
    station = _signer(client, engine)
    far = _signer(client, engine, region="110101", name="外地凭证站点")
    aid = far.device.aid(10_000)
    support.push(client, far.device, [aid])
    result = _verify(client, station.device, far.code(aid))
    assert result["reason"] == "other_region" and not result["valid"]
    echoed = {k: v for k, v in result.items()
              if k not in ("valid", "voided", "reason", "message", "message_zh")}
    assert all(not v for v in echoed.values()), echoed
    assert far.device.station_code not in str(result) and aid.entity_id not in str(result)


@pytest.mark.parametrize("mangle", [
    lambda c: c.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    lambda c: c.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
    lambda c: c + "=",
    lambda c: c[:-1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".index(c[-1]) + 1],
    lambda c: "\u3000" + c.lower(),
])
def test_non_canonical_codes_are_a_bad_format_never_a_500(client: support.Client,
                                                          engine: Engine,
                                                          mangle: Any) -> None:
    station = _signer(client, engine)
    aid = station.device.aid(10_000)
    support.push(client, station.device, [aid])
    result = _verify(client, station.device, mangle(station.code(aid)))
    assert result["reason"] == "bad_format" and not result["valid"]
    assert result["message"].startswith("bad format: ") and result["message_zh"]


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
