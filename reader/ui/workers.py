"""The one way to run work off the GUI thread.

``Tasks.run(fn, ...)`` runs ``fn`` in a thread pool and delivers its result,
error or progress to the GUI thread through signals. The signals live on a
``TaskHandle`` (a QObject the ``Tasks`` owner keeps alive until the task ends),
never on the QRunnable: a runnable can be deleted before its signal is
delivered. ``fn`` receives a ``Job`` to report progress and check for
cancellation; it must never touch widgets. ``Tasks.shutdown`` cancels and
waits for everything, so closing the window never destroys a running thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Job:
    """What a background function sees: progress reporting and cancellation."""

    def __init__(self, handle: TaskHandle) -> None:
        self._handle = handle
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, payload: Any = None) -> None:
        self._handle.progressed.emit(done, total, payload)


class TaskHandle(QObject):
    finished = Signal(object)  # the result
    failed = Signal(str, str)  # message, traceback
    progressed = Signal(int, int, object)
    ended = Signal()  # after finished/failed, always

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.job = Job(self)

    def cancel(self) -> None:
        self.job.cancel()


class _Runnable(QRunnable):
    def __init__(self, handle: TaskHandle, fn: Callable[[Job], Any]) -> None:
        super().__init__()
        self.handle = handle
        self.fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        h = self.handle
        try:
            result = self.fn(h.job)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, never lost
            h.failed.emit(f"{type(exc).__name__}: {exc}", traceback.format_exc())
        else:
            h.finished.emit(result)
        finally:
            h.ended.emit()


class Tasks(QObject):
    """Owns the pool and the handles of running tasks."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.active: set[TaskHandle] = set()

    def run(
        self,
        name: str,
        fn: Callable[[Job], Any],
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[str, str], None] | None = None,
        on_progress: Callable[[int, int, Any], None] | None = None,
    ) -> TaskHandle:
        handle = TaskHandle(name, self)
        if on_result is not None:
            handle.finished.connect(on_result)
        if on_error is not None:
            handle.failed.connect(on_error)
        if on_progress is not None:
            handle.progressed.connect(on_progress)
        handle.ended.connect(lambda: self._ended(handle))
        self.active.add(handle)
        self.pool.start(_Runnable(handle, fn))
        return handle

    def _ended(self, handle: TaskHandle) -> None:
        self.active.discard(handle)
        handle.deleteLater()

    def busy(self, name: str) -> bool:
        return any(h.name == name for h in self.active)

    def cancel(self, name: str) -> None:
        for h in list(self.active):
            if h.name == name:
                h.cancel()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel every task and wait for the threads; True if all stopped."""
        for h in list(self.active):
            h.cancel()
        return bool(self.pool.waitForDone(timeout_ms))
