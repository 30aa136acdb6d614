"""Putting Reader in the desktop's application menu (``reader install-desktop``).

A wheel carries ``reader.desktop`` and the icon (``reader/resources``), but
pip and pipx put nothing in the desktop's menus. This writes the entry into
the user's data folder (``$XDG_DATA_HOME``, usually ``~/.local/share``) with
``Exec`` naming the ``reader-gui`` that was installed with this copy, so that
the menu, "Open with" and ``reader://`` links start this Reader.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from .paths import resources_dir


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def gui_command() -> str:
    """The ``reader-gui`` beside this Python (a venv, pipx), else on PATH."""
    here = Path(sys.executable).parent / "reader-gui"
    if here.exists():
        return str(here)
    return shutil.which("reader-gui") or "reader-gui"


def entry_paths(home: Path | None = None) -> tuple[Path, Path]:
    home = home or data_home()
    return (
        home / "applications" / "reader.desktop",
        home / "icons" / "hicolor" / "scalable" / "apps" / "reader.svg",
    )


def install(home: Path | None = None, gui: str | None = None) -> list[Path]:
    """Write the desktop entry and the icon; returns what was written."""
    desktop, icon = entry_paths(home)
    text = (resources_dir() / "reader.desktop").read_text("utf-8")
    command = shlex.quote(gui or gui_command())
    text = re.sub(r"(?m)^Exec=\S+", lambda _m: f"Exec={command}", text)
    text = re.sub(r"(?m)^(Exec=.*)$", lambda m: f"TryExec={command}\n{m.group(1)}", text, count=1)
    for path in (desktop, icon):
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = desktop.with_suffix(".tmp")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, desktop)
    shutil.copyfile(resources_dir() / "icons" / "reader.svg", icon)
    _refresh(desktop.parent)
    return [desktop, icon]


def uninstall(home: Path | None = None) -> list[Path]:
    removed = []
    for path in entry_paths(home):
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh(entry_paths(home)[0].parent)
    return removed


def _refresh(folder: Path) -> None:
    """Let the desktop see the change now (the tool may be absent: no matter)."""
    tool = shutil.which("update-desktop-database")
    if tool and folder.is_dir():
        subprocess.run([tool, str(folder)], check=False, capture_output=True, timeout=30)
