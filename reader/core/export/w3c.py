"""W3C Web Annotation (JSON-LD) export, and the shape import reads back.

An ``AnnotationCollection`` whose ``first`` is an embedded ``AnnotationPage``.
Each highlight is an ``Annotation``:

- ``id``: ``urn:uuid:<highlight id>``; ``created``/``modified``: ISO 8601 UTC;
- ``motivation``: ``commenting`` when it has a note, else ``highlighting``;
- ``target``: ``source`` is the page's own address where the saved file
  declares one (so other tools find the page), else the article's stable URI
  ``urn:x-reader:article:<id>``; with a ``TextQuoteSelector`` and a
  ``TextPositionSelector`` (code points of the clean text). Where ``source``
  is the address, ``reader:article`` carries the article's URI, so an import
  finds the very article again;
- ``body``: the note as a ``TextualBody`` (``format: text/markdown``, purpose
  ``commenting``) and each tag as a ``TextualBody`` with purpose ``tagging``.

Article tags become ``tagging`` annotations whose target is the article itself.
The highlight colour travels in the extension property ``reader:color`` (a
palette name or ``#rrggbb``), with ``reader`` declared in the ``@context`` as
``urn:x-reader:ns#`` — JSON-LD consumers that do not know it ignore it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import msgspec

from ..annotations import Highlight
from ..paths import shown
from ..records import Rule, Tag
from ..rules import site_of
from .common import ArticleNotes, article_uri

CONTEXT: list[Any] = ["http://www.w3.org/ns/anno.jsonld", {"reader": "urn:x-reader:ns#"}]
NS_ARTICLE = uuid.UUID("6f6c1f3e-9d1b-4b59-8d2c-0d5c4b6a7e21")


def _note_body(note: str, purpose: str) -> dict[str, Any]:
    """A note (Markdown) as a W3C body: a highlight's comment, an article's description."""
    return {"type": "TextualBody", "value": note, "format": "text/markdown", "purpose": purpose}


def annotation(h: Highlight, source: str, article: str | None = None) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if h.note:
        bodies.append(_note_body(h.note, "commenting"))
    for t in h.tags:
        bodies.append({"type": "TextualBody", "value": t, "purpose": "tagging"})
    anno: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{h.id}",
        "type": "Annotation",
        "motivation": "commenting" if h.note else "highlighting",
        "created": _iso(h.created),
        "modified": _iso(h.modified or h.created),
        "target": {
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": h.exact,
                    "prefix": h.prefix,
                    "suffix": h.suffix,
                },
                {"type": "TextPositionSelector", "start": h.start, "end": h.end},
            ],
        },
        "reader:color": h.color,
    }
    if article and article != source:
        anno["target"]["reader:article"] = article
    if h.canonical:  # the id it had where it came from (Hypothesis)
        anno["canonical"] = h.canonical
    if bodies:
        anno["body"] = bodies
    if h.status == "orphaned":
        anno["reader:status"] = "orphaned"
    return anno


def article_annotation(n: ArticleNotes) -> dict[str, Any] | None:
    """What the user keeps about the article itself, as one annotation on the
    whole article: its tags (``tagging`` bodies), its note (a ``describing``
    body), its star and read state (``reader:starred``, ``reader:read``); the
    target carries the article's metadata (``reader:title``, ``reader:date``,
    ``reader:publisher``, ``reader:author``, ``reader:path``). None when there
    is nothing to say."""
    if not (n.tags or n.note or n.starred or n.read or n.corrected):
        return None
    aid = uuid.uuid5(NS_ARTICLE, n.article_id)
    bodies: list[dict[str, Any]] = []
    if n.note:
        bodies.append(_note_body(n.note, "describing"))
    bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in n.tags]
    target: dict[str, Any] = {"source": _source(n)}
    if target["source"] != article_uri(n.article_id):
        target["reader:article"] = article_uri(n.article_id)
    a = n.article
    for key, value in (
        ("title", n.title),
        ("date", a.date if a else None),
        ("publisher", a.source if a else None),
        ("author", a.author if a else None),
        ("path", shown(a.path) if a else None),
    ):
        if value:
            target[f"reader:{key}"] = value
    anno: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{aid}",
        "type": "Annotation",
        "motivation": "describing" if n.note else ("tagging" if n.tags else "bookmarking"),
        "target": target,
        "reader:starred": n.starred,
        "reader:read": n.read,
    }
    if n.corrected:  # the user's corrections of the cleaner's metadata
        anno["reader:corrected"] = dict(n.corrected)
    if bodies:
        anno["body"] = bodies
    return anno


def article_tags_annotation(n: ArticleNotes) -> dict[str, Any]:
    """(The article's annotation; kept under its old name.)"""
    anno = article_annotation(n)
    assert anno is not None
    return anno


def _source(n: ArticleNotes) -> str:
    return (n.article.url if n.article else None) or article_uri(n.article_id)


def _target(n: ArticleNotes) -> str | dict[str, str]:
    uri, source = article_uri(n.article_id), _source(n)
    return uri if source == uri else {"source": source, "reader:article": uri}


def collection(
    notes: Sequence[ArticleNotes],
    label: str = "Reader highlights",
    tags: Mapping[str, Tag] | None = None,
    rules: Iterable[Rule] = (),
) -> dict[str, Any]:
    """The export; ``tags``: the tag registry, whose colours travel in the
    collection's ``reader:tags`` (for the tags the export uses); ``rules``: the
    user's corrections of the cleaner, in ``reader:rules`` (those for the
    exported articles and their sites)."""
    items: list[dict[str, Any]] = []
    used: set[str] = set()
    for n in notes:
        source, uri = _source(n), article_uri(n.article_id)
        whole = article_annotation(n)
        if whole is not None:
            items.append(whole)
        for h in n.highlights:
            anno = annotation(h, source, uri)
            if n.meanings.get(h.color):
                anno["reader:colorMeaning"] = n.meanings[h.color]
            items.append(anno)
        used.update(n.tags)
        used.update(t for h in n.highlights for t in h.tags)
    # ids derived from the content: the same export twice is the same file
    digest = "\n".join(str(i["id"]) + str(i.get("modified", "")) for i in items)
    page_id = f"urn:uuid:{uuid.uuid5(NS_ARTICLE, 'page' + digest)}"
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid5(NS_ARTICLE, 'collection' + digest)}",
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {
            "id": page_id,
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
    registry = [
        {"name": t.name, "color": t.color}
        for name, t in sorted((tags or {}).items())
        if name in used
    ]
    if registry:
        out["reader:tags"] = registry
    meanings = notes[0].meanings if notes else {}
    colors = dict.fromkeys(h.color for n in notes for h in n.highlights)
    legend = [{"color": c, "meaning": meanings[c]} for c in colors if meanings.get(c)]
    if legend:
        out["reader:colors"] = legend
    ids = {n.article_id for n in notes}
    sites = {site_of(n.article) for n in notes if n.article is not None}
    mine = [r for r in rules if r.article in ids or (r.site and r.site in sites)]
    if mine:
        out["reader:rules"] = [
            msgspec.to_builtins(r) for r in sorted(mine, key=lambda r: r.created)
        ]
    return out


def _iso(stamp: str) -> str:
    """Our stamps are already ISO 8601 UTC; make sure a missing one is still valid."""
    return stamp or "1970-01-01T00:00:00Z"
