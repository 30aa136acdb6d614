"""Background loops stepping aside while a GUI thread paints.

A repaint of the window calls into Python about a thousand times (models'
``data``, delegates' ``paint``); every call needs the interpreter lock. With a
worker thread running Python beside it, each call waits its turn, and a 15 ms
table repaint measured 60-80 ms even at a 0.2 ms switch interval. So the GUI
says when it paints (``gui_busy``), and long loops on worker threads call
``checkpoint()`` every few hundred microseconds of work: while the GUI
paints, they wait (without the lock) instead of competing for it.

Qt-free: the GUI side is a few lines in ``reader.ui.workers``.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
K = TypeVar("K")

#: the longest a worker waits for one paint; a GUI that keeps painting (an
#: animation, a stuck signal) slows the work down but never stops it
MAX_WAIT_S = 0.1

_free = threading.Event()
_free.set()
_main = threading.main_thread()


def checkpoint() -> None:
    """On a worker: wait while the GUI paints, else let it have the lock if it wants it."""
    if threading.current_thread() is _main:
        return  # the GUI's own work (a search on the GUI thread) never waits for itself
    if _free.is_set():
        time.sleep(0)
    else:
        _free.wait(MAX_WAIT_S)


def gui_busy() -> None:
    """The GUI thread is about to paint: workers pause at their next checkpoint."""
    _free.clear()


def gui_free() -> None:
    _free.set()


def gui_is_busy() -> bool:
    return not _free.is_set()


#: How many items a worker's C-level step (a sort, a dict) handles at once:
#: C code holds the interpreter lock throughout, and ~5,000 items take a few ms.
STEP = 5000


def sorted_politely(
    items: Sequence[T], key: Callable[[T], Any], *, reverse: bool = False
) -> list[T]:
    """``sorted(items, key=key, reverse=reverse)`` (stable, the same result) in
    steps a GUI thread can paint between. One ``sorted`` of 100,000 titles
    holds the interpreter lock for ~150 ms (measured at 100,000 articles);
    here it is sorted in runs of ``STEP`` and merged, a checkpoint between runs.
    (On the GUI thread, which has nobody to step aside for, in one go.)"""
    if len(items) <= STEP or threading.current_thread() is _main:
        return sorted(items, key=key, reverse=reverse)
    runs = []
    for i in range(0, len(items), STEP):
        runs.append(sorted(items[i : i + STEP], key=key, reverse=reverse))
        checkpoint()
    out: list[T] = []
    for n, item in enumerate(heapq.merge(*runs, key=key, reverse=reverse)):
        out.append(item)
        if not n % STEP:
            checkpoint()
    return out


def mapped_politely(fn: Callable[[T], K], items: Sequence[T]) -> list[K]:
    """``list(map(fn, items))`` ``STEP`` items at a time with a checkpoint
    between (on a worker): one ``map`` over 100,000 articles held the
    interpreter lock for 41-47 ms (measured while the index was built)."""
    if threading.current_thread() is _main:
        return list(map(fn, items))
    out: list[K] = []
    for i in range(0, len(items), STEP):
        out += map(fn, items[i : i + STEP])
        checkpoint()
    return out


def places_politely(keys: Sequence[K]) -> dict[K, int]:
    """``dict(zip(keys, count()))``: each key's place (the last, if repeated),
    built ``STEP`` keys at a time with a checkpoint between (on a worker)."""
    if threading.current_thread() is _main:
        return dict(zip(keys, range(len(keys)), strict=True))
    out: dict[K, int] = {}
    for i in range(0, len(keys), STEP):
        out.update(zip(keys[i : i + STEP], range(i, i + STEP), strict=False))  # (last step: short)
        checkpoint()
    return out
