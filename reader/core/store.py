"""The annotation store: one JSON document that must never lose a user's work.

How it keeps that promise:

- **Atomic, durable saves** (``files.atomic_write``): when ``save`` returns, a
  power cut or a SIGKILL cannot lose the change; a failure mid-write leaves
  the previous file whole. A store that is a symlink (into a synced folder)
  is written through, never replaced.
- **A strict schema** (``records.py``): every field's type and range is
  checked as the file is read; any violation, like invalid JSON, is handled
  the same way: the file is kept aside, the newest good backup restored.
- **Backups by sequence, not by clock.** Every save increments the document's
  ``generation``. Before a save the current file is hard-linked into
  ``backups/`` under its generation (once: a failed save adds none). Pruning
  and recovery order backups by the generation written inside them, so a
  clock that was wrong never decides which backup wins. The 10 newest
  generations are kept, and the newest of each of the last 14 days.
- **A damaged store is kept, not reset**; a store written by a newer Reader is
  refused and left untouched.
- **Several writers.** Every save is a short transaction under a lock
  (``files.exclusive``, on every platform). If another process saved since we
  loaded, its file is merged into ours change by change (``merge.py``): tags
  added on both sides, different fields of one highlight, a delete and an
  older edit all come through; a field both changed keeps the newer value
  and the other becomes a visible ``Conflict``. A second app instance opens
  read-only.
- **Private.** Files are created ``0600`` and folders ``0700``.

The file holds one record per line (readable and diffable); each record's
bytes are kept until the record changes, so a save after one change encodes
one record. ``msgspec`` does the JSON in C (loading 20,000 highlights in
~45 ms; Python's ``json`` took 100-160 ms).

Writers on other machines (a synced folder) fit the same scheme: each save
names its ``writer`` and ``generation``, deletes carry their time, and the
merge is the same pure function of base, mine and theirs.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec

from . import files
from .annotations import Document, History, Operation, dump, load, now
from .heap import gc_paused
from .merge import merge_record
from .messages import QT_TRANSLATE_NOOP, Message
from .records import (
    CONTEXT,
    KINDS,
    ArticleState,
    Conflict,
    Deleted,
    Highlight,
    Kind,
    StoreFile,
    Tag,
    check_names,
    strip_controls,
)

SCHEMA_VERSION = 3
KEEP_RECENT = 10
KEEP_DAYS = 14
#: At most one backup in this many seconds. Each backup keeps a whole old
#: version alive, and writing the next version then costs fresh memory for
#: all of it (a 15 MB save took 45 ms instead of 4); a burst of edits is
#: backed up once.
BACKUP_EVERY = 60.0
#: Tombstones older than this are dropped (a writer offline longer than this
#: could bring a deleted record back; it would show as an ordinary record).
TOMBSTONE_DAYS = 400
LOCK_TIMEOUT = files.LOCK_TIMEOUT

#: Step-by-step migrations: MIGRATIONS[n] turns a version-n document (plain
#: JSON values) into version n+1.
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


def _stamp_name(t: datetime | None = None) -> str:
    return (t or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


# -- the file format -----------------------------------------------------------------

_ENCODE = msgspec.json.Encoder().encode
_DECODE_FILE = msgspec.json.Decoder(StoreFile).decode
_VERSION = re.compile(rb'"schema_version"\s*:\s*(-?\d+)')
_GENERATION = re.compile(rb'"generation"\s*:\s*(\d+)')
_SAVED = re.compile(rb'"saved"\s*:\s*"([^"]{0,64})"')


class _RawFile(msgspec.Struct):
    """A store file's sections as the bytes of each record (in file order)."""

    tags: list[msgspec.Raw] = []
    articles: list[msgspec.Raw] = []
    highlights: list[msgspec.Raw] = []
    paths: list[msgspec.Raw] = []
    conflicts: list[msgspec.Raw] = []
    colors: list[msgspec.Raw] = []
    rules: list[msgspec.Raw] = []


_DECODE_RAW = msgspec.json.Decoder(_RawFile).decode


def _one_per_line(data: bytes, sf: StoreFile) -> bool:
    """Is ``data`` in the layout ``Store`` writes, every record on a line?"""
    sizes = [len(getattr(sf, kind)) for kind in KINDS]
    expected = 5 + sum(n + 2 if n else 1 for n in sizes) + max(0, len(sf.deleted) - 1) + 2
    return data.count(b"\n") == expected


def _loaded_keys(sf: StoreFile, kind: Kind) -> list[str]:
    if kind == "highlights":
        return [h.id for h in sf.highlights]
    if kind == "articles":
        return [a.id for a in sf.articles]
    if kind == "tags":
        return [t.name for t in sf.tags]
    if kind == "paths":
        return [p for p, _ in sf.paths]
    if kind == "colors":
        return [c.color for c in sf.colors]
    if kind == "rules":
        return [r.id for r in sf.rules]
    return [c.id for c in sf.conflicts]


def _record_line(kind: Kind, key: str, record: Any) -> bytes:
    if kind == "paths":
        return _ENCODE((key, record))
    return _ENCODE(record)


def _line_value(kind: Kind, line: bytes | None) -> Any:
    """The plain JSON value of a record's line (a path record: the article id)."""
    if line is None:
        return None
    value = msgspec.json.decode(line)
    return value[1] if kind == "paths" else value


@dataclass
class Header:
    """What a store file says about itself (read without parsing the rest)."""

    version: int | None
    generation: int
    saved: str


def read_header(data: bytes) -> Header:
    head = data[:400]
    v = _VERSION.search(head)
    g = _GENERATION.search(head)
    s = _SAVED.search(head)
    return Header(
        int(v.group(1)) if v else None,
        int(g.group(1)) if g else 0,
        s.group(1).decode("utf-8", "replace") if s else "",
    )


def _v1_tags(values: Any) -> Any:
    """Schema 1 tag lists, without control characters and empty names."""
    if not isinstance(values, list):
        return values
    out = [strip_controls(t).strip() if isinstance(t, str) else t for t in values]
    return list(dict.fromkeys(t for t in out if t != ""))


def _v1_section(obj: dict[str, Any], name: str) -> dict[str, Any]:
    value = obj.get(name, {})
    if not isinstance(value, dict):
        raise StoreCorrupt(f"invalid store: '{name}' is not an object")
    return value


def _v1_highlight(key: str, h: Any) -> Any:
    if not isinstance(h, dict):
        return h  # the schema check says what is wrong
    h = dict(h)
    if h.get("id", key) != key:
        raise StoreCorrupt(f"invalid store: highlight {key} names another id")
    h["id"] = key
    sel = h.get("selector")
    if isinstance(sel, dict):
        sel = dict(sel)
        if isinstance(sel.get("prefix"), str):
            sel["prefix"] = sel["prefix"][-CONTEXT:]
        if isinstance(sel.get("suffix"), str):
            sel["suffix"] = sel["suffix"][:CONTEXT]
        h["selector"] = sel
    h["tags"] = _v1_tags(h.get("tags", []))
    return h


def _v1_record(key: str, rec: Any, id_field: str) -> Any:
    if not isinstance(rec, dict):
        return rec
    rec = dict(rec)
    if id_field == "name":
        rec["name"] = strip_controls(key).strip()
    else:
        rec["id"] = key
        rec["tags"] = _v1_tags(rec.get("tags", []))
    return rec


def _migrate_v1(obj: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 (sections as objects keyed by id) → 2 (lists of records that
    carry their id; tombstones; generations). Contexts longer than a selector
    holds (an old import kept whole prefixes) are cut to 32 characters, tags
    lose control characters."""
    return {
        "schema_version": 2,
        "generation": 0,
        "saved": obj.get("saved", ""),
        "tags": [_v1_record(k, t, "name") for k, t in _v1_section(obj, "tags").items()],
        "articles": [_v1_record(k, a, "id") for k, a in _v1_section(obj, "articles").items()],
        "highlights": [_v1_highlight(k, h) for k, h in _v1_section(obj, "highlights").items()],
        "paths": [[p, i] for p, i in _v1_section(obj, "paths").items()],
        "deleted": [],
        "conflicts": [],
    }


MIGRATIONS[1] = _migrate_v1


def _migrate_v2(obj: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 → 3: colour meanings (a new section, empty). The version is
    raised so that an older Reader, which would drop the section it does not
    know when saving, refuses such a store (and leaves it untouched) instead."""
    return {**obj, "schema_version": 3, "colors": []}


MIGRATIONS[2] = _migrate_v2


def parse(data: str | bytes) -> Document:
    """Parse and validate a store document. Raises ``StoreCorrupt`` or ``StoreTooNew``."""
    return _parse(data.encode("utf-8") if isinstance(data, str) else data)[0]


def _parse(data: bytes) -> tuple[Document, StoreFile]:
    version = read_header(data).version
    if version is None:
        _invalid(data)
        raise StoreCorrupt("invalid store: no schema_version")
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"the store was written by a newer version of Reader (schema {version}; "
            f"this version knows up to {SCHEMA_VERSION}). It was left untouched: "
            "update Reader to open it."
        )
    with gc_paused():  # hundreds of thousands of objects, none garbage
        try:
            if version == SCHEMA_VERSION:
                sf = _DECODE_FILE(data)
            else:
                sf = msgspec.convert(_migrated(data, version), StoreFile)
        except msgspec.ValidationError as exc:
            raise StoreCorrupt(f"invalid store: {exc}") from None
        except (msgspec.DecodeError, ValueError, RecursionError) as exc:
            raise StoreCorrupt(f"the store is not valid JSON ({exc})") from None
        problem = check_names(sf)
        if problem:
            raise StoreCorrupt(f"invalid store: {problem}")
        return _document(sf), sf


def _invalid(data: bytes) -> None:
    """Raise the clearest error for a file without a readable version."""
    try:
        obj = msgspec.json.decode(data)
    except (msgspec.DecodeError, RecursionError) as exc:
        raise StoreCorrupt(f"the store is not valid JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise StoreCorrupt("invalid store: top level is not an object")


def _migrated(data: bytes, version: int) -> dict[str, Any]:
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise StoreCorrupt(f"the store is not valid JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise StoreCorrupt("invalid store: top level is not an object")
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreCorrupt(f"invalid store: no migration from schema {version}")
        try:
            obj = step(obj)
        except (KeyError, TypeError, AttributeError) as exc:
            raise StoreCorrupt(f"invalid store: {type(exc).__name__}: {exc}") from None
        version = obj["schema_version"]
    return dict(obj)


def _document(sf: StoreFile) -> Document:
    doc = Document()
    doc.highlights = _unique("highlight", {h.id: h for h in sf.highlights}, len(sf.highlights))
    doc.articles = _unique("article", {a.id: a for a in sf.articles}, len(sf.articles))
    doc.tags = _unique("tag", {t.name: t for t in sf.tags}, len(sf.tags))
    doc.paths = _unique("path", dict(sf.paths), len(sf.paths))
    doc.conflicts = _unique("conflict", {c.id: c for c in sf.conflicts}, len(sf.conflicts))
    doc.colors = _unique("colour", {c.color: c for c in sf.colors}, len(sf.colors))
    doc.rules = _unique("rule", {r.id: r for r in sf.rules}, len(sf.rules))
    doc.deleted = {(d.kind, d.key): d.at for d in sf.deleted}
    return doc


def _unique(what: str, records: dict[str, Any], count: int) -> dict[str, Any]:
    if len(records) != count:
        raise StoreCorrupt(f"invalid store: two {what} records share one id")
    return records


# -- backups ---------------------------------------------------------------------------


@dataclass
class Backup:
    path: Path
    generation: int
    when: datetime | None  # the save time written inside it (None: unreadable)


_BACKUP_RE = re.compile(r"^store-.*\.json$")


def _parse_saved(value: str) -> datetime | None:
    for fmt in ("%Y-%m-%dT%H:%M:%S.%fZ", "%Y%m%dT%H%M%S%fZ"):
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest generation first (by what each holds)."""
    out = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        if not _BACKUP_RE.match(name):
            continue
        p = folder / name
        try:
            with open(p, "rb") as fh:
                head = read_header(fh.read(400))
        except OSError:
            continue
        out.append(Backup(p, head.generation, _parse_saved(head.saved)))
    out.sort(key=lambda b: (b.generation, b.path.name), reverse=True)
    return out


def backups_to_keep(backups: list[Backup], today: datetime) -> set[Path]:
    """The ``KEEP_RECENT`` newest generations and the newest generation of each
    of the last ``KEEP_DAYS`` days. A backup dated after ``today`` (a clock that
    was ahead) counts for no day: only its generation can keep it."""
    keep = {b.path for b in backups[:KEEP_RECENT]}
    per_day: dict[str, Backup] = {}
    horizon = (today - timedelta(days=KEEP_DAYS - 1)).date()
    for b in backups:  # newest generation first
        if b.when is not None and horizon <= b.when.date() <= today.date():
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
        self.writer = uuid.uuid4().hex[:12]
        self.generation = 0  # of the file we last read or wrote
        # each record's JSON line, by kind (in any order: a record's place in
        # the file means nothing), the records whose line is out of date
        # (None: all of them), and each kind's lines joined
        self._lines: dict[Kind, dict[str, Any]] = {k: {} for k in KINDS}  # bytes-like
        self._stale: dict[Kind, set[str]] | None = None
        self._sections: dict[Kind, bytes] = {}
        self._disk_sig: tuple[int, int, int] | None = None
        self._instance: files.InstanceLock | None = None
        self._backup_warned = False
        self._last_read = b""
        # the loaded file and its records, until the first save has used them
        self._source: tuple[bytes, StoreFile] | None = None
        self._source_ok: bool | None = None  # is it one record per line?
        self._raw: tuple[bytes, _RawFile] | None = None
        #: the articles the last apply/undo/redo changed (None: maybe any)
        self.changed_articles: set[str] | None = None
        #: conflicts the last merge from disk added (for the app to announce)
        self.new_conflicts: list[Conflict] = []

    # -- paths
    @property
    def real_path(self) -> Path:
        """The file written: the store, or the target of a store that is a symlink."""
        return files.real_target(self.path)

    @property
    def lock_path(self) -> Path:
        real = self.real_path
        return real.with_name(real.name + ".lock")

    @property
    def instance_lock_path(self) -> Path:
        real = self.real_path
        return real.with_name(real.name + ".instance")

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
        real = self.real_path
        try:
            files.private_dir(real.parent)
        except OSError as exc:
            self._go_read_only(
                Message(
                    QT_TRANSLATE_NOOP("Core", "cannot create the store folder ({error})"),
                    error=exc.strerror,
                )
            )
            return
        if not os.access(real.parent, os.W_OK) or (real.exists() and not os.access(real, os.W_OK)):
            self._go_read_only(
                Message(QT_TRANSLATE_NOOP("Core", "the store file or its folder is not writable"))
            )

    def _go_read_only(self, reason: str) -> None:
        self.read_only = True
        self.read_only_reason = reason
        self.messages.append(
            Message(
                QT_TRANSLATE_NOOP("Core", "Opened read-only: {reason}. Changes cannot be saved."),
                reason=reason,
            )
        )

    def _take_instance_lock(self) -> None:
        lock = files.InstanceLock(self.instance_lock_path)
        try:
            ok = lock.try_acquire()
        except OSError as exc:
            self._go_read_only(
                Message(
                    QT_TRANSLATE_NOOP("Core", "cannot create a lock file ({error})"),
                    error=exc.strerror,
                )
            )
            return
        if not ok:
            self._go_read_only(
                Message(QT_TRANSLATE_NOOP("Core", "another Reader window is using this store"))
            )
            return
        self._instance = lock

    def close(self) -> None:
        """Release the instance lock (the app calls this after its last save)."""
        if self._instance is not None:
            self._instance.release()
            self._instance = None

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.real_path)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _read_disk(self) -> tuple[Document | None, StoreFile | None, Exception | None, int]:
        """(document, its file, problem, schema version) of the file on disk now."""
        self._last_read = b""
        try:
            data = self.real_path.read_bytes()
        except FileNotFoundError:
            return None, None, None, SCHEMA_VERSION
        except OSError as exc:
            return None, None, StoreCorrupt(f"cannot read the store: {exc}"), SCHEMA_VERSION
        version = read_header(data).version or SCHEMA_VERSION
        try:
            doc, sf = _parse(data)
        except StoreTooNew:
            raise
        except StoreCorrupt as exc:
            return None, None, exc, version
        self._last_read = data
        return doc, sf, None, version

    def _load(self) -> None:
        with self.mutex:
            sig = self._signature()
            with gc_paused():
                doc, sf, problem, version = self._read_disk()
                if problem is None:
                    # The document lives as long as the process and holds no
                    # cycles: keep it out of the collector's scans for good.
                    gc.freeze()
            if problem is not None:
                doc = self._recover(problem)
            elif doc is not None and version < SCHEMA_VERSION and not self.read_only:
                self._backup_before_migration(version)
                self._adopt(doc, sf)
                self.save(force=True)
                return
            self._adopt(doc or Document(), sf)
            if problem is None and sf is not None and version == SCHEMA_VERSION:
                # the file's own bytes of each record, reused by the first save
                self._source, self._source_ok = (self._last_read, sf), None
            self._last_read = b""
            self._disk_sig = sig if problem is None else self._signature()

    def _backup_before_migration(self, version: int) -> None:
        """Keep the pre-migration file before anything overwrites it."""
        files.private_dir(self.backup_dir)
        shutil.copy2(self.real_path, self.backup_dir / f"store-{_stamp_name()}-v{version}.json")
        self.messages.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The store was upgraded from schema {old} to {new}; "
                    "the old file is kept in the backups folder.",
                ),
                old=version,
                new=SCHEMA_VERSION,
            )
        )

    def _adopt(self, doc: Document, sf: StoreFile | None) -> None:
        self.doc = doc
        self.generation = sf.generation if sf is not None else 0
        self._reset_lines()

    def _reset_lines(self) -> None:
        self._lines = {k: {} for k in KINDS}
        self._stale = None
        self._sections = {}
        self._source = None

    def _keep_aside(self) -> Path | None:
        if self.read_only or not self.real_path.exists():
            return None
        kept = self.real_path.with_name(f"{self.real_path.name}.corrupt-{_stamp_name()}")
        os.replace(self.real_path, kept)
        files.fsync_dir(kept.parent)
        return kept

    def _recover(self, problem: Exception) -> Document:
        """Keep the damaged file, restore the newest good backup, and say so."""
        kept = self._keep_aside()
        for b in list_backups(self.backup_dir):
            try:
                doc, sf = _parse(b.path.read_bytes())
            except (StoreCorrupt, OSError):
                self.messages.append(
                    Message(
                        QT_TRANSLATE_NOOP("Core", "Backup {name} is damaged too; skipped (kept)."),
                        name=b.path.name,
                    )
                )
                continue
            except StoreTooNew:
                continue
            self.messages.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "The annotation store was damaged ({problem}). The damaged file is "
                        "kept as {kept}. Restored the backup of generation {generation} "
                        "(saved {when}); changes after that were lost.",
                    )
                    if kept
                    else QT_TRANSLATE_NOOP(
                        "Core",
                        "The annotation store was damaged ({problem}). Restored the backup of "
                        "generation {generation} (saved {when}); changes after that were lost.",
                    ),
                    problem=str(problem),
                    kept=kept.name if kept else "",
                    generation=sf.generation,
                    when=sf.saved or "?",
                )
            )
            if not self.read_only:
                self._adopt(doc, sf)
                self.save(force=True)
            return doc
        self.messages.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The annotation store was damaged ({problem}) and no good backup exists. "
                    "The damaged file is kept as {kept}; starting with an empty store.",
                )
                if kept
                else QT_TRANSLATE_NOOP(
                    "Core",
                    "The annotation store was damaged ({problem}) and no good backup exists; "
                    "starting with an empty store.",
                ),
                problem=str(problem),
                kept=kept.name if kept else "",
            )
        )
        return Document()

    # -- changing
    def apply(self, op: Operation, *, undoable: bool = True) -> None:
        """Apply a user operation (recorded for undo)."""
        with self.mutex:
            try:
                op.apply(self.doc)
            finally:
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
        """Forget the encoded form of the records changed since last time, and
        note which articles the change concerns (``changed_articles``)."""
        doc = self.doc
        recent, doc.recent = doc.recent, []
        before, doc.recent_articles = doc.recent_articles, set()
        self._forget(recent)
        ids = before
        for kind, key in recent:
            if kind in ("tags", "colors", "rules"):  # (may show on, or change, any article)
                self.changed_articles = None
                return
            if kind == "articles":
                ids.add(key)
            elif kind == "highlights":
                h = doc.highlights.get(key)
                if h is not None:
                    ids.add(h.article)
        self.changed_articles = ids

    def _forget(self, keys: Iterable[tuple[Kind, str]]) -> None:
        stale, sections = self._stale, self._sections
        for kind, key in keys:
            sections.pop(kind, None)
            if stale is not None:
                stale.setdefault(kind, set()).add(key)

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
            with files.exclusive(self.lock_path):
                with self.mutex:
                    if not force and not self.doc.dirty:
                        return False
                    if self._signature() != self._disk_sig:
                        self._merge_from_disk()
                    pieces = self._encode(self.generation + 1)
                    rev = self.doc.revision
                    # each changed record as written, for one changed again meanwhile
                    saved = {k: self._lines[k[0]].get(k[1]) for k in self.doc.dirty}
                self._backup_current()
                files.atomic_write(self.real_path, pieces)
                with self.mutex:
                    self.generation += 1
                    self._disk_sig = self._signature()
                    self._source = self._raw = None  # every line is in ``_lines`` now
                    for k, line in saved.items():
                        if self.doc.touched.get(k, 0) <= rev:
                            self.doc.dirty.pop(k, None)
                        else:  # changed again while we wrote: its base is what we saved
                            self.doc.dirty[k] = _line_value(k[0], line)
        except files.LockBusy:
            raise StoreBusy("the store is locked by another Reader process; try again") from None
        except StoreError:
            raise
        except OSError as exc:
            raise StoreWriteError(
                f"could not save the annotation store: {exc.strerror or exc}"
            ) from None
        self._prune_backups()
        return True

    def _encode(self, generation: int) -> list[bytes]:
        """The file as pieces: a header and one joined section per kind."""
        doc = self.doc
        self._drop_old_tombstones()
        head = {
            "schema_version": SCHEMA_VERSION,
            "generation": generation,
            "saved": now(),
            "writer": self.writer,
        }
        pieces = [b"{\n"]
        pieces += [_ENCODE(k) + b": " + _ENCODE(v) + b",\n" for k, v in head.items()]
        stale, self._stale = self._stale, {}
        for kind in KINDS:
            section = self._sections.get(kind)
            if section is None:
                section = self._sections[kind] = self._section(kind, stale)
            pieces.append(_ENCODE(kind) + (b": [\n" if section else b": ["))
            pieces.append(section)
            pieces.append(b"\n],\n" if section else b"],\n")
        tombs = [Deleted(kind, key, at) for (kind, key), at in doc.deleted.items()]
        pieces.append(b'"deleted": [' + b",\n".join(_ENCODE(t) for t in tombs) + b"]\n}\n")
        return pieces

    def _section(self, kind: Kind, stale: dict[Kind, set[str]] | None) -> bytes:
        """One kind's records, a line each (only the stale ones encoded again)."""
        records = self.doc.records(kind)
        lines = self._lines[kind]
        if stale is None:
            lines.clear()
            keys: Iterable[str] = self._reuse_source(kind, lines)
        else:
            keys = stale.get(kind, ())
        for key in keys:
            record = records.get(key)
            lines.pop(key, None)  # an edited record's line goes to the end
            if record is not None:
                lines[key] = _record_line(kind, key, record)
        return b",\n".join(lines.values())

    def _reuse_source(self, kind: Kind, lines: dict[str, bytes]) -> Iterable[str]:
        """Fill ``lines`` with the loaded file's own bytes for every record not
        changed since (a first save then encodes only what changed: a million
        records took five seconds to encode again); the keys left to encode.

        Only for a file in our own layout, one record per line (its line
        count says so); a hand-formatted file is encoded afresh.
        """
        records = self.doc.records(kind)
        source = self._source
        if source is not None and self._source_ok is None:
            self._source_ok = _one_per_line(*source)
        if source is None or not self._source_ok:
            return records.keys()
        data, sf = source
        raw = self._raw_sections(data)
        touched = self.doc.touched
        for key, line in zip(_loaded_keys(sf, kind), getattr(raw, kind), strict=True):
            if key in records and (kind, key) not in touched:
                lines[key] = line  # a view of the file's bytes: joined without a copy
        return [k for k in records if k not in lines]

    def _raw_sections(self, data: bytes) -> _RawFile:
        if self._raw is None or self._raw[0] is not data:
            self._raw = (data, _DECODE_RAW(data))
        return self._raw[1]

    def _drop_old_tombstones(self) -> None:
        horizon = (datetime.now(UTC) - timedelta(days=TOMBSTONE_DAYS)).strftime("%Y-%m-%d")
        old = [k for k, at in self.doc.deleted.items() if at[:10] < horizon]
        for k in old:
            del self.doc.deleted[k]

    def refresh(self) -> bool:
        """Take in changes another process saved; True if anything came in."""
        with self.mutex:
            if self._signature() == self._disk_sig:
                return False
            try:
                with files.exclusive(self.lock_path):
                    changed = self._merge_from_disk()
                    self._disk_sig = self._signature()
            except files.LockBusy:
                return False  # the writer is still at it: the next look takes it in
        return changed

    def _merge_from_disk(self) -> bool:
        """Merge the file on disk (saved by someone else) into our document."""
        theirs, sf, problem, _ = self._read_disk()
        if problem is not None:
            kept = self._keep_aside()
            self.messages.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "The store on disk was damaged ({problem}); it is kept as {kept} and "
                        "this session's annotations were saved in its place.",
                    )
                    if kept
                    else QT_TRANSLATE_NOOP(
                        "Core",
                        "The store on disk was damaged ({problem}); "
                        "this session's annotations were saved in its place.",
                    ),
                    problem=str(problem),
                    kept=kept.name if kept else "",
                )
            )
            self._reset_lines()
            return False
        if theirs is None or sf is None:
            return False
        self.generation = max(self.generation, sf.generation)
        changed = self._merge(theirs)
        if changed:
            self._source = self._raw = None  # records replaced without ``touch``
        if changed:
            self.doc.reindex()  # records were replaced without ``touch``
        return changed

    def _merge(self, theirs: Document) -> bool:
        doc = self.doc
        stamp = now()
        changed = False
        new_conflicts: list[Conflict] = []
        for kind in KINDS:
            ours_map = doc.records(kind)
            theirs_map = theirs.records(kind)
            for key in ours_map.keys() | theirs_map.keys() | _tombstoned(theirs, kind):
                k = (kind, key)
                mine_rec, their_rec = ours_map.get(key), theirs_map.get(key)
                if k not in doc.dirty:
                    if mine_rec != their_rec:
                        _set(doc, kind, key, their_rec, theirs.deleted.get(k))
                        self._forget([k])
                        changed = True
                    continue
                base = doc.dirty[k]
                other = dump(their_rec)
                mine = dump(mine_rec)
                if other in (base, mine):
                    continue  # only we changed it
                result = merge_record(
                    kind,
                    key,
                    base,
                    mine,
                    other,
                    mine_deleted_at=doc.deleted.get(k, ""),
                    theirs_deleted_at=theirs.deleted.get(k, ""),
                    now=stamp,
                )
                doc.dirty[k] = other  # in step with disk; what we write next is ours
                if result.value != mine:
                    _set(doc, kind, key, load(kind, result.value), theirs.deleted.get(k))
                    self._forget([k])
                    changed = True
                new_conflicts += result.conflicts
        for k, at in theirs.deleted.items():
            if k not in doc.deleted and k[1] not in doc.records(k[0]):
                doc.deleted[k] = at
        for c in new_conflicts:
            doc.touch("conflicts", c.id)
            doc.conflicts[c.id] = c
        self._forget(doc.recent)
        doc.recent = []
        if new_conflicts:
            self.new_conflicts += new_conflicts
            changed = True
        return changed

    def _backup_current(self) -> None:
        """Link the file on disk into ``backups/`` under its generation, once.

        A backups folder that cannot be written warns once and never stops a
        save: the save itself is what keeps the user's work.
        """
        real = self.real_path
        if not real.exists():
            return
        target = self.backup_dir / f"store-g{self.generation:010d}.json"
        if target.exists() or self._backed_up_recently():
            return  # backed up already (a failed save adds none), or a moment ago
        try:
            files.private_dir(self.backup_dir)
            try:
                os.link(real, target)
            except OSError:
                shutil.copy2(real, target)
        except OSError as exc:
            if not self._backup_warned:
                self._backup_warned = True
                self.messages.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Core",
                            "Could not write a backup in {folder} ({error}); the annotations "
                            "are saved, without a backup of the previous version.",
                        ),
                        folder=str(self.backup_dir),
                        error=exc.strerror or str(exc),
                    )
                )

    def _backed_up_recently(self) -> bool:
        """A backup was written less than ``BACKUP_EVERY`` seconds ago (by the
        files' own times; one dated in the future, a clock that was ahead,
        does not count)."""
        now_s = time.time()
        try:
            with os.scandir(self.backup_dir) as it:
                for e in it:
                    if _BACKUP_RE.match(e.name):
                        age = now_s - e.stat().st_mtime
                        if 0 <= age < BACKUP_EVERY:
                            return True
        except OSError:
            return False
        return False

    def _prune_backups(self) -> None:
        backups = list_backups(self.backup_dir)
        keep = backups_to_keep(backups, datetime.now(UTC))
        for b in backups:
            if b.path not in keep:
                with contextlib.suppress(OSError):
                    b.path.unlink()


def _tombstoned(doc: Document, kind: Kind) -> set[str]:
    return {key for (k, key) in doc.deleted if k == kind}


def _set(doc: Document, kind: Kind, key: str, record: Any, deleted_at: str | None) -> None:
    """Take a record from a merge (no touch: it is what is on disk, or will be)."""
    maps = doc.records(kind)
    if record is None:
        if maps.pop(key, None) is not None or deleted_at:
            doc.deleted[(kind, key)] = deleted_at or now()
    else:
        maps[key] = record
        doc.deleted.pop((kind, key), None)


__all__ = [
    "SCHEMA_VERSION",
    "ArticleState",
    "Backup",
    "Highlight",
    "Store",
    "StoreBusy",
    "StoreCorrupt",
    "StoreError",
    "StoreReadOnly",
    "StoreTooNew",
    "StoreWriteError",
    "Tag",
    "backups_to_keep",
    "list_backups",
    "parse",
]
