"""The attacks of one enrolled laptop on a real station, end to end: a real `helpdesk-server`
process on SQLite and PostgreSQL, a victim station whose aid is given and synced by real
`helpdesk` processes, and an attacker pushing over HTTP with its own token the voids,
take-overs and family edits a receipt's QR code makes possible. The victim's totals on the
station and on the server stay equal, and its match records stay its own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from bench import chaos
from bench import chaos_checks as checks
from helpdesk.domain.changes import Change
from helpdesk.domain.common import new_id
from tests.server import support
from tests.server.conftest import db_url

__all__ = ["db_url"]
pytestmark = pytest.mark.slow


def _victim_rows(url: str, station_code: str) -> list[Change]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            c = sa.table("changes", sa.column("body"), sa.column("station_code"),
                         sa.column("entity"), sa.column("server_seq"))
            bodies = conn.execute(sa.select(c.c.body).where(
                c.c.station_code == station_code, c.c.entity.in_(["aid", "family"]))
                .order_by(c.c.server_seq)).scalars().all()
    finally:
        engine.dispose()
    return [Change.model_validate_json(b) for b in bodies]


def _server_totals(url: str, station_code: str, env: dict[str, str]) -> tuple[int, int]:
    found = checks.cli_json(["helpdesk.server.cli", "--db", url, "report", "--json"], env)
    rows = [r for r in found["by_station_programme_month"] if r["station"] == station_code]
    return sum(r["aid_count"] for r in rows), sum(r["total_fen"] for r in rows)


def _station_totals(station: chaos.Station) -> tuple[int, int]:
    found = checks.cli_json(["helpdesk.cli", "totals", "--json", "--data-dir",
                             str(station.data)], station.env)
    return int(found["aid_count"]), int(found["total_fen"])


def test_a_real_station_keeps_its_records_against_an_enrolled_attacker(
        db_url: str, tmp_path: Path) -> None:
    server = chaos.Server(db_url, tmp_path / "server.log")
    victim = chaos.Station(tmp_path / "victim")
    victim.create(families=12)
    server.start()
    try:
        env = victim.env
        added = checks.cli_json(["helpdesk.server.cli", "--db", db_url, "station", "add",
                                 "--name", "受害站点", "--region", "420111", "--json"], env)
        code, out = chaos.finish(victim.cli("enroll", "--server", server.url, "--code",
                                            added["code"]), 120)
        assert code == 0, out
        assert chaos.finish(victim.writer(8, seed=3), 120)[0] == 0
        code, out = chaos.finish(victim.sync(server.url), 120)
        assert code == 0, out
        station_code = added["station_code"]
        rows = _victim_rows(db_url, station_code)
        before = _server_totals(db_url, station_code, env)
        assert before == _station_totals(victim) and before[0] == 8

        attacker = _enroll_attacker(db_url, server.url, env)
        aid = [r for r in rows if r.entity == "aid"]
        fams = [r for r in rows if r.entity == "family"]
        attack: list[Change] = []
        for given in aid:  # void every aid of the victim, as its receipts name them
            state = {**given.state, "voided_at": "2026-12-01T00:00:00.000000Z",
                     "void_reason": "attack", "voided_by": "v1"}
            attack.append(attacker.change("aid", state, op="void", entity_id=given.entity_id))
        for family in fams:  # rename every family, on top of the victim's own change
            edit = attacker.change("family", {**family.state, "head_name": "黑客"},
                                   entity_id=family.entity_id)
            attack.append(edit.model_copy(update={"base_change_id": family.change_id}))
        answers = _push(server.url, attacker, attack)
        assert {(a["status"], a["reason"]) for a in answers} == {
            ("rejected", "unknown_aid"), ("rejected", "unknown_family")}

        # The take-over race: new aid given at the victim, its id put first by the attacker.
        assert chaos.finish(victim.writer(2, seed=4), 120)[0] == 0
        new = [json.loads(line) for line in _pending_aid(victim)]
        assert len(new) == 2
        for state in new:
            attacker.register(state["family_id"], "prog-x")
            forged = attacker.change("aid", {**state, "amount_fen": 1, "programme_id": "prog-x",
                                             "device_id": attacker.device_id},
                                     entity_id=state["id"])
            assert [a["status"] for a in _push(server.url, attacker, [forged])] == ["accepted"]
        code, out = chaos.finish(victim.sync(server.url), 120)
        assert code == 0, out
        after = _server_totals(db_url, station_code, env)
        assert after == _station_totals(victim)
        assert after[0] == 10 and after[1] == before[1] + sum(s["amount_fen"] for s in new)
        assert _server_totals(db_url, attacker.station_code, env) == (2, 2)
    finally:
        server.stop()


def _enroll_attacker(url: str, server_url: str, env: dict[str, str]) -> support.Device:
    added = checks.cli_json(["helpdesk.server.cli", "--db", url, "station", "add", "--name",
                             "被偷的笔记本", "--region", "420111", "--json"], env)
    station_id, device_id = new_id(), new_id()
    response = httpx.post(f"{server_url}/v1/enroll", json={
        "protocol": 1, "code": added["code"], "station_id": station_id, "device_id": device_id,
        "epoch": 1, "device_public_key": support.public_key()}, timeout=30)
    assert response.status_code == 200, response.text
    body = response.json()
    return support.Device(token=body["token"], station_id=station_id,
                          station_code=body["station_code"], region=body["region"],
                          device_id=device_id)


def _push(server_url: str, device: support.Device, changes: list[Change]) -> list[Any]:
    setup = {c.change_id for c in device.setup}
    response = httpx.post(f"{server_url}/v1/sync/push", json=device.push_body(changes),
                          headers=device.auth, timeout=60)
    assert response.status_code == 200, response.text
    return [a for a in response.json()["answers"] if a["change_id"] not in setup]


def _pending_aid(station: chaos.Station) -> list[str]:
    """The states of the aid the station has not synced yet (what its receipts show)."""
    code = ("import sys, json\n"
            "from helpdesk import paths; from helpdesk.services import session\n"
            "from helpdesk.store import outbox\n"
            "s = session.sign_in(paths.resolve(sys.argv[1]), 'admin', sys.argv[2])\n"
            "for c in outbox.pending(s.db):\n"
            "    if c.entity == 'aid': print(json.dumps(c.state))\n"
            "s.close()\n")
    done = subprocess.run([sys.executable, "-c", code, str(station.data),
                           station.env["HELPDESK_PIN"]], cwd=chaos.ROOT, env=station.env,
                          capture_output=True, text=True, timeout=120, check=True)
    return [line for line in done.stdout.splitlines() if line.startswith("{")]
