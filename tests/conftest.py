"""Test set-up: offscreen Qt, and no test ever touches the user's data, config or keyring."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_SANDBOX = Path(tempfile.mkdtemp(prefix="helpdesk-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HELPDESK_DATA_DIR"] = str(_SANDBOX / "data")
os.environ["HELPDESK_CONFIG_DIR"] = str(_SANDBOX / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "xdg-data")
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "xdg-config")
# The fail backend makes `device_secrets` fall back to the 0600 file in HELPDESK_CONFIG_DIR.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("HELPDESK_PIN", None)
os.environ["HELPDESK_LANG"] = "en"

from helpdesk import paths as pathsmod  # noqa: E402
from helpdesk.services import session as sessions  # noqa: E402
from helpdesk.store import keys  # noqa: E402

HEAD, PIN = "admin", "123456"
STATION = {"name": "洪山区关山街道职工帮扶站", "region": "420111", "union_name": "洪山区总工会"}


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> pathsmod.Paths:
    monkeypatch.setenv("HELPDESK_DATA_DIR", str(tmp_path / "station"))
    monkeypatch.setenv("HELPDESK_CONFIG_DIR", str(tmp_path / "config"))
    return pathsmod.resolve(None)


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> keys.KdfParams:
    """Tiny argon2 parameters: the key scheme is the same, only cheaper to brute-force."""
    monkeypatch.setattr(keys.KdfParams, "default", classmethod(lambda cls: cls.fast()))
    return keys.KdfParams.fast()


@pytest.fixture
def station(paths: pathsmod.Paths, fast_kdf: keys.KdfParams) -> Iterator[sessions.Session]:
    """A new station signed in as its head, with the demo programmes."""
    from helpdesk.services import demo

    s, _ = sessions.create_station(paths, STATION, head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    demo.ensure_programmes(s)
    yield s
    s.close()
