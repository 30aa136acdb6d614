"""Issue 20: the search box's query language, hits, jump-to-hit, saved searches."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_app_flows import select_text


def _put(win, text: str) -> None:
    """Text in the search box, searched only when asked (not by its timer)."""
    win.search.blockSignals(True)
    win.search.setText(text)
    win.search.blockSignals(False)


def _search(win, qtbot: QtBot, text: str) -> None:
    _put(win, text)
    with qtbot.waitSignal(win.library_pane.searched, timeout=10000):
        win.library_pane.run_search()


def _ready(win, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not win.tasks.busy("index"), timeout=10000)


def _with_find(make_window, qtbot: QtBot, monkeypatch, wrap):  # type: ignore[no-untyped-def]
    """A window whose searches go through ``wrap(the real find)``."""
    win = make_window()
    _ready(win, qtbot)
    index = win.library_pane.library.search_index
    monkeypatch.setattr(index, "find", wrap(index.find))
    return win


def test_query_language_in_the_search_box(make_window, qtbot: QtBot) -> None:
    from reader.ui.library_model import HITS_ROLE
    from reader.ui.library_model import ArticleTableModel as M

    win = make_window()
    _ready(win, qtbot)
    _search(win, qtbot, "陈全国 李纪恒")  # both, in different paragraphs
    assert win.model.rowCount() == 1
    hh = win.table.horizontalHeader()
    assert not hh.isSectionHidden(M.FOUND) and hh.visualIndex(M.FOUND) == 1
    cell = win.model.index(0, M.FOUND)
    qtbot.waitUntil(lambda: cell.data(HITS_ROLE) is not None, timeout=5000)  # (a worker's)
    hits = cell.data(HITS_ROLE)
    assert hits.count >= 2 and "**陈全国**" in hits.snippets[0].marked()
    assert cell.data().startswith(f"{hits.count} · …")
    _search(win, qtbot, '"对口援疆" -上海')
    n = win.model.rowCount()
    assert 0 < n < len(win.model.all)
    # a mistake is said under the box; the rows stay as they were
    _search(win, qtbot, "援疆 titel:x")
    err = win.library_pane.query_error
    assert err.isVisibleTo(win) and "unknown field “titel:”" in err.text()
    assert "at character 4" in err.text() and win.model.rowCount() == n
    _search(win, qtbot, "date:2021 is:unread")
    assert not err.isVisibleTo(win)
    assert hh.isSectionHidden(M.FOUND)  # (no words: nothing to show there)
    assert all(a.date.startswith("2021") for a in win.model.articles)
    _search(win, qtbot, "")
    assert win.model.rowCount() == len(win.model.all)


def test_traditional_text_is_found_and_a_result_opens_at_its_hits(
    make_window, library: Path, qtbot: QtBot
) -> None:
    (library / "tw.txt").write_text(
        "臺灣報導：新疆觀察\n2023-01-05\n\n記者在烏魯木齊採訪。烏魯木齊的冬天很冷。\n\n第二段與此無關。\n",
        "utf-8",
    )
    win = make_window()
    _ready(win, qtbot)
    _search(win, qtbot, "乌鲁木齐 title:台湾")
    assert [a.path.endswith("tw.txt") for a in win.model.articles] == [True]
    win.table.selectRow(0)
    art = win.current
    assert "烏魯木齊" in art.text  # shown as written
    assert win.reading.find_bar.isVisible() and win.reader.find_count() == 2
    cur = win.reader.textCursor()
    assert win.reader.to_clean(cur.position()) == art.text.index("烏魯木齊")  # at the first
    win.reading.find_step(True)
    assert win.reader.to_clean(win.reader.textCursor().position()) == art.text.rindex("烏魯木齊")
    assert win.reading.find_bar.count.text() == "2 of 2"
    win.reading.original_button.setChecked(True)  # the page as saved: found there too
    assert win.reader.showing_original and win.reader.find_count() == 2


def test_the_marks_of_one_article_never_land_on_the_next(
    make_window, library: Path, qtbot: QtBot
) -> None:
    """Found words belong to the text they were found in: opening another
    article (or the original page) never paints them there, not even once."""
    (library / "long.txt").write_text(
        "长文\n2023-01-05\n\n" + "前言很长。" * 200 + "援疆干部在这里。\n", "utf-8"
    )
    (library / "short.txt").write_text("短文\n2023-01-06\n\n援疆。\n", "utf-8")
    win = make_window()
    _ready(win, qtbot)
    _search(win, qtbot, "援疆")
    view = win.reader
    painted: list[tuple[int, list[tuple[int, int]]]] = []  # (document size, marks)
    real = view.setExtraSelections

    def spy(sels):  # type: ignore[no-untyped-def]
        spans = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in sels]
        painted.append((view.document().characterCount(), spans))
        real(sels)

    view.setExtraSelections = spy
    rows = {a.path.rsplit("/", 1)[-1]: i for i, a in enumerate(win.model.articles)}
    win.table.selectRow(rows["long.txt"])
    far = view.to_doc(win.current.text.index("援疆干部"))
    assert view.find_count() == 1 and painted[-1][1][-1][0] == far
    win.table.selectRow(rows["short.txt"])
    assert view.find_count() == 1
    win.reading.original_button.setChecked(True)  # the page itself: found there again
    assert view.showing_original and view.find_count() == 1
    assert all(e < size for size, spans in painted for _s, e in spans)  # (none stale)


def test_saved_searches_with_live_counts(make_window, qtbot: QtBot) -> None:
    win = make_window()
    _ready(win, qtbot)
    saved = win.library_pane.saved
    assert not saved.isVisibleTo(win)
    saved._store([{"name": "民政", "query": "民政部"}, {"name": "bad", "query": "titel:x"}])
    qtbot.waitUntil(lambda: saved.count() == 2 and "(" in saved.item(0).text(), timeout=5000)
    n = len(win.library_pane.library.search_index.search("民政部"))
    assert saved.item(0).text() == f"民政 ({n})" and saved.item(1).text() == "bad (—)"
    saved.itemClicked.emit(saved.item(0))
    with qtbot.waitSignal(win.library_pane.searched, timeout=10000):
        win.library_pane.run_search()
    assert win.search.text() == "民政部" and win.model.rowCount() == n
    # kept with the settings
    assert "民政部" in str(win.settings.get("saved_searches"))


def test_all_highlights_take_the_same_queries(make_window, qtbot: QtBot) -> None:
    from tests.ui.test_app_flows import open_article

    win = make_window()
    _ready(win, qtbot)
    open_article(win, "上海市")
    select_text(win, "上海")
    win.reader.request_highlight("red")
    win.show_all_highlights()
    dlg = win._all_dialog
    dlg.text.setText("color:red")
    assert dlg.proxy.rowCount() == 1
    dlg.text.setText("color:teal")
    assert "no colour “teal”" in dlg.count.text()
    dlg.text.setText("title:上海 -color:red")
    assert dlg.proxy.rowCount() == 0
    dlg.close()


def test_a_search_lists_matching_highlights_and_notes_too(make_window, qtbot: QtBot) -> None:
    from tests.ui.test_app_flows import open_article

    win = make_window()
    _ready(win, qtbot)
    open_article(win, "上海市")
    select_text(win, "上海")
    win.reader.request_highlight("yellow", mode="plain")
    (h,) = win.store.doc.highlights.values()
    from reader.core.annotations import EditHighlight

    win.edits.apply(EditHighlight(h.id, note="值得追踪的承诺"))
    _search(win, qtbot, "追踪")
    link = win.library_pane.highlight_hits
    assert link.isVisibleTo(win) and link.text().startswith("1 highlights or notes match")
    link.linkActivated.emit("#")
    dlg = win._all_dialog
    assert dlg.text.text() == "追踪" and dlg.proxy.rowCount() == 1
    dlg.close()
    _search(win, qtbot, "援疆")
    assert not link.isVisibleTo(win)


def test_searches_run_off_the_gui_thread_and_the_newest_wins(
    make_window, qtbot: QtBot, monkeypatch
) -> None:
    import threading
    import time

    threads: list[str] = []
    slow = threading.Event()

    def wrap(real_find):  # type: ignore[no-untyped-def]
        def find(q, doc=None):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread().name)
            if "马兴瑞" in q.words():
                slow.wait(5)  # the older search: still reading when the newer one ends
            return real_find(q, doc)

        return find

    win = _with_find(make_window, qtbot, monkeypatch, wrap)
    _put(win, "马兴瑞")
    win.library_pane.run_search()
    qtbot.waitUntil(lambda: len(threads) == 1, timeout=5000)
    start = time.perf_counter()
    qtbot.wait(200)  # the window goes on meanwhile: timers run, it paints
    assert time.perf_counter() - start < 1.0
    assert win.library_pane.match_label.text() == "Searching…"
    _search(win, qtbot, "援疆")
    shown = win.model.rowCount()
    assert shown == 5 and win.library_pane.query.words() == ["援疆"]
    slow.set()  # the older search ends last: its rows are not shown
    qtbot.wait(300)
    assert win.model.rowCount() == shown and win.library_pane.query.words() == ["援疆"]
    assert threading.main_thread().name not in threads


def test_a_search_looks_again_when_the_store_changed_under_it(
    make_window, qtbot: QtBot, monkeypatch
) -> None:
    tries: list[int] = []

    def wrap(real_find):  # type: ignore[no-untyped-def]
        def find(q, doc=None):  # type: ignore[no-untyped-def]
            tries.append(1)
            if len(tries) == 1:
                raise RuntimeError("dictionary changed size during iteration")
            return real_find(q, doc)

        return find

    win = _with_find(make_window, qtbot, monkeypatch, wrap)
    _search(win, qtbot, "马兴瑞")
    assert len(tries) == 2 and win.model.rowCount() == 1
    assert win.library_pane.query_error.isHidden()


def test_a_search_that_fails_says_so_under_the_box(make_window, qtbot: QtBot, monkeypatch) -> None:
    def wrap(_real_find):  # type: ignore[no-untyped-def]
        def find(q, doc=None):  # type: ignore[no-untyped-def]
            raise OSError("the index file is unreadable")

        return find

    win = _with_find(make_window, qtbot, monkeypatch, wrap)
    _search(win, qtbot, "马兴瑞")
    error = win.library_pane.query_error
    assert not error.isHidden() and "unreadable" in error.text()


def test_the_found_column_is_worked_out_off_the_gui_thread(
    make_window, qtbot: QtBot, monkeypatch
) -> None:
    import threading

    from reader.ui.library_model import HITS_ROLE
    from reader.ui.library_model import ArticleTableModel as M

    win = make_window()
    _ready(win, qtbot)
    index = win.library_pane.library.search_index
    real_hits = index.hits
    threads: set[str] = set()

    def hits(a, q, *args):
        threads.add(threading.current_thread().name)
        return real_hits(a, q, *args)

    monkeypatch.setattr(index, "hits", hits)
    _search(win, qtbot, "援疆")
    cells = [win.model.index(r, M.FOUND) for r in range(win.model.rowCount())]
    changed: list[int] = []
    win.model.dataChanged.connect(lambda a, b, *_: changed.extend(range(a.row(), b.row() + 1)))
    win.table.viewport().repaint()  # the rows painted ask for their hits
    qtbot.waitUntil(lambda: all(c.data(HITS_ROLE) is not None for c in cells), timeout=5000)
    assert all(c.data(HITS_ROLE).count > 0 for c in cells)
    assert threads and threading.main_thread().name not in threads
    assert set(changed) >= set(range(len(cells)))  # and the rows were told to paint again
    # an older search's hits, arriving late, are not shown on the newer one's rows
    older = win.model.hits_of
    _search(win, qtbot, "上海")
    first = win.model.articles[0]
    win.model.hits_came(older, {first.id: real_hits(first, "援疆")})
    assert win.model._hits.get(first.id) is None


def test_a_search_of_the_library_closed_meanwhile_is_not_shown(make_window, qtbot: QtBot) -> None:
    from reader.core.search import SearchIndex
    from reader.ui.search_runner import SearchResult

    win = make_window()
    _ready(win, qtbot)
    pane = win.library_pane
    _search(win, qtbot, "援疆")
    shown = win.model.rowCount()
    other = SearchIndex(None)  # the index of a library no longer open
    stale = SearchResult(other, pane.query, win.library_pane.library.search_index.find("马兴瑞"), 0)
    pane._show_result(stale)
    assert win.model.rowCount() == shown and pane.query.words() == ["援疆"]


def test_a_search_of_several_words_is_found_again_in_show_original(
    make_window, qtbot: QtBot
) -> None:
    win = make_window()
    _ready(win, qtbot)
    _search(win, qtbot, "陈全国 李纪恒")  # two words, in different paragraphs
    win.table.selectRow(0)
    n = win.reader.find_count()
    assert n >= 2 and win.reading.find_bar.edit.text() == "陈全国 李纪恒"
    win.reading.original_button.setChecked(True)  # each word again, not the two as one phrase
    assert win.reader.showing_original and win.reader.find_count() >= 2
    win.reading.find_text("陈全国 李纪恒")  # the bar unchanged: the same words
    assert win.reader.find_count() >= 2
    win.reading.find_text("陈全国 李")  # typed by the user: one phrase
    assert win.reader.find_count() == 0
