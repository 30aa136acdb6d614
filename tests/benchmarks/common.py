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
