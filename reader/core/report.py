"""The "show original" view: the page's own text, with what the cleaner removed marked.

A user trusts a cleaner they can check. This lays the original text out line
by line and says, for each line, whether it is in the clean article and, if
not, why it was removed (from the article's ``removed`` report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .article import Article
from .formats import RawDocument


@dataclass(frozen=True)
class OriginalLine:
    text: str
    kept: bool
    reason: str | None = None  # why it was removed, when it was


def _key(s: str) -> str:
    return re.sub(r"\s+", "", s)


def original_lines(doc: RawDocument, article: Article) -> list[OriginalLine]:
    # the cleaner (lxml et al.) loads when first needed, not with the window
    from .cleaning import html_content
    from .cleaning.paragraphs import split_collapsed, tidy

    if doc.kind == "html":
        ex = html_content.extract(doc.body)
        raw = (ex.before + [ln.text for ln in ex.lines] + ex.after) if ex else []
    else:
        raw = doc.body.split("\n")
    kept_text = _key(article.text)
    marks = [r for r in article.removed if r.reason.startswith("repeated watermark")]
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
            bare = k
            for m in marks:
                bare = bare.replace(_key(m.text), "")
            if bare and bare in kept_text:
                out.append(OriginalLine(piece, True))
            else:
                reason = by_text.get(k) or _reason_containing(k, by_text) or "not article text"
                out.append(OriginalLine(piece, False, reason))
    return out


def _reason_containing(k: str, by_text: dict[str, str]) -> str | None:
    for text, reason in by_text.items():
        if len(text) > 3 and (text in k or k in text):
            return reason
    return None
