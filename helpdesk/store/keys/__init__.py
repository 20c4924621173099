"""The station's keys: who may open the SQLCipher database, and how.

The database is encrypted under a random 32-byte *master key*. Every holder (each volunteer, and
the special holder `recovery`) has an X25519 *key pair*; the master key is wrapped to each
holder's public key (ECIES), so re-keying needs nobody's PIN. A holder's private key is stored
sealed under a *key-encryption key* (KEK): for volunteers HKDF(argon2id(PIN) || device secret),
the *device secret* being kept by the OS keyring (`device_secrets`), so the *key file* and a PIN
alone open nothing; for `recovery`, argon2id of the printed recovery code.

The key file is JSON, 0600, replaced atomically, and every change re-reads it under a lock file
so two processes (app and command line) never undo each other's changes. Holder names and roles
are readable before sign-in; roles there are for display only (the file is not authenticated):
authorise from the database. Lock-out counters stop guessing through the app only; the device
secret is what stops offline guessing.

The modules, one thing each:
  keyfile         `KeyFile`: the file on disk and every change to it
  contents        the file's contents in memory and as JSON
  crypto          the primitives (argon2id, KEKs, AES-GCM sealing, ECIES wrapping)
  codes           what people type: PINs and the recovery code
  device_secrets  where this computer keeps its device secret
  errors          what can go wrong, in Chinese and English
This package re-exports what the rest of Helpdesk uses.
"""

from __future__ import annotations

from helpdesk.store.keys.codes import normalise_recovery_code
from helpdesk.store.keys.crypto import KdfParams
from helpdesk.store.keys.errors import (
    BadRecoveryCode,
    DeviceSecretUnavailable,
    InvalidPin,
    KeyFileCorrupt,
    KeyFileMissing,
    KeysError,
    LockedOut,
    NoDeviceSecret,
    UnknownHolder,
    WrongPin,
)
from helpdesk.store.keys.keyfile import Holder, KeyFile, Unlocked, new_master_key

__all__ = [
    "BadRecoveryCode", "DeviceSecretUnavailable", "Holder", "InvalidPin", "KdfParams",
    "KeyFile", "KeyFileCorrupt", "KeyFileMissing", "KeysError", "LockedOut", "NoDeviceSecret",
    "UnknownHolder", "Unlocked", "WrongPin", "new_master_key", "normalise_recovery_code",
]
