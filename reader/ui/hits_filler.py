"""A search's hits for the rows on screen, worked out off the GUI thread.

The Found column shows each row's number of hits and a snippet. Working them
out reads the article's text (from the cache's database when it is not in
memory) and folds it: a screenful of rows cost 20-50 ms of the GUI thread at
every keystroke at 100,000 articles. The model asks for the rows it paints;
a worker works them out, and the model paints them when they come (a new
search drops what an older one still works on).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ..core.article import Article
from ..core.search import ArticleHits
from .workers import Job, Tasks

if TYPE_CHECKING:
    from .library_model import ArticleTableModel


class HitsFiller(QObject):
    def __init__(self, model: ArticleTableModel, tasks: Tasks, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.tasks = tasks
        self._wanted: list[Article] = []
        self._timer = QTimer(self, singleShot=True, interval=0)  # (one job per repaint)
        self._timer.timeout.connect(self._run)

    def want(self, a: Article) -> None:
        self._wanted.append(a)
        self._timer.start()

    def drop(self) -> None:
        """A new search: what an older one asked for is not wanted."""
        self._wanted.clear()
        self.tasks.cancel("hits")

    def _run(self) -> None:
        arts, self._wanted = self._wanted, []
        fn = self.model.hits_of
        if fn is None or not arts:
            return

        def work(job: Job) -> dict[str, ArticleHits]:
            out = {}
            for a in arts:
                if job.cancelled:
                    break
                out[a.id] = fn(a)
            return out

        self.tasks.run(
            "hits",
            work,
            on_result=lambda got: self.model.hits_came(fn, got),
            on_error=lambda _m, _tb: self.model.hits_came(fn, {}, [a.id for a in arts]),
        )
