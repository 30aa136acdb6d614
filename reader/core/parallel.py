"""Cleaning many files on every core.

Cleaning is CPU-bound Python; threads would share one core under the GIL, so
large batches go to worker processes. Small batches stay in-process: starting
workers costs more than it saves below a few dozen files.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .article import Article
from .formats import NotAnArticle, RawDocument, read_document

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

#: Below this many files, clean in-process.
MIN_PARALLEL = 24


@dataclass(frozen=True)
class FileMeta:
    """What the cache needs to know of the file an article came from."""

    digest: str
    mtime_ns: int
    size: int


Outcome = tuple[str, "Article | str", "FileMeta | None"]  # path, article or reason, file


def clean_safely(doc: RawDocument, library_marks: Iterable[str] = ()) -> Article:
    """Clean, turning any unexpected cleaner error into a one-line reason."""
    from .cleaning import clean  # lxml et al. load only when cleaning

    try:
        return clean(doc, library_marks=tuple(library_marks))
    except RecursionError:
        raise NotAnArticle("page structure too deeply nested to clean") from None
    except MemoryError:
        raise NotAnArticle("page too large to clean in memory") from None
    except Exception as exc:  # one bad page must not stop a library load
        raise NotAnArticle(f"cleaner failed: {type(exc).__name__}: {exc}") from None


def clean_one(path: str, library_marks: tuple[str, ...] = ()) -> Outcome:
    try:
        doc = read_document(path)
        return path, clean_safely(doc, library_marks), FileMeta(doc.digest, doc.mtime_ns, doc.size)
    except NotAnArticle as exc:
        return path, str(exc), None


#: Niceness of the worker processes of a GUI's load. They use every core; the
#: GUI thread beside them (and the user's other programs) should still get the
#: CPU first: two busy workers on a 2-core laptop stretched table repaints to
#: 250 ms. On an idle machine it changes nothing.
BACKGROUND_NICE = 10


def _lower_priority(nice: int) -> None:
    if not nice:
        return
    with contextlib.suppress(AttributeError, OSError):  # not POSIX, or refused
        os.nice(nice)


def worker_count() -> int:
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        n = os.cpu_count() or 1
    return max(1, n)


def _context() -> BaseContext:
    # imported here: multiprocessing costs ~35 ms at start, and a warm start cleans nothing
    import multiprocessing as mp

    # fork is fastest, but forking a process that runs other threads (a GUI,
    # a thread pool) can deadlock the child; then use forkserver.
    methods = mp.get_all_start_methods()
    forced = os.environ.get("READER_MP_CONTEXT")  # for tests and diagnosis
    if forced in methods:
        return mp.get_context(forced)
    if "fork" in methods and threading.active_count() == 1:
        return mp.get_context("fork")
    if "forkserver" in methods:
        return mp.get_context("forkserver")
    return mp.get_context("spawn")


def clean_paths(
    paths: Sequence[str],
    *,
    workers: int | None = None,
    cancelled: Callable[[], bool] | None = None,
    nice: int = 0,
) -> Iterator[Outcome]:
    """Clean ``paths``, yielding (path, Article or reason, FileMeta) in input order."""
    n = workers or worker_count()
    if n <= 1 or len(paths) < MIN_PARALLEL:
        for p in paths:
            if cancelled is not None and cancelled():
                return
            yield clean_one(p)
        return
    from concurrent.futures import ProcessPoolExecutor  # see _context

    chunk = max(1, min(32, len(paths) // (n * 8)))
    with ProcessPoolExecutor(
        max_workers=n,
        mp_context=_context(),
        initializer=_lower_priority,
        initargs=(nice,),
    ) as pool:
        it = pool.map(clean_one, paths, chunksize=chunk)
        try:
            for outcome in it:
                yield outcome
                if cancelled is not None and cancelled():
                    break
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
