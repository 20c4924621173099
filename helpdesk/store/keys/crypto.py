"""The cryptographic primitives of the station key scheme (see `helpdesk.store.keys`).

Argon2id for PINs and recovery codes, key-encryption keys, AES-256-GCM sealing and ECIES
(ephemeral X25519 + HKDF-SHA256 + AES-256-GCM) to wrap the master key to a holder's public key.
Functions here never raise on a wrong key: they return None, and `keyfile` decides what it means.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16

# Domain-separation labels: a key derived for one purpose can never be mistaken for another.
_VOLUNTEER_KEK_INFO = b"helpdesk volunteer kek v1"
_WRAP_INFO = b"helpdesk master wrap v1"
_MASTER_CHECK = b"helpdesk master check v1"
_DEVICE_CHECK = b"helpdesk device check v1"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters, stored beside every secret derived with them.

    Bounds are checked so that a damaged or hostile key file cannot ask for, say, a terabyte.
    """

    time_cost: int
    memory_kib: int
    parallelism: int

    def __post_init__(self) -> None:
        if not 1 <= self.parallelism <= 16:
            raise ValueError(f"argon2 parallelism out of range: {self.parallelism}")
        if not 1 <= self.time_cost <= 64:
            raise ValueError(f"argon2 time_cost out of range: {self.time_cost}")
        if not 8 * self.parallelism <= self.memory_kib <= 4 * 1024 * 1024:
            raise ValueError(f"argon2 memory_kib out of range: {self.memory_kib}")

    @classmethod
    def default(cls) -> KdfParams:
        """Parameters for real PINs: 256 MiB, 3 passes, 2 lanes.

        Measured with `bench/kdf.py` on the development machine (Linux x86_64, 2 CPUs,
        argon2-cffi 25.1): median 0.35 s per derivation when idle (0.66 s while another
        process kept one CPU busy). Memory, not passes, is what slows a GPU attacker down,
        so memory is set high and the time cost low.
        """
        return cls(time_cost=3, memory_kib=256 * 1024, parallelism=2)

    @classmethod
    def fast(cls) -> KdfParams:
        """Tiny parameters for tests only: no protection at all."""
        return cls(time_cost=1, memory_kib=8, parallelism=1)


def argon2id(secret: bytes, salt: bytes, kdf: KdfParams) -> bytes:
    """Derive 32 bytes from a low-entropy secret (PIN or recovery code)."""
    return hash_secret_raw(
        secret, salt, kdf.time_cost, kdf.memory_kib, kdf.parallelism, KEY_BYTES, Type.ID
    )


def volunteer_kek(pin: str, salt: bytes, kdf: KdfParams, device_secret: bytes) -> bytes:
    """KEK = HKDF-SHA256(argon2id(PIN) || device secret): the PIN alone opens nothing."""
    stretched = argon2id(pin.encode("ascii"), salt, kdf)
    return _hkdf(stretched + device_secret, _VOLUNTEER_KEK_INFO)


def recovery_kek(code: str, salt: bytes, kdf: KdfParams) -> bytes:
    """KEK for the recovery holder: argon2id of the normalised code (160 bits, no device part)."""
    return argon2id(code.encode("ascii"), salt, kdf)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """AES-256-GCM encrypt under a fresh random nonce; returns (nonce, ciphertext)."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes | None:
    """Decrypt what `seal` made; None when the key or the associated data is wrong."""
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        return None


def new_keypair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as raw bytes (private, public)."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def public_of(private_raw: bytes) -> bytes:
    """The raw public key of a raw X25519 private key."""
    return X25519PrivateKey.from_private_bytes(private_raw).public_key().public_bytes_raw()


@dataclass(frozen=True)
class Wrap:
    """A secret wrapped to one public key: ephemeral public key, nonce, ciphertext."""

    epk: bytes
    nonce: bytes
    ct: bytes


def wrap_to(public_raw: bytes, secret: bytes, aad: bytes) -> Wrap:
    """ECIES: encrypt `secret` so that only the holder of `public_raw`'s private key reads it."""
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_raw))
    # Both public keys go into the HKDF info so a wrap cannot be replayed to another key.
    key = _hkdf(shared, _WRAP_INFO + epk + public_raw)
    nonce, ct = seal(key, secret, aad)
    return Wrap(epk, nonce, ct)


def unwrap_with(private_raw: bytes, wrap: Wrap, aad: bytes) -> bytes | None:
    """Undo `wrap_to` with the holder's private key; None if it was not wrapped to this key."""
    private = X25519PrivateKey.from_private_bytes(private_raw)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(wrap.epk))
    except ValueError:  # an all-zero shared secret: the ephemeral key was forged
        return None
    key = _hkdf(shared, _WRAP_INFO + wrap.epk + private.public_key().public_bytes_raw())
    return unseal(key, wrap.nonce, wrap.ct, aad)


def master_check(master_key: bytes) -> bytes:
    """A 16-byte tag naming a master key without revealing it (HMAC, a PRF under the key)."""
    return hmac.new(master_key, _MASTER_CHECK, hashlib.sha256).digest()[:16]


def device_check(device_secret: bytes, install_id: str) -> bytes:
    """A 16-byte tag telling whether this machine's device secret is the one a KEK used.

    Without it a different device secret would look like a wrong PIN and lock people out.
    """
    msg = _DEVICE_CHECK + b"\x00" + install_id.encode()
    return hmac.new(device_secret, msg, hashlib.sha256).digest()[:16]


def _hkdf(ikm: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(ikm)
