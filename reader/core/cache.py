"""The cache of cleaned articles, so a library of 10,000 opens in about a second.

Cleaned articles are stored by the SHA-256 of the file's bytes, the cleaner
version and the library watermarks they were cleaned with: a file moved or
copied elsewhere is still a hit, and a better cleaner invalidates everything
at once. To avoid reading and hashing every file at start, a stat index maps
(path, size, mtime) to the hash, as git's index does; a file whose stat
changed is read and hashed again.

It is one SQLite database in the per-user cache folder. Articles are stored
with ``marshal`` (the fastest decoder Python has, and the data is our own,
written by the same Python version: the version is part of the key); the
``removed`` report, large and rarely needed, sits in its own column and is
read only for "show original". A damaged or locked cache is simply ignored:
it holds nothing that cannot be made again.
"""

from __future__ import annotations

import hashlib
import marshal
import sqlite3
import sys
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from . import paths
from .article import Article, Blocks, Removed, encode_body
from .courtesy import checkpoint
from .version import CLEANER_VERSION

#: Part of every key: a new cleaner or a new Python (marshal format) starts afresh.
VERSION = f"{CLEANER_VERSION}:{sys.version_info[0]}.{sys.version_info[1]}"


def marks_key(marks: Sequence[str]) -> str:
    return (
        hashlib.sha256("\x00".join(sorted(marks)).encode("utf-8")).hexdigest()[:16] if marks else ""
    )


def pack(a: Article) -> tuple[bytes, bytes]:
    """(metadata, body). The metadata carries the character count, so the
    table can show and sort lengths without decoding any body."""
    kinds = "".join("h" if b.type == "heading" else "p" for b in a.blocks)
    body = encode_body([b.text for b in a.blocks])
    meta = marshal.dumps(
        (
            a.id,
            a.path,
            a.title,
            a.date,
            a.time,
            a.source,
            a.author,
            a.language,
            kinds,
            tuple(a.warnings),
            tuple(a.categories),
            a.char_count,
        )
    )
    return meta, body


def unpack(meta: bytes, body: Any, path: str | None = None) -> Article:
    """An article from the cache; ``body`` is the stored bytes, or a function
    fetching them when the text is first needed (a lazy article)."""
    (aid, apath, title, date, time, source, author, language, kinds, warnings, cats, chars) = (
        marshal.loads(meta)
    )
    art = Article(
        aid,
        path or apath,
        title,
        date,
        time,
        source,
        author,
        language,
        Blocks(kinds, source=body),
        (),
        tuple(warnings),
        tuple(cats),
    )
    art.__dict__["char_count"] = chars  # the cached_property, known already
    return art


def pack_removed(a: Article) -> bytes:
    return marshal.dumps(tuple((r.text, r.reason) for r in a.removed))


def watermarks_of(a: Article) -> tuple[str, ...]:
    return tuple(r.text for r in a.removed if r.reason.startswith("repeated watermark"))


class ArticleCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.cache_dir() / "articles.sqlite"
        self._local = threading.local()
        self.ok = True
        self.error = ""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db().executescript(
                """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=NORMAL;
                CREATE TABLE IF NOT EXISTS files(
                    path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, hash TEXT);
                CREATE TABLE IF NOT EXISTS articles(
                    hash TEXT, version TEXT, marks TEXT, data BLOB, body BLOB, removed BLOB,
                    watermarks BLOB,
                    PRIMARY KEY (hash, version, marks));
                """
            )
        except sqlite3.Error:
            self.ok = False

    def _db(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(self.path, timeout=5)
            self._local.con = con
        return con

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    # -- reading
    def stat_index(self) -> dict[str, tuple[int, int, str]]:
        if not self.ok:
            return {}
        try:
            rows = self._db().execute("SELECT path, mtime_ns, size, hash FROM files").fetchall()
        except sqlite3.Error:
            return {}
        return {p: (m, s, h) for p, m, s, h in rows}

    def _select(self, columns: str, hashes: Iterable[str], marks: str) -> list[tuple[Any, ...]]:
        """Rows of ``articles`` for many hashes (SQLite takes at most 999 parameters)."""
        if not self.ok:
            return []
        hs = list(dict.fromkeys(hashes))
        rows: list[tuple[Any, ...]] = []
        try:
            db = self._db()
            for i in range(0, len(hs), 900):
                chunk = hs[i : i + 900]
                q = ",".join("?" * len(chunk))
                sql = (
                    f"SELECT {columns} FROM articles WHERE version=? AND marks=? AND hash IN ({q})"
                )
                rows += db.execute(sql, [VERSION, marks, *chunk]).fetchall()
        except sqlite3.Error:
            pass
        return rows

    def get_many(
        self, hashes: Iterable[str], marks: str = "", bodies: bool = True
    ) -> dict[str, tuple[bytes, bytes | None, bytes]]:
        """hash → (packed metadata, packed body or None, packed watermarks)."""
        cols = f"hash, data, {'body' if bodies else 'NULL'}, watermarks"
        return {h: (d, b, w) for h, d, b, w in self._select(cols, hashes, marks)}

    def bodies(self, hashes: Iterable[str], marks: str = "") -> dict[str, bytes]:
        """hash → stored body, for many at once (prefetching lazy articles)."""
        return {h: b for h, b in self._select("hash, body", hashes, marks)}

    def body(self, hash_: str, marks: str = "") -> bytes | None:
        return self.bodies([hash_], marks).get(hash_)

    def removed(self, hash_: str, marks: str = "") -> tuple[Removed, ...] | None:
        if not self.ok:
            return None
        try:
            row = (
                self._db()
                .execute(
                    "SELECT removed FROM articles WHERE hash=? AND version=? AND marks=?",
                    (hash_, VERSION, marks),
                )
                .fetchone()
            )
        except sqlite3.Error:
            return None
        if row is None:
            return None
        return tuple(Removed(t, r) for t, r in marshal.loads(row[0]))

    # -- writing
    def put_many(
        self, entries: Iterable[tuple[str, int, int, str, Article]], marks: str = ""
    ) -> None:
        """(path, mtime_ns, size, hash, article) for each freshly cleaned file."""
        if not self.ok:
            return
        try:
            db = self._db()
            with db:
                for n, (path, mtime, size, h, a) in enumerate(entries):
                    if n % 16 == 15:
                        checkpoint()  # written from a worker beside the GUI thread
                    db.execute(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (path, mtime, size, h)
                    )
                    meta, body = pack(a)
                    removed, marks_ = pack_removed(a), marshal.dumps(watermarks_of(a))
                    db.execute(
                        "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (h, VERSION, marks, meta, body, removed, marks_),
                    )
        except sqlite3.Error as exc:
            self.ok = False
            self.error = str(exc)

    def forget(self, paths_: Iterable[str]) -> None:
        if not self.ok:
            return
        try:
            with self._db() as db:
                db.executemany("DELETE FROM files WHERE path=?", [(p,) for p in paths_])
        except sqlite3.Error:
            pass
