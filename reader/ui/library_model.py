"""The library table: a model of articles that filters and sorts its own rows.

Sorting uses raw values kept under ``SORT_ROLE`` (dates as ISO strings with
undated last, lengths as ints), never the display strings: "10" must not sort
before "9", nor "—" before a date.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import count
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..core import overrides
from ..core.annotations import color_hex
from ..core.article import Article
from ..core.courtesy import mapped_politely, places_politely, sorted_politely
from ..core.matches import Matches
from ..core.search import ArticleHits
from ..core.store import Store
from .qtcompat import blank_cell
from .safe_text import plain

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 2
TAGS_ROLE = Qt.ItemDataRole.UserRole + 3
HITS_ROLE = Qt.ItemDataRole.UserRole + 4  # a search's hits in the article (ArticleHits)

# Roles and alignments as plain ints: ``data`` runs ~1,000 times per repaint,
# and each ``Qt.ItemDataRole.X`` looked up there costs ~0.5 µs (an ``|`` of
# two flags ~2 µs), a few milliseconds per repaint in all.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ANSWERED = frozenset(
    (_DISPLAY, _TOOLTIP, _ALIGNMENT, _FONT, SORT_ROLE, ARTICLE_ROLE, TAGS_ROLE, HITS_ROLE)
)
#: the column of each metadata field the user can correct (shown in italics)
_FIELD_OF = {0: "title", 1: "date", 2: "source"}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN = {3: _RIGHT, 5: _RIGHT, 6: _CENTER, 7: _CENTER}  # LENGTH, HIGHLIGHTS, READ, STARRED
_ID = attrgetter("id")

Index = QModelIndex | QPersistentModelIndex
#: Sorting by the number of hits reads every row's text: up to this many rows.
MAX_COUNTED = 3000


_ITALIC: list[QFont] = []  # (made when first asked: a QFont needs the application)


def _italic() -> QFont:
    if not _ITALIC:
        f = QFont()
        f.setItalic(True)
        _ITALIC.append(f)
    return _ITALIC[0]


def _field_names() -> dict[str, str]:
    return {
        "title": QCoreApplication.translate("ArticleTableModel", "title"),
        "date": QCoreApplication.translate("ArticleTableModel", "date"),
        "time": QCoreApplication.translate("ArticleTableModel", "time"),
        "source": QCoreApplication.translate("ArticleTableModel", "source"),
        "author": QCoreApplication.translate("ArticleTableModel", "author"),
        "url": QCoreApplication.translate("ArticleTableModel", "URL"),
    }


class ListTableModel(QAbstractTableModel):
    """A flat table with named columns (``headers``); subclasses give rows and data."""

    headers: list[str]

    # A repaint calls into Python for every cell; each call waits for the
    # interpreter lock while a worker runs Python. These two overrides make it
    # two calls per cell instead of about ten (Qt's index() asks rowCount and
    # columnCount, and its multiData() asks data() once per role).
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= column < len(self.headers) and 0 <= row < self.rowCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan) -> None:  # type: ignore[override]  # the stub's span is a union
        for item in roleDataSpan:  # type: ignore[attr-defined]  # iterable at run time
            value = self.data(index, item.role())
            if value is None:
                item.clearData()  # a span may be reused from the previous cell
            else:
                item.setData(value)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class ArticleTableModel(ListTableModel):
    """All articles of the library; the rows are those the filter accepts, sorted.

    Filtering and sorting happen here, in one Python pass over the articles,
    not per row through Qt: with 10,000 rows a ``QSortFilterProxyModel`` that
    calls back into Python for every row costs 25-50 ms per keystroke
    (measured), a list comprehension about 2 ms. ``ArticleFilterProxy`` stays
    between model and view and forwards filter and sort requests here.
    """

    TITLE, DATE, SOURCE, LENGTH, TAGS, HIGHLIGHTS, READ, STARRED, FOUND = range(9)
    INTRINSIC = frozenset((TITLE, DATE, SOURCE))  # sort keys that read only the article

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.all: dict[str, Article] = {}  # every article, by id (changed by _put)
        self._source_count: Counter[str | None] = Counter()  # articles of each source
        self.articles: list[Article] = []  # the rows: accepted by the filter, sorted
        self._rows_of: dict[str, int] | None = {}  # id → row, built when first asked
        self._picked: list[int] | None = None  # the rows' places in _order (a search)
        self.matching: Matches | None = None  # search results (None: no search)
        #: where a search's words are in an article (None: no words searched)
        self.hits_of: Callable[[Article], ArticleHits] | None = None
        self._hits: dict[str, ArticleHits] = {}  # (for the rows shown so far)
        #: works out the hits of a row to paint off the GUI thread (ui/hits_filler.py);
        #: without it they are worked out as the row paints
        self.fill_hits: Callable[[Article], None] | None = None
        self.drop_hits: Callable[[], None] | None = None
        self._asked: set[str] = set()  # rows whose hits are being worked out
        self.tags: set[str] = set()
        self.source: str | None = None
        self.article_marks: set[str] = set()  # "starred" (only starred), "unread" (only unread)
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._order: list[Article] | None = None  # every article in the current sort order
        self.version = 0  # changes whenever the rows do (a background sort checks it)
        self.headers = [
            self.tr("Title"),
            self.tr("Date"),
            self.tr("Source"),
            self.tr("Length"),
            self.tr("Tags"),
            self.tr("Highlights"),
            self.tr("Read"),
            self.tr("Starred"),
            self.tr("Found"),
        ]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if section == self.STARRED and orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return "★"  # (a narrow column; the name is its tooltip and menu entry)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.headers[section]
        return super().headerData(section, orientation, role)

    @property
    def _row(self) -> dict[str, int]:
        rows = self._rows_of
        if rows is None:
            rows = self._rows_of = rows_by_id(self.articles)
        return rows

    @_row.setter
    def _row(self, rows: dict[str, int]) -> None:
        self._rows_of = rows
        self._picked = None

    # -- structure
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.articles)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None  # most roles a delegate asks for (font, colours, check state)
        a = self.articles[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return self._display(a, col)
        if role == SORT_ROLE:
            return self._sort_value(a, col)
        if role == _ALIGNMENT:
            return _ALIGN.get(col)
        if role == ARTICLE_ROLE:
            return a
        if role == HITS_ROLE:
            return self.shown_hits(a) if col == self.FOUND else None
        if role == _FONT:  # a value the user corrected (Article Details) is in italics
            field = _FIELD_OF.get(col)
            st = self.store.doc.articles.get(a.id) if field else None
            return _italic() if st is not None and field in st.meta else None
        if role == _TOOLTIP:
            if col == self.FOUND:
                h = self.hits(a)
                return plain("\n\n".join(sn.marked("【", "】") for sn in h.snippets)) if h else None
            if col != self.TITLE:
                return None
            parts = [a.title, " · ".join(x for x in (a.date, a.source, a.author) if x), a.path]
            st = self.store.doc.articles.get(a.id)
            if st is not None and st.meta:
                fields = ", ".join(_field_names()[f] for f in overrides.user_set(st.meta))
                parts.append("✎ " + self.tr("Corrected by you: {fields}").format(fields=fields))
            return plain("\n".join(p for p in parts if p))
        if col == self.TAGS:  # TAGS_ROLE
            st = self.store.doc.articles.get(a.id)
            return list(st.tags) if st else []
        return None

    def _display(self, a: Article, col: int) -> Any:
        if col == self.TITLE:
            return a.title
        if col == self.FOUND:
            h = self.shown_hits(a)
            if h is None:
                return ""
            snippet = h.snippets[0].text if h.snippets else ""
            return f"{h.count} · {snippet}" if h.count else ""
        if col == self.DATE:
            return a.date or "—"
        if col == self.SOURCE:
            return a.source or ""
        if col == self.LENGTH:
            return f"{a.char_count:,}"
        if col == self.HIGHLIGHTS:
            n = self.store.doc.highlight_count(a.id)
            return str(n) if n else ""
        st = self.store.doc.articles.get(a.id)
        if col == self.TAGS:
            return ", ".join(st.tags) if st else ""
        if col == self.STARRED:
            return "★" if st and st.starred else ""
        return "✓" if st and st.read else ""  # READ

    def _sort_value(self, a: Article, col: int) -> Any:
        if col == self.TITLE:
            return a.title
        if col == self.DATE:
            return a.date or ""
        if col == self.SOURCE:
            return a.source or ""
        if col == self.LENGTH:
            return a.char_count
        if col == self.HIGHLIGHTS:
            return self.store.doc.highlight_count(a.id)
        st = self.store.doc.articles.get(a.id)
        if col == self.TAGS:
            return ", ".join(sorted(st.tags)) if st else ""
        if col == self.STARRED:
            return 1 if st and st.starred else 0
        return 1 if st and st.read else 0  # READ

    def hits(self, a: Article) -> ArticleHits | None:
        """Where the search's words are in ``a`` (computed when first shown)."""
        fn = self.hits_of
        if fn is None:
            return None
        got = self._hits.get(a.id)
        if got is None:
            got = self._hits[a.id] = fn(a)
        return got

    def shown_hits(self, a: Article) -> ArticleHits | None:
        """The hits to paint in ``a``'s row: those worked out already; the others
        are asked of ``fill_hits`` and painted when they come (``hits_came``)."""
        got = self._hits.get(a.id)
        if got is not None or self.hits_of is None:
            return got
        if self.fill_hits is None:
            return self.hits(a)
        if a.id not in self._asked:
            self._asked.add(a.id)
            self.fill_hits(a)
        return None

    def hits_came(
        self,
        fn: Callable[[Article], ArticleHits],
        got: dict[str, ArticleHits],
        failed: Sequence[str] = (),
    ) -> None:
        """Hits worked out by a worker for the search ``fn`` (an older search's
        are dropped); the rows show them. ``failed``: asked again when painted."""
        if fn is not self.hits_of:
            return
        self._asked.difference_update(failed)
        self._hits.update(got)
        rows = [r for aid in got if (r := self.row_of(aid)) is not None]
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), self.FOUND), self.index(max(rows), self.FOUND)
            )

    def set_hits(self, fn: Callable[[Article], ArticleHits] | None) -> None:
        """A new search: its hits are worked out for the rows as they show."""
        self.hits_of = fn
        self._hits = {}
        self._asked = set()
        if self.drop_hits is not None:
            self.drop_hits()
        if self.articles:
            self.dataChanged.emit(
                self.index(0, self.FOUND), self.index(len(self.articles) - 1, self.FOUND)
            )

    # -- changes
    def add_articles(self, arts: Sequence[Article], *, keep_order: bool = False) -> None:
        """Add (or replace) articles. ``keep_order`` appends the new rows at the end
        without re-sorting everything: a library loading in batches calls this
        every 150 ms and sorts once at the end (``resort``)."""
        self._order = None
        if not keep_order:
            for a in arts:
                self._put(a)
            self._rebuild()
            return
        ok = self._accepts() if self._filtered() else None
        all_, rows = self.all, self._row
        pending: dict[str, Article] = {}  # (one row per article: two files of one text are one)
        for a in arts:
            aid = a.id
            if aid in all_ and aid in rows:
                self.replace(a)
                continue
            self._put(a)
            if ok is None or ok(a):
                pending[aid] = a
        new = list(pending.values())
        if new:
            first = len(self.articles)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            rows.update(zip(pending, count(first)))
            self.articles += new
            self.version += 1
            self.endInsertRows()

    def _put(self, a: Article) -> None:
        """Keep ``a`` among all articles (in the place of the one it replaces)."""
        self._uncount(self.all.get(a.id))
        self.all[a.id] = a
        self._source_count[a.source] += 1

    def _uncount(self, old: Article | None) -> None:
        """Keep the count of each source in step with an article gone or replaced."""
        if old is not None:
            self._source_count[old.source] -= 1

    def replace(self, a: Article) -> None:
        self._put(a)
        self._hits.pop(a.id, None)
        self._order = None
        row = self._row.get(a.id)
        if row is not None:
            self.articles[row] = a
            self.version += 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove_ids(self, ids: Iterable[str]) -> None:
        self._order = None
        for aid in list(ids):
            self._uncount(self.all.pop(aid, None))
        self._rebuild()

    def clear(self) -> None:
        self.all = {}
        self._source_count.clear()
        self._order = None
        self._rebuild()

    def set_filter(
        self, *, matching: Any = ..., tags: Any = ..., source: Any = ..., marks: Any = ...
    ) -> None:
        if marks is not ...:
            self.article_marks = set(marks)
        if matching is not ...:
            self.matching = matching
        if tags is not ...:
            self.tags = set(tags)
        if source is not ...:
            self.source = source or None
        self._rebuild()

    def _filtered(self) -> bool:
        return bool(
            self.matching is not None or self.source is not None or self.tags or self.article_marks
        )

    def order(self) -> list[Article] | None:
        """Every article in the current sort order, if known (a search's
        places are worked out against it)."""
        return self._order

    def _accepts(self, *, searched: bool = True) -> Any:
        """The filter as a test of one article (``searched``: the search's too)."""
        matching, source, tags = self.matching if searched else None, self.source, self.tags
        starred, unread = "starred" in self.article_marks, "unread" in self.article_marks
        docs = self.store.doc.articles

        def ok(a: Article) -> bool:
            if matching is not None and a.id not in matching:
                return False
            if source is not None and a.source != source:
                return False
            st = docs.get(a.id)
            if (starred and not (st and st.starred)) or (unread and st and st.read):
                return False
            return not tags or (st is not None and tags <= set(st.tags))

        return ok

    def _rebuild(self) -> None:
        """Recompute the rows (filter + sort) and reset the view to them."""
        order = self._order
        if order is None or len(order) != len(self.all):
            order = self._order = self._sorted(list(self.all.values()))
        matching = self.matching
        picked: list[int] | None = None
        if matching is None:
            rows = list(order)
        else:
            # Every keystroke of a search lands here. Only the hits are looked
            # at, by their place in the sorted order, from the search's mask
            # (numpy, ~2 ms for 60,000 of 100,000)
            picked = matching.places_in(order)
            rows = list(map(order.__getitem__, picked))
        if self.source is not None or self.tags or self.article_marks:
            ok = self._accepts(searched=False)
            rows = [a for a in rows if ok(a)]  # already in order: filtering keeps it
            picked = None
        self.beginResetModel()
        self.articles = rows
        self._rows_of = None  # mapped when first asked (row_of needs no map)
        self._picked = picked
        self.version += 1
        self.endResetModel()

    def annotations_changed(self, ids: set[str] | None = None) -> None:
        """Tags, counts or read state changed, of ``ids`` (None: of any article):
        repaint those cells (the rows of a few, or the whole columns)."""
        if ids is not None and len(ids) <= 64:
            for aid in ids:
                row = self._row.get(aid)
                if row is not None:
                    self.dataChanged.emit(self.index(row, self.TAGS), self.index(row, self.READ))
        elif self.articles:
            self.dataChanged.emit(
                self.index(0, self.TAGS), self.index(len(self.articles) - 1, self.READ)
            )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows on raw values, with Python's C sort."""
        self.sort_column, self.sort_order = column, order
        self._order = None
        arts = self._sorted(self.articles)
        self._relayout(arts, rows_by_id(arts))

    def _relayout(self, arts: list[Article], rows: dict[str, int]) -> None:
        """Show the same rows in another order, keeping selection and current row."""
        self.layoutAboutToBeChanged.emit()
        old = self.articles
        self.articles = arts
        self._row = rows
        self.version += 1
        if len(arts) == len(self.all) and not self._filtered():
            self._order = list(arts)  # every article, sorted: the next search needs no sort
        for idx in self.persistentIndexList():
            aid = old[idx.row()].id
            self.changePersistentIndex(idx, self.index(self._row[aid], idx.column()))
        self.layoutChanged.emit()

    def _sorted(self, arts: list[Article]) -> list[Article]:
        if self.sort_column < 0:
            return arts
        return order_runs(self._sort_runs(arts, self.sort_column, self._descending()))

    def _descending(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    def _sort_runs(self, arts: list[Article], column: int, desc: bool) -> list[SortRun]:
        """The rows to sort as runs, each with its keys and direction.

        The keys of ``INTRINSIC`` columns read only the (immutable) articles;
        the others read the store, on the GUI thread. Comparing keys, the slow
        part (~30 ms for 10,000 rows), is ``order_runs``, which touches nothing
        shared and may run on a worker.
        """
        if column == self.DATE:
            dated = [a for a in arts if a.date]
            undated = [a for a in arts if not a.date]
            return [  # undated last, whichever the direction
                (dated, [(a.date, a.title) for a in dated], desc),
                (undated, [a.title for a in undated], False),
            ]
        key = self._key(column)
        return [(arts, [key(a) for a in arts], desc)]

    def resort(self) -> None:
        if self.sort_column >= 0:
            self.sort(self.sort_column, self.sort_order)

    def sorting_job(self) -> Callable[[], SortedRows] | None:
        """The current rows' sort as a function for a worker (None: unsorted).

        ``apply_sorted`` takes its result back on the GUI thread.
        """
        column, desc, version = self.sort_column, self._descending(), self.version
        if column < 0:
            return None
        arts = list(self.articles)
        runs = None if column in self.INTRINSIC else self._sort_runs(arts, column, desc)

        def work() -> SortedRows:
            ordered = order_runs(runs if runs is not None else self._sort_runs(arts, column, desc))
            return version, ordered, rows_by_id(ordered)

        return work

    def apply_sorted(self, result: SortedRows) -> bool:
        """Show a worker's sort; False if the rows changed since it started."""
        version, arts, rows = result
        if version != self.version:
            return False
        self._relayout(arts, rows)
        return True

    def _key(self, column: int) -> Any:
        docs = self.store.doc.articles
        counts = self.store.doc.highlight_counts() if column == self.HIGHLIGHTS else {}
        if column == self.SOURCE:
            return lambda a: (a.source or "", a.title)
        if column == self.LENGTH:
            return lambda a: (a.char_count, a.title)
        if column == self.TAGS:
            return lambda a: (", ".join(sorted(docs[a.id].tags)) if a.id in docs else "", a.title)
        if column == self.HIGHLIGHTS:
            return lambda a: (counts.get(a.id, 0), a.title)
        if column == self.READ:
            return lambda a: (bool(docs.get(a.id) and docs[a.id].read), a.title)
        if column == self.STARRED:
            return lambda a: (bool(docs.get(a.id) and docs[a.id].starred), a.title)
        if column == self.FOUND and len(self.articles) <= MAX_COUNTED:
            # most hits first (each article's text is read: up to a few thousand)
            return lambda a: (-(h.count if (h := self.hits(a)) else 0), a.title)
        return lambda a: a.title

    def row_of(self, article_id: str) -> int | None:
        picked = self._picked
        if self._rows_of is None and picked is not None and self._order is not None:
            # rows are a search's hits: find the row from the place in the order
            p = self.matching.universe.place_in(self._order, article_id) if self.matching else None
            r = bisect_left(picked, p) if p is not None else len(picked)
            return r if r < len(picked) and picked[r] == p else None
        return self._row.get(article_id)

    def article(self, article_id: str) -> Article | None:
        return self.all.get(article_id)

    def sources(self) -> list[str]:
        # (counted as articles come and go: a pass over 100,000 articles just
        # loaded took 60 ms of the GUI thread, most of it waiting for memory)
        return sorted(s for s, n in self._source_count.items() if s and n > 0)


SortRun = tuple[list[Article], list[Any], bool]  # rows, their keys, descending
SortedRows = tuple[int, list[Article], dict[str, int]]  # model version, rows, row of each id


def rows_by_id(arts: Sequence[Article]) -> dict[str, int]:
    """Each article's index in ``arts`` (in C, in steps a painting GUI can
    come between when on a worker: ~1 ms for 10,000)."""
    return places_politely(mapped_politely(_ID, arts))


def order_runs(runs: list[SortRun]) -> list[Article]:
    """The runs' rows sorted by their keys, run after run (stable, like
    ``sorted``; on a worker, in steps a painting GUI can come between)."""
    out: list[Article] = []
    for arts, keys, desc in runs:
        order = sorted_politely(range(len(arts)), keys.__getitem__, reverse=desc)
        out += [arts[i] for i in order]
    return out


class TagChipsDelegate(QStyledItemDelegate):
    """Paints an article's tags as small rounded chips in their colours."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        tags = index.data(TAGS_ROLE) or []
        opt = blank_cell(self, painter, option, index)
        if not tags:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(opt.font)
        r = opt.rect.adjusted(3, 4, -3, -4)
        x = float(r.left())
        for t in tags:
            w = fm.horizontalAdvance(t) + 12
            if x + w > r.right():
                painter.setPen(opt.palette.text().color())
                painter.drawText(
                    QRectF(x, r.top(), 20, r.height()), Qt.AlignmentFlag.AlignVCenter, "…"
                )
                break
            tag = self.store.doc.tags.get(t)
            c = QColor(color_hex(tag.color if tag else "gray"))
            edge = c.darker(140)  # opaque: keeps the chip visible on a selected row
            c.setAlpha(150)
            rect = QRectF(x, r.top(), w, r.height()).adjusted(0.5, 0.5, -0.5, -0.5)
            painter.setPen(QPen(edge, 1))
            painter.setBrush(c)
            painter.drawRoundedRect(rect, r.height() / 2, r.height() / 2)
            painter.setPen(opt.palette.text().color())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, t)
            x += w + 4
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        s = super().sizeHint(option, index)
        return QSize(max(s.width(), 80), s.height())


class HitsDelegate(QStyledItemDelegate):
    """A search's hits in an article: "3 · …context **hit** context…", the hits in bold."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hits = index.data(HITS_ROLE)
        opt = blank_cell(self, painter, option, index)
        if not hits or not hits.count:
            return
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pen = opt.palette.highlightedText() if selected else opt.palette.text()
        painter.setPen(pen.color())
        bold = QFont(opt.font)
        bold.setBold(True)
        r = opt.rect.adjusted(4, 0, -4, 0)
        x, right = float(r.left()), float(r.right())
        pieces = [(f"{hits.count} · ", opt.font)]
        if hits.snippets:
            sn = hits.snippets[0]
            pos = 0
            for s, e in sn.marks:
                pieces += [(sn.text[pos:s], opt.font), (sn.text[s:e], bold)]
                pos = e
            pieces.append((sn.text[pos:], opt.font))
        for text, font in pieces:
            if not text:
                continue
            fm = QFontMetrics(font)
            room = int(right - x)
            if room <= fm.horizontalAdvance("…"):
                break
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.setFont(font)
            painter.drawText(
                QRectF(x, r.top(), room, r.height()), Qt.AlignmentFlag.AlignVCenter, shown
            )
            x += fm.horizontalAdvance(shown)
            if shown != text:
                break
        painter.restore()
