"""Sorting the library's rows on a worker gives exactly the rows ``sort`` gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.annotations import TagArticle
from reader.core.article import Article, Block
from reader.core.matches import Matches, Universe
from reader.core.store import Store
from reader.ui.library_model import ArticleTableModel


def _articles(n: int, seed: int = 7) -> list[Article]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        title = rnd.choice(["援疆", "会议", "教育", "Alpha", "beta"]) + str(rnd.randrange(8))
        date = rnd.choice([None, "2021-09-13", "2023-08-30", f"2020-01-{rnd.randrange(1, 29):02d}"])
        out.append(
            Article(
                id=f"a{i:04d}",
                path=f"/lib/{i}.txt",
                title=title,
                date=date,
                time=None,
                source=rnd.choice([None, "新疆日报", "人民网"]),
                author=None,
                language="zh-Hans",
                blocks=(Block("p", "段落" * rnd.randrange(1, 40)),),
            )
        )
    return out


@pytest.fixture
def model(tmp_path: Path) -> ArticleTableModel:
    store = Store.open(tmp_path / "store.json")
    arts = _articles(300)
    for a in arts[::7]:
        store.apply(TagArticle(a.id, "援疆"), undoable=False)
    m = ArticleTableModel(store)
    m.add_articles(arts, keep_order=True)  # load order, as while loading
    return m


@pytest.mark.parametrize("column", range(7))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_worker_sort_equals_sort(
    model: ArticleTableModel, column: int, order: Qt.SortOrder
) -> None:
    load_order = list(model.articles)
    model.sort_column, model.sort_order = column, order
    job = model.sorting_job()
    assert job is not None
    assert model.articles == load_order  # nothing moves until the result is applied
    assert model.apply_sorted(job())
    background = [a.id for a in model.articles]
    assert all(model.row_of(aid) == i for i, aid in enumerate(background))
    model.sort(column, order)
    assert [a.id for a in model.articles] == background
    assert background == _expected(model, load_order, column, order)
    assert background != [a.id for a in load_order]  # the test sorts something


def _expected(
    model: ArticleTableModel, arts: list[Article], column: int, order: Qt.SortOrder
) -> list[str]:
    """The order the table promises, written out plainly."""
    desc = order == Qt.SortOrder.DescendingOrder
    docs = model.store.doc.articles
    if column == ArticleTableModel.DATE:
        dated = sorted((a for a in arts if a.date), key=lambda a: (a.date, a.title), reverse=desc)
        undated = sorted((a for a in arts if not a.date), key=lambda a: a.title)
        return [a.id for a in dated + undated]
    keys = {
        ArticleTableModel.TITLE: lambda a: a.title,
        ArticleTableModel.SOURCE: lambda a: (a.source or "", a.title),
        ArticleTableModel.LENGTH: lambda a: (a.char_count, a.title),
        ArticleTableModel.TAGS: lambda a: (
            ", ".join(sorted(docs[a.id].tags)) if a.id in docs else "",
            a.title,
        ),
        ArticleTableModel.HIGHLIGHTS: lambda a: (0, a.title),
        ArticleTableModel.READ: lambda a: (False, a.title),
    }
    return [a.id for a in sorted(arts, key=keys[column], reverse=desc)]


def test_stale_worker_sort_is_refused(model: ArticleTableModel) -> None:
    model.sort_column = ArticleTableModel.TITLE
    job = model.sorting_job()
    assert job is not None
    result = job()
    model.add_articles(_articles(1, seed=99)[:1], keep_order=True)  # a batch arrives meanwhile
    before = list(model.articles)
    assert not model.apply_sorted(result)
    assert model.articles == before


def test_unsorted_model_has_no_sorting_job(model: ArticleTableModel) -> None:
    assert model.sort_column == -1
    assert model.sorting_job() is None


def test_rows_are_sorted_when_loading_ends(make_window, qtbot: QtBot) -> None:
    win = make_window()
    ran: list[str] = []
    run = win.tasks.run

    def spy(name, fn, **kw):
        ran.append(name)
        return run(name, fn, **kw)

    win.tasks.run = spy
    win.model.sort_column = ArticleTableModel.TITLE  # as if the user had sorted by title
    win.model.sort_order = Qt.SortOrder.AscendingOrder
    for path in sorted(win.library.root.iterdir()):
        path.touch()  # a reload: the rows arrive in load order again
        break
    with qtbot.waitSignal(win.library_loaded, timeout=20000):
        win.start_load()
    assert "sort" in ran
    titles = [a.title for a in win.model.articles]
    assert titles == sorted(titles)


def test_a_repaint_calls_into_python_a_few_times_per_cell(make_window, monkeypatch) -> None:
    """Each call from Qt into Python waits for the interpreter lock while a
    worker runs: the model answers a cell's roles in one call (Qt's default
    asks ``data`` once per role)."""
    calls = {"index": 0, "multiData": 0, "data": 0}
    for name in calls:
        original = getattr(ArticleTableModel, name)

        def counted(self, *a, _original=original, _name=name):
            calls[_name] += 1
            return _original(self, *a)

        monkeypatch.setattr(ArticleTableModel, name, counted)
    win = make_window()  # a model made after the patch: Qt binds its overrides then
    for name in calls:
        calls[name] = 0
    win.table.viewport().repaint()
    cells = calls["multiData"]  # one per painted cell
    assert cells >= 2 * win.model.rowCount()  # Qt's own multiData would never call ours
    assert calls["index"] <= 4 * cells  # was ~9 per cell through Qt's multiData


@pytest.mark.parametrize("column", [-1, ArticleTableModel.TITLE, ArticleTableModel.DATE])
def test_search_rows_and_their_row_numbers(model: ArticleTableModel, column: int) -> None:
    """A search keeps the sort order and finds each hit's row without a map."""
    if column >= 0:
        model.sort(column, Qt.SortOrder.DescendingOrder)
    everything = [a.id for a in model.articles]
    hits = set(everything[::3]) | {"not-in-the-library"}
    universe = Universe(model.all, lambda _id: None)
    model.set_filter(matching=Matches(universe, universe.mask_of(hits)))
    shown = [a.id for a in model.articles]
    assert shown == [aid for aid in everything if aid in hits]
    for aid in everything:
        assert model.row_of(aid) == (shown.index(aid) if aid in hits else None)
    assert model.row_of("not-in-the-library") is None
    assert model._rows_of is None  # answered from the hits' places, no map built
    model.set_filter(matching=None)
    assert [a.id for a in model.articles] == everything


def test_a_reused_role_item_is_cleared_for_a_cell_without_that_role(make_window) -> None:
    """Views reuse their role items from cell to cell: a role a cell does not
    have must come back empty, not the previous cell's (a right-aligned count
    once made every title centred)."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    win = make_window()
    item = QModelRoleData(Qt.ItemDataRole.TextAlignmentRole)
    win.model.multiData(win.model.index(0, ArticleTableModel.LENGTH), QModelRoleDataSpan(item))
    assert item.data() is not None  # right-aligned
    win.model.multiData(win.model.index(0, ArticleTableModel.TITLE), QModelRoleDataSpan(item))
    assert item.data() is None


def test_the_sources_follow_articles_added_replaced_and_removed(
    model: ArticleTableModel,
) -> None:
    import dataclasses

    arts = list(model.all.values())
    assert model.sources() == sorted({a.source for a in arts if a.source})
    only = [a for a in arts if a.source == "人民网"]
    for a in only[:-1]:
        model.remove_ids([a.id])
    assert "人民网" in model.sources()
    model.replace(dataclasses.replace(only[-1], source="天山网"))  # (corrected by the user)
    assert "人民网" not in model.sources() and "天山网" in model.sources()
    model.add_articles([dataclasses.replace(arts[0], id="new", source="澎湃新闻")], keep_order=True)
    assert "澎湃新闻" in model.sources()
    model.clear()
    assert model.sources() == []
