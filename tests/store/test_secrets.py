"""The device-secret stores. Never the real keyring or config folder: an in-memory keyring
backend set with `keyring.set_keyring` (undone after each test), files under tmp_path."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from helpdesk.store import keys
from helpdesk.store.keys import device_secrets

INSTALL = "0b8f4f5e-2f1c-4c55-9a43-3d3c3b8a7f10"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict, for tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.locked = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            raise keyring.errors.KeyringLocked("locked")
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("locked")
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.items[(service, username)]


@pytest.fixture
def use_keyring(monkeypatch):
    """Install a backend for the test only; monkeypatch puts the previous one back."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)

    def install(backend: keyring.backend.KeyringBackend) -> keyring.backend.KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    return install


@pytest.fixture
def memory(use_keyring) -> MemoryKeyring:
    return use_keyring(MemoryKeyring())


# --- Binding ------------------------------------------------------------------------------------

def test_a_binding_is_32_random_bytes_never_shown():
    a, b = device_secrets.Binding.new(), device_secrets.Binding.new()
    assert len(a.secret) == 32 and a.secret != b.secret
    assert (a.device_id, a.opens) == (None, 0)
    assert a.secret.hex() not in repr(a) and str(a.secret) not in repr(a)
    with pytest.raises(ValueError):
        device_secrets.Binding(b"short", None, 0)
    with pytest.raises(ValueError):
        device_secrets.Binding(bytes(32), None, -1)
    assert device_secrets.Binding.from_dict(a.to_dict()) == a


# --- FileSecrets --------------------------------------------------------------------------------

def test_file_secrets_round_trip_0600_in_a_0700_folder(tmp_path):
    store = device_secrets.FileSecrets(tmp_path / "cfg" / "helpdesk")
    assert store.load(INSTALL) is None
    binding = device_secrets.Binding(os.urandom(32), "dev-1", 7)
    store.save(INSTALL, binding)
    assert store.load(INSTALL) == binding
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    assert store.where() == f"file {store.path} (0600)"
    assert device_secrets.FileSecrets(tmp_path / "cfg" / "helpdesk").load(INSTALL) == binding


def test_file_secrets_keep_other_installations_and_delete_one(tmp_path):
    store = device_secrets.FileSecrets(tmp_path)
    one, two = device_secrets.Binding.new(), device_secrets.Binding.new()
    store.save("a", one)
    store.save("b", two)
    store.save("a", device_secrets.Binding(one.secret, "dev", 1))
    assert store.load("b") == two
    assert store.load("a") == device_secrets.Binding(one.secret, "dev", 1)
    store.delete("a")
    store.delete("a")  # already gone: fine
    assert store.load("a") is None and store.load("b") == two
    device_secrets.FileSecrets(tmp_path / "empty").delete("a")  # no file at all: fine


@pytest.mark.parametrize("content", [
    "not json", "[]", '{"bindings": 3}',
    json.dumps({"version": 1, "bindings": {INSTALL: {"secret": "AAAA", "device_id": None,
                                                     "opens": 0}}}),
])
def test_a_damaged_secrets_file_says_so(tmp_path, content):
    store = device_secrets.FileSecrets(tmp_path)
    store.path.write_text(content, encoding="utf-8")
    with pytest.raises(keys.DeviceSecretUnavailable) as err:
        store.load(INSTALL)
    assert err.value.zh and err.value.en and isinstance(err.value, keys.KeysError)


def test_an_unwritable_folder_is_a_clear_error(tmp_path, monkeypatch):
    def denied(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(device_secrets, "write_private", denied)
    with pytest.raises(keys.DeviceSecretUnavailable, match="Cannot write") as err:
        device_secrets.FileSecrets(tmp_path).save(INSTALL, device_secrets.Binding.new())
    assert "权限" in err.value.zh


# --- KeyringSecrets -----------------------------------------------------------------------------

def test_keyring_secrets_use_service_helpdesk_and_user_device_install_id(memory):
    store = device_secrets.KeyringSecrets()
    assert store.load(INSTALL) is None
    binding = device_secrets.Binding(os.urandom(32), "dev-1", 3)
    store.save(INSTALL, binding)
    assert list(memory.items) == [("helpdesk", f"device:{INSTALL}")]
    assert json.loads(memory.items[("helpdesk", f"device:{INSTALL}")])["opens"] == 3
    assert store.load(INSTALL) == binding
    store.delete(INSTALL)
    store.delete(INSTALL)  # already gone: fine
    assert memory.items == {}
    assert store.where() == f"system keyring ({MemoryKeyring.name})"


def test_keyring_secrets_with_an_explicit_backend(use_keyring):
    use_keyring(fail.Keyring())  # the global one would fail: the explicit one is used
    backend = MemoryKeyring()
    store = device_secrets.KeyringSecrets(backend)
    store.save(INSTALL, device_secrets.Binding.new())
    assert store.load(INSTALL) is not None and len(backend.items) == 1


def test_a_locked_keyring_is_unavailable_not_missing(memory):
    memory.locked = True
    with pytest.raises(keys.DeviceSecretUnavailable) as err:
        device_secrets.KeyringSecrets().load(INSTALL)
    assert "Unlock it" in err.value.en and "钥匙串" in err.value.zh


def test_a_damaged_keyring_entry_says_so(memory):
    memory.items[("helpdesk", f"device:{INSTALL}")] = "{not json"
    with pytest.raises(keys.DeviceSecretUnavailable):
        device_secrets.KeyringSecrets().load(INSTALL)


def test_the_key_file_works_through_the_keyring(memory, tmp_path):
    store = device_secrets.KeyringSecrets()
    kf, master, _ = keys.KeyFile.create(tmp_path / "k.json", head_id="h1", head_name="王芳",
                                        head_pin="123456", secrets=store,
                                        kdf=keys.KdfParams.fast())
    assert ("helpdesk", f"device:{kf.install_id}") in memory.items
    assert kf.unlock("h1", "123456", store).master_key == master


# --- choosing the store -------------------------------------------------------------------------

def test_a_real_keyring_is_chosen(memory, tmp_path):
    store = device_secrets.device_secrets(tmp_path)
    assert isinstance(store, device_secrets.KeyringSecrets)
    assert store.where().startswith("system keyring (")


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring])
def test_without_a_real_keyring_a_file_is_used_and_says_so(use_keyring, tmp_path, backend):
    use_keyring(backend())
    store = device_secrets.device_secrets(tmp_path)
    assert isinstance(store, device_secrets.FileSecrets)
    assert store.where() == f"file {tmp_path / 'device-secrets.json'} (0600)"


def test_an_empty_chainer_is_no_keyring(use_keyring, monkeypatch, tmp_path):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    use_keyring(chainer.ChainerBackend())
    assert isinstance(device_secrets.device_secrets(tmp_path), device_secrets.FileSecrets)


def test_a_chainer_with_backends_is_a_keyring(use_keyring, monkeypatch, tmp_path):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring()])
    use_keyring(chainer.ChainerBackend())
    store = device_secrets.device_secrets(tmp_path)
    assert isinstance(store, device_secrets.KeyringSecrets)
    assert store.where() == f"system keyring ({MemoryKeyring.name})"


def test_once_the_file_is_used_it_stays_used(use_keyring, tmp_path):
    use_keyring(fail.Keyring())
    first = device_secrets.device_secrets(tmp_path)
    first.save(INSTALL, device_secrets.Binding.new())
    use_keyring(MemoryKeyring())  # a desktop session later: the secret is still in the file
    later = device_secrets.device_secrets(tmp_path)
    assert isinstance(later, device_secrets.FileSecrets) and later.load(INSTALL) is not None


# --- file helpers -------------------------------------------------------------------------------

def test_write_private_replaces_atomically_0600(tmp_path, monkeypatch):
    path = tmp_path / "f.json"
    device_secrets.write_private(path, b"one")
    assert path.read_bytes() == b"one" and stat.S_IMODE(path.stat().st_mode) == 0o600

    def crash(src: object, dst: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        device_secrets.write_private(path, b"two")
    assert path.read_bytes() == b"one"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_file_lock_is_exclusive(tmp_path):
    path = tmp_path / "f.json"
    acquired = threading.Event()

    def other() -> None:
        with device_secrets.file_lock(path):
            acquired.set()

    with device_secrets.file_lock(path):
        thread = threading.Thread(target=other)
        thread.start()
        assert not acquired.wait(0.2)
    assert acquired.wait(5)
    thread.join()
    assert stat.S_IMODE(Path(str(path) + ".lock").stat().st_mode) == 0o600
