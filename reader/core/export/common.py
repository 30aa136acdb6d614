"""What every export shares: choosing what to export, safe file names, safe writes.

An export never writes outside the destination the user chose: file names
made from titles are sanitised (no separators, no ``..``, no reserved device
names, at most 120 bytes, unique), and every file is written atomically.
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import overrides
from ..annotations import Document, Highlight
from ..article import Article
from ..files import atomic_write

MAX_NAME_BYTES = 120
_RESERVED = (
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


class ExportError(Exception):
    """A user-facing export problem (destination exists, bad filter…)."""


@dataclass
class ExportFilter:
    articles: set[str] = field(default_factory=set)  # article ids (empty: all)
    #: also notes on articles not in the library given (another library's,
    #: or a deleted file's): off, an export is of this library
    all_libraries: bool = False
    tags: set[str] = field(default_factory=set)  # highlight or article carries one
    colors: set[str] = field(default_factory=set)
    since: date | None = None  # article date, inclusive
    until: date | None = None
    only_with_highlights: bool = False
    #: only these highlights (ids; empty: all), on whichever library's articles
    highlights: set[str] = field(default_factory=set)


@dataclass
class ArticleNotes:
    """One article and the highlights to export from it, in reading order."""

    article: Article | None  # None: not in this library (only what the store knows)
    article_id: str
    title: str
    tags: list[str]
    note: str
    highlights: list[Highlight]
    starred: bool = False
    read: bool = False
    #: what the user made each colour mean (shared by all articles of an export)
    meanings: dict[str, str] = field(default_factory=dict)
    #: the metadata fields the user corrected (the article shows them already)
    corrected: dict[str, str] = field(default_factory=dict)

    def color_label(self, color: str) -> str:
        """A colour with its meaning: "yellow (argument)", or just "yellow"."""
        meaning = self.meanings.get(color, "")
        return f"{color} ({meaning})" if meaning else color

    @property
    def date(self) -> str | None:
        return self.article.date if self.article else None

    def heading_for(self, h: Highlight) -> str | None:
        """The section heading a highlight falls under, if any."""
        a = self.article
        if a is None:
            return None
        offsets = a.block_offsets()
        starts = [s for s, _ in offsets]
        i = bisect.bisect_right(starts, h.start) - 1
        while i >= 0:
            if a.blocks[i].type == "heading":
                return a.blocks[i].text
            i -= 1
        return None


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def select(
    articles: Iterable[Article], doc: Document, flt: ExportFilter | None = None
) -> list[ArticleNotes]:
    """Articles and highlights matching the filter, articles in date then title order."""
    flt = flt or ExportFilter()
    meanings = doc.meanings()
    by_id = {a.id: a for a in articles}
    hl_by_article: dict[str, list[Highlight]] = {}
    for h in doc.highlights.values():
        hl_by_article.setdefault(h.article, []).append(h)
    ids = set(by_id) | (set(hl_by_article) if flt.all_libraries else set())
    if flt.highlights:  # chosen one by one: exactly these, wherever they are
        hl_by_article = {
            aid: kept
            for aid, hs in hl_by_article.items()
            if (kept := [h for h in hs if h.id in flt.highlights])
        }
        ids = set(hl_by_article)
    if flt.articles:
        ids &= flt.articles
    out: list[ArticleNotes] = []
    for aid in ids:
        art = by_id.get(aid)
        st = doc.articles.get(aid)
        if art is not None and st is not None and st.meta:
            art = overrides.apply(art, st.meta)
        atags = list(st.tags) if st else []
        day = _parse_day(art.date if art else None)
        if flt.since and (day is None or day < flt.since):
            continue
        if flt.until and (day is None or day > flt.until):
            continue
        hs = sorted(
            hl_by_article.get(aid, []), key=lambda h: (h.status == "orphaned", h.start, h.end)
        )
        if flt.colors:
            hs = [h for h in hs if h.color in flt.colors]
        if flt.tags:
            article_tagged = bool(flt.tags & set(atags))
            hs = [h for h in hs if article_tagged or flt.tags & set(h.tags)]
            if not hs and not article_tagged:
                continue
        if (flt.only_with_highlights or flt.colors) and not hs:
            continue
        has_state = st is not None and bool(st.note or st.meta)
        if not hs and not atags and not has_state and aid not in flt.articles:
            continue  # nothing to export about it
        title = art.title if art else (st.title if st and st.title else aid)
        out.append(
            ArticleNotes(
                art,
                aid,
                title,
                atags,
                st.note if st else "",
                hs,
                starred=bool(st and st.starred),
                read=bool(st and st.read),
                meanings=meanings,
                corrected=dict(st.meta) if st else {},
            )
        )
    out.sort(key=lambda n: (n.date or "9999", n.title))
    return out


def safe_name(title: str, used: set[str], suffix: str = ".md") -> str:
    """A file name from a title: no separators or ``..``, not reserved, <= 120 bytes, unique."""
    s = unicodedata.normalize("NFC", title)
    s = re.sub(r"[\x00-\x1f\x7f]", "", s)
    s = re.sub(r'[\\/:*?"<>|]+', " ", s)
    s = re.sub(r"\s+", " ", s).replace("..", ".")
    s = re.sub(r"^[.\s]+|[.\s]+$", "", s)  # no hidden file, no trailing dot (Windows)
    if not s or s.split(".")[0].lower() in _RESERVED:
        s = f"_{s}" if s else "untitled"
    limit = MAX_NAME_BYTES - len(suffix.encode())
    base = _cut_bytes(s, limit)
    name = base + suffix
    n = 2
    while name.casefold() in used:
        tail = f" ({n})"
        name = _cut_bytes(s, limit - len(tail.encode())) + tail + suffix
        n += 1
    used.add(name.casefold())
    return name


def _cut_bytes(s: str, limit: int) -> str:
    b = s.encode("utf-8")
    if len(b) <= limit:
        return s
    return b[:limit].decode("utf-8", errors="ignore").rstrip()


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing anything that would land outside ``folder``."""
    target = (folder / name).resolve()
    if not target.is_relative_to(folder.resolve()) or target == folder.resolve():
        raise ExportError(f"refusing to write outside the destination: {name!r}")
    return target


def check_destination(out: Path, *, folder: bool, force: bool) -> None:
    if folder:
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} exists and is not a folder")
        if out.is_dir() and any(out.iterdir()) and not force:
            raise ExportError(f"{out} is not empty; use --force to write into it")
    elif out.exists() and not force:
        raise ExportError(f"{out} exists; use --force to overwrite it")
    elif out.is_dir():
        raise ExportError(f"{out} is a folder")


def write_file(path: Path, data: bytes) -> None:
    atomic_write(path, data)
    os.chmod(path, 0o644)


Progress = Callable[[int, int], bool]  # (done, total) → False to cancel


def article_uri(article_id: str) -> str:
    """A stable URI for an article: its content id (see ``article.content_id``)."""
    return f"urn:x-reader:article:{article_id}"


def highlight_link(highlight_id: str) -> str:
    """The link that opens Reader at a highlight (``reader open LINK``; the
    desktop file registers the ``reader:`` scheme)."""
    return f"reader://highlight/{highlight_id}"
