"""Library ▸ Corrections of the Cleaner…: the user's rules, to review and manage.

Each rule is shown in plain words with what it applies to (a site, or one
article by its title) and whether it is on. A rule can be turned off (kept,
doing nothing), deleted, or, when it was made for one article, made a rule
for the article's whole site (with the preview). Every change re-cleans the
articles concerned and moves their highlights, as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import rules
from ..core.records import Rule
from .core_text import tr_core
from .corrections import Corrections
from .edit_service import ChangeSet
from .safe_text import plain


class RulesDialog(QDialog):
    def __init__(self, corrections: Corrections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corrections = corrections
        self.setWindowTitle(self.tr("Corrections of the Cleaner"))
        self.resize(720, 380)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your corrections of the cleaner, made in Show Original. A rule for a site "
                "applies to every page of it, including pages you save later."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("For"), self.tr("Correction"), self.tr("On")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Corrections of the cleaner"))
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(0, 200)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        lay.addWidget(self.tree, 1)
        self.empty = QLabel(
            self.tr(
                "No corrections yet. In Show Original, right-click a line to remove it, "
                "restore it, or make it a heading."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        row = QHBoxLayout()
        self.toggle = QPushButton(self.tr("Turn &off"), self)
        self.toggle.clicked.connect(self._toggle)
        self.widen = QPushButton(self.tr("For the whole &site…"), self)
        self.widen.setToolTip(self.tr("Make this article's correction a rule for its site"))
        self.widen.clicked.connect(lambda: self._with(self.corrections.widen))
        self.remove = QPushButton(self.tr("&Delete"), self)
        self.remove.clicked.connect(self._delete)
        for b in (self.toggle, self.widen, self.remove):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        corrections.edits.changed.connect(self._changed)
        self.fill()

    def _changed(self, _change: ChangeSet) -> None:
        self.fill()

    def done(self, r: int) -> None:
        self.corrections.edits.changed.disconnect(self._changed)
        super().done(r)

    def fill(self) -> None:
        current = self.selected()
        self.tree.clear()
        doc = self.corrections.edits.store.doc
        for r in sorted(doc.rules.values(), key=lambda r: (r.created, r.id)):
            if r.site:
                scope = self.tr("every page of {site}").format(site=r.site)
            else:
                art = self.corrections.library.model.all.get(r.article)
                st = doc.articles.get(r.article)
                title = art.title if art else (st.title if st and st.title else r.article[:12])
                scope = self.tr("“{title}”").format(title=title)
            item = QTreeWidgetItem(
                [scope, tr_core(rules.describe(r)), self.tr("on") if r.enabled else self.tr("off")]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(1, plain(r.text))
            self.tree.addTopLevelItem(item)
            if current is not None and r.id == current.id:
                self.tree.setCurrentItem(item)
        self.empty.setVisible(not doc.rules)
        self.tree.setVisible(bool(doc.rules))
        self._enable()

    def selected(self) -> Rule | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self.corrections.edits.store.doc.rules.get(item.data(0, Qt.ItemDataRole.UserRole))

    def _enable(self) -> None:
        r = self.selected()
        for b in (self.toggle, self.remove):
            b.setEnabled(r is not None)
        self.widen.setEnabled(r is not None and bool(r.article))
        self.toggle.setText(self.tr("Turn &on") if r and not r.enabled else self.tr("Turn &off"))

    def _with(self, act: object) -> None:
        r = self.selected()
        if r is not None:
            act(r, self)  # type: ignore[operator]

    def _toggle(self) -> None:
        r = self.selected()
        if r is not None:
            self.corrections.set_enabled(r, not r.enabled, self)

    def _delete(self) -> None:
        r = self.selected()
        if r is None:
            return
        ok = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("Delete the correction “{what}”? The text it changed reads as the cleaner "
                    "made it again (Undo brings it back).").format(what=tr_core(rules.describe(r))),
        )  # fmt: skip
        if ok == QMessageBox.StandardButton.Yes:
            self.corrections.delete(r, self)
