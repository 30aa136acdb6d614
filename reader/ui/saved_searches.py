"""Saved searches in the library sidebar, each with how many articles it finds now.

A researcher comes back to the same questions ("援疆 tag:教育 date:2021..",
"is:starred -is:read"). Saving one keeps its query under a name, in the
user's settings; the list shows each with a live count (worked out on a
worker whenever the library or the annotations change) and a click runs it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QWidget,
)

from .safe_text import plain
from .workers import Job, Tasks

Counter = Callable[[str], int | None]  # a query → how many articles it finds (None: an error)


class SavedSearches(QListWidget):
    chosen = Signal(str)  # the query to run

    KEY = "saved_searches"

    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setAccessibleName(self.tr("Saved searches"))
        self.setToolTip(
            self.tr("Saved searches: click to run one; right-click to rename or delete")
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemActivated.connect(self._run)
        self.itemClicked.connect(self._run)
        self.counts: dict[str, int | None] = {}
        self._count_with: tuple[Tasks, Counter] | None = None
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self._count)
        self.fill()

    # -- kept in the settings
    def saved(self) -> list[dict[str, str]]:
        raw = self.settings.get(self.KEY) if self.settings is not None else None
        try:
            items = json.loads(raw) if isinstance(raw, str) and raw else []
        except ValueError:
            return []
        return [
            {"name": str(i["name"]), "query": str(i["query"])}
            for i in items
            if isinstance(i, dict) and i.get("name") and i.get("query")
        ]

    def _store(self, items: list[dict[str, str]]) -> None:
        if self.settings is not None:
            self.settings.set(self.KEY, json.dumps(items, ensure_ascii=False))
        self.fill()
        self.recount()

    def add(self, parent: QWidget, query: str) -> None:
        """Save ``query`` under a name the user gives (the query itself by default)."""
        query = query.strip()
        if not query:
            return
        name, ok = QInputDialog.getText(
            parent, self.tr("Save search"), self.tr("Name of the search:"), text=query
        )
        if not ok or not name.strip():
            return
        items = [i for i in self.saved() if i["name"] != name.strip()]
        items.append({"name": name.strip(), "query": query})
        self._store(items)

    # -- shown
    def fill(self) -> None:
        self.clear()
        items = self.saved()
        for i in items:
            n = self.counts.get(i["query"], -1)
            count = "" if n == -1 else " (—)" if n is None else f" ({n:,})"
            it = QListWidgetItem(i["name"] + count)
            it.setData(Qt.ItemDataRole.UserRole, i["query"])
            it.setToolTip(plain(i["query"]))
            self.addItem(it)
        self.setVisible(bool(items))
        rows = min(len(items), 5)  # as tall as its rows (up to five; then it scrolls)
        if rows:
            h = self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 2
            self.setFixedHeight(h)

    def _run(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None:
            return
        name = self.saved()[self.row(item)]["name"]
        menu = QMenu(self)
        menu.addAction(self.tr("&Rename…"), lambda: self._rename(name))
        menu.addAction(
            self.tr("&Delete"), lambda: self._store([i for i in self.saved() if i["name"] != name])
        )
        menu.exec(self.viewport().mapToGlobal(pos))

    def _rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(
            self, self.tr("Rename search"), self.tr("New name:"), text=name
        )
        if ok and new.strip():
            self._store(
                [{**i, "name": new.strip()} if i["name"] == name else i for i in self.saved()]
            )

    # -- live counts
    def count_with(self, tasks: Tasks, counter: Counter) -> None:
        self._count_with = (tasks, counter)
        self.recount()

    def recount(self) -> None:
        """Count again soon (the library or the annotations changed)."""
        if self._count_with is not None and self.saved():
            self._timer.start()

    def _count(self) -> None:
        if self._count_with is None:
            return
        tasks, counter = self._count_with
        if tasks.busy("saved-searches"):
            self._timer.start()
            return
        queries = [i["query"] for i in self.saved()]

        def work(_job: Job) -> dict[str, int | None]:
            return {q: counter(q) for q in queries}

        def done(counts: dict[str, int | None]) -> None:
            self.counts = counts
            self.fill()

        tasks.run("saved-searches", work, on_result=done)
