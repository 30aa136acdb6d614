"""Correcting the cleaner from Show Original, for an article or a whole site (issue 19).

The reader pane asks (``correct``); this works out what the correction
changes, on a worker with progress for a site's articles, shows a site rule's
effect before it is saved (how many articles, and one of them before and
after), then applies it as one undo step that also moves the highlights of
every changed article (``CorrectText``), and says how they fared. The library
controller shows the corrected articles when the store's rules change, from
here, from an undo, or from another program.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import msgspec
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from ..core import rules
from ..core.annotations import AnnotationError
from ..core.article import Article
from ..core.records import Rule, RuleAction, RuleMatch
from ..core.sync import CorrectText
from .core_text import tr_core
from .edit_service import EditService
from .library_controller import LibraryController
from .safe_text import plain
from .workers import Job, show_progress

Pair = tuple[Article | None, Article]  # (as shown now, as it will read)


class Corrections(QObject):
    status = Signal(str)  # a line for the status bar
    done = Signal()  # a correction was applied (Show Original shows it)

    def __init__(
        self, library: Callable[[], LibraryController], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library  # (the window may open another library)

    @property
    def library(self) -> LibraryController:
        return self._library()

    @property
    def edits(self) -> EditService:
        return self.library.edits

    # -- what the reader pane needs
    def marks(self) -> Sequence[str]:
        return self.library.loader.marks()

    def raw(self, article_id: str) -> Article | None:
        """The article as the cleaner made it (before the user's corrections)."""
        return self.library.index.articles.get(article_id)

    def present(self, raw: Article) -> Article:
        """``raw`` with the user's rules and metadata (what the library shows)."""
        return self.library.present(raw)

    def site(self, article: Article) -> str:
        return rules.site_of(self.raw(article.id) or article)

    # -- making a correction
    def correct(
        self,
        article: Article,
        action: RuleAction,
        match: RuleMatch,
        text: str,
        *,
        whole_site: bool,
        parent: QWidget,
    ) -> None:
        raw = self.raw(article.id) or article
        try:
            if whole_site:
                rule = rules.new_rule(action, match, text, site=rules.site_of(raw))
            else:
                rule = rules.new_rule(action, match, text, article=raw.id)
        except AnnotationError as exc:
            QMessageBox.warning(parent, self.tr("Correct the cleaner"), plain(tr_core(exc)))
            return
        self.change(rule, parent=parent, preview=whole_site)

    def change(
        self,
        rule: Rule,
        *,
        parent: QWidget,
        delete: bool = False,
        preview: bool = False,
        label: str = "",
    ) -> None:
        """Save ``rule`` (new, changed, or ``delete``d): what it changes is worked
        out on a worker, shown first if ``preview``, then applied as one step."""
        doc = self.edits.store.doc
        after = [r for r in doc.rules.values() if r.id != rule.id]
        if not delete:
            after.append(rule)
        metas = {aid: dict(st.meta) for aid, st in doc.articles.items() if st.meta}
        raws = list(self.library.index.articles.values())
        shown = dict(self.library.model.all)
        lines = rules.page_lines(self.marks())

        def work(job: Job) -> list[Pair] | None:
            mine = [a for a in raws if rules.in_scope(rule, a)]
            out: list[Pair] = []
            for n, raw in enumerate(mine):
                if job.cancelled:
                    return None
                if n % 16 == 0:
                    job.progress(n, len(mine))
                new = rules.present(raw, after, metas.get(raw.id), lines)
                old = shown.get(raw.id)
                if old is None or rules.differs(old, new):
                    out.append((old, new))
            return out

        progress = QProgressDialog(
            self.tr("Checking the articles…"), self.tr("Cancel"), 0, 0, parent
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def finished(pairs: list[Pair] | None) -> None:
            progress.close()
            if pairs is None:
                return
            if preview and not RulePreview(rule, pairs, parent).exec():
                return
            self._apply(rule, pairs, delete=delete, label=label)

        def failed(message: Any, _tb: str) -> None:
            progress.close()
            QMessageBox.warning(parent, self.tr("Correct the cleaner"), plain(tr_core(message)))

        handle = self.library.tasks.run(
            "correction",
            work,
            on_result=finished,
            on_error=failed,
            on_progress=lambda d, t, _p: show_progress(progress, d, t),
        )
        progress.canceled.connect(handle.cancel)

    def _apply(self, rule: Rule, pairs: list[Pair], *, delete: bool, label: str) -> None:
        op = CorrectText(
            [new for _old, new in pairs],
            put=None if delete else rule,
            delete=rule.id if delete else None,
            label=label or self.tr("correction"),
        )
        if not self.edits.apply(op):
            return
        self.done.emit()
        st = op.report.statuses
        self.status.emit(
            self.tr(
                "{what}: {n} article(s) changed; highlights moved {moved}, "
                "approximate {fuzzy}, orphaned {orphaned}"
            ).format(
                what=tr_core(rules.describe(rule)),
                n=len(pairs),
                moved=st.get("moved", 0),
                fuzzy=st.get("fuzzy", 0),
                orphaned=st.get("orphaned", 0),
            )
        )

    # -- the rules dialog's actions
    def set_enabled(self, rule: Rule, on: bool, parent: QWidget) -> None:
        self.change(msgspec.structs.replace(rule, enabled=on), parent=parent)

    def delete(self, rule: Rule, parent: QWidget) -> None:
        self.change(rule, parent=parent, delete=True, label=self.tr("delete correction"))

    def widen(self, rule: Rule, parent: QWidget) -> None:
        """An article's correction made a rule for its whole site (previewed)."""
        art = self.raw(rule.article)
        if art is None or not rules.site_of(art):
            QMessageBox.information(
                parent,
                self.tr("Correct the cleaner"),
                self.tr("This article is not in the library, or its site is not known."),
            )
            return
        try:
            wide = rules.new_rule(rule.action, rule.match, rule.text, site=rules.site_of(art))
        except AnnotationError as exc:
            QMessageBox.warning(parent, self.tr("Correct the cleaner"), plain(tr_core(exc)))
            return
        self.change(wide, parent=parent, preview=True)


def change_lines(old: Article | None, new: Article) -> list[str]:
    """What a correction does to one article, as lines: "− removed", "+ added",
    "¶ now a heading"… (shown in the preview)."""
    out: list[str] = []
    if old is not None and old.title != new.title:
        out += [f"− {old.title}", f"+ {new.title}"]
    before = {b.text: b.type for b in old.blocks} if old is not None else {}
    after = {b.text: b.type for b in new.blocks}
    out += [f"− {t}" for t in before if t not in after]
    out += [f"+ {t}" for t in after if t not in before]
    out += [
        f"{'#' if k == 'heading' else '¶'} {t}" for t, k in after.items() if before.get(t, k) != k
    ]
    return out


class RulePreview(QDialog):
    """Before a rule for a site is saved: what it does, and to how many articles."""

    def __init__(self, rule: Rule, pairs: list[Pair], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make it a rule for the site"))
        self.resize(640, 420)
        lay = QVBoxLayout(self)
        head = QLabel(
            self.tr("For every article of {site}: {what}.").format(
                site=rule.site, what=tr_core(rules.describe(rule))
            ),
            self,
        )
        head.setTextFormat(Qt.TextFormat.PlainText)
        head.setWordWrap(True)
        lay.addWidget(head)
        self.count = count = QLabel(self)
        count.setTextFormat(Qt.TextFormat.PlainText)
        count.setWordWrap(True)
        lay.addWidget(count)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("What the rule changes in one article"))
        lay.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if not pairs:
            count.setText(self.tr("It changes no article now; it will apply to pages saved later."))
            return
        count.setText(
            self.tr("It changes {n} article(s). For example, “{title}”:").format(
                n=len(pairs), title=pairs[0][1].title
            )
        )
        self.preview.setPlainText("\n".join(change_lines(*pairs[0])))
