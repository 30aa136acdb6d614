"""What a new user tripped over (issue 18): each defect, as a test."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_app_flows import open_article


def test_the_same_file_twice_is_one_article_even_after_a_restart(
    make_window, library: Path, qtbot: QtBot
) -> None:
    src = next(library.glob("001_*"))
    shutil.copy(src, library / "copy of 001.txt")
    win = make_window()
    assert win.model.rowCount() == 5 and len(win.model.all) == 5
    win.close()
    again = make_window()  # the restart: rows the cache remembers come first
    assert again.model.rowCount() == 5 and len(again.model.all) == 5
    assert again.library_pane.match_label.text() == "5 articles"


def test_dropping_a_file_the_library_has_adds_nothing_and_says_so(
    make_window, library: Path, tmp_path: Path, qtbot: QtBot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    win = make_window()
    outside = tmp_path / "elsewhere.txt"
    shutil.copy(next(library.glob("001_*")), outside)
    win.add_files([outside])
    assert not (library / "elsewhere.txt").exists()
    assert said and "Already in the library" in said[0]
