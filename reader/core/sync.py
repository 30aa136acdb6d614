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
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .anchoring import anchor, describe
from .annotations import ArticleState, Document, _Snapshot
from .article import Article


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


def _annotated(doc: Document) -> set[str]:
    ids = {h.article for h in doc.highlights.values()}
    ids |= {aid for aid, st in doc.articles.items() if not st.is_empty()}
    return ids


class Reconcile(_Snapshot):
    """Update the path map, carry annotations of edited files, re-anchor highlights."""

    label = "update annotations for changed files"
    recorded = False  # applied with undoable=False: no before/after copies of 10,000 paths

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles = articles
        self.report = ReconcileReport()

    def _do(self, doc: Document, touch: Any) -> None:
        by_id = {a.id: a for a in self.articles}
        annotated = _annotated(doc)
        # 1. the path map, and edited files (same path, new id)
        for a in self.articles:
            path = norm_path(a.path)
            old = doc.paths.get(path)
            if old == a.id:
                continue
            if old and old not in by_id and old in annotated and a.id not in annotated:
                self._rekey(doc, touch, old, a.id)
                annotated.discard(old)
                annotated.add(a.id)
            touch("paths", path)
            doc.paths[path] = a.id
        # 2. moved *and* edited: a unique title match among unannotated articles
        missing = [aid for aid in annotated if aid not in by_id]
        if missing:
            by_title: dict[str, list[Article]] = {}
            for a in self.articles:
                if a.id not in annotated:
                    by_title.setdefault(a.title.strip(), []).append(a)
            for old in missing:
                st = doc.articles.get(old)
                title = (st.title if st else "").strip()
                cands = by_title.get(title, []) if title else []
                if len(cands) == 1:
                    self._rekey(doc, touch, old, cands[0].id)
                    by_title[title] = []
        # 3. re-anchor
        texts: dict[str, str] = {}
        for h in list(doc.highlights.values()):
            art = by_id.get(h.article)
            if art is None:
                continue
            text = texts.get(art.id)
            if text is None:
                text = texts[art.id] = art.text
            if h.status != "orphaned" and text[h.start : h.end] == h.exact:
                self.report.statuses[h.status] += 1
                continue
            res = anchor(text, h.selector)
            touch("highlights", h.id)
            self.report.changed += 1
            if res.status == "orphaned":
                h.status = "orphaned"
            else:
                sel = describe(text, res.start, res.end)
                h.exact, h.prefix, h.suffix, h.start, h.end = (
                    sel.exact,
                    sel.prefix,
                    sel.suffix,
                    sel.start,
                    sel.end,
                )
                # an approximate placement stays marked until the user confirms it
                h.status = "fuzzy" if (res.status == "fuzzy" or h.status == "fuzzy") else res.status
            self.report.statuses[h.status] += 1
        # 4. remember titles, so orphaned annotations can say where they were
        for aid in annotated:
            present = by_id.get(aid)
            st = doc.articles.get(aid)
            if present is not None and (st is None or st.title != present.title):
                touch("articles", aid)
                doc.articles.setdefault(aid, ArticleState()).title = present.title

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
