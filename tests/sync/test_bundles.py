"""Offline sync by files (DESIGN.md point 9) against the real server code, on SQLite and
PostgreSQL: a station that never goes online enrolls by an enrollment file and syncs by
bundle files; bundles repeated, overlapping or mixed with network pushes count once; altered,
forged, unsigned and misdirected files are refused with a clear error and change nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.domain import sealing
from helpdesk.server import accounts, report
from helpdesk.server import bundles as server_bundles
from helpdesk.services import aid as aidcases
from helpdesk.services import demo, receipts
from helpdesk.services import session as sessions
from helpdesk.store import keys, outbox
from helpdesk.sync import bundles, wire
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN, STATION
from tests.server import support
from tests.services import helpers
from tests.sync.test_client import family, laptop

__all__ = ["laptop"]
AHEAD = 5 * 60 * 1000


@pytest.fixture
def other_laptop(tmp_path: Path, fast_kdf: keys.KdfParams) -> Iterator[sessions.Session]:
    """A second station of the region, on its own laptop."""
    paths = pathsmod.Paths(tmp_path / "other", tmp_path / "other-config")
    s, _ = sessions.create_station(paths, {**STATION, "name": "卓刀泉街道帮扶站"},
                                   head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    demo.ensure_programmes(s)
    yield s
    s.close()


def enrollment_file(engine: Engine, name: str = "服务器上的站名") -> tuple[str, bytes]:
    station_code, code = accounts.add_station(engine, name, "420111")
    return station_code, server_bundles.enrollment_file(engine, station_code, code, hours=72)


def enroll_by_file(s: sessions.Session, engine: Engine) -> str:
    station_code, data = enrollment_file(engine)
    found = bundles.enroll_from_file(s.db, data)
    assert found.station_code == station_code and bundles.pending_enrollment(s.db)
    return station_code


def signer(s: sessions.Session) -> bundles.Signer:
    key = receipts.signing_key(s)
    assert key.private_key is not None
    return bundles.Signer(s.device, key.public_key, key.private_key)


def export(s: sessions.Session) -> bytes:
    return bundles.export(s.db, signer(s), station_id=s.station.id)[0]


def answer(engine: Engine, data: bytes) -> bytes:
    return server_bundles.answer(engine, data, max_ahead_ms=AHEAD).answer


def station_state(s: sessions.Session) -> tuple[Any, ...]:
    """Everything an import could change on the station."""
    return (helpers.table_counts(s),
            s.db.execute("SELECT sync_status, count(*) FROM changes GROUP BY 1").fetchall(),
            s.db.execute("SELECT key, value FROM meta WHERE key != 'hlc' ORDER BY key")
            .fetchall(),
            s.db.execute("SELECT code, enrolled FROM station").fetchall())


def server_state(engine: Engine) -> tuple[int, ...]:
    return tuple(support.count(engine, t) for t in
                 ("changes", "devices", "quarantine", "aid", "stations"))


def server_totals(engine: Engine, station_code: str) -> tuple[int, int]:
    mine = [r for r in report.totals(engine)["by_station_programme_month"]
            if r["station"] == station_code]
    return sum(r["aid_count"] for r in mine), sum(r["total_fen"] for r in mine)


def give(s: sessions.Session, n: int, amount: str = "120") -> None:
    aidcases.give_aid(s, helpers.cash_aid(s, family(s, n), amount=amount))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_station_that_never_goes_online_syncs_by_files(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine,
        tmp_path: Path) -> None:
    s, _ = laptop
    demo.add_families(s, 15, seed=11)
    demo.add_aid(s, 25, seed=11)
    station_code = enroll_by_file(s, engine)
    bundle_file, answer_file = tmp_path / "station.bundle", tmp_path / "answer.bundle"
    bundle_file.write_bytes(export(s))
    total = outbox.pending_count(s.db)  # with the audit of the device key made for it
    header = wire.read_file(bundle_file.read_bytes(), wire.BundleFile).header
    assert header.counts == {"changes": total, "cursor": 0, "enrollment": 1}
    assert "张" not in bundle_file.read_text()  # names only inside the sealed contents
    before = sha(bundle_file)
    answer_file.write_bytes(answer(engine, bundle_file.read_bytes()))
    assert sha(bundle_file) == before
    before = sha(answer_file)
    done = bundles.import_answer(s.db, answer_file.read_bytes(), station_id=s.station.id)
    assert sha(answer_file) == before  # importing never modifies the file
    assert done.enrolled and done.pushed.accepted == total
    assert outbox.pending_count(s.db) == 0 and bundles.pending_enrollment(s.db) is None
    enrolled = sync.enrollment(s.db)
    assert enrolled is not None and enrolled.station_code == station_code
    assert s.db.execute("SELECT code, enrolled, name FROM station").fetchone() == (
        station_code, 1, "服务器上的站名")
    assert support.count(engine, "changes", f"WHERE device_id = '{s.device.id}'") == total
    station_totals = aidcases.totals(s)
    assert server_totals(engine, station_code) == (station_totals["aid_count"],
                                                   station_totals["total_fen"])
    # The answer's token works online: the station that gets online can simply sync.
    give(s, 0)
    pushed, _ = sync.sync_once(s.db, client)
    assert pushed.accepted == outbox.since(s.db, s.device.id).__len__() - total


def test_enrollment_code_of_a_file_is_one_time(
        laptop: tuple[sessions.Session, str], other_laptop: sessions.Session,
        client: support.Client, engine: Engine) -> None:
    s, _ = laptop
    station_code, data = enrollment_file(engine)
    bundles.enroll_from_file(s.db, data)
    bundles.import_answer(s.db, answer(engine, export(s)), station_id=s.station.id)
    with pytest.raises(sync.SyncError) as again:
        bundles.enroll_from_file(s.db, data)
    assert again.value.code == "already_enrolled"
    bundles.enroll_from_file(other_laptop.db, data)  # the same file on another laptop
    before = server_state(engine)
    with pytest.raises(wire.BundleError) as refused:
        answer(engine, export(other_laptop))
    assert refused.value.code == "enrollment_refused" and "used" in refused.value.en
    assert server_state(engine) == before
    code = json.loads(data)["code"]
    with pytest.raises(sync.SyncError) as online:
        sync.enroll(other_laptop.db, client, server_url="http://testserver", code=code,
                    station_id=other_laptop.station.id, device=other_laptop.device,
                    device_public_key=support.public_key())
    assert online.value.code == "enrollment_refused"
    assert sync.enrollment(other_laptop.db) is None
    del station_code


def test_repeated_overlapping_and_mixed_bundles_count_once(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine) -> None:
    s, _ = laptop
    for n in range(3):
        give(s, n)
    station_code = enroll_by_file(s, engine)
    first = export(s)
    answer1, answer2 = answer(engine, first), answer(engine, first)  # imported twice
    give(s, 3)
    overlapping = export(s)  # still holds every change of `first`: no answer imported yet
    # The newer answer's token wins, whatever the order the answers come back in.
    assert bundles.import_answer(s.db, answer2, station_id=s.station.id).enrolled
    assert outbox.pending_count(s.db) > 0  # what was made after the first bundle
    state = station_state(s)
    again = bundles.import_answer(s.db, answer1, station_id=s.station.id)
    assert not again.enrolled and station_state(s) == state  # an older answer: no change
    assert sync.pull(s.db, client).pages == 1  # the kept token is the valid one
    answer3 = answer(engine, overlapping)
    done = bundles.import_answer(s.db, answer3, station_id=s.station.id)
    assert done.pushed.already_had > 0 and done.pushed.accepted > 0
    # A bundle and a network push of the same changes.
    give(s, 4)
    mixed = export(s)
    assert sync.push(s.db, client).accepted > 0
    late = server_bundles.answer(engine, mixed, max_ahead_ms=AHEAD)
    assert late.counts["accepted"] == 0 and late.counts["already_had"] > 0
    bundles.import_answer(s.db, late.answer, station_id=s.station.id)
    mine = outbox.since(s.db, s.device.id)
    assert outbox.pending_count(s.db) == 0
    assert support.count(engine, "changes", f"WHERE device_id = '{s.device.id}'") == len(mine)
    totals = aidcases.totals(s)
    assert totals["aid_count"] == 5
    assert server_totals(engine, station_code) == (5, totals["total_fen"])


def _flip(data: bytes, at: int) -> bytes:
    old = data[at:at + 1]
    new = b"B" if old != b"B" else b"C"
    return data[:at] + new + data[at + 1:]


def test_tampered_and_foreign_bundles_are_refused(
        laptop: tuple[sessions.Session, str], other_laptop: sessions.Session,
        engine: Engine) -> None:
    s, _ = laptop
    give(s, 0)
    enroll_by_file(s, engine)
    good = export(s)
    before = server_state(engine)
    text = good.decode()
    places = [text.index('"changes": ') + 11, text.index('"ciphertext": "') + 40,
              text.index('"signature": "') + 20, text.index('"station_id": "') + 20, 0,
              len(good) - 2]
    for at in places:
        with pytest.raises(wire.BundleError) as refused:
            answer(engine, _flip(good, at))
        assert refused.value.code in ("bad_bundle", "bundle_altered", "bad_signature",
                                      "bundle_sealed"), refused.value.code
        assert refused.value.zh and refused.value.en
    # Signed by another device's key, claiming this device.
    bundle = wire.read_file(good, wire.BundleFile)
    seed, _public = sealing.new_signing_key()
    forged = wire.file_bytes(wire.sign(bundle.header, bundle.sealed, sealing.raw(seed)))
    with pytest.raises(wire.BundleError) as wrong_key:
        answer(engine, forged)
    assert wrong_key.value.code == "bad_signature"
    with pytest.raises(wire.BundleError) as not_json:
        answer(engine, b"\x00\xffnot a bundle")
    assert not_json.value.code == "bad_bundle"
    assert server_state(engine) == before
    # The good bundle still goes in afterwards.
    assert answer(engine, good)
    # Once the device is registered, a bundle signed by another key (another laptop's) is
    # refused before it is even opened.
    other_key = signer(other_laptop)
    stolen = bundles.Signer(s.device, other_key.public_key, other_key.private_key)
    before = server_state(engine)
    with pytest.raises(wire.BundleError) as registered:
        answer(engine, bundles.export(s.db, stolen, station_id=s.station.id)[0])
    assert registered.value.code == "bad_signature"
    assert server_state(engine) == before


def test_forged_altered_and_misdirected_answers_are_refused(
        laptop: tuple[sessions.Session, str], other_laptop: sessions.Session,
        engine: Engine, tmp_path: Path) -> None:
    s, _ = laptop
    give(s, 1)
    enroll_by_file(s, engine)
    enroll_by_file(other_laptop, engine)
    good = answer(engine, export(s))
    theirs = answer(engine, export(other_laptop))
    parsed = wire.read_file(good, wire.BundleFile)
    seed, _public = sealing.new_signing_key()
    forged = wire.file_bytes(wire.sign(parsed.header, parsed.sealed, sealing.raw(seed)))
    unsigned = wire.file_bytes(parsed.model_copy(update={"signature": ""}))
    relabelled = wire.file_bytes(wire.BundleFile(
        header=parsed.header.model_copy(update={"counts": {**parsed.header.counts,
                                                           "accepted": 999}}),
        sealed=parsed.sealed, signature=parsed.signature))
    reformatted = json.dumps(json.loads(good)).encode()
    station_bundle = export(s)
    cases = {"forged": (forged, "bad_signature"), "unsigned": (unsigned, "bad_signature"),
             "relabelled": (relabelled, "bad_signature"),
             "altered": (_flip(good, good.decode().index('"ciphertext": "') + 30),
                         "bad_signature"),
             "reformatted": (reformatted, "bundle_altered"),
             "other station": (theirs, "other_station"),
             "station bundle": (station_bundle, "not_answer"),
             "garbage": (b'{"header": 1}', "bad_bundle")}
    before = station_state(s)
    for name, (data, code) in cases.items():
        path = tmp_path / f"{name}.bundle"
        path.write_bytes(data)
        digest = sha(path)
        with pytest.raises(sync.SyncError) as refused:
            bundles.import_answer(s.db, path.read_bytes(), station_id=s.station.id)
        assert refused.value.code == code, name
        assert refused.value.zh and refused.value.en
        assert station_state(s) == before, name
        assert sha(path) == digest
    assert sync.enrollment(s.db) is None and outbox.pending_count(s.db) > 0
    done = bundles.import_answer(s.db, good, station_id=s.station.id)
    assert done.enrolled and outbox.pending_count(s.db) == 0


def test_answer_sealed_to_another_database_is_refused(
        laptop: tuple[sessions.Session, str], engine: Engine) -> None:
    s, _ = laptop
    enroll_by_file(s, engine)
    good = answer(engine, export(s))
    with s.write() as db:  # as if the answer key were lost: another database of the station
        db.execute("UPDATE meta SET value = ? WHERE key = ?",
                   [sealing.new_box_key()[0], bundles.META_ANSWER_KEY])
    with pytest.raises(sync.SyncError) as refused:
        bundles.import_answer(s.db, good, station_id=s.station.id)
    assert refused.value.code == "bundle_sealed"
    assert sync.enrollment(s.db) is None


def test_enrollment_file_and_bundle_need_no_network(
        laptop: tuple[sessions.Session, str], engine: Engine) -> None:
    s, _ = laptop
    with pytest.raises(sync.SyncError) as not_enrolled:
        export(s)
    assert not_enrolled.value.code == "not_enrolled"
    with pytest.raises(sync.SyncError) as bad:
        bundles.enroll_from_file(s.db, b'{"format": "helpdesk-enrollment", "protocol": 2}')
    assert bad.value.code == "bad_bundle"
    _code, data = enrollment_file(engine)
    found = wire.read_file(data, wire.EnrollmentFile)
    assert found.server_public_key == server_public(engine)
    assert base64.b64decode(found.server_bundle_key) and found.code


def server_public(engine: Engine) -> str:
    with engine.connect() as conn:
        return accounts.server_public_key(conn)


def test_copied_database_becomes_a_new_device_by_bundle(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine,
        tmp_path: Path, fast_kdf: keys.KdfParams) -> None:
    s1, recovery = laptop
    give(s1, 0)
    station_code = enroll_by_file(s1, engine)
    bundles.import_answer(s1.db, answer(engine, export(s1)), station_id=s1.station.id)
    paths1 = s1.paths
    s1.close()
    paths2 = pathsmod.Paths(tmp_path / "laptop2", tmp_path / "config2")
    shutil.copytree(paths1.data_dir, paths2.data_dir)
    s2 = sessions.sign_in_with_recovery(paths2, recovery, kdf=fast_kdf)
    try:
        assert s2.new_device_reason == "copied"
        give(s2, 1, amount="250")
        data, header = bundles.export(s2.db, signer(s2), station_id=s2.station.id)
        assert header.counts["enrollment"] == 1  # the new device's registration
        done = bundles.import_answer(s2.db, answer(engine, data), station_id=s2.station.id)
        assert done.pushed.accepted > 0 and outbox.pending_count(s2.db) == 0
        assert s2.db.execute("SELECT value FROM meta WHERE key = ?",
                             [sync.META_DEVICE]).fetchone() == (s2.device.id,)
        give(s2, 2, amount="300")
        assert sync.push(s2.db, client).accepted > 0  # the new device's own token works
        totals = aidcases.totals(s2)
        assert server_totals(engine, station_code) == (totals["aid_count"],
                                                       totals["total_fen"])
    finally:
        s2.close()
