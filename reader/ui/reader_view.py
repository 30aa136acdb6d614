"""The reader pane: a clean article, its highlights painted, selections turned into highlights.

The document is built block by block with ``QTextCursor`` (not from HTML), so
every article block's position in the ``QTextDocument`` is known exactly. Qt
counts positions in UTF-16 units and highlights are stored in code points of
the article's clean text; ``to_doc``/``to_clean`` convert at this edge, so
characters outside the BMP (extension-B Han) never shift a highlight.

Nothing is ever fetched: ``loadResource`` returns nothing for every URL, and a
link opens in the system browser only when clicked, and only for http(s).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QFont,
    QFontInfo,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMenu,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QWidget,
)

from ..core.annotations import PALETTE, Highlight, color_hex
from ..core.article import BLOCK_SEPARATOR, Article
from ..core.report import OriginalLine
from .colors import color_label, color_tooltip
from .reasons import reason_label
from .safe_text import markdown_html
from .text_map import TextMap
from .theme import Theme

#: Keys 1-6 pick these palette colours.
KEY_COLORS = ["yellow", "green", "blue", "pink", "purple", "orange"]
MAX_MEASURE = 760  # px: a comfortable line length for Chinese at the default size
_URL_RE = re.compile(r"https?://[^\s<>\"'，。！？、；：（）【】《》“”]+")


#: The most highlights painted in one article (each is a Qt extra selection).
MAX_PAINTED = 5000


class SelectionToolbar(QFrame):
    """The small floating bar shown over a selection: colours, note, tag."""

    picked = Signal(str, str)  # colour, mode ("plain" | "note" | "tag")

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("selectionToolbar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 3, 4, 3)
        lay.setSpacing(3)
        self.colour_buttons: list[QToolButton] = []
        for i, name in enumerate(KEY_COLORS):
            b = QToolButton(self)
            self.colour_buttons.append(b)
            b.setFixedSize(22, 22)
            b.setStyleSheet(
                f"QToolButton {{ background: {PALETTE[name]}; border-radius: 11px;"
                " border: 1px solid rgba(0,0,0,60); }"
                "QToolButton:hover { border: 2px solid rgba(0,0,0,140); }"
                "QToolButton:focus { border: 2px solid palette(highlight); }"
            )
            b.setToolTip(self.tr("Highlight ({key})").format(key=i + 1))
            b.clicked.connect(lambda _=False, c=name: self.picked.emit(c, "plain"))
            lay.addWidget(b)
        for text, mode, tip in (
            (self.tr("Note"), "note", self.tr("Highlight and write a note (N)")),
            (self.tr("Tag"), "tag", self.tr("Highlight and tag (T)")),
        ):
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(lambda _=False, m=mode: self.picked.emit("", m))
            lay.addWidget(b)
        self.show_meanings({})
        self.hide()

    def show_meanings(self, meanings: Mapping[str, str]) -> None:
        """Tooltips and names say each colour's meaning: "Yellow — argument (1)"."""
        for i, (b, name) in enumerate(zip(self.colour_buttons, KEY_COLORS, strict=True)):
            b.setToolTip(color_tooltip(name, meanings, i + 1))
            b.setAccessibleName(
                self.tr("Highlight in {color}").format(color=color_label(name, meanings))
            )


class ReaderView(QTextBrowser):
    highlight_requested = Signal(
        int, int, str, str
    )  # clean start, end, colour ("" = default), mode
    highlight_activated = Signal(str)  # highlight id (clicked)
    delete_requested = Signal(str)
    recolor_requested = Signal(str, str)
    note_requested = Signal(str)  # edit an existing highlight's note (N on it, or its menu)
    tags_requested = Signal(str)  # edit its tags (T)
    correction_requested = Signal(str, str, str, bool)  # action, match, text, for the site
    forget_requested = Signal(str)  # take back the correction (rule id) that struck a line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setAccessibleName(self.tr("Article text"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._link_clicked)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # a caret the keyboard moves: Shift+arrows select, then 1-6/H/N/T highlight
        self.setTextInteractionFlags(
            self.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.article: Article | None = None
        self.highlights: list[Highlight] = []
        self.active: str | None = None  # the highlight last clicked or chosen (N and T edit it)
        #: what the user made each colour mean (the reading pane hands in the store's)
        self.meanings: Callable[[], Mapping[str, str]] = dict
        self.site: Callable[[], str] = str  # the open article's site (for corrections)
        self.theme: Theme | None = None
        self.family = ""
        self.px = 17
        self.showing_original = False
        self.map = TextMap()
        self._painted: dict[tuple[str, int, int, str, bool, int], QTextEdit.ExtraSelection] = {}
        self._flash: tuple[int, int] | None = None
        self._find: list[tuple[int, int]] = []
        self._find_current = -1
        self.toolbar = SelectionToolbar(self.viewport())
        self.toolbar.picked.connect(self._toolbar_picked)
        self.selectionChanged.connect(self._selection_changed)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._placeholder()

    # -- safety ----------------------------------------------------------------------
    def loadResource(self, _type: int, _name: QUrl | str) -> Any:
        """Never load anything: no images, styles or frames, local or remote."""
        return None

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

    # -- layout ------------------------------------------------------------------------
    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._apply_measure()
        self.toolbar.hide()  # (the text moved under it; the next selection shows it again)

    def _apply_measure(self) -> None:
        w = self.width()
        measure = max(MAX_MEASURE, int(self.px * 42))
        narrow = w < 520  # (a narrow pane gives the text what it has)
        side = max(4 if narrow else 24, (w - measure) // 2)
        self.document().setDocumentMargin(12 if narrow else 24)
        self.setViewportMargins(side, 0, side, 0)

    # -- rendering -----------------------------------------------------------------------
    def set_style(self, theme: Theme, family: str, size: int) -> None:
        self.theme, self.family, self.px = theme, family, size
        self.setStyleSheet(
            f"QTextBrowser#readerView {{ background: {theme.base}; color: {theme.text};"
            " border: none; }"
        )
        if self.showing_original and self._original is not None:
            self.show_original(*self._original)
        elif self.article is not None:
            pos = self.reading_position()
            self.show_article(self.article, self.highlights)
            self.set_reading_position(pos)
        else:
            self._placeholder()
        self._apply_measure()

    _original: tuple[Article, Sequence[OriginalLine]] | None = None

    def _families(self, article: Article | None) -> list[str]:
        """The reading font for Chinese first for a Chinese article; for any
        other, the interface's font first and the Chinese one for what it
        lacks. (A CJK font's own apostrophe and quotes are full width:
        "president’ s" in an English headline.)"""
        cjk = self.family or self.font().family()
        latin = QFontInfo(QApplication.font()).family()  # (the real family, not "Sans Serif")
        if article is None or article.language.startswith(("zh", "ja")) or latin == cjk:
            return [cjk, latin] if latin != cjk else [cjk]
        return [latin, cjk]

    def _base_formats(
        self, article: Article | None = None
    ) -> tuple[QTextCharFormat, QTextBlockFormat]:
        cf = QTextCharFormat()
        f = QFont()
        f.setFamilies(self._families(article))
        f.setPixelSize(self.px)
        f.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        cf.setFont(f)
        if self.theme:
            cf.setForeground(QColor(self.theme.text))
        bf = QTextBlockFormat()
        bf.setLineHeight(175, 1)  # ProportionalHeight
        bf.setBottomMargin(self.px * 0.9)
        return cf, bf

    def clear_article(self) -> None:
        self.showing_original = False
        self._original = None
        self._placeholder()

    def _placeholder(self) -> None:
        self.article = None
        self.highlights = []
        self.map = TextMap()
        doc = QTextDocument(self)
        cur = QTextCursor(doc)
        cf, bf = self._base_formats()
        if self.theme:
            cf.setForeground(QColor(self.theme.muted))
        bf.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bf.setTopMargin(120)
        cur.setBlockFormat(bf)
        cur.insertText(self.tr("Select an article to read it."), cf)
        self._set_document(doc)

    def show_article(self, article: Article, highlights: Sequence[Highlight] = ()) -> None:
        self.showing_original = False
        self._original = None
        self.article = article
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        cur = QTextCursor(doc)
        cf, bf = self._base_formats(article)
        self._head(cur, article, cf, bf)
        self._body(cur, article, cf, bf)
        self._set_document(doc)
        self._painted = {}
        self._apply_measure()
        self.set_highlights(highlights)

    def _head(
        self, cur: QTextCursor, article: Article, cf: QTextCharFormat, bf: QTextBlockFormat
    ) -> None:
        """The title, then one muted line of date, source and author."""
        tf = QTextCharFormat(cf)
        tfont = QFont(cf.font())
        tfont.setPixelSize(round(self.px * 1.45))
        tfont.setWeight(QFont.Weight.DemiBold)
        tf.setFont(tfont)
        tbf = QTextBlockFormat(bf)
        tbf.setLineHeight(125, 1)
        tbf.setBottomMargin(self.px * 0.5)
        cur.setBlockFormat(tbf)
        cur.insertText(article.title, tf)
        when = (
            (article.date + (" " + article.time if article.time else "")) if article.date else None
        )
        meta = " · ".join(x for x in (when, article.source, article.author) if x)
        mf = QTextCharFormat(cf)
        mfont = QFont(cf.font())
        mfont.setPixelSize(round(self.px * 0.8))
        mf.setFont(mfont)
        if self.theme:
            mf.setForeground(QColor(self.theme.muted))
        mbf = QTextBlockFormat(bf)
        mbf.setBottomMargin(self.px * 1.4)
        cur.insertBlock(mbf)
        cur.insertText(meta or self.tr("No date, source or author on the page"), mf)

    def _body(
        self, cur: QTextCursor, article: Article, cf: QTextCharFormat, bf: QTextBlockFormat
    ) -> None:
        """The paragraphs and headings, remembering where each starts in both
        the document and the clean text (positions are converted through these)."""
        hf = QTextCharFormat(cf)
        hfont = QFont(cf.font())
        hfont.setPixelSize(round(self.px * 1.15))
        hfont.setWeight(QFont.Weight.Bold)  # (a font without a bold face gets a synthetic one)
        hf.setFont(hfont)
        hbf = QTextBlockFormat(bf)
        hbf.setTopMargin(self.px * 0.8)
        hbf.setBottomMargin(self.px * 0.5)
        hbf.setLineHeight(150, 1)
        self.map = TextMap()
        clean_pos = 0
        for block in article.blocks:
            heading = block.type == "heading"
            cur.insertBlock(hbf if heading else bf)
            self.map.add(cur.position(), clean_pos, block.text)
            self._insert_linkified(cur, block.text, hf if heading else cf)
            clean_pos += len(block.text) + len(BLOCK_SEPARATOR)

    def _insert_linkified(self, cur: QTextCursor, text: str, fmt: QTextCharFormat) -> None:
        pos = 0
        for m in _URL_RE.finditer(text):
            if m.start() > pos:
                cur.insertText(text[pos : m.start()], fmt)
            lf = QTextCharFormat(fmt)
            lf.setAnchor(True)
            lf.setAnchorHref(m.group(0))
            lf.setFontUnderline(True)
            if self.theme:
                lf.setForeground(QColor(self.theme.accent))
            cur.insertText(m.group(0), lf)
            pos = m.end()
        if pos < len(text):
            cur.insertText(text[pos:], fmt)

    def show_original(self, article: Article, lines: Sequence[OriginalLine]) -> None:
        """The page's own text, removed parts struck through with their reason."""
        self.showing_original = True
        self._original = (article, lines)
        self.article = article
        self.map = TextMap()
        cf, bf = self._base_formats(article)
        reason = self.tr("removed: {reason}")
        muted = QColor(self.theme.muted) if self.theme else None
        # the reasons in red that reads on the theme's page (3:1 was too faint on dark)
        red = QColor("#ff8787" if self.theme and self.theme.name == "dark" else "#c92a2a")
        self._set_document(original_document(self, lines, cf, bf, self.px, muted, reason, red))
        self._apply_measure()

    def _set_document(self, doc: QTextDocument) -> None:
        """Show ``doc``; what was marked in the one before (found words, a
        flash) meant places in that one, and goes with it."""
        self._find = []
        self._find_current = -1
        self._flash = None
        self.setDocument(doc)
        self.setExtraSelections([])

    # -- positions -------------------------------------------------------------------
    def to_doc(self, clean: int) -> int:
        return self.map.to_doc(clean)

    def to_clean(self, docpos: int) -> int | None:
        return self.map.to_clean(docpos)

    def selected_range(self) -> tuple[int, int] | None:
        """The selection in clean-text code points, trimmed of whitespace; None if empty."""
        if self.showing_original or self.article is None:
            return None
        c = self.textCursor()
        if not c.hasSelection():
            return None
        a = self.to_clean(c.selectionStart())
        b = self.to_clean(c.selectionEnd())
        if a is None:
            a = 0
        if b is None or b <= a:
            return None
        text = self.article.text
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return (a, b) if b > a else None

    # -- highlights ------------------------------------------------------------------
    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Paint ``highlights`` (at most ``MAX_PAINTED``: a store holding a million
        on one article once held the window for 79 s)."""
        placed = [h for h in highlights if h.status != "orphaned"]
        self.highlights = placed[:MAX_PAINTED]
        self._paint()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.document())
        cur.setPosition(start)
        cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        sel.format = fmt
        return sel

    def _highlight_selection(self, h: Highlight, alpha: int) -> QTextEdit.ExtraSelection:
        """The painted form of a highlight, made once per look (an article may hold hundreds)."""
        key = (h.id, h.start, h.end, h.color, bool(h.note), alpha)
        sel = self._painted.get(key)
        if sel is None:
            fmt = QTextCharFormat()
            c = QColor(color_hex(h.color))
            c.setAlpha(alpha)
            fmt.setBackground(c)
            if h.note:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(color_hex(h.color)).darker(160))
            start, end = self.to_doc(h.start), self.to_doc(h.end)
            sel = self._painted[key] = self._selection(start, end, fmt)
        return sel

    def _paint(self) -> None:
        alpha = self.theme.highlight_alpha if self.theme else 120
        sels = [self._highlight_selection(h, alpha) for h in self.highlights]
        for i, (s, e) in enumerate(self._find):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ff922b" if i == self._find_current else "#ffe8cc"))
            fmt.setForeground(QColor("#000000"))
            sels.append(self._selection(s, e, fmt))
        if self._flash is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self.theme.accent if self.theme else "#1f6feb"))
            fmt.setForeground(QColor("#ffffff"))
            sels.append(self._selection(self._flash[0], self._flash[1], fmt))
        self.setExtraSelections(sels)

    def highlights_at(self, clean: int) -> list[Highlight]:
        return [h for h in self.highlights if h.start <= clean < h.end]

    def scroll_to_highlight(self, h: Highlight, flash: bool = True) -> None:
        start, end = self.to_doc(h.start), self.to_doc(h.end)
        cur = QTextCursor(self.document())
        cur.setPosition(start)
        rect = self.cursorRect(cur)
        sb = self.verticalScrollBar()
        sb.setValue(sb.value() + rect.top() - self.viewport().height() // 3)
        if flash:
            self._flash = (start, end)
            self._paint()
            QTimer.singleShot(600, self._end_flash)

    def _end_flash(self) -> None:
        self._flash = None
        self._paint()

    # -- find ----------------------------------------------------------------------------
    def find_all(self, query: str) -> int:
        """Mark every place of ``query`` (simplified/traditional, width and case
        do not count, as in the library's search); returns how many."""
        return self.find_words([query] if query.strip() else [])

    def find_words(self, words: Sequence[str]) -> int:
        """Mark every place of any of ``words``; the first is the next step's."""
        from ..core.search import find_spans
        from ..core.textfold import fold

        self._find = []
        self._find_current = -1
        words = [w for w in words if w.strip()]
        if words and self.article is not None and not self.showing_original:
            spans = find_spans(fold(self.article.text), [fold(w) for w in words])
            self._find = [(self.to_doc(s), self.to_doc(e)) for s, e in spans]
        elif words:  # the original page: what the document shows (folded the
            # same way: its plain text keeps the document's positions)
            self._find = find_spans(fold(self.document().toPlainText()), [fold(w) for w in words])
        self._paint()
        return len(self._find)

    def find_step(self, forward: bool = True) -> int:
        """Go to the next/previous match; returns its 1-based number (0: none)."""
        if not self._find:
            return 0
        n = len(self._find)
        self._find_current = (self._find_current + (1 if forward else -1)) % n
        s, _ = self._find[self._find_current]
        cur = QTextCursor(self.document())
        cur.setPosition(s)
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        self._paint()
        return self._find_current + 1

    def find_count(self) -> int:
        return len(self._find)

    def clear_find(self) -> None:
        self._find = []
        self._find_current = -1
        self._paint()

    # -- reading position ------------------------------------------------------------------
    def reading_position(self) -> float:
        sb = self.verticalScrollBar()
        return sb.value() / sb.maximum() if sb.maximum() > 0 else 0.0

    def set_reading_position(self, fraction: float) -> None:
        def apply() -> None:
            sb = self.verticalScrollBar()
            sb.setValue(round(fraction * sb.maximum()))

        apply()
        QTimer.singleShot(0, apply)  # after layout has settled

    def _scrolled(self, _value: int) -> None:
        self.toolbar.hide()

    # -- interaction ------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        if not self.textCursor().hasSelection():
            self.toolbar.hide()

    def _onto_text(self, e: QMouseEvent) -> QMouseEvent:
        """Move a press in the leading between lines onto the nearest line.

        With generous line height, a third of the page is inter-line space
        where Qt's hit test finds no text and a drag would select nothing.
        """
        pos = e.position()
        rect = self.cursorRect(self.cursorForPosition(pos.toPoint()))
        if rect.top() <= pos.y() <= rect.bottom():
            return e
        y = float(rect.center().y())
        return QMouseEvent(
            e.type(),
            QPointF(pos.x(), y),
            e.globalPosition(),
            e.button(),
            e.buttons(),
            e.modifiers(),
        )

    def mousePressEvent(self, e: QMouseEvent) -> None:
        super().mousePressEvent(self._onto_text(e))

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(self._onto_text(e))

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if e.buttons() & Qt.MouseButton.LeftButton:
            e = self._onto_text(e)
        super().mouseMoveEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        rng = self.selected_range()
        if rng is None:
            self.toolbar.hide()
            if e.button() == Qt.MouseButton.LeftButton:
                clean = self._clean_at(e.position().toPoint())
                hits = self.highlights_at(clean) if clean is not None else []
                if hits:
                    self.active = hits[-1].id
                    self.highlight_activated.emit(hits[-1].id)
            return
        self._show_toolbar()

    def _show_toolbar(self) -> None:
        c = self.textCursor()
        end = QTextCursor(self.document())
        end.setPosition(c.selectionEnd())
        r: QRect = self.cursorRect(end)
        tb = self.toolbar
        tb.show_meanings(self.meanings())
        tb.adjustSize()
        x = min(max(0, r.left() - tb.width() // 2), self.viewport().width() - tb.width())
        y = r.bottom() + 6
        if y + tb.height() > self.viewport().height():
            y = max(0, r.top() - tb.height() - 6)
        tb.move(QPoint(x, y))
        tb.show()
        tb.raise_()

    def _toolbar_picked(self, color: str, mode: str) -> None:
        self.request_highlight(color, mode)

    def request_highlight(self, color: str = "", mode: str = "plain") -> bool:
        rng = self.selected_range()
        if rng is None:
            return False
        self.toolbar.hide()
        self.highlight_requested.emit(rng[0], rng[1], color, mode)
        cur = self.textCursor()
        cur.clearSelection()
        self.setTextCursor(cur)
        return True

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape and self.toolbar.isVisible():
            self.toolbar.hide()  # (and the selection goes, as in any editor)
            cur = self.textCursor()
            cur.clearSelection()
            self.setTextCursor(cur)
            return
        if e.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            key = e.key()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_6 and self.request_highlight(
                KEY_COLORS[key - Qt.Key.Key_1]
            ):
                return
            if key == Qt.Key.Key_H and self.request_highlight():
                return
            if key == Qt.Key.Key_N and self.request_highlight(mode="note"):
                return
            if key == Qt.Key.Key_T and self.request_highlight(mode="tag"):
                return
            # no selection: N and T edit the highlight last clicked or chosen
            active = self.active if self.active and self.selected_range() is None else None
            if active and any(h.id == active for h in self.highlights):
                if key == Qt.Key.Key_N:
                    self.note_requested.emit(active)
                    return
                if key == Qt.Key.Key_T:
                    self.tags_requested.emit(active)
                    return
        super().keyPressEvent(e)

    def _clean_at(self, p: QPoint) -> int | None:
        return self.to_clean(self.cursorForPosition(p).position())

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and self.article is not None:
            pos = self.viewport().mapFromGlobal(e.globalPos())  # type: ignore[attr-defined]
            clean = self._clean_at(pos)
            notes = [h for h in self.highlights_at(clean) if h.note] if clean is not None else []
            if notes:
                tip = markdown_html("\n\n---\n\n".join(h.note for h in notes))
                QToolTip.showText(e.globalPos(), tip, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _copy_quote(self, h: Highlight, cite: bool) -> None:
        QApplication.clipboard().setText(citation(h, self.article) if cite else h.exact)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        if e.reason() == QContextMenuEvent.Reason.Keyboard:  # (the Menu key: at the caret)
            pos = self.cursorRect().center()
            self.context_menu(pos).exec(self.viewport().mapToGlobal(pos))
            return
        self.context_menu(e.pos()).exec(e.globalPos())

    def context_menu(self, pos: QPoint) -> QMenu:
        """The right-click menu at ``pos`` (viewport coordinates)."""
        menu = QMenu(self)
        meanings = self.meanings()
        rng = self.selected_range()
        if rng is not None:
            sub = menu.addMenu(self.tr("&Highlight"))
            for i, name in enumerate(KEY_COLORS):
                act = QAction(
                    self.tr("{color}\t{key}").format(color=color_label(name, meanings), key=i + 1),
                    sub,
                )
                act.triggered.connect(lambda _=False, c=name: self.request_highlight(c))
                sub.addAction(act)
            menu.addAction(
                self.tr("Highlight with &note…\tN"), lambda: self.request_highlight(mode="note")
            )
            menu.addAction(
                self.tr("Highlight with &tag…\tT"), lambda: self.request_highlight(mode="tag")
            )
            menu.addSeparator()
        clean = self._clean_at(pos)
        hits = self.highlights_at(clean) if clean is not None and rng is None else []
        if hits:
            h = hits[-1]
            self.active = h.id
            menu.addAction(self.tr("Edit &note…\tN"), partial(self.note_requested.emit, h.id))
            menu.addAction(self.tr("Edit &tags…\tT"), partial(self.tags_requested.emit, h.id))
            recolor = menu.addMenu(self.tr("Change &colour"))
            for name in PALETTE:
                recolor.addAction(
                    color_label(name, meanings), partial(self.recolor_requested.emit, h.id, name)
                )
            menu.addAction(self.tr("Copy highlight &text"), partial(self._copy_quote, h, False))
            menu.addAction(
                self.tr("Copy as &quotation with its source"), partial(self._copy_quote, h, True)
            )
            menu.addAction(self.tr("&Delete highlight"), partial(self.delete_requested.emit, h.id))
            menu.addSeparator()
        copy = menu.addAction(self.tr("&Copy"), self.copy)
        copy.setEnabled(self.textCursor().hasSelection())
        menu.addAction(self.tr("Select &all"), self.selectAll)
        if self.showing_original and self._original is not None:
            self._correction_menu(menu, pos)
        return menu

    def _correction_menu(self, menu: QMenu, pos: QPoint) -> None:
        """Show Original: the corrections that fit the line at ``pos``."""
        from .correction_menu import add_corrections

        article, lines = self._original  # type: ignore[misc]
        n = self.cursorForPosition(pos).blockNumber()
        if not 0 <= n < len(lines):
            return
        c = self.textCursor()
        one_line = (
            c.hasSelection() and self.document().findBlock(c.selectionStart()).blockNumber() == n
        )
        selected = c.selectedText() if one_line else ""
        add_corrections(
            menu, lines[n], article, selected, self.site(), self.correction_requested.emit,
            self.forget_requested.emit,
        )  # fmt: skip


def citation(h: Highlight, article: Article | None) -> str:
    """A highlight as a quotation with its source: "“quote” — title, source, date"."""
    parts = [x for x in ((article.title, article.source, article.date) if article else ()) if x]
    return f"“{h.exact}”" + (" — " + ", ".join(parts) if parts else "")


def original_document(
    parent: QObject,
    lines: Sequence[OriginalLine],
    cf: QTextCharFormat,
    bf: QTextBlockFormat,
    px: int,
    muted: QColor | None,
    reason: str,
    red: QColor | None = None,
) -> QTextDocument:
    """The saved page line by line: kept text plain, removed text struck
    through and followed by ``reason`` (a "{reason}" template) in small red."""
    doc = QTextDocument(parent)
    cur = QTextCursor(doc)
    rf = QTextCharFormat(cf)
    rf.setFontStrikeOut(True)
    if muted is not None:
        rf.setForeground(muted)
    why = QTextCharFormat(cf)
    f = QFont(cf.font())
    f.setPixelSize(round(px * 0.7))
    why.setFont(f)
    why.setForeground(red or QColor("#c92a2a"))
    for n, line in enumerate(lines):
        if n:
            cur.insertBlock(bf)
        else:
            cur.setBlockFormat(bf)
        if not line.kept:
            cur.insertText(line.text, rf)
            cur.insertText("  [" + reason.format(reason=reason_label(line.reason or "")) + "]", why)
            continue
        pos = 0
        for c in line.cuts:  # pieces cut from inside the line, struck in place
            cur.insertText(line.text[pos : c.start], cf)
            cur.insertText(line.text[c.start : c.end], rf)
            cur.insertText(" [" + reason.format(reason=reason_label(c.reason)) + "] ", why)
            pos = c.end
        cur.insertText(line.text[pos:], cf)
    return doc
