"""The annotation model and the operations that change it.

Every change a user makes is an ``Operation`` with ``apply`` and ``revert``, so
the app's undo stack and the command line share one code path. Operations
record which records they touched (``Document.touch``): the store uses that to
merge with changes another process saved meanwhile, field by field
(``merge.py``), instead of overwriting them. Deleting a record leaves a
tombstone with its time, so that a delete can win over an older edit.

The records themselves (``Highlight``, ``ArticleState``, ``Tag``) are declared
once, in ``records.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec

from .messages import QT_TRANSLATE_NOOP
from .records import (
    DEFAULT_COLOR,
    KINDS,
    MAX_MEANING,
    MAX_TITLE,
    PALETTE,
    RECORD_TYPES,
    STATUSES,
    AnnotationError,
    ArticleState,
    ColorMeaning,
    Conflict,
    Highlight,
    Kind,
    Rule,
    Selector,
    Status,
    Tag,
    color_hex,
    normalize_color,
    normalize_tag,
    now,
    strip_controls,
)

__all__ = [
    "DEFAULT_COLOR",
    "KINDS",
    "PALETTE",
    "STATUSES",
    "AnnotationError",
    "ArticleState",
    "Conflict",
    "Highlight",
    "Kind",
    "Tag",
    "color_hex",
    "normalize_color",
    "normalize_tag",
    "now",
]


def dump(record: Any) -> Any:
    """A record as plain JSON values (``None`` stays ``None``)."""
    return None if record is None else msgspec.to_builtins(record)


def load(kind: Kind, value: Any) -> Any:
    """A record of ``kind`` from plain JSON values (checked against the schema)."""
    if value is None or kind == "paths":
        return value
    return msgspec.convert(value, RECORD_TYPES[kind])


GroupsSnapshot = tuple[tuple[int, int], list[tuple[str, "Highlight"]]]
BuiltGroups = tuple[tuple[int, int], dict[str, dict[str, "Highlight"]], dict[str, str]]


class Document:
    """The whole annotation state: highlights, article states, tags, the path map,
    tombstones of deleted records and the values that lost a merge.

    ``touch`` must be called before a record changes; it remembers the
    record's last saved form (the base a merge compares both sides with).
    """

    def __init__(self) -> None:
        self.highlights: dict[str, Highlight] = {}
        self.articles: dict[str, ArticleState] = {}
        self.tags: dict[str, Tag] = {}
        self.paths: dict[str, str] = {}  # absolute file path → article id
        self.deleted: dict[tuple[Kind, str], str] = {}  # record → when it was deleted
        self.conflicts: dict[str, Conflict] = {}  # values that lost a merge, by id
        self.colors: dict[str, ColorMeaning] = {}  # what the user made each colour mean
        self.rules: dict[str, Rule] = {}  # corrections of the cleaner (core/rules.py)
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
    def records(self, kind: Kind) -> dict[str, Any]:
        """The map of one kind of record."""
        maps: dict[str, Any] = getattr(self, kind)
        return maps

    def record_json(self, kind: Kind, key: str) -> Any:
        """A record as plain JSON values, or None if there is none."""
        return dump(self.records(kind).get(key))

    def put(self, kind: Kind, key: str, record: Any) -> None:
        """Set (or, with ``None``, delete with a tombstone) a record; touch it first."""
        maps = self.records(kind)
        if record is None:
            if maps.pop(key, None) is not None:
                self.deleted[(kind, key)] = now()
        else:
            maps[key] = record
            self.deleted.pop((kind, key), None)

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

    def article_state(self, article_id: str) -> ArticleState:
        """The state of an article, created if missing (the caller has touched it)."""
        st = self.articles.get(article_id)
        if st is None:
            st = ArticleState(id=article_id)
            self.put("articles", article_id, st)
        return st

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
        d.highlights = {k: _clone(v) for k, v in self.highlights.items()}
        d.articles = {k: _clone(v) for k, v in self.articles.items()}
        d.tags = {k: _clone(v) for k, v in self.tags.items()}
        d.paths = dict(self.paths)
        d.deleted = dict(self.deleted)
        d.conflicts = dict(self.conflicts)
        d.colors = {k: _clone(v) for k, v in self.colors.items()}
        d.rules = {k: _clone(v) for k, v in self.rules.items()}
        return d

    def meanings(self) -> dict[str, str]:
        """Colour → the meaning the user gave it (only colours that have one)."""
        return {c: m.meaning for c, m in self.colors.items() if m.meaning}


def _clone(record: Any) -> Any:
    """A copy that shares nothing mutable (records hold lists of tags)."""
    out = msgspec.structs.replace(record)
    if hasattr(out, "tags"):
        out.tags = list(out.tags)
    if hasattr(out, "meta"):
        out.meta = dict(out.meta)
    return out


# -- operations -------------------------------------------------------------------


class Operation:
    """A change that can be applied, reverted and re-applied (undo/redo)."""

    label = QT_TRANSLATE_NOOP("Core", "change")

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

    def _do(self, doc: Document, touch: Touch) -> None:
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
    doc.put(kind, key, load(kind, value))


Touch = Callable[[Kind, str], None]


def _register(doc: Document, touch: Touch, tags: list[str]) -> None:
    for t in tags:
        if t not in doc.tags:
            touch("tags", t)
            stamp = now()
            doc.put("tags", t, Tag(name=t, created=stamp, modified=stamp))


class AddHighlight(_Snapshot):
    label = QT_TRANSLATE_NOOP("Core", "add highlight")

    def __init__(self, highlight: Highlight, article_title: str = "") -> None:
        super().__init__()
        self.highlight = highlight
        self.article_title = article_title

    def _do(self, doc: Document, touch: Touch) -> None:
        h = _clone(self.highlight)
        touch("highlights", h.id)
        doc.put("highlights", h.id, h)
        _register(doc, touch, h.tags)
        if self.article_title:
            st = doc.articles.get(h.article)
            if st is None or not st.title:
                touch("articles", h.article)
                doc.article_state(h.article).title = self.article_title[:MAX_TITLE]


class DeleteHighlight(_Snapshot):
    label = QT_TRANSLATE_NOOP("Core", "delete highlight")

    def __init__(self, highlight_id: str) -> None:
        super().__init__()
        self.highlight_id = highlight_id

    def _do(self, doc: Document, touch: Touch) -> None:
        if self.highlight_id not in doc.highlights:
            raise AnnotationError(f"no highlight {self.highlight_id}")
        touch("highlights", self.highlight_id)
        doc.put("highlights", self.highlight_id, None)


class EditHighlight(_Snapshot):
    """Change a highlight's colour, note, tags or placement."""

    label = QT_TRANSLATE_NOOP("Core", "edit highlight")

    def __init__(
        self,
        highlight_id: str,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: list[str] | None = None,
        selector: Selector | None = None,
        status: Status | None = None,
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

    def _do(self, doc: Document, touch: Touch) -> None:
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
            h.selector = self.selector
        if self.status is not None:
            h.status = self.status
        if self.article is not None:
            h.article = self.article
        h.modified = now()


class TagArticle(_Snapshot):
    label = QT_TRANSLATE_NOOP("Core", "tag article")

    def __init__(
        self, article_id: str, tags: list[str], *, remove: bool = False, title: str = ""
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.tags = [normalize_tag(t) for t in tags]
        self.remove = remove
        self.title = title
        self.label = "untag article" if remove else "tag article"

    def _do(self, doc: Document, touch: Touch) -> None:
        touch("articles", self.article_id)
        st = doc.article_state(self.article_id)
        if self.title:
            st.title = self.title[:MAX_TITLE]
        if self.remove:
            st.tags = [t for t in st.tags if t not in self.tags]
        else:
            st.tags = list(dict.fromkeys(st.tags + self.tags))
            _register(doc, touch, self.tags)
        st.modified = now()


def set_article_tags(
    doc: Document, article_id: str, tags: list[str], title: str = ""
) -> Operation | None:
    """The operation that gives an article exactly ``tags`` (one undo step), or
    None if it has them already."""
    st = doc.articles.get(article_id)
    old = list(st.tags) if st else []
    new = list(dict.fromkeys(normalize_tag(t) for t in tags))
    ops: list[Operation] = []
    added = [t for t in new if t not in old]
    removed = [t for t in old if t not in new]
    if added:
        ops.append(TagArticle(article_id, added, title=title))
    if removed:
        ops.append(TagArticle(article_id, removed, remove=True))
    if not ops:
        return None
    return ops[0] if len(ops) == 1 else Batch(ops, QT_TRANSLATE_NOOP("Core", "edit article tags"))


class SetArticle(_Snapshot):
    """Set read state, reading position, star, whole-article note or last title."""

    label = QT_TRANSLATE_NOOP("Core", "edit article")
    FIELDS = ("read", "position", "starred", "note", "title")

    def __init__(self, article_id: str, **values: Any) -> None:
        super().__init__()
        unknown = set(values) - set(self.FIELDS)
        if unknown:
            raise AnnotationError(f"unknown article field(s): {', '.join(sorted(unknown))}")
        if "position" in values:  # a finite fraction of the text, whatever the view said
            p = float(values["position"])
            values["position"] = min(1.0, max(0.0, p)) if p == p else 0.0
        if "title" in values:
            values["title"] = str(values["title"])[:MAX_TITLE]
        self.article_id = article_id
        self.values = values

    def _do(self, doc: Document, touch: Touch) -> None:
        touch("articles", self.article_id)
        st = doc.article_state(self.article_id)
        for k, v in self.values.items():
            setattr(st, k, v)
        st.modified = now()


class SetArticleMeta(_Snapshot):
    """Correct an article's metadata: ``values`` maps a field ("title",
    "date", …) to the user's value, or to None to go back to the cleaner's."""

    label = QT_TRANSLATE_NOOP("Core", "edit article details")

    def __init__(self, article_id: str, values: dict[str, str | None], title: str = "") -> None:
        from .overrides import normalize

        super().__init__()
        self.article_id = article_id
        self.values = {k: (None if v is None else normalize(k, v)) for k, v in values.items()}
        self.title = title[:MAX_TITLE]

    def _do(self, doc: Document, touch: Touch) -> None:
        touch("articles", self.article_id)
        st = doc.article_state(self.article_id)
        meta = dict(st.meta)
        for k, v in self.values.items():
            if v is None:
                meta.pop(k, None)
            else:
                meta[k] = v
        st.meta = meta
        if self.title and not st.title:
            st.title = self.title
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
                st.modified = now()
        for hid, h in doc.highlights.items():
            if old in h.tags:
                touch("highlights", hid)
                h.tags = fix(h.tags)
                h.modified = now()


class RenameTag(_TagRewrite):
    label = QT_TRANSLATE_NOOP("Core", "rename tag")

    def __init__(self, old: str, new: str) -> None:
        super().__init__()
        self.old, self.new = normalize_tag(old), normalize_tag(new)

    def _do(self, doc: Document, touch: Touch) -> None:
        if self.old not in doc.tags and not any(self.old in c for c in _carriers(doc)):
            raise AnnotationError(f"no tag {self.old!r}")
        if self.new in doc.tags and self.new != self.old:
            raise AnnotationError(f"tag {self.new!r} exists already: merge instead")
        touch("tags", self.old)
        touch("tags", self.new)
        old_tag = doc.tags.get(self.old) or Tag(name=self.old, created=now())
        doc.put("tags", self.old, None)
        tag = Tag(name=self.new, color=old_tag.color, created=old_tag.created, modified=now())
        doc.put("tags", self.new, tag)
        self._rewrite(doc, touch, self.old, self.new)


class MergeTag(_TagRewrite):
    """Merge tag ``source`` into ``target``: everything tagged ``source`` gets ``target``."""

    label = QT_TRANSLATE_NOOP("Core", "merge tags")

    def __init__(self, source: str, target: str) -> None:
        super().__init__()
        self.source, self.target = normalize_tag(source), normalize_tag(target)

    def _do(self, doc: Document, touch: Touch) -> None:
        if self.source not in doc.tags:
            raise AnnotationError(f"no tag {self.source!r}")
        if self.source == self.target:
            raise AnnotationError("cannot merge a tag into itself")
        touch("tags", self.source)
        doc.put("tags", self.source, None)
        _register(doc, touch, [self.target])
        self._rewrite(doc, touch, self.source, self.target)


class DeleteTag(_TagRewrite):
    label = QT_TRANSLATE_NOOP("Core", "delete tag")

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = normalize_tag(name)

    def _do(self, doc: Document, touch: Touch) -> None:
        if self.name not in doc.tags:
            raise AnnotationError(f"no tag {self.name!r}")
        touch("tags", self.name)
        doc.put("tags", self.name, None)
        self._rewrite(doc, touch, self.name, None)


class SetTagColor(_Snapshot):
    label = QT_TRANSLATE_NOOP("Core", "tag colour")

    def __init__(self, name: str, color: str) -> None:
        super().__init__()
        self.name = normalize_tag(name)
        self.color = normalize_color(color)

    def _do(self, doc: Document, touch: Touch) -> None:
        touch("tags", self.name)
        tag = doc.tags.get(self.name) or Tag(name=self.name, created=now())
        tag.color = self.color
        tag.modified = now()
        doc.put("tags", self.name, tag)


class SetColorMeaning(_Snapshot):
    """Say what a highlight colour means ("" forgets the meaning)."""

    label = QT_TRANSLATE_NOOP("Core", "colour meaning")

    def __init__(self, color: str, meaning: str) -> None:
        super().__init__()
        self.color = normalize_color(color)
        self.meaning = strip_controls(" ".join(meaning.split()))[:MAX_MEANING]

    def _do(self, doc: Document, touch: Touch) -> None:
        touch("colors", self.color)
        doc.put("colors", self.color, ColorMeaning(color=self.color, meaning=self.meaning,
                                                   modified=now()))  # fmt: skip


class PutRule(_Snapshot):
    """Add a correction of the cleaner's output, or change one (``rule.id``)."""

    label = QT_TRANSLATE_NOOP("Core", "correction")

    def __init__(self, rule: Rule, *, imported: bool = False) -> None:
        super().__init__()
        self.rule = rule
        self.imported = imported  # keep its times, as the exporter had them

    def _do(self, doc: Document, touch: Touch) -> None:
        touch("rules", self.rule.id)
        old = doc.rules.get(self.rule.id)
        rule = self.rule
        if not (self.imported and rule.created and rule.modified):
            created = old.created if old else (rule.created or now())
            rule = msgspec.structs.replace(rule, created=created, modified=now())
        doc.put("rules", rule.id, rule)


class DeleteRule(_Snapshot):
    label = QT_TRANSLATE_NOOP("Core", "delete correction")

    def __init__(self, rule_id: str) -> None:
        super().__init__()
        self.rule_id = rule_id

    def _do(self, doc: Document, touch: Touch) -> None:
        if self.rule_id not in doc.rules:
            raise AnnotationError(f"no rule {self.rule_id!r}")
        touch("rules", self.rule_id)
        doc.put("rules", self.rule_id, None)


class RecordConflict(_Snapshot):
    """Keep a value that is being replaced without the user's hand (an import)."""

    label = QT_TRANSLATE_NOOP("Core", "keep replaced value")

    def __init__(self, conflict: Conflict) -> None:
        super().__init__()
        self.conflict = conflict

    def _do(self, doc: Document, touch: Touch) -> None:
        touch("conflicts", self.conflict.id)
        doc.put("conflicts", self.conflict.id, _clone(self.conflict))


class DismissConflict(_Snapshot):
    """Drop a conflict from the list (its value was looked at, restored or not)."""

    label = QT_TRANSLATE_NOOP("Core", "dismiss conflict")

    def __init__(self, conflict_id: str) -> None:
        super().__init__()
        self.conflict_id = conflict_id

    def _do(self, doc: Document, touch: Touch) -> None:
        if self.conflict_id not in doc.conflicts:
            raise AnnotationError(f"no conflict {self.conflict_id}")
        touch("conflicts", self.conflict_id)
        doc.put("conflicts", self.conflict_id, None)


class RestoreConflict(_Snapshot):
    """Put back the value that lost a merge (and drop it from the list)."""

    label = QT_TRANSLATE_NOOP("Core", "restore other version")

    def __init__(self, conflict_id: str) -> None:
        super().__init__()
        self.conflict_id = conflict_id

    def _do(self, doc: Document, touch: Touch) -> None:
        c = doc.conflicts.get(self.conflict_id)
        if c is None:
            raise AnnotationError(f"no conflict {self.conflict_id}")
        touch(c.kind, c.key)
        if c.field == "deleted":  # the lost side is a whole record, or a delete
            doc.put(c.kind, c.key, load(c.kind, c.lost))
        else:
            record = doc.records(c.kind).get(c.key)
            if record is None:
                raise AnnotationError("the record this value belonged to no longer exists")
            data = dump(record)
            if c.field == "meta" and isinstance(c.lost, dict):  # corrections, key by key
                meta = dict(data.get("meta") or {})
                for k, v in c.lost.items():
                    if v is None:
                        meta.pop(k, None)
                    else:
                        meta[k] = v
                data["meta"] = meta
            elif isinstance(c.lost, dict) and c.field not in ("note", "title"):
                data.update(c.lost)  # a group of fields (a highlight's placement)
            else:
                data[c.field] = c.lost
            if "modified" in data:
                data["modified"] = now()
            doc.put(c.kind, c.key, load(c.kind, data))
        if c.kind == "highlights" and c.key in doc.highlights:
            _register(doc, touch, doc.highlights[c.key].tags)
        touch("conflicts", c.id)
        doc.put("conflicts", c.id, None)


class Batch(Operation):
    """Several operations applied and undone as one: all of them, or none (an
    operation that fails half-way reverts the ones applied before it)."""

    def __init__(
        self, ops: list[Operation], label: str = QT_TRANSLATE_NOOP("Core", "changes")
    ) -> None:
        self.ops = ops
        self.label = label

    def apply(self, doc: Document) -> None:
        done: list[Operation] = []
        try:
            for op in self.ops:
                op.apply(doc)
                done.append(op)
        except BaseException:
            for op in reversed(done):
                op.revert(doc)
            raise

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
