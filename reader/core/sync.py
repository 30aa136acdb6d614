"""Keeping annotations attached to the library as files move and change.

Article ids are content hashes (see ``article.content_id``), so a renamed or
moved file, and a file the cleaner now reads better, keep their id and their
annotations with no work at all. What needs help is an *edited* file: its id
changes. The store's path map (absolute path → last article id seen there)
carries its annotations to the new id; failing that (a file both moved and
edited), a unique match on the title does. Then every highlight of a present
article is re-anchored against the current clean text; anything that cannot
be placed becomes an orphan with its quote and note intact.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .anchoring import Selector, anchor, describe
from .annotations import ArticleState, Document, _Snapshot
from .article import Article
from .courtesy import checkpoint


@dataclass
class ReconcileReport:
    rekeyed: list[tuple[str, str]] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    changed: int = 0

    @property
    def orphaned(self) -> int:
        return self.statuses.get("orphaned", 0)


def norm_path(path: str) -> str:
    return os.path.abspath(path)


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
    anchors: list[tuple[str, _Seen, str, Selector | None]] = field(default_factory=list)
    titles: list[tuple[str, str]] = field(default_factory=list)
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
    prefetch: Callable[[list[Article]], None] | None = None,
) -> ReconcilePlan:
    """Path map, edited and moved files, re-anchoring and titles, as a plan.

    The texts of the highlighted articles are read here, the slow part when
    they are loaded lazily: ``prefetch`` gets those articles first (the
    library loader's bulk read).
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
    # 2. moved *and* edited: a unique title match among unannotated articles
    missing = [aid for aid in annotated if aid not in by_id]
    if missing:
        by_title: dict[str, list[Article]] = {}
        for a in articles:
            if a.id not in annotated:
                by_title.setdefault(a.title.strip(), []).append(a)
        for old in missing:
            st = states.get(old)
            title = (st.title if st else "").strip()
            cands = by_title.get(title, []) if title else []
            if len(cands) == 1:
                out.rekeys.append((old, cands[0].id))
                annotated.add(cands[0].id)
                by_title[title] = []
    # 3. re-anchor every highlight whose quote is no longer where it was
    moved = dict(out.rekeys)
    if prefetch is not None:
        wanted = {moved.get(h.article, h.article) for h in highlights}
        prefetch([by_id[aid] for aid in wanted if aid in by_id])
    texts: dict[str, str] = {}
    for n, h in enumerate(highlights):
        if n % 64 == 63:
            checkpoint()
        aid = moved.get(h.article, h.article)
        art = by_id.get(aid)
        if art is None:
            continue
        text = texts.get(aid)
        if text is None:
            text = texts[aid] = art.text
        if h.status != "orphaned" and text[h.start : h.end] == h.exact:
            out.statuses[h.status] += 1
            continue
        seen = (aid, h.start, h.end, h.exact, h.status)
        res = anchor(text, h.selector)
        if res.status == "orphaned":
            status, sel = "orphaned", None
        else:
            sel = describe(text, res.start, res.end)
            # an approximate placement stays marked until the user confirms it
            status = "fuzzy" if (res.status == "fuzzy" or h.status == "fuzzy") else res.status
        out.anchors.append((h.id, seen, status, sel))
        out.statuses[status] += 1
    # 4. remember titles, so orphaned annotations can say where they were
    for aid in annotated:
        present = by_id.get(aid)
        if present is not None:
            st = states.get(aid)
            if st is None or st.title != present.title:
                out.titles.append((aid, present.title))
    return out


class Reconcile(_Snapshot):
    """Update the path map, carry annotations of edited files, re-anchor highlights.

    Given a ``plan`` made earlier (on a worker), applies what of it still holds;
    without one, plans first.
    """

    label = "update annotations for changed files"
    recorded = False  # applied with undoable=False: no before/after copies of 10,000 paths

    def __init__(self, articles: Sequence[Article], plan: ReconcilePlan | None = None) -> None:
        super().__init__()
        self.articles = articles
        self.plan = plan
        self.report = ReconcileReport()

    def _do(self, doc: Document, touch: Any) -> None:
        p = self.plan if self.plan is not None else plan(doc, self.articles)
        for path, was, now in p.paths:
            if doc.paths.get(path) == was:  # else changed since it was planned
                touch("paths", path)
                doc.paths[path] = now
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
                h.exact, h.prefix, h.suffix, h.start, h.end = (
                    sel.exact,
                    sel.prefix,
                    sel.suffix,
                    sel.start,
                    sel.end,
                )
        for aid, title in p.titles:
            st = doc.articles.get(aid)
            if st is None or st.title != title:
                touch("articles", aid)
                doc.articles.setdefault(aid, ArticleState()).title = title

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
            target = doc.articles.setdefault(new, ArticleState())
            target.tags = list(dict.fromkeys(target.tags + st.tags))
            target.read = target.read or st.read
            target.starred = target.starred or st.starred
            target.position = target.position or st.position
            target.note = target.note or st.note
            del doc.articles[old]
