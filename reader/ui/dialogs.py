"""Find bar, all-highlights view, keyboard shortcuts and preferences."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeyEvent
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
    QMessageBox,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import DismissConflict, RestoreConflict
from ..core.store import Store

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


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: every action with a key, read from the actions themselves."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        extra = [  # keys that are not menu actions
            (self.tr("Highlight selection in a colour"), "1 … 6"),
            (self.tr("Highlight in the default colour"), "H"),
            (self.tr("Highlight and write a note"), "N"),
            (self.tr("Highlight and tag"), "T"),
            (self.tr("Next / previous match (find bar)"), "Enter / Shift+Enter"),
            (self.tr("Move through articles"), "Up / Down"),
            (self.tr("Open the article (move to the text)"), "Enter"),
            (self.tr("Save the note"), "Ctrl+Enter"),
        ]
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(520, 560)
        lay = QVBoxLayout(self)
        from PySide6.QtGui import QStandardItem, QStandardItemModel

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
        self.font_box = QFontComboBox(self)
        self.font_box.setWritingSystem(QFontDatabase.WritingSystem.SimplifiedChinese)
        # no font chosen yet: the theme's stays until the user picks one (the
        # box shows its first font, which is not a choice)
        self._family = str(values.get("font_family") or "")
        if self._family:
            self.font_box.setCurrentText(self._family)
        self.font_box.currentFontChanged.connect(self._font_picked)
        form.addRow(self.tr("Reading &font:"), self.font_box)
        self.size_box = QSpinBox(self)
        self.size_box.setRange(10, 40)
        self.size_box.setValue(int(values.get("font_size", 17)))
        self.size_box.setSuffix(" px")
        form.addRow(self.tr("Font &size:"), self.size_box)
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

    def _font_picked(self, font: QFont) -> None:
        self._family = font.family()

    def values(self) -> dict[str, Any]:
        return {
            "theme": self.theme.currentData(),
            "font_family": self._family,
            "font_size": self.size_box.value(),
            "language": self.language.currentData(),
        }


def _short(value: Any, most: int = 120) -> str:
    """A stored value as one line of plain text."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        sel = value.get("selector")
        if isinstance(sel, dict):
            value = sel.get("exact", "")
        elif "exact" in value:
            value = value["exact"]
        else:
            value = ", ".join(f"{k}: {v}" for k, v in value.items() if k != "id")
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    text = " ".join(str(value).split())
    return text if len(text) <= most else text[: most - 1] + "…"


class ConflictsDialog(QDialog):
    """View ▸ Conflicts: values two programs changed at once, the other version kept.

    Each row can be restored (the other version replaces the one kept) or
    dismissed; both are undoable.
    """

    def __init__(self, store: Store, edits: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.edits = edits
        self.setWindowTitle(self.tr("Conflicts"))
        self.resize(860, 420)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.intro)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("On"),
                self.tr("What"),
                self.tr("Kept"),
                self.tr("Other version"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Conflicts"))
        hh = self.table.horizontalHeader()
        for col in (0, 2):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 3, 4):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        box = QDialogButtonBox(self)
        self.restore = box.addButton(
            self.tr("&Restore other version"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.dismiss = box.addButton(self.tr("&Dismiss"), QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        self.restore.clicked.connect(lambda: self._act(restore=True))
        self.dismiss.clicked.connect(lambda: self._act(restore=False))
        lay.addWidget(box)
        self.reload()

    def _names(self) -> dict[str, str]:
        return {
            "note": self.tr("note"),
            "color": self.tr("colour"),
            "article": self.tr("place in the text"),
            "read": self.tr("read"),
            "starred": self.tr("starred"),
            "deleted": self.tr("deleted or kept"),
        }

    def reload(self) -> None:
        rows = sorted(self.store.doc.conflicts.values(), key=lambda c: c.at, reverse=True)
        self._ids = [c.id for c in rows]
        names = self._names()
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            kept = self.tr("deleted") if c.field == "deleted" and c.kept is None else _short(c.kept)
            lost = self.tr("deleted") if c.field == "deleted" and c.lost is None else _short(c.lost)
            cells = [
                c.at[:16].replace("T", " "),
                _short(c.title, 60),
                names.get(c.field, c.field),
                kept,
                lost,
            ]
            for col, text in enumerate(cells):
                self.table.setItem(r, col, QTableWidgetItem(text))
        self.intro.setText(
            self.tr("No conflicts: nothing was changed by two programs at once.")
            if not rows
            else self.tr(
                "These values were changed by two programs at once (for example the app and "
                "the command line). The newer change was kept; the other version is listed here."
            )
        )
        self.restore.setEnabled(bool(rows))
        self.dismiss.setEnabled(bool(rows))

    def _act(self, *, restore: bool) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._ids):
            return
        cid = self._ids[row]
        self.edits.apply(RestoreConflict(cid) if restore else DismissConflict(cid))
        self.reload()


class _About(QObject):
    """Help ▸ About (a class for its translation context)."""

    def show(self, parent: QWidget, store: Path) -> None:
        from .. import __version__

        QMessageBox.about(
            parent,
            self.tr("About Reader"),
            self.tr(
                "<b>Reader</b> {v}<p>Read and annotate saved web articles.</p>"
                "<p>Annotations: {store}</p>"
            ).format(v=__version__, store=html.escape(str(store))),
        )


def show_about(parent: QWidget, store: Path) -> None:
    _About(parent).show(parent, store)
