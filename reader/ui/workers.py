"""The one way to run work off the GUI thread.

``Tasks.run(fn, ...)`` runs ``fn`` in a thread pool and delivers its result,
error or progress to the GUI thread as signals of a ``TaskHandle``. ``fn``
receives a ``Job`` to report progress and check for cancellation; it must
never touch widgets.

Worker threads never touch Qt at all: they put what they have to say on a
queue, and the GUI thread drains it on a short timer and emits the signals
itself. (Emitting PySide signals from several Python threads at once corrupts
reference counts in PySide6 6.12 — seen here as "deallocating True" crashes —
and a queue is simpler to reason about anyway.) ``Tasks.shutdown`` cancels
and joins everything, so closing the window never leaves a thread running.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from ..core import courtesy
from ..core.messages import Message


class Job:
    """What a background function sees: progress reporting and cancellation."""

    def __init__(self, handle: TaskHandle, out: queue.SimpleQueue[tuple[Any, ...]]) -> None:
        self._handle = handle
        self._out = out
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, payload: Any = None) -> None:
        self._out.put(("progress", self._handle, done, total, payload))


class TaskHandle(QObject):
    finished = Signal(object)  # the result
    failed = Signal(object, str)  # message (str, or a core Message), traceback
    progressed = Signal(int, int, object)
    ended = Signal()  # after finished/failed, always

    def __init__(
        self, name: str, out: queue.SimpleQueue[tuple[Any, ...]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.job = Job(self, out)

    def cancel(self) -> None:
        self.job.cancel()


SWITCH_INTERVAL_S = 0.0002


class Tasks(QObject):
    """Owns the thread pool and the handles of running tasks."""

    PUMP_MS = 10
    SLICE_S = 0.015

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        # Every Python callback of a repaint (a model's data(), a delegate's
        # paint) takes the interpreter lock; with a worker running Python it
        # waits up to the switch interval for it. At Python's default 5 ms a
        # table repaint measured 1,150 ms beside a busy worker (15 ms alone);
        # at 0.2 ms, 80 ms. Workers pay a little in more frequent switches.
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        # and while the window repaints, workers step aside at their checkpoints
        if parent is not None:
            parent.installEventFilter(self)
        self._max_threads = max_threads
        self._stopped = False
        self._pool = ThreadPoolExecutor(max_workers=max_threads, thread_name_prefix="reader-task")
        self._queue: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._futures: dict[TaskHandle, Future[None]] = {}
        self.active: set[TaskHandle] = set()
        self._timer = QTimer(self, interval=self.PUMP_MS)
        self._timer.timeout.connect(self.pump)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and not courtesy.gui_is_busy():
            courtesy.gui_busy()
            QTimer.singleShot(0, courtesy.gui_free)  # runs once this repaint is done
        return False

    def run(
        self,
        name: str,
        fn: Callable[[Job], Any],
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[str, str], None] | None = None,
        on_progress: Callable[[int, int, Any], None] | None = None,
    ) -> TaskHandle:
        if self._stopped:  # a quit that was cancelled: work again
            self._pool = ThreadPoolExecutor(
                max_workers=self._max_threads, thread_name_prefix="reader-task"
            )
            self._stopped = False
        handle = TaskHandle(name, self._queue, self)
        if on_result is not None:
            handle.finished.connect(on_result)
        if on_error is not None:
            handle.failed.connect(on_error)
        if on_progress is not None:
            handle.progressed.connect(on_progress)
        self.active.add(handle)
        out = self._queue

        def work() -> None:
            try:
                result = fn(handle.job)
            except Exception as exc:  # reported to the GUI, never lost
                said = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else None
                msg = said or f"{type(exc).__name__}: {exc}"  # (a Message: the app translates it)
                out.put(("failed", handle, msg, traceback.format_exc()))
            else:
                out.put(("finished", handle, result))

        self._futures[handle] = self._pool.submit(work)
        self._timer.start()
        return handle

    def pump(self) -> None:
        """Deliver what the workers said (GUI thread), for at most one time slice:
        the event loop must get its turn between deliveries."""
        deadline = time.monotonic() + self.SLICE_S
        while time.monotonic() < deadline:
            try:
                msg = self._queue.get_nowait()
            except queue.Empty:
                break
            kind, handle = msg[0], msg[1]
            if kind == "progress":
                handle.progressed.emit(msg[2], msg[3], msg[4])
                continue
            if kind == "finished":
                handle.finished.emit(msg[2])
            else:
                handle.failed.emit(msg[2], msg[3])
            self.active.discard(handle)
            self._futures.pop(handle, None)
            handle.ended.emit()
            handle.deleteLater()
        if not self.active and self._queue.empty():
            self._timer.stop()

    def busy(self, name: str) -> bool:
        return any(h.name == name for h in self.active)

    def cancel(self, name: str) -> None:
        for h in list(self.active):
            if h.name == name:
                h.cancel()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until every running task has returned (their results stay queued)."""
        futures = list(self._futures.values())
        for f in futures:
            try:
                f.result(timeout=timeout_ms / 1000)
            except Exception:  # errors are delivered through the queue
                return f.done()
        return all(f.done() for f in futures)

    def running(self) -> int:
        return sum(1 for f in self._futures.values() if not f.done())

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel every task and wait for its thread; True if all stopped."""
        for h in list(self.active):
            h.cancel()
        done = self.wait(timeout_ms)
        self._timer.stop()
        self._pool.shutdown(wait=done, cancel_futures=True)
        self._stopped = True
        return done


def show_progress(progress: Any, done: int, total: int) -> None:
    """A task's progress in a QProgressDialog (or a QProgressBar)."""
    progress.setMaximum(max(total, 1))
    progress.setValue(done)
