"""More of the app: watching, restoring state, tags, sorting, translations, errors."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.annotations import TagArticle
from reader.core.store import Store
from reader.ui.app import install_translations
from reader.ui.library_model import SORT_ROLE, ArticleTableModel
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from reader.ui.tags import TagManager

P = "新加入的文章正文，讲述了援疆工作的最新进展，内容充实，足够长，可以算作正文段落了。"


def titles(win: MainWindow) -> list[str]:
    return [win.model.index(r, 0).data() for r in range(win.model.rowCount())]


def test_watched_folder_picks_up_new_changed_and_removed_files(
    make_window, library: Path, qtbot: QtBot
) -> None:
    win = make_window()
    (library / "new.txt").write_text("新文章\n\n" + P + "\n", "utf-8")
    qtbot.waitUntil(lambda: win.model.rowCount() == 6, timeout=10000)
    assert "新文章" in [a.title for a in win.model.articles]
    (library / "new.txt").write_text("改过的标题\n\n" + P + "\n", "utf-8")
    qtbot.waitUntil(lambda: "改过的标题" in [a.title for a in win.model.articles], timeout=10000)
    assert win.model.rowCount() == 6
    (library / "new.txt").unlink()
    qtbot.waitUntil(lambda: win.model.rowCount() == 5, timeout=10000)


def test_bad_file_is_reported_and_others_load(make_window, library: Path) -> None:
    (library / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    win = make_window()
    assert win.model.rowCount() == 5
    assert "could not be read" in win.status.text()
    assert "PNG" in win.status.label.toolTip()


def test_state_is_restored(make_window, tmp_path: Path) -> None:
    win = make_window("dark")
    win.resize(701, 502)  # fits the offscreen screen (800×600)
    art = next(a for a in win.model.articles if a.title.startswith("上海市"))
    win.select_article(art.id)
    win.change_size(+3)
    sizes = win.splitter.sizes()
    win.close()
    win2 = make_window("dark")
    assert (win2.width(), win2.height()) == (701, 502)
    assert win2.current is not None and win2.current.id == art.id
    assert win2.reader.px == win.reader.px
    assert win2.theme.name == "dark"
    assert abs(sum(win2.splitter.sizes()) - sum(sizes)) < 5


def test_sorting_uses_raw_values(make_window) -> None:
    win = make_window()
    win.table.sortByColumn(ArticleTableModel.LENGTH, Qt.SortOrder.AscendingOrder)
    lengths = [win.model.index(r, ArticleTableModel.LENGTH).data(SORT_ROLE) for r in range(5)]
    assert lengths == sorted(lengths)  # 18,069 sorts after 2,809, as a number
    win.table.sortByColumn(ArticleTableModel.DATE, Qt.SortOrder.AscendingOrder)
    dates = [win.model.index(r, ArticleTableModel.DATE).data() for r in range(5)]
    assert dates == ["2018-10-17", "2021-09-13", "2023-08-30", "—", "—"]
    win.table.sortByColumn(ArticleTableModel.DATE, Qt.SortOrder.DescendingOrder)
    dates = [win.model.index(r, ArticleTableModel.DATE).data() for r in range(5)]
    assert dates == ["2023-08-30", "2021-09-13", "2018-10-17", "—", "—"]


def test_table_answers_every_role_of_a_cell_in_one_call(make_window) -> None:
    """index() and multiData() are ours (fewer calls into Python per repaint):
    they must answer exactly as Qt's defaults would."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    win = make_window()
    m = win.model
    n = m.rowCount()
    assert n == 5
    assert not m.index(n, 0).isValid() and not m.index(0, len(m.headers)).isValid()
    assert not m.index(-1, 0).isValid() and not m.index(0, 0, m.index(0, 0)).isValid()
    idx = m.index(2, ArticleTableModel.DATE)
    assert (idx.row(), idx.column()) == (2, ArticleTableModel.DATE)
    roles = [Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole]
    items = [QModelRoleData(r) for r in roles]
    for it in items:
        m.multiData(idx, QModelRoleDataSpan(it))
    assert [it.data() for it in items] == [m.data(idx, r) for r in roles]
    assert items[0].data() == idx.data() != ""
    # and the view, through the proxy, shows what data() says
    shown = win.model.index(0, ArticleTableModel.TITLE).data()
    assert shown == m.articles[0].title


def test_source_filter(make_window) -> None:
    win = make_window()
    i = win.library_pane.source_filter.findData("中国发展网")
    assert i > 0
    win.library_pane.source_filter.setCurrentIndex(i)
    assert [a for a in titles(win)] == ["上海市党政代表团来疆考察对接对口支援工作"]


def test_table_of_contents_for_compilation(make_window) -> None:
    win = make_window()
    art = next(a for a in win.model.articles if a.title.startswith("第二次中央"))
    win.select_article(art.id)
    assert not win.reading.toc.isHidden()
    labels = [a.text() for a in win.reading.toc_menu.actions()]
    assert "第二次中央新疆工作座谈会篇6" in labels
    before = win.reader.verticalScrollBar().value()
    win.reading.toc_menu.actions()[labels.index("第二次中央新疆工作座谈会篇6")].trigger()
    assert win.reader.verticalScrollBar().value() > before


def test_tag_manager_rename_merge_delete(make_window, monkeypatch) -> None:
    win = make_window()
    a, b = win.model.articles[0].id, win.model.articles[1].id
    win.apply(TagArticle(a, ["甲", "乙"]))
    win.apply(TagArticle(b, ["甲"]))
    mgr = TagManager(win.store, win.edits.apply_or_raise, win)
    rows = {
        mgr.model.item(r, 0).text(): int(mgr.model.item(r, 1).text())
        for r in range(mgr.model.rowCount())
    }
    assert rows == {"甲": 2, "乙": 1}
    monkeypatch.setattr("reader.ui.tags.QInputDialog.getText", lambda *a, **k: ("丙", True))
    mgr.view.setCurrentIndex(
        mgr.model.index(next(r for r in range(2) if mgr.model.item(r, 0).text() == "甲"), 0)
    )
    mgr.rename()
    assert win.store.doc.articles[b].tags == ["丙"]
    monkeypatch.setattr(
        "reader.ui.tags.QMessageBox.question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    mgr.view.setCurrentIndex(
        mgr.model.index(next(r for r in range(2) if mgr.model.item(r, 0).text() == "乙"), 0)
    )
    mgr.delete()
    assert win.store.doc.articles[a].tags == ["丙"] and "乙" not in win.store.doc.tags
    win.undo()
    assert "乙" in win.store.doc.articles[a].tags


def test_second_instance_is_read_only_and_says_so(
    make_window, tmp_path: Path, monkeypatch, qtbot: QtBot, library: Path
) -> None:
    first = make_window()
    shown: list[str] = []
    monkeypatch.setattr(
        "reader.ui.main_window.QMessageBox.warning", lambda _p, _t, m, *a, **k: shown.append(m)
    )
    store = Store.open(tmp_path / "data" / "store.json", instance=True)
    second = MainWindow(store, Settings(str(tmp_path / "s2.ini")), library)
    qtbot.addWidget(second)
    second.show_store_messages()
    assert store.read_only and any("another Reader window" in m for m in shown)
    assert "Read-only" in second.status.text()
    second.close()
    first.close()


def test_closing_while_loading_stops_cleanly(qtbot: QtBot, tmp_path: Path) -> None:
    lib = tmp_path / "big"
    lib.mkdir()
    for i in range(60):
        (lib / f"{i}.txt").write_text(f"标题{i}\n\n" + P * 20 + "\n", "utf-8")
    win = MainWindow(
        Store.open(tmp_path / "s.json", instance=True), Settings(str(tmp_path / "x.ini")), lib
    )
    qtbot.addWidget(win)
    win.show()
    win.start_load()
    win.close()  # must not crash or leave threads running
    assert win.tasks.running() == 0


def test_closing_while_annotations_are_being_updated(
    qtbot: QtBot, tmp_path: Path, library: Path, monkeypatch
) -> None:
    """The reconcile plan is applied in parts, one per turn of the event loop;
    closing the window between two parts must start nothing more."""
    from reader.core.sync import ReconcilePlan

    real_parts = ReconcilePlan.parts
    monkeypatch.setattr(
        ReconcilePlan,
        "parts",
        lambda self, size=2000: real_parts(self, size) + [ReconcilePlan()] * 50,
    )
    win = MainWindow(
        Store.open(tmp_path / "s.json", instance=True), Settings(str(tmp_path / "x.ini")), library
    )
    qtbot.addWidget(win)
    applied: list[object] = []
    real_apply = win.store.apply

    def apply(op, **kw) -> None:
        real_apply(op, **kw)
        applied.append(op)
        if len(applied) == 2:
            win.close()  # between two parts

    monkeypatch.setattr(win.store, "apply", apply)
    reindexed: list[bool] = []
    monkeypatch.setattr(win.library, "_reindex", lambda: reindexed.append(True))
    win.show()
    win.start_load()
    qtbot.waitUntil(lambda: len(applied) >= 2, timeout=10000)
    qtbot.wait(200)  # the remaining parts would have run by now
    assert len(applied) == 2 and reindexed == []
    assert win.tasks.running() == 0


def test_chinese_translation_is_used(make_window) -> None:
    app = QApplication.instance()
    locale = install_translations(app, "zh_CN")
    try:
        assert locale.name() == "zh_CN"
        win = make_window()
        menus = [a.text() for a in win.menuBar().actions()]
        assert "文件(&F)" in menus and "帮助(&H)" in menus
        assert win.search.placeholderText().startswith("搜索")
        # the Undo menu names the step in Chinese too (the core's labels are translated)
        from reader.core.annotations import TagArticle

        win.edits.apply(TagArticle(win.model.articles[0].id, ["测试"]))
        assert win.menus.undo.text() == "撤销：为文章加标签(&U)"
    finally:
        install_translations(app, "en")
        QLocale.setDefault(QLocale("en_US"))


def test_add_files_copies_into_library(
    make_window, tmp_path: Path, library: Path, qtbot: QtBot
) -> None:
    win = make_window()
    src = tmp_path / "outside.txt"
    src.write_text("外部的文章\n\n" + P + "\n", "utf-8")
    win.add_files([src, src])
    assert (library / "outside.txt").exists() and (library / "outside (1).txt").exists()
    qtbot.waitUntil(lambda: "外部的文章" in [a.title for a in win.model.articles], timeout=10000)


def test_open_other_library(make_window, tmp_path: Path, qtbot: QtBot) -> None:
    win = make_window()
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("另一个库\n\n" + P + "\n", "utf-8")
    with qtbot.waitSignal(win.library_loaded, timeout=10000):
        win.set_library(other)
    assert [a.title for a in win.model.articles] == ["另一个库"]
    shutil.rmtree(other)


def test_drop_files_and_folders(make_window, tmp_path: Path, library: Path, qtbot: QtBot) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    win = make_window()
    f = tmp_path / "dropped.txt"
    f.write_text("拖进来的文章\n\n" + P + "\n", "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    ev = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(ev)
    assert (library / "dropped.txt").exists()
    qtbot.waitUntil(
        lambda: "拖进来的文章" in [a.title for a in win.model.all.values()], timeout=10000
    )
    other = tmp_path / "other-lib"
    other.mkdir()
    (other / "y.txt").write_text("另一个文件夹\n\n" + P + "\n", "utf-8")
    mime2 = QMimeData()
    mime2.setUrls([QUrl.fromLocalFile(str(other))])
    with qtbot.waitSignal(win.library_loaded, timeout=10000):
        win.dropEvent(
            QDropEvent(
                QPointF(10, 10),
                Qt.DropAction.CopyAction,
                mime2,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )
    assert [a.title for a in win.model.all.values()] == ["另一个文件夹"]


def test_cjk_font_notice_once(make_window, monkeypatch) -> None:
    from reader.ui import app as app_mod

    shown: list[str] = []
    monkeypatch.setattr(app_mod.themes, "cjk_families", lambda: [])
    monkeypatch.setattr(
        app_mod.QMessageBox, "information", lambda _p, _t, m, *a, **k: shown.append(m)
    )
    win = make_window()
    win.settings.set("cjk_notice_shown", False)
    app_mod.cjk_notice(win, win.settings)
    app_mod.cjk_notice(win, win.settings)
    assert len(shown) == 1 and "fonts-noto-cjk" in shown[0]


def test_save_failure_is_shown_and_retried(make_window, monkeypatch, qtbot: QtBot) -> None:
    from reader.core.store import StoreWriteError

    shown: list[str] = []
    monkeypatch.setattr(
        "reader.ui.main_window.QMessageBox.warning", lambda _p, _t, m, *a, **k: shown.append(m)
    )
    win = make_window()
    a = win.model.articles[0]
    real_save = win.store.save
    calls = {"n": 0}

    def failing(*args, **kw):
        calls["n"] += 1
        if calls["n"] == 1:
            raise StoreWriteError("could not save the annotation store: No space left on device")
        return real_save(*args, **kw)

    monkeypatch.setattr(win.store, "save", failing)
    win.apply(TagArticle(a.id, ["临时"]))
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "No space left" in shown[0] and "keep trying" in shown[0]
    assert "Not saved" in win.status.text()
    qtbot.waitUntil(lambda: not win.store.has_unsaved, timeout=10000)  # retried and saved


def test_workers_are_told_while_the_window_repaints(make_window, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from reader.core import courtesy

    win = make_window()
    seen: list[bool] = []

    class Probe(QWidget):
        def paintEvent(self, e) -> None:
            seen.append(courtesy.gui_is_busy())

    probe = Probe(win.statusBar())
    probe.resize(20, 10)
    probe.show()
    qtbot.waitUntil(lambda: not courtesy.gui_is_busy())
    seen.clear()
    probe.update()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] is True  # painting: workers wait at their checkpoints
    qtbot.waitUntil(lambda: not courtesy.gui_is_busy(), timeout=1000)  # and go on after


def test_a_second_start_shows_the_remembered_library_then_what_changed(
    make_window, library: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    """Rows come from the cache before the folder is read; the check that
    follows removes what went, replaces what changed and adds what is new."""
    first = make_window()
    assert first.model.rowCount() == 5
    first.close()
    files = sorted(p for p in library.iterdir() if p.is_file())
    files[0].unlink()
    changed = files[1]
    changed.write_text("改过的标题\n\n" + P + "\n", "utf-8")
    (library / "new.txt").write_text("新文章\n\n" + P + "\n", "utf-8")

    win = MainWindow(Store.open(tmp_path / "s2.json"), Settings(str(tmp_path / "s2.ini")), library)
    qtbot.addWidget(win)
    seen: list[list[str]] = []
    remembered = win.library.loader.remembered
    parts = win.library.loader.remembered_parts

    def spy(root):
        out = [x for part in parts(root) for x in part]
        seen.append([p for p, _a, _m in out])
        yield out

    win.library.loader.remembered_parts = spy  # type: ignore[method-assign]
    with qtbot.waitSignal(win.library_loaded, timeout=20000):
        win.start_load()
    assert sorted(seen[0]) == sorted(map(str, files))  # the library as last seen
    assert win.library.loader.snapshot_used  # (in one piece: the first start wrote it)
    by_path = {a.path: a for a in win.model.articles}
    assert str(files[0]) not in by_path
    assert by_path[str(changed)].title == "改过的标题"
    assert by_path[str(library / "new.txt")].title == "新文章"
    assert win.model.rowCount() == 5
    assert len(win.model.all) == 5
    # the gone file is forgotten by the cache too: the next start does not show it
    assert str(files[0]) not in [p for p, _a, _m in remembered(library)]
    win.close()
