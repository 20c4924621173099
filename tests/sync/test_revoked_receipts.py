"""A receipt of a revoked key gets the same verdict on a station (offline, with the keys its
pulls brought) and on the server: signed before the revocation stands, after is refused."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from helpdesk.server import accounts
from helpdesk.services import receipts
from helpdesk.services import session as sessions
from helpdesk.sync import client as sync
from tests.server import support
from tests.sync.test_client import enroll, laptop

__all__ = ["laptop"]


def test_station_and_server_agree_on_a_revoked_keys_receipts(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine) -> None:
    s, _ = laptop
    enroll(s, client, engine)
    checker = support.enroll(client, engine, name="服务器上的查验设备")  # same region as s
    lost = support.signer(client, engine, name="丢了电脑的站点")
    before = lost.device.aid(10_000, day="2026-11-20")
    support.push(client, lost.device, [before])
    after = lost.device.aid(20_000, day=datetime.now(UTC).date().isoformat())
    codes = {"before": lost.code(before), "after": lost.code(after)}
    sync.pull(s.db, client)
    assert all(receipts.verify(s, c).ok for c in codes.values())  # not revoked yet
    assert accounts.revoke_station(engine, lost.device.station_code)
    sync.pull(s.db, client)  # the revocation reaches the station
    for when, code in codes.items():
        station = receipts.verify(s, code)
        server = support.verify(client, checker, code)
        assert station.ok == server["valid"] == (when == "before"), (when, station, server)
        assert (station.code == "revoked_key") == (server["reason"] == "revoked_key")
        said = "it stands" if when == "before" else "refused"
        assert said in station.en and said in server["message"]
        rule = "仍然有效" if when == "before" else "不予承认"
        assert rule in station.zh and rule in server["message_zh"]
