"""Test setup: headless Qt, and every test gets its own store, config and cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("READER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("READER_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("READER_STORE", str(base / "data" / "store.json"))
    monkeypatch.delenv("READER_LIBRARY", raising=False)


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def seed_files() -> list[Path]:
    return sorted(SEEDS.iterdir())
