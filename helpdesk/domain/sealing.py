"""Sealing and signing bytes for bundle files (DESIGN.md point 9): pure functions, no I/O.

Sealed to a recipient's X25519 key: an ephemeral X25519 key pair, HKDF-SHA256 over the shared
secret (salted with both public keys), AES-256-GCM with the caller's associated data. Signed
with Ed25519. Keys travel as base64 of their raw 32 bytes. Every failure is a `SealError`.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

_INFO = b"helpdesk bundle v1"


class SealError(ValueError):
    """A key, nonce or signature that is malformed, or contents that do not open or verify."""


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def raw(text: str, size: int | None = None) -> bytes:
    """Base64 to bytes, of `size` bytes when given; SealError otherwise."""
    try:
        found = base64.b64decode(text, validate=True)
    except ValueError:
        found = b""
    if not found or (size is not None and len(found) != size):
        raise SealError("malformed key or value")
    return found


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, ephemeral + recipient, _INFO).derive(shared)


def _public(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def seal(plain: bytes, aad: bytes, recipient_key: str) -> tuple[str, str, str]:
    """Encrypt to an X25519 public key; returns (ephemeral key, nonce, ciphertext), base64."""
    recipient = raw(recipient_key, 32)
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    eph, nonce = _public(ephemeral), os.urandom(12)
    cipher = AESGCM(_key(shared, eph, recipient)).encrypt(nonce, plain, aad)
    return b64(eph), b64(nonce), b64(cipher)


def unseal(ephemeral_key: str, nonce: str, ciphertext: str, aad: bytes,
           private_key: str) -> bytes:
    """Decrypt what `seal` made with our X25519 private key (base64); SealError when the
    contents were not sealed to this key or were altered."""
    private = X25519PrivateKey.from_private_bytes(raw(private_key, 32))
    eph = raw(ephemeral_key, 32)
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph))
    try:
        return AESGCM(_key(shared, eph, _public(private))).decrypt(
            raw(nonce, 12), raw(ciphertext), aad)
    except InvalidTag:
        raise SealError("the contents do not open with this key") from None


def sign(message: bytes, private_seed: bytes) -> str:
    """Ed25519 signature (base64) with a raw 32-byte private key."""
    return b64(Ed25519PrivateKey.from_private_bytes(private_seed).sign(message))


def verify(message: bytes, signature: str, public_key: str) -> None:
    """SealError unless `signature` is the Ed25519 signature of `message` by `public_key`."""
    try:
        Ed25519PublicKey.from_public_bytes(raw(public_key, 32)).verify(raw(signature, 64),
                                                                       message)
    except InvalidSignature:
        raise SealError("bad signature") from None


def new_box_key() -> tuple[str, str]:
    """A new X25519 key pair (private, public), base64, for receiving sealed contents."""
    private = X25519PrivateKey.generate()
    seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return b64(seed), b64(_public(private))


def new_signing_key() -> tuple[str, str]:
    """A new Ed25519 key pair (private seed, public), base64."""
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return b64(seed), b64(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def public_box_key(private_key: str) -> str:
    """The public half (base64) of an X25519 private key (base64)."""
    return b64(_public(X25519PrivateKey.from_private_bytes(raw(private_key, 32))))
