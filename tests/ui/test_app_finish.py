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


def test_preferences_ok_keeps_the_reading_font_unchosen(qtbot: QtBot) -> None:
    from reader.ui.dialogs import PreferencesDialog

    d = PreferencesDialog({"theme": "light", "font_family": "", "font_size": 17})
    qtbot.addWidget(d)
    assert d.values()["font_family"] == ""  # OK without touching the box changes nothing
    d.font_box.setCurrentIndex(min(3, d.font_box.count() - 1))
    assert d.values()["font_family"] == d.font_box.currentFont().family() != ""
    kept = PreferencesDialog({"font_family": "Noto Serif CJK SC"})
    qtbot.addWidget(kept)
    assert kept.values()["font_family"] == "Noto Serif CJK SC"


def test_headings_are_bold_in_any_font(make_window) -> None:
    from PySide6.QtGui import QFont

    win = make_window()
    open_article(win, "这场会议说")
    doc = win.reader.document()
    block = doc.begin()
    weights = []
    while block.isValid():
        it = block.begin()
        if not it.atEnd() and block.text().startswith("1. 对口援疆是国家战略"):
            weights.append(it.fragment().charFormat().font().weight())
        block = block.next()
    assert weights and all(w >= QFont.Weight.Bold for w in weights)


def test_ctrl_z_in_a_field_undoes_the_last_change_and_the_tag_field_follows(
    make_window, qtbot: QtBot
) -> None:
    from PySide6.QtCore import Qt

    win = make_window()
    open_article(win, "山西省")
    field = win.panel.article_tags
    field.setFocus()
    field.setText("援疆, 山西")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert win.store.doc.articles[win.current.id].tags == ["援疆", "山西"]
    win.search.setFocus()
    win.search.setText("山西")
    qtbot.keyClick(win.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.search.text() == "山西"  # the search text is not what Ctrl+Z undoes
    st = win.store.doc.articles.get(win.current.id)
    assert not (st and st.tags)  # the last change is
    assert field.text() == ""  # and the field shows it
    field.setFocus()
    qtbot.keyClick(
        field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert (
        win.store.doc.articles[win.current.id].tags == ["援疆", "山西"]
        and field.text() == "援疆, 山西"
    )


def test_the_open_article_follows_its_file_when_it_changes(
    make_window, library: Path, qtbot: QtBot
) -> None:
    from reader.core.anchoring import describe, find_quote
    from reader.core.annotations import AddHighlight, Highlight

    win = make_window()
    open_article(win, "山西省")
    art = win.current
    quote = "骆惠宁指出"
    h = Highlight.new(art.id, describe(art.text, *find_quote(art.text, quote)), note="n")
    win.edits.apply(AddHighlight(h, art.title))
    win.panel.select(h.id)
    f = Path(art.path)
    lines = f.read_text("utf-8").split("\n")
    first_body = next(i for i, ln in enumerate(lines) if "10月14日至16日上午" in ln)
    removed_text = lines[first_body + 2] if len(lines) > first_body + 2 else ""
    del lines[first_body + 2 : first_body + 3]  # the user edits the file: a paragraph goes
    f.write_text("\n".join(lines), "utf-8")
    with qtbot.waitSignal(win.library_loaded, timeout=20000):
        win.start_load()
    qtbot.waitUntil(lambda: win.current is not None and win.current.id != art.id, timeout=5000)
    new = win.current
    assert Path(new.path) == f and (
        not removed_text.strip() or removed_text.strip()[:20] not in new.text
    )
    shown = win.reader.toPlainText()
    assert removed_text.strip()[:20] not in shown or not removed_text.strip()
    # its highlight came along, in the text and in the panel, and the note box is bound to it
    moved = win.store.doc.highlights[h.id]
    assert moved.article == new.id and moved.status != "orphaned"
    assert any(x.id == h.id for x in win.reader.highlights)
    assert win.panel.model.row_of(h.id) is not None
    assert win.library_pane.table.currentIndex().isValid()


def test_reading_mode_shows_the_text_alone_and_esc_leaves_it(make_window, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    win = make_window()
    open_article(win, "山西省")
    assert win.library_pane.isVisible() and win.panel.isVisible()
    qtbot.keyClick(win.reader, Qt.Key.Key_F11)
    assert win.layout_ctl.reading_mode
    hidden = (win.library_pane, win.panel, win.menuBar(), win.statusBar(), win.reading.bar)
    assert not any(w.isVisible() for w in hidden) and win.reader.isVisible()
    qtbot.keyClick(win.reader, Qt.Key.Key_Escape)
    assert not win.layout_ctl.reading_mode
    assert all(w.isVisible() for w in hidden)


def test_small_windows_keep_a_readable_text_and_title(make_window, qtbot: QtBot) -> None:
    from reader.ui.library_model import ArticleTableModel
    from reader.ui.window_layout import MIN_READING

    win = make_window()
    open_article(win, "山西省")
    for w, h in ((800, 600), (640, 480), (1600, 1000)):
        win.resize(w, h)
        qtbot.wait(50)
        win.layout_ctl.fit()
        assert win.reading.width() >= MIN_READING, (w, win.splitter.sizes())
        if win.library_pane.isVisible():
            assert win.table.columnWidth(ArticleTableModel.TITLE) >= 140, w
    win.resize(640, 480)
    qtbot.wait(50)
    win.layout_ctl.fit()
    assert not win.panel.isVisible()  # folded for room, and back when there is room
    win.resize(1400, 860)
    qtbot.wait(50)
    win.layout_ctl.fit()
    assert win.panel.isVisible()


def test_the_library_folds_away_and_comes_back(make_window) -> None:
    win = make_window()
    win.toggle_library()
    assert not win.library_pane.isVisible() and not win.menus.library.isChecked()
    win.toggle_library()
    assert win.library_pane.isVisible() and win.menus.library.isChecked()


def test_starred_shows_in_a_column_and_filters_the_list(make_window, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from reader.ui.library_model import ArticleTableModel as M

    win = make_window()
    open_article(win, "山西省")
    aid = win.current.id
    assert win.model.headerData(M.STARRED, Qt.Orientation.Horizontal) == "★"
    assert (
        win.model.headerData(M.STARRED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        == "Starred"
    )
    win.reader.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Library ▸ Star
    assert win.store.doc.articles[aid].starred
    row = win.model.row_of(aid)
    assert win.model.index(row, M.STARRED).data() == "★"
    win.library_pane.set_flag_filter("starred", True)
    assert [a.id for a in win.model.articles] == [aid]
    assert win.library_pane.tag_filter.text().startswith("★")
    win.library_pane.set_flag_filter("unread", True)
    assert win.model.rowCount() == 1
    win.toggle_flag("read")
    assert win.model.rowCount() == 0  # read now: the unread filter looks again
    win.library_pane.clear_filters()
    assert win.model.rowCount() == 5 and win.model.article_marks == set()


def test_an_english_article_reads_in_a_latin_font_a_chinese_one_in_the_cjk_font(
    make_window, library, qtbot
) -> None:
    # a CJK font's apostrophe is full width: "president’ s" in an English headline
    from PySide6.QtGui import QFontInfo, QTextCursor
    from PySide6.QtWidgets import QApplication

    from tests.ui.test_app_flows import open_article

    (library / "en.txt").write_text(
        "The president’s plan fails\n\nLawmakers walked out before the vote on Saturday, "
        "leaving the motion eight votes short of the two-thirds it needed.\n",
        "utf-8",
    )
    win = make_window()
    latin = QFontInfo(QApplication.font()).family()

    open_article(win, "The president")
    cur = QTextCursor(win.reader.document())
    cur.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert cur.charFormat().font().families()[0] == latin
    open_article(win, "山西省")
    cur = QTextCursor(win.reader.document())
    cur.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert cur.charFormat().font().families()[0] == win.reader.family != latin
