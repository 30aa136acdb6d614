"""Real flows through the app, headless: what a user does every day."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.store import Store
from reader.ui.library_model import ArticleTableModel
from reader.ui.main_window import MainWindow


def open_article(win: MainWindow, title_start: str) -> None:
    art = next(a for a in win.model.articles if a.title.startswith(title_start))
    win.select_article(art.id)
    assert win.current is not None and win.current.id == art.id


def select_text(win: MainWindow, quote: str) -> None:
    text = win.current.text
    start = text.index(quote)
    cur = QTextCursor(win.reader.document())
    cur.setPosition(win.reader.to_doc(start))
    cur.setPosition(win.reader.to_doc(start + len(quote)), QTextCursor.MoveMode.KeepAnchor)
    win.reader.setTextCursor(cur)


def test_library_loads_all_seeds(make_window) -> None:
    win = make_window()
    assert win.model.rowCount() == 5
    assert win.model.rowCount() == 5
    assert "5" in win.library_pane.match_label.text()
    assert win.current is not None  # the first article opens by itself


def test_highlight_note_tag_undo_redo_and_persist(
    make_window, qtbot: QtBot, tmp_path: Path
) -> None:
    win = make_window()
    open_article(win, "山西省")
    select_text(win, "骆惠宁指出")
    win.reader.setFocus()
    qtbot.keyClick(win.reader, "2")  # key 2 = green
    hs = win.store.doc.highlights_of(win.current.id)
    assert [(h.exact, h.color) for h in hs] == [("骆惠宁指出", "green")]
    hid = hs[0].id
    assert len(win.reader.extraSelections()) == 1
    assert win.panel.model.items[0].id == hid
    # note and tag, edited in the panel
    win.panel.select(hid)
    win.panel.note.setPlainText("讲话**要点**")
    win.panel.commit_note()
    win.panel.hl_tags.setText("讲话, 人物")
    win.panel.hl_tags.editingFinished.emit()
    h = win.store.doc.highlights[hid]
    assert (h.note, h.tags) == ("讲话**要点**", ["讲话", "人物"])
    # undo the tags, the note, then the highlight; redo all
    win.undo()
    assert win.store.doc.highlights[hid].tags == []
    win.undo()
    assert win.store.doc.highlights[hid].note == ""
    win.undo()
    assert hid not in win.store.doc.highlights
    assert win.reader.extraSelections() == []
    for _ in range(3):
        win.redo()
    assert win.store.doc.highlights[hid].tags == ["讲话", "人物"]
    # saved at once (background), and on quit
    qtbot.waitUntil(lambda: not win.store.has_unsaved, timeout=5000)
    win.close()
    again = Store.open(tmp_path / "data" / "store.json")
    assert again.doc.highlights[hid].note == "讲话**要点**"
    # start again: it is there
    win2 = make_window()
    open_article(win2, "山西省")
    assert [h.id for h in win2.store.doc.highlights_of(win2.current.id)] == [hid]
    assert len(win2.reader.extraSelections()) == 1


def test_keys_h_and_toolbar(make_window, qtbot: QtBot) -> None:
    win = make_window()
    open_article(win, "上海市")
    select_text(win, "陈吉宁")
    qtbot.keyClick(win.reader, "h")
    select_text(win, "马兴瑞")
    win.reader._show_toolbar()
    assert win.reader.toolbar.isVisible()
    win.reader.toolbar.picked.emit("purple", "plain")
    colors = sorted(h.color for h in win.store.doc.highlights.values())
    assert colors == ["purple", "yellow"]


def test_overlapping_highlights_both_painted(make_window, qtbot: QtBot) -> None:
    win = make_window()
    open_article(win, "山西省")
    select_text(win, "省委书记骆惠宁率山西")
    qtbot.keyClick(win.reader, "1")
    select_text(win, "骆惠宁率山西省党政代表团")
    qtbot.keyClick(win.reader, "3")
    sels = win.reader.extraSelections()
    assert len(sels) == 2
    a, b = sorted((s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in sels)
    assert a[1] > b[0]  # they overlap, and both are drawn (translucent)
    assert all(s.format.background().color().alpha() < 255 for s in sels)


def test_article_tags_and_tag_filter(make_window) -> None:
    win = make_window()
    open_article(win, "山西省")
    win.panel.article_tags.setText("援疆, 山西")
    win.panel.article_tags.editingFinished.emit()
    open_article(win, "上海市")
    shanghai = win.current.id
    win.panel.article_tags.setText("援疆")
    win.panel.article_tags.editingFinished.emit()
    win.library_pane.set_tag_filter({"援疆"})
    assert win.model.rowCount() == 2
    win.library_pane.set_tag_filter({"援疆", "山西"})
    assert win.model.rowCount() == 1
    win.library_pane.set_tag_filter(set())
    assert win.model.rowCount() == 5
    tags_col = win.model.index(win.model.row_of(shanghai), ArticleTableModel.TAGS)
    assert win.model.data(tags_col) == "援疆"


def test_chinese_search_filters_and_counts(make_window, qtbot: QtBot) -> None:
    win = make_window()
    win.search.insert("马兴瑞")  # as an input method commits it (QTest cannot type CJK)
    qtbot.waitUntil(lambda: win.model.rowCount() == 1, timeout=3000)
    assert "1 of 5" in win.library_pane.match_label.text()
    win.search.clear()
    win.search.insert("援疆")
    qtbot.waitUntil(lambda: win.model.rowCount() == 5, timeout=3000)
    win.search.setText("不存在的词语")
    qtbot.waitUntil(lambda: win.model.rowCount() == 0, timeout=3000)


def test_show_original_marks_removed_parts(make_window) -> None:
    win = make_window()
    open_article(win, "这场会议说")
    win.reading.original_button.setChecked(True)
    assert win.reader.showing_original
    text = win.reader.toPlainText()
    assert "removed: site chrome" in text and "本文链接" in text
    assert "SUSHUAPOS" in text  # the page as saved, spam watermarks and all
    win.reading.original_button.setChecked(False)
    assert "SUSHUAPOS" not in win.reader.toPlainText()  # the clean text has none
    win.reading.original_button.setChecked(False)
    assert not win.reader.showing_original and "本文链接" not in win.reader.toPlainText()


def _struck(win: MainWindow) -> list[str]:
    """The struck-through runs of the reader's document."""
    out, block = [], win.reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and frag.charFormat().fontStrikeOut():
                out.append(frag.text())
            it += 1
        block = block.next()
    return out


def test_show_original_strikes_inline_removals_in_place_after_a_restart(make_window) -> None:
    import dataclasses

    win = make_window()
    open_article(win, "这场会议说")
    # after a restart the article comes from the cache, which keeps no report
    win.reading.current = dataclasses.replace(win.reading.current, removed=())
    win.reading.original_button.setChecked(True)
    struck = _struck(win)
    # the watermark glued to the author's sentences: struck where it sits, 32 times
    assert sum("SUSHUAPOS" in s for s in struck) == 32
    text = win.reader.toPlainText()
    line = next(ln for ln in text.split("\n") if ln.startswith("1. 对口援疆是国家战略"))
    assert "SUSHUAPOS.COM [removed: repeated watermark (32×)]" in line
    assert "[removed: site chrome]" in text


def test_show_original_reasons_in_chinese(make_window) -> None:
    from PySide6.QtCore import QLocale

    from reader.ui.app import install_translations

    app = QApplication.instance()
    install_translations(app, "zh_CN")
    try:
        win = make_window()
        open_article(win, "这场会议说")
        win.reading.original_button.setChecked(True)
        text = win.reader.toPlainText()
        assert "重复水印（32×）" in text and "网站框架" in text
    finally:
        install_translations(app, "en")
        QLocale.setDefault(QLocale("en_US"))


def test_theme_change_changes_palette_and_reader(make_window) -> None:
    win = make_window("light")
    light = QApplication.palette().color(QApplication.palette().ColorRole.Base).name()
    win.set_theme("dark")
    dark = QApplication.palette().color(QApplication.palette().ColorRole.Base).name()
    assert light != dark and win.theme.name == "dark"
    assert "#26272b" in win.reader.styleSheet()
    win.set_theme("sepia")
    assert win.settings.get("theme") == "sepia"


def test_find_in_article(make_window) -> None:
    win = make_window()
    open_article(win, "山西省")
    win.reading.find_bar.open_bar()
    win.reading.find_bar.edit.setText("骆惠宁")
    assert "of" in win.reading.find_bar.count.text()
    n = len(win.reader._find)
    assert n == win.current.text.count("骆惠宁") + win.current.title.count("骆惠宁")
    win.reading.find_step(False)
    assert win.reader._find_current == n - 1


def test_font_size_shortcut(make_window) -> None:
    win = make_window()
    size = win.settings.get("font_size")
    win.change_size(+1)
    assert win.settings.get("font_size") == size + 1
    assert win.reader.px == size + 1


def test_reader_never_loads_resources_or_follows_unsafe_links(make_window, monkeypatch) -> None:
    win = make_window()
    opened: list[str] = []
    monkeypatch.setattr(
        "reader.ui.reader_view.QDesktopServices.openUrl", lambda u: opened.append(u.toString())
    )
    assert win.reader.loadResource(2, QUrl("http://127.0.0.1:9/x.png")) is None
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi"):
        win.reader._link_clicked(QUrl(bad))
    assert opened == []
    win.reader._link_clicked(QUrl("https://example.org/a"))
    assert opened == ["https://example.org/a"]


def test_reading_position_is_remembered(make_window, qtbot: QtBot) -> None:
    win = make_window()
    open_article(win, "第二次中央")
    sb = win.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: sb.maximum() > 0, timeout=3000)
    sb.setValue(sb.maximum() // 2)
    open_article(win, "山西省")
    aid = next(a.id for a in win.model.articles if a.title.startswith("第二次中央"))
    assert 0.3 < win.store.doc.articles[aid].position < 0.7


def test_orphan_listed_and_reattached(make_window) -> None:
    from reader.core.anchoring import Selector
    from reader.core.annotations import AddHighlight, Highlight

    win = make_window()
    open_article(win, "山西省")
    h = Highlight.new(win.current.id, Selector("这句话不在文中", "", "", 5, 12))
    h.status = "orphaned"
    win.apply(AddHighlight(h))
    assert [x.id for x in win.panel.orphans.items] == [h.id]
    assert win.reader.extraSelections() == []  # orphans are not painted
    select_text(win, "骆惠宁指出")
    win.reading.reattach(h.id)
    got = win.store.doc.highlights[h.id]
    assert (got.status, got.exact) == ("anchored", "骆惠宁指出")


def test_shortcuts_dialog_lists_actions(make_window) -> None:
    from reader.ui.dialogs import ShortcutsDialog

    win = make_window()
    dlg = ShortcutsDialog([a for a in win.actions() if a.shortcuts()], win)
    names = [dlg.model.item(r, 0).text() for r in range(dlg.model.rowCount())]
    assert any("Undo" in n for n in names) and any("Find" in n for n in names)
    assert any("default colour" in n for n in names)  # keys that are no menu action too


def test_all_highlights_view_opens_article(make_window) -> None:
    win = make_window()
    open_article(win, "山西省")
    select_text(win, "骆惠宁指出")
    win.reader.request_highlight("blue")
    hid = next(iter(win.store.doc.highlights))
    open_article(win, "上海市")
    win.show_all_highlights()
    dlg = win._all_dialog
    assert dlg.proxy.rowCount() == 1
    dlg.color.setCurrentIndex(dlg.color.findData("green"))
    assert dlg.proxy.rowCount() == 0
    dlg.color.setCurrentIndex(0)
    dlg.open_highlight.emit(hid)
    assert win.current.title.startswith("山西省")
    dlg.close()


def test_open_the_original_page_in_the_browser_on_click(make_window, monkeypatch) -> None:
    import dataclasses

    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda u: opened.append(u.toString()))
    win = make_window()
    open_article(win, "这场会议说")
    assert win.reading.page_button.isHidden()  # no address in this file
    art = dataclasses.replace(win.current, url="https://news.example.cn/a.html")
    win.reading.open(art)
    assert not win.reading.page_button.isHidden() and opened == []  # nothing until a click
    win.reading.page_button.click()
    assert opened == ["https://news.example.cn/a.html"]
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "https://"):
        win.reading.open(dataclasses.replace(art, url=bad))
        assert win.reading.page_button.isHidden()
