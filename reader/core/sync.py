"""Keeping annotations attached to the library as files move and change.

Article ids are content hashes (see ``article.content_id``), so a renamed or
moved file, and a file the cleaner now reads better, keep their id and their
annotations with no work at all. What needs help is an *edited* file: its id
changes. The store's path map (absolute path → last article id seen there)
carries its annotations to the new id. Failing that (a file both moved and
edited), a unique title match does, but only with evidence that it is the
same article: the candidate is a file the library has not seen before, and
the old article's highlights anchor in its text (most of them), or, for an
article with tags or notes but no highlights, its length is within a tenth
of what it was. A title alone never moves annotations: an article that is
merely absent (a moved folder, an unmounted drive) keeps them, waiting for
it to come back. Then every highlight of a present article is re-anchored
against the current clean text; anything that cannot be placed becomes an
orphan with its quote and note intact.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .anchoring import Selector, Status, anchor, describe
from .annotations import ArticleState, DeleteRule, Document, Highlight, PutRule, _Snapshot, now
from .article import BLOCK_SEPARATOR, Article, decode_body
from .courtesy import checkpoint
from .messages import QT_TRANSLATE_NOOP
from .paths import shown
from .records import MAX_TITLE, Rule


@dataclass
class ReconcileReport:
    rekeyed: list[tuple[str, str]] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    changed: int = 0

    @property
    def orphaned(self) -> int:
        return self.statuses.get("orphaned", 0)


def norm_path(path: str) -> str:
    return shown(os.path.abspath(path))


#: what a re-anchored highlight looked like when planned: article, start, end, exact, status
_Seen = tuple[str, int, int, str, str]


@dataclass
class ReconcilePlan:
    """What reconciling would change, worked out without changing anything.

    ``plan`` can run on a worker thread while the GUI keeps changing the
    document: it reads the document through single C-level copies (a dict or
    list copy runs without letting another thread in), and applying checks
    each entry against the record as it is then, skipping any that moved on.
    """

    paths: list[tuple[str, str | None, str]] = field(default_factory=list)  # path, was, now
    rekeys: list[tuple[str, str]] = field(default_factory=list)  # old id → new id
    anchors: list[tuple[str, _Seen, Status, Selector | None]] = field(default_factory=list)
    titles: list[tuple[str, str, int]] = field(default_factory=list)  # id, title, length
    statuses: Counter[str] = field(default_factory=Counter)

    def parts(self, size: int = 2000) -> list[ReconcilePlan]:
        """The plan as several smaller ones, applied in this order with the same
        result: a first library's path map (10,000 entries) then costs the GUI
        thread a few short steps instead of one long one. Rekeys and anchors
        (few) come first, whole."""
        head = ReconcilePlan(rekeys=self.rekeys, anchors=self.anchors, statuses=self.statuses)
        out = [head]
        for i in range(0, len(self.paths), size):
            out.append(ReconcilePlan(paths=self.paths[i : i + size]))
        for i in range(0, len(self.titles), size):
            out.append(ReconcilePlan(titles=self.titles[i : i + size]))
        return out


def plan(
    doc: Document,
    articles: Sequence[Article],
    bodies: Bodies | None = None,
) -> ReconcilePlan:
    """Path map, edited and moved files, re-anchoring and titles, as a plan.

    The texts of the highlighted articles are read here, the slow part when
    they are loaded lazily: ``bodies`` reads them in bulk (the library
    loader's), and they are not kept.
    """
    paths = dict(doc.paths)
    highlights = list(doc.highlights.values())
    states = dict(doc.articles)
    out = ReconcilePlan()
    by_id = {a.id: a for a in articles}
    annotated = {h.article for h in highlights}
    annotated |= {aid for aid, st in states.items() if not st.is_empty()}
    # 1. the path map, and edited files (same path, new id)
    for n, a in enumerate(articles):
        if n % 256 == 255:
            checkpoint()  # planned on a worker beside the GUI thread
        path = norm_path(a.path)
        old = paths.get(path)
        if old == a.id:
            continue
        if old and old not in by_id and old in annotated and a.id not in annotated:
            out.rekeys.append((old, a.id))
            annotated.discard(old)
            annotated.add(a.id)
        out.paths.append((path, old, a.id))
    # 2. moved *and* edited: a unique title match, with evidence (module docstring)
    missing = [aid for aid in annotated if aid not in by_id]
    if missing:
        _match_moved_and_edited(missing, articles, paths, states, highlights, annotated, out)
    # 3. re-anchor every highlight whose quote is no longer where it was
    _reanchor(highlights, by_id, dict(out.rekeys), bodies, out)
    # 4. remember titles (orphaned annotations say where they were) and lengths
    for aid in annotated:
        present = by_id.get(aid)
        if present is not None:
            st = states.get(aid)
            title = present.title[:MAX_TITLE]
            if st is None or st.title != title or st.length != present.char_count:
                out.titles.append((aid, title, present.char_count))
    return out


Bodies = Callable[[list[Article]], Mapping[str, bytes]]


def _reanchor(
    highlights: list[Highlight],
    by_id: dict[str, Article],
    moved: dict[str, str],
    bodies: Bodies | None,
    out: ReconcilePlan,
) -> None:
    """Plan where each highlight whose quote moved now sits (or that it is orphaned).

    Texts are read article by article (in bulk through ``bodies`` when they
    are stored) and dropped after: keeping 20,000 annotated articles' texts
    held ~250 MB at 100,000 articles."""
    groups: dict[str, list[Highlight]] = {}
    for h in highlights:
        groups.setdefault(moved.get(h.article, h.article), []).append(h)
    aids = [aid for aid in groups if aid in by_id]
    n = 0
    for i in range(0, len(aids), 500):
        chunk = [by_id[aid] for aid in aids[i : i + 500]]
        got = bodies(chunk) if bodies is not None else {}
        for art in chunk:
            body = got.get(art.id)
            text = BLOCK_SEPARATOR.join(decode_body(body, len(art.blocks))) if body else art.text
            for h in groups[art.id]:
                n += 1
                if n % 64 == 63:
                    checkpoint()
                _place(h, art.id, text, out)


def _place(h: Highlight, aid: str, text: str, out: ReconcilePlan) -> None:
    was = h.selector
    if h.status != "orphaned" and text[was.start : was.end] == was.exact:
        out.statuses[h.status] += 1
        return
    seen = (aid, was.start, was.end, was.exact, h.status)
    res = anchor(text, h.selector)
    status: Status
    if res.status == "orphaned":
        status, sel = "orphaned", None
    else:
        sel = describe(text, res.start, res.end)
        # an approximate placement stays marked until the user confirms it
        status = "fuzzy" if (res.status == "fuzzy" or h.status == "fuzzy") else res.status
    out.anchors.append((h.id, seen, status, sel))
    out.statuses[status] += 1


def _match_moved_and_edited(
    missing: list[str],
    articles: Sequence[Article],
    paths: dict[str, str],
    states: dict[str, ArticleState],
    highlights: list[Highlight],
    annotated: set[str],
    out: ReconcilePlan,
) -> None:
    """Rekey annotated articles that went to a new file with the same title,
    when the new file's text is evidence enough (see the module docstring)."""
    known_paths = set(paths)
    by_title: dict[str, list[Article]] = {}
    for a in articles:
        if a.id not in annotated and norm_path(a.path) not in known_paths:
            by_title.setdefault(a.title.strip(), []).append(a)
    quotes: dict[str, list[Highlight]] = {}
    for h in highlights:
        quotes.setdefault(h.article, []).append(h)
    for old in missing:
        st = states.get(old)
        title = (st.title if st else "").strip()
        cands = by_title.get(title, []) if title else []
        if len(cands) != 1 or not _same_article(cands[0], st, quotes.get(old, [])):
            continue
        out.rekeys.append((old, cands[0].id))
        annotated.add(cands[0].id)
        by_title[title] = []


def _same_article(cand: Article, st: ArticleState | None, hs: list[Highlight]) -> bool:
    if hs:
        text = cand.text
        placed = sum(1 for h in hs[:50] if anchor(text, h.selector).status != "orphaned")
        return placed * 2 >= min(len(hs), 50)
    if st is None or not st.length:
        return False
    return abs(cand.char_count - st.length) <= st.length // 10


class Reconcile(_Snapshot):
    """Update the path map, carry annotations of edited files, re-anchor highlights.

    Given a ``plan`` made earlier (on a worker), applies what of it still holds;
    without one, plans first.
    """

    label = QT_TRANSLATE_NOOP("Core", "update annotations for changed files")
    recorded = False  # applied with undoable=False: no before/after copies of 10,000 paths

    def __init__(self, articles: Sequence[Article], plan: ReconcilePlan | None = None) -> None:
        super().__init__()
        self.articles = articles
        self.plan = plan
        self.report = ReconcileReport()

    def _do(self, doc: Document, touch: Any) -> None:
        p = self.plan if self.plan is not None else plan(doc, self.articles)
        for path, was, new_id in p.paths:
            if doc.paths.get(path) == was:  # else changed since it was planned
                touch("paths", path)
                doc.paths[path] = new_id
        for old, new in p.rekeys:
            self._rekey(doc, touch, old, new)
        self.report.statuses = Counter(p.statuses)
        for hid, seen, status, sel in p.anchors:
            h = doc.highlights.get(hid)
            if h is None or (h.article, h.start, h.end, h.exact, h.status) != seen:
                continue  # changed meanwhile: the next reconcile looks again
            touch("highlights", hid)
            self.report.changed += 1
            h.status = status
            if sel is not None:
                h.selector = sel
        for aid, title, length in p.titles:
            st = doc.articles.get(aid)
            if st is None or st.title != title or st.length != length:
                touch("articles", aid)
                st = doc.article_state(aid)
                st.title, st.length = title, length

    def _rekey(self, doc: Document, touch: Any, old: str, new: str) -> None:
        self.report.rekeyed.append((old, new))
        for h in doc.highlights.values():
            if h.article == old:
                touch("highlights", h.id)
                h.article = new
        st = doc.articles.get(old)
        if st is not None:
            touch("articles", old)
            touch("articles", new)
            target = doc.article_state(new)
            target.tags = list(dict.fromkeys(target.tags + st.tags))
            target.read = target.read or st.read
            target.starred = target.starred or st.starred
            target.position = target.position or st.position
            target.note = target.note or st.note
            target.meta = {**st.meta, **target.meta}  # (the user's corrections go along)
            target.modified = now()
            doc.put("articles", old, None)


class CorrectText(_Snapshot):
    """Add, change or delete a correction of the cleaner (``rules``), and move
    the highlights of the articles it changes to their new text: one step,
    undone as one (the rule and every highlight as they were).

    ``articles``: the changed articles as they read with the rules after this
    change (worked out beforehand, see ``rules.changed_by``).
    """

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        put: Rule | None = None,
        delete: str | None = None,
        label: str = QT_TRANSLATE_NOOP("Core", "correction"),
    ) -> None:
        super().__init__()
        self.articles = articles
        self.put = put
        self.delete = delete
        self.label = label
        self.report = ReconcileReport()

    def _do(self, doc: Document, touch: Any) -> None:
        if self.put is not None:
            PutRule(self.put)._do(doc, touch)
        if self.delete is not None:
            DeleteRule(self.delete)._do(doc, touch)
        ids = {a.id for a in self.articles}
        highlights = [h for h in doc.highlights.values() if h.article in ids]
        p = ReconcilePlan()
        _reanchor(highlights, {a.id: a for a in self.articles}, {}, None, p)
        self.report.statuses = Counter(p.statuses)
        for hid, _seen, status, sel in p.anchors:
            h = doc.highlights[hid]
            touch("highlights", hid)
            self.report.changed += 1
            h.status = status
            if sel is not None:
                h.selector = sel
        for a in self.articles:
            st = doc.articles.get(a.id)
            if st is not None and (st.title, st.length) != (a.title[:MAX_TITLE], a.char_count):
                touch("articles", a.id)
                st.title, st.length = a.title[:MAX_TITLE], a.char_count
