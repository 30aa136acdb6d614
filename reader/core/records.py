"""The store's records, declared once: every field's type and bounds.

These ``msgspec`` structs are the schema of ``store.json`` (schema 2). Decoding
checks every type and range in C as the file is read (a highlight tag ``1``, a
colour ``5``, a reading position ``1e999`` or a prefix of a megabyte is an
invalid store, not a crash later in a widget), and encoding writes them back
the same way, so the record layout is spelled nowhere else.

Bounds exist so that no single stored value can stall the app: titles, notes
and quotes are capped far above anything a person writes, and a quote's
context is the 32 characters the W3C TextQuoteSelector carries.
"""

from __future__ import annotations

import re
import time
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import msgspec

#: Characters of context kept each side of a quote (as Hypothesis does).
CONTEXT = 32

PALETTE: dict[str, str] = {
    "yellow": "#ffd43b",
    "green": "#8ce99a",
    "blue": "#74c0fc",
    "pink": "#faa2c1",
    "purple": "#b197fc",
    "orange": "#ffa94d",
    "red": "#ff8787",
    "gray": "#ced4da",
}
DEFAULT_COLOR = "yellow"

Status = Literal["anchored", "moved", "fuzzy", "orphaned"]
STATUSES: tuple[Status, ...] = ("anchored", "moved", "fuzzy", "orphaned")
Kind = Literal["highlights", "articles", "tags", "paths", "conflicts", "colors", "rules"]
#: The store's sections, in file order.
KINDS: tuple[Kind, ...] = (
    "tags",
    "articles",
    "highlights",
    "paths",
    "conflicts",
    "colors",
    "rules",
)

COLOR_PATTERN = "^(?:" + "|".join(PALETTE) + "|#[0-9a-fA-F]{6})$"
#: No control characters (they break XML exports and terminals), at least one
#: character that is not a space.
TAG_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
MAX_TAG = 100
MAX_TITLE = 2_000
MAX_NOTE = 1_000_000
MAX_QUOTE = 2_000_000
MAX_ID = 200

Id = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID)]
# Colours and tag names are checked against their patterns by ``check_names``
# (once per distinct value: as a per-value constraint the two patterns cost
# 18 of a 20,000-highlight store's 50 ms of decoding).
Color = Annotated[str, msgspec.Meta(min_length=1, max_length=7)]
TagName = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TAG)]
Stamp = Annotated[str, msgspec.Meta(max_length=64)]
Canonical = Annotated[str, msgspec.Meta(max_length=2000)]
Note = Annotated[str, msgspec.Meta(max_length=MAX_NOTE)]
Title = Annotated[str, msgspec.Meta(max_length=MAX_TITLE)]
Offset = Annotated[int, msgspec.Meta(ge=0, le=2**40)]
Position = Annotated[float, msgspec.Meta(ge=0.0, le=1.0)]
Context = Annotated[str, msgspec.Meta(max_length=CONTEXT)]


class Selector(msgspec.Struct, frozen=True, gc=False):
    """W3C TextQuoteSelector + TextPositionSelector (code points of the clean text)."""

    exact: Annotated[str, msgspec.Meta(max_length=MAX_QUOTE)]
    prefix: Context = ""
    suffix: Context = ""
    start: Offset = 0
    end: Offset = 0

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a selector ends before it starts")


class Highlight(msgspec.Struct, kw_only=True, gc=False):
    """A highlighted passage with its colour, note and tags."""

    id: Id
    article: Id
    selector: Selector
    color: Color = DEFAULT_COLOR
    note: Note = ""
    tags: list[TagName] = []
    created: Stamp = ""
    modified: Stamp = ""
    status: Status = "anchored"
    #: the id another tool gave it (an imported Hypothesis annotation): written
    #: back as the annotation's ``canonical`` on export
    canonical: Canonical = ""

    # Read access to the selector's parts, as most code wants them.
    @classmethod
    def new(
        cls,
        article: str,
        sel: Selector,
        *,
        color: str = DEFAULT_COLOR,
        note: str = "",
        tags: list[str] | None = None,
    ) -> Highlight:
        """A new highlight with a fresh id, its colour and tags checked."""
        t = now()
        return cls(
            id=str(uuid.uuid4()),
            article=article,
            selector=sel,
            color=normalize_color(color),
            note=note,
            tags=list(dict.fromkeys(normalize_tag(x) for x in (tags or []))),
            created=t,
            modified=t,
        )

    @property
    def exact(self) -> str:
        return self.selector.exact

    @property
    def prefix(self) -> str:
        return self.selector.prefix

    @property
    def suffix(self) -> str:
        return self.selector.suffix

    @property
    def start(self) -> int:
        return self.selector.start

    @property
    def end(self) -> int:
        return self.selector.end


class ArticleState(msgspec.Struct, kw_only=True, gc=False):
    """What the user keeps about an article (not the article itself).

    ``title`` and ``length`` are the article as last seen: they let orphaned
    annotations say what they were on, and are evidence (never the only one)
    when a file that was both moved and edited is matched again.
    """

    id: Id
    tags: list[TagName] = []
    read: bool = False
    position: Position = 0.0
    starred: bool = False
    note: Note = ""
    title: Title = ""
    length: Offset = 0
    modified: Stamp = ""
    #: the user's corrections of the cleaner's metadata (core/overrides.py):
    #: field ("title", "date", …) → value ("" = the user says: none)
    meta: dict[Annotated[str, msgspec.Meta(max_length=16)], Title] = {}

    def is_empty(self) -> bool:
        return not (
            self.tags or self.read or self.position or self.starred or self.note or self.meta
        )


class Tag(msgspec.Struct, kw_only=True, gc=False):
    name: TagName
    color: Color = "gray"
    created: Stamp = ""
    modified: Stamp = ""


MAX_MEANING = 200


class ColorMeaning(msgspec.Struct, kw_only=True, gc=False):
    """What the user made a highlight colour mean ("yellow" = "argument")."""

    color: Color
    meaning: Annotated[str, msgspec.Meta(max_length=MAX_MEANING)] = ""
    modified: Stamp = ""


RuleAction = Literal["remove", "restore", "heading", "paragraph", "untitle"]
RuleMatch = Literal["line", "starts", "after"]


class Rule(msgspec.Struct, kw_only=True, gc=False):
    """A correction of the cleaner's output (core/rules.py), for one article
    (``article``) or every article of a site (``site``: the host of the page's
    address, else the source's name)."""

    id: Id
    action: RuleAction
    match: RuleMatch  # the whole line is ``text`` / starts with it / comes after it
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TITLE)]
    site: Annotated[str, msgspec.Meta(max_length=300)] = ""
    article: Annotated[str, msgspec.Meta(max_length=MAX_ID)] = ""
    enabled: bool = True
    created: Stamp = ""
    modified: Stamp = ""


class Deleted(msgspec.Struct, array_like=True, gc=False):
    """A tombstone: the record ``kind``/``key`` was deleted at ``at``.

    A delete is a change with a time, so that merging two writers can tell a
    delete newer than the other side's edit (the delete wins) from an older one.
    """

    kind: Kind
    key: Annotated[str, msgspec.Meta(max_length=4096)]
    at: Stamp


class Conflict(msgspec.Struct, kw_only=True, gc=False):
    """A value that lost a merge: two writers changed the same field.

    Kept (and shown) until the user restores or dismisses it; never dropped
    silently. ``lost`` is the losing value (a whole record for a lost delete
    or a lost edit of a deleted record).
    """

    id: Id
    kind: Kind
    key: Annotated[str, msgspec.Meta(max_length=4096)]
    field: Annotated[str, msgspec.Meta(max_length=40)]
    kept: Any = None
    lost: Any = None
    lost_at: Stamp = ""
    at: Stamp = ""
    title: Title = ""


class StoreFile(msgspec.Struct, kw_only=True):
    """The whole document as written to ``store.json``."""

    schema_version: int
    generation: Annotated[int, msgspec.Meta(ge=0)] = 0
    saved: Stamp = ""
    writer: Annotated[str, msgspec.Meta(max_length=100)] = ""
    tags: list[Tag] = []
    articles: list[ArticleState] = []
    highlights: list[Highlight] = []
    paths: list[tuple[Annotated[str, msgspec.Meta(max_length=4096)], Id]] = []
    deleted: list[Deleted] = []
    conflicts: list[Conflict] = []
    colors: list[ColorMeaning] = []  # (schema 3)
    rules: list[Rule] = []  # (schema 3)


#: The type of one record of each kind (a path record is the article id).
RECORD_TYPES: dict[Kind, Any] = {
    "highlights": Highlight,
    "articles": ArticleState,
    "tags": Tag,
    "paths": str,
    "conflicts": Conflict,
    "colors": ColorMeaning,
    "rules": Rule,
}

_COLOR_RE = re.compile(COLOR_PATTERN)
_TAG_RE = re.compile(TAG_PATTERN)


def check_names(sf: StoreFile) -> str | None:
    """What is wrong with the file's colours or tag names (None: nothing)."""
    colors = {h.color for h in sf.highlights} | {t.color for t in sf.tags}
    colors |= {c.color for c in sf.colors}
    bad = sorted(c for c in colors if not _COLOR_RE.match(c))
    if bad:
        return f"unknown colour {bad[0]!r}"
    names = {t.name for t in sf.tags}
    for h in sf.highlights:
        names.update(h.tags)
    for a in sf.articles:
        names.update(a.tags)
    bad = sorted(n for n in names if not _TAG_RE.match(n))
    if bad:
        return f"invalid tag name {bad[0]!r}"
    return None


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """``text`` without control characters (used where a field forbids them)."""
    return _CONTROL.sub("", text)


_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class AnnotationError(ValueError):
    """A user-facing problem with an operation (bad colour, unknown tag…)."""


_last_ms = 0


def now() -> str:
    """ISO 8601 UTC with milliseconds, strictly increasing within a process.

    "The newer edit wins" when merging needs two edits never to share a stamp.
    """
    global _last_ms
    ms = max(int(time.time() * 1000), _last_ms + 1)
    _last_ms = ms
    t = datetime.fromtimestamp(ms / 1000, UTC)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def normalize_color(color: str) -> str:
    c = color.strip().lower()
    if c in PALETTE or _HEX.match(c):
        return c
    raise AnnotationError(f"unknown colour {color!r}: use one of {', '.join(PALETTE)} or #rrggbb")


def color_hex(color: str) -> str:
    return PALETTE.get(color, color)


def normalize_tag(tag: str) -> str:
    """A tag as stored: one line, no control characters, no leading ``#``."""
    t = re.sub(r"\s+", " ", strip_controls(re.sub(r"[\n\r\t]", " ", tag)))
    t = t.strip().lstrip("#").strip()
    if not t:
        raise AnnotationError("a tag cannot be empty")
    if len(t) > MAX_TAG:
        raise AnnotationError(f"a tag can have at most {MAX_TAG} characters")
    return t
