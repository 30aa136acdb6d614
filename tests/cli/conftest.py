from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seeds as the library (READER_LIBRARY)."""
    d = tmp_path / "lib"
    shutil.copytree(SEEDS, d)
    monkeypatch.setenv("READER_LIBRARY", str(d))
    return d
