"""The annotation store: one JSON document that must never lose a user's work.

How it keeps that promise:

- **Atomic, durable saves.** The document is written to a temp file in the
  same folder, flushed and fsynced, moved over ``store.json`` with
  ``os.replace`` and the folder is fsynced. When ``save`` returns, a power cut
  or a SIGKILL cannot lose the change; a failure mid-write leaves the previous
  file whole.
- **Backups.** Before each save the current file is hard-linked into
  ``backups/`` (no copy, no extra I/O); the last 10 versions and the newest of
  each of the last 14 days are kept.
- **A damaged store is kept, not reset.** Invalid JSON or a failed validation
  moves the file aside as ``store.json.corrupt-<timestamp>``, restores the
  newest good backup and says so (``Store.messages``). A store written by a
  newer Reader is refused and left untouched.
- **Several writers.** Every save is a short transaction under an exclusive
  lock on ``store.json.lock``. If another process saved since we loaded, its
  file is read and merged record by record with ours (records we did not
  touch take their version; for records both sides changed, the newer
  ``modified`` wins), so the CLI writing while the app runs loses neither
  side's changes. A second app instance opens read-only (``instance=True``).
- **Private.** Files are created ``0600`` and folders ``0700``.

The file holds one record per line: readable, diffable, and fast, because each
record's JSON is cached until the record changes.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import math
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .annotations import (
    STATUSES,
    ArticleState,
    Document,
    Highlight,
    History,
    Kind,
    Operation,
    Tag,
)
from .heap import gc_paused

try:  # POSIX advisory locks; on other systems saves are not cross-process safe
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

SCHEMA_VERSION = 1
KINDS: tuple[Kind, ...] = ("tags", "articles", "highlights", "paths")
KEEP_RECENT = 10
KEEP_DAYS = 14
LOCK_TIMEOUT = 10.0

#: Step-by-step migrations: MIGRATIONS[n] turns a version-n document into n+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class StoreError(Exception):
    """A store problem to show the user (one clear sentence)."""


class StoreCorrupt(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class StoreReadOnly(StoreError):
    pass


class StoreBusy(StoreError):
    pass


class StoreWriteError(StoreError):
    pass


def _stamp(t: datetime | None = None) -> str:
    return (t or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


# -- (de)serialisation -------------------------------------------------------------


# One encoder, built once: ``json.dumps(..., ensure_ascii=False)`` builds a new
# JSONEncoder per call, which cost 2.6× the encoding itself (14 → 5.5 µs per
# highlight) and 17,000 records are encoded after a library's first reconcile.
_encode_value = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
_encode_key = json.encoder.encode_basestring  # a str as JSON, non-ASCII kept (C)


def _encode_line(key: str, value: Any) -> bytes:
    return (_encode_key(key) + ": " + _encode_value(value)).encode("utf-8")


class _LineCache:
    """Serialised record lines (bytes), recomputed only for records touched since.

    A section whose records did not change is reused whole, so saving after one
    edit costs a join of cached lines plus the write, not a JSON encoding of
    every record.
    """

    def __init__(self) -> None:
        self.lines: dict[tuple[Kind, str], bytes] = {}
        self.sections: dict[Kind, bytes] = {}
        self.epoch = 0  # bumped by every invalidation: a paused ``steps`` is then stale

    def invalidate(self, keys: list[tuple[Kind, str]]) -> None:
        self.epoch += 1
        for k in keys:
            self.lines.pop(k, None)
            self.sections.pop(k[0], None)

    def steps(self, doc: Document, prime: _Prime | None) -> Iterator[None]:
        """The Python-heavy part of a save in slices of ~1 ms, yielding between them.

        Takes the file's own lines (``prime``), encodes the records that have
        none and joins each section, so that a save is left with one join
        (``_join``) and the write. Runs under the document lock; whoever drives it must
        drop it when ``epoch`` moves (the document changed between slices).
        """
        if prime is not None:
            yield from self._take_file_lines(doc, *prime)
        for kind in KINDS:
            if kind in self.sections:
                continue
            keys_now = list(getattr(doc, kind))
            have = self.lines
            missing = [k for k in keys_now if (kind, k) not in have]
            yield
            for i in range(0, len(missing), _SLICE // 4):
                for key in missing[i : i + _SLICE // 4]:
                    have[(kind, key)] = _encode_line(key, doc.record_json(kind, key))
                yield
            self.sections[kind] = b",\n".join([have[(kind, k)] for k in keys_now])
            yield

    def _take_file_lines(
        self, doc: Document, data: bytes, keys: dict[Kind, list[str]]
    ) -> Iterator[None]:
        """Adopt the loaded file's own record lines, ~256 KB a slice.

        Each line must start with its record's key and end in a comma (all but
        the last of a section); at the first that does not (a hand-edited
        file), the section's lines taken so far are dropped again and it is
        encoded afresh. Records changed since loading keep no line.
        """
        touched = doc.touched
        pos = 0
        for kind in KINDS:
            ks = keys.get(kind, [])
            head = f'\n"{kind}": {{\n'.encode()
            start = data.find(head, pos)  # sections come in KINDS order
            if not ks or start < 0:
                continue
            pos = start + len(head)
            taken: list[tuple[Kind, str]] = []
            done, last = 0, len(ks) - 1
            while done <= last:
                cut = data.find(b"\n", min(pos + _CHUNK, len(data)))
                cut = len(data) if cut < 0 else cut
                for line in data[pos:cut].split(b"\n")[: last + 1 - done]:
                    key = ks[done]
                    ok = line.startswith(_encode_key(key).encode() + b": ") and (
                        line.endswith(b",") != (done == last)
                    )
                    if not ok:
                        for k in taken:
                            del self.lines[k]
                        done = last + 1  # give up on this section
                        break
                    k = (kind, key)
                    if k not in touched and k not in self.lines:
                        self.lines[k] = line if done == last else line[:-1]
                        taken.append(k)
                    done += 1
                pos = cut + 1
                yield


def _join(sections: list[bytes]) -> bytes:
    """The file: one join of the cached sections (no copy of the whole per section).

    Sections are cached as their record lines joined, without braces; every
    big concatenation would copy the whole 15 MB file again while holding the
    interpreter lock, and the GUI thread waits for each.
    """
    out = [
        b"{\n",
        f'"schema_version": {SCHEMA_VERSION},\n'.encode(),
        f'"saved": "{_stamp()}",\n'.encode(),
    ]
    for n, (kind, body) in enumerate(zip(KINDS, sections, strict=True)):
        out += (f'"{kind}": {{'.encode(), b"\n" if body else b"", body)
        out.append((b"\n}" if body else b"}") + (b",\n" if n < len(KINDS) - 1 else b"\n"))
    out.append(b"}\n")
    return b"".join(out)


def _decode_line(line: bytes | None) -> Any:
    """The JSON value of one record line (None for a record that did not exist)."""
    if line is None:
        return None
    return next(iter(json.loads(b"{" + line + b"}").values()))


_Prime = tuple[bytes, dict[Kind, list[str]]]
_SLICE = 1024  # records per slice of ``_LineCache.steps``: well under a millisecond
_CHUNK = 256 * 1024  # bytes of the loaded file per slice


def _check(cond: bool, what: str) -> None:
    if not cond:
        raise StoreCorrupt(f"invalid store: {what}")


def parse(text: str | bytes) -> Document:
    """Parse and validate a store document (current schema). Raises ``StoreCorrupt``."""
    with gc_paused():  # ~15 containers per record, none garbage
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise StoreCorrupt(f"the store is not valid JSON ({exc})") from None
        return from_obj(obj)


def from_obj(obj: Any) -> Document:
    _check(isinstance(obj, dict), "top level is not an object")
    version = obj.get("schema_version")
    _check(isinstance(version, int), "no schema_version")
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"the store was written by a newer version of Reader (schema {version}; "
            f"this version knows up to {SCHEMA_VERSION}). It was left untouched: "
            "update Reader to open it."
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        _check(step is not None, f"no migration from schema {version}")
        assert step is not None
        obj = step(obj)
        version = obj["schema_version"]
    doc = Document()
    for kind in KINDS:
        _check(isinstance(obj.get(kind, {}), dict), f"'{kind}' is not an object")
    # One tight loop per kind: this runs for every record at every start.
    statuses = set(STATUSES)
    new_hl = Highlight
    try:
        hls = doc.highlights
        for key, h in obj.get("highlights", {}).items():
            sel = h["selector"]
            exact, start, end = sel["exact"], sel["start"], sel["end"]
            tags = h.get("tags", [])
            status = h.get("status", "anchored")
            note = h.get("note", "")
            article = h["article"]
            if (
                type(exact) is not str
                or type(start) is not int
                or type(end) is not int
                or not 0 <= start <= end
                or h.get("id", key) != key
                or type(article) is not str
                or type(tags) is not list
                or type(note) is not str
                or status not in statuses
            ):
                raise StoreCorrupt(f"invalid store: highlight {key} is malformed")
            hls[key] = new_hl(
                key,
                article,
                exact,
                sel.get("prefix", ""),
                sel.get("suffix", ""),
                start,
                end,
                h.get("color", "yellow"),
                note,
                tags,
                h.get("created", ""),
                h.get("modified", ""),
                status,
            )
        for key, a in obj.get("articles", {}).items():
            _check(isinstance(a, dict) and isinstance(a.get("tags", []), list), f"article {key}")
            doc.articles[key] = ArticleState.from_json(a)
        for key, t in obj.get("tags", {}).items():
            _check(isinstance(t, dict), f"tag {key}")
            doc.tags[key] = Tag.from_json(key, t)
        paths = obj.get("paths", {})
        _check(all(type(v) is str for v in paths.values()), "paths")
        doc.paths = dict(paths)
    except StoreCorrupt:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StoreCorrupt(f"invalid store: {type(exc).__name__}: {exc}") from None
    return doc


# -- files -----------------------------------------------------------------------


def _fsync_dir(d: Path) -> None:
    try:
        fd = os.open(d, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that either the old or the new file exists, whole."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def file_lock(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """An exclusive advisory lock on ``path`` (created 0600), waiting up to ``timeout``."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
                if time.monotonic() > deadline:
                    raise StoreBusy(
                        "the store is locked by another Reader process; try again"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@dataclass
class Backup:
    path: Path
    when: datetime


_BACKUP_RE = re.compile(r"^store-(\d{8}T\d{12}Z)(?:-v\d+)?\.json$")


def list_backups(folder: Path) -> list[Backup]:
    out = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        m = _BACKUP_RE.match(name)
        if m:
            when = datetime.strptime(m.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
            out.append(Backup(folder / name, when))
    out.sort(key=lambda b: b.when, reverse=True)
    return out


def backups_to_keep(backups: list[Backup], today: datetime) -> set[Path]:
    """The last ``KEEP_RECENT`` versions and the newest of each of the last ``KEEP_DAYS`` days."""
    keep = {b.path for b in backups[:KEEP_RECENT]}
    per_day: dict[str, Backup] = {}
    horizon = (today - timedelta(days=KEEP_DAYS - 1)).date()
    for b in backups:
        if b.when.date() >= horizon:
            per_day.setdefault(b.when.strftime("%Y-%m-%d"), b)
    keep |= {b.path for b in per_day.values()}
    return keep


# -- the store -----------------------------------------------------------------------


class Store:
    """The annotation document on disk. Thread-safe: one lock guards the document."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.doc = Document()
        self.history = History()
        self.messages: list[str] = []
        self.read_only = False
        self.read_only_reason = ""
        self.mutex = threading.RLock()
        self._cache = _LineCache()
        self._disk_sig: tuple[int, int, int] | None = None
        self._instance_fd: int | None = None
        self._last_bytes = b""
        self._prime: _Prime | None = None  # the loaded file's lines, for the first save
        self._steps: tuple[int, Iterator[None], _LineCache] | None = None
        self.listeners: list[Callable[[str], None]] = []
        #: the articles the last apply/undo/redo changed (None: maybe any)
        self.changed_articles: set[str] | None = None

    # -- paths
    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    @property
    def instance_lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".instance")

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / "backups"

    # -- opening
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, instance: bool = False) -> Store:
        """Open (or create) the store at ``path``.

        ``instance=True`` is for the app: it also takes the per-instance lock, and
        opens read-only if another app instance holds it.
        Raises ``StoreTooNew`` for a store from a newer Reader.
        """
        s = cls(Path(path))
        s._check_writable()
        if instance and not s.read_only:
            s._take_instance_lock()
        s._load()
        return s

    def _check_writable(self) -> None:
        parent = self.path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            self._go_read_only(f"cannot create the store folder ({exc.strerror})")
            return
        if not os.access(parent, os.W_OK) or (
            self.path.exists() and not os.access(self.path, os.W_OK)
        ):
            self._go_read_only("the store file or its folder is not writable")

    def _go_read_only(self, reason: str) -> None:
        self.read_only = True
        self.read_only_reason = reason
        self.messages.append(f"Opened read-only: {reason}. Changes cannot be saved.")

    def _take_instance_lock(self) -> None:
        if fcntl is None:  # pragma: no cover
            return
        try:
            fd = os.open(self.instance_lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            self._go_read_only(f"cannot create a lock file ({exc.strerror})")
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            self._go_read_only("another Reader window is using this store")
            return
        self._instance_fd = fd

    def close(self) -> None:
        """Release the instance lock (the app calls this after its last save)."""
        if self._instance_fd is not None:
            os.close(self._instance_fd)
            self._instance_fd = None

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _read_disk(self) -> tuple[Document | None, Exception | None, int]:
        """(document, problem, schema version) of the file on disk now."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None, None, SCHEMA_VERSION
        except OSError as exc:
            return None, StoreCorrupt(f"cannot read the store: {exc}"), SCHEMA_VERSION
        version = SCHEMA_VERSION
        m = re.search(rb'"schema_version"\s*:\s*(\d+)', data[:200])
        if m:
            version = int(m.group(1))
        try:
            doc = parse(data)
            self._last_bytes = data
            return doc, None, version
        except StoreTooNew:
            raise
        except StoreCorrupt as exc:
            return None, exc, version

    def _load(self) -> None:
        with self.mutex:
            sig = self._signature()
            with gc_paused():
                doc, problem, version = self._read_disk()
                if problem is None:
                    # The document lives as long as the process and holds no
                    # cycles: take it out of the collector's reach before the
                    # collector wakes, or the next collection scans all of it
                    # (10-15 ms for 20,000 highlights, measured) and every full
                    # collection after that again.
                    gc.freeze()
            if problem is not None:
                doc = self._recover(problem)
            elif doc is not None and version < SCHEMA_VERSION and not self.read_only:
                # keep the pre-migration file before anything overwrites it
                self.backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
                shutil.copy2(self.path, self.backup_dir / f"store-{_stamp()}-v{version}.json")
                self.messages.append(
                    f"The store was upgraded from schema {version} to {SCHEMA_VERSION}; "
                    "the old file is kept in the backups folder."
                )
                self._adopt(doc)
                self.save(force=True)
                return
            self._adopt(doc or Document())
            if doc is not None and problem is None and self._last_bytes:
                # reuse the file's own lines at the first save (off the UI thread)
                self._prime = (self._last_bytes, {k: list(getattr(doc, k)) for k in KINDS})
            self._last_bytes = b""
            self._disk_sig = sig if problem is None else self._signature()

    def _adopt(self, doc: Document) -> None:
        self.doc = doc
        self._cache = _LineCache()
        self._prime = None

    def _recover(self, problem: Exception) -> Document:
        """Keep the damaged file, restore the newest good backup, and say so."""
        kept = None
        if not self.read_only:
            kept = self.path.with_name(f"{self.path.name}.corrupt-{_stamp()}")
            os.replace(self.path, kept)
            _fsync_dir(self.path.parent)
        for b in list_backups(self.backup_dir):
            try:
                doc = parse(b.path.read_text("utf-8"))
            except (StoreCorrupt, OSError, UnicodeDecodeError):
                self.messages.append(f"Backup {b.path.name} is damaged too; skipped (kept).")
                continue
            except StoreTooNew:
                continue
            when = b.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            self.messages.append(
                f"The annotation store was damaged ({problem}). "
                + (f"The damaged file is kept as {kept.name}. " if kept else "")
                + f"Restored the backup saved {when}; changes after that were lost."
            )
            if not self.read_only:
                self._adopt(doc)
                self.save(force=True)
            return doc
        self.messages.append(
            f"The annotation store was damaged ({problem}) and no good backup exists. "
            + (f"The damaged file is kept as {kept.name}; " if kept else "")
            + "starting with an empty store."
        )
        return Document()

    # -- changing
    def apply(self, op: Operation, *, undoable: bool = True) -> None:
        """Apply a user operation (recorded for undo)."""
        with self.mutex:
            op.apply(self.doc)
            self._take_recent()
            if undoable:
                self.history.push(op)

    def undo(self) -> Operation | None:
        with self.mutex:
            op = self.history.undo(self.doc)
            self._take_recent()
            return op

    def redo(self) -> Operation | None:
        with self.mutex:
            op = self.history.redo(self.doc)
            self._take_recent()
            return op

    def _take_recent(self) -> None:
        """Forget the serialised form of the records changed since last time, and
        note which articles the change concerns (``changed_articles``)."""
        doc = self.doc
        recent, doc.recent = doc.recent, []
        before, doc.recent_articles = doc.recent_articles, set()
        self._cache.invalidate(recent)
        ids = before
        for kind, key in recent:
            if kind == "tags":  # a tag's name or colour can show on any article
                self.changed_articles = None
                return
            if kind == "articles":
                ids.add(key)
            elif kind == "highlights":
                h = doc.highlights.get(key)
                if h is not None:
                    ids.add(h.article)
        self.changed_articles = ids

    @property
    def has_unsaved(self) -> bool:
        return bool(self.doc.dirty)

    # -- saving
    def save(self, *, force: bool = False) -> bool:
        """Write the document durably; returns False if there was nothing to save.

        Raises ``StoreReadOnly``, ``StoreBusy`` or ``StoreWriteError`` (disk full,
        permissions): the in-memory state and the previous file stay intact,
        so a later ``save`` can succeed.
        """
        if self.read_only:
            raise StoreReadOnly(f"the store is read-only: {self.read_only_reason}")
        try:
            with file_lock(self.lock_path):
                # Hold the document lock to merge and finish the encoding (the GUI
                # has done most of it in slices, see ``prepare_save``); the join,
                # write and fsync run without it so the UI never waits for them.
                with self.mutex:
                    if not force and not self.doc.dirty:
                        return False
                    if self._signature() != self._disk_sig:
                        self._merge_from_disk()
                    sections = self._finish_steps()
                    rev = self.doc.revision
                    # what each changed record looked like in this file, kept as
                    # its line: decoded only for the rare record changed meanwhile
                    lines = self._cache.lines
                    saved = {k: lines.get(k) for k in self.doc.dirty}
                data = _join(sections)
                self._backup_current()
                atomic_write(self.path, data)
                with self.mutex:
                    self._disk_sig = self._signature()
                    for k, line in saved.items():
                        if self.doc.touched.get(k, 0) <= rev:
                            self.doc.dirty.pop(k, None)
                        else:  # changed again while we wrote: its base is what we saved
                            self.doc.dirty[k] = _decode_line(line)
        except StoreError:
            raise
        except OSError as exc:
            raise StoreWriteError(
                f"could not save the annotation store: {exc.strerror or exc}"
            ) from None
        self._prune_backups()
        return True

    def prepare_save(self, budget: float = 0.004) -> bool:
        """Do the Python-heavy part of the next save here, for at most ``budget`` s.

        Returns True when only the join, write and fsync are left for ``save``.
        The GUI calls this between events before handing the save to a thread:
        a thread encoding 17,000 records holds the interpreter lock, and every
        Python callback of a repaint then waits for it (a 5 ms switch interval
        each), which stretched one repaint to 120–280 ms.
        """
        with self.mutex:
            return self._advance(time.perf_counter() + budget)

    def _finish_steps(self) -> list[bytes]:
        """Every section's bytes, doing what ``prepare_save`` has not (under the lock)."""
        self._advance(math.inf)
        return [self._cache.sections[kind] for kind in KINDS]

    def _advance(self, deadline: float) -> bool:
        """Run the save's pending work until done (True) or past ``deadline``."""
        for _ in self._steps_now():
            if time.perf_counter() >= deadline:
                return False
        self._prime = None
        return True

    def _steps_now(self) -> Iterator[None]:
        """The save's pending work, resumed, or restarted if the document changed."""
        cur = self._steps
        cache = self._cache
        if cur is None or cur[0] != cache.epoch or cur[2] is not cache:
            cur = self._steps = (cache.epoch, cache.steps(self.doc, self._prime), cache)
        return cur[1]

    def refresh(self) -> bool:
        """Take in changes another process saved; True if anything came in."""
        with self.mutex:
            if self._signature() == self._disk_sig:
                return False
            with file_lock(self.lock_path):
                changed = self._merge_from_disk()
                self._disk_sig = self._signature()
        if changed:
            for fn in self.listeners:
                fn("external")
        return changed

    def _merge_from_disk(self) -> bool:
        """Merge the file on disk (saved by someone else) into our document."""
        theirs, problem, _ = self._read_disk()
        if problem is not None:
            kept = self.path.with_name(f"{self.path.name}.corrupt-{_stamp()}")
            os.replace(self.path, kept)
            self.messages.append(
                f"The store on disk was damaged ({problem}); it is kept as {kept.name} "
                "and this session's annotations were saved in its place."
            )
            return False
        if theirs is None:
            return False
        doc = self.doc
        changed = False
        for kind in KINDS:
            ours_map: dict[str, Any] = getattr(doc, kind)
            theirs_map: dict[str, Any] = getattr(theirs, kind)
            for key in set(ours_map) | set(theirs_map):
                k = (kind, key)
                take_theirs = False
                if k in doc.dirty:
                    base = doc.dirty[k]
                    mine = doc.record_json(kind, key)
                    other = theirs.record_json(kind, key)
                    if other == base or other == mine:
                        continue  # only we changed it
                    # they changed it too: ours if they did not; else the newer edit
                    take_theirs = mine == base or _modified(other) > _modified(mine)
                    if take_theirs:
                        doc.dirty[k] = other  # now in step with disk
                else:
                    take_theirs = ours_map.get(key) != theirs_map.get(key)
                if take_theirs:
                    _set(doc, kind, key, theirs_map.get(key))
                    self._cache.invalidate([k])
                    changed = True
        if changed:
            self._prime = None  # the lines of the file we loaded are no longer all ours
            doc.reindex()  # records were replaced without ``touch``
        return changed

    def _backup_current(self) -> None:
        if not self.path.exists():
            return
        self.backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self.backup_dir / f"store-{_stamp()}.json"
        try:
            os.link(self.path, target)
        except OSError:
            shutil.copy2(self.path, target)

    def _prune_backups(self) -> None:
        backups = list_backups(self.backup_dir)
        keep = backups_to_keep(backups, datetime.now(UTC))
        for b in backups:
            if b.path not in keep:
                with contextlib.suppress(OSError):
                    b.path.unlink()


def _modified(record: Any) -> str:
    if isinstance(record, dict):
        return str(record.get("modified") or "")
    return ""


def _set(doc: Document, kind: Kind, key: str, value: Any) -> None:
    maps: dict[str, Any] = getattr(doc, kind)
    if value is None:
        maps.pop(key, None)
    else:
        maps[key] = value
