"""Issue 18: editing a highlight where it is, and acting on many at once."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.test_app_flows import open_article, select_text


def _highlight(win, quote: str, color: str = "yellow") -> str:
    select_text(win, quote)
    before = set(win.store.doc.highlights)
    win.reader.request_highlight(color)
    (hid,) = set(win.store.doc.highlights) - before
    return hid


def _point_on(win, quote: str) -> QPoint:
    start = win.current.text.index(quote) + 1
    cur = QTextCursor(win.reader.document())
    cur.setPosition(win.reader.to_doc(start))
    win.reader.setTextCursor(cur)  # no selection: the caret sits inside the highlight
    return win.reader.cursorRect(cur).center()


def _action(menu: QMenu, text: str):
    for act in menu.actions():
        if act.text().replace("&", "").split("\t")[0] == text:
            return act
        if act.menu() is not None and (found := _action(act.menu(), text)) is not None:
            return found
    return None


def test_n_and_t_edit_the_highlight_last_chosen(make_window, monkeypatch, qtbot: QtBot) -> None:
    import reader.ui.main_window as mw

    win = make_window()
    open_article(win, "山西省")
    hid = _highlight(win, "骆惠宁指出")
    win.reader.active = None
    win._goto_highlight(hid)  # chosen in the panel or All Highlights
    assert win.reader.active == hid
    cur = win.reader.textCursor()
    cur.clearSelection()
    win.reader.setTextCursor(cur)
    monkeypatch.setattr(mw, "ask_tags", lambda *a, **k: ["援疆", "会议"])
    qtbot.keyClick(win.reader, Qt.Key.Key_T)
    assert win.store.doc.highlights[hid].tags == ["援疆", "会议"]
    assert len(win.store.doc.highlights) == 1  # T edited, it did not add
    qtbot.keyClick(win.reader, Qt.Key.Key_N)
    assert win.panel.note.hasFocus() or win.panel.current_id() == hid


def test_the_context_menu_on_a_highlight_recolours_copies_and_deletes(make_window) -> None:
    win = make_window()
    open_article(win, "山西省")
    hid = _highlight(win, "骆惠宁指出")
    menu = win.reader.context_menu(_point_on(win, "骆惠宁指出"))
    assert win.reader.active == hid
    _action(menu, "Green").trigger()
    assert win.store.doc.highlights[hid].color == "green"
    _action(win.reader.context_menu(_point_on(win, "骆惠宁指出")), "Copy highlight text").trigger()
    assert QApplication.clipboard().text() == "骆惠宁指出"
    act = _action(
        win.reader.context_menu(_point_on(win, "骆惠宁指出")), "Copy as quotation with its source"
    )
    act.trigger()
    quoted = QApplication.clipboard().text()
    assert quoted.startswith("“骆惠宁指出” — 山西省")
    _action(win.reader.context_menu(_point_on(win, "骆惠宁指出")), "Delete highlight").trigger()
    assert hid not in win.store.doc.highlights
    win.undo()
    assert hid in win.store.doc.highlights


def test_all_highlights_acts_on_a_selection_in_one_undo_step(
    make_window, monkeypatch, qtbot: QtBot
) -> None:
    import reader.ui.bulk as bulk

    win = make_window()
    open_article(win, "山西省")
    a = _highlight(win, "骆惠宁指出", "yellow")
    open_article(win, "上海市")
    text = win.current.text
    b = _highlight(win, text[10:16], "blue")
    win.show_all_highlights()
    dlg = win._all_dialog
    dlg.view.selectAll()
    assert sorted(dlg.selected_ids()) == sorted([a, b])
    menu = QMenu()
    bulk.fill_menu(menu, dlg, win.store, dlg.selected_ids(), win.edits.apply)
    _action(menu, "Purple").trigger()
    assert {win.store.doc.highlights[i].color for i in (a, b)} == {"purple"}
    win.undo()  # one step takes both back
    assert win.store.doc.highlights[a].color == "yellow"
    assert win.store.doc.highlights[b].color == "blue"
    monkeypatch.setattr(bulk, "ask_tags", lambda *a, **k: ["证据"])
    _action(menu, "Add tags…").trigger()
    assert all(win.store.doc.highlights[i].tags == ["证据"] for i in (a, b))
    menu2 = QMenu()
    bulk.fill_menu(menu2, dlg, win.store, [a, b], win.edits.apply)
    _action(menu2, "证据").trigger()  # Remove tag ▸ 证据
    assert all(win.store.doc.highlights[i].tags == [] for i in (a, b))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _action(menu2, "Delete 2 highlights").trigger()
    assert not win.store.doc.highlights
    win.undo()
    assert set(win.store.doc.highlights) == {a, b}
    assert dlg.proxy.rowCount() == 2  # the view follows the store
    dlg.close()


def test_a_highlight_in_another_library_is_explained_not_opened(
    make_window, monkeypatch, qtbot: QtBot
) -> None:
    from reader.core.annotations import SetArticle

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    win = make_window()
    open_article(win, "山西省")
    hid = _highlight(win, "骆惠宁指出")
    h = win.store.doc.highlights[hid]
    # the same store seen from a library without that article
    win.library.model.article = lambda aid: None  # type: ignore[method-assign]
    win.edits.apply(SetArticle(h.article, starred=True))
    win.show_all_highlights()
    dlg = win._all_dialog
    opened: list[str] = []
    dlg.open_highlight.connect(opened.append)
    dlg._open(dlg.proxy.index(0, 1))
    assert opened == [] and said and "not in this library" in said[0]
    assert "(not in this library)" in dlg.proxy.index(0, 4).data()
    dlg.close()


def test_the_panel_acts_on_several_selected_highlights(make_window, monkeypatch) -> None:
    from PySide6.QtCore import QItemSelectionModel

    win = make_window()
    open_article(win, "山西省")
    text = win.current.text
    ids = [_highlight(win, text[i : i + 4], "yellow") for i in (20, 40, 60)]
    panel = win.panel
    sel = panel.list.selectionModel()
    for row in (0, 2):
        sel.select(panel.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    chosen = panel.selected_ids()
    assert len(chosen) == 2 and set(chosen) <= set(ids)
    _action(panel._bulk_menu(chosen), "Orange").trigger()
    assert sorted(win.store.doc.highlights[i].color for i in ids) == ["orange", "orange", "yellow"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    sel.clearSelection()
    for row in (0, 2):
        sel.select(panel.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    panel._delete_current()  # the Delete key
    assert len(win.store.doc.highlights) == 1
    win.undo()
    assert len(win.store.doc.highlights) == 3


def test_notes_show_as_the_words_they_say_in_the_list() -> None:
    from reader.ui.safe_text import markdown_plain

    assert markdown_plain("**Why** this\n\n- matters\n- [link](https://x.org)") == (
        "Why this matters link"
    )
    assert markdown_plain("<b>raw</b> html") == "<b>raw</b> html"  # never rendered


def test_export_the_chosen_highlights_from_all_highlights(make_window) -> None:
    win = make_window()
    open_article(win, "山西省")
    a = _highlight(win, "骆惠宁指出", "yellow")
    open_article(win, "上海市")
    b = _highlight(win, win.current.text[10:16], "blue")
    win.show_all_highlights()
    dlg = win._all_dialog
    dlg.view.selectRow(0)
    (chosen,) = dlg.selected_ids()
    menu = QMenu()
    from reader.ui import bulk

    bulk.fill_menu(menu, dlg, win.store, [chosen], win.edits.apply, dlg.export)
    _action(menu, "Export these…").trigger()
    from reader.ui.export_dialog import ExportDialog

    (export,) = win.findChildren(ExportDialog)
    assert export.scope_key() == "chosen"
    notes = export.notes()
    assert [h.id for n in notes for h in n.highlights] == [chosen]
    assert chosen in (a, b)
    export.close()
    dlg.close()


def test_colour_meanings_show_wherever_the_colour_does(make_window) -> None:
    from reader.ui.color_meanings import ColorMeaningsDialog

    win = make_window()
    open_article(win, "山西省")
    hid = _highlight(win, "骆惠宁指出", "yellow")
    dlg = ColorMeaningsDialog(win.store, win.edits.apply, win)
    dlg.fields["yellow"].setText("  观点 ")
    dlg.fields["red"].setText("问题")
    dlg.accept()
    assert win.store.doc.meanings() == {"yellow": "观点", "red": "问题"}
    tb = win.reader.toolbar
    win.reader._show_toolbar()
    assert tb.colour_buttons[0].toolTip() == "Yellow — 观点 (1)"
    assert win.panel.filter_color.itemText(win.panel.filter_color.findData("red")) == "Red — 问题"
    menu = win.reader.context_menu(_point_on(win, "骆惠宁指出"))
    assert _action(menu, "Yellow — 观点") is not None  # Change colour ▸
    win.show_all_highlights()
    all_dlg = win._all_dialog
    assert all_dlg.proxy.index(0, 0).data() == "Yellow — 观点"
    win.undo()  # the dialog's changes are one step
    assert win.store.doc.meanings() == {}
    assert all_dlg.proxy.index(0, 0).data() == "Yellow"
    assert win.store.doc.highlights[hid].color == "yellow"
    all_dlg.close()
    again = ColorMeaningsDialog(win.store, win.edits.apply, win)
    assert again.changes() is None  # OK without typing changes nothing
