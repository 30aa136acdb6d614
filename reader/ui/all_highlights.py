"""View ▸ All Highlights: every highlight in the store, found by text, colour
and tag; double-click goes to one; select many and act on them at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import PALETTE, Highlight, Operation, color_hex
from ..core.query import QueryError
from ..core.store import Store
from . import bulk
from .annotations_panel import HighlightFilter
from .colors import color_label, color_name, label_colours, status_name
from .core_text import tr_core
from .library_model import Index, ListTableModel
from .safe_text import markdown_html, markdown_plain, plain


def article_titles(store: Store, in_library: Callable[[str], Any]) -> Callable[[str], str]:
    """The title to show for an article id: the library's, else the one the
    store remembers, marked as not in this library."""

    def title(aid: str) -> str:
        a = in_library(aid)
        if a is not None:
            return str(a.title)
        st = store.doc.articles.get(aid)
        name = st.title if st and st.title else aid[:12]
        return name + " " + QCoreApplication.translate("AllHighlights", "(not in this library)")

    return title


class AllHighlightsModel(ListTableModel):
    COLOR, QUOTE, NOTE, TAGS, ARTICLE, STATUS = range(6)

    def __init__(
        self,
        store: Store,
        titles: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.titles = titles
        self.meanings: Mapping[str, str] = {}
        self.items: list[Highlight] = []
        self.headers = [
            self.tr("Colour"),
            self.tr("Highlight"),
            self.tr("Note"),
            self.tr("Tags"),
            self.tr("Article"),
            self.tr("Status"),
        ]
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.meanings = self.store.doc.meanings()
        self.items = sorted(
            self.store.doc.highlights.values(), key=lambda h: h.modified, reverse=True
        )
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        h = self.items[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return h
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.COLOR: color_label(h.color, self.meanings),
                self.QUOTE: h.exact.replace("\n", " "),
                self.NOTE: markdown_plain(h.note),
                self.TAGS: ", ".join(h.tags),
                self.ARTICLE: self.titles(h.article),
                self.STATUS: status_name(h.status),
            }[c]
        if role == Qt.ItemDataRole.DecorationRole and c == self.COLOR:
            return QColor(color_hex(h.color))
        if role == Qt.ItemDataRole.ToolTipRole and c in (self.QUOTE, self.NOTE):
            return plain(h.exact) if c == self.QUOTE else markdown_html(h.note)
        return None


class AllHighlightsDialog(QDialog):
    """Every highlight; double-click opens the article at it (or says that
    the article is not in this library); select many to act on them at once."""

    open_highlight = Signal(str)

    def __init__(
        self,
        store: Store,
        titles: Callable[[str], str],
        parent: QWidget | None = None,
        *,
        in_library: Callable[[str], bool] = lambda _aid: True,
        apply: Callable[[Operation], object] | None = None,
        export: Callable[[Sequence[str]], object] | None = None,
        search: Callable[[str], set[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.search = search  # the library's query language → ids of matching highlights
        self.titles, self.in_library = titles, in_library
        self.apply, self.export = apply, export
        self.setWindowTitle(self.tr("All Highlights"))
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        lay.addLayout(self._filters())
        self.model = AllHighlightsModel(store, titles, self)
        self.proxy = HighlightFilter(
            self, haystack=lambda h: h.exact + "\n" + h.note + "\n" + titles(h.article)
        )
        self.proxy.setSourceModel(self.model)
        lay.addWidget(self._table())
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.reload()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr('Search: words, "a phrase", tag:, color:, note:…'))
        self.text.setToolTip(
            self.tr(
                "The library's search language: words in the highlight or its note, "
                '"phrases", OR, -not, tag:, color:, note:, has:note, is:orphaned, '
                "and title:, source:, date: of its article."
            )
        )
        self.text.setAccessibleName(self.tr("Filter highlights"))
        self.text.setClearButtonEnabled(True)
        self.color = QComboBox(self)
        self.color.setAccessibleName(self.tr("Filter by colour"))
        self.color.addItem(self.tr("All colours"), "")
        for name in PALETTE:
            self.color.addItem(color_name(name), name)
        self.tag = QComboBox(self)
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.count = QLabel(self)
        row.addWidget(self.text, 3)
        row.addWidget(self.color, 1)
        row.addWidget(self.tag, 1)
        row.addWidget(self.count)
        self.text.textChanged.connect(self._refilter)
        self.color.currentIndexChanged.connect(self._refilter)
        self.tag.currentIndexChanged.connect(self._refilter)
        return row

    def _table(self) -> QTableView:
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(AllHighlightsModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(AllHighlightsModel.NOTE, QHeaderView.ResizeMode.Stretch)
        self.view.setAccessibleName(self.tr("All highlights"))
        self.view.activated.connect(self._open)  # (double-click, or Enter)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        return self.view

    def selected_ids(self) -> list[str]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return [self.model.items[r].id for r in sorted(rows)]

    def _menu(self, pos: QPoint) -> None:
        ids = self.selected_ids()
        if not ids or self.apply is None:
            return
        menu = QMenu(self)
        bulk.fill_menu(menu, self, self.store, ids, self.apply, self.export)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def reload(self) -> None:
        self.model.reload()
        label_colours(self.color, self.model.meanings)
        self.tag.blockSignals(True)
        cur = self.tag.currentData()
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), "")
        for t in sorted(self.store.doc.tags):
            self.tag.addItem(t, t)
        self.tag.setCurrentIndex(max(0, self.tag.findData(cur)))
        self.tag.blockSignals(False)
        self._refilter()

    def _refilter(self) -> None:
        text = self.text.text()
        ids = None
        self.count.setStyleSheet("")
        if self.search is not None and text.strip():
            try:
                ids = self.search(text)
            except QueryError as exc:
                self.count.setStyleSheet("color: #c92a2a;")
                self.count.setText(tr_core(exc.args[0]))
                return
        self.proxy.set(text, self.color.currentData() or "", self.tag.currentData() or "", ids)
        self.count.setText(self.tr("{n} highlights").format(n=self.proxy.rowCount()))

    def _open(self, index: QModelIndex) -> None:
        h = self.proxy.mapToSource(index).data(Qt.ItemDataRole.UserRole)
        if h is None:
            return
        if not self.in_library(h.article):
            QMessageBox.information(
                self,
                self.windowTitle(),
                plain(
                    self.tr(
                        "This highlight is on “{title}”, which is not in this library. "
                        "Open the library that holds it (File ▸ Open Library Folder…) to go to it."
                    ).format(title=self.titles(h.article))
                ),
            )
            return
        self.open_highlight.emit(h.id)
