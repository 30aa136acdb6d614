"""The cache of cleaned articles, so a library of 10,000 opens in about a second.

Cleaned articles are stored by the SHA-256 of the file's bytes, the cleaner
version and the library watermarks they were cleaned with: a file moved or
copied elsewhere is still a hit, and a better cleaner invalidates everything
at once. To avoid reading and hashing every file at start, a stat index maps
(path, size, mtime) to the hash, as git's index does; a file whose stat
changed is read and hashed again.

It is one SQLite database in the per-user cache folder. Articles are stored
with ``marshal`` (the fastest decoder Python has, and the data is our own,
written by the same Python version: the version is part of the key). The
small metadata (``meta``) and the texts (``bodies``, with the ``removed``
report read only for "show original") are separate tables: a start reads
the metadata of every article and the text of none. A damaged or locked
cache is simply ignored: it holds nothing that cannot be made again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import paths
from .article import Article, Blocks, Removed, encode_body
from .courtesy import checkpoint
from .version import CLEANER_VERSION

#: The layout of the tables. Metadata sits apart from the bodies so that the
#: rows a start reads are packed tightly (10,000 of them in ~25 ms, against
#: ~100 ms when they shared pages and overflow chains with the texts).
SCHEMA = 2
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
            a.url,
        )
    )
    return meta, body


def unpack(meta: bytes, body: Any, path: str | None = None) -> Article:
    """An article from the cache; ``body`` is the stored bytes, or a function
    fetching them when the text is first needed (a lazy article)."""
    return unpack_fields(marshal.loads(meta), body, path)


def unpack_fields(fields: Sequence[Any], body: Any, path: str | None = None) -> Article:
    """``unpack`` from the metadata already decoded (a snapshot holds it so)."""
    (aid, apath, title, date, time, source, author, language, kinds, warnings, cats, chars) = (
        fields[:12]
    )
    # (made without the frozen dataclass's __init__, which sets each field
    # through object.__setattr__: half the time, for 100,000 at a start)
    art: Article = _new(Article)
    art.__dict__.update(
        id=aid,
        path=path or apath,
        title=title,
        date=date,
        time=time,
        source=source,
        author=author,
        language=language,
        blocks=Blocks(kinds, source=body),
        removed=(),
        warnings=tuple(warnings),
        categories=tuple(cats),
        url=fields[12] if len(fields) > 12 else None,
        char_count=chars,  # the cached_property, known already
    )
    return art


_new = object.__new__


def pack_removed(a: Article) -> bytes:
    return marshal.dumps(tuple((r.text, r.reason, r.where) for r in a.removed))


def watermarks_of(a: Article) -> tuple[str, ...]:
    return tuple(r.text for r in a.removed if r.reason.startswith("repeated watermark"))


def _storable(path: str) -> bool:
    """SQLite takes UTF-8 text: a file name that is not (a lone surrogate from
    ``os.fsdecode``, after unzipping a Windows archive) cannot be a key."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def open_cache() -> ArticleCache:
    """The per-user cache (one that cannot be opened is a cache that is never hit)."""
    return ArticleCache()


class ArticleCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.cache_dir() / "articles.sqlite"
        self._local = threading.local()
        self.ok = True
        self.error = ""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = self._db()
            db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
                # an older layout: nothing in it that cannot be made again
                db.executescript(
                    """
                    DROP TABLE IF EXISTS files;
                    DROP TABLE IF EXISTS articles;
                    DROP TABLE IF EXISTS meta;
                    DROP TABLE IF EXISTS bodies;
                    """
                )
            db.executescript(
                f"""
                CREATE TABLE IF NOT EXISTS files(
                    path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, hash TEXT);
                CREATE TABLE IF NOT EXISTS meta(
                    hash TEXT, version TEXT, marks TEXT, data BLOB, watermarks BLOB,
                    PRIMARY KEY (hash, version, marks)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS bodies(
                    hash TEXT, version TEXT, marks TEXT, body BLOB, removed BLOB,
                    PRIMARY KEY (hash, version, marks));
                CREATE TABLE IF NOT EXISTS snapshots(
                    root TEXT, version TEXT, parts BLOB, PRIMARY KEY (root, version));
                PRAGMA user_version={SCHEMA};
                """
            )
        except (sqlite3.Error, OSError) as exc:
            # a folder that cannot be made, a read-only disk: work without a cache
            self.ok = False
            self.error = f"{self.path.parent}: {getattr(exc, 'strerror', None) or exc}"
            self.close()

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

    def remembered(self, root: str, marks: str = "") -> list[tuple[Any, ...]]:
        """(path, mtime_ns, size, hash, metadata, watermarks) of every file below
        ``root`` as it was when last read, in one query and without touching the
        folder (a window shows these at once while the folder is checked)."""
        return [row for rows in self.remembered_parts(root, marks) for row in rows]

    def remembered_parts(
        self, root: str, marks: str = "", size: int = 2000
    ) -> Iterator[list[tuple[Any, ...]]]:
        """``remembered`` in parts as the query returns them: a window shows the
        first rows while the rest are read (at 100,000 articles the whole
        query takes ~0.6 s)."""
        if not self.ok:
            return
        prefix = root.rstrip(os.sep) + os.sep
        upper = prefix[:-1] + chr(ord(os.sep) + 1)  # just past every "<root>/..." string
        try:
            cur = self._db().execute(
                "SELECT f.path, f.mtime_ns, f.size, f.hash, a.data, a.watermarks"
                " FROM files f JOIN meta a ON a.hash = f.hash"
                " WHERE a.version=? AND a.marks=? AND f.path >= ? AND f.path < ?",
                (VERSION, marks, prefix, upper),
            )
            while rows := cur.fetchmany(size):
                yield rows
        except (sqlite3.Error, UnicodeEncodeError):
            return

    def snapshot(self, root: str) -> Iterator[list[tuple[Any, ...]]] | None:
        """The library below ``root`` as the last load left it, decoded, in parts
        of (path, mtime_ns, size, hash, metadata fields, watermarks); None if
        there is none. One read and one ``marshal`` per part: at 100,000
        articles 0.15 s, where the rows of ``remembered`` take ~1.3 s to decode."""
        if not self.ok:
            return None
        try:
            row = (
                self._db()
                .execute("SELECT parts FROM snapshots WHERE root=? AND version=?", (root, VERSION))
                .fetchone()
            )
        except (sqlite3.Error, UnicodeEncodeError):
            return None
        if row is None:
            return None
        try:
            parts = marshal.loads(row[0])
        except (ValueError, EOFError, TypeError):
            return None
        return (marshal.loads(p) for p in parts)

    def write_snapshot(self, root: str, size: int = 2000) -> None:
        """Remember the library below ``root`` as it is in the cache now (after a
        load), for the next start."""
        if not self.ok:
            return
        parts = []
        for rows in self.remembered_parts(root, "", size):
            checkpoint()
            parts.append(
                marshal.dumps(
                    [
                        (p, mt, sz, h, marshal.loads(d), marshal.loads(w))
                        for p, mt, sz, h, d, w in rows
                    ]
                )
            )
        try:
            db = self._db()
            with db:
                db.execute(
                    "INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?)",
                    (root, VERSION, marshal.dumps(parts)),
                )
        except (sqlite3.Error, UnicodeEncodeError):
            pass

    def _select(
        self, table: str, columns: str, hashes: Iterable[str], marks: str
    ) -> list[tuple[Any, ...]]:
        """Rows of ``table`` for many hashes (SQLite takes at most 999 parameters)."""
        if not self.ok:
            return []
        hs = list(dict.fromkeys(hashes))
        rows: list[tuple[Any, ...]] = []
        try:
            db = self._db()
            for i in range(0, len(hs), 900):
                chunk = hs[i : i + 900]
                q = ",".join("?" * len(chunk))
                sql = f"SELECT {columns} FROM {table} WHERE version=? AND marks=? AND hash IN ({q})"
                rows += db.execute(sql, [VERSION, marks, *chunk]).fetchall()
        except sqlite3.Error:
            pass
        return rows

    def get_many(
        self, hashes: Iterable[str], marks: str = "", bodies: bool = True
    ) -> dict[str, tuple[bytes, bytes | None, bytes]]:
        """hash → (packed metadata, packed body or None, packed watermarks)."""
        hs = list(hashes)
        texts = self.bodies(hs, marks) if bodies else {}
        got = {}
        for h, d, w in self._select("meta", "hash, data, watermarks", hs, marks):
            if bodies and h not in texts:
                continue  # half an entry: a miss
            got[h] = (d, texts.get(h), w)
        return got

    def bodies(self, hashes: Iterable[str], marks: str = "") -> dict[str, bytes]:
        """hash → stored body, for many at once (reading lazy articles' texts in bulk)."""
        return {h: b for h, b in self._select("bodies", "hash, body", hashes, marks)}

    def body(self, hash_: str, marks: str = "") -> bytes | None:
        return self.bodies([hash_], marks).get(hash_)

    def removed(self, hash_: str, marks: str = "") -> tuple[Removed, ...] | None:
        if not self.ok:
            return None
        try:
            row = (
                self._db()
                .execute(
                    "SELECT removed FROM bodies WHERE hash=? AND version=? AND marks=?",
                    (hash_, VERSION, marks),
                )
                .fetchone()
            )
        except sqlite3.Error:
            return None
        if row is None:
            return None
        return tuple(Removed(*item) for item in marshal.loads(row[0]))

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
                    if not _storable(path):
                        continue  # a name that is not UTF-8: cleaned again each time
                    if n % 16 == 15:
                        checkpoint()  # written from a worker beside the GUI thread
                    db.execute(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (path, mtime, size, h)
                    )
                    meta, body = pack(a)
                    removed, marks_ = pack_removed(a), marshal.dumps(watermarks_of(a))
                    key = (h, VERSION, marks)
                    db.execute(
                        "INSERT OR REPLACE INTO meta VALUES (?, ?, ?, ?, ?)", (*key, meta, marks_)
                    )
                    db.execute(
                        "INSERT OR REPLACE INTO bodies VALUES (?, ?, ?, ?, ?)",
                        (*key, body, removed),
                    )
        except sqlite3.Error as exc:
            self.ok = False
            self.error = str(exc)

    def forget(self, paths_: Iterable[str]) -> None:
        if not self.ok:
            return
        try:
            with self._db() as db:
                rows = [(p,) for p in paths_ if _storable(p)]
                db.executemany("DELETE FROM files WHERE path=?", rows)
        except sqlite3.Error:
            pass
