"""The suite itself never reaches a real station, config folder or keyring."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import platformdirs

from helpdesk import paths as pathsmod
from helpdesk.store.keys.device_secrets import FileSecrets, device_secrets


def test_paths_and_secrets_point_into_the_test_sandbox(tmp_path: Path) -> None:
    resolved = pathsmod.resolve(None)
    real_data = Path(platformdirs.user_data_dir("helpdesk", roaming=False)).expanduser()
    assert "helpdesk-tests-" in str(resolved.data_dir)
    assert "helpdesk-tests-" in str(resolved.config_dir)
    assert not str(resolved.data_dir).startswith(str(Path.home() / ".local"))
    assert real_data != resolved.data_dir
    assert "fail" in type(keyring.get_keyring()).__module__
    assert isinstance(device_secrets(tmp_path), FileSecrets)
    assert os.environ["PYTHON_KEYRING_BACKEND"] == "keyring.backends.fail.Keyring"
