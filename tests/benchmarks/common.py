"""Helpers for benchmarks: medians, and one line of figures per measurement."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable


def machine() -> str:
    return f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    """Median wall time of ``fn`` over ``runs`` calls.

    What ``fn`` returns is freed only after the clock stops: freeing a large
    result (a loaded store holds ~300k objects) is not part of producing it.
    """
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
        del result
    return statistics.median(times)


def report(name: str, value: float, unit: str, target: str = "") -> None:
    line = f"BENCH {name}: {value:.1f} {unit}"
    if target:
        line += f"  (target {target})"
    print(line + f"  [{machine()}]", flush=True)


class GapProbe:
    """A timer on the UI thread; ``longest`` is the longest wait between its ticks,
    i.e. the longest the thread was kept from its event loop."""

    def __init__(self, interval_ms: int) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer  # Qt only here

        self._clock = QElapsedTimer()
        self._timer = QTimer(interval=interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0
        self.longest = 0

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> GapProbe:
        self._clock.start()
        self._last = 0
        self._timer.start()
        return self

    def stop(self) -> int:
        self._timer.stop()
        return self.longest
