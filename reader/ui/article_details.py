"""Article ▸ Edit Details…: correct the title, date, source… the cleaner got wrong.

Each field shows the article's value; the cleaner's own value is its
placeholder and its tooltip, and ↺ goes back to it. What the user sets is kept
in the store (``core/overrides.py``), never in the saved file, and one OK is
one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import overrides
from ..core.annotations import AnnotationError, Operation, SetArticleMeta
from ..core.article import Article
from .core_text import tr_core
from .safe_text import plain


class ArticleDetailsDialog(QDialog):
    def __init__(
        self,
        raw: Article,
        meta: Mapping[str, str],
        apply: Callable[[Operation], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.raw, self.meta, self.apply = raw, dict(meta), apply
        self.setWindowTitle(self.tr("Article Details"))
        self.resize(560, self.sizeHint().height())
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Correct what the cleaner got wrong. Your values are kept with your "
                "annotations (the saved file is not changed); ↺ brings back the cleaner's."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        labels = {
            "title": self.tr("&Title:"),
            "date": self.tr("&Date:"),
            "time": self.tr("T&ime:"),
            "source": self.tr("&Source:"),
            "author": self.tr("&Author:"),
            "url": self.tr("&URL:"),
        }
        hints = {
            "date": self.tr("YYYY-MM-DD"),
            "time": self.tr("HH:MM"),
            "url": "https://…",
        }
        self.fields: dict[str, QLineEdit] = {}
        for f in overrides.FIELDS:
            cleaner = getattr(raw, f) or ""
            edit = QLineEdit(self.meta.get(f, cleaner), self)
            edit.setPlaceholderText(cleaner or hints.get(f, ""))
            edit.setToolTip(
                plain(self.tr("The cleaner found: {value}").format(value=cleaner or "—"))
            )
            reset = QToolButton(self)
            reset.setText("↺")
            reset.setToolTip(self.tr("Back to the cleaner's value"))
            reset.setAccessibleName(self.tr("Reset {field}").format(field=labels[f].strip("&:")))
            reset.clicked.connect(lambda _=False, e=edit, v=cleaner: e.setText(v))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(reset)
            form.addRow(labels[f], row)
            edit.setAccessibleName(labels[f].replace("&", "").rstrip(":："))
            self.fields[f] = edit
        lay.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c92a2a")
        self.error.hide()
        lay.addWidget(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)

    def values(self) -> dict[str, str | None]:
        """What changes: a field to the user's value, or None (back to the cleaner's)."""
        out: dict[str, str | None] = {}
        for f, edit in self.fields.items():
            text = " ".join(edit.text().split())
            cleaner = getattr(self.raw, f) or ""
            if text == cleaner:
                if f in self.meta:
                    out[f] = None  # the same as the cleaner's: no correction needed
            elif text != self.meta.get(f):
                out[f] = text
        return out

    def changes(self) -> Operation | None:
        """One operation for all the fields changed; ``AnnotationError`` if one is invalid."""
        values = self.values()
        return SetArticleMeta(self.raw.id, values, title=self.raw.title) if values else None

    def accept(self) -> None:
        try:
            op = self.changes()
        except AnnotationError as exc:
            self.error.setText(plain(tr_core(exc.args[0] if exc.args else str(exc))))
            self.error.show()
            return
        if op is not None:
            self.apply(op)
        super().accept()
