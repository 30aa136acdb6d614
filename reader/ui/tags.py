"""Tag editing: a tag field with completion, and the tag manager dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import (
    PALETTE,
    AnnotationError,
    DeleteTag,
    MergeTag,
    Operation,
    RenameTag,
    SetTagColor,
    color_hex,
    normalize_tag,
)
from ..core.store import Store
from .safe_text import plain


def split_tags(text: str) -> list[str]:
    out = []
    for part in text.replace("，", ",").replace("、", ",").split(","):
        part = part.strip().lstrip("#")
        if part:
            out.append(normalize_tag(part))
    return list(dict.fromkeys(out))


class _TokenCompleter(QCompleter):
    """Completes the last comma-separated token of a line edit."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        done = ""
        if isinstance(widget, QLineEdit):
            text = widget.text()
            cut = max(text.rfind(","), text.rfind("，"))
            done = text[: cut + 1] + " " if cut >= 0 else ""
        return done + str(index.data())

    def splitPath(self, path: str) -> list[str]:
        cut = max(path.rfind(","), path.rfind("，"))
        return [path[cut + 1 :].strip()]


class TagField(QLineEdit):
    """A line of comma-separated tags, completing from the tags that exist."""

    tags_edited = Signal(list)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.setAccessibleName(self.tr("Tags"))
        self._model = QStringListModel(self)
        comp = _TokenCompleter(self._model, self)
        comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        comp.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(comp)
        self.refresh_completions()
        self.editingFinished.connect(self._finished)
        self._last: list[str] = []

    def refresh_completions(self) -> None:
        self._model.setStringList(sorted(self.store.doc.tags))

    def set_tags(self, tags: list[str]) -> None:
        self._last = list(tags)
        self.setText(", ".join(tags))

    def _finished(self) -> None:
        try:
            tags = split_tags(self.text())
        except AnnotationError:
            return
        if tags != self._last:
            self._last = tags
            self.tags_edited.emit(tags)


def ask_tags(
    parent: QWidget, store: Store, title: str, current: list[str] | None = None
) -> list[str] | None:
    """A small dialog asking for tags, with completion; None if cancelled."""
    dlg = QDialog(parent)
    dlg.setWindowTitle(title)
    lay = QVBoxLayout(dlg)
    field = TagField(store, dlg)
    field.set_tags(current or [])
    lay.addWidget(field)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dlg.accept)
    box.rejected.connect(dlg.reject)
    lay.addWidget(box)
    dlg.resize(380, dlg.sizeHint().height())
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        return split_tags(field.text())
    except AnnotationError as exc:
        QMessageBox.warning(parent, title, plain(str(exc)))
        return None


class TagManager(QDialog):
    """Rename, merge, delete (with counts) and colour tags."""

    def __init__(
        self, store: Store, apply: Callable[[Operation], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.apply = apply
        self.setWindowTitle(self.tr("Tags"))
        self.resize(520, 420)
        lay = QVBoxLayout(self)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Tag"), self.tr("Articles"), self.tr("Highlights")]
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setSortingEnabled(True)
        self.view.setAccessibleName(self.tr("Tag list"))
        lay.addWidget(self.view)
        row = QHBoxLayout()
        for text, fn in (
            (self.tr("&Rename…"), self.rename),
            (self.tr("&Merge into…"), self.merge),
            (self.tr("&Colour…"), self.colour),
            (self.tr("&Delete…"), self.delete),
        ):
            b = QPushButton(text, self)
            b.clicked.connect(fn)
            row.addWidget(b)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for name, (n_art, n_hl) in sorted(self.store.doc.tag_counts().items()):
            tag = self.store.doc.tags.get(name)
            item = QStandardItem(name)
            item.setData(
                QColor(color_hex(tag.color if tag else "gray")), Qt.ItemDataRole.DecorationRole
            )
            a = QStandardItem()
            a.setData(n_art, Qt.ItemDataRole.DisplayRole)
            h = QStandardItem()
            h.setData(n_hl, Qt.ItemDataRole.DisplayRole)
            self.model.appendRow([item, a, h])

    def current(self) -> str | None:
        idx = self.view.currentIndex()
        if not idx.isValid():
            QMessageBox.information(self, self.windowTitle(), self.tr("Select a tag first."))
            return None
        return str(self.model.item(idx.row(), 0).text())

    def _do(self, op: Operation) -> None:
        try:
            self.apply(op)
        except AnnotationError as exc:
            QMessageBox.warning(self, self.windowTitle(), plain(str(exc)))
        self.reload()

    def rename(self) -> None:
        name = self.current()
        if name is None:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename tag"), self.tr("New name:"), text=name)
        if ok and new.strip() and new.strip() != name:
            self._do(RenameTag(name, new))

    def merge(self) -> None:
        name = self.current()
        if name is None:
            return
        others = sorted(t for t in self.store.doc.tags if t != name)
        if not others:
            return
        target, ok = QInputDialog.getItem(
            self,
            self.tr("Merge tag"),
            self.tr("Merge “{tag}” into:").format(tag=name),
            others,
            0,
            False,
        )
        if ok and target:
            self._do(MergeTag(name, target))

    def colour(self) -> None:
        name = self.current()
        if name is None:
            return
        tag = self.store.doc.tags.get(name)
        start = QColor(color_hex(tag.color if tag else "gray"))
        c = QColorDialog.getColor(start, self, self.tr("Tag colour"))
        if c.isValid():
            hexname = c.name()
            named = next((k for k, v in PALETTE.items() if v == hexname), hexname)
            self._do(SetTagColor(name, named))

    def delete(self) -> None:
        name = self.current()
        if name is None:
            return
        n_art, n_hl = self.store.doc.tag_counts().get(name, (0, 0))
        answer = QMessageBox.question(
            self,
            self.tr("Delete tag"),
            self.tr("Delete the tag “{tag}”? It is on {a} article(s) and {h} highlight(s).").format(
                tag=name, a=n_art, h=n_hl
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._do(DeleteTag(name))
