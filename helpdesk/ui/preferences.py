"""The app's own settings (language, idle lock), kept in an INI file in the config folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from helpdesk.ui import i18n

DEFAULT_IDLE_MINUTES = 10


class Preferences:
    def __init__(self, config_dir: Path) -> None:
        config_dir.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(config_dir / "app.ini"), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._settings.value("ui/language", "") or "")
        return value if value in i18n.LANGUAGES else i18n.system_language()

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("ui/language", value)
        self._settings.sync()

    @property
    def idle_minutes(self) -> float:
        try:
            return float(str(self._settings.value("ui/idle_minutes", DEFAULT_IDLE_MINUTES)))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES

    @idle_minutes.setter
    def idle_minutes(self, value: float) -> None:
        self._settings.setValue("ui/idle_minutes", value)
        self._settings.sync()
