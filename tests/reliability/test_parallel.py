"""Cleaning on worker processes, with each start method the app may use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PARA = "这是用于测试多进程清理的文章正文，内容足够长，可以算作一个正文段落。"


@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_python_dash_m_reader_with_worker_processes(tmp_path: Path, method: str) -> None:
    """`python -m reader clean` on worker processes, whichever way they are started."""
    files = []
    for i in range(30):  # above MIN_PARALLEL: cleaned on worker processes
        f = tmp_path / f"{i:02d}.txt"
        f.write_text(f"标题{i}\n\n{PARA}\n", "utf-8")
        files.append(str(f))
    env = dict(os.environ, READER_MP_CONTEXT=method, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-m", "reader", "clean", *files, "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [r["title"] for r in rows] == [f"标题{i}" for i in range(30)]


def _niceness(path: str) -> tuple[str, int, None]:
    return path, os.nice(0), None


@pytest.mark.parametrize("nice", [0, 5])
def test_workers_run_at_the_niceness_asked_for(monkeypatch: pytest.MonkeyPatch, nice: int) -> None:
    """The GUI's loads run their cleaning processes below the GUI; the CLI's do not."""
    from reader.core import parallel

    monkeypatch.setenv("READER_MP_CONTEXT", "fork")
    monkeypatch.setattr(parallel, "clean_one", _niceness)
    base = os.nice(0)
    got = {
        n for _p, n, _m in parallel.clean_paths([f"f{i}" for i in range(40)], workers=2, nice=nice)
    }
    assert got == {min(base + nice, 19)}
