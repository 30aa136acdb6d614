"""Loading a library folder: one pipeline for the app and the command line.

``refresh`` compares the folder with what a ``LibraryIndex`` knows, takes
unchanged files from the cache, cleans the rest on every core, applies the
watermarks found across the library, and yields what it found in typed
batches. The command line runs it to the end at once (``library.load_folder``);
the app runs it on a worker and shows each batch as it comes.

A first load can start with the articles the cache remembers for the folder
(``remembered_first``), shown before the folder is read: the ~10,000 ``stat``
calls that find what changed (a quarter of a warm start) come after, and only
what changed or went is applied then.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .article import Article
from .cache import ArticleCache
from .courtesy import checkpoint
from .library import Failure, FileState, LibraryIndex, Loader

#: A batch is sent after this long or this many files, whichever comes first.
#: A GUI thread takes a batch in one go (~30-90 µs an article): 2,000 from the
#: cache held a window for ~140 ms; smaller batches mean more table repaints
#: (400 made a warm start slower: 1.69 s against 1.27 s).
BATCH_SECONDS = 0.15
BATCH_MAX = 2000


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    cancelled: bool = False
    marks: list[str] = field(default_factory=list)  # watermarks found across the library
    cleaned: list[Article] = field(default_factory=list)  # the cleaner's, when corrected
    #: the stored texts of lazily loaded articles, by id, without keeping them
    bodies: Callable[[Sequence[Article]], dict[str, bytes]] | None = None


ProgressFn = Callable[[int, int, "Article | Failure"], None]


Item = tuple[str, "Article | str", "FileState | None"]  # path, article or reason, file state


@dataclass
class Batch:
    """Files read, cleaned or failed; ``state`` None: the file itself is unchanged."""

    items: list[Item]
    done: int
    total: int
    remembered: bool = False  # from the cache's memory, before the folder was read
    #: all new paths, all articles (a start): the index's entries, made by the worker
    fresh: tuple[dict[str, FileState], dict[str, str], dict[str, Article]] | None = None


@dataclass
class Finished:
    gone: list[str] = field(default_factory=list)  # files that went
    skipped: list[Failure] = field(default_factory=list)  # found but not loadable
    cancelled: bool = False
    dirs: list[str] = field(default_factory=list)  # folders holding articles (to watch)


def refresh(
    index: LibraryIndex,
    loader: Loader,
    known: Sequence[Article] = (),
    *,
    cancelled: Callable[[], bool] | None = None,
    remembered_first: bool = True,
    lazy: bool = True,
) -> Iterator[Batch | Finished]:
    """What changed in ``index``'s folder, as ``Batch`` es and a final ``Finished``.

    ``known``: the articles shown already (their texts may be needed for the
    library-wide watermark pass). Nothing here changes ``index``: the caller
    applies each item (``LibraryIndex.apply``) and removes what went.
    """
    stop = cancelled or (lambda: False)
    remembered: dict[str, FileState] = {}
    shown: list[Article] = []
    first = remembered_first and not index.files and not index.failures and not known
    if first:
        # shown as the cache returns them: the first rows while the rest are read
        for part in loader.remembered_parts(index.root):
            states = {p: FileState(m.mtime_ns, m.size) for p, _a, m in part}
            chunk: list[Item] = [(p, a, states[p]) for p, a, _m in part]
            ready = (states, {p: a.id for p, a, _m in part}, {a.id: a for _p, a, _m in part})
            remembered.update(states)
            shown += [a for _p, a, _m in part]
            yield Batch(chunk, len(remembered), 0, remembered=True, fresh=ready)
    plan = index.plan(remembered or None)
    total = len(plan.to_clean)
    batch: list[Item] = []
    fresh: dict[str, Article] = {}
    last = time.monotonic()
    done = 0
    for path, outcome, _meta in loader.run(plan.to_clean, cancelled=stop, lazy=lazy):
        done += 1
        if done % 16 == 0:
            checkpoint()  # step aside while a window repaints
        batch.append((path, outcome, plan.states.get(path)))
        if isinstance(outcome, Article):
            fresh[path] = outcome
        if len(batch) >= BATCH_MAX or time.monotonic() - last > BATCH_SECONDS or done == total:
            yield Batch(batch, done, total)
            batch, last = [], time.monotonic()
    if stop():
        if batch:
            yield Batch(batch, done, total)
        yield Finished(skipped=plan.skipped, cancelled=True)
        return
    loader.forget(plan.gone)
    # watermarks found in some pages, applied to all
    gone = set(plan.gone)
    everything = list(fresh.values()) + [
        a for a in [*known, *shown] if a.path not in fresh and a.path not in gone
    ]
    batch += [(p, a, None) for p, a, _m in loader.finish_marks(_unique(everything))]
    if batch:
        yield Batch(batch, done, total)
    # the next start reads the library in one piece (a snapshot) when it changed
    if loader.cache is not None and (
        plan.to_clean or plan.gone or (first and not loader.snapshot_used)
    ):
        loader.cache.write_snapshot(str(index.root))
    # from the plan, not from ``index.files``, which a GUI thread may be filling
    dirs = sorted({os.path.dirname(p) for p in plan.present})
    yield Finished(gone=plan.gone, skipped=plan.skipped, dirs=dirs)


def _unique(articles: list[Article]) -> list[Article]:
    seen: set[str] = set()
    out = []
    for a in articles:
        if a.path not in seen:
            seen.add(a.path)
            out.append(a)
    return out


def load_folder(
    root: str | os.PathLike[str],
    *,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
    cache: ArticleCache | None = None,
    lazy: bool = False,
) -> LoadResult:
    """Load every article below ``root`` (through ``cache`` when given): the
    same pipeline the app's library runs (``pipeline.refresh``), to the end.
    ``lazy``: texts from the cache are read when first needed (``result.bodies``
    reads many without keeping them)."""
    index = LibraryIndex(root)
    loader = Loader(cache)
    result = LoadResult()
    done = 0
    finished = Finished()
    for step in refresh(index, loader, cancelled=cancelled, remembered_first=False, lazy=lazy):
        if isinstance(step, Finished):
            finished = step
            break
        for path, outcome, state in step.items:
            index.apply(path, outcome, state)
            if progress is not None and state is not None:
                done += 1
                item = outcome if isinstance(outcome, Article) else Failure(path, outcome)
                progress(done, step.total, item)
    result.cancelled = finished.cancelled
    result.failures = [Failure(p, r) for p, r in index.failures.items()] + finished.skipped
    result.articles = sorted(index.articles.values(), key=lambda a: a.path)
    result.marks = loader.marks()
    result.bodies = loader.bodies_of
    return result
