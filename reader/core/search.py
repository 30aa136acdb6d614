"""Corpus search: Chinese substring matching over titles and full texts.

Chinese has no spaces to tokenise on, and users search for 2-4 character
words; a substring scan is exact and, done right, fast. All documents are
joined into one lower-cased string (with a separator no query contains), and
``str.find`` (C speed) hops from hit to hit; after a hit the scan jumps to the
next document, so a query costs at most one ``find`` per matching document.

Building the corpus is deferred to the first query (or to ``build``, which
the app runs in the background): adding an article is just an append. Case is
folded with ``str.lower`` (C speed); heavier Unicode folding (NFKC) is applied
to the query only, because running it over a 10,000-article corpus costs
seconds.
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
    q = unicodedata.normalize("NFKC", q).lower()
    return re.sub(r"\s+", " ", q).strip().replace(SEP, "")


@dataclass(frozen=True)
class Hit:
    article_id: str
    position: int  # code-point offset in the article's clean text (-1: in the title)
    snippet: str


class SearchIndex:
    def __init__(self, articles: Iterable[Article] = ()) -> None:
        self._articles: list[Article] = []
        self._ids: list[str] = []
        self._starts: list[int] = []
        self._title_len: list[int] = []
        self._corpus = ""
        self._built = 0  # articles already in the corpus
        for a in articles:
            self.add(a)

    def add(self, a: Article) -> None:
        self._articles.append(a)

    def __len__(self) -> int:
        return len(self._articles)

    def build(self) -> SearchIndex:
        """Join what was added since the last build (safe to call from a worker)."""
        new = self._articles[self._built :]
        if not new:
            return self
        parts = [self._corpus]
        pos = len(self._corpus)
        for a in new:
            title = a.title.lower()
            doc = title + "\n" + a.text.lower() + SEP
            self._ids.append(a.id)
            self._starts.append(pos)
            self._title_len.append(len(title) + 1)
            parts.append(doc)
            pos += len(doc)
        self._corpus = "".join(parts)
        self._built += len(new)
        return self

    @property
    def corpus(self) -> str:
        self.build()
        return self._corpus

    def matching_ids(self, query: str, limit: int | None = None) -> list[str]:
        """Ids of articles whose title or text contains ``query``, in index order."""
        q = normalize_query(query)
        corpus = self.corpus
        if not q:
            return list(self._ids)
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

    def within(self, ids: Iterable[str], query: str) -> list[str]:
        """The subset of ``ids`` matching ``query`` (a refined query: each keystroke)."""
        q = normalize_query(query)
        corpus = self.corpus
        index = {aid: i for i, aid in enumerate(self._ids)}
        out = []
        for aid in ids:
            i = index.get(aid)
            if i is None:
                continue
            end = self._starts[i + 1] if i + 1 < len(self._starts) else len(corpus)
            if corpus.find(q, self._starts[i], end) >= 0:
                out.append(aid)
        return out

    def hits(self, article_id: str, query: str, context: int = 20) -> list[Hit]:
        """Every match in one article, with a snippet around it."""
        q = normalize_query(query)
        corpus = self.corpus
        try:
            i = self._ids.index(article_id)
        except ValueError:
            return []
        start = self._starts[i]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(corpus)
        doc = corpus[start:end]
        tl = self._title_len[i]
        out = []
        pos = doc.find(q) if q else -1
        while pos >= 0:
            text_pos = -1 if pos < tl else pos - tl
            snippet = doc[max(0, pos - context) : pos + len(q) + context].replace(SEP, "")
            out.append(Hit(article_id, text_pos, snippet))
            pos = doc.find(q, pos + max(1, len(q)))
        return out
