"""Where a station keeps its data, config and logs (platformdirs), overridable for tests.

`--data-dir` or `HELPDESK_DATA_DIR` points every station command at another folder, so tests,
demos and benchmarks never touch a user's real station. The device-secret fallback file lives in
the config folder, which `HELPDESK_CONFIG_DIR` moves the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "helpdesk"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "station.db"

    @property
    def key_file(self) -> Path:
        return self.data_dir / "station.keys.json"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    def ensure(self) -> Paths:
        for folder in (self.data_dir, self.config_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self


def resolve(data_dir: str | Path | None = None) -> Paths:
    """The station folder: the argument, else $HELPDESK_DATA_DIR, else the user's data folder."""
    data = data_dir or os.environ.get("HELPDESK_DATA_DIR") or platformdirs.user_data_dir(APP)
    config = os.environ.get("HELPDESK_CONFIG_DIR") or platformdirs.user_config_dir(APP)
    return Paths(Path(data).expanduser().resolve(), Path(config).expanduser().resolve())


def demo(data_dir: str | Path | None = None) -> Paths:
    """The demo station's folder: the argument, else $HELPDESK_DATA_DIR as for every station
    command, else $HELPDESK_DEMO_DIR, else a folder of its own beside (never inside) the real
    station's data."""
    chosen = data_dir or os.environ.get("HELPDESK_DATA_DIR") or os.environ.get(
        "HELPDESK_DEMO_DIR") or platformdirs.user_data_dir(APP + "-demo")
    return resolve(chosen)
