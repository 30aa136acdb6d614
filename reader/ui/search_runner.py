"""Searches from the search box, run off the GUI thread.

A search asks the index (tantivy, which lets go of the interpreter lock while
it reads) and the store (tags, notes, colours, dates). At 100,000 articles the
first search of a word whose postings are not in the system's page cache took
72–209 ms on the GUI thread: the window froze while the user typed. A worker
does the whole search now, and the pane shows the rows when they come.

Only the newest search's result is shown (the user typed on). The store may
change under a running search (a highlight made meanwhile); the search then
looks again, and its result is shown only if it is still the newest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..core.annotations import Document
from ..core.matches import Matches
from ..core.query import Query, QueryError
from ..core.search import SearchIndex
from .workers import Job, Tasks

#: How often a search is tried again when the store changed while it read it.
ATTEMPTS = 3


@dataclass
class SearchResult:
    index: SearchIndex  # the library's index it was found in
    query: Query
    found: Matches  # the articles
    highlights: int  # how many highlights or notes hold the query's words


def search(index: SearchIndex, query: Query, doc: Document) -> SearchResult:
    """The whole search, as a worker runs it (raises ``QueryError``)."""
    for _ in range(ATTEMPTS - 1):
        try:
            return _search_once(index, query, doc)
        except RuntimeError:  # "dictionary changed size during iteration": an edit
            continue
    return _search_once(index, query, doc)


def _search_once(index: SearchIndex, query: Query, doc: Document) -> SearchResult:
    found = index.find(query, doc)
    n = len(index.highlights(query, doc)) if query.words() else 0
    return SearchResult(index, query, found, n)


class SearchRunner(QObject):
    """Runs one search at a time for the pane; reports the newest only."""

    finished = Signal(object)  # a SearchResult
    mistaken = Signal(object)  # a QueryError found while searching
    failed = Signal(object)  # what went wrong (a str or a core Message)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._newest = 0  # the ticket of the newest search: only its result is shown

    def run(self, tasks: Tasks, index: SearchIndex, query: Query, doc: Document) -> None:
        self._newest += 1
        ticket = self._newest

        def work(_job: Job) -> SearchResult | QueryError:
            try:
                return search(index, query, doc)
            except QueryError as exc:  # (a date the calendar lacks, found late)
                return exc

        tasks.run(
            "search",
            work,
            on_result=lambda r: self._done(ticket, r),
            on_error=lambda msg, _tb: self._failed(ticket, msg),
        )

    def forget(self) -> None:
        """A search still running is no longer wanted (the box was cleared)."""
        self._newest += 1

    def _done(self, ticket: int, result: Any) -> None:
        if ticket != self._newest:
            return
        if isinstance(result, QueryError):
            self.mistaken.emit(result)
        else:
            self.finished.emit(result)

    def _failed(self, ticket: int, msg: Any) -> None:
        if ticket != self._newest:
            return
        self.failed.emit(msg)
