"""The `helpdesk-server` admin commands, on the test database (`--db` and the environment)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine

from helpdesk.server import cli
from helpdesk.server.settings import ENV_DB
from tests.server import support


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli.main(list(argv)) == 0
    return capsys.readouterr().out


def test_station_add_list_code_revoke(capsys: pytest.CaptureFixture[str], db_url: str,
                                      client: support.Client,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    added = json.loads(_run(capsys, "--db", db_url, "station", "add", "--name", "卓刀泉站点",
                            "--region", "420111", "--json"))
    assert added["code"] and added["station_code"].startswith("420111-")
    enrolled = client.post("/v1/enroll", json={
        "protocol": 1, "code": added["code"], "station_id": "s-cli", "device_id": "d-cli",
        "epoch": 1, "device_public_key": support.public_key()})
    assert enrolled.status_code == 200
    monkeypatch.setenv(ENV_DB, db_url)  # the environment works as well as --db
    listed = json.loads(_run(capsys, "station", "list", "--json"))["stations"]
    mine = next(s for s in listed if s["code"] == added["station_code"])
    assert mine["devices"] == 1 and mine["enrolled_at"] and not mine["revoked_at"]
    assert added["station_code"] in _run(capsys, "station", "list")
    code = json.loads(_run(capsys, "station", "code", added["station_code"], "--json"))["code"]
    assert code != added["code"]
    _run(capsys, "station", "revoke", added["station_code"])
    token = enrolled.json()["token"]
    assert client.get("/v1/sync/pull",
                      headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_bad_region_and_unknown_station_are_clear_errors(db_url: str) -> None:
    with pytest.raises(SystemExit, match="6-digit code"):
        cli.main(["--db", db_url, "station", "add", "--name", "某站点", "--region", "12"])
    with pytest.raises(SystemExit, match="no station"):
        cli.main(["--db", db_url, "station", "revoke", "999999-001"])
    with pytest.raises(SystemExit, match="at least 1"):
        cli.main(["--db", db_url, "serve", "--threads", "0"])


def test_report_counts_aid_once_and_leaves_voided_out(capsys: pytest.CaptureFixture[str],
                                                      db_url: str, client: support.Client,
                                                      engine: Engine) -> None:
    before = json.loads(_run(capsys, "--db", db_url, "report", "--json"))
    device = support.enroll(client, engine, name="报表站点")
    kept = [device.aid(50_000), device.aid(12_345, day="2026-12-01")]
    voided = device.aid(70_000)
    void = device.aid(70_000, voided=True, aid_id=voided.entity_id)
    support.push(client, device, [*kept, voided])
    support.push(client, device, [*kept, voided, void])  # repeats change nothing
    after = json.loads(_run(capsys, "--db", db_url, "report", "--json"))
    assert after["aid_count"] - before["aid_count"] == 2
    assert after["total_fen"] - before["total_fen"] == 62_345
    rows = [r for r in after["by_station_programme_month"]
            if r["station"] == device.station_code]
    assert {(r["month"], r["total_fen"]) for r in rows} == {("2026-11", 50_000),
                                                            ("2026-12", 12_345)}
    text = _run(capsys, "--db", db_url, "report")
    assert device.station_code in text and "All" in text


def test_programme_add_is_pulled_by_the_regions_stations(
        capsys: pytest.CaptureFixture[str], db_url: str, client: support.Client,
        engine: Engine) -> None:
    here = support.enroll(client, engine, name="收项目站点")
    elsewhere = support.enroll(client, engine, region="110101", name="外地站点")
    added = json.loads(_run(capsys, "--db", db_url, "programme", "add", "--region", "420111",
                            "--code", "zy-2027", "--name-zh", "助医 2027", "--kind", "cash",
                            "--starts", "2027-01-01", "--ends", "2027-12-31", "--json"))
    assert added["code"] == "ZY-2027" and added["local"] is False
    with pytest.raises(SystemExit, match="already has"):
        cli.main(["--db", db_url, "programme", "add", "--region", "420111", "--code",
                  "ZY-2027", "--name-zh", "重复", "--kind", "cash", "--starts", "2027-01-01",
                  "--ends", "2027-12-31"])
    with pytest.raises(SystemExit, match=r"ends_on|period|end"):
        cli.main(["--db", db_url, "programme", "add", "--region", "420111", "--code",
                  "BAD-1", "--name-zh", "倒序", "--kind", "cash", "--starts", "2027-12-31",
                  "--ends", "2027-01-01"])
    pulled = client.get("/v1/sync/pull", headers=here.auth).json()["items"]
    assert [i["change"]["state"]["code"] for i in pulled
            if i["kind"] == "change" and i["change"]["entity"] == "programme"] == ["ZY-2027"]
    assert [i for i in client.get("/v1/sync/pull", headers=elsewhere.auth).json()["items"]
            if i["kind"] == "change"] == []
    listed = json.loads(_run(capsys, "--db", db_url, "programme", "list", "--json"))
    assert [p["code"] for p in listed["programmes"]] == ["ZY-2027"]
    # An edit keeps the id, code and the other fields; the station pulls the new state.
    edited = json.loads(_run(capsys, "--db", db_url, "programme", "edit", added["id"],
                             "--region", "420111", "--limit", "2", "--json"))
    assert (edited["id"], edited["code"], edited["limit_per_family"], edited["name_zh"]) == (
        added["id"], "ZY-2027", 2, "助医 2027")
    pulled = client.get("/v1/sync/pull", headers=here.auth).json()["items"]
    assert [i["change"]["state"]["limit_per_family"] for i in pulled
            if i["kind"] == "change" and i["change"]["entity"] == "programme"] == [1, 2]
    with pytest.raises(SystemExit, match="end date"):
        cli.main(["--db", db_url, "programme", "edit", added["id"], "--region", "420111",
                  "--ends", "2026-01-01"])
    with pytest.raises(SystemExit, match="no programme"):
        cli.main(["--db", db_url, "programme", "edit", added["id"], "--region", "110101"])
    listed = json.loads(_run(capsys, "--db", db_url, "programme", "list", "--json"))
    assert [(p["code"], p["limit_per_family"]) for p in listed["programmes"]] == [
        ("ZY-2027", 2)]
