"""Startup to a usable window with the seeds (target 1.5 s) and opening an article (100 ms)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from reader.ui.main_window import MainWindow
from tests.benchmarks.common import median_ms, report

ROOT = Path(__file__).resolve().parents[2]


def test_startup_to_usable_window(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        READER_CONFIG_DIR=str(tmp_path / "cfg"),
        PYTHONPATH=str(ROOT),
    )
    times = []
    for i in range(5):
        t0 = time.time()
        out = subprocess.run(
            [
                sys.executable,
                str(ROOT / "tests/benchmarks/app_probe.py"),
                str(ROOT / "seeds"),
                str(tmp_path / f"s{i}.json"),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        line = next(x for x in out.splitlines() if x.startswith("ROWS"))
        times.append((float(line.split()[1]) - t0) * 1000)
        assert line.split()[2] == "5"
    report(
        "startup to usable window (seeds, process start included)",
        statistics.median(times),
        "ms",
        "<= 1500 ms",
    )


def test_open_article(make_window) -> None:
    win: MainWindow = make_window()
    biggest = max(win.model.articles, key=lambda a: len(a.text))
    smallest = min(win.model.articles, key=lambda a: len(a.text))
    turn = [0]

    def open_one() -> None:  # alternate, so each call really opens another article
        turn[0] += 1
        win.open_article(biggest.id if turn[0] % 2 else smallest.id)

    ms = median_ms(open_one, runs=9)
    report(f"open an article (up to {len(biggest.text)} characters)", ms, "ms", "<= 100 ms")
