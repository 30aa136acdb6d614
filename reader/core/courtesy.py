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

import threading
import time

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
