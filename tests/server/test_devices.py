"""Devices after enrollment, and the region's device keys: registered with the station's
token, pulled by every station of the region, revoked with the station."""

from __future__ import annotations

import base64

from sqlalchemy.engine import Engine

from helpdesk.domain.common import new_id
from helpdesk.server import accounts
from helpdesk.sync import wire
from tests.server import support


def _keys(client: support.Client, device: support.Device, after: int = 0
          ) -> list[wire.DeviceKey]:
    page = wire.PullResponse.model_validate(
        client.get(f"/v1/sync/pull?after={after}&limit=1000", headers=device.auth).json())
    return [i for i in page.items if isinstance(i, wire.DeviceKey)]


def test_a_new_device_registers_and_its_key_reaches_the_region(client: support.Client,
                                                               engine: Engine) -> None:
    first = support.enroll(client, engine, name="有两台电脑的站点")
    neighbour = support.enroll(client, engine, name="邻居站点")
    elsewhere = support.enroll(client, engine, region="110101", name="外地站点二")
    key = support.public_key()
    device_id = new_id()
    response = client.post("/v1/devices", headers=first.auth, json={
        "protocol": 1, "device_id": device_id, "epoch": 2, "device_public_key": key})
    assert response.status_code == 200, response.text
    body = wire.DeviceResponse.model_validate(response.json())
    assert body.key_id == wire.key_id_of(key)
    second = support.Device(token=body.token, station_id=first.station_id,
                            station_code=first.station_code, region=first.region,
                            device_id=device_id, epoch=2)
    assert support.push(client, second, [second.change()])["watermark"] == 1
    seen = {k.device_id: k for k in _keys(client, neighbour)}
    assert seen[device_id].public_key == key and seen[device_id].station_id == first.station_id
    assert seen[first.device_id].revoked_at is None
    assert device_id not in {k.device_id for k in _keys(client, elsewhere)}
    again = client.post("/v1/devices", headers=first.auth, json={
        "protocol": 1, "device_id": device_id, "epoch": 2,
        "device_public_key": support.public_key()})
    assert again.status_code == 409 and again.json()["error"]["code"] == "device_key_mismatch"
    cursor = max(k.server_seq for k in seen.values())
    assert accounts.revoke_station(engine, first.station_code)
    revoked = {k.device_id: k for k in _keys(client, neighbour, after=cursor)}
    assert set(revoked) == {first.device_id, device_id}
    assert all(k.revoked_at for k in revoked.values())


def test_a_device_of_another_station_cannot_be_taken_over(client: support.Client,
                                                          engine: Engine) -> None:
    a = support.enroll(client, engine, name="甲站点三")
    b = support.enroll(client, engine, name="乙站点三")
    taken = client.post("/v1/devices", headers=a.auth, json={
        "protocol": 1, "device_id": b.device_id, "epoch": 1,
        "device_public_key": support.public_key()})
    assert taken.status_code == 403 and taken.json()["error"]["code"] == "other_station"
    bad = client.post("/v1/devices", headers=a.auth, json={
        "protocol": 1, "device_id": new_id(), "epoch": 1,
        "device_public_key": base64.b64encode(b"short").decode().ljust(44, "A")})
    assert bad.status_code == 422
