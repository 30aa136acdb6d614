"""Workers step aside while the GUI paints, but never wait forever, and the GUI
thread never waits for itself."""

from __future__ import annotations

import threading
import time

from reader.core import courtesy


def _timed_checkpoint_on_worker() -> float:
    out: list[float] = []

    def work() -> None:
        t = time.perf_counter()
        courtesy.checkpoint()
        out.append(time.perf_counter() - t)

    th = threading.Thread(target=work)
    th.start()
    th.join()
    return out[0]


def test_worker_waits_while_the_gui_paints_and_goes_on_after() -> None:
    courtesy.gui_busy()
    try:
        done = threading.Event()

        def work() -> None:
            courtesy.checkpoint()
            done.set()

        th = threading.Thread(target=work)
        th.start()
        assert not done.wait(0.03)  # held while the GUI is busy
        courtesy.gui_free()
        assert done.wait(1.0)  # and released at once after
        th.join()
    finally:
        courtesy.gui_free()


def test_wait_is_bounded_and_the_main_thread_never_waits() -> None:
    courtesy.gui_busy()
    try:
        waited = _timed_checkpoint_on_worker()
        assert courtesy.MAX_WAIT_S * 0.8 <= waited < courtesy.MAX_WAIT_S * 5
        t = time.perf_counter()
        courtesy.checkpoint()  # this test runs on the main thread
        assert time.perf_counter() - t < courtesy.MAX_WAIT_S / 2
    finally:
        courtesy.gui_free()
    assert _timed_checkpoint_on_worker() < courtesy.MAX_WAIT_S / 2
