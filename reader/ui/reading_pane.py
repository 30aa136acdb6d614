"""The reading pane: one article's clean text, its contents menu, Show Original
and the find bar; highlighting what the reader selects.

It gets the edit service to apply what the user does in the text (a new
highlight, a colour, a delete, a re-attach) and listens to its changes to
repaint the open article's highlights. The reading position is kept per
article (a quiet, non-undoable change).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.anchoring import describe
from ..core.annotations import AddHighlight, DeleteHighlight, EditHighlight, Highlight, SetArticle
from ..core.article import Article
from ..core.formats import NotAnArticle, read_document
from ..core.records import RuleAction, RuleMatch
from .dialogs import FindBar
from .edit_service import ChangeSet, EditService
from .reader_view import ReaderView
from .safe_text import plain

if TYPE_CHECKING:
    from .corrections import Corrections


def web_address(url: str | None) -> str | None:
    """``url`` if it is a web page's address (http or https), else None: an
    address read from a saved file is never a program or a local file."""
    if not url:
        return None
    q = QUrl(url.strip(), QUrl.ParsingMode.StrictMode)
    return q.toString() if q.isValid() and q.scheme() in ("http", "https") and q.host() else None


class ReadingPane(QWidget):
    highlight_added = Signal(str, str)  # highlight id, mode ("plain" | "note" | "tag")
    status = Signal(str)  # a line for the status bar

    def __init__(
        self,
        edits: EditService,
        default_color: Callable[[], str],
        parent: QWidget | None = None,
        corrections: Corrections | None = None,
    ) -> None:
        super().__init__(parent)
        self.edits = edits
        self.corrections = corrections  # the cleaner's articles, the user's rules
        #: the words of the library's search in force (opening a result marks them)
        self.search_words: Callable[[], list[str]] = list
        self.default_color = default_color
        self.current: Article | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.bar = QWidget(self)  # (hidden in reading mode)
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.toc = QToolButton(self)
        self.toc.setText(self.tr("Contents ▾"))
        self.toc.setAccessibleName(self.tr("Table of contents"))
        self.toc.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toc_menu = QMenu(self.toc)
        self.toc.setMenu(self.toc_menu)
        self.toc.hide()
        bar.addWidget(self.toc)
        bar.addStretch(1)
        self.page_button = QPushButton(self.tr("Open page ↗"), self)
        self.page_button.setAccessibleName(self.tr("Open the original page in your web browser"))
        self.page_button.clicked.connect(self.open_page)
        self.page_button.hide()
        bar.addWidget(self.page_button)
        self.details_button = QPushButton(self.tr("Details…"), self)
        self.details_button.setToolTip(self.tr("Correct the title, date, source… (Alt+Enter)"))
        self.details_button.setAccessibleName(self.tr("Edit the article's details"))
        self.details_button.clicked.connect(self.edit_details)
        self.details_button.hide()
        bar.addWidget(self.details_button)
        self.original_button = QPushButton(self.tr("Show original"), self)
        self.original_button.setCheckable(True)
        self.original_button.setAccessibleName(
            self.tr("Show the original page with removed parts marked")
        )
        self.original_button.toggled.connect(self.toggle_original)
        bar.addWidget(self.original_button)
        layout.addWidget(self.bar)
        self.find_bar = FindBar(self)
        layout.addWidget(self.find_bar)
        self.view = ReaderView(self)
        self.view.meanings = lambda: edits.store.doc.meanings()  # (the doc may be replaced)
        self.view.site = lambda: (
            corrections.site(self.current) if corrections and self.current else ""
        )
        self.view.correction_requested.connect(self._correct)
        self.view.forget_requested.connect(self._forget)
        if corrections is not None:
            corrections.done.connect(self._corrected)
        layout.addWidget(self.view, 1)
        self.find_bar.search.connect(self.find_text)
        self.find_bar.step.connect(self.find_step)
        self.find_bar.closed.connect(self.view.clear_find)
        self.view.highlight_requested.connect(self._highlight_requested)
        self.view.delete_requested.connect(lambda hid: edits.apply(DeleteHighlight(hid)))
        self.view.recolor_requested.connect(lambda hid, c: edits.apply(EditHighlight(hid, color=c)))

    # -- the article
    def open(self, art: Article, *, keep_position: bool = False) -> None:
        same = self.current is not None and self.current.id == art.id
        original = keep_position and same and self.view.showing_original
        pos = self.view.reading_position() if keep_position else None
        self.save_position()
        self.current = art
        self.original_button.blockSignals(True)
        self.original_button.setChecked(False)
        self.original_button.blockSignals(False)
        doc = self.edits.store.doc
        self.view.show_article(art, doc.highlights_of(art.id))
        st = doc.articles.get(art.id)
        self.view.set_reading_position(pos if pos is not None else (st.position if st else 0.0))
        self._fill_toc(art)
        self._show_page_button(art)
        self.details_button.show()
        words = self.search_words()
        if words and not keep_position:
            self.show_hits(words)  # opened from a search: its hits marked, the first in view
        elif self.find_bar.isVisible():
            self.find_text(self.find_bar.edit.text())
        if original:  # (corrected from Show Original: show it corrected, still there)
            self.original_button.setChecked(True)

    def clear(self) -> None:
        self.save_position()
        self.current = None
        self.view.clear_article()
        self.toc.hide()
        self.page_button.hide()
        self.details_button.hide()

    def edit_details(self) -> None:
        """Correct the open article's title, date, source… (Article Details)."""
        from .article_details import ArticleDetailsDialog

        if self.current is None:
            return
        raw = (self.corrections and self.corrections.raw(self.current.id)) or self.current
        st = self.edits.store.doc.articles.get(raw.id)
        ArticleDetailsDialog(raw, st.meta if st else {}, self.edits.apply, self).exec()

    def _show_page_button(self, art: Article) -> None:
        url = web_address(art.url)
        self.page_button.setVisible(url is not None)
        self.page_button.setToolTip(plain(url or ""))

    def open_page(self) -> None:
        """The article's own page, in the system browser (only on this click:
        the reader itself fetches nothing)."""
        url = web_address(self.current.url if self.current else None)
        if url is not None:
            QDesktopServices.openUrl(QUrl(url))

    def save_position(self) -> None:
        """Remember how far the open article was read (not undoable, saved soon)."""
        art = self.current
        if art is None or self.view.showing_original:
            return
        pos = round(self.view.reading_position(), 4)
        st = self.edits.store.doc.articles.get(art.id)
        if st is None and pos < 0.01:
            return
        if st is None or abs(st.position - pos) > 0.005:
            self.edits.apply_quietly(SetArticle(art.id, position=pos))

    def on_change(self, change: ChangeSet) -> None:
        art = self.current
        if art is not None and not self.view.showing_original and change.touches(art.id):
            self.view.set_highlights(self.edits.store.doc.highlights_of(art.id))

    def _fill_toc(self, art: Article) -> None:
        self.toc_menu.clear()
        heads = [(i, b.text) for i, b in enumerate(art.blocks) if b.type == "heading"]
        self.toc.setVisible(len(heads) >= 2)
        offsets = art.block_offsets()
        for i, text in heads:
            label = text if len(text) <= 40 else text[:39] + "…"
            start = offsets[i][0]
            self.toc_menu.addAction(label, partial(self.goto_offset, start))

    def goto_offset(self, clean: int) -> None:
        cur = QTextCursor(self.view.document())
        cur.setPosition(self.view.to_doc(clean))
        rect = self.view.cursorRect(cur)
        sb = self.view.verticalScrollBar()
        sb.setValue(sb.value() + rect.top() - 20)

    def toggle_original(self, on: bool) -> None:
        art = self.current
        if art is None:
            return
        if not on:
            self.open(art)
            return
        from ..core.report import original_lines, original_view  # the cleaner: not at start

        try:
            doc = read_document(art.path)
        except NotAnArticle as exc:
            QMessageBox.warning(self, self.tr("Show original"), plain(str(exc)))
            return
        # cleaned again: the library's cache keeps the text, not the report
        fix = self.corrections
        fresh, lines = original_view(doc, fix.marks() if fix else ())
        if fix is not None and fresh.id == art.id:
            shown = fix.present(fresh)  # what the user's corrections removed, and which
            if shown is not fresh:
                lines = original_lines(doc, shown)
        self.view.show_original(art, lines)
        if self.find_bar.isVisible():  # (found again in what the page shows)
            self.find_text(self.find_bar.edit.text())
        removed = sum(1 for ln in lines if not ln.kept) + sum(len(ln.cuts) for ln in lines)
        self.status.emit(
            self.tr(
                "Original page: {n} pieces removed by the cleaner, struck through with the reason"
            ).format(n=removed)
        )

    # -- correcting the cleaner (Show Original)
    def _correct(self, action: str, match: str, text: str, whole_site: bool) -> None:
        if self.corrections is not None and self.current is not None:
            a, m = cast(RuleAction, action), cast(RuleMatch, match)  # (from the menu's own list)
            self.corrections.correct(self.current, a, m, text, whole_site=whole_site, parent=self)

    def _forget(self, rule_id: str) -> None:
        rule = self.edits.store.doc.rules.get(rule_id)
        if self.corrections is not None and rule is not None:
            self.corrections.delete(rule, self)

    def _corrected(self) -> None:
        if self.view.showing_original:
            self.toggle_original(True)  # (the article itself follows through the library)

    def show_rules(self) -> None:
        """Library ▸ Corrections…: the user's rules, to review, turn off or delete."""
        from .rules_dialog import RulesDialog

        if self.corrections is not None:
            RulesDialog(self.corrections, self).exec()

    # -- finding
    def show_hits(self, words: list[str]) -> None:
        """Mark a search's words in the article and go to the first; the find
        bar steps through them (Enter, Shift+Enter)."""
        self._hit_words = (" ".join(f'"{w}"' if " " in w else w for w in words), list(words))
        self.find_bar.edit.blockSignals(True)
        self.find_bar.edit.setText(self._hit_words[0])
        self.find_bar.edit.blockSignals(False)
        self.find_bar.show()
        n = self.view.find_words(words)
        self.find_bar.set_count(self.view.find_step(True) if n else 0, n)

    #: what show_hits wrote in the find bar, and the search's words it stands for
    _hit_words: tuple[str, list[str]] = ("", [])

    def find_text(self, text: str) -> None:
        """Find ``text`` (one phrase, as typed); while the bar still shows a
        search's words, those words (found again in Show Original, in the
        next article)."""
        shown, words = self._hit_words
        n = self.view.find_words(words) if text == shown and words else self.view.find_all(text)
        self.find_bar.set_count(0, n)
        if n:
            self.find_bar.set_count(self.view.find_step(True), n)

    def find_step(self, forward: bool) -> None:
        self.find_bar.set_count(self.view.find_step(forward), self.view.find_count())

    # -- annotating
    def _highlight_requested(self, start: int, end: int, color: str, mode: str) -> None:
        art = self.current
        if art is None:
            return
        h = Highlight.new(
            art.id, describe(art.text, start, end), color=color or self.default_color()
        )
        if self.edits.apply(AddHighlight(h, article_title=art.title)):
            self.highlight_added.emit(h.id, mode)

    def reattach(self, hid: str) -> None:
        art = self.current
        rng = self.view.selected_range()
        if art is None or rng is None:
            QMessageBox.information(
                self,
                self.tr("Re-attach highlight"),
                self.tr("First select, in the text, the passage this highlight belongs to."),
            )
            return
        self.edits.apply(
            EditHighlight(hid, selector=describe(art.text, *rng), status="anchored", article=art.id)
        )

    def scroll_to(self, h: Highlight) -> None:
        if h.status != "orphaned":
            self.view.scroll_to_highlight(h)
