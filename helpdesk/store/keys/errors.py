"""The errors of the station key file (`helpdesk.store.keys` re-exports them).

Each says, in Chinese and in English, what happened and what to do.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from pathlib import Path

from helpdesk.errors import KnownError


class KeysError(KnownError):
    """Base of every key-file error; `.zh` and `.en` tell the user what to do.

    `.code` is the class's name in snake case (`wrong_pin`, `key_file_missing`; `keys_error`).
    """

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(re.sub(r"(?<!^)(?=[A-Z])", "_", type(self).__name__).lower(), zh, en)


class WrongPin(KeysError):
    """A wrong PIN, counted: `.failures` so far, `.remaining_before_lockout`."""

    def __init__(self, failures: int, remaining_before_lockout: int) -> None:
        self.failures = failures
        self.remaining_before_lockout = n = remaining_before_lockout
        super().__init__(
            f"PIN 码不正确。再输错 {n} 次将锁定 5 分钟。",
            f"Wrong PIN. {n} more wrong attempt(s) will lock you out for 5 minutes.",
        )


class LockedOut(KeysError):
    """Too many wrong PINs: refused until `.until` (aware UTC)."""

    def __init__(self, until: datetime, now: datetime) -> None:
        self.until = until
        minutes = max(1, math.ceil((until - now).total_seconds() / 60))
        super().__init__(
            f"PIN 码错误次数过多，已锁定。请 {minutes} 分钟后再试，或请站长重设 PIN 码。",
            f"Too many wrong PINs: locked. Try again in {minutes} minute(s), "
            "or ask the station head to reset your PIN.",
        )


class InvalidPin(KeysError):
    """Not 6-12 digits: refused before any key derivation, never counted."""

    def __init__(self) -> None:
        super().__init__("PIN 码必须是 6 到 12 位数字。", "A PIN is 6 to 12 digits.")


class NoDeviceSecret(KeysError):
    """This machine lacks the device secret the holder's key needs: use recovery."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"这台电脑没有本站的设备密钥（查找位置：{where}）。请用恢复码解锁，"
            "再由站长为志愿者重设 PIN 码。",
            f"This computer does not hold the station's device secret (looked in: {where}). "
            "Unlock with the recovery code, then the station head resets the volunteers' PINs.",
        )


class DeviceSecretUnavailable(KeysError):
    """The secret store failed (keyring locked, no session, unwritable file, damaged entry).

    Unlike NoDeviceSecret, this is no reason to use the recovery code: fix the store, retry.
    """


class BadRecoveryCode(KeysError):
    """A malformed or wrong recovery code."""

    def __init__(self, zh_detail: str = "", en_detail: str = "") -> None:
        super().__init__(
            f"恢复码不正确{zh_detail}。请对照打印的恢复码重新输入（32 个字符，短横线可省略）。",
            f"Wrong recovery code{en_detail}. Type it again from the printed sheet "
            "(32 characters; dashes optional).",
        )


class UnknownHolder(KeysError):
    """No volunteer with that id in the key file."""

    def __init__(self, holder_id: str) -> None:
        super().__init__(f"没有这位志愿者：{holder_id}。", f"No such volunteer: {holder_id}.")


class KeyFileMissing(KeysError):
    """The key file is not there."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"找不到密钥文件 {path}。没有它无法打开数据库：请从备份中恢复该文件。",
            f"Key file {path} is missing. The database cannot be opened without it: "
            "restore the file from a backup.",
        )


class KeyFileCorrupt(KeysError):
    """The key file cannot be parsed or its keys do not fit together."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"密钥文件 {path} 已损坏或不是 Helpdesk 的密钥文件（{detail}）。请从备份中恢复。",
            f"Key file {path} is damaged or not a Helpdesk key file ({detail}). "
            "Restore it from a backup.",
        )
