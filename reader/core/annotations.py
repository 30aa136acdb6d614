"""The annotation model and the operations that change it.

Every change a user makes is an ``Operation`` with ``apply`` and ``revert``, so
the app's undo stack and the command line share one code path. Operations
record which records they touched (``Document.touch``): the store uses that to
merge with changes another process saved meanwhile, record by record, instead
of overwriting them.
"""

from __future__ import annotations

import copy
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from .anchoring import Selector

#: Named highlight colours (the palette). Any ``#rrggbb`` is accepted too.
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
STATUSES = ("anchored", "moved", "fuzzy", "orphaned")
Kind = Literal["highlights", "articles", "tags", "paths"]

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
    t = re.sub(r"\s+", " ", tag.strip().lstrip("#"))
    if not t:
        raise AnnotationError("a tag cannot be empty")
    if len(t) > 100:
        raise AnnotationError("a tag can have at most 100 characters")
    return t


@dataclass
class Highlight:
    id: str
    article: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    color: str = DEFAULT_COLOR
    note: str = ""
    tags: list[str] = field(default_factory=list)
    created: str = ""
    modified: str = ""
    status: str = "anchored"

    @property
    def selector(self) -> Selector:
        return Selector(self.exact, self.prefix, self.suffix, self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        """The stored form (the id is the record's key in the store)."""
        return {
            "article": self.article,
            "selector": {
                "exact": self.exact,
                "prefix": self.prefix,
                "suffix": self.suffix,
                "start": self.start,
                "end": self.end,
            },
            "color": self.color,
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "modified": self.modified,
            "status": self.status,
        }

    @classmethod
    def from_json(cls, o: dict[str, Any], key: str = "") -> Highlight:
        s = o["selector"]
        return cls(
            id=o.get("id") or key,
            article=o["article"],
            exact=s["exact"],
            prefix=s.get("prefix", ""),
            suffix=s.get("suffix", ""),
            start=s["start"],
            end=s["end"],
            color=o.get("color", DEFAULT_COLOR),
            note=o.get("note", ""),
            tags=list(o.get("tags", [])),
            created=o.get("created", ""),
            modified=o.get("modified", ""),
            status=o.get("status", "anchored"),
        )

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
        t = now()
        return cls(
            id=str(uuid.uuid4()),
            article=article,
            exact=sel.exact,
            prefix=sel.prefix,
            suffix=sel.suffix,
            start=sel.start,
            end=sel.end,
            color=normalize_color(color),
            note=note,
            tags=[normalize_tag(x) for x in (tags or [])],
            created=t,
            modified=t,
        )


@dataclass
class ArticleState:
    """What the user keeps about an article (not the article itself)."""

    tags: list[str] = field(default_factory=list)
    read: bool = False
    position: float = 0.0  # reading position, 0..1 of the text
    starred: bool = False
    note: str = ""
    title: str = ""  # last known title: lets orphaned annotations say what they were on
    modified: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "tags": list(self.tags),
            "read": self.read,
            "position": self.position,
            "starred": self.starred,
            "note": self.note,
            "title": self.title,
            "modified": self.modified,
        }

    @classmethod
    def from_json(cls, o: dict[str, Any]) -> ArticleState:
        return cls(
            tags=list(o.get("tags", [])),
            read=bool(o.get("read", False)),
            position=float(o.get("position", 0.0)),
            starred=bool(o.get("starred", False)),
            note=o.get("note", ""),
            title=o.get("title", ""),
            modified=o.get("modified", ""),
        )

    def is_empty(self) -> bool:
        return not (self.tags or self.read or self.position or self.starred or self.note)


@dataclass
class Tag:
    name: str
    color: str = "gray"
    created: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"color": self.color, "created": self.created}

    @classmethod
    def from_json(cls, name: str, o: dict[str, Any]) -> Tag:
        return cls(name=name, color=o.get("color", "gray"), created=o.get("created", ""))


GroupsSnapshot = tuple[tuple[int, int], list[tuple[str, "Highlight"]]]
BuiltGroups = tuple[tuple[int, int], dict[str, dict[str, "Highlight"]], dict[str, str]]


class Document:
    """The whole annotation state: highlights, article states, tags, the path map.

    ``touch`` must be called before a record changes; it remembers the
    record's last saved form (for merging) and drops its cached JSON.
    """

    def __init__(self) -> None:
        self.highlights: dict[str, Highlight] = {}
        self.articles: dict[str, ArticleState] = {}
        self.tags: dict[str, Tag] = {}
        self.paths: dict[str, str] = {}  # absolute file path → article id
        self.dirty: dict[tuple[Kind, str], Any] = {}  # record → its last saved JSON
        self.touched: dict[tuple[Kind, str], int] = {}  # record → revision of last change
        self.recent: list[tuple[Kind, str]] = []  # touched since the store last looked
        # articles whose highlights were touched, as they were before the change
        # (a deleted or moved highlight no longer says where it was)
        self.recent_articles: set[str] = set()
        self.revision = 0
        self._of_memo: tuple[tuple[str, int, int], list[Highlight]] | None = None
        # highlights by article, kept up to date from the highlights touched
        # since: every change used to rescan all 20,000 (4–5 ms twice per change)
        self._by_article: dict[str, dict[str, Highlight]] | None = None
        self._filed_under: dict[str, str] = {}  # highlight id → its key in _by_article
        self._changed_highlights: list[str] = []
        self._index_epoch = 0  # bumped by reindex(): a snapshot before it is stale

    # -- bookkeeping ----------------------------------------------------------
    def record_json(self, kind: Kind, key: str) -> Any:
        if kind == "highlights":
            h = self.highlights.get(key)
            return h.to_json() if h else None
        if kind == "articles":
            a = self.articles.get(key)
            return a.to_json() if a else None
        if kind == "tags":
            t = self.tags.get(key)
            return t.to_json() if t else None
        return self.paths.get(key)

    def touch(self, kind: Kind, key: str) -> None:
        k = (kind, key)
        if k not in self.dirty:
            self.dirty[k] = self.record_json(kind, key)
        self.revision += 1
        self.touched[k] = self.revision
        self.recent.append(k)
        if kind == "highlights":
            h = self.highlights.get(key)
            if h is not None:
                self.recent_articles.add(h.article)
            if self._by_article is not None:
                self._changed_highlights.append(key)

    def reindex(self) -> None:
        """Forget the per-article index (after changing highlights without ``touch``)."""
        self._by_article = None
        self._of_memo = None
        self._index_epoch += 1

    # The per-article index of 20,000 highlights takes 30-50 ms to build; built
    # lazily, that landed in the first repaint of the table. An app builds it
    # on a worker instead: a snapshot here (a C-level copy, on the thread that
    # changes the document), ``build_groups`` there, ``adopt_groups`` back here
    # only if nothing was touched in between.
    def groups_snapshot(self) -> GroupsSnapshot | None:
        """None when the index is built already."""
        if self._by_article is not None:
            return None
        return self._snapshot()

    def _snapshot(self) -> GroupsSnapshot:
        return (self.revision, self._index_epoch), list(self.highlights.items())

    @staticmethod
    def build_groups(snapshot: GroupsSnapshot) -> BuiltGroups:
        stamp, items = snapshot
        groups: dict[str, dict[str, Highlight]] = {}
        filed: dict[str, str] = {}
        for hid, h in items:
            groups.setdefault(h.article, {})[hid] = h
            filed[hid] = h.article
        return stamp, groups, filed

    def adopt_groups(self, built: BuiltGroups) -> bool:
        """Take an index built from a snapshot; False if the document changed since."""
        stamp, groups, filed = built
        if self._by_article is not None or stamp != (self.revision, self._index_epoch):
            return False
        self._by_article, self._filed_under = groups, filed
        self._changed_highlights = []
        return True

    def _groups(self) -> dict[str, dict[str, Highlight]]:
        """Highlights by article, brought up to date with the touched highlights
        (looked at now, after the change: ``touch`` comes before it)."""
        groups = self._by_article
        if groups is not None and self._changed_highlights:
            filed = self._filed_under
            changed, self._changed_highlights = self._changed_highlights, []
            for hid in changed:
                old = filed.pop(hid, None)
                if old is not None:
                    group = groups[old]
                    del group[hid]
                    if not group:
                        del groups[old]
                h = self.highlights.get(hid)
                if h is not None:
                    groups.setdefault(h.article, {})[hid] = h
                    filed[hid] = h.article
        if groups is None or len(self._filed_under) != len(self.highlights):
            _, groups, filed = self.build_groups(self._snapshot())
            self._by_article, self._filed_under = groups, filed
            self._changed_highlights = []
        return groups

    def highlight_count(self, article_id: str) -> int:
        group = self._groups().get(article_id)
        return len(group) if group else 0

    def highlight_counts(self) -> dict[str, int]:
        """Highlights per article, for sorting by the count."""
        return {aid: len(g) for aid, g in self._groups().items()}

    def article(self, article_id: str) -> ArticleState:
        """The state of an article, created (and touched) if missing."""
        st = self.articles.get(article_id)
        if st is None:
            self.touch("articles", article_id)
            st = self.articles[article_id] = ArticleState()
        return st

    def ensure_tag(self, name: str) -> bool:
        """Register ``name`` if new; True if it was created."""
        if name in self.tags:
            return False
        self.touch("tags", name)
        self.tags[name] = Tag(name=name, created=now())
        return True

    # -- queries ----------------------------------------------------------------
    def tag_counts(self) -> dict[str, tuple[int, int]]:
        """tag → (articles carrying it, highlights carrying it)."""
        counts = {name: [0, 0] for name in self.tags}
        for st in self.articles.values():
            for t in st.tags:
                counts.setdefault(t, [0, 0])[0] += 1
        for h in self.highlights.values():
            for t in h.tags:
                counts.setdefault(t, [0, 0])[1] += 1
        return {k: (v[0], v[1]) for k, v in counts.items()}

    def highlights_of(self, article_id: str) -> list[Highlight]:
        """An article's highlights in reading order, orphans last (memoised per revision:
        the app asks for the same list several times after each change)."""
        memo = self._of_memo
        if memo is not None and memo[0] == (article_id, self.revision, len(self.highlights)):
            return list(memo[1])
        hs = list(self._groups().get(article_id, {}).values())
        hs.sort(key=lambda h: (h.status == "orphaned", h.start, h.end))
        self._of_memo = ((article_id, self.revision, len(self.highlights)), hs)
        return list(hs)

    def copy(self) -> Document:
        d = Document()
        d.highlights = copy.deepcopy(self.highlights)
        d.articles = copy.deepcopy(self.articles)
        d.tags = copy.deepcopy(self.tags)
        d.paths = dict(self.paths)
        return d


# -- operations -------------------------------------------------------------------


class Operation:
    """A change that can be applied, reverted and re-applied (undo/redo)."""

    label = "change"

    def apply(self, doc: Document) -> None:
        raise NotImplementedError

    def revert(self, doc: Document) -> None:
        raise NotImplementedError


class _Snapshot(Operation):
    """Operations that revert by restoring the records they touched.

    Subclasses implement ``_do`` and declare ``keys``; the snapshot of those
    records before the first ``apply`` is what ``revert`` restores. This keeps
    every operation's undo exact, including side effects like tags registered
    on the way.
    """

    def __init__(self) -> None:
        self._before: dict[tuple[Kind, str], Any] | None = None
        self._after: dict[tuple[Kind, str], Any] | None = None

    def _do(self, doc: Document, touch: Any) -> None:
        raise NotImplementedError

    #: False for system changes that are never undone (re-anchoring a library):
    #: they skip recording before/after copies of every record they touch.
    recorded = True

    def apply(self, doc: Document) -> None:
        if not self.recorded:
            self._do(doc, doc.touch)
            return
        if self._after is not None:  # redo: put back exactly what the first apply made
            for (kind, key), value in self._after.items():
                doc.touch(kind, key)
                _restore(doc, kind, key, value)
            return
        before: dict[tuple[Kind, str], Any] = {}

        def touch(kind: Kind, key: str) -> None:
            k = (kind, key)
            if k not in before:
                before[k] = doc.record_json(kind, key)
            doc.touch(kind, key)

        self._do(doc, touch)
        self._before = before
        self._after = {k: doc.record_json(*k) for k in before}

    def revert(self, doc: Document) -> None:
        for (kind, key), value in (self._before or {}).items():
            doc.touch(kind, key)
            _restore(doc, kind, key, value)


def _restore(doc: Document, kind: Kind, key: str, value: Any) -> None:
    if kind == "highlights":
        if value is None:
            doc.highlights.pop(key, None)
        else:
            doc.highlights[key] = Highlight.from_json(value, key)
    elif kind == "articles":
        if value is None:
            doc.articles.pop(key, None)
        else:
            doc.articles[key] = ArticleState.from_json(value)
    elif kind == "tags":
        if value is None:
            doc.tags.pop(key, None)
        else:
            doc.tags[key] = Tag.from_json(key, value)
    else:
        if value is None:
            doc.paths.pop(key, None)
        else:
            doc.paths[key] = value


def _register(doc: Document, touch: Any, tags: list[str]) -> None:
    for t in tags:
        if t not in doc.tags:
            touch("tags", t)
            doc.tags[t] = Tag(name=t, created=now())


class AddHighlight(_Snapshot):
    label = "add highlight"

    def __init__(self, highlight: Highlight, article_title: str = "") -> None:
        super().__init__()
        self.highlight = highlight
        self.article_title = article_title

    def _do(self, doc: Document, touch: Any) -> None:
        h = copy.deepcopy(self.highlight)
        touch("highlights", h.id)
        doc.highlights[h.id] = h
        _register(doc, touch, h.tags)
        if self.article_title:
            st = doc.articles.get(h.article)
            if st is None or not st.title:
                touch("articles", h.article)
                st = doc.articles.setdefault(h.article, ArticleState())
                st.title = self.article_title


class DeleteHighlight(_Snapshot):
    label = "delete highlight"

    def __init__(self, highlight_id: str) -> None:
        super().__init__()
        self.highlight_id = highlight_id

    def _do(self, doc: Document, touch: Any) -> None:
        if self.highlight_id not in doc.highlights:
            raise AnnotationError(f"no highlight {self.highlight_id}")
        touch("highlights", self.highlight_id)
        del doc.highlights[self.highlight_id]


class EditHighlight(_Snapshot):
    """Change a highlight's colour, note, tags or placement."""

    label = "edit highlight"

    def __init__(
        self,
        highlight_id: str,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: list[str] | None = None,
        selector: Selector | None = None,
        status: str | None = None,
        article: str | None = None,
    ) -> None:
        super().__init__()
        self.highlight_id = highlight_id
        self.color = normalize_color(color) if color is not None else None
        self.note = note
        self.tags = [normalize_tag(t) for t in tags] if tags is not None else None
        self.selector = selector
        self.status = status
        self.article = article
        if color is not None:
            self.label = "change colour"
        elif note is not None:
            self.label = "edit note"
        elif tags is not None:
            self.label = "edit highlight tags"
        elif selector is not None:
            self.label = "re-attach highlight"

    def _do(self, doc: Document, touch: Any) -> None:
        h = doc.highlights.get(self.highlight_id)
        if h is None:
            raise AnnotationError(f"no highlight {self.highlight_id}")
        touch("highlights", h.id)
        if self.color is not None:
            h.color = self.color
        if self.note is not None:
            h.note = self.note
        if self.tags is not None:
            h.tags = list(dict.fromkeys(self.tags))
            _register(doc, touch, h.tags)
        if self.selector is not None:
            s = self.selector
            h.exact, h.prefix, h.suffix, h.start, h.end = (
                s.exact,
                s.prefix,
                s.suffix,
                s.start,
                s.end,
            )
        if self.status is not None:
            h.status = self.status
        if self.article is not None:
            h.article = self.article
        h.modified = now()


class TagArticle(_Snapshot):
    label = "tag article"

    def __init__(
        self, article_id: str, tags: list[str], *, remove: bool = False, title: str = ""
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.tags = [normalize_tag(t) for t in tags]
        self.remove = remove
        self.title = title
        self.label = "untag article" if remove else "tag article"

    def _do(self, doc: Document, touch: Any) -> None:
        touch("articles", self.article_id)
        st = doc.articles.setdefault(self.article_id, ArticleState())
        if self.title:
            st.title = self.title
        if self.remove:
            st.tags = [t for t in st.tags if t not in self.tags]
        else:
            st.tags = list(dict.fromkeys(st.tags + self.tags))
            _register(doc, touch, self.tags)
        st.modified = now()


class SetArticle(_Snapshot):
    """Set read state, reading position, star, whole-article note or last title."""

    label = "edit article"
    FIELDS = ("read", "position", "starred", "note", "title")

    def __init__(self, article_id: str, **values: Any) -> None:
        super().__init__()
        unknown = set(values) - set(self.FIELDS)
        if unknown:
            raise AnnotationError(f"unknown article field(s): {', '.join(sorted(unknown))}")
        self.article_id = article_id
        self.values = values

    def _do(self, doc: Document, touch: Any) -> None:
        touch("articles", self.article_id)
        st = doc.articles.setdefault(self.article_id, ArticleState())
        for k, v in self.values.items():
            setattr(st, k, v)
        st.modified = now()


class _TagRewrite(_Snapshot):
    """Rewrite a tag on every article and highlight that carries it."""

    def _rewrite(self, doc: Document, touch: Any, old: str, new: str | None) -> None:
        def fix(tags: list[str]) -> list[str]:
            out = [new if t == old else t for t in tags if t != old or new is not None]
            return list(dict.fromkeys(x for x in out if x is not None))

        for aid, st in doc.articles.items():
            if old in st.tags:
                touch("articles", aid)
                st.tags = fix(st.tags)
        for hid, h in doc.highlights.items():
            if old in h.tags:
                touch("highlights", hid)
                h.tags = fix(h.tags)
                h.modified = now()


class RenameTag(_TagRewrite):
    label = "rename tag"

    def __init__(self, old: str, new: str) -> None:
        super().__init__()
        self.old, self.new = normalize_tag(old), normalize_tag(new)

    def _do(self, doc: Document, touch: Any) -> None:
        if self.old not in doc.tags and not any(self.old in c for c in _carriers(doc)):
            raise AnnotationError(f"no tag {self.old!r}")
        if self.new in doc.tags and self.new != self.old:
            raise AnnotationError(f"tag {self.new!r} exists already: merge instead")
        touch("tags", self.old)
        touch("tags", self.new)
        old_tag = doc.tags.pop(self.old, Tag(self.old, created=now()))
        doc.tags[self.new] = Tag(self.new, old_tag.color, old_tag.created)
        self._rewrite(doc, touch, self.old, self.new)


class MergeTag(_TagRewrite):
    """Merge tag ``source`` into ``target``: everything tagged ``source`` gets ``target``."""

    label = "merge tags"

    def __init__(self, source: str, target: str) -> None:
        super().__init__()
        self.source, self.target = normalize_tag(source), normalize_tag(target)

    def _do(self, doc: Document, touch: Any) -> None:
        if self.source not in doc.tags:
            raise AnnotationError(f"no tag {self.source!r}")
        if self.source == self.target:
            raise AnnotationError("cannot merge a tag into itself")
        touch("tags", self.source)
        doc.tags.pop(self.source)
        _register(doc, touch, [self.target])
        self._rewrite(doc, touch, self.source, self.target)


class DeleteTag(_TagRewrite):
    label = "delete tag"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = normalize_tag(name)

    def _do(self, doc: Document, touch: Any) -> None:
        if self.name not in doc.tags:
            raise AnnotationError(f"no tag {self.name!r}")
        touch("tags", self.name)
        doc.tags.pop(self.name)
        self._rewrite(doc, touch, self.name, None)


class SetTagColor(_Snapshot):
    label = "tag colour"

    def __init__(self, name: str, color: str) -> None:
        super().__init__()
        self.name = normalize_tag(name)
        self.color = normalize_color(color)

    def _do(self, doc: Document, touch: Any) -> None:
        touch("tags", self.name)
        tag = doc.tags.get(self.name) or Tag(self.name, created=now())
        tag.color = self.color
        doc.tags[self.name] = tag


class Batch(Operation):
    """Several operations applied and undone as one."""

    def __init__(self, ops: list[Operation], label: str = "changes") -> None:
        self.ops = ops
        self.label = label

    def apply(self, doc: Document) -> None:
        for op in self.ops:
            op.apply(doc)

    def revert(self, doc: Document) -> None:
        for op in reversed(self.ops):
            op.revert(doc)


def _carriers(doc: Document) -> list[list[str]]:
    return [st.tags for st in doc.articles.values()] + [h.tags for h in doc.highlights.values()]


class History:
    """Undo/redo over operations (the app mirrors it with its own stack)."""

    def __init__(self, limit: int = 500) -> None:
        self.done: list[Operation] = []
        self.undone: list[Operation] = []
        self.limit = limit

    def push(self, op: Operation) -> None:
        self.done.append(op)
        del self.done[: -self.limit]
        self.undone.clear()

    def undo(self, doc: Document) -> Operation | None:
        if not self.done:
            return None
        op = self.done.pop()
        op.revert(doc)
        self.undone.append(op)
        return op

    def redo(self, doc: Document) -> Operation | None:
        if not self.undone:
            return None
        op = self.undone.pop()
        op.apply(doc)
        self.done.append(op)
        return op
