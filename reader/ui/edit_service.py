"""The one way the app changes annotations: apply, undo, redo, save, reload, import.

Every view listens to one signal, ``changed(ChangeSet)``, instead of the window
pushing each change to each view by hand (Anki's ``operation_did_execute``).

Saving: a change is saved 300 ms after the last one, but never later than one
second after the first unsaved one, so a steady stream of edits is saved too
(a pure debounce never fired while the user kept typing). The write runs on a
worker; a failure is shown once and retried every five seconds, the changes
kept in memory. Another process's save (the CLI) is merged in when the
store's folder changes, and what came in is shown as a change from elsewhere.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..core.annotations import AnnotationError, History, Operation
from ..core.article import Article
from ..core.messages import Message
from ..core.store import Store, StoreError
from .core_text import tr_core
from .workers import Job, Tasks

if TYPE_CHECKING:
    from ..core.export.importing import ImportReport


@dataclass(frozen=True)
class ChangeSet:
    """What a change concerns: these articles, or (None) possibly any."""

    articles: frozenset[str] | None
    external: bool = False  # came from another program's save

    def touches(self, article_id: str) -> bool:
        return self.articles is None or article_id in self.articles


class EditService(QObject):
    changed = Signal(object)  # ChangeSet
    refused = Signal(str)  # an operation that could not be applied, in one sentence
    save_failed = Signal(str, bool)  # message, first time this message is seen
    saved = Signal()
    notice = Signal(str)  # something the store wants the user to know
    imported = Signal(object)  # ImportReport

    DEBOUNCE_MS = 300
    MAX_DELAY_MS = 1000
    RETRY_MS = 5000

    def __init__(self, store: Store, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self._closing = False
        self._first_unsaved = 0.0  # when the oldest unsaved change was made (0: none)
        self._save_again = False
        self._error: str | None = None
        self._told = len(store.messages)  # messages shown already (at start, by the window)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._save_now)
        self._retry = QTimer(self, singleShot=True, interval=self.RETRY_MS)
        self._retry.timeout.connect(self._save_now)
        self._disk_timer = QTimer(self, singleShot=True, interval=300)
        self._disk_timer.timeout.connect(self.reload_from_disk)
        self._watcher = QFileSystemWatcher([str(store.real_path.parent)], self)
        self._watcher.directoryChanged.connect(lambda _p: self._disk_timer.start())

    # -- reading
    @property
    def history(self) -> History:
        return self.store.history

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def error(self) -> str | None:
        """The last save failure not yet overcome."""
        return self._error

    # -- changing
    def apply(self, op: Operation, *, undoable: bool = True) -> bool:
        """Apply a user's operation; False (and ``refused``) if it cannot be."""
        try:
            self.store.apply(op, undoable=undoable)
        except AnnotationError as exc:
            self.refused.emit(str(exc))
            return False
        self._changed()
        return True

    def apply_or_raise(self, op: Operation) -> None:
        """Apply, letting ``AnnotationError`` reach the caller (a dialog that shows it)."""
        self.store.apply(op)
        self._changed()

    def apply_quietly(self, op: Operation) -> None:
        """A change the user did not make (re-anchoring, a reading position):
        not undoable, saved like any other, shown only if it concerns anything."""
        self.store.apply(op, undoable=False)
        if self.store.has_unsaved:
            self.schedule_save()
        if self.store.changed_articles != set():
            self._emit()

    def undo(self) -> bool:
        if self.store.undo() is None:
            return False
        self._changed()
        return True

    def redo(self) -> bool:
        if self.store.redo() is None:
            return False
        self._changed()
        return True

    def _changed(self) -> None:
        self._emit()
        self.schedule_save()

    def _emit(self, *, external: bool = False) -> None:
        ids = None if external else self.store.changed_articles
        self.changed.emit(ChangeSet(None if ids is None else frozenset(ids), external))

    # -- saving
    def schedule_save(self) -> None:
        """Save soon: after a pause in the changes, and at the latest one second
        after the first unsaved one."""
        if self.store.read_only or self._closing:
            return
        now = time.monotonic()
        if not self._first_unsaved:
            self._first_unsaved = now
        waited_ms = (now - self._first_unsaved) * 1000
        self._timer.start(int(max(0, min(self.DEBOUNCE_MS, self.MAX_DELAY_MS - waited_ms))))

    def _save_now(self) -> None:
        if self._closing:
            return
        if self.tasks.busy("save"):
            self._save_again = True
            return
        self._first_unsaved = 0.0
        self.tasks.run(
            "save", lambda _job: self.store.save(), on_result=self._done, on_error=self._failed
        )

    def _done(self, _result: Any) -> None:
        self._error = None
        self._retry.stop()
        self.saved.emit()
        self._tell()
        if self._save_again or self.store.has_unsaved:
            self._save_again = False
            self.schedule_save()

    def _failed(self, message: str, _tb: str) -> None:
        message = message.split(": ", 1)[-1] if message.startswith("Store") else message
        first = self._error != message
        self._error = message
        self.save_failed.emit(message, first)
        if not self._closing:
            self._retry.start()

    def _tell(self) -> None:
        """Pass on what the store said since we last looked (a backup that failed)."""
        for m in self.store.messages[self._told :]:
            self.notice.emit(tr_core(m))
        self._told = len(self.store.messages)
        new, self.store.new_conflicts = self.store.new_conflicts, []
        if new:
            self.notice.emit(
                self.tr(
                    "{n} value(s) changed by two programs at once; the other version is "
                    "kept in View ▸ Conflicts."
                ).format(n=len(new))
            )

    def reload_from_disk(self) -> bool:
        """Take in what another program saved; True if anything came in."""
        try:
            came = self.store.refresh()
        except StoreError as exc:
            self.notice.emit(str(exc))
            return False
        if came:
            self._emit(external=True)
            self._tell()
        return came

    def flush(self) -> str | None:
        """Save now, on this thread (closing): the error, or None when saved."""
        self._timer.stop()
        self._retry.stop()
        if self.store.read_only or not self.store.has_unsaved:
            return None
        try:
            self.store.save()
        except StoreError as exc:
            return str(exc)
        return None

    def close(self) -> None:
        self._closing = True
        for t in (self._timer, self._retry, self._disk_timer):
            t.stop()
        watched = self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def reopen(self) -> None:
        """Closing was cancelled (the user chose not to lose unsaved changes)."""
        self._closing = False

    # -- importing
    def import_file(self, path: Path, articles: list[Article]) -> None:
        """Plan an import on a worker (against a copy), apply it here as one step."""
        from ..core.export.importing import ImportCancelled, plan, read  # loads when first used

        with self.store.mutex:
            snapshot = self.store.doc.copy()

        def work(job: Job) -> tuple[Operation | None, ImportReport] | None:
            try:
                return plan(read(path), articles, snapshot, cancelled=lambda: job.cancelled)
            except ImportCancelled:
                return None

        self.tasks.run(
            "import",
            work,
            on_result=self._imported,
            on_error=lambda msg, _tb: self.refused.emit(
                self.tr("{error}\n\nNothing was imported.").format(
                    error=tr_core(msg) if isinstance(msg, Message) else msg.split(": ", 1)[-1]
                )
            ),
        )

    def _imported(self, result: tuple[Operation | None, ImportReport] | None) -> None:
        if result is None or self._closing:
            return
        op, report = result
        if op is not None and not self.apply(op):
            return  # refused, and nothing of it applied
        self.imported.emit(report)
