"""Find bar, all-highlights view, keyboard shortcuts and preferences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import PALETTE, Highlight, color_hex
from ..core.store import Store
from .annotations_panel import HighlightFilter
from .library_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex


class FindBar(QWidget):
    """Ctrl+F: find in the article, with a match count; Enter / Shift+Enter step."""

    search = Signal(str)
    step = Signal(bool)  # forward?
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(QLabel(self.tr("Find:"), self))
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(self.tr("Find in article"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.search)
        self.edit.installEventFilter(self)
        lay.addWidget(self.edit, 1)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        lay.addWidget(self.count)
        for text, fwd, tip in (
            ("↑", False, self.tr("Previous (Shift+Enter)")),
            ("↓", True, self.tr("Next (Enter)")),
        ):
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(lambda _=False, f=fwd: self.step.emit(f))
            lay.addWidget(b)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAccessibleName(self.tr("Close find bar"))
        close.clicked.connect(self.close_bar)
        lay.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():
            self.search.emit(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_count(self, current: int, total: int) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("no matches"))
        else:
            self.count.setText(
                self.tr("{i} of {n}").format(i=current, n=total)
                if current
                else self.tr("{n} matches").format(n=total)
            )

    def eventFilter(self, obj: QObject, e: Any) -> bool:
        if obj is self.edit and isinstance(e, QKeyEvent) and e.type() == QKeyEvent.Type.KeyPress:
            if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step.emit(not (e.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return True
            if e.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, e)


class AllHighlightsModel(ListTableModel):
    COLOR, QUOTE, NOTE, TAGS, ARTICLE, STATUS = range(6)

    def __init__(
        self, store: Store, titles: Callable[[str], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.titles = titles
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
                self.COLOR: h.color,
                self.QUOTE: h.exact.replace("\n", " "),
                self.NOTE: h.note.replace("\n", " "),
                self.TAGS: ", ".join(h.tags),
                self.ARTICLE: self.titles(h.article),
                self.STATUS: h.status,
            }[c]
        if role == Qt.ItemDataRole.DecorationRole and c == self.COLOR:
            return QColor(color_hex(h.color))
        if role == Qt.ItemDataRole.ToolTipRole and c in (self.QUOTE, self.NOTE):
            return h.exact if c == self.QUOTE else h.note
        return None


class AllHighlightsDialog(QDialog):
    """Every highlight in the library; double-click opens the article at it."""

    open_highlight = Signal(str)

    def __init__(
        self, store: Store, titles: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("All Highlights"))
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Filter by text, note or article…"))
        self.text.setAccessibleName(self.tr("Filter highlights"))
        self.text.setClearButtonEnabled(True)
        self.color = QComboBox(self)
        self.color.setAccessibleName(self.tr("Filter by colour"))
        self.color.addItem(self.tr("All colours"), "")
        for name in PALETTE:
            self.color.addItem(name.title(), name)
        self.tag = QComboBox(self)
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.count = QLabel(self)
        row.addWidget(self.text, 3)
        row.addWidget(self.color, 1)
        row.addWidget(self.tag, 1)
        row.addWidget(self.count)
        lay.addLayout(row)
        self.model = AllHighlightsModel(store, titles, self)
        self.proxy = HighlightFilter(
            self, haystack=lambda h: h.exact + "\n" + h.note + "\n" + titles(h.article)
        )
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(AllHighlightsModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(AllHighlightsModel.NOTE, QHeaderView.ResizeMode.Stretch)
        self.view.setAccessibleName(self.tr("All highlights"))
        self.view.doubleClicked.connect(self._open)
        lay.addWidget(self.view)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.text.textChanged.connect(self._refilter)
        self.color.currentIndexChanged.connect(self._refilter)
        self.tag.currentIndexChanged.connect(self._refilter)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
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
        self.proxy.set(
            self.text.text(), self.color.currentData() or "", self.tag.currentData() or ""
        )
        self.count.setText(self.tr("{n} highlights").format(n=self.proxy.rowCount()))

    def _open(self, index: QModelIndex) -> None:
        h = self.proxy.mapToSource(index).data(Qt.ItemDataRole.UserRole)
        if h is not None:
            self.open_highlight.emit(h.id)


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: every action with a key, read from the actions themselves."""

    def __init__(
        self, actions: list[QAction], extra: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(520, 560)
        lay = QVBoxLayout(self)
        from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: PLC0415

        model = QStandardItemModel(0, 2, self)
        model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        rows = [
            (
                a.text().replace("&", "").replace("…", ""),
                ", ".join(s.toString(s.SequenceFormat.NativeText) for s in a.shortcuts()),
            )
            for a in actions
            if a.shortcuts()
        ] + extra
        for name, keys in rows:
            model.appendRow([QStandardItem(name), QStandardItem(keys)])
        view = QTableView(self)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.setAccessibleName(self.tr("Keyboard shortcuts"))
        lay.addWidget(view)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.model = model


class PreferencesDialog(QDialog):
    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.theme = QComboBox(self)
        for key, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
            ("sepia", self.tr("Sepia")),
        ):
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(values.get("theme", "system"))))
        form.addRow(self.tr("&Theme:"), self.theme)
        self.font = QFontComboBox(self)
        self.font.setWritingSystem(self.font.writingSystem().SimplifiedChinese)
        if values.get("font_family"):
            self.font.setCurrentText(values["font_family"])
        form.addRow(self.tr("Reading &font:"), self.font)
        self.size = QSpinBox(self)
        self.size.setRange(10, 40)
        self.size.setValue(int(values.get("font_size", 17)))
        self.size.setSuffix(" px")
        form.addRow(self.tr("Font &size:"), self.size)
        self.language = QComboBox(self)
        for key, label in (
            ("system", self.tr("Follow the system")),
            ("en", "English"),
            ("zh_CN", "简体中文"),
        ):
            self.language.addItem(label, key)
        self.language.setCurrentIndex(
            max(0, self.language.findData(values.get("language", "system")))
        )
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(self.tr("A language change applies at the next start."), self)
        note.setWordWrap(True)
        form.addRow("", note)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)

    def values(self) -> dict[str, Any]:
        return {
            "theme": self.theme.currentData(),
            "font_family": self.font.currentFont().family(),
            "font_size": self.size.value(),
            "language": self.language.currentData(),
        }
