from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.store import Store
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    d = tmp_path / "library"
    shutil.copytree(SEEDS, d)
    return d


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, library: Path) -> Iterator:
    made: list[MainWindow] = []

    def make(theme: str = "light") -> MainWindow:
        settings = Settings(str(tmp_path / "settings.ini"))
        settings.set("theme", theme)
        settings.set("cjk_notice_shown", True)
        store = Store.open(tmp_path / "data" / "store.json", instance=True)
        restored = settings.get_bytes("geometry") is not None
        win = MainWindow(store, settings, library)
        qtbot.addWidget(win)
        if not restored:
            win.resize(1300, 800)
        win.show()
        with qtbot.waitSignal(win.library_loaded, timeout=20000):
            win.start_load()
        made.append(win)
        return win

    yield make
    for w in made:
        if w.isVisible():
            w.close()


@pytest.fixture(scope="session", autouse=True)
def _translations_built() -> None:
    """`make test` builds the .qm files; running pytest directly builds them here."""
    from reader.ui import i18n_build

    ts_dir = Path(__file__).resolve().parents[2] / "resources" / "translations"
    for ts in ts_dir.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            assert i18n_build.main([str(ts), str(qm)]) == 0
