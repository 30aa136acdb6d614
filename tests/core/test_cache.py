"""The cache of cleaned articles: what a start reads from it, and its layout."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.cache import SCHEMA, ArticleCache
from reader.core.library import Loader, iter_files

from .helpers import P1, P2


def files_of(root: Path) -> list[str]:
    return [str(p) for p, skip in iter_files(root) if not skip]


@pytest.fixture
def libraries(tmp_path: Path, seeds: Path) -> tuple[Path, Path]:
    """Two folders whose names share a prefix (``lib`` and ``lib2``)."""
    lib, lib2 = tmp_path / "lib", tmp_path / "lib2"
    shutil.copytree(seeds, lib)
    lib2.mkdir()
    (lib2 / "other.txt").write_text("另一个文库\n\n" + P1 + "\n\n" + P2 + "\n", "utf-8")
    return lib, lib2


def cleaned(loader: Loader, paths: list[str]) -> dict[str, Article]:
    return {p: a for p, a, _m in loader.run(paths) if isinstance(a, Article)}


def test_remembered_articles_are_those_below_the_folder_as_last_cleaned(
    tmp_path: Path, libraries: tuple[Path, Path]
) -> None:
    lib, lib2 = libraries
    cache = ArticleCache(tmp_path / "c.sqlite")
    fresh = cleaned(Loader(cache), files_of(lib))
    cleaned(Loader(cache), files_of(lib2))

    loader = Loader(cache)
    remembered = loader.remembered(lib)
    assert sorted(p for p, _a, _m in remembered) == sorted(fresh)  # not lib2's file
    for path, art, meta in remembered:
        assert not art.blocks.loaded  # texts are fetched when first read
        assert (art.id, art.title, art.date, art.char_count) == (
            fresh[path].id,
            fresh[path].title,
            fresh[path].date,
            fresh[path].char_count,
        )
        assert art.text == fresh[path].text
        st = Path(path).stat()
        assert (meta.mtime_ns, meta.size) == (st.st_mtime_ns, st.st_size)
        assert loader.meta[path] == meta  # the watermark pass and prefetch know it
    assert [p for p, _a, _m in Loader(cache).remembered(lib2)] == [str(lib2 / "other.txt")]


def test_forgotten_files_are_not_remembered_at_the_next_start(
    tmp_path: Path, libraries: tuple[Path, Path]
) -> None:
    lib, _ = libraries
    cache = ArticleCache(tmp_path / "c.sqlite")
    paths = files_of(lib)
    cleaned(Loader(cache), paths)
    loader = Loader(cache)
    loader.forget(paths[:2])
    assert sorted(p for p, _a, _m in loader.remembered(lib)) == sorted(paths[2:])
    assert not set(paths[:2]) & set(loader.meta)


def test_a_cache_in_an_older_layout_is_replaced_not_misread(
    tmp_path: Path, libraries: tuple[Path, Path]
) -> None:
    lib, _ = libraries
    db = tmp_path / "c.sqlite"
    con = sqlite3.connect(db)
    con.executescript(
        """
        CREATE TABLE files(path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, hash TEXT);
        CREATE TABLE articles(hash TEXT, version TEXT, marks TEXT, data BLOB, body BLOB,
            removed BLOB, watermarks BLOB, PRIMARY KEY (hash, version, marks));
        INSERT INTO files VALUES ('x', 1, 2, 'h');
        """
    )
    con.commit()
    con.close()
    cache = ArticleCache(db)
    assert cache.ok
    assert cache.stat_index() == {}  # the old rows went with the old layout
    fresh = cleaned(Loader(cache), files_of(lib))
    assert len(fresh) == 5
    again = Loader(cache)
    assert {p: a.title for p, a, _m in again.run(files_of(lib))} == {
        p: a.title for p, a in fresh.items()
    }
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA
