"""Where Reader keeps things, and the one piece of state the CLI shares with the app.

Every location can be overridden by an environment variable, so tests (and
users with unusual setups) never touch the real per-user folders:
``READER_STORE`` (the annotation store file), ``READER_LIBRARY`` (the library
folder), ``READER_CONFIG_DIR`` and ``READER_CACHE_DIR``.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import platformdirs

from .files import atomic_write

APP = "reader"


def config_dir() -> Path:
    return Path(os.environ.get("READER_CONFIG_DIR") or platformdirs.user_config_dir(APP))


def cache_dir() -> Path:
    return Path(os.environ.get("READER_CACHE_DIR") or platformdirs.user_cache_dir(APP))


def default_store_path() -> Path:
    env = os.environ.get("READER_STORE")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP)) / "store.json"


def resources_dir() -> Path:
    """Icons, translations, the desktop file: ``reader/resources`` in an
    installed wheel (setup.py puts them there), ``resources/`` in a checkout."""
    package = Path(__file__).resolve().parents[1]
    inside = package / "resources"
    return inside if inside.is_dir() else package.parent / "resources"


def seeds_dir() -> Path:
    """The example library: the project's ``seeds/`` (a wheel carries them in
    ``reader/seeds``)."""
    package = Path(__file__).resolve().parents[1]
    inside = package / "seeds"
    return inside if inside.is_dir() else package.parent / "seeds"


def _state_file() -> Path:
    return config_dir() / "state.json"


def last_library() -> Path | None:
    try:
        data = json.loads(_state_file().read_text("utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("last_library") if isinstance(data, dict) else None
    return Path(value) if isinstance(value, str) and value else None


def remember_library(folder: Path) -> None:
    """Record the library last opened (best effort: failing to remember is harmless)."""
    data = json.dumps({"last_library": shown(str(folder.resolve()))}).encode()
    with contextlib.suppress(OSError):
        atomic_write(_state_file(), data)


def resolve_library(explicit: str | None) -> Path:
    """``--library``, else ``READER_LIBRARY``, else the last one opened, else the seeds."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("READER_LIBRARY")
    if env:
        return Path(env)
    last = last_library()
    if last is not None and last.is_dir():
        return last
    return seeds_dir()


def shown(path: str) -> str:
    """A path as text that can be stored and written anywhere (JSON, SQLite,
    an export). File names that are not UTF-8 (an archive unzipped from
    Windows) come from the OS with lone surrogates; their bytes are written
    ``\\xb9`` instead, so one odd name never breaks a save or an export."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path
