"""The annotations panel beside the text: this article's highlights, notes and tags.

Highlights are listed in reading order with colour, quote, note and tags;
selecting one scrolls the reader to it and flashes it; its note (Markdown)
and tags are edited right here. Orphaned highlights — ones whose text is no
longer in the article — are listed apart and can be re-attached to a new
selection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import PALETTE, DeleteHighlight, EditHighlight, Highlight, color_hex
from ..core.store import Store
from . import bulk
from .colors import color_name, color_tooltip, label_colours
from .qtcompat import blank_cell, filter_change
from .reader_view import MAX_PAINTED
from .safe_text import markdown_html, markdown_plain
from .tags import TagField

HL_ROLE = Qt.ItemDataRole.UserRole + 10
Index = QModelIndex | QPersistentModelIndex


class HighlightListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Highlight] = []

    def set_items(self, items: list[Highlight]) -> None:
        """Show ``items``; a single insertion or removal (the usual edit) is applied
        as such, so the view does not lay out hundreds of rows again."""
        old = [h.id for h in self.items]
        new = [h.id for h in items]
        if old == new:
            self.items = list(items)
            if items:
                self.dataChanged.emit(self.index(0), self.index(len(items) - 1))
            return
        if len(new) == len(old) + 1:
            pairs = enumerate(zip(old, new, strict=False))
            i = next((k for k, (a, b) in pairs if a != b), len(old))
            if new[:i] + new[i + 1 :] == old:
                self.beginInsertRows(QModelIndex(), i, i)
                self.items = list(items)
                self.endInsertRows()
                return
        if len(old) == len(new) + 1:
            pairs = enumerate(zip(old, new, strict=False))
            i = next((k for k, (a, b) in pairs if a != b), len(new))
            if old[:i] + old[i + 1 :] == new:
                self.beginRemoveRows(QModelIndex(), i, i)
                self.items = list(items)
                self.endRemoveRows()
                return
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        h = self.items[index.row()]
        if role == HL_ROLE:
            return h
        if role == Qt.ItemDataRole.DisplayRole:
            return h.exact
        if role == Qt.ItemDataRole.ToolTipRole:
            return markdown_html(h.note) if h.note else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{h.color}: {h.exact} {h.note}"
        return None

    def row_of(self, hid: str) -> int | None:
        return next((i for i, h in enumerate(self.items) if h.id == hid), None)


class HighlightFilter(QSortFilterProxyModel):
    """Filter highlights by text, colour and tag (this panel and the all-highlights view).

    The source model has ``items`` (a list of highlights); ``haystack`` says
    what text a highlight is searched by (quote and note, or more).
    """

    def __init__(
        self, parent: QObject | None = None, haystack: Callable[[Highlight], str] | None = None
    ) -> None:
        super().__init__(parent)
        self.text = ""
        self.color = ""
        self.tag = ""
        self.ids: set[str] | None = None  # a query's matches (the text is a query then)
        self.haystack = haystack or (lambda h: h.exact + "\n" + h.note)

    def set(self, text: str, color: str, tag: str, ids: set[str] | None = None) -> None:
        with filter_change(self):
            self.text, self.color, self.tag, self.ids = text.casefold(), color, tag, ids

    def filterAcceptsRow(self, row: int, _parent: Index) -> bool:
        h = self.sourceModel().items[row]  # type: ignore[attr-defined]
        if self.color and h.color != self.color:
            return False
        if self.tag and self.tag not in h.tags:
            return False
        if self.ids is not None:
            return h.id in self.ids
        return not self.text or self.text in self.haystack(h).casefold()


class HighlightDelegate(QStyledItemDelegate):
    """A colour bar, the quote (up to three lines), the note and the tags."""

    PAD = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, str, str, int], QSize] = {}  # measured once per edit

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        h: Highlight = index.data(HL_ROLE)
        opt = blank_cell(self, painter, option, index)
        painter.save()
        r = opt.rect.adjusted(self.PAD, self.PAD // 2, -self.PAD, -self.PAD // 2)
        bar = QColor(color_hex(h.color))
        painter.fillRect(QRectF(r.left(), r.top(), 4, r.height()), bar)
        x = r.left() + 12
        width = r.width() - 12  # (as sizeHint measures: the same wrap)
        fm = QFontMetrics(opt.font)
        text_color = opt.palette.text().color()
        painter.setPen(text_color)
        quote = fm.elidedText(
            h.exact.replace("\n", " "), Qt.TextElideMode.ElideRight, width * 3 - 20
        )
        qrect = QRectF(x, r.top(), width, fm.lineSpacing() * 3)
        painter.drawText(qrect, int(Qt.TextFlag.TextWordWrap), quote)
        used = painter.boundingRect(qrect, int(Qt.TextFlag.TextWordWrap), quote).height()
        y = r.top() + used + 2
        muted = QColor(text_color)
        muted.setAlpha(170)
        if h.note:
            painter.setPen(muted)
            note = fm.elidedText(markdown_plain(h.note), Qt.TextElideMode.ElideRight, width * 2)
            nrect = QRectF(x, y, width, fm.lineSpacing() * 2)
            painter.drawText(nrect, int(Qt.TextFlag.TextWordWrap), "✎ " + note)
            y += (
                painter.boundingRect(nrect, int(Qt.TextFlag.TextWordWrap), "✎ " + note).height() + 2
            )
        extra = []
        if h.tags:
            extra.append(" ".join("#" + t for t in h.tags))
        if h.status in ("fuzzy", "moved"):
            extra.append({"fuzzy": "≈", "moved": "↕"}[h.status])
        if extra:
            painter.setPen(muted)
            painter.drawText(QRectF(x, y, width, fm.lineSpacing()), 0, "  ".join(extra))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        h: Highlight = index.data(HL_ROLE)
        view = option.widget
        if isinstance(view, QListView):  # (as if the scroll bar showed: it may come later,
            # and sizes are not asked again when it does)
            bar = view.verticalScrollBar()
            full = view.width() - 2 * view.frameWidth() - bar.sizeHint().width()
        else:
            full = option.rect.width()
        width = max(120, (full or 280) - 2 * self.PAD - 12)
        key = (h.id, h.modified, h.status, width)
        cached = self._sizes.get(key)
        if cached is None:
            cached = self._sizes[key] = self._measure(h, option, width)
        return cached

    def _measure(self, h: Highlight, option: QStyleOptionViewItem, width: int) -> QSize:
        fm = QFontMetrics(option.font)
        flags = int(Qt.TextFlag.TextWordWrap)

        def lines_of(text: str, most: int) -> int:
            r = fm.boundingRect(0, 0, width, 10_000, flags, text)
            return min(most, max(1, round(r.height() / fm.lineSpacing())))

        lines = lines_of(h.exact.replace("\n", " "), 3)
        if h.note:
            lines += lines_of("✎ " + markdown_plain(h.note), 2)  # (as painted)
        if h.tags or h.status in ("fuzzy", "moved"):
            lines += 1
        return QSize(width, lines * fm.lineSpacing() + self.PAD + 6)


class AnnotationsPanel(QWidget):
    highlight_selected = Signal(str)
    operation_requested = Signal(object)  # an Operation: an edit, or one on many (bulk.py)
    export_requested = Signal(list)  # highlight ids
    reattach_requested = Signal(str)
    article_tags_edited = Signal(list)
    article_flag_changed = Signal(str, bool)  # "read" | "starred"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.article_id: str | None = None
        self.current: Highlight | None = None
        self._quiet = False  # while showing the store's state, edits are not written back
        self.setObjectName("annotationsPanel")
        self.setMinimumWidth(240)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)

        self._article_box(lay, store)
        self._filters(lay)
        self._list(lay)
        self._orphans(lay)
        self._editor(lay, store)
        self.editor_box.setEnabled(False)
        self.set_article(None)

    def _article_box(self, lay: QVBoxLayout, store: Store) -> None:
        """The article: its tags, read and starred."""
        title = QLabel(self.tr("<b>Article</b>"), self)
        lay.addWidget(title)
        self.article_tags = TagField(store, self)
        self.article_tags.setAccessibleName(self.tr("Article tags"))
        self.article_tags.tags_edited.connect(self.article_tags_edited)
        lay.addWidget(self.article_tags)
        flags = QHBoxLayout()
        self.read_box = QCheckBox(self.tr("&Read"), self)
        self.read_box.toggled.connect(lambda v: self.article_flag_changed.emit("read", v))
        self.star_box = QCheckBox(self.tr("&Starred"), self)
        self.star_box.toggled.connect(lambda v: self.article_flag_changed.emit("starred", v))
        flags.addWidget(self.read_box)
        flags.addWidget(self.star_box)
        flags.addStretch(1)
        lay.addLayout(flags)

    def _filters(self, lay: QVBoxLayout) -> None:
        """The highlight filters: text (beside the heading), colour and tag
        (a row of their own: a narrow panel keeps every field readable)."""
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Highlights</b>"), self))
        self.filter_text = QLineEdit(self)
        self.filter_text.setPlaceholderText(self.tr("Filter…"))
        self.filter_text.setAccessibleName(self.tr("Filter highlights"))
        self.filter_text.setClearButtonEnabled(True)
        head.addWidget(self.filter_text, 1)
        lay.addLayout(head)
        frow = QHBoxLayout()
        self.filter_color = QComboBox(self)
        self.filter_color.setAccessibleName(self.tr("Filter by colour"))
        self.filter_color.addItem(self.tr("All colours"), "")
        for name in PALETTE:
            self.filter_color.addItem(color_name(name), name)
        self.filter_tag = QComboBox(self)
        self.filter_tag.setAccessibleName(self.tr("Filter by tag"))
        for box in (self.filter_color, self.filter_tag):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(5)
            frow.addWidget(box, 1)
        lay.addLayout(frow)
        for w in (self.filter_color, self.filter_tag):
            w.currentIndexChanged.connect(self._refilter)
        self.filter_text.textChanged.connect(self._refilter)

    def _list(self, lay: QVBoxLayout) -> None:
        """This article's highlights in reading order."""
        self.model = HighlightListModel(self)
        self.proxy = HighlightFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(HighlightDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setAccessibleName(self.tr("Highlights in this article"))
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.clicked.connect(self._clicked)
        self.list.activated.connect(self._clicked)  # (Enter: go to it in the text)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        lay.addWidget(self.list, 3)
        self.more_label = QLabel(self)
        self.more_label.setTextFormat(Qt.TextFormat.PlainText)
        self.more_label.hide()
        lay.addWidget(self.more_label)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self._delete_current)

    def _orphans(self, lay: QVBoxLayout) -> None:
        """Highlights whose text is gone, and re-attaching one."""
        self.orphan_label = QLabel(self)
        lay.addWidget(self.orphan_label)
        self.orphans = HighlightListModel(self)
        self.orphan_list = QListView(self)
        self.orphan_list.setModel(self.orphans)
        self.orphan_list.setItemDelegate(HighlightDelegate(self.orphan_list))
        self.orphan_list.setAccessibleName(self.tr("Orphaned highlights"))
        self.orphan_list.setMaximumHeight(140)
        self.orphan_list.selectionModel().currentChanged.connect(self._orphan_current)
        lay.addWidget(self.orphan_list, 1)
        self.reattach = QPushButton(self.tr("Re-attach to &selection"), self)
        self.reattach.setToolTip(
            self.tr("Select the passage in the text where this highlight belongs, then click here")
        )
        self.reattach.clicked.connect(self._reattach)
        lay.addWidget(self.reattach)

    def _editor(self, lay: QVBoxLayout, store: Store) -> None:
        """The selected highlight: colour, delete, note, tags."""
        self.editor_box = QWidget(self)
        ed = QVBoxLayout(self.editor_box)
        ed.setContentsMargins(0, 4, 0, 0)
        crow = QHBoxLayout()
        self._color_buttons: list[QToolButton] = []
        crow.setSpacing(3)
        for name in PALETTE:
            b = QToolButton(self.editor_box)
            b.setFixedSize(18, 18)
            b.setStyleSheet(
                f"QToolButton {{ background: {PALETTE[name]}; border-radius: 9px;"
                " border: 1px solid rgba(0,0,0,60); }"
                "QToolButton:focus { border: 2px solid palette(highlight); }"
            )
            b.setToolTip(color_name(name))
            b.setProperty("color", name)
            self._color_buttons.append(b)
            b.setAccessibleName(self.tr("Colour {name}").format(name=color_name(name)))
            b.clicked.connect(lambda _=False, c=name: self._recolor(c))
            crow.addWidget(b)
        crow.addStretch(1)
        self.delete_button = QToolButton(self.editor_box)
        # an icon: the row of colours leaves a narrow panel no room for a word
        self.delete_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete_button.setToolTip(self.tr("Delete highlight (Del)"))
        self.delete_button.setAccessibleName(self.tr("Delete highlight"))
        self.delete_button.clicked.connect(self._delete_current)
        crow.addWidget(self.delete_button)
        ed.addLayout(crow)
        self.note = QPlainTextEdit(self.editor_box)
        self.note.setPlaceholderText(self.tr("Note (Markdown)…"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(120)
        self.note.installEventFilter(self)
        ed.addWidget(self.note)
        self.hl_tags = TagField(store, self.editor_box)
        self.hl_tags.setAccessibleName(self.tr("Highlight tags"))
        self.hl_tags.tags_edited.connect(self._tags_edited)
        ed.addWidget(self.hl_tags)
        lay.addWidget(self.editor_box)

    # -- content
    def set_article(self, article_id: str | None) -> None:
        self.commit_note()
        self.article_id = article_id
        self.current = None
        self.reload()

    def reload(self) -> None:
        """Show the store's current state; never writes back (the store is the truth)."""
        self._quiet = True
        try:
            self._reload()
        finally:
            self._quiet = False

    def _reload(self) -> None:
        aid = self.article_id
        hs = self.store.doc.highlights_of(aid) if aid else []
        keep = self.current.id if self.current else None
        placed = [h for h in hs if h.status != "orphaned"]
        self.model.set_items(placed[:MAX_PAINTED])
        self.more_label.setVisible(len(placed) > MAX_PAINTED)
        self.more_label.setText(
            self.tr("Showing the first {shown:,} of {n:,} highlights.").format(
                shown=MAX_PAINTED, n=len(placed)
            )
        )
        orphans = [h for h in hs if h.status == "orphaned"]
        self.orphans.set_items(orphans[:MAX_PAINTED])
        self.orphan_label.setText(
            self.tr("<b>Orphaned</b> (text no longer found): {n}").format(n=len(orphans))
        )
        for w in (self.orphan_label, self.orphan_list, self.reattach):
            w.setVisible(bool(orphans))
        st = self.store.doc.articles.get(aid) if aid else None
        for box, value in (
            (self.read_box, bool(st and st.read)),
            (self.star_box, bool(st and st.starred)),
        ):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        self.article_tags.set_tags(list(st.tags) if st else [])
        self.article_tags.refresh_completions()
        self.hl_tags.refresh_completions()
        self.article_tags.setEnabled(aid is not None)
        meanings = self.store.doc.meanings()
        label_colours(self.filter_color, meanings)
        for b in self._color_buttons:
            b.setToolTip(color_tooltip(b.property("color"), meanings))
        tags = sorted({t for h in hs for t in h.tags})
        cur_tag = self.filter_tag.currentData()
        self.filter_tag.blockSignals(True)
        self.filter_tag.clear()
        self.filter_tag.addItem(self.tr("All tags"), "")
        for t in tags:
            self.filter_tag.addItem(t, t)
        i = self.filter_tag.findData(cur_tag)
        self.filter_tag.setCurrentIndex(max(0, i))
        self.filter_tag.blockSignals(False)
        self._refilter()
        if keep and keep in self.store.doc.highlights:
            self.select(keep, emit=False)
        else:
            self._show_editor(None)

    def select(self, hid: str, emit: bool = True) -> None:
        row = self.model.row_of(hid)
        if row is None:  # not shown (gone, or orphaned): the note box holds nothing
            self._show_editor(None)
            return
        idx = self.proxy.mapFromSource(self.model.index(row))
        if idx.isValid():
            quiet, self._quiet = self._quiet, self._quiet or not emit
            try:
                self.list.setCurrentIndex(idx)
                self.list.scrollTo(idx)
            finally:
                self._quiet = quiet
            self._show_editor(self.model.items[row])

    def _refilter(self) -> None:
        self.proxy.set(
            self.filter_text.text(),
            self.filter_color.currentData() or "",
            self.filter_tag.currentData() or "",
        )

    # -- editor
    def _show_editor(self, h: Highlight | None) -> None:
        self.current = h
        self.editor_box.setEnabled(h is not None)
        self.note.blockSignals(True)
        self.note.setPlainText(h.note if h else "")
        self.note.blockSignals(False)
        self.hl_tags.set_tags(list(h.tags) if h else [])

    def commit_note(self) -> None:
        h = self.current
        if self._quiet:
            return
        if h is not None and h.id in self.store.doc.highlights:
            text = self.note.toPlainText()
            if text != self.store.doc.highlights[h.id].note:
                self.operation_requested.emit(EditHighlight(h.id, note=text))

    def eventFilter(self, obj: QObject, e: Any) -> bool:
        from PySide6.QtCore import QEvent

        if obj is self.note and e.type() == QEvent.Type.FocusOut:
            self.commit_note()
        if (
            obj is self.note
            and e.type() == QEvent.Type.KeyPress
            and (
                e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and e.modifiers() & Qt.KeyboardModifier.ControlModifier
            )
        ):
            self.commit_note()
            return True
        return super().eventFilter(obj, e)

    def focus_note(self) -> None:
        self.note.setFocus()

    def _current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if self._quiet:
            return
        self.commit_note()
        h = current.data(HL_ROLE) if current.isValid() else None
        self._show_editor(h)

    def _clicked(self, index: QModelIndex) -> None:
        h = index.data(HL_ROLE)
        if h is not None:
            self.highlight_selected.emit(h.id)

    def _orphan_current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if self._quiet:
            return
        self.commit_note()
        self._show_editor(current.data(HL_ROLE) if current.isValid() else None)

    def _reattach(self) -> None:
        idx = self.orphan_list.currentIndex()
        h = idx.data(HL_ROLE) if idx.isValid() else None
        if h is not None:
            self.reattach_requested.emit(h.id)

    def _recolor(self, color: str) -> None:
        if self.current is not None:
            self.operation_requested.emit(EditHighlight(self.current.id, color=color))

    def _tags_edited(self, tags: list[str]) -> None:
        if self.current is not None:
            self.operation_requested.emit(EditHighlight(self.current.id, tags=tags))

    def selected_ids(self) -> list[str]:
        """The highlights selected in the list, in reading order."""
        rows = sorted(i.row() for i in self.list.selectionModel().selectedIndexes())
        return [h.id for r in rows if (h := self.proxy.index(r, 0).data(HL_ROLE)) is not None]

    def _delete_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) > 1:
            self._bulk_menu(ids).actions()[-1].trigger()  # asks first, one undo step
        elif self.current is not None:
            self.operation_requested.emit(DeleteHighlight(self.current.id))

    def _bulk_menu(self, ids: list[str]) -> QMenu:
        menu = QMenu(self)
        bulk.fill_menu(
            menu,
            self,
            self.store,
            ids,
            self.operation_requested.emit,
            self.export_requested.emit,
        )
        return menu

    def _menu(self, pos: Any) -> None:
        idx = self.list.indexAt(pos)
        if not idx.isValid():  # the Menu key: the current highlight
            idx = self.list.currentIndex()
            pos = self.list.visualRect(idx).center()
        h = idx.data(HL_ROLE) if idx.isValid() else None
        if h is None:
            return
        ids = self.selected_ids()
        if h.id not in ids:
            self.list.setCurrentIndex(idx)
            ids = [h.id]
        self._bulk_menu(ids).exec(self.list.viewport().mapToGlobal(pos))
