"""The station key file: PINs, device secret, lock-out, recovery code, holders, re-key."""

from __future__ import annotations

import json
import os
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.store import keys
from helpdesk.store.keys import codes as keycodes
from helpdesk.store.keys import contents, crypto, device_secrets

KDF = keys.KdfParams.fast()
PIN = "123456"
T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
CODE = "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ"  # every symbol, so 0 and 1 are in it


@pytest.fixture
def store(tmp_path: Path) -> device_secrets.FileSecrets:
    return device_secrets.FileSecrets(tmp_path / "config")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "station.keys.json"


@pytest.fixture
def made(path: Path, store: device_secrets.FileSecrets) -> tuple[keys.KeyFile, bytes, str]:
    return keys.KeyFile.create(path, head_id="h1", head_name="王芳", head_pin=PIN,
                               secrets=store, kdf=KDF)


@pytest.fixture
def kf(made: tuple[keys.KeyFile, bytes, str]) -> keys.KeyFile:
    return made[0]


@pytest.fixture
def master(made: tuple[keys.KeyFile, bytes, str]) -> bytes:
    return made[1]


def add(kf: keys.KeyFile, master: bytes, store: device_secrets.DeviceSecrets, hid: str = "v2",
        pin: str = "222222") -> None:
    kf.add_holder(master, holder_id=hid, name="李雷", role="volunteer", pin=pin, secrets=store,
                  kdf=KDF)


def has_messages(err: keys.KeysError) -> bool:
    return bool(err.zh) and bool(err.en) and err.text("zh") == err.zh and err.text("en") == err.en


# --- create and unlock --------------------------------------------------------------------------

def test_create_then_unlock_with_the_right_pin(kf, master, store, path):
    got = kf.unlock("h1", PIN, store)
    assert got == keys.Unlocked(master, None, "h1")
    assert len(master) == 32
    assert keys.KeyFile.load(path).unlock("h1", PIN, store).master_key == master
    binding = store.load(kf.install_id)
    assert binding is not None and (binding.device_id, binding.opens) == (None, 0)


def test_only_names_and_roles_are_readable_before_sign_in(kf, master, path):
    assert keys.KeyFile.load(path).holders() == [keys.Holder("h1", "王芳", "head")]
    text = path.read_text(encoding="utf-8")
    assert "王芳" in text  # readable, for the sign-in screen
    assert master.hex() not in text and PIN not in text
    assert master not in path.read_bytes()
    assert master.hex() not in repr(keys.Unlocked(master, None, "h1"))
    assert str(master) not in repr(keys.Unlocked(master, None, "h1"))


def test_create_refuses_an_existing_file_and_bad_input(kf, path, store):
    with pytest.raises(keys.KeysError, match="already exists") as err:
        keys.KeyFile.create(path, head_id="h9", head_name="X", head_pin=PIN, secrets=store,
                            kdf=KDF)
    assert has_messages(err.value)
    with pytest.raises(keys.KeysError):
        keys.KeyFile.create(path.with_name("b.json"), head_id="h1", head_name=" ", head_pin=PIN,
                            secrets=store, kdf=KDF)
    with pytest.raises(keys.KeysError):
        keys.KeyFile.create(path.with_name("c.json"), head_id="recovery", head_name="X",
                            head_pin=PIN, secrets=store, kdf=KDF)


@pytest.mark.parametrize("pin", ["", "12345", "abcdef", "12345a", "1234567890123", "１２３４5"])
def test_pins_are_6_to_12_digits(tmp_path, store, pin):
    with pytest.raises(keys.InvalidPin) as err:
        keys.KeyFile.create(tmp_path / "k.json", head_id="h1", head_name="王芳", head_pin=pin,
                            secrets=store, kdf=KDF)
    assert "6" in err.value.zh and "6 to 12 digits" in err.value.en
    assert not (tmp_path / "k.json").exists()


def test_full_width_digits_from_a_chinese_input_method_are_the_same_pin(kf, store):
    assert kf.unlock("h1", "１２３４５６", store).holder_id == "h1"


def test_a_malformed_pin_at_sign_in_is_refused_and_not_counted(kf, store):
    for bad in ["", "12a456", "123"]:
        with pytest.raises(keys.InvalidPin):
            kf.unlock("h1", bad, store, now=T0)
    assert kf.lockout_state("h1", now=T0) == (0, None)


def test_unknown_holder(kf, store):
    for hid in ["nobody", "recovery"]:
        with pytest.raises(keys.UnknownHolder) as err:
            kf.unlock(hid, PIN, store)
        assert has_messages(err.value)


# --- wrong PINs and lock-out --------------------------------------------------------------------

def test_a_wrong_pin_is_refused_and_counted(kf, store):
    with pytest.raises(keys.WrongPin) as err:
        kf.unlock("h1", "654321", store, now=T0)
    assert (err.value.failures, err.value.remaining_before_lockout) == (1, 4)
    assert has_messages(err.value) and "4" in err.value.zh
    assert kf.lockout_state("h1", now=T0) == (1, None)


def test_five_wrong_pins_lock_out_for_five_minutes_even_the_right_pin(kf, store, path,
                                                                     monkeypatch):
    for i in range(1, 5):
        with pytest.raises(keys.WrongPin) as wrong:
            kf.unlock("h1", "000000", store, now=T0)
        assert wrong.value.remaining_before_lockout == 5 - i
    with pytest.raises(keys.LockedOut) as locked:
        kf.unlock("h1", "000000", store, now=T0)
    assert locked.value.until == T0 + timedelta(minutes=5)
    assert "5" in locked.value.zh and "5 minute" in locked.value.en

    # Refused before any key derivation, with the time left, and the state is on disk.
    def no_derivation(*args: object) -> bytes:
        raise AssertionError("derived a key while locked")

    with monkeypatch.context() as m:
        m.setattr(crypto, "volunteer_kek", no_derivation)
        with pytest.raises(keys.LockedOut) as still:
            keys.KeyFile.load(path).unlock("h1", PIN, store, now=T0 + timedelta(minutes=3))
    assert "2" in still.value.zh and "2 minute" in still.value.en
    assert keys.KeyFile.load(path).lockout_state("h1", now=T0 + timedelta(minutes=3)) == (
        5, T0 + timedelta(minutes=5))

    later = T0 + timedelta(minutes=5, seconds=1)
    assert kf.lockout_state("h1", now=later) == (5, None)
    assert kf.unlock("h1", PIN, store, now=later).holder_id == "h1"
    assert kf.lockout_state("h1", now=later) == (0, None)


def test_each_failure_after_a_lock_locks_again_doubling_up_to_an_hour(kf, store):
    now = T0
    for _ in range(4):
        with pytest.raises(keys.WrongPin):
            kf.unlock("h1", "000000", store, now=now)
    for minutes in [5, 10, 20, 40, 60, 60]:
        with pytest.raises(keys.LockedOut) as locked:
            kf.unlock("h1", "000000", store, now=now)
        assert locked.value.until == now + timedelta(minutes=minutes)
        now = locked.value.until + timedelta(seconds=1)


def test_a_right_pin_resets_the_count(kf, store):
    for _ in range(4):
        with pytest.raises(keys.WrongPin):
            kf.unlock("h1", "000000", store, now=T0)
    kf.unlock("h1", PIN, store, now=T0)
    with pytest.raises(keys.WrongPin) as err:
        kf.unlock("h1", "000000", store, now=T0)
    assert err.value.failures == 1


def test_verify_pin_counts_like_unlock(kf, store):
    kf.verify_pin("h1", PIN, store, now=T0)
    with pytest.raises(keys.WrongPin):
        kf.verify_pin("h1", "999999", store, now=T0)
    assert kf.lockout_state("h1", now=T0) == (1, None)


def test_a_clock_set_back_does_not_lock_for_longer_than_an_hour(kf, store):
    for _ in range(5):
        with pytest.raises(keys.KeysError):
            kf.unlock("h1", "000000", store, now=T0)
    back = T0 - timedelta(days=2)
    with pytest.raises(keys.LockedOut) as locked:
        kf.unlock("h1", PIN, store, now=back)
    assert locked.value.until == back + timedelta(hours=1)


def test_naive_now_is_a_programming_error(kf, store):
    with pytest.raises(ValueError):
        kf.unlock("h1", PIN, store, now=datetime(2025, 1, 1))


# --- device secret ------------------------------------------------------------------------------

def test_the_right_pin_without_the_device_secret_is_refused_and_not_counted(kf, store):
    store.delete(kf.install_id)
    with pytest.raises(keys.NoDeviceSecret) as err:
        kf.unlock("h1", PIN, store, now=T0)
    assert has_messages(err.value) and "recovery code" in err.value.en
    assert str(store.path) in err.value.en  # says where it looked
    assert kf.lockout_state("h1", now=T0) == (0, None)


def test_a_different_device_secret_is_not_mistaken_for_a_wrong_pin(kf, store):
    store.save(kf.install_id, device_secrets.Binding.new())
    with pytest.raises(keys.NoDeviceSecret):
        kf.unlock("h1", PIN, store, now=T0)
    assert kf.lockout_state("h1", now=T0) == (0, None)


def test_the_key_file_and_pin_on_another_machine_open_nothing(kf, tmp_path):
    elsewhere = device_secrets.FileSecrets(tmp_path / "other-machine")
    with pytest.raises(keys.NoDeviceSecret):
        kf.unlock("h1", PIN, elsewhere)


def test_a_failing_secret_store_is_not_a_missing_secret(kf, tmp_path):
    class Broken:
        def load(self, install_id: str) -> device_secrets.Binding | None:
            raise keys.DeviceSecretUnavailable("钥匙串已锁定", "keyring locked")

        def save(self, install_id: str, binding: device_secrets.Binding) -> None:
            raise AssertionError

        def delete(self, install_id: str) -> None:
            raise AssertionError

        def where(self) -> str:
            return "broken"

    with pytest.raises(keys.DeviceSecretUnavailable):
        kf.unlock("h1", PIN, Broken())


# --- recovery code ------------------------------------------------------------------------------

def test_the_recovery_code_has_at_least_128_bits(made):
    code = made[2]
    groups = code.split("-")
    assert [len(g) for g in groups] == [4] * 8
    assert set("".join(groups)) <= set(keycodes.CROCKFORD) and len(keycodes.CROCKFORD) == 32
    assert len("".join(groups)) * 5 >= 128  # 160 bits
    made_codes = {keycodes.new_recovery_code() for _ in range(200)}
    assert len(made_codes) == 200
    for i in range(32):  # every position varies: no bits are fixed
        assert len({c.replace("-", "")[i] for c in made_codes}) > 8


def test_the_recovery_code_unlocks(made, path):
    _, master, code = made
    got = keys.KeyFile.load(path).unlock_with_recovery(code)
    assert got == keys.Unlocked(master, None, "recovery")


@pytest.fixture
def fixed_code(monkeypatch, path, store):
    monkeypatch.setattr(keycodes, "new_recovery_code", lambda: CODE)
    kf, master, code = keys.KeyFile.create(path, head_id="h1", head_name="王芳", head_pin=PIN,
                                           secrets=store, kdf=KDF)
    assert code == CODE
    return kf, master


@pytest.mark.parametrize("typed", [
    CODE.lower(),
    CODE.replace("-", ""),
    CODE.replace("-", " "),
    " " + CODE.lower().replace("-", "") + "\n",
    CODE.replace("0", "O").replace("1", "I"),
    CODE.replace("0", "o").replace("1", "l"),
    "０１２３－４５６７－８９ＡＢ－ＣＤＥＦ－ＧＨＪＫ－ＭＮＰＱ－ＲＳＴＶ－ＷＸＹＺ",  # full width
])
def test_the_recovery_code_may_be_typed_loosely(fixed_code, typed):
    kf, master = fixed_code
    assert keys.normalise_recovery_code(typed) == CODE
    assert kf.unlock_with_recovery(typed).master_key == master


@pytest.mark.parametrize("typed, en", [
    ("", "0 characters"),
    (CODE[:-1], "31 characters"),
    (CODE + "A", "33 characters"),
    (CODE.replace("Z", "U"), "cannot contain: U"),
])
def test_a_malformed_recovery_code_says_what_is_wrong(kf, typed, en):
    with pytest.raises(keys.BadRecoveryCode) as err:
        kf.unlock_with_recovery(typed)
    assert en in err.value.en and has_messages(err.value)


def test_a_wrong_recovery_code_is_refused(made):
    kf, _, code = made
    other = keycodes.new_recovery_code()
    assert other != code
    with pytest.raises(keys.BadRecoveryCode):
        kf.unlock_with_recovery(other)


@given(st.binary(min_size=20, max_size=20), st.lists(st.sampled_from(["-", " ", ""]),
                                                     min_size=32, max_size=32),
       st.booleans())
def test_normalising_any_code_typed_any_way_gives_it_back(raw, seps, lower):
    n = int.from_bytes(raw, "big")
    chars = [keycodes.CROCKFORD[(n >> 5 * i) & 31] for i in range(32)]
    canonical = keys.normalise_recovery_code("".join(chars))
    typed = "".join(c + s for c, s in zip(chars, seps, strict=True))
    assert keys.normalise_recovery_code(typed.lower() if lower else typed) == canonical


def test_a_new_recovery_code_replaces_the_old(made, store):
    kf, master, code = made
    new = kf.replace_recovery_code(master, KDF)
    assert kf.unlock_with_recovery(new).master_key == master
    with pytest.raises(keys.BadRecoveryCode):
        kf.unlock_with_recovery(code)


# --- holders ------------------------------------------------------------------------------------

def test_a_second_holder_unlocks_with_their_own_pin(kf, master, store, path):
    add(kf, master, store)
    fresh = keys.KeyFile.load(path)
    assert [h.id for h in fresh.holders()] == ["h1", "v2"]
    assert fresh.unlock("v2", "222222", store).master_key == master
    with pytest.raises(keys.WrongPin):
        fresh.unlock("v2", PIN, store)


def test_adding_needs_the_current_master_key_and_a_free_id(kf, master, store):
    with pytest.raises(keys.KeysError, match="not the station's current"):
        add(kf, keys.new_master_key(), store)
    with pytest.raises(keys.KeysError, match="already taken"):
        add(kf, master, store, hid="h1")
    with pytest.raises(keys.KeysError, match="role"):
        kf.add_holder(master, holder_id="v3", name="X", role="boss", pin=PIN, secrets=store,
                      kdf=KDF)
    with pytest.raises(keys.InvalidPin):
        add(kf, master, store, pin="12")
    assert [h.id for h in kf.holders()] == ["h1"]


def test_a_removed_holder_no_longer_unlocks(kf, master, store, path):
    add(kf, master, store)
    kf.remove_holder("v2")
    with pytest.raises(keys.UnknownHolder):
        keys.KeyFile.load(path).unlock("v2", "222222", store)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert [h["id"] for h in doc["holders"]] == ["recovery", "h1"]
    assert set(doc["master"]["current"]["wraps"]) == {"recovery", "h1"}
    with pytest.raises(keys.UnknownHolder):
        kf.remove_holder("v2")


def test_the_last_head_stays(kf, master, store):
    with pytest.raises(keys.KeysError, match="last station head"):
        kf.remove_holder("h1")
    add(kf, master, store)
    with pytest.raises(keys.KeysError, match="last station head"):
        kf.update_holder("h1", name="王芳", role="volunteer")
    kf.update_holder("v2", name="李雷雷", role="head")
    kf.remove_holder("h1")
    assert kf.holders() == [keys.Holder("v2", "李雷雷", "head")]


def test_set_pin_changes_the_pin_not_the_key(kf, master, store):
    with pytest.raises(keys.WrongPin):
        kf.set_pin("h1", "000000", "765432", store, KDF)
    with pytest.raises(keys.InvalidPin):
        kf.set_pin("h1", PIN, "12345", store, KDF)
    kf.set_pin("h1", PIN, "765432", store, KDF)
    assert kf.unlock("h1", "765432", store).master_key == master
    with pytest.raises(keys.WrongPin):
        kf.unlock("h1", PIN, store)


def test_after_recovery_on_a_new_machine_the_head_resets_pins(made, store, tmp_path):
    kf, master, code = made
    add(kf, master, store)
    new_machine = device_secrets.FileSecrets(tmp_path / "new-laptop")
    with pytest.raises(keys.NoDeviceSecret):
        kf.unlock("h1", PIN, new_machine)
    key = kf.unlock_with_recovery(code).master_key
    kf.reset_holder_pin(key, "h1", "111111", new_machine, KDF)
    assert kf.unlock("h1", "111111", new_machine).master_key == master
    assert new_machine.load(kf.install_id) is not None
    # v2 was not reset yet: its key still needs the old machine's secret.
    with pytest.raises(keys.NoDeviceSecret):
        kf.unlock("v2", "222222", new_machine)
    assert kf.unlock("v2", "222222", store).master_key == master
    with pytest.raises(keys.KeysError, match="not the station's current"):
        kf.reset_holder_pin(keys.new_master_key(), "v2", "111111", new_machine, KDF)
    with pytest.raises(keys.UnknownHolder):
        kf.reset_holder_pin(key, "recovery", "111111", new_machine, KDF)


def test_reset_pin_clears_a_lock_out(kf, master, store):
    for _ in range(5):
        with pytest.raises(keys.KeysError):
            kf.unlock("h1", "000000", store, now=T0)
    kf.reset_holder_pin(master, "h1", "333333", store, KDF)
    assert kf.lockout_state("h1", now=T0) == (0, None)
    assert kf.unlock("h1", "333333", store, now=T0).master_key == master


# --- re-key -------------------------------------------------------------------------------------

def test_rekey_reaches_the_remaining_holders_and_recovery_not_the_removed(made, store, path):
    kf, old, code = made
    add(kf, old, store, hid="v2")
    add(kf, old, store, hid="v3", pin="333333")
    copy_kept_by_v2 = path.read_bytes()
    kf.remove_holder("v2")
    new = keys.new_master_key()
    kf.begin_rekey(new)
    kf.commit_rekey()
    fresh = keys.KeyFile.load(path)
    for hid, pin in [("h1", PIN), ("v3", "333333")]:
        assert fresh.unlock(hid, pin, store) == keys.Unlocked(new, None, hid)
    assert fresh.unlock_with_recovery(code).master_key == new
    with pytest.raises(keys.UnknownHolder):
        fresh.unlock("v2", "222222", store)
    # Even with an old copy of the file, v2 reaches only the old key.
    old_copy = path.with_name("old.json")
    old_copy.write_bytes(copy_kept_by_v2)
    assert keys.KeyFile.load(old_copy).unlock("v2", "222222", store).master_key == old


def test_a_crash_between_begin_and_commit_returns_both_keys(made, store, path):
    kf, old, code = made
    add(kf, old, store)
    new = keys.new_master_key()
    kf.begin_rekey(new)
    del kf  # the app dies here
    after = keys.KeyFile.load(path)
    assert after.unlock("h1", PIN, store) == keys.Unlocked(old, new, "h1")
    assert after.unlock("v2", "222222", store) == keys.Unlocked(old, new, "v2")
    assert after.unlock_with_recovery(code) == keys.Unlocked(old, new, "recovery")
    after.commit_rekey()
    assert keys.KeyFile.load(path).unlock("h1", PIN, store) == keys.Unlocked(new, None, "h1")


def test_abort_rekey_keeps_the_current_key(kf, master, store):
    kf.begin_rekey(keys.new_master_key())
    kf.abort_rekey()
    kf.abort_rekey()  # nothing pending: nothing to do
    assert kf.unlock("h1", PIN, store) == keys.Unlocked(master, None, "h1")
    with pytest.raises(keys.KeysError, match="No re-key"):
        kf.commit_rekey()


def test_one_rekey_at_a_time_and_no_new_holders_meanwhile(kf, master, store):
    kf.begin_rekey(keys.new_master_key())
    with pytest.raises(keys.KeysError, match="unfinished"):
        kf.begin_rekey(keys.new_master_key())
    with pytest.raises(keys.KeysError, match="unfinished"):
        add(kf, master, store)
    with pytest.raises(keys.KeysError, match="unfinished"):
        kf.reset_holder_pin(master, "h1", "111111", store, KDF)


def test_removing_a_holder_during_a_rekey_drops_its_pending_wrap(kf, master, store, path):
    add(kf, master, store)
    kf.begin_rekey(keys.new_master_key())
    kf.remove_holder("v2")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert "v2" not in doc["master"]["pending"]["wraps"]


# --- the file -----------------------------------------------------------------------------------

def test_the_key_file_is_0600_and_its_format_is_as_documented(kf, master, store, path):
    add(kf, master, store)
    kf.begin_rekey(keys.new_master_key())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "helpdesk-keys" and doc["version"] == 1
    assert doc["install_id"] == kf.install_id
    assert [h["id"] for h in doc["holders"]] == ["recovery", "h1", "v2"]
    head = doc["holders"][1]
    assert set(head) == {"id", "name", "role", "public_key", "salt", "kdf", "nonce",
                         "private_key", "device_check"}
    assert head["kdf"] == {"time_cost": 1, "memory_kib": 8, "parallelism": 1}
    assert set(doc["master"]["current"]["wraps"]) == {"recovery", "h1", "v2"}
    assert set(doc["master"]["pending"]["wraps"]) == {"recovery", "h1", "v2"}


def test_the_key_file_is_replaced_atomically(kf, store, path, monkeypatch):
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(keys.KeysError, match="Cannot save") as err:
        kf.begin_rekey(keys.new_master_key())
    assert has_messages(err.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name, path.name + ".lock"]
    assert keys.KeyFile.load(path).unlock("h1", PIN, store).pending_key is None


def test_a_write_goes_through_a_temporary_file_and_fsync(kf, path, monkeypatch):
    seen: list[tuple[str, str]] = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(src: str, dst: str) -> None:
        seen.append(("replace", Path(src).name))
        real_replace(src, dst)

    def fsync(fd: int) -> None:
        seen.append(("fsync", ""))
        real_fsync(fd)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    kf.begin_rekey(keys.new_master_key())
    kinds = [k for k, _ in seen]
    assert kinds == ["fsync", "replace", "fsync"]  # file, rename, folder
    assert seen[1][1].startswith(f".{path.name}.") and seen[1][1].endswith(".tmp")


def test_a_missing_key_file_says_what_to_do(tmp_path):
    with pytest.raises(keys.KeyFileMissing) as err:
        keys.KeyFile.load(tmp_path / "nope.json")
    assert has_messages(err.value) and "backup" in err.value.en and "备份" in err.value.zh


@pytest.mark.parametrize("damage", [
    lambda b: b"",
    lambda b: b[: len(b) // 2],
    lambda b: b"\xff\xfe garbage",
    lambda b: b"[]",
    lambda b: json.dumps({"format": "something else"}).encode(),
    lambda b: b.replace(b'"salt": "', b'"salt": "!!'),
    lambda b: b.replace(b'"holders"', b'"holderz"'),
    lambda b: b.replace(b'"memory_kib": 8', b'"memory_kib": 999999999999'),
])
def test_a_corrupt_key_file_gives_a_clear_error(kf, path, damage):
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(keys.KeyFileCorrupt) as err:
        keys.KeyFile.load(path)
    assert has_messages(err.value) and str(path) in err.value.en


def test_a_key_file_from_a_newer_app_asks_for_an_update(kf, path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"] = 2
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(keys.KeysError, match="newer Helpdesk"):
        keys.KeyFile.load(path)


def test_a_swapped_wrap_is_detected_not_returned(kf, master, store, path):
    add(kf, master, store)
    doc = json.loads(path.read_text(encoding="utf-8"))
    wraps = doc["master"]["current"]["wraps"]
    wraps["h1"] = wraps["v2"]  # someone edits the file
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(keys.KeyFileCorrupt):
        keys.KeyFile.load(path).unlock("h1", PIN, store)


def test_two_processes_do_not_undo_each_others_changes(kf, master, store, path):
    other = keys.KeyFile.load(path)  # e.g. the command line while the app runs
    add(kf, master, store)
    with pytest.raises(keys.WrongPin):
        other.unlock("h1", "000000", store, now=T0)
    fresh = keys.KeyFile.load(path)
    assert [h.id for h in fresh.holders()] == ["h1", "v2"]
    assert fresh.lockout_state("h1", now=T0) == (1, None)


def test_concurrent_failures_are_all_counted(kf, store, path):
    def guess() -> None:
        with pytest.raises(keys.KeysError):
            keys.KeyFile.load(path).unlock("h1", "000000", store, now=T0)

    threads = [threading.Thread(target=guess) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert kf.lockout_state("h1", now=T0) == (4, None)


def test_kdf_params_are_bounded_and_the_default_is_strong():
    default = keys.KdfParams.default()
    assert default.memory_kib >= 64 * 1024 and default.time_cost >= 1
    for bad in [(0, 8, 1), (1, 4, 1), (1, 8, 0), (1, 8 * 1024 * 1024, 1), (100, 8, 1)]:
        with pytest.raises(ValueError):
            keys.KdfParams(*bad)


def test_state_round_trips_through_json(kf, master, store, path):
    add(kf, master, store)
    kf.begin_rekey(keys.new_master_key())
    with pytest.raises(keys.WrongPin):
        kf.unlock("v2", "000000", store, now=T0)
    raw = path.read_bytes()
    assert contents.dump(contents.parse(raw)) == raw


def test_a_failed_create_leaves_no_device_secret_behind(tmp_path, store, monkeypatch):
    real = device_secrets.write_private

    def crash(path: Path, data: bytes) -> None:
        if path.name == "k.json":  # the key file fails; the secrets file is written
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(device_secrets, "write_private", crash)
    with pytest.raises(keys.KeysError, match="Cannot save"):
        keys.KeyFile.create(tmp_path / "k.json", head_id="h1", head_name="王芳", head_pin=PIN,
                            secrets=store, kdf=KDF)
    doc = json.loads(store.path.read_text(encoding="utf-8"))
    assert doc["bindings"] == {}
