"""The station key file (see the package's docstring): who may open the database, and how.

`KeyFile` reads the file afresh for every call and saves each change at once, under a lock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from helpdesk.store.keys import codes, contents, crypto
from helpdesk.store.keys import device_secrets as secret_store
from helpdesk.store.keys.crypto import KdfParams
from helpdesk.store.keys.device_secrets import DeviceSecrets
from helpdesk.store.keys.errors import (
    BadRecoveryCode,
    KeyFileCorrupt,
    KeysError,
    NoDeviceSecret,
)

RECOVERY_ID = contents.RECOVERY_ID


@dataclass(frozen=True)
class Holder:
    """A volunteer as the sign-in screen lists them (readable before sign-in)."""

    id: str
    name: str
    role: str


@dataclass(frozen=True)
class Unlocked:
    """The keys a holder reached: try `master_key`, then `pending_key` (an unfinished re-key)."""

    master_key: bytes = dataclasses.field(repr=False)
    pending_key: bytes | None = dataclasses.field(repr=False)
    holder_id: str


class _Session(NamedTuple):
    state: contents.State
    rec: contents.Record
    private: bytes
    binding: secret_store.Binding


class _Counted(Exception):
    """Carries an error out of an edit whose state (a failure count) must still be saved."""

    def __init__(self, error: KeysError) -> None:
        self.error = error


def new_master_key() -> bytes:
    """32 random bytes for SQLCipher (`PRAGMA key = "x'<hex>'"`)."""
    return os.urandom(crypto.KEY_BYTES)


class KeyFile:
    """One station's key file. Every method reads the file afresh; changes are saved at once."""

    def __init__(self, path: Path, state: contents.State) -> None:
        """Use `create` or `load`."""
        self.path = path
        self._state = state

    @property
    def install_id(self) -> str:
        """Random UUID naming this installation's device secret in the secret store."""
        return self._state.install_id

    @classmethod
    def create(
        cls, path: Path, *, head_id: str, head_name: str, head_pin: str,
        secrets: DeviceSecrets, kdf: KdfParams,
    ) -> tuple[KeyFile, bytes, str]:
        """A new key file with the head and `recovery`: (keyfile, master key, recovery code).

        Creates this machine's device secret. The recovery code is shown once: print it.
        Raises InvalidPin, KeysError if the file exists or the input is bad.
        """
        pin = codes.pin_digits(head_pin)
        _check_holder(head_id, head_name, "head")
        path = Path(path)
        if path.exists():
            raise _exists(path)
        master, code = new_master_key(), codes.new_recovery_code()
        state = contents.State.new(master)
        salt = os.urandom(crypto.SALT_BYTES)
        kek = crypto.recovery_kek(code, salt, kdf)
        contents.enrol(state, RECOVERY_ID, "", RECOVERY_ID, kek, salt, kdf, None, master)
        secret = secret_store.load_or_create(secrets, state.install_id).secret
        contents.enrol_volunteer(state, head_id, head_name, "head", pin, secret, kdf, master)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with secret_store.file_lock(path):
                if path.exists():  # made meanwhile by another process
                    raise _exists(path)
                secret_store.write_private(path, contents.dump(state))
        except BaseException as exc:
            # The secret was made for this new install id only: leave no orphan behind.
            with contextlib.suppress(KeysError):
                secrets.delete(state.install_id)
            if isinstance(exc, OSError):
                raise _cannot_save(path, exc) from exc
            raise
        return cls(path, state), master, code

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read a key file; KeyFileMissing, KeyFileCorrupt or KeysError if it cannot be used."""
        path = Path(path)
        return cls(path, contents.read(path))

    def holders(self) -> list[Holder]:
        """The volunteers, in the order they were added (not `recovery`)."""
        self._state = contents.read(self.path)
        return [Holder(r.id, r.name, r.role) for r in self._state.holders.values()
                if r.id != RECOVERY_ID]

    def add_holder(
        self, master_key: bytes, *, holder_id: str, name: str, role: str, pin: str,
        secrets: DeviceSecrets, kdf: KdfParams,
    ) -> None:
        """Give a new volunteer the current master key under their PIN and this machine's secret.

        Raises InvalidPin, KeysError (id taken, bad name or role, wrong master key, re-key
        in progress), DeviceSecretUnavailable. Creates the device secret here if there is none.
        """
        pin = codes.pin_digits(pin)
        _check_holder(holder_id, name, role)
        with self._editing() as st:
            if holder_id in st.holders:
                raise KeysError(f"编号 {holder_id} 已被使用。", f"Id {holder_id} is already taken.")
            contents.require_master(st, master_key)
            secret = secret_store.load_or_create(secrets, st.install_id).secret
            contents.enrol_volunteer(st, holder_id, name, role, pin, secret, kdf, master_key)

    def update_holder(self, holder_id: str, *, name: str, role: str) -> None:
        """Change the name or role shown at sign-in (keys untouched). UnknownHolder, KeysError."""
        _check_holder(holder_id, name, role)
        with self._editing() as st:
            rec = contents.volunteer(st, holder_id)
            if rec.role == "head" and role != "head":
                contents.refuse_last_head(st, holder_id)
            rec.name, rec.role = name.strip(), role

    def remove_holder(self, holder_id: str) -> None:
        """Drop a volunteer and their wraps. Re-key afterwards: an old copy of this file still
        opens the current master key for them. UnknownHolder; KeysError for the last head."""
        with self._editing() as st:
            rec = contents.volunteer(st, holder_id)
            if rec.role == "head":
                contents.refuse_last_head(st, holder_id)
            del st.holders[holder_id]
            st.current.wraps.pop(holder_id, None)
            if st.pending is not None:
                st.pending.wraps.pop(holder_id, None)
            st.lockout.pop(holder_id, None)

    def set_pin(
        self, holder_id: str, old_pin: str, new_pin: str, secrets: DeviceSecrets, kdf: KdfParams
    ) -> None:
        """Change one's own PIN (same key pair, so no re-key). Errors as `unlock`, InvalidPin."""
        new = codes.pin_digits(new_pin)
        with self._signed_in(holder_id, old_pin, secrets, None) as s:
            salt = os.urandom(crypto.SALT_BYTES)
            kek = crypto.volunteer_kek(new, salt, kdf, s.binding.secret)
            nonce, sealed = crypto.seal(kek, s.private, contents.key_aad(holder_id))
            s.rec.salt, s.rec.kdf, s.rec.nonce, s.rec.private_key = salt, kdf, nonce, sealed

    def reset_holder_pin(
        self, master_key: bytes, holder_id: str, new_pin: str, secrets: DeviceSecrets,
        kdf: KdfParams,
    ) -> None:
        """Give a volunteer a new PIN without the old one (forgotten PIN, or a new computer).

        Needs the current master key, i.e. someone signed in as head or with the recovery
        code (the caller checks who may). Makes a new key pair bound to this machine's device
        secret (created if missing), wraps the master key to it, and clears the lock-out. This
        replaces "adopting" a device secret: after a recovery on a new computer, old PIN-based
        keys cannot be moved without their PINs, so the head resets each volunteer's PIN here.
        Raises UnknownHolder, InvalidPin, KeysError (wrong master key, re-key in progress).
        """
        pin = codes.pin_digits(new_pin)
        with self._editing() as st:
            rec = contents.volunteer(st, holder_id)
            contents.require_master(st, master_key)
            secret = secret_store.load_or_create(secrets, st.install_id).secret
            contents.enrol_volunteer(st, holder_id, rec.name, rec.role, pin, secret, kdf,
                                     master_key)

    def replace_recovery_code(self, master_key: bytes, kdf: KdfParams) -> str:
        """A new recovery code (returned; print it), the old one stops working for new keys.

        Re-key afterwards if the old sheet may be in the wrong hands. KeysError as add_holder.
        """
        code = codes.new_recovery_code()
        with self._editing() as st:
            contents.require_master(st, master_key)
            salt = os.urandom(crypto.SALT_BYTES)
            kek = crypto.recovery_kek(code, salt, kdf)
            contents.enrol(st, RECOVERY_ID, "", RECOVERY_ID, kek, salt, kdf, None, master_key)
        return code

    def unlock(
        self, holder_id: str, pin: str, secrets: DeviceSecrets, *, now: datetime | None = None
    ) -> Unlocked:
        """The master key (and pending key) for a volunteer's PIN; a right PIN clears failures.

        Raises UnknownHolder, LockedOut (before any derivation; also on the failure that locks),
        InvalidPin (not counted), NoDeviceSecret, DeviceSecretUnavailable, WrongPin (counted).
        """
        with self._signed_in(holder_id, pin, secrets, now) as s:
            return _open_slots(self.path, s.state, holder_id, s.private)

    def verify_pin(
        self, holder_id: str, pin: str, secrets: DeviceSecrets, *, now: datetime | None = None
    ) -> None:
        """Check a volunteer's PIN (a second volunteer's sign-off); same errors and counting."""
        with self._signed_in(holder_id, pin, secrets, now):
            pass

    def unlock_with_recovery(self, code: str) -> Unlocked:
        """The master key (and pending key) for the recovery code; BadRecoveryCode if wrong.

        No lock-out: 160 random bits cannot be guessed, and this path must always work.
        """
        canonical = codes.normalise_recovery_code(code)
        st = self._state = contents.read(self.path)
        rec = st.holders.get(RECOVERY_ID)
        if rec is None:
            raise KeyFileCorrupt(self.path, "no recovery holder")
        kek = crypto.recovery_kek(canonical, rec.salt, rec.kdf)
        private = crypto.unseal(kek, rec.nonce, rec.private_key, contents.key_aad(RECOVERY_ID))
        if private is None:
            raise BadRecoveryCode()
        return _open_slots(self.path, st, RECOVERY_ID, private)

    def begin_rekey(self, new_master: bytes) -> None:
        """Save `new_master` wrapped to every holder as pending, beside the current key.

        Then re-key the database and call `commit_rekey` (or `abort_rekey`). After a crash,
        `unlock` returns both keys; whichever opens the database says which call to make.
        Raises KeysError if a re-key is already pending (finish it first).
        """
        if len(new_master) != crypto.KEY_BYTES:
            raise ValueError("a master key is 32 bytes")
        with self._editing() as st:
            if st.pending is not None:
                raise contents.rekey_pending()
            wraps = {h: crypto.wrap_to(r.public_key, new_master, contents.wrap_aad(h))
                     for h, r in st.holders.items()}
            st.pending = contents.Slot(crypto.master_check(new_master), wraps)

    def commit_rekey(self) -> None:
        """Make the pending key current (the database now uses it); KeysError if none pending."""
        with self._editing() as st:
            if st.pending is None:
                raise KeysError("没有进行中的换钥。", "No re-key is in progress.")
            st.current, st.pending = st.pending, None

    def abort_rekey(self) -> None:
        """Drop the pending key (the database kept the current one); no-op if none pending."""
        with self._editing() as st:
            st.pending = None

    def lockout_state(self, holder_id: str, *, now: datetime | None = None
                      ) -> tuple[int, datetime | None]:
        """(consecutive wrong PINs, locked-until if still locked at `now`); UnknownHolder."""
        now = _utc(now)
        self._state = contents.read(self.path)
        contents.volunteer(self._state, holder_id)
        lock = self._state.lockout.get(holder_id, contents.Lock(0, None))
        return lock.failures, lock.until if lock.until and lock.until > now else None

    @contextlib.contextmanager
    def _editing(self) -> Iterator[contents.State]:
        """Lock, re-read, let the caller change the state, save if changed.

        An exception discards the changes, except `_Counted`, whose changes are saved first.
        """
        error: KeysError | None = None
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(secret_store.file_lock(self.path))
            except OSError as exc:  # a read-only or vanished folder
                raise _cannot_save(self.path, exc) from exc
            st = contents.read(self.path)
            if st.install_id != self.install_id:
                raise KeyFileCorrupt(self.path, "replaced by another installation's key file")
            before = contents.dump(st)
            try:
                yield st
            except _Counted as counted:
                error = counted.error
            after = contents.dump(st)
            if after != before:
                try:
                    secret_store.write_private(self.path, after)
                except OSError as exc:  # disk full, read-only: the change did not happen
                    raise _cannot_save(self.path, exc) from exc
            self._state = st
        if error is not None:
            raise error

    @contextlib.contextmanager
    def _signed_in(
        self, holder_id: str, pin: str, secrets: DeviceSecrets, now: datetime | None
    ) -> Iterator[_Session]:
        now = _utc(now)
        with self._editing() as st:
            rec = contents.volunteer(st, holder_id)
            locked = contents.locked_out(st, holder_id, now)
            if locked:
                raise _Counted(locked)  # counted: a clock set back may have shortened the lock
            digits = codes.pin_digits(pin)  # a PIN that cannot be right is refused, not counted
            binding = secrets.load(st.install_id)
            if binding is None or rec.device_check != crypto.device_check(
                binding.secret, st.install_id
            ):
                raise NoDeviceSecret(secrets.where())
            kek = crypto.volunteer_kek(digits, rec.salt, rec.kdf, binding.secret)
            private = crypto.unseal(kek, rec.nonce, rec.private_key, contents.key_aad(holder_id))
            if private is None:
                raise _Counted(contents.record_failure(st, holder_id, now))
            if crypto.public_of(private) != rec.public_key:
                raise KeyFileCorrupt(self.path, f"key pair of {holder_id} does not match")
            st.lockout.pop(holder_id, None)
            yield _Session(st, rec, private, binding)


def _check_holder(holder_id: str, name: str, role: str) -> None:
    if not holder_id.strip() or holder_id != holder_id.strip() or holder_id == RECOVERY_ID:
        raise KeysError(f"编号无效：{holder_id!r}。", f"Invalid id: {holder_id!r}.")
    if not name.strip():
        raise KeysError("请填写姓名。", "Enter a name.")
    if role not in contents.ROLES:
        raise KeysError(f"角色无效：{role}。", f"Invalid role: {role} (head or volunteer).")


def _exists(path: Path) -> KeysError:
    return KeysError(f"密钥文件 {path} 已存在。", f"Key file {path} already exists.")


def _cannot_save(path: Path, exc: OSError) -> KeysError:
    return KeysError(f"无法保存密钥文件 {path}：{exc}。请检查磁盘空间和文件夹权限。",
                     f"Cannot save key file {path}: {exc}. Check disk space and permissions.")


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(UTC)


def _open_slots(path: Path, st: contents.State, holder_id: str, private: bytes) -> Unlocked:
    master = contents.open_slot(st.current, holder_id, private)
    if master is None:
        raise KeyFileCorrupt(path, f"no usable master key for {holder_id}")
    # A missing pending wrap is tolerated: the database may not have been re-keyed yet.
    pending = None if st.pending is None else contents.open_slot(st.pending, holder_id, private)
    return Unlocked(master, pending, holder_id)
