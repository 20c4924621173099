"""Where this computer keeps the device secret that, together with a PIN, opens the key file.

The operating system's keyring when there is a real one (Windows Credential Manager, macOS
Keychain, Secret Service), else one 0600 JSON file in the user's config folder; `where()` says
which, so the app can tell the user. Also the two file helpers the key file shares with it:
`write_private` (atomic, 0600) and `file_lock` (one writer at a time across processes).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

from helpdesk.store.keys.errors import DeviceSecretUnavailable

SERVICE = "helpdesk"
FILE_NAME = "device-secrets.json"
SECRET_BYTES = 32


@dataclass(frozen=True)
class Binding:
    """What this machine remembers about one installation.

    `secret` is mixed into every volunteer's key; `device_id` and `opens` belong to the store,
    which compares them with the database to notice a restored or copied database.
    """

    secret: bytes = field(repr=False)  # never in logs or tracebacks
    device_id: str | None
    opens: int

    def __post_init__(self) -> None:
        if len(self.secret) != SECRET_BYTES:
            raise ValueError(f"a device secret is {SECRET_BYTES} bytes")
        if self.opens < 0:
            raise ValueError("opens cannot be negative")

    @classmethod
    def new(cls) -> Binding:
        """A fresh random secret, not yet tied to a device."""
        return cls(os.urandom(SECRET_BYTES), None, 0)

    def to_dict(self) -> dict[str, Any]:
        secret = base64.b64encode(self.secret).decode()
        return {"secret": secret, "device_id": self.device_id, "opens": self.opens}

    @classmethod
    def from_dict(cls, data: Any) -> Binding:
        """Parse `to_dict`'s output; DeviceSecretUnavailable if it is not one."""
        try:
            device_id = data["device_id"]
            if not (device_id is None or isinstance(device_id, str)):
                raise TypeError("device_id")
            opens = data["opens"]
            if not isinstance(opens, int) or isinstance(opens, bool):
                raise TypeError("opens")
            secret = base64.b64decode(data["secret"], validate=True)
            return cls(secret, device_id, opens)
        except (KeyError, TypeError, ValueError) as exc:
            raise DeviceSecretUnavailable(
                f"保存的设备密钥已损坏（{exc}）。请用恢复码解锁。",
                f"The stored device secret is damaged ({exc}). Unlock with the recovery code.",
            ) from exc


class DeviceSecrets(Protocol):
    """A place that keeps one Binding per installation (named by the key file's install_id)."""

    def load(self, install_id: str) -> Binding | None:
        """The binding, or None if this machine has none; DeviceSecretUnavailable if unreadable."""
        ...

    def save(self, install_id: str, binding: Binding) -> None:
        """Store (or replace) the binding; DeviceSecretUnavailable if it cannot."""
        ...

    def delete(self, install_id: str) -> None:
        """Forget the binding; no error if there was none."""
        ...

    def where(self) -> str:
        """Where the secrets live, for people: 'system keyring (…)' or 'file … (0600)'."""
        ...


class KeyringSecrets:
    """Secrets in the OS keyring: service "helpdesk", user "device:<install_id>", JSON value."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    def _kr(self) -> keyring.backend.KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def load(self, install_id: str) -> Binding | None:
        with _keyring_errors(self):
            text = self._kr().get_password(SERVICE, _user(install_id))
        if text is None:
            return None
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise _damaged(self.where()) from exc
        return Binding.from_dict(data)

    def save(self, install_id: str, binding: Binding) -> None:
        text = json.dumps(binding.to_dict())
        with _keyring_errors(self):
            self._kr().set_password(SERVICE, _user(install_id), text)

    def delete(self, install_id: str) -> None:
        # Nothing stored is already the state asked for.
        with _keyring_errors(self), contextlib.suppress(
            keyring.errors.PasswordDeleteError
        ):
            self._kr().delete_password(SERVICE, _user(install_id))

    def where(self) -> str:
        kr = self._kr()
        if isinstance(kr, chainer.ChainerBackend):
            names = ", ".join(str(b.name) for b in kr.backends)
            return f"system keyring ({names})"
        return f"system keyring ({kr.name})"


class FileSecrets:
    """Secrets in `<config_dir>/device-secrets.json` (0600, saved atomically; dirs made 0700).

    Used only where no OS keyring exists: the file is as safe as the user account.
    """

    def __init__(self, config_dir: Path) -> None:
        self.path = Path(config_dir) / FILE_NAME

    def load(self, install_id: str) -> Binding | None:
        data = self._read().get(install_id)
        return None if data is None else Binding.from_dict(data)

    def save(self, install_id: str, binding: Binding) -> None:
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with file_lock(self.path):  # read-modify-write: other installs' bindings survive
                bindings = self._read()
                bindings[install_id] = binding.to_dict()
                self._write(bindings)
        except OSError as exc:
            raise self._cannot_write(exc) from exc

    def delete(self, install_id: str) -> None:
        if not self.path.exists():
            return
        try:
            with file_lock(self.path):
                bindings = self._read()
                if bindings.pop(install_id, None) is not None:
                    self._write(bindings)
        except OSError as exc:
            raise self._cannot_write(exc) from exc

    def where(self) -> str:
        return f"file {self.path} (0600)"

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise _damaged(self.where()) from exc
        if not isinstance(data, dict) or not isinstance(data.get("bindings"), dict):
            raise _damaged(self.where())
        bindings: dict[str, Any] = data["bindings"]
        return bindings

    def _cannot_write(self, exc: OSError) -> DeviceSecretUnavailable:
        return DeviceSecretUnavailable(
            f"无法写入设备密钥文件 {self.path}：{exc}。请检查文件夹权限。",
            f"Cannot write {self.path}: {exc}. Check folder permissions.",
        )

    def _write(self, bindings: dict[str, Any]) -> None:
        text = json.dumps({"version": 1, "bindings": bindings}, indent=2)
        write_private(self.path, text.encode("utf-8"))


def load_or_create(store: DeviceSecrets, install_id: str) -> Binding:
    """This machine's binding for the installation, made (random, unbound) if there is none."""
    binding = store.load(install_id)
    if binding is None:
        binding = Binding.new()
        store.save(install_id, binding)
    return binding


def is_real_keyring(backend: keyring.backend.KeyringBackend) -> bool:
    """False for keyring's stand-ins that store nothing (fail, null, an empty chainer)."""
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return len(backend.backends) > 0
    return True


def device_secrets(config_dir: Path) -> DeviceSecrets:
    """The secret store for this machine: the OS keyring if a real one exists, else a file.

    Once the file exists it is kept even if a keyring appears later (a desktop session after
    a first run over SSH, say): switching would lose the secret and force a recovery.
    """
    file_store = FileSecrets(config_dir)
    if file_store.path.exists():
        return file_store
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring install must not stop the station: use the file
        return file_store
    return KeyringSecrets(backend) if is_real_keyring(backend) else file_store


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` atomically with `data`, readable by the owner only (0600).

    Written to a temporary file in the same folder, flushed and fsynced, renamed over the
    old file, then the folder is fsynced: after a crash the file is the old or the new one.
    """
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sys.platform != "win32":  # Windows cannot open a folder to fsync it
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _replace(src: Path, dst: Path) -> None:
    # On Windows a reader or a virus scanner holding `dst` open makes the rename fail for a
    # moment; elsewhere the rename always succeeds or fails for good.
    for attempt in range(20):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == 19:
                raise
            time.sleep(0.05)


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `<path>.lock` (blocking) so read-modify-write is not lost.

    The lock file is left in place: deleting it would let two writers lock different files.
    """
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":
            import msvcrt

            while True:  # LK_LOCK gives up after about 10 s; keep waiting like flock does
                try:
                    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _user(install_id: str) -> str:
    return f"device:{install_id}"


def _damaged(where: str) -> DeviceSecretUnavailable:
    return DeviceSecretUnavailable(
        f"设备密钥存放处已损坏：{where}。请用恢复码解锁。",
        f"The device secret store is damaged: {where}. Unlock with the recovery code.",
    )


@contextlib.contextmanager
def _keyring_errors(store: KeyringSecrets) -> Iterator[None]:
    """Turn keyring failures (locked, no D-Bus, denied) into a message saying what to do."""
    try:
        yield
    except keyring.errors.KeyringError as exc:
        where = store.where()
        raise DeviceSecretUnavailable(
            f"无法使用系统钥匙串（{where}）：{exc}。请解锁系统钥匙串后重试。",
            f"Cannot use the system keyring ({where}): {exc}. Unlock it and try again.",
        ) from exc
