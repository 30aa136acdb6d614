"""Markdown clippings (Obsidian Web Clipper, MarkDownload, Joplin) as lines of
text, read by a CommonMark parser (markdown-it-py) rather than by patterns.

Headings stay headings; paragraphs, list items (with their bullet or number),
block quotes and table rows become lines; code blocks stay verbatim, one line
a line; links read as their text and images as their alt text; HTML inside
the Markdown reads as its text. The syntax itself (``**``, ``- ``, ``> ``,
``![](…)``) never reaches the reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .lines import Line

_CJK_EDGE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_TAG = re.compile(r"<[^>]*>")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)


def _parser() -> Any:
    from markdown_it import MarkdownIt  # (loaded with the first clipping read)

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _join(a: str, b: str) -> str:
    """A soft line break: a space, except between two CJK characters."""
    if not a or not b:
        return a + b
    if _CJK_EDGE.match(a[-1]) and _CJK_EDGE.match(b[0]):
        return a + b
    return a + " " + b


def _html_text(html: str) -> str:
    from html import unescape

    return unescape(_TAG.sub("", html))


def _inline(children: Sequence[Any]) -> list[tuple[str, int]]:
    """An inline run as lines (hard breaks split it), each with how many of its
    characters sit inside links."""
    lines: list[tuple[str, int]] = []
    text, linked, in_link, soft = "", 0, 0, False
    for tok in children:
        t = tok.type
        if t in ("text", "code_inline", "image"):
            piece = tok.content  # (an image's content is its alt text)
        elif t == "softbreak":
            soft = True
            continue
        elif t == "hardbreak" or (t == "html_inline" and _BREAK_TAG.fullmatch(tok.content)):
            lines.append((text.strip(), linked))
            text, linked, soft = "", 0, False
            continue
        elif t in ("link_open", "link_close"):
            in_link = max(0, in_link + (1 if t == "link_open" else -1))
            continue
        else:
            continue  # emphasis marks; a tag's own text comes as text tokens
        text = _join(text, piece) if soft else text + piece
        soft = False
        if in_link:
            linked += len(piece)
    lines.append((text.strip(), linked))
    return [(s, n) for s, n in lines if s]


class _Walker:
    """One pass over the token stream; one method per kind of token."""

    def __init__(self) -> None:
        self.out: list[Line] = []
        self.heading = False
        self.lists: list[str] = []  # the open lists' markers, innermost last
        self.item: str | None = None  # the marker for an item's first line
        self.row: list[str] = []
        self.cell: list[str] | None = None  # inside a table cell

    def heading_open(self, _tok: Any) -> None:
        self.heading = True

    def heading_close(self, _tok: Any) -> None:
        self.heading = False

    def bullet_list_open(self, _tok: Any) -> None:
        self.lists.append("•")

    def ordered_list_open(self, tok: Any) -> None:
        self.lists.append(tok.markup)  # "." or ")"

    def bullet_list_close(self, _tok: Any) -> None:
        if self.lists:
            self.lists.pop()

    ordered_list_close = bullet_list_close

    def list_item_open(self, tok: Any) -> None:
        kind = self.lists[-1] if self.lists else "•"
        self.item = "•" if kind == "•" else f"{tok.info}{kind}"

    def tr_open(self, _tok: Any) -> None:
        self.row = []

    def tr_close(self, _tok: Any) -> None:
        if any(c.strip() for c in self.row):
            self.out.append(Line(" | ".join(c.strip() for c in self.row)))

    def th_open(self, _tok: Any) -> None:
        self.cell = []

    td_open = th_open

    def th_close(self, _tok: Any) -> None:
        self.row.append(" ".join(self.cell or []))
        self.cell = None

    td_close = th_close

    def inline(self, tok: Any) -> None:
        runs = _inline(tok.children or [])
        if self.cell is not None:
            self.cell.extend(text for text, _ in runs)
            return
        for text, linked in runs:
            if self.item is not None:
                text, self.item = f"{self.item} {text}", None
            ratio = linked / max(len(text), 1)
            self.out.append(Line(text, heading=self.heading, link_ratio=ratio))

    def fence(self, tok: Any) -> None:
        for code in tok.content.rstrip("\n").split("\n"):
            if code.strip():
                self.out.append(Line(code.rstrip(), verbatim=True))

    code_block = fence

    def html_block(self, tok: Any) -> None:
        for piece in _BREAK_TAG.split(tok.content):
            for raw in _html_text(piece).split("\n"):
                if raw.strip():
                    self.out.append(Line(raw.strip()))


def lines(source: str) -> list[Line]:
    """The Markdown ``source`` as the cleaner's lines."""
    walker = _Walker()
    for tok in _parser().parse(source):
        handle = getattr(walker, tok.type, None)
        if handle is not None and not tok.type.startswith("_"):
            handle(tok)
    return walker.out
