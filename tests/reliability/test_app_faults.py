"""The app against the command line, a steady stream of edits, hostile text in
tooltips, a damaged store and closing mid-import (issue 14)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.annotations import SetArticle, TagArticle
from reader.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture
def app_setup(tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch):
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    monkeypatch.setattr("reader.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    monkeypatch.setattr("reader.ui.main_window.QMessageBox.information", lambda *a, **k: None)
    lib = tmp_path / "lib"
    shutil.copytree(SEEDS, lib)
    store_path = tmp_path / "data" / "store.json"

    def make() -> MainWindow:
        win = MainWindow(
            Store.open(store_path, instance=True), Settings(str(tmp_path / "a.ini")), lib
        )
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.library_loaded, timeout=20000):
            win.start_load()
        return win

    return make, lib, store_path


def _cli(lib: Path, store: Path, *args: str) -> None:
    env = dict(os.environ, READER_STORE=str(store), READER_LIBRARY=str(lib), PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-m", "reader", *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr


def test_a_tag_in_the_app_and_one_from_the_cli_within_the_save_delay(
    app_setup, qtbot: QtBot
) -> None:
    make, lib, store_path = app_setup
    win = make()
    art = win.model.articles[0]
    win.edits.apply(TagArticle(art.id, ["来自应用"]))  # saved 300 ms later …
    _cli(lib, store_path, "tag", art.id, "来自命令行")  # … the CLI writes first
    qtbot.waitUntil(lambda: not win.store.has_unsaved, timeout=5000)
    win.edits.reload_from_disk()
    assert set(Store.open(store_path).doc.articles[art.id].tags) == {"来自应用", "来自命令行"}
    assert set(win.store.doc.articles[art.id].tags) == {"来自应用", "来自命令行"}
    win.close()


def test_switching_article_keeps_a_tag_the_cli_just_added(app_setup, qtbot: QtBot) -> None:
    make, lib, store_path = app_setup
    win = make()
    first, second = win.model.articles[0], win.model.articles[1]
    win.select_article(first.id)
    win.store.apply(SetArticle(first.id, position=0.3), undoable=False)  # read a little
    win.store.save()
    _cli(lib, store_path, "tag", first.id, "命令行标签")
    win.reader.set_reading_position(0.7)
    qtbot.wait(50)
    win.select_article(second.id)  # saves the reading position of the first
    qtbot.waitUntil(lambda: not win.store.has_unsaved, timeout=5000)
    st = Store.open(store_path).doc.articles[first.id]
    assert "命令行标签" in st.tags
    win.close()


def test_a_steady_stream_of_edits_is_saved_along_the_way(app_setup, qtbot: QtBot) -> None:
    """A change every 250 ms (under the 300 ms pause) for three seconds: saves
    happen during the stream, at most a second apart, not only after it."""
    make, _lib, store_path = app_setup
    win = make()
    art = win.model.articles[0]
    saved_at: list[float] = []
    win.edits.saved.connect(lambda: saved_at.append(time.monotonic()))
    start = time.monotonic()
    for i in range(12):
        win.edits.apply(SetArticle(art.id, note=f"笔记 {i}"))
        qtbot.wait(250)
    during = [t - start for t in saved_at if t - start < 3.0]
    assert len(during) >= 2, saved_at
    assert Store.open(store_path).doc.articles[art.id].note.startswith("笔记")
    win.close()


def test_hostile_titles_never_reach_a_rich_text_widget_as_html(app_setup) -> None:
    from reader.ui.library_model import ArticleTableModel
    from reader.ui.safe_text import markdown_html, plain

    assert "<img" not in plain('<img src="/dev/zero">标题')
    assert "&lt;img" in plain('<img src="/dev/zero">标题')
    note = '![x](/dev/zero) <img src="/tmp/fifo"> **粗体** <p style="background-image:url(/x)">'
    html = markdown_html(note)
    assert "<img" not in html and "url(" not in html and "粗体" in html
    make, lib, _store = app_setup
    (lib / "hostile.html").write_text(
        '<html><head><title>&lt;img src="/dev/zero"&gt;标题</title></head>'
        "<body><p>" + "援疆工作取得新进展，各方代表出席会议。" * 5 + "</p></body></html>",
        "utf-8",
    )
    win = make()
    row = next(r for r, a in enumerate(win.model.articles) if "dev/zero" in a.title)
    tip = win.model.index(row, ArticleTableModel.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "&lt;img" in tip
    win.close()


def test_a_store_with_values_of_the_wrong_type_opens(app_setup) -> None:
    make, _lib, store_path = app_setup
    store_path.parent.mkdir(parents=True)
    s = Store.open(store_path)
    s.apply(TagArticle("a1", ["好的"]))
    s.save()
    s.apply(TagArticle("a1", ["更好"]))
    s.save()
    obj = json.loads(store_path.read_text("utf-8"))
    obj["articles"][0]["tags"] = [1]  # once crashed the tag-chip painter at every start
    store_path.write_text(json.dumps(obj), "utf-8")
    win = make()
    win.table.viewport().repaint()
    assert win.store.doc.articles["a1"].tags == ["好的"]  # the backup before
    assert any("damaged" in m for m in win.store.messages)
    win.close()


def test_closing_during_a_long_import_stops_it(app_setup, qtbot: QtBot, tmp_path: Path) -> None:
    make, _lib, _store = app_setup
    win = make()
    items = [
        {
            "type": "Annotation",
            "id": f"urn:uuid:00000000-0000-4000-8000-{i:012d}",
            "target": {
                "source": f"https://x.example/{i}",
                "selector": [{"type": "TextQuoteSelector", "exact": f"不在文中的一句话{i}"}],
            },
        }
        for i in range(150_000)
    ]
    f = tmp_path / "big.json"
    f.write_text(json.dumps({"type": "AnnotationPage", "items": items}), "utf-8")
    win.import_file(f)
    qtbot.wait(300)
    t = time.monotonic()
    win.close()
    assert win.tasks.running() == 0
    assert time.monotonic() - t < 10  # stopped, not planned to the end (minutes)
    assert not win.store.doc.highlights  # and nothing half applied
