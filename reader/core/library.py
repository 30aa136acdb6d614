"""A folder of saved articles: scanning, loading, cleaning, cross-document spam.

One bad file never stops the rest: each failure is kept as a ``Failure`` with
a one-line reason. Symlinks are followed only when they stay inside the
library folder, so a link to ``/`` or a link loop cannot make a load endless.
"""

from __future__ import annotations

import marshal
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from .article import BODY_SEP, Article, Blocks, content_id, decode_body, encode_body
from .cache import ArticleCache, marks_key, unpack, unpack_fields, watermarks_of
from .courtesy import checkpoint
from .formats import NotAnArticle, read_document
from .heap import gc_paused
from .parallel import MIN_PARALLEL, FileMeta, Outcome, clean_one, clean_paths, clean_safely

#: Files that sit beside saved pages but are never articles ("Save page as
#: complete" writes images, scripts and styles into a ``*_files`` folder).
ASSET_SUFFIXES = frozenset(
    ".css .js .mjs .map .png .jpg .jpeg .gif .webp .svg .ico .bmp .woff .woff2 .ttf .otf .eot "
    ".mp3 .mp4 .webm .ogg .wav .swf .json .xml .DS_Store".split()
)
#: A recurring watermark must be at least this long to be applied across files.
MIN_LIBRARY_MARK = 10


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str


def iter_files(root: str | os.PathLike[str]) -> Iterator[tuple[Path, str | None]]:
    """Candidate article files below ``root``: (path, reason to skip or None).

    Hidden files and folders and ``*_files`` asset folders are passed over
    silently; symlinks that leave the folder or loop are reported.
    """
    base = Path(root)
    try:
        real_root = base.resolve(strict=True)
    except OSError as exc:
        yield base, f"cannot open library folder: {exc.strerror or exc}"
        return
    seen_dirs: set[tuple[int, int]] = set()
    stack = [base]
    while stack:
        d = stack.pop()
        try:
            st = d.stat()
            key = (st.st_dev, st.st_ino)
            if key in seen_dirs:
                yield d, "skipped: symbolic link loop"
                continue
            seen_dirs.add(key)
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as exc:
            yield d, f"cannot read folder: {exc.strerror or exc}"
            continue
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            p = Path(e.path)
            if e.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    yield p, "skipped: broken symbolic link or link loop"
                    continue
                if not target.is_relative_to(real_root):
                    yield p, "skipped: symbolic link points outside the library folder"
                    continue
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not e.name.endswith("_files"):
                    subdirs.append(p)
                continue
            if p.suffix.lower() in ASSET_SUFFIXES:
                continue
            yield p, None
        stack.extend(reversed(subdirs))


def load_file(path: str | os.PathLike[str], library_marks: Iterable[str] = ()) -> Article:
    """Read and clean one file. Raises ``NotAnArticle`` with a one-line reason."""
    return clean_safely(read_document(path), library_marks)


class Loader:
    """Loads articles through the cache: cached ones at once, the rest cleaned on all cores.

    It remembers each file's watermarks and digest so that the library-wide
    watermark pass (``finish_marks``) needs no second read of unchanged files.
    """

    def __init__(self, cache: ArticleCache | None = None, *, nice: int = 0) -> None:
        """``nice``: niceness of the cleaning processes (the GUI's loads use
        ``parallel.BACKGROUND_NICE``; a command-line run wants every cycle)."""
        self.cache = cache
        self.nice = nice
        self.watermarks: dict[str, tuple[str, ...]] = {}
        self.meta: dict[str, FileMeta] = {}
        self.snapshot_used = False  # the last start read the cache's snapshot

    def run(
        self,
        paths: Sequence[str],
        cancelled: Callable[[], bool] | None = None,
        *,
        lazy: bool = False,
    ) -> Iterator[Outcome]:
        """Outcomes for ``paths``; with ``lazy``, cached articles come without
        their text, which is fetched on first use (or read in bulk by ``bodies_of``)."""
        misses: list[str] = []
        want: dict[str, FileMeta] = {}
        index = self.cache.stat_index() if self.cache else {}
        for p in paths:
            entry = index.get(p)
            if entry is None:
                misses.append(p)
                continue
            try:
                st = os.stat(p)
            except OSError:
                misses.append(p)
                continue
            if (st.st_mtime_ns, st.st_size) == entry[:2]:
                want[p] = FileMeta(entry[2], st.st_mtime_ns, st.st_size)
            else:
                misses.append(p)
        got = (
            self.cache.get_many((m.digest for m in want.values()), bodies=not lazy)
            if self.cache
            else {}
        )
        hits: list[Outcome] = []
        with gc_paused():  # hundreds of thousands of small objects, none garbage
            for p, meta in want.items():
                hit = got.get(meta.digest)
                if hit is None:
                    misses.append(p)
                    continue
                hits.append(self._hit(p, meta, hit[0], hit[1], hit[2]))
        del got
        yield from hits
        del hits
        pending: list[tuple[str, int, int, str, Article]] = []
        if self.cache is not None and len(misses) >= MIN_PARALLEL:
            # SQLite connections must not cross a fork: the workers would
            # inherit the file and could drop its locks when they exit
            self.cache.close()
        for path, outcome, fmeta in clean_paths(misses, cancelled=cancelled, nice=self.nice):
            if isinstance(outcome, Article) and fmeta is not None:
                self.watermarks[path] = watermarks_of(outcome)
                self.meta[path] = fmeta
                pending.append((path, fmeta.mtime_ns, fmeta.size, fmeta.digest, outcome))
                if len(pending) >= 200 and self.cache:
                    self.cache.put_many(pending)
                    pending = []
            yield path, outcome, fmeta
        if pending and self.cache:
            self.cache.put_many(pending)

    def _hit(
        self, path: str, meta: FileMeta, data: bytes, body: bytes | None, marks: bytes
    ) -> tuple[str, Article, FileMeta]:
        """An article from the cache; without ``body`` its text is fetched on first use."""
        return self._hit_fields(path, meta, marshal.loads(data), marshal.loads(marks), body)

    def _hit_fields(
        self,
        path: str,
        meta: FileMeta,
        fields: Sequence[Any],
        marks: Sequence[str],
        body: bytes | None = None,
    ) -> tuple[str, Article, FileMeta]:
        """``_hit`` from the metadata and watermarks already decoded (a snapshot's row)."""
        self.watermarks[path] = tuple(marks)
        self.meta[path] = meta
        source = body if body is not None else partial(self._fetch, path, meta.digest)
        return path, unpack_fields(fields, source, path), meta

    def remembered(self, root: str | os.PathLike[str]) -> list[tuple[str, Article, FileMeta]]:
        """The articles below ``root`` as the cache last saw them, without their
        text and without reading the folder: shown at once at start, while
        ``LibraryIndex.plan`` checks which files changed or went."""
        return [x for part in self.remembered_parts(root) for x in part]

    def remembered_parts(
        self, root: str | os.PathLike[str]
    ) -> Iterator[list[tuple[str, Article, FileMeta]]]:
        """``remembered`` in parts, as the cache returns them."""
        if self.cache is None:
            return
        snapshot = self.cache.snapshot(str(root))
        self.snapshot_used = snapshot is not None
        stored = snapshot is None  # (then the rows as stored: decoded here, part by part)
        for rows in self.cache.remembered_parts(str(root)) if snapshot is None else snapshot:
            with gc_paused():
                if stored:
                    rows = [
                        (p, t, n, h, marshal.loads(d), marshal.loads(w))
                        for p, t, n, h, d, w in rows
                    ]
                part = [
                    self._hit_fields(p, FileMeta(h, mtime, size), fields, marks)
                    for p, mtime, size, h, fields, marks in rows
                ]
            yield part

    def _fetch(self, path: str, digest: str) -> bytes:
        """The stored body of a lazy article; cleaned again if the cache lost it."""
        body = self.cache.body(digest) if self.cache else None
        if body is None:
            _p, art, _m = clean_one(path)
            body = encode_body([b.text for b in art.blocks] if isinstance(art, Article) else [])
        return body

    def bodies_of(self, articles: Sequence[Article]) -> dict[str, bytes]:
        """The stored bodies of lazy articles, by id, without giving them to the
        articles (indexing 100,000 texts must not keep them all in memory)."""
        lazy = [
            a
            for a in articles
            if isinstance(a.blocks, Blocks) and not a.blocks.loaded and a.path in self.meta
        ]
        if not lazy or self.cache is None:
            return {}
        bodies = self.cache.bodies(self.meta[a.path].digest for a in lazy)
        out = {}
        for a in lazy:
            body = bodies.get(self.meta[a.path].digest)
            if body is not None:
                out[a.id] = body
        return out

    def forget(self, paths: Iterable[str]) -> None:
        """Files that went: out of memory, and out of the cache's file list so
        that the next start does not show them again."""
        gone = list(paths)
        for p in gone:
            self.watermarks.pop(p, None)
            self.meta.pop(p, None)
        if gone and self.cache is not None:
            self.cache.forget(gone)

    def marks(self) -> list[str]:
        counts: Counter[str] = Counter()
        for wm in self.watermarks.values():
            counts.update(m for m in set(wm) if len(m) >= MIN_LIBRARY_MARK)
        return [m for m, _ in counts.most_common()]

    def finish_marks(self, articles: Sequence[Article]) -> list[Outcome]:
        """Articles cleaned again with watermarks found elsewhere in the library."""
        marks = self.marks()
        if not marks:
            return []
        mk = marks_key(marks)
        affected = []
        # the texts are read in bulk and looked at, not kept: at 100,000
        # articles keeping them all (giving each its body) held ~1.3 GB
        for i in range(0, len(articles), 900):
            part = articles[i : i + 900]
            bodies = self.bodies_of(part)
            for n, a in enumerate(part):
                if n % 16 == 15:
                    checkpoint()  # runs beside the GUI thread
                body = bodies.get(a.id)
                text = BODY_SEP.join(decode_body(body, len(a.blocks))) if body else a.text
                if _carries(text, marks):
                    affected.append(a)
        digests = [self.meta[a.path].digest for a in affected if a.path in self.meta]
        cached = self.cache.get_many(digests, marks=mk) if self.cache else {}
        out: list[Outcome] = []
        fresh: list[tuple[str, int, int, str, Article]] = []
        for a in affected:
            meta = self.meta.get(a.path)
            if meta is not None and meta.digest in cached:
                hit = cached[meta.digest]
                out.append((a.path, unpack(hit[0], hit[1], a.path), meta))
                continue
            path, art, m = clean_one(a.path, tuple(marks))
            if isinstance(art, Article) and m is not None:
                fresh.append((path, m.mtime_ns, m.size, m.digest, art))
                out.append((path, art, m))
        if fresh and self.cache:
            self.cache.put_many(fresh, marks=mk)
        return out


def _carries(text: str, marks: Sequence[str]) -> bool:
    return any(m in text for m in marks)


@dataclass(frozen=True)
class FileState:
    mtime_ns: int
    size: int


@dataclass
class Plan:
    """What changed in a library folder since it was last read."""

    to_clean: list[str] = field(default_factory=list)
    states: dict[str, FileState] = field(default_factory=dict)
    gone: list[str] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    present: set[str] = field(default_factory=set)  # every article file found


class LibraryIndex:
    """What is known of one library folder: files, their stats, articles, failures.

    ``plan`` compares the folder with what is known (new, changed, removed
    files) without cleaning anything, so watching a folder costs a walk and a
    ``stat`` per file; only changed files are cleaned again.
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.files: dict[str, FileState] = {}
        self.article_of: dict[str, str] = {}  # path → article id
        self.articles: dict[str, Article] = {}
        self.failures: dict[str, str] = {}

    def plan(self, known: Mapping[str, FileState] | None = None) -> Plan:
        """``known``: the file states to compare with, when not the index's own
        (at start, those of the remembered articles the window is taking in
        on another thread meanwhile)."""
        files = self.files if known is None else known
        plan = Plan()
        seen = plan.present
        for n, (path, skip) in enumerate(iter_files(self.root)):
            if n % 64 == 63:
                checkpoint()  # scanned on a worker beside the GUI thread
            p = str(path)
            if skip:
                plan.skipped.append(Failure(p, skip))
                continue
            try:
                st = path.stat()
            except OSError as exc:
                plan.skipped.append(Failure(p, f"cannot read: {exc.strerror or exc}"))
                continue
            seen.add(p)
            state = FileState(st.st_mtime_ns, st.st_size)
            if files.get(p) != state:
                plan.to_clean.append(p)
                plan.states[p] = state
        failures = list(self.failures) if known is None else []
        plan.gone = [p for p in [*files, *failures] if p not in seen]
        return plan

    def apply(
        self, path: str, outcome: Article | str, state: FileState | None
    ) -> tuple[Article | None, str | None]:
        """Record a cleaned file; returns (article added or replaced, id no longer present)."""
        old_id = self.article_of.pop(path, None)
        if state is not None:
            self.files[path] = state
        if isinstance(outcome, str):
            self.failures[path] = outcome
            if old_id and not self._has_path(old_id):
                self.articles.pop(old_id, None)
                return None, old_id
            return None, None
        self.failures.pop(path, None)
        self.article_of[path] = outcome.id
        self.articles[outcome.id] = outcome
        gone = None
        if old_id and old_id != outcome.id and not self._has_path(old_id):
            self.articles.pop(old_id, None)
            gone = old_id
        return outcome, gone

    def apply_many(
        self, items: Iterable[tuple[str, Article | str, FileState | None]]
    ) -> list[tuple[Article | None, str | None]]:
        """``apply`` for many (a start shows 100,000 remembered articles: the
        common case, a path seen for the first time, takes a fraction of it)."""
        files, failures, article_of, articles = (
            self.files,
            self.failures,
            self.article_of,
            self.articles,
        )
        out: list[tuple[Article | None, str | None]] = []
        for path, outcome, state in items:
            if path in article_of or path in failures or isinstance(outcome, str):
                out.append(self.apply(path, outcome, state))
                continue
            if state is not None:
                files[path] = state
            article_of[path] = outcome.id
            articles[outcome.id] = outcome
            out.append((outcome, None))
        return out

    def add_fresh(
        self, fresh: tuple[dict[str, FileState], dict[str, str], dict[str, Article]]
    ) -> bool:
        """Take a worker's ready entries for paths this index has never seen
        (three dict updates: a start's 100,000 articles without a Python loop);
        False, changing nothing, if any path is known already."""
        states, ids, arts = fresh
        if not self.article_of.keys().isdisjoint(ids) or not self.failures.keys().isdisjoint(ids):
            return False
        self.files.update(states)
        self.article_of.update(ids)
        self.articles.update(arts)
        return True

    def remove(self, path: str) -> str | None:
        """Forget a file that disappeared; returns the article id if it is gone too."""
        self.files.pop(path, None)
        self.failures.pop(path, None)
        aid = self.article_of.pop(path, None)
        if aid and not self._has_path(aid):
            self.articles.pop(aid, None)
            return aid
        return None

    def _has_path(self, article_id: str) -> bool:
        return article_id in self.article_of.values()


def same_text(files: Iterable[Path], known: Mapping[str, Article]) -> dict[Path, Article]:
    """The files whose text an article of the library already has (an article
    is its text: the same page saved twice is one article), with that article."""
    found: dict[Path, Article] = {}
    for f in files:
        try:
            doc = read_document(f)
        except NotAnArticle:
            continue
        art = known.get(content_id(doc.text))
        if art is not None:
            found[f] = art
    return found


def copy_into(root: Path, files: Iterable[Path]) -> list[tuple[Path, str | None]]:
    """Copy ``files`` into the library folder ``root``, never overwriting a file
    there (a name taken gets `` (1)``, `` (2)``…): each file with the reason it
    could not be copied, or None."""
    out: list[tuple[Path, str | None]] = []
    for src in files:
        if not src.is_file():
            continue
        target = root / src.name
        n = 1
        while target.exists():
            target = root / f"{src.stem} ({n}){src.suffix}"
            n += 1
        try:
            shutil.copy2(src, target)
            out.append((src, None))
        except OSError as exc:
            out.append((src, exc.strerror or str(exc)))
    return out
