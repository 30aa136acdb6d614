"""The library pane: search box, tag and source filters, and the article table.

The table shows the library controller's model directly: the model filters
and sorts its rows itself in one Python pass (a proxy in between cost five
index mappings per cell and did nothing). Opening another library gives the
pane that library's model (``set_library``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import Document
from ..core.article import Article
from ..core.query import Query, QueryError, parse
from ..core.search import SearchIndex
from ..core.store import Store
from .core_text import tr_core
from .edit_service import ChangeSet
from .library_controller import LibraryController
from .library_model import ArticleTableModel, HitsDelegate, TagChipsDelegate
from .saved_searches import SavedSearches
from .search_runner import SearchResult, SearchRunner


class LibraryPane(QWidget):
    article_selected = Signal(str)  # the current row's article
    activated = Signal()  # Enter or double-click on a row
    highlights_wanted = Signal(str)  # All Highlights, with this query
    searched = Signal()  # a search's rows are shown (or its mistake said)

    def __init__(self, store: Store, parent: QWidget | None = None, settings: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.library: LibraryController | None = None
        self.model = ArticleTableModel(store, self)  # until a library is set
        self.query: Query | None = None  # the search in force
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self.run_search)
        self.runner = SearchRunner(self)
        self.runner.finished.connect(self._show_result)
        self.runner.mistaken.connect(self._say_mistake)
        self.runner.failed.connect(self._say_failure)
        # a search that takes a while says so where the count is
        self._searching_timer = QTimer(self, singleShot=True, interval=150)
        self._searching_timer.timeout.connect(self._say_searching)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        self.saved = SavedSearches(settings, self)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr('Search: words, "a phrase", tag:, date:… (Ctrl+L)'))
        self.search.setToolTip(self.query_help())
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.focus_table)
        top.addWidget(self.search, 1)
        self.save_search = QToolButton(self)
        self.save_search.setText("☆")
        self.save_search.setToolTip(self.tr("Save this search"))
        self.save_search.setAccessibleName(self.tr("Save this search"))
        self.save_search.clicked.connect(lambda: self.saved.add(self, self.search.text()))
        top.addWidget(self.save_search)
        layout.addLayout(top)
        self.query_error = QLabel(self)
        self.query_error.setObjectName("queryError")
        self.query_error.setWordWrap(True)
        self.query_error.setTextFormat(Qt.TextFormat.PlainText)
        self.query_error.hide()
        layout.addWidget(self.query_error)
        self.highlight_hits = QLabel(self)  # "3 highlights match — show them"
        self.highlight_hits.setTextFormat(Qt.TextFormat.RichText)
        self.highlight_hits.linkActivated.connect(
            lambda _l: self.highlights_wanted.emit(self.search.text())
        )
        self.highlight_hits.hide()
        layout.addWidget(self.highlight_hits)
        self.saved.chosen.connect(self.search.setText)
        layout.addWidget(self.saved)
        row = QHBoxLayout()
        self.tag_filter = QToolButton(self)
        self.tag_filter.setText(self.tr("Tags ▾"))
        self.tag_filter.setAccessibleName(self.tr("Filter by tags"))
        self.tag_filter.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tag_menu = QMenu(self.tag_filter)
        self.tag_menu.aboutToShow.connect(self._fill_tag_menu)
        self.tag_filter.setMenu(self.tag_menu)
        self.source_filter = QComboBox(self)
        self.source_filter.setAccessibleName(self.tr("Filter by source"))
        self.source_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_filter.setMinimumContentsLength(6)
        self.source_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(source=self.source_filter.currentData())
        )
        self.match_label = QLabel(self)
        self.match_label.setAccessibleName(self.tr("Number of articles shown"))
        row.addWidget(self.tag_filter)
        row.addWidget(self.source_filter, 1)
        row.addWidget(self.match_label)
        layout.addLayout(row)
        self.table = self._make_table()
        self._folded: set[int] = set()
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)

    def _make_table(self) -> QTableView:
        t = QTableView(self)
        t.setObjectName("libraryTable")
        t.setSortingEnabled(False)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(28)
        t.setAccessibleName(self.tr("Articles"))
        hh = t.horizontalHeader()
        hh.setStretchLastSection(False)
        hh.setMinimumSectionSize(28)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._header_menu)
        t.activated.connect(lambda _i: self.activated.emit())
        t.setItemDelegateForColumn(ArticleTableModel.TAGS, TagChipsDelegate(self.store, t))
        return t

    # -- the library shown
    def set_library(self, library: LibraryController) -> None:
        """Show ``library``'s rows (its model), with the current sort and filters."""
        first = self.library is None
        sort = (self.model.sort_column, self.model.sort_order)
        self.runner.forget()  # (a search of the old library still running)
        self.library = library
        self.model = library.model
        if not first:
            self.model.sort_column, self.model.sort_order = sort
        self.table.setModel(self.model)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(ArticleTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        if first:
            for col, w in ((1, 86), (2, 76), (3, 54), (4, 92), (5, 70), (6, 40), (7, 30)):
                hh.resizeSection(col, w)
        self.table.setSortingEnabled(True)
        if first:
            self.table.sortByColumn(ArticleTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        for sig in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.layoutChanged,
        ):
            sig.connect(self.update_count)
        self.model.modelReset.connect(self._keep_current_selected)
        library.search_ready.connect(self._search_ready)
        index, doc = library.search_index, self.store
        self.saved.count_with(library.tasks, lambda q: _count(index, q, doc))
        hh.setSectionHidden(ArticleTableModel.FOUND, True)
        hh.moveSection(hh.visualIndex(ArticleTableModel.FOUND), 1)  # next to the title
        hh.resizeSection(ArticleTableModel.FOUND, 240)
        self.table.setItemDelegateForColumn(ArticleTableModel.FOUND, HitsDelegate(self.table))
        self.search.clear()
        self._set_tags(set())
        self.refresh_sources()
        self.update_count()

    # -- rows
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.article_selected.emit(self.model.articles[current.row()].id)

    def _keep_current_selected(self) -> None:
        """After the rows were rebuilt (filter, new files), the open article stays current."""
        if self._current_id:
            self._set_current(self._current_id, emit=False)

    _current_id = ""

    def mark_current(self, article_id: str) -> None:
        """The article the reader shows (kept selected when the rows change)."""
        self._current_id = article_id
        self._set_current(article_id, emit=False)

    def _set_current(self, article_id: str, *, emit: bool) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        idx = self.model.index(row, 0)
        sel = self.table.selectionModel()
        sel.blockSignals(not emit)
        self.table.setCurrentIndex(idx)
        sel.blockSignals(False)
        self.table.scrollTo(idx)
        return True

    def select_article(self, article_id: str) -> bool:
        """Make ``article_id`` the current row, clearing filters that hide it."""
        if article_id not in self.model.all:
            return False
        if self.model.row_of(article_id) is None:
            self.clear_filters()
        self._current_id = article_id
        return self._set_current(article_id, emit=True)

    def select_first(self) -> None:
        if self.model.rowCount() > 0:
            self.table.selectRow(0)

    def clear_filters(self) -> None:
        self.search.clear()
        self.model.set_filter(marks=set())
        self._set_tags(set())
        self.source_filter.setCurrentIndex(0)
        self.run_search()

    def selected_articles(self) -> list[Article]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.articles[r] for r in rows]

    def filtered_articles(self) -> list[Article]:
        return list(self.model.articles)

    def focus_table(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- search and filters
    def _search_ready(self) -> None:
        self.saved.recount()
        if self.search.text().strip():
            self.run_search()

    def run_search(self) -> None:
        """Search as typed, off the GUI thread (``searched`` when the rows are
        shown). A mistake in the query is said under the box (and the rows stay
        as they were), never an empty list without a reason."""
        text = self.search.text()
        index = self.library.search_index if self.library is not None else None
        if not text.strip() or index is None or self.library is None:
            self.runner.forget()
            self.query = None
            self.query_error.hide()
            self.highlight_hits.hide()
            self.model.set_hits(None)
            self.model.set_filter(matching=None)
            self._show_found(False)
            self.update_count()
            self.searched.emit()
            return
        try:
            q = parse(text)
        except QueryError as exc:
            self.runner.forget()
            self._say_mistake(exc)
            return
        self.runner.run(self.library.tasks, index, q, self.store.doc)
        self._searching_timer.start()

    def _show_result(self, result: SearchResult) -> None:
        self._searching_timer.stop()
        index = self.library.search_index if self.library is not None else None
        if index is None or index is not result.index:
            return  # (another library was opened meanwhile: its rows are not these)
        q = result.query
        self.query_error.hide()
        self.query = q
        words = bool(q.words())
        self._count_highlights(result.highlights)
        self.model.set_hits((lambda a: index.hits(a, q)) if words else None)
        self.model.set_filter(matching=result.found)
        self._show_found(words)
        self.update_count()
        self.searched.emit()

    def _say_searching(self) -> None:
        self.match_label.setText(self.tr("Searching…"))

    def _say_mistake(self, exc: QueryError) -> None:
        self._say_under_box(
            self.tr("Not searched: {problem} (at character {n})").format(
                problem=tr_core(exc.args[0]), n=exc.position + 1
            )
        )

    def _say_failure(self, msg: Any) -> None:
        self._say_under_box(self.tr("The search failed: {reason}").format(reason=tr_core(msg)))

    def _say_under_box(self, text: str) -> None:
        self._searching_timer.stop()
        self.query_error.setText(text)
        dark = self.palette().window().color().lightness() < 128  # (readable on either)
        self.query_error.setStyleSheet(f"color: {'#ff8787' if dark else '#c92a2a'};")
        self.query_error.show()
        self.update_count()
        self.searched.emit()

    def _count_highlights(self, n: int) -> None:
        """Highlights whose text or note the query's words are in: a link to them."""
        if not n:
            self.highlight_hits.hide()
            return
        label = self.tr("{n} highlights or notes match — <a href='#'>show them</a>").format(n=n)
        self.highlight_hits.setText(label)
        self.highlight_hits.show()

    def _show_found(self, on: bool) -> None:
        hh = self.table.horizontalHeader()
        if hh.isSectionHidden(ArticleTableModel.FOUND) == on:
            hh.setSectionHidden(ArticleTableModel.FOUND, not on)
            if on:  # (the title keeps the larger share; the tooltip has the snippets whole)
                hh.resizeSection(
                    ArticleTableModel.FOUND, max(100, self.table.viewport().width() * 2 // 5)
                )
            self._fit_columns()

    def query_words(self) -> list[str]:
        """The words and phrases of the search in force (to mark in the article)."""
        return self.query.words() if self.query is not None else []

    def query_help(self) -> str:
        return self.tr(
            "援疆 干部 — both words\n"
            '"对口援疆" — this phrase\n'
            "喀什 OR 和田 — either\n"
            "-广告 — not this\n"
            "title: source: author: tag: color: note: — in that field\n"
            "has:note has:highlight has:tag\n"
            "is:starred is:read is:unread is:orphaned\n"
            "date:2021  date:2021-09..2022-03\n"
            "Simplified and traditional characters match each other."
        )

    def rows_changed(self) -> None:
        """New or changed articles: a search in force looks again."""
        if self.search.text():
            self._search_timer.start()
        self.saved.recount()

    def update_count(self, *_: Any) -> None:
        shown, total = self.model.rowCount(), len(self.model.all)
        if shown == total:
            self.match_label.setText(self.tr("{n} articles").format(n=total))
        else:
            self.match_label.setText(self.tr("{shown} of {total}").format(shown=shown, total=total))

    def _fill_tag_menu(self) -> None:
        self.tag_menu.clear()
        for flag, label in (
            ("starred", self.tr("★ Starred only")),
            ("unread", self.tr("Unread only")),
        ):
            act = self.tag_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(flag in self.model.article_marks)
            act.toggled.connect(lambda on, f=flag: self.set_flag_filter(f, on))
        self.tag_menu.addSeparator()
        counts = self.store.doc.tag_counts()
        if not counts:
            a = self.tag_menu.addAction(self.tr("No tags yet"))
            a.setEnabled(False)
            return
        clear = self.tag_menu.addAction(self.tr("Show all"))
        clear.triggered.connect(lambda: self._set_tags(set()))
        self.tag_menu.addSeparator()
        for name in sorted(counts):
            n_art, _ = counts[name]
            act = self.tag_menu.addAction(f"{name} ({n_art})")
            act.setCheckable(True)
            act.setChecked(name in self.model.tags)
            act.toggled.connect(lambda on, t=name: self._toggle_tag(t, on))

    def _toggle_tag(self, tag: str, on: bool) -> None:
        tags = set(self.model.tags)
        (tags.add if on else tags.discard)(tag)
        self._set_tags(tags)

    def set_tag_filter(self, tags: set[str]) -> None:
        self._set_tags(tags)

    def set_flag_filter(self, flag: str, on: bool) -> None:
        """Only starred ("starred") or only unread ("unread") articles, or not."""
        flags = set(self.model.article_marks)
        (flags.add if on else flags.discard)(flag)
        self.model.set_filter(marks=flags)
        self._label_filters()

    def _set_tags(self, tags: set[str]) -> None:
        self.model.set_filter(tags=tags)
        self._label_filters()

    def _label_filters(self) -> None:
        tags, flags = self.model.tags, self.model.article_marks
        label = (
            self.tr("Tags ▾")
            if not tags
            else self.tr("Tags: {tags} ▾").format(tags=", ".join(sorted(tags)))
        )
        marks = ("★ " if "starred" in flags else "") + (
            self.tr("Unread") + " · " if "unread" in flags else ""
        )
        self.tag_filter.setText(marks + label)
        self.update_count()

    def refresh_sources(self) -> None:
        cur = self.source_filter.currentData()
        self.source_filter.blockSignals(True)
        self.source_filter.clear()
        self.source_filter.addItem(self.tr("All sources"), None)
        for s in self.model.sources():
            self.source_filter.addItem(s, s)
        self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(cur)))
        self.source_filter.blockSignals(False)

    def on_change(self, change: ChangeSet) -> None:
        """Annotations changed: repaint the rows concerned; a tag filter looks
        again, and so does a search that asks about annotations (tag:, is:…)."""
        self.model.annotations_changed(None if change.articles is None else set(change.articles))
        if self.model.tags or self.model.article_marks:
            self.model.set_filter()
        if self.query is not None and self.query.asks_the_store():
            self._search_timer.start()
        self.saved.recount()

    # -- columns that fit
    #: folded first when the pane is narrow: the title keeps a readable width
    FOLD_ORDER = (
        ArticleTableModel.STARRED,
        ArticleTableModel.HIGHLIGHTS,
        ArticleTableModel.TAGS,
        ArticleTableModel.SOURCE,
        ArticleTableModel.DATE,
    )
    MIN_TITLE = 140

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if obj is self.table and e.type() == QEvent.Type.Resize:
            self._fit_columns()
        return False

    def _fit_columns(self) -> None:
        """Fold columns (highlights, tags, source, date) while the title would
        get less than ``MIN_TITLE``; unfold them when there is room again.
        Folded columns are not the user's choice: the saved header keeps them."""
        hh = self.table.horizontalHeader()
        width = self.table.viewport().width()

        def others() -> int:
            return sum(
                hh.sectionSize(c)
                for c in range(1, self.model.columnCount())
                if not hh.isSectionHidden(c)
            )

        for col in reversed(self.FOLD_ORDER):  # room again: in the reverse order
            if col in self._folded and width - others() - hh.sectionSize(col) >= self.MIN_TITLE:
                hh.setSectionHidden(col, False)
                self._folded.discard(col)
        for col in self.FOLD_ORDER:
            if width - others() >= self.MIN_TITLE:
                break
            if not hh.isSectionHidden(col):
                hh.setSectionHidden(col, True)
                self._folded.add(col)

    def restore_header(self, state: QByteArray | None) -> None:
        """Column widths, order, visibility and sort as the user left them."""
        hh = self.table.horizontalHeader()
        if state is not None:
            hh.restoreState(state)
        else:  # a narrow pane reads better with fewer columns; right-click the header for more
            for col in (ArticleTableModel.LENGTH, ArticleTableModel.READ):  # (STARRED shows)
                hh.setSectionHidden(col, True)

    def header_state(self) -> QByteArray:
        hh = self.table.horizontalHeader()
        for col in self._folded:  # (folded for room, not hidden by the user)
            hh.setSectionHidden(col, False)
        state = hh.saveState()
        for col in self._folded:
            hh.setSectionHidden(col, True)
        return state

    def _header_menu(self, pos: QPoint) -> None:
        """Right-click on the header: show or hide columns (the title always shows)."""
        hh = self.table.horizontalHeader()
        menu = QMenu(self)
        for col in range(1, self.model.columnCount()):
            act = menu.addAction(self.model.headers[col])
            act.setCheckable(True)
            act.setChecked(not hh.isSectionHidden(col))
            act.toggled.connect(lambda on, c=col: hh.setSectionHidden(c, not on))
        menu.exec(hh.mapToGlobal(pos))


def _count(index: SearchIndex, query: str, store: Store) -> int | None:
    """How many articles ``query`` finds (None: the query has a mistake)."""
    doc: Document = store.doc
    try:
        return len(index.find(query, doc))
    except QueryError:
        return None
