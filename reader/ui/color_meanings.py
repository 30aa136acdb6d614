"""Library ▸ Colour Meanings…: say what each highlight colour stands for.

Readers code with colours ("yellow = argument, red = problem"), as in Zotero,
Hypothesis and KOReader; the meaning then shows wherever the colour does (the
highlight bar's tooltips, menus, filters, All Highlights) and travels in every
export. The meanings live in the annotation store, so the command line
(``reader colors``) and another machine sharing the store see the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import PALETTE, Batch, Operation, SetColorMeaning
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.records import MAX_MEANING
from ..core.store import Store
from .colors import color_name
from .reader_view import KEY_COLORS


class ColorMeaningsDialog(QDialog):
    def __init__(
        self,
        store: Store,
        apply: Callable[[Operation], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.apply = store, apply
        self.setWindowTitle(self.tr("Colour Meanings"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Say what each colour stands for. The meaning shows wherever the colour "
                "does, and travels with your exports."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        grid = QGridLayout()
        meanings = store.doc.meanings()
        self.fields: dict[str, QLineEdit] = {}
        for row, color in enumerate(PALETTE):
            swatch = QPixmap(16, 16)
            swatch.fill(QColor(PALETTE[color]))
            icon = QLabel(self)
            icon.setPixmap(QIcon(swatch).pixmap(16, 16))
            name = QLabel(color_name(color), self)
            field = QLineEdit(meanings.get(color, ""), self)
            field.setMaxLength(MAX_MEANING)
            field.setPlaceholderText(self.tr("e.g. argument, evidence, question…"))
            field.setAccessibleName(self.tr("Meaning of {color}").format(color=color_name(color)))
            name.setBuddy(field)
            key = QLabel(str(KEY_COLORS.index(color) + 1) if color in KEY_COLORS else "", self)
            key.setToolTip(self.tr("Key that highlights in this colour"))
            grid.addWidget(icon, row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(field, row, 2)
            grid.addWidget(key, row, 3)
            self.fields[color] = field
        grid.setColumnStretch(2, 1)
        lay.addLayout(grid)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.resize(460, self.sizeHint().height())

    def changes(self) -> Operation | None:
        """One operation (one undo step) for every meaning changed."""
        had = self.store.doc.meanings()
        ops: list[Operation] = []
        for color, field in self.fields.items():
            text = " ".join(field.text().split())
            if text != had.get(color, ""):
                ops.append(SetColorMeaning(color, text))
        return Batch(ops, QT_TRANSLATE_NOOP("Core", "colour meanings")) if ops else None

    def accept(self) -> None:
        op = self.changes()
        if op is not None:
            self.apply(op)
        super().accept()
