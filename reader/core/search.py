"""Corpus search: Chinese substring matching over titles and full texts.

Chinese has no spaces to tokenise on, and users search for 2-4 character
words; a substring scan is exact and, done right, fast. Documents are joined
into lower-cased strings (with a separator no query contains), and
``str.find`` (C speed) hops from hit to hit; after a hit the scan jumps to the
next document, so a query costs at most one ``find`` per matching document.

The corpus is kept in chunks of about two million characters rather than one
string: building a 70 MB string is one C call that would hold the GIL, and
the window, for ~100 ms; a chunk takes a few. Building is deferred to the
first query (or to ``build``, which the app runs in the background): adding
an article is just an append. Case is folded with ``str.lower`` (C speed);
heavier Unicode folding (NFKC) is applied to the query only, because running
it over a 10,000-article corpus costs seconds.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .article import Article
from .courtesy import checkpoint

SEP = "\x00"
CHUNK_CHARS = 2_000_000


def normalize_query(q: str) -> str:
    """Fold width and case so "ＡＢＣ" finds "abc"; collapse spaces."""
    q = unicodedata.normalize("NFKC", q).lower()
    return re.sub(r"\s+", " ", q).strip().replace(SEP, "")


@dataclass(frozen=True)
class Hit:
    article_id: str
    position: int  # code-point offset in the article's clean text (-1: in the title)
    snippet: str


@dataclass
class _Chunk:
    text: str
    ids: list[str]
    starts: list[int]  # offset of each document in ``text``
    title_lens: list[int]

    def bounds(self, i: int) -> tuple[int, int]:
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end


class SearchIndex:
    def __init__(self, articles: Iterable[Article] = ()) -> None:
        self._articles: list[Article] = []
        self._chunks: list[_Chunk] = []
        self._where: dict[str, tuple[int, int]] = {}  # id → (chunk, document in chunk)
        self._built = 0
        for a in articles:
            self.add(a)

    def add(self, a: Article) -> None:
        self._articles.append(a)

    def __len__(self) -> int:
        return len(self._articles)

    def build(self) -> SearchIndex:
        """Index what was added since the last build (safe to call from a worker)."""
        new = self._articles[self._built :]
        parts: list[str] = []
        ids: list[str] = []
        starts: list[int] = []
        tls: list[int] = []
        size = 0

        def flush() -> None:
            nonlocal parts, ids, starts, tls, size
            if ids:
                c = len(self._chunks)
                for j, aid in enumerate(ids):
                    self._where[aid] = (c, j)
                self._chunks.append(_Chunk("".join(parts), ids, starts, tls))
            parts, ids, starts, tls, size = [], [], [], [], 0

        for n, a in enumerate(new):
            if n % 16 == 15:
                checkpoint()  # we may be a worker beside the GUI thread
            title = a.title.lower()
            doc = title + "\n" + a.text.lower() + SEP
            ids.append(a.id)
            starts.append(size)
            tls.append(len(title) + 1)
            parts.append(doc)
            size += len(doc)
            if size >= CHUNK_CHARS:
                flush()
        flush()
        self._built += len(new)
        return self

    def matching_ids(self, query: str, limit: int | None = None) -> list[str]:
        """Ids of articles whose title or text contains ``query``, in index order."""
        self.build()
        q = normalize_query(query)
        if not q:
            return [aid for c in self._chunks for aid in c.ids]
        out: list[str] = []
        for c in self._chunks:
            text, starts, ids = c.text, c.starts, c.ids
            pos = text.find(q)
            while pos >= 0:
                i = bisect.bisect_right(starts, pos) - 1
                out.append(ids[i])
                if limit is not None and len(out) >= limit:
                    return out
                nxt = starts[i + 1] if i + 1 < len(starts) else len(text)
                pos = text.find(q, nxt)
        return out

    def within(self, ids: Iterable[str], query: str) -> list[str]:
        """The subset of ``ids`` matching ``query`` (a refined query: each keystroke)."""
        self.build()
        q = normalize_query(query)
        out = []
        for aid in ids:
            loc = self._where.get(aid)
            if loc is None:
                continue
            c = self._chunks[loc[0]]
            start, end = c.bounds(loc[1])
            if c.text.find(q, start, end) >= 0:
                out.append(aid)
        return out

    def hits(self, article_id: str, query: str, context: int = 20) -> list[Hit]:
        """Every match in one article, with a snippet around it."""
        self.build()
        q = normalize_query(query)
        loc = self._where.get(article_id)
        if loc is None or not q:
            return []
        c = self._chunks[loc[0]]
        start, end = c.bounds(loc[1])
        doc = c.text[start:end]
        tl = c.title_lens[loc[1]]
        out = []
        pos = doc.find(q)
        while pos >= 0:
            text_pos = -1 if pos < tl else pos - tl
            snippet = doc[max(0, pos - context) : pos + len(q) + context].replace(SEP, "")
            out.append(Hit(article_id, text_pos, snippet))
            pos = doc.find(q, pos + max(1, len(q)))
        return out
