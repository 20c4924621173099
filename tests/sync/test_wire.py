"""The protocol messages: frozen, strict, versioned, and the shared hashes."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from pydantic import ValidationError

from helpdesk.domain import idcard
from helpdesk.receipts import qr
from helpdesk.sync import wire
from tests.server import support


def _device() -> support.Device:
    return support.Device(token="", station_id="s", station_code="c", region="420111",
                          device_id="dev-1")


def test_push_request_is_strict_and_versioned() -> None:
    device = _device()
    body = device.push_body([device.change(), device.aid(100)])
    request = wire.PushRequest.model_validate(body)
    with pytest.raises(ValidationError):
        request.epoch = 2  # type: ignore[misc]  # frozen
    for bad in ({**body, "protocol": 2}, {**body, "extra": 1},
                {**body, "changes": body["changes"] * 501}):
        with pytest.raises(ValidationError):
            wire.PushRequest.model_validate(bad)
    other = support.Device(token="", station_id="s", station_code="c", region="420111",
                           device_id="dev-2")
    with pytest.raises(ValidationError, match="not of device"):
        wire.PushRequest.model_validate(device.push_body([other.change()]))


def test_pulled_items_are_told_apart_by_kind() -> None:
    device = _device()
    change = wire.PulledChange(server_seq=1, change=device.change(), hlc="001795000000001-00000")
    record = wire.MatchRecord(server_seq=2, family_id="f", station_code="c", id_hash="",
                              masked_id="", name="张三", name_pinyin="zhang san",
                              name_initials="zs", aid={"P": 1}, hlc="001795000000002-00000")
    page = wire.PullResponse(items=(change, record), next_after=2, more=False,
                             server_time_ms=0)
    again = wire.PullResponse.model_validate_json(page.model_dump_json())
    assert [type(i) for i in again.items] == [wire.PulledChange, wire.MatchRecord]
    assert again == page


def test_match_hash_is_keyed_and_normalised() -> None:
    number = idcard.make("420111", date(1980, 5, 17), 123)
    key = base64.b64encode(b"k" * 32).decode()
    other = base64.b64encode(b"o" * 32).decode()
    typed = number[:-1] + number[-1].lower() + " "  # as typed, full-width or with spaces
    assert wire.match_hash(key, number) == wire.match_hash(key, typed)
    assert wire.match_hash(key, number) != wire.match_hash(other, number)
    assert number not in wire.match_hash(key, number) and wire.match_hash(key, "") == ""


def test_key_id_is_the_one_receipts_carry() -> None:
    public = base64.b64decode(support.public_key())
    assert wire.key_id_of(base64.b64encode(public).decode()) == qr.key_id_of(public)


def test_error_envelope_round_trips() -> None:
    envelope = wire.ErrorEnvelope(error=wire.ErrorBody(code="x", message="m"))
    assert wire.ErrorEnvelope.model_validate_json(envelope.model_dump_json()) == envelope


@pytest.mark.parametrize("data, en, zh", [
    (b"\x00\xffnot a bundle",
     "(the whole file: it is not JSON text, damaged or cut short, at line 1",
     "整个文件：不是 JSON 文本"),
    (b'{"format": "helpdesk-bundle"', "at line 1 column 28", "第 1 行第 28 列"),
    (b"", "(the whole file: it is not JSON text", "整个文件"),
    (b"[1, 2]", "(the whole file: Input should be an object; a Helpdesk file is one JSON object)",
     "整个文件：内容应是一个 JSON 对象"),
    (b'"x"', "a Helpdesk file is one JSON object", "JSON 对象"),
    (b'{"header": 1}', "(header: Input should be", "（header）"),
])
def test_a_file_that_is_not_one_says_where(data: bytes, en: str, zh: str) -> None:
    for model in (wire.BundleFile, wire.EnrollmentFile):
        with pytest.raises(wire.BundleError) as refused:
            wire.read_file(data, model)  # type: ignore[type-var]
        err = refused.value
        assert err.code == "bad_bundle" and "( :" not in err.en and "（）" not in err.zh
        if model is wire.BundleFile or not data.startswith(b"{"):
            assert en in err.en and zh in err.zh, (err.en, err.zh)
