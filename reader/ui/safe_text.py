"""Text from files, notes and stores, made safe for Qt's rich-text widgets.

Labels, tooltips and message boxes guess whether a string is rich text
(``Qt::mightBeRichText``: something like a tag before the first line break)
and then render it as HTML, loading any ``<img src=…>`` it names: a page
title or an imported note holding ``<img src="/dev/zero">`` blocked or killed
the app on hover. Everything shown there that the user did not type in the
app goes through ``plain`` (shown as the text it is, never as HTML) and is cut
to a length a widget can lay out; notes rendered from Markdown go through
``markdown_html`` (no raw HTML, no images).
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QTextDocument

#: The most characters of one value a label, tooltip or message shows.
MAX_SHOWN = 4000


def clip(text: str, limit: int = MAX_SHOWN) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` for any widget that might read it as rich text: unchanged if it
    has nothing that looks like a tag, else escaped (shown exactly as written)."""
    text = clip(text, limit)
    if "<" not in text:
        return text
    return '<p style="white-space:pre-wrap">' + html.escape(text) + "</p>"


_IMG = re.compile(r"<img\b[^>]*>", re.I)
_URL_STYLE = re.compile(r"url\([^)]*\)", re.I)


def markdown_html(markdown: str, limit: int = MAX_SHOWN) -> str:
    """A Markdown note as HTML for a tooltip: formatting kept, raw HTML and
    images dropped (nothing in it can load a file)."""
    doc = QTextDocument()
    doc.setMarkdown(
        clip(markdown, limit),
        QTextDocument.MarkdownFeature.MarkdownNoHTML
        | QTextDocument.MarkdownFeature.MarkdownDialectGitHub,
    )
    return _URL_STYLE.sub("none", _IMG.sub("", doc.toHtml()))


_PREVIEWS: dict[str, str] = {}


def markdown_plain(markdown: str, limit: int = 600) -> str:
    """A Markdown note as one line of plain text for a list: the words the
    reader sees (``**why**`` shows as ``why``), paragraphs joined by spaces."""
    key = markdown[:limit]
    hit = _PREVIEWS.get(key)
    if hit is None:
        doc = QTextDocument()
        doc.setMarkdown(key, QTextDocument.MarkdownFeature.MarkdownNoHTML)
        hit = " ".join(doc.toPlainText().split())
        if len(_PREVIEWS) > 4096:
            _PREVIEWS.clear()
        _PREVIEWS[key] = hit
    return hit
