"""The station file is encrypted, and only the right people on the right machine open it."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from helpdesk.errors import KnownError
from helpdesk.services import aid as aidcases
from helpdesk.services import backups, session, volunteers
from helpdesk.store import keys
from tests.conftest import HEAD, PIN
from tests.services.helpers import cash_aid, register


def test_file_is_unreadable_without_the_key(station: session.Session) -> None:
    station.close()
    raw = station.paths.database.read_bytes()
    assert b"SQLite format 3" not in raw[:100]
    assert "洪山".encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(station.paths.database).execute("SELECT * FROM families").fetchall()


def test_wrong_pin_is_refused_and_counts(station: session.Session) -> None:
    station.close()
    with pytest.raises(KnownError) as err:
        session.sign_in(station.paths, HEAD, "654321")
    assert "PIN" in err.value.en


def test_five_wrong_pins_lock_out_even_the_right_one(station: session.Session) -> None:
    station.close()
    for _ in range(5):
        with pytest.raises(KnownError):
            session.sign_in(station.paths, HEAD, "000000")
    with pytest.raises(KnownError) as err:
        session.sign_in(station.paths, HEAD, PIN)
    assert "locked" in err.value.en.lower()


def test_right_pin_without_the_device_secret_is_refused(station: session.Session) -> None:
    station.close()
    shutil.rmtree(station.paths.config_dir)  # the 0600 device-secret file is gone
    with pytest.raises(KnownError) as err:
        session.sign_in(station.paths, HEAD, PIN)
    assert "recovery" in err.value.en.lower()


def test_recovery_code_opens_and_makes_a_new_device(paths, fast_kdf) -> None:
    from tests.conftest import STATION

    s, code = session.create_station(paths, STATION, head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    old_device = s.device
    s.close()
    shutil.rmtree(paths.config_dir)  # as on a new laptop
    recovered = session.sign_in_with_recovery(paths, code.lower().replace("-", ""))
    try:
        assert recovered.volunteer.is_head
        assert recovered.device.id != old_device.id
        assert recovered.device.epoch == old_device.epoch + 1
        volunteers.reset_pin(recovered, recovered.volunteer.id, "246810")
    finally:
        recovered.close()
    session.sign_in(paths, HEAD, "246810").close()


def test_second_volunteer_opens_and_removed_one_no_longer(station: session.Session) -> None:
    v = volunteers.add_volunteer(station, "李秀英", "112233")
    station.close()
    session.sign_in(station.paths, "李秀英", "112233").close()
    head = session.sign_in(station.paths, HEAD, PIN)
    volunteers.remove_volunteer(head, v.id)
    head.close()
    with pytest.raises(KnownError):
        session.sign_in(station.paths, "李秀英", "112233")
    # The old key no longer opens the re-keyed file: unwrap it from the old wraps is impossible,
    # and the head still signs in with the new one.
    session.sign_in(station.paths, HEAD, PIN).close()


def test_only_a_head_manages_volunteers(station: session.Session) -> None:
    volunteers.add_volunteer(station, "王芳", "135790")
    station.close()
    s = session.sign_in(station.paths, "王芳", "135790")
    try:
        with pytest.raises(KnownError) as err:
            volunteers.add_volunteer(s, "赵强", "975310")
        assert err.value.code == "head_only"
    finally:
        s.close()


def test_backups_are_encrypted_and_restoring_one_makes_a_new_device(
        station: session.Session) -> None:
    family = register(station)
    first = aidcases.give_aid(station, cash_aid(station, family.id))
    folder = backups.backup_now(station)
    db_copy = folder / "station.db"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_copy).execute("SELECT * FROM aid").fetchall()
    second = aidcases.give_aid(station, cash_aid(station, family.id, "YLJZ"))
    old_device = station.device
    station.close()
    backups.restore(station.paths, folder)
    restored = session.sign_in(station.paths, HEAD, PIN)
    try:
        assert restored.new_device_reason == "restored"
        assert restored.device.code != old_device.code
        third = aidcases.give_aid(restored, cash_aid(restored, family.id, "YLJZ"))
        numbers = {first.receipt_no, second.receipt_no, third.receipt_no}
        assert len(numbers) == 3
        assert third.receipt_no.startswith(restored.device.code + "-")
    finally:
        restored.close()


def test_a_copied_database_becomes_a_new_device(paths, fast_kdf, tmp_path) -> None:
    from helpdesk import paths as pathsmod
    from helpdesk.services import demo
    from tests.conftest import STATION

    s, code = session.create_station(paths, STATION, head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    demo.ensure_programmes(s)
    family = register(s)
    original = aidcases.give_aid(s, cash_aid(s, family.id))
    s.close()
    # The second laptop gets the station folder, not this machine's device secret.
    other = pathsmod.Paths(tmp_path / "laptop2" / "data", tmp_path / "laptop2" / "config")
    shutil.copytree(paths.data_dir, other.data_dir)
    with pytest.raises(KnownError):
        session.sign_in(other, HEAD, PIN)
    copy = session.sign_in_with_recovery(other, code)
    first = session.sign_in(paths, HEAD, PIN)  # the original laptop goes on as before
    try:
        assert copy.new_device_reason == "copied"
        assert copy.device.code != first.device.code
        assert first.new_device_reason is None
        a = aidcases.give_aid(first, cash_aid(first, family.id, "YLJZ"))
        b = aidcases.give_aid(copy, cash_aid(copy, family.id, "YLJZ"))
    finally:
        copy.close()
        first.close()
    assert len({original.receipt_no, a.receipt_no, b.receipt_no}) == 3
    assert a.receipt_no.split("-")[0] != b.receipt_no.split("-")[0]


def test_key_file_holds_no_master_key_in_clear(station: session.Session) -> None:
    text = station.paths.key_file.read_text()
    assert station.key.hex() not in text
    assert isinstance(keys.KeyFile.load(station.paths.key_file).holders()[0].name, str)
