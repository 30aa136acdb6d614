"""The "show original" view: the page's own text, with what the cleaner removed marked.

A user trusts a cleaner they can check. This lays the original text out line
by line and says, for each line, whether it is in the clean article and, if
not, why it was removed. Pieces cut from inside a kept line (a watermark glued
to a sentence, a credit at a paragraph's end) are marked in place, each with
its reason. The page is cleaned again for this, so the reasons are the same
after a restart (the library's cache keeps the clean text, not the report).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .article import Article, Removed
from .formats import RawDocument

#: The reason for page text outside what the cleaner took as the article
#: (navigation, footers, sidebars) that no rule named.
OUTSIDE = "not article text"


@dataclass(frozen=True)
class Cut:
    """A piece removed from inside a kept line: ``text[start:end]``."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class OriginalLine:
    text: str
    kept: bool
    reason: str | None = None  # why it was removed, when it was
    cuts: tuple[Cut, ...] = ()  # pieces removed from inside a kept line


def _key(s: str) -> str:
    return re.sub(r"\s+", "", s)


def original_view(
    doc: RawDocument, library_marks: Sequence[str] = ()
) -> tuple[Article, list[OriginalLine]]:
    """The page cleaned again (with the library's watermarks, as the library
    cleaned it) and its original lines."""
    # the cleaner (lxml et al.) loads when first needed, not with the window
    from .cleaning import clean

    article = clean(doc, library_marks=library_marks)
    return article, original_lines(doc, article)


def original_lines(doc: RawDocument, article: Article) -> list[OriginalLine]:
    """``doc``'s lines, marked against ``article`` (cleaned from ``doc``, with
    its ``removed`` report)."""
    from .cleaning import html_content
    from .cleaning.paragraphs import split_collapsed, tidy

    if doc.kind == "html":
        ex = html_content.extract(doc.body)
        raw = (ex.before + [ln.text for ln in ex.lines] + ex.after) if ex else []
    elif doc.kind == "markdown":
        from .cleaning import markdown

        raw = [ln.text for ln in markdown.lines(doc.body)]
    else:
        raw = doc.body.split("\n")
    kept_text = _key(article.text)
    inline = [r for r in article.removed if r.where == "inline" and r.text.strip()]
    inline.sort(key=lambda r: len(r.text), reverse=True)
    by_text: dict[str, str] = {}
    for r in article.removed:
        for piece in r.text.split("\n"):
            k = _key(piece)
            if k:
                by_text.setdefault(k, r.reason)
    out: list[OriginalLine] = []
    for line in raw:
        for piece in split_collapsed(line) or ([] if not line.strip() else [tidy(line)]):
            k = _key(piece)
            if not k:
                continue
            cuts = _cuts(piece, inline)
            bare = _key(_without(piece, cuts))
            if bare and bare in kept_text:
                out.append(OriginalLine(piece, True, None, _removed_only(piece, cuts, kept_text)))
            else:
                reason = by_text.get(k) or _reason_containing(k, by_text) or OUTSIDE
                out.append(OriginalLine(piece, False, reason))
    return out


def _cuts(line: str, inline: Sequence[Removed]) -> tuple[Cut, ...]:
    """Where the inline removals sit in ``line`` (longest first, no overlaps)."""
    taken: list[Cut] = []
    for r in inline:
        start = line.find(r.text)
        while start >= 0:
            end = start + len(r.text)
            if all(end <= c.start or start >= c.end for c in taken):
                taken.append(Cut(start, end, r.reason))
            start = line.find(r.text, end)
    return tuple(sorted(taken, key=lambda c: c.start))


def _removed_only(line: str, cuts: tuple[Cut, ...], kept_text: str) -> tuple[Cut, ...]:
    """The cuts the cleaner made: an occurrence it kept (where it could not
    tell it from the author's words) is left out."""
    if not cuts or _key(line) in kept_text:
        return ()
    made = list(cuts)
    for c in cuts:
        trial = [x for x in made if x is not c]
        if _key(_without(line, trial)) in kept_text:
            made = trial
    return tuple(made)


def _without(line: str, cuts: Sequence[Cut]) -> str:
    parts, pos = [], 0
    for c in cuts:
        parts.append(line[pos : c.start])
        pos = c.end
    parts.append(line[pos:])
    return "".join(parts)


def _reason_containing(k: str, by_text: dict[str, str]) -> str | None:
    for text, reason in by_text.items():
        if len(text) > 3 and (text in k or k in text):
            return reason
    return None
