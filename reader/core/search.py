"""Corpus search: the query language (``query``) over titles, texts, notes and tags.

Chinese has no spaces to split words on and users search for 2-4 character
words, so the texts are indexed by character: every pair of neighbouring
characters (a bigram) with its positions, and every character alone. A
2-character word is then one term of the index, a longer word or a phrase
the run of its bigrams at neighbouring positions (exact), one character its
own term. The index is tantivy's (Rust, on disk in the cache, mmapped): at
100,000 articles it holds ~330 million characters that would take ~700 MB as
Python strings, and answers a 2-character query in a few milliseconds.
SQLite's FTS5 trigram tokenizer cannot match 2-character words; a scan of
strings in memory took 35 ms at 10,000 articles (350 at 100,000).

Text is folded (``textfold``) before it is indexed and so is the query:
simplified and traditional characters, widths, case and Latin accents do not
count. Folding keeps positions, so hits are marked in the text as written.

Titles, sources and authors are short and change with the user's
corrections: they are searched in memory. Tags, colours, notes, stars and
dates come from the store and the articles themselves.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import os
import re
import shutil
import threading
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from .annotations import Document, Highlight
from .article import BODY_SEP, Article, decode_body
from .courtesy import STEP, checkpoint, sorted_politely
from .heap import settle
from .matches import Matches, Universe
from .messages import QT_TRANSLATE_NOOP, Message
from .query import Query, QueryError, Term, parse
from .records import PALETTE
from .textfold import fold, table
from .version import CLEANER_VERSION

#: The index's layout; a different one on disk is rebuilt.
INDEX_VERSION = 2
SPACE = "\u2423"  # ␣ stands for a space inside the index's terms
BREAK = "\u00b6"  # ¶ for a line or block break (never in a query)
SEP = "\x00"
_FIRST = itemgetter(0)

# -- folding for the index ------------------------------------------------------------

_lut: Any = None


def _lut16() -> Any:
    """Fold table over UTF-16 code units (numpy), with whitespace made visible."""
    global _lut
    if _lut is None:
        import numpy as np

        lut = np.arange(0x10000, dtype=np.uint16)
        for code, f in table().items():
            if code < 0x10000 and len(f) == 1 and ord(f) < 0x10000:
                lut[code] = ord(f)
        for ws in " \t\u00a0\u3000\u2002\u2003\u2009\u200a\u202f\u205f":
            lut[ord(ws)] = ord(SPACE)
        for br in "\n\r\x0b\x0c\x1f\u2028\u2029":
            lut[ord(br)] = ord(BREAK)
        lut[0xD800:0xE000] = 0xFFFD  # (characters outside the BMP: two of these)
        _lut = lut
    return _lut


def index_form(text: str) -> str:
    """A query word as the index holds text (folded, spaces visible)."""
    f = fold(" ".join(text.split()))
    f = "".join(c if ord(c) < 0x10000 else "\ufffd\ufffd" for c in f)
    return f.replace(" ", SPACE)


def _bigrams(units: Any) -> str:
    """Folded UTF-16 code units → their bigrams, space-separated (for tantivy's
    whitespace tokenizer: the n-th bigram is at position n). A break is added
    at the end, so that every character starts a bigram (one-character words
    are searched as the bigrams they start)."""
    import numpy as np

    a = _lut16()[units]
    n = len(a)
    if not n:
        return ""
    out = np.full(3 * n, 0x20, dtype=np.uint16)
    out[0::3] = a
    out[1 : 3 * (n - 1) : 3] = a[1:]
    out[3 * n - 2] = ord(BREAK)
    return out.tobytes().decode("utf-16-le")


def _units(body: bytes | None, article: Article) -> Any:
    """The article's text as UTF-16 code units (from the stored body when there
    is one: no decoding, nothing kept)."""
    import numpy as np

    if body is not None and body[:1] == b"U":
        return np.frombuffer(body, dtype=np.uint16, offset=1)
    if body is not None:
        text = BODY_SEP.join(decode_body(body, len(article.blocks)))
    else:
        text = article.text
    return _utf16(text)


def _utf16(text: str) -> Any:
    import numpy as np

    return np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)


def folder_for(root: Path) -> Path:
    """Where the text index of the library at ``root`` lives (in the cache)."""
    import hashlib

    from .paths import cache_dir

    key = hashlib.sha1(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir() / "search" / key


def fingerprint(a: Article) -> str:
    """What the indexed text depends on, known without reading it: a new
    cleaner, a correction that changes the text, or a corrected title, source
    or author changes it."""
    meta = zlib.crc32(f"{a.title}\x00{a.source or ''}\x00{a.author or ''}".encode())
    return f"{CLEANER_VERSION}:{a.char_count}:{len(a.blocks)}:{meta:08x}"


def _number(article_id: str) -> int | None:
    try:
        return int(article_id, 16) if len(article_id) == 16 else None
    except ValueError:
        return None


#: The text fields of the index (the query's field names, "text" for the body).
TEXT = ("text", "title", "source", "author")


# -- the text index ---------------------------------------------------------------------


class TextIndex:
    """Articles in tantivy: ``n`` (the id as a number) and, for the text,
    title, source and author, their bigrams with positions. On disk when given
    a folder (the index outlives the app; another layout is rebuilt), else in
    memory.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.known: dict[str, str] = {}  # id → fingerprint of what is indexed
        self._lock = threading.Lock()
        self._index: Any = None
        self._schema: Any = None
        self._searcher: Any = None

    def _open(self) -> Any:
        if self._index is not None:
            return self._index
        import tantivy

        sb = tantivy.SchemaBuilder()
        sb.add_unsigned_field("n", stored=False, indexed=True, fast=True)
        for name in TEXT:
            sb.add_text_field(
                name, stored=False, tokenizer_name="whitespace", index_option="position"
            )
        self._schema = sb.build()
        if self.folder is None:
            self._index = tantivy.Index(self._schema)
            return self._index
        meta = self.folder / "reader.json"
        try:
            saved = json.loads(meta.read_text("utf-8"))
            ok = saved.get("version") == INDEX_VERSION
        except (OSError, ValueError):
            saved, ok = {}, False
        if not ok and self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)  # another layout: build again
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self._index = tantivy.Index(self._schema, path=str(self.folder))
        except (OSError, ValueError):
            shutil.rmtree(self.folder, ignore_errors=True)  # damaged: build again
            self.folder.mkdir(parents=True, exist_ok=True)
            self._index = tantivy.Index(self._schema, path=str(self.folder))
            saved = {}
        self.known = dict(saved.get("known", {})) if ok else {}
        return self._index

    def stale(self, articles: Iterable[Article]) -> tuple[list[Article], list[str]]:
        """(articles to index, ids to drop) for the index to hold ``articles``."""
        with self._lock:
            self._open()
        want = {}
        todo = []
        for a in articles:
            if _number(a.id) is None:
                continue
            fp = fingerprint(a)
            want[a.id] = fp
            if self.known.get(a.id) != fp:
                todo.append(a)
        gone = [aid for aid in self.known if aid not in want]
        return todo, gone

    def update(
        self,
        add: Sequence[Article],
        remove: Iterable[str] = (),
        bodies: Callable[[Sequence[Article]], Mapping[str, bytes]] | None = None,
        progress: Callable[[int, int], bool] | None = None,
        commit_every: int = 20_000,
    ) -> bool:
        """Index ``add`` (replacing what was there) and drop ``remove``; False if
        ``progress`` said stop (what was done is kept). Searches see the work
        in steps (a commit every ``commit_every`` articles), never half an article."""
        import tantivy

        with self._lock:
            index = self._open()
        # one indexing thread: on 2 cores, two left the GUI thread short of one
        # (100,000 articles took 70-80 s either way, measured)
        writer = index.writer(heap_size=100_000_000, num_threads=1)
        done, stopped, since = 0, False, 0
        try:
            for aid in remove:
                n = _number(aid)
                if n is not None:
                    self._delete(writer, n)
                self.known.pop(aid, None)
            for i in range(0, len(add), 500):
                part = add[i : i + 500]
                got = bodies(part) if bodies is not None else {}
                for a in part:
                    n = _number(a.id)
                    if n is None:
                        continue
                    if a.id in self.known:
                        self._delete(writer, n)
                    doc = tantivy.Document()
                    doc.add_unsigned("n", n)
                    doc.add_text("text", _bigrams(_units(got.get(a.id), a)))
                    for name, value in (
                        ("title", a.title),
                        ("source", a.source),
                        ("author", a.author),
                    ):
                        if value:
                            doc.add_text(name, _bigrams(_utf16(value)))
                    writer.add_document(doc)
                    self.known[a.id] = fingerprint(a)
                    checkpoint()
                done += len(part)
                since += len(part)
                settle()
                if since >= commit_every:
                    self._commit(writer, index)
                    since = 0
                if progress is not None and not progress(done, len(add)):
                    stopped = True
                    break
            self._commit(writer, index)
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        return not stopped

    def _delete(self, writer: Any, n: int) -> None:
        import tantivy

        # (by query: deleting "by term" turns the number into a signed one and misses)
        writer.delete_documents_by_query(tantivy.Query.term_query(self._schema, "n", n))

    def _commit(self, writer: Any, index: Any) -> None:
        writer.commit()
        index.reload()
        with self._lock:
            self._searcher = None
        self._save()

    def _save(self) -> None:
        if self.folder is None:
            return
        meta = self.folder / "reader.json"
        tmp = meta.with_suffix(".tmp")
        # (one json.dumps of 100,000 entries holds the interpreter lock for
        # ~140 ms, measured: a GUI beside it could not paint. In steps instead.)
        items = list(self.known.items())
        with tmp.open("w", encoding="utf-8") as f:
            f.write(f'{{"version": {INDEX_VERSION}, "known": {{')
            for i in range(0, len(items), STEP):
                step = json.dumps(dict(items[i : i + STEP]))[1:-1]
                f.write((", " if i and step else "") + step)
                checkpoint()
            f.write("}}")
        os.replace(tmp, meta)

    # -- queries
    def word(self, field: str, word: str) -> Any:
        """The query for ``word`` (in ``index_form``) in one field."""
        import tantivy

        schema = self.schema()
        if len(word) == 1:  # the bigrams it starts (every character starts one)
            return tantivy.Query.regex_query(schema, field, re.escape(word) + ".")
        if len(word) == 2:
            return tantivy.Query.term_query(schema, field, word)
        grams: list[str | tuple[int, str]] = [word[i : i + 2] for i in range(len(word) - 1)]
        return tantivy.Query.phrase_query(schema, field, grams)

    def schema(self) -> Any:
        with self._lock:
            self._open()
            return self._schema

    def _searcher_now(self) -> Any:
        """A searcher of what is committed (a new one after each commit)."""
        with self._lock:
            index = self._open()
            if self._searcher is None:
                self._searcher = index.searcher()
            return self._searcher

    def numbers(self, query: Any) -> list[int]:
        """The numbers (``n``) of the articles ``query`` matches."""
        searcher = self._searcher_now()
        total = searcher.num_docs
        if not total:
            return []
        hits = searcher.search(query, total, count=False, order_by_field="n").hits
        return list(map(itemgetter(0), hits))

    def count(self, query: Any) -> int:
        """How many articles ``query`` matches (without fetching them)."""
        return int(self._searcher_now().search(query, 1, count=True).count or 0)

    def ids(self, word: str) -> set[str]:
        """Ids of the articles whose text holds ``word`` (in ``index_form``)."""
        if not word:
            return set()
        return {format(n, "016x") for n in self.numbers(self.word("text", word))}


# -- the search --------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def _folded_text(text: str) -> str:
    """``fold(text)`` of an article's text or title, remembered: every search
    paints the hits of much the same rows again (the newest articles), and
    folding a screenful's texts took ~30 ms of the GUI thread at each."""
    return fold(text)


@dataclass
class Snippet:
    text: str
    marks: list[tuple[int, int]]  # hits, as offsets in ``text``

    def marked(self, before: str = "**", after: str = "**") -> str:
        out, pos = [], 0
        for s, e in self.marks:
            out += [self.text[pos:s], before, self.text[s:e], after]
            pos = e
        out.append(self.text[pos:])
        return "".join(out)


@dataclass
class ArticleHits:
    count: int
    snippets: list[Snippet]
    spans: list[tuple[int, int]] = field(default_factory=list)  # in the article's text


#: Chinese colour names (the app's names for the palette), for color:
_COLOR_NAMES = {
    "黄": "yellow", "黄色": "yellow", "绿": "green", "绿色": "green", "蓝": "blue",
    "蓝色": "blue", "粉": "pink", "粉色": "pink", "粉红": "pink", "紫": "purple",
    "紫色": "purple", "橙": "orange", "橙色": "orange", "红": "red", "红色": "red",
    "灰": "gray", "灰色": "gray", "grey": "gray",
}  # fmt: skip


#: Fields the text index answers (None: a word anywhere: text, title, source, author).
_INDEXED = (None, "title", "source", "author")


@dataclass(frozen=True)
class _State:
    """The articles a search looks at, replaced whole when they change."""

    universe: Universe
    dates: list[str]  # the dates of the dated articles, sorted
    dated_places: list[int]  # (their places in the universe)


class SearchIndex:
    """What searching needs: the text index, the articles as shown (the user's
    corrections applied: their dates, and what hits are marked in), and the store."""

    def __init__(self, folder: Path | None = None) -> None:
        self.text = TextIndex(folder)
        self.articles: dict[str, Article] = {}
        self._state = _State(Universe((), _number), [], [])
        self._notes: dict[str, tuple[str, str]] = {}  # highlight id → (modified, folded text)
        self._hl_memo: tuple[tuple[int, int, int], _Joined] | None = None
        self._facts_memo: tuple[tuple[int, int, int, int], _Facts] | None = None
        self._folded: dict[str, str] = {}

    # -- keeping it current
    def set_articles(self, articles: Iterable[Article]) -> None:
        """The articles as shown (titles, sources, authors as corrected)."""
        arts = {a.id: a for a in articles}
        universe = Universe(arts, _number)
        pos = universe.pos
        dated = sorted_politely([(a.date, pos[a.id]) for a in arts.values() if a.date], _FIRST)
        dates = [d for d, _p in dated]
        places = [p for _d, p in dated]
        self.articles, self._state = arts, _State(universe, dates, places)  # (one swap)

    def warm(self, highlights: Iterable[Highlight], order: Sequence[Article] | None) -> None:
        """Do now (on a worker) what the first search would do: read the fold
        tables and the index's files, fold the highlights' texts and notes,
        place the articles of ``order`` (the table's). At 100,000 articles and
        20,000 highlights the first search took 0.9 s, the next ones 20-50 ms."""
        self.text.count(self.term_query(Term(None, "warm")))  # (any word: the tables, the files)
        for h in highlights:
            self.folded_note(h)
            checkpoint()
        if order is not None:
            self._state.universe.positions(order)

    def sync(
        self,
        bodies: Callable[[Sequence[Article]], Mapping[str, bytes]] | None = None,
        progress: Callable[[int, int], bool] | None = None,
    ) -> bool:
        """Bring the text index up to the articles (only what changed is indexed)."""
        todo, gone = self.text.stale(self.articles.values())
        if not todo and not gone:
            return True
        return self.text.update(todo, gone, bodies, progress)

    # -- searching
    def search(self, query: Query | str, doc: Document | None = None) -> set[str]:
        """Ids of the articles matching ``query`` (raises ``QueryError``)."""
        return self.find(query, doc).ids()

    def find(self, query: Query | str, doc: Document | None = None) -> Matches:
        """The articles matching ``query`` (raises ``QueryError``), as a mask.

        The clauses about text (words, title:, source:, author:) go to the index
        as one query, which does the ANDs, ORs and NOTs itself. The others
        (tags, colours, notes, flags, dates) are masks from the store. Masks,
        not sets of ids: at 100,000 articles a common word's 40,000 ids cost
        ~20 ms to build as a set and as much again to sort into the table.
        """
        q = parse(query) if isinstance(query, str) else query
        state = self._state
        universe = state.universe
        if q.empty:
            return Matches(universe, universe.every())
        ctx = _Context(self, doc or Document(), state)
        texts = [c for c in q.clauses if all(t.field in _INDEXED for t in c)]
        others = [c for c in q.clauses if not all(t.field in _INDEXED for t in c)]
        mask: Any = self._text_mask(texts, universe) if texts else None
        for clause in sorted(others, key=lambda c: all(t.negated for t in c)):
            if len(clause) == 1 and clause[0].negated:  # "not this": take it away
                base = mask if mask is not None else universe.every()
                mask = base & ~ctx.mask(clause[0])
                continue
            got = universe.none()
            for t in clause:
                m = ctx.mask(t)
                got |= ~m if t.negated else m
            mask = got if mask is None else mask & got
            if not mask.any():
                break
        return Matches(universe, mask if mask is not None else universe.every())

    def _text_mask(self, clauses: list[list[Term]], universe: Universe) -> Any:
        """The articles the text clauses match. When that is most of the library
        (a common word), the few that do not match are fetched instead: every
        article the index returns costs a Python object or two."""
        import tantivy

        query = self._text_query(clauses)
        total = len(universe)
        if total > 2000 and self.text.count(query) * 2 > total:
            must, must_not = tantivy.Occur.Must, tantivy.Occur.MustNot
            others = tantivy.Query.boolean_query(
                [(must, tantivy.Query.all_query()), (must_not, query)]
            )
            return ~universe.mask_of_numbers(self.text.numbers(others))
        return universe.mask_of_numbers(self.text.numbers(query))

    def term_query(self, t: Term) -> Any:
        """One term about text (its sign aside), as an index query."""
        import tantivy

        word = index_form(t.value)
        if t.field is not None:
            return self.text.word(t.field, word)
        should = tantivy.Occur.Should
        return tantivy.Query.boolean_query([(should, self.text.word(f, word)) for f in TEXT])

    def _text_query(self, clauses: list[list[Term]]) -> Any:
        import tantivy

        must, must_not, should = tantivy.Occur.Must, tantivy.Occur.MustNot, tantivy.Occur.Should
        everything = tantivy.Query.all_query()

        def but(t: Term) -> Any:  # everything but ``t``
            return tantivy.Query.boolean_query([(must, everything), (must_not, self.term_query(t))])

        parts: list[tuple[Any, Any]] = []
        for clause in clauses:
            if len(clause) == 1:
                t = clause[0]
                parts.append((must_not if t.negated else must, self.term_query(t)))
                continue
            alts = [(should, but(t) if t.negated else self.term_query(t)) for t in clause]
            parts.append((must, tantivy.Query.boolean_query(alts)))
        if not any(occur == must for occur, _q in parts):
            parts.append((must, everything))
        return tantivy.Query.boolean_query(parts)

    def dated(self, lo: str, hi: str, state: _State | None = None) -> Any:
        """The mask of the articles dated from ``lo`` to ``hi`` (either may be "")."""
        state = state or self._state
        d = state.dates
        i = bisect.bisect_left(d, lo) if lo else 0
        j = bisect.bisect_right(d, hi + "\uffff") if hi else len(d)
        mask = state.universe.none()
        mask[state.dated_places[i:j]] = True
        return mask

    def highlights(self, query: Query | str, doc: Document) -> list[Highlight]:
        """The highlights matching ``query``: its words in the highlight's text or
        note; tag:, color:, note:, has:note, is:orphaned on the highlight;
        title:, source:, author:, date:, is:starred/read on its article."""
        q = parse(query) if isinstance(query, str) else query
        ctx = _Context(self, doc)
        hs = list(doc.highlights.values())
        if q.empty:
            return hs
        # clauses of words alone: found in one folded string of every highlight
        # (20,000 highlights looked at one by one cost ~60 ms a keystroke)
        words = [c for c in q.clauses if all(t.field is None and not t.negated for t in c)]
        rest = [c for c in q.clauses if c not in words]
        if words:
            corpus = self._highlight_corpus(doc, hs)
            picked: set[int] | None = None
            for c in words:
                got = set().union(*(corpus.ids_with(t.folded) for t in c))
                picked = got if picked is None else picked & got
            hs = [hs[i] for i in sorted(picked or ())]
        return [
            h for h in hs if all(any(ctx.highlight_has(h, t) != t.negated for t in c) for c in rest)
        ]

    def _highlight_corpus(self, doc: Document, hs: list[Highlight]) -> _Joined:
        key = (id(doc), doc.revision, len(hs))
        memo = self._hl_memo
        if memo is None or memo[0] != key:
            memo = self._hl_memo = (key, _Joined(self.folded_note(h) for h in hs))
        return memo[1]

    def facts(self, doc: Document) -> _Facts:
        """What searches ask of the store (highlights by article, tags), worked
        out once per change of ``doc``, not per query (~50 ms at 100,000)."""
        key = (id(doc), doc.revision, len(doc.highlights), len(doc.articles))
        memo = self._facts_memo
        if memo is None or memo[0] != key:
            memo = self._facts_memo = (key, _Facts(doc, self.folded))
        return memo[1]

    def folded(self, text: str) -> str:
        """``fold(text)``, remembered (notes are folded once, not per query)."""
        got = self._folded.get(text)
        if got is None:
            if len(self._folded) > 200_000:
                self._folded.clear()
            got = self._folded[text] = fold(text)
        return got

    def folded_note(self, h: Highlight) -> str:
        got = self._notes.get(h.id)
        if got is None or got[0] != h.modified:
            got = (h.modified, fold(h.exact + "\n" + h.note))
            self._notes[h.id] = got
        return got[1]

    def hits(self, article: Article, query: Query | str, context: int = 24) -> ArticleHits:
        """Where the query's words are in ``article``: how many, the spans, and
        up to two snippets (from the title when only it matches)."""
        q = parse(query) if isinstance(query, str) else query
        words = sorted({w for w in q.words()}, key=len, reverse=True)
        if not words:
            return ArticleHits(0, [])
        text = article.text
        spans = find_spans(_folded_text(text), words)
        snippets = []
        for s, e in _spread(spans, 2):
            a, b = max(0, s - context), min(len(text), e + context)
            lead = "…" if a else ""
            shift = len(lead) - a
            marks = [(x + shift, y + shift) for x, y in spans if x >= a and y <= b]
            piece = text[a:b].replace("\n", " ")  # (the same length: the marks hold)
            snippets.append(Snippet(lead + piece + ("…" if b < len(text) else ""), marks))
        title_spans = find_spans(_folded_text(article.title), words)
        if not snippets and title_spans:
            snippets.append(Snippet(article.title, title_spans))
        return ArticleHits(len(spans) + len(title_spans), snippets, spans)


class _Joined:
    """Many short folded texts in one string: which of them hold a word, at
    ``str.find`` speed (a hit skips to the next text)."""

    def __init__(self, texts: Iterable[str]) -> None:
        starts, parts, size = [], [], 0
        for t in texts:
            starts.append(size)
            parts.append(t + SEP)
            size += len(t) + 1
        self.starts, self.text = starts, "".join(parts)

    def ids_with(self, word: str) -> set[int]:
        out: set[int] = set()
        if not word:
            return out
        text, starts = self.text, self.starts
        pos = text.find(word)
        while pos >= 0:
            i = bisect.bisect_right(starts, pos) - 1
            out.add(i)
            nxt = starts[i + 1] if i + 1 < len(starts) else len(text)
            pos = text.find(word, nxt)
        return out


def find_spans(folded: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Every occurrence of each word in ``folded`` text, sorted, not overlapping."""
    found = []
    for w in words:
        w = w.strip()
        if not w:
            continue
        pos = folded.find(w)
        while pos >= 0:
            found.append((pos, pos + len(w)))
            pos = folded.find(w, pos + len(w))
    found.sort()
    out: list[tuple[int, int]] = []
    for s, e in found:
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


def _spread(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Up to ``n`` spans far enough apart to make separate snippets."""
    out: list[tuple[int, int]] = []
    for s in spans:
        if not out or s[0] - out[-1][1] > 60:
            out.append(s)
            if len(out) == n:
                break
    return out


class _Facts:
    """What searches ask of the store, for one revision of it."""

    def __init__(self, doc: Document, folded: Callable[[str], str]) -> None:
        by_article: dict[str, list[Highlight]] = {}
        for h in doc.highlights.values():
            by_article.setdefault(h.article, []).append(h)
        tagged: dict[str, set[str]] = {}  # folded tag → the articles it is on (or in)
        for aid, st in doc.articles.items():
            for x in st.tags:
                tagged.setdefault(folded(x), set()).add(aid)
        for aid, lst in by_article.items():
            for h in lst:
                for x in h.tags:
                    tagged.setdefault(folded(x), set()).add(aid)
        self.by_article, self.tagged = by_article, tagged


class _Context:
    """One search's view of the store, computed once per query and field."""

    def __init__(self, index: SearchIndex, doc: Document, state: _State | None = None) -> None:
        self.index = index
        self.doc = doc
        self.state = state or index._state
        self.universe = self.state.universe
        self._memo: dict[Term, Matches] = {}

    def by_article(self) -> dict[str, list[Highlight]]:
        return self.index.facts(self.doc).by_article

    def mask(self, t: Term) -> Any:
        """The articles term ``t`` (its sign aside) holds for, as a mask."""
        return self.matches(t).mask

    def matches(self, t: Term) -> Matches:
        key = dataclasses.replace(t, negated=False)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = Matches(self.universe, self._mask(key))
        return got

    def _mask(self, t: Term) -> Any:
        index, f, universe = self.index, t.field, self.universe
        if f in _INDEXED:
            return universe.mask_of_numbers(index.text.numbers(index.term_query(t)))
        if f == "date":
            return index.dated(*t.date_range, state=self.state)
        if f == "is" and t.value.lower() == "unread":
            return ~universe.mask_of(aid for aid, st in self.doc.articles.items() if st.read)
        return universe.mask_of(self._store_ids(t))

    def _store_ids(self, t: Term) -> set[str]:
        doc, f, v = self.doc, t.field, t.value.lower()
        hs = self.by_article()
        if f == "tag":
            tagged = self.index.facts(doc).tagged
            return set().union(*(ids for tag, ids in tagged.items() if _tag_is(tag, t.folded)))
        if f == "color":
            colors = self.colors(t)
            return {aid for aid, lst in hs.items() if any(h.color in colors for h in lst)}
        if f == "note":
            word = t.folded
            out = {aid for aid, st in doc.articles.items() if st.note and word in fold(st.note)}
            return out | {
                aid
                for aid, lst in hs.items()
                if any(word in self.index.folded(h.note) for h in lst if h.note)
            }
        if f == "has":
            if v == "highlight":
                return set(hs)
            if v == "note":
                return {aid for aid, st in doc.articles.items() if st.note} | {
                    aid for aid, lst in hs.items() if any(h.note for h in lst)
                }
            return {aid for aid, st in doc.articles.items() if st.tags} | {
                aid for aid, lst in hs.items() if any(h.tags for h in lst)
            }
        if v == "orphaned":
            return {aid for aid, lst in hs.items() if any(h.status == "orphaned" for h in lst)}
        if v == "starred":
            return {aid for aid, st in doc.articles.items() if st.starred}
        return {aid for aid, st in doc.articles.items() if st.read}

    def colors(self, t: Term) -> set[str]:
        """The palette colours ``color:`` names: a colour's name (English or
        Chinese), a #hex, or what the user made a colour mean."""
        v = t.value.strip().lower()
        name = _COLOR_NAMES.get(v, v)
        if name in PALETTE or re.fullmatch(r"#[0-9a-f]{6}", name):
            return {name}
        word = t.folded
        meant = {c for c, m in self.doc.meanings().items() if word and word in fold(m)}
        if meant:
            return meant
        raise QueryError(
            Message(
                QT_TRANSLATE_NOOP(
                    "Core", "no colour “{value}”: use {colors}, or a meaning you gave a colour"
                ),
                value=t.value,
                colors=", ".join(PALETTE),
            ),
            t.position,
        )

    def highlight_has(self, h: Highlight, t: Term) -> bool:
        f, v = t.field, t.value.lower()
        if f is None:
            return t.folded in self.index.folded_note(h)
        if f == "tag":
            return any(_tag_is(self.index.folded(x), t.folded) for x in h.tags)
        if f == "color":
            return h.color in self.colors(t)
        if f == "note":
            return bool(h.note) and t.folded in self.index.folded(h.note)
        if f == "has":
            return bool(h.note) if v == "note" else bool(h.tags) if v == "tag" else True
        if f == "is" and v == "orphaned":
            return h.status == "orphaned"
        return h.article in self.matches(t)


def _tag_is(folded: str, want: str) -> bool:
    """A (folded) tag is ``want``, or one nested under it (``援疆/教育`` under ``援疆``)."""
    return folded == want or folded.startswith(want + "/")
