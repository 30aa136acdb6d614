"""The app's settings: window state, theme, fonts, language, last article.

Kept in an INI file in the per-user config folder (``READER_CONFIG_DIR`` in
tests), separate from the annotation store: losing settings is harmless,
losing annotations is not, so the two never share a file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..core import paths


class Settings:
    DEFAULTS: dict[str, Any] = {
        "theme": "system",  # system | light | dark | sepia
        "font_size": 17,
        "font_family": "",  # "" = the best CJK font found
        "language": "system",  # system | en | zh_CN
        "last_article": "",
        "default_color": "yellow",
        "cjk_notice_shown": False,
        "show_annotations": True,
    }

    def __init__(self, path: str | None = None) -> None:
        file = path or str(paths.config_dir() / "settings.ini")
        self.q = QSettings(file, QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        default = self.DEFAULTS.get(key)
        value = self.q.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(str(value))
            except (TypeError, ValueError):
                return default
        return value if value is not None else default

    def set(self, key: str, value: Any) -> None:
        self.q.setValue(key, value)

    def get_bytes(self, key: str) -> QByteArray | None:
        v = self.q.value(key)
        return v if isinstance(v, QByteArray) else None

    def sync(self) -> None:
        self.q.sync()
