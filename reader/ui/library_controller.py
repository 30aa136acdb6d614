"""One library folder in the app: loading it, keeping it current, its rows.

A ``LibraryController`` exists per library; opening another folder replaces
it (the old one is shut down, so whatever its workers still deliver goes
nowhere: no "is this still the current load?" checks). It runs the core's
load pipeline (``pipeline.refresh``) on a worker and takes its batches into
its table model; then, one background job after another, it sorts the rows,
re-anchors annotations for files that changed (``sync``) and builds the
search index. It watches the folder (and, up to a limit, the files) and
looks again every minute for changes no watcher reports.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..core import overrides, rules
from ..core.annotations import BuiltGroups, Document
from ..core.article import Article
from ..core.cache import ArticleCache
from ..core.library import Failure, FileState, LibraryIndex, Loader
from ..core.parallel import BACKGROUND_NICE
from ..core.pipeline import Batch, Finished, Item, refresh
from ..core.records import Rule
from ..core.search import SearchIndex, folder_for
from ..core.sync import CorrectText, Reconcile, ReconcilePlan
from ..core.sync import plan as plan_reconcile
from .edit_service import ChangeSet, EditService
from .hits_filler import HitsFiller
from .library_model import ArticleTableModel
from .workers import Job, Tasks

_ID = attrgetter("id")

#: Above this many files only folders are watched (inotify watches are a shared,
#: limited resource); edits are then found by the periodic look.
MAX_WATCHED_FILES = 4000


@dataclass
class LoadSummary:
    articles: int
    failures: list[Failure] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0


class LibraryController(QObject):
    progress = Signal(int, int)  # done, total (0, 0: started, size unknown)
    loaded = Signal(object)  # LoadSummary, after each load's batches are in
    ready = Signal()  # a load is complete: rows sorted, annotations reconciled
    failed = Signal(str)
    article_replaced = Signal(str)  # this article was cleaned again (its file changed)
    article_moved = Signal(str, str)  # old id, new id: its file was edited (new text, new id)
    search_ready = Signal()  # the search index holds the articles shown
    index_progress = Signal(int, int)  # articles indexed for search, of; (0, 0): done

    def __init__(
        self,
        root: Path,
        cache: ArticleCache | None,
        edits: EditService,
        tasks: Tasks,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = root
        self.edits = edits
        self.tasks = tasks
        self.index = LibraryIndex(root)
        self.loader = Loader(cache, nice=BACKGROUND_NICE)
        self.model = ArticleTableModel(edits.store, self)
        filler = HitsFiller(self.model, tasks, self)
        self.model.fill_hits, self.model.drop_hits = filler.want, filler.drop
        self.search_index = SearchIndex(folder_for(root) if cache is not None else None)
        self._running = False
        self._again = False
        self._index_again = False
        self._closed = False
        self._started = 0.0
        self._reload_timer = QTimer(self, singleShot=True, interval=600)
        self._reload_timer.timeout.connect(self.load)
        self._poll_timer = QTimer(self, interval=60_000)
        self._poll_timer.timeout.connect(self.load)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self._reload_timer.start())
        self.watcher.fileChanged.connect(lambda _p: self._reload_timer.start())
        self._rules_seen: dict[str, Rule] = dict(edits.store.doc.rules)
        edits.changed.connect(self._corrections_changed)

    @property
    def loading(self) -> bool:
        return self._running

    @property
    def articles(self) -> dict[str, Article]:
        return self.model.all

    # -- loading
    def load(self) -> None:
        """Read the folder (again): what changed is cleaned, what went removed."""
        if self._closed:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._started = time.monotonic()
        self.progress.emit(0, 0)
        self._index_highlights()
        known = list(self.index.articles.values())
        index, loader = self.index, self.loader

        def work(job: Job) -> Finished:
            finished = Finished()
            for step in refresh(index, loader, known, cancelled=lambda: job.cancelled):
                if isinstance(step, Finished):
                    finished = step
                else:
                    job.progress(step.done, step.total, step)
            return finished

        self.tasks.run(
            "load",
            work,
            on_result=self._done,
            on_error=self._failed,
            on_progress=lambda d, n, b: self._batch(d, n, b),
        )

    def cancel(self) -> None:
        self.tasks.cancel("load")
        self.tasks.cancel("index")  # (what is indexed stays; the rest waits for the next start)

    def _index_highlights(self) -> None:
        """Highlights by article (the table's counts) built on a worker, not in
        the first repaint that asks for a count (30-50 ms for 20,000)."""
        doc = self.edits.store.doc
        snapshot = doc.groups_snapshot()
        if snapshot is None:
            return
        self.tasks.run(
            "highlight index",
            lambda _job: doc.build_groups(snapshot),
            on_result=lambda built: self._adopt_groups(doc, built),
        )

    def _adopt_groups(self, doc: Document, built: BuiltGroups) -> None:
        if doc is self.edits.store.doc:
            doc.adopt_groups(built)

    def _batch(self, done: int, total: int, batch: Batch) -> None:
        if self._closed:
            return
        self.progress.emit(done, total)
        if batch.fresh is not None and self.index.add_fresh(batch.fresh):
            self._take_fresh(list(batch.fresh[2].values()))
        else:
            self._take(batch.items)
        # Articles live as long as the library: keep the cyclic GC from scanning
        # the growing heap again and again (full collections took 100-300 ms on
        # the GUI thread during a 10,000-article load).
        gc.freeze()

    def _take_fresh(self, arts: list[Article]) -> None:
        """Articles new to the library (a start), already in the index."""
        doc = self.edits.store.doc
        if doc.rules or any(st.meta for st in doc.articles.values()):
            arts = [self.present(a) for a in arts]
        self.model.add_articles(arts, keep_order=self._running)

    def _take(self, items: list[Item]) -> None:
        added: list[Article] = []
        gone: list[str] = []
        moved: list[tuple[str, str]] = []
        for art, old in self.index.apply_many(items):
            if art is not None:
                added.append(self.present(art))
                if old and old != art.id:
                    moved.append((old, art.id))
            if old:
                gone.append(old)
        if gone:
            self.model.remove_ids(gone)
        if not added:
            return
        shown = self.model.all
        replaced = [a for a in added if a.id in shown] if shown else []
        self.model.add_articles(added, keep_order=self._running)
        for a in replaced:
            self.article_replaced.emit(a.id)
        for old_id, new_id in moved:
            self.article_moved.emit(old_id, new_id)

    def present(self, art: Article) -> Article:
        """The article as the user corrected it: its text by the rules, then its
        metadata (the index keeps the cleaner's)."""
        doc = self.edits.store.doc
        st = doc.articles.get(art.id)
        meta = st.meta if st is not None else None
        if not doc.rules:
            return overrides.apply(art, meta) if meta else art
        return rules.present(art, doc.rules.values(), meta, self._page_lines)

    def _page_lines(self, art: Article) -> Sequence[tuple[str, bool]]:
        return rules.page_lines(self.loader.marks())(art)

    def _corrections_changed(self, change: ChangeSet) -> None:
        """A title, date, source… the user corrected (or reset), a rule made,
        undone or changed elsewhere: show it everywhere, and move the
        highlights of articles whose text changed (when the change itself has
        not: an undo, another program's rule)."""
        shown = self.model.all
        ids = shown.keys() if change.articles is None else change.articles & shown.keys()
        texts = self._rule_scope()
        fixed, moved = [], []
        for aid in list(set(ids) | texts):
            raw = self.index.articles.get(aid)
            cur = shown.get(aid)
            if raw is None or cur is None:
                continue
            art = self.present(raw)
            if art is cur:
                continue
            if aid in texts and rules.differs(cur, art):
                moved.append(art)
                fixed.append(art)
            elif any(getattr(art, f) != getattr(cur, f) for f in overrides.FIELDS):
                fixed.append(art)
        if not fixed:
            return
        titles = any(a.title != shown[a.id].title for a in fixed)
        self.model.add_articles(fixed)
        if moved:
            self.edits.apply_quietly(CorrectText(moved))
        for a in fixed:
            self.article_replaced.emit(a.id)
        if (titles or moved) and not self._running:
            self._reindex()  # (searches find the title and text the user sees)

    def _rule_scope(self) -> set[str]:
        """The articles a change of the store's rules since last time may concern."""
        now_rules = self.edits.store.doc.rules
        if now_rules == self._rules_seen:
            return set()
        was, self._rules_seen = self._rules_seen, dict(now_rules)
        changed = [r for k, r in was.items() if now_rules.get(k) != r]
        changed += [r for k, r in now_rules.items() if was.get(k) != r]
        return {
            a.id for a in self.index.articles.values() if any(rules.in_scope(r, a) for r in changed)
        }

    def _done(self, finished: Finished) -> None:
        if self._closed:
            return
        gone = [aid for aid in map(self.index.remove, finished.gone) if aid]
        if gone:
            self.model.remove_ids(gone)  # rebuilds the rows, sorted
        gc.freeze()
        failures = [Failure(p, r) for p, r in self.index.failures.items()] + finished.skipped
        summary = LoadSummary(
            len(self.index.articles),
            failures,
            finished.cancelled,
            time.monotonic() - self._started,
        )
        self._watch(finished.dirs)
        self.loaded.emit(summary)
        # the rest in later turns of the event loop, one background job after
        # the other: each beside the GUI thread takes a share of the
        # interpreter lock its repaints need
        self._sort_rows(lambda: self._reconcile(self._finish), needed=not gone)

    def _failed(self, message: str, _tb: str) -> None:
        self._running = False
        if not self._closed:
            self.failed.emit(message)

    def _finish(self) -> None:
        self._running = False
        if self._closed:
            return
        self.ready.emit()
        self._reindex()
        if self._again:
            self._again = False
            self._reload_timer.start()

    def _sort_rows(self, then: Callable[[], None], *, needed: bool = True) -> None:
        """Sort the rows that came in load order, comparing keys on a worker
        (30-50 ms for 10,000 rows on the GUI thread), then call ``then``."""
        job = self.model.sorting_job() if needed else None
        if job is None:
            QTimer.singleShot(0, then)
            return

        def done(result: object) -> None:
            if not self.model.apply_sorted(result):  # type: ignore[arg-type]
                self.model.resort()  # the rows changed meanwhile
            then()

        def failed(_m: str, _t: str) -> None:
            self.model.resort()
            then()

        self.tasks.run("sort", lambda _job: job(), on_result=done, on_error=failed)

    def _reconcile(self, then: Callable[[], None]) -> None:
        """Re-anchor highlights and follow edited files: planned on a worker (it
        reads the texts of every annotated article: 0.7 s at 20,000 highlights
        on the GUI thread), applied here one part per turn of the event loop."""
        shown = self.model.all  # (the text the user sees: with the rules)
        known = list(self.index.articles.values())
        articles = list(map(shown.get, map(_ID, known), known))  # (in C: 100,000 of them)
        store, loader = self.edits.store, self.loader
        doc = store.doc

        def work(_job: Job) -> ReconcilePlan:
            return plan_reconcile(doc, articles, bodies=loader.bodies_of)

        def step(parts: list[ReconcilePlan]) -> None:
            if self._closed:
                return  # nothing more to start: the tasks are shut down
            if store.doc is doc and parts:
                self.edits.apply_quietly(Reconcile(articles, plan=parts[0]))
                if len(parts) > 1:
                    QTimer.singleShot(0, lambda: step(parts[1:]))
                    return
            then()

        def failed(message: str, _tb: str) -> None:
            if self._closed:
                return
            self.failed.emit(
                self.tr("Could not update annotations for changed files: {error}").format(
                    error=message
                )
            )
            then()

        self.tasks.run("reconcile", work, on_result=lambda p: step(p.parts()), on_error=failed)

    def _reindex(self) -> None:
        """Bring the search index up to the articles shown, off the GUI thread
        (the first time at 100,000 articles: about a minute; then only what
        changed), with progress; searches use what is indexed meanwhile."""
        if self.tasks.busy("index"):
            self._index_again = True
            return
        self._index_again = False
        articles = list(self.model.all.values())
        index, loader = self.search_index, self.loader
        highlights, order = list(self.edits.store.doc.highlights.values()), self.model.order()

        def build(job: Job) -> bool:
            index.set_articles(articles)

            def step(done: int, total: int) -> bool:
                job.progress(done, total, None)
                return not job.cancelled

            complete = index.sync(loader.bodies_of, step)
            if complete:  # (what the first search would do on the GUI thread: 0.9 s at 100k)
                index.warm(highlights, order)
            return complete

        self.tasks.run(
            "index",
            build,
            on_result=self._indexed,
            on_error=lambda m, _tb: self.failed.emit(
                self.tr("Could not index the library for search: {error}").format(error=m)
            ),
            on_progress=lambda d, n, _p: self.index_progress.emit(d, n),
        )

    def highlight_ids(self, query: str) -> set[str]:
        """The highlights ``query`` finds (All Highlights; raises ``QueryError``)."""
        return {h.id for h in self.search_index.highlights(query, self.edits.store.doc)}

    def _indexed(self, _complete: bool) -> None:
        if self._closed:
            return
        self.index_progress.emit(0, 0)
        self.search_ready.emit()
        if self._index_again:  # (once this task has ended: the next turn of the loop)
            QTimer.singleShot(0, self._reindex)

    def _watch(self, dirs: list[str]) -> None:
        """Watch the folders (files added/removed) and, up to a limit, the files (edits)."""
        current = set(self.watcher.directories()) | set(self.watcher.files())
        wanted = set(dirs) | {str(self.root)}
        if len(self.index.files) <= MAX_WATCHED_FILES:
            wanted |= set(self.index.files)
        new = sorted(wanted - current)
        if new:
            self.watcher.addPaths(new)
            # a file edited after it was read and before it was watched sends
            # nothing: look at those once (a stat each, only the new ones)
            files = self.index.files
            if any(p in files and _state(p) != files[p] for p in new):
                self._again = True
        if current - wanted:
            self.watcher.removePaths(sorted(current - wanted))
        self._poll_timer.start()

    def shutdown(self, wait_ms: int = 10000) -> None:
        """Stop watching and loading; nothing this controller started delivers after."""
        self._closed = True
        self._reload_timer.stop()
        self._poll_timer.stop()
        watched = self.watcher.directories() + self.watcher.files()
        if watched:
            self.watcher.removePaths(watched)
        self.cancel()
        self.tasks.wait(wait_ms)


def _state(path: str) -> FileState | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileState(st.st_mtime_ns, st.st_size)
