"""A folder of saved articles: scanning, loading, cleaning, cross-document spam.

One bad file never stops the rest: each failure is kept as a ``Failure`` with
a one-line reason. Symlinks are followed only when they stay inside the
library folder, so a link to ``/`` or a link loop cannot make a load endless.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article
from .cleaning import clean
from .formats import NotAnArticle, RawDocument, read_document

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


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    cancelled: bool = False


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


def load_file(path: str | os.PathLike[str], **kw: object) -> Article:
    """Read and clean one file. Raises ``NotAnArticle`` with a one-line reason."""
    doc = read_document(path)
    return clean_safely(doc, **kw)  # type: ignore[arg-type]


def clean_safely(
    doc: RawDocument,
    library_marks: Iterable[str] = (),
) -> Article:
    """Clean, turning any unexpected cleaner error into a one-line reason."""
    try:
        return clean(doc, library_marks=tuple(library_marks))
    except RecursionError:
        raise NotAnArticle("page structure too deeply nested to clean") from None
    except MemoryError:
        raise NotAnArticle("page too large to clean in memory") from None
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a library load
        raise NotAnArticle(f"cleaner failed: {type(exc).__name__}: {exc}") from None


def library_marks(articles: Iterable[Article]) -> list[str]:
    """Watermarks found by repetition in some document, to apply to all.

    A scraper's slogan glued onto every paragraph of one page is often glued
    only once or twice onto another page of the same library: too few times to
    be found there alone.
    """
    counts: Counter[str] = Counter()
    for a in articles:
        for r in a.removed:
            if r.reason.startswith("repeated watermark") and len(r.text) >= MIN_LIBRARY_MARK:
                counts[r.text] += 1
    return [m for m, _ in counts.most_common()]


ProgressFn = Callable[[int, int, "Article | Failure"], None]


def load_folder(
    root: str | os.PathLike[str],
    *,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> LoadResult:
    """Load every article below ``root`` (sequentially; see ``parallel`` for more)."""
    result = LoadResult()
    files = list(iter_files(root))
    docs: list[RawDocument] = []
    total = len(files)
    for i, (path, skip) in enumerate(files):
        if cancelled is not None and cancelled():
            result.cancelled = True
            return result
        item: Article | Failure
        if skip:
            item = Failure(str(path), skip)
            result.failures.append(item)
        else:
            try:
                doc = read_document(path)
                item = clean_safely(doc)
                docs.append(doc)
                result.articles.append(item)
            except NotAnArticle as exc:
                item = Failure(str(path), str(exc))
                result.failures.append(item)
        if progress is not None:
            progress(i + 1, total, item)
    _apply_library_marks(result, docs)
    return result


def _apply_library_marks(result: LoadResult, docs: list[RawDocument]) -> None:
    marks = library_marks(result.articles)
    if not marks:
        return
    replaced = {
        a.path: a for a in reclean_marked(result.articles, marks, {d.path: d for d in docs})
    }
    result.articles = [replaced.get(a.path, a) for a in result.articles]


def reclean_marked(
    articles: list[Article], marks: list[str], docs: dict[str, RawDocument] | None = None
) -> list[Article]:
    """Clean again, with the library's watermarks, the articles that still carry one."""
    out: list[Article] = []
    if not marks:
        return out
    for a in articles:
        body = a.text
        if not any(m in body for m in marks):
            continue
        try:
            doc = (docs or {}).get(a.path) or read_document(a.path)
            out.append(clean_safely(doc, library_marks=marks))
        except NotAnArticle:
            continue
    return out


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

    def plan(self) -> Plan:
        plan = Plan()
        seen: set[str] = set()
        for path, skip in iter_files(self.root):
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
            if self.files.get(p) != state:
                plan.to_clean.append(p)
                plan.states[p] = state
        plan.gone = [p for p in list(self.files) + list(self.failures) if p not in seen]
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
