"""Corpus search: Chinese substring matching over titles and full texts.

Chinese has no spaces to tokenise on, and users search for 2-4 character
words; a substring scan is exact and, done right, fast. All documents are
joined into one string (with a separator that cannot occur in a query), and
``str.find`` (C speed) hops from hit to hit; after a hit the scan jumps to the
next document, so a query costs at most one ``find`` per matching document.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .article import Article

SEP = "\x00"


def normalize_query(q: str) -> str:
    """Fold width and case so "ＡＢＣ" finds "abc"; collapse spaces."""
    q = unicodedata.normalize("NFKC", q).casefold()
    return re.sub(r"\s+", " ", q).strip().replace(SEP, "")


@dataclass(frozen=True)
class Hit:
    article_id: str
    position: int  # code-point offset in the article's clean text (-1: in the title)
    snippet: str


class SearchIndex:
    def __init__(self, articles: Iterable[Article] = ()) -> None:
        self._ids: list[str] = []
        self._starts: list[int] = []
        self._title_len: list[int] = []
        self._parts: list[str] = []
        self._len = 0
        self._corpus: str | None = None
        for a in articles:
            self.add(a)

    def add(self, a: Article) -> None:
        title = normalize_query(a.title)
        doc = title + "\n" + _fold(a.text) + SEP
        self._ids.append(a.id)
        self._starts.append(self._len)
        self._title_len.append(len(title) + 1)
        self._parts.append(doc)
        self._len += len(doc)
        self._corpus = None

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def corpus(self) -> str:
        if self._corpus is None:
            self._corpus = "".join(self._parts)
        return self._corpus

    def matching_ids(self, query: str, limit: int | None = None) -> list[str]:
        """Ids of articles whose title or text contains ``query``, in index order."""
        q = normalize_query(query)
        if not q:
            return list(self._ids)
        corpus = self.corpus
        out: list[str] = []
        pos = corpus.find(q)
        starts = self._starts
        while pos >= 0:
            i = bisect.bisect_right(starts, pos) - 1
            out.append(self._ids[i])
            if limit is not None and len(out) >= limit:
                break
            nxt = starts[i + 1] if i + 1 < len(starts) else len(corpus)
            pos = corpus.find(q, nxt)
        return out

    def hits(self, article_id: str, query: str, context: int = 20) -> list[Hit]:
        """Every match in one article, with a snippet around it."""
        q = normalize_query(query)
        try:
            i = self._ids.index(article_id)
        except ValueError:
            return []
        doc = self._parts[i]
        tl = self._title_len[i]
        out = []
        pos = doc.find(q) if q else -1
        while pos >= 0:
            in_title = pos < tl
            text_pos = -1 if in_title else pos - tl
            snippet = doc[max(0, pos - context) : pos + len(q) + context].replace(SEP, "")
            out.append(Hit(article_id, text_pos, snippet))
            pos = doc.find(q, pos + max(1, len(q)))
        return out


def _fold(text: str) -> str:
    # NFKC keeps Chinese characters as they are and length-preserving for them;
    # casefold only changes Latin letters. Positions in hits are approximate
    # for the rare characters whose folding changes length.
    return unicodedata.normalize("NFKC", text).casefold()
