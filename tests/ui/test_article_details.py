"""Issue 19: correcting an article's details in the app."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.test_app_flows import open_article


def test_details_corrected_show_everywhere_and_undo(make_window, qtbot: QtBot) -> None:
    from reader.ui.article_details import ArticleDetailsDialog
    from reader.ui.library_model import ArticleTableModel as M

    win = make_window()
    open_article(win, "上海市")
    aid, cleaner_title = win.current.id, win.current.title
    raw = win.library.index.articles[aid]
    dlg = ArticleDetailsDialog(raw, {}, win.edits.apply, win)
    dlg.fields["title"].setText("上海代表团考察更正版")
    dlg.fields["date"].setText("2023-08-29")
    dlg.fields["time"].setText("25:99")
    dlg.accept()  # refused, with the reason, and nothing applied
    assert "time" in dlg.error.text() and dlg.error.isVisibleTo(dlg)
    assert aid not in win.store.doc.articles or not win.store.doc.articles[aid].meta
    dlg.fields["time"].setText(raw.time or "")
    dlg.accept()
    assert win.store.doc.articles[aid].meta == {
        "title": "上海代表团考察更正版",
        "date": "2023-08-29",
    }
    # the table, the reader and the window title show the user's values
    row = win.model.row_of(aid)
    assert win.model.index(row, M.TITLE).data() == "上海代表团考察更正版"
    assert win.model.index(row, M.DATE).data() == "2023-08-29"
    assert win.model.index(row, M.TITLE).data(Qt.ItemDataRole.FontRole).italic()
    assert win.model.index(row, M.SOURCE).data(Qt.ItemDataRole.FontRole) is None
    assert "Corrected by you: title, date" in win.model.index(row, M.TITLE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert win.current.title == "上海代表团考察更正版"
    assert win.reader.toPlainText().startswith("上海代表团考察更正版")
    # search finds the new title once the index is rebuilt
    qtbot.waitUntil(lambda: aid in win.library.search_index.search("考察更正版"), timeout=5000)
    win.undo()  # one step
    assert aid not in win.store.doc.articles or not win.store.doc.articles[aid].meta
    assert win.model.index(win.model.row_of(aid), M.TITLE).data() == cleaner_title
    assert win.current.title == cleaner_title


def test_ok_without_changes_changes_nothing_and_reset_goes_back(make_window) -> None:
    from reader.core.annotations import SetArticleMeta
    from reader.ui.article_details import ArticleDetailsDialog

    win = make_window()
    open_article(win, "上海市")
    raw = win.library.index.articles[win.current.id]
    assert ArticleDetailsDialog(raw, {}, win.edits.apply, win).changes() is None
    win.edits.apply(SetArticleMeta(raw.id, {"source": "新疆日报"}))
    st = win.store.doc.articles[raw.id]
    dlg = ArticleDetailsDialog(raw, st.meta, win.edits.apply, win)
    assert dlg.fields["source"].text() == "新疆日报"
    assert dlg.fields["source"].placeholderText() == raw.source
    dlg.fields["source"].setText(raw.source)  # (what ↺ does)
    assert dlg.values() == {"source": None}
