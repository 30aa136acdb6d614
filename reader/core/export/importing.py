"""Import W3C Web Annotation JSON (ours, or Hypothesis's) into the store.

Merging is by annotation id: an unknown id is added; a known one is updated
only if the imported ``modified`` is newer (and not in the future: a stamp
from a clock that was ahead never wins), and every local value it replaces is
kept as a ``Conflict`` the user can restore (nothing local is ever lost);
otherwise it is unchanged. The whole import is one undoable step, applied
entirely or not at all. Each imported highlight is re-anchored against the
local article by quote and context, so it lands right even if the local text
differs; one that cannot be placed is kept as an orphan. Importing the same
file twice changes nothing.

Hostile files are refused before they are parsed: over ``MAX_IMPORT_BYTES``,
or nested deeper than ``MAX_DEPTH`` (checked with a linear scan of the raw
bytes, so a "billion brackets" file never reaches the JSON parser's
recursion). Every value is bounded before any work is done with it: a quote's
context is cut to the 32 characters a selector holds, so a megabyte of
"prefix" costs nothing. Articles for annotations from unknown sources (a
Hypothesis page URL) are found in one pass over the library's texts
(Aho-Corasick over the quotes), not one scan per annotation.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec

from ..anchoring import Selector, anchor, describe
from ..annotations import (
    AddHighlight,
    AnnotationError,
    Batch,
    Document,
    EditHighlight,
    Highlight,
    Operation,
    PutRule,
    RecordConflict,
    SetArticle,
    SetArticleMeta,
    SetColorMeaning,
    SetTagColor,
    TagArticle,
    dump,
    normalize_color,
    normalize_tag,
    now,
)
from ..article import Article
from ..messages import QT_TRANSLATE_NOOP, Message
from ..records import CONTEXT, MAX_NOTE, MAX_QUOTE, Conflict, Rule

MAX_IMPORT_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64
MAX_ITEMS = 200_000
#: A JSON string (the unrolled form: no backtracking stack however long it is)
#: or a bracket.
_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class ImportError_(ValueError):
    """The file cannot be imported; the message says why. Nothing was changed."""


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    orphaned: int = 0
    article_tags: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        counts = Message(
            QT_TRANSLATE_NOOP(
                "Core",
                "{added} added, {updated} updated, {unchanged} unchanged, {orphaned} orphaned",
            ),
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            orphaned=self.orphaned,
        )
        tags = (
            Message(
                QT_TRANSLATE_NOOP("Core", ", tags of {n} article(s) merged"), n=self.article_tags
            )
            if self.article_tags
            else ""
        )
        skipped = (
            Message(QT_TRANSLATE_NOOP("Core", ", {n} skipped"), n=len(self.skipped))
            if self.skipped
            else ""
        )
        return Message("{counts}{tags}{skipped}", counts=counts, tags=tags, skipped=skipped)


def check_depth(data: bytes, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON nested deeper than ``limit``, in one pass that copies nothing."""
    depth = 0
    for m in _TOKEN.finditer(data):
        c = data[m.start()]
        if c in b"[{":
            depth += 1
            if depth > limit:
                raise ImportError_(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Core", "the file is nested more than {limit} levels deep; refused"
                        ),
                        limit=limit,
                    )
                )
        elif c in b"]}":
            depth -= 1


def read(path: str | Path) -> list[dict[str, Any]]:
    """The annotations in a file, or ``ImportError_`` with the reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise ImportError_(
            Message(
                QT_TRANSLATE_NOOP("Core", "cannot read {path}: {error}"),
                path=str(p),
                error=exc.strerror,
            )
        ) from None
    if size > MAX_IMPORT_BYTES:
        raise ImportError_(
            Message(
                QT_TRANSLATE_NOOP("Core", "the file is {size} MB; the limit is {limit} MB"),
                size=f"{size / 1048576:.0f}",
                limit=MAX_IMPORT_BYTES // 1048576,
            )
        )
    data = p.read_bytes()
    if data[:4] == b"PK\x03\x04":  # a zip: a REFI-QDA project
        from . import qdpx_read

        try:
            return qdpx_read.items(data)
        except qdpx_read.QdpxError as exc:
            raise ImportError_(exc.args[0]) from None
    from . import readwise_read

    if readwise_read.looks_like(data):  # a Readwise CSV (or our CSV export)
        try:
            return readwise_read.items(data)
        except readwise_read.CsvError as exc:
            raise ImportError_(exc.args[0]) from None
    return parse(data)


def parse(data: bytes) -> list[dict[str, Any]]:
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportError_(Message(QT_TRANSLATE_NOOP("Core", "the file is too large")))
    check_depth(data)
    try:
        obj = msgspec.json.decode(data)
    except (msgspec.DecodeError, RecursionError) as exc:
        raise ImportError_(
            Message(QT_TRANSLATE_NOOP("Core", "not JSON: {error}"), error=str(exc))
        ) from None
    items = _items(obj)
    if len(items) > MAX_ITEMS:
        raise ImportError_(
            Message(QT_TRANSLATE_NOOP("Core", "more than {n} annotations; refused"), n=MAX_ITEMS)
        )
    return items


def _items(obj: Any) -> list[dict[str, Any]]:
    if isinstance(obj, list):
        items = obj
    elif isinstance(obj, dict):
        t = obj.get("type")
        if t == "AnnotationCollection":
            first = obj.get("first")
            if not isinstance(first, dict):
                raise ImportError_(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Core", "the collection's first page is not embedded in the file"
                        )
                    )
                )
            items = list(first.get("items") or [])
            nxt = first.get("next")
            while isinstance(nxt, dict):
                items += list(nxt.get("items") or [])
                nxt = nxt.get("next")
        elif t == "AnnotationPage":
            items = list(obj.get("items") or [])
        elif t == "Annotation" or "target" in obj:
            items = [obj]
        elif isinstance(obj.get("rows"), list):  # Hypothesis API search result
            items = obj["rows"]
        else:
            raise ImportError_(
                Message(QT_TRANSLATE_NOOP("Core", "not a W3C annotation, page or collection"))
            )
    else:
        raise ImportError_(
            Message(QT_TRANSLATE_NOOP("Core", "not a W3C annotation, page or collection"))
        )
    if not all(isinstance(i, dict) for i in items):
        raise ImportError_(
            Message(QT_TRANSLATE_NOOP("Core", "an annotation in the file is not a JSON object"))
        )
    registry = obj.get("reader:tags") if isinstance(obj, dict) else None
    if isinstance(registry, list):  # our export's tag colours
        items = [*items, {"type": _REGISTRY, "tags": registry}]
    legend = obj.get("reader:colors") if isinstance(obj, dict) else None
    if isinstance(legend, list):  # what the exporter's colours meant
        items = [*items, {"type": _REGISTRY, "colors": legend}]
    corrections = obj.get("reader:rules") if isinstance(obj, dict) else None
    if isinstance(corrections, list):  # the exporter's corrections of the cleaner
        items = [*items, {"type": _REGISTRY, "rules": corrections}]
    return items


#: The pseudo-item that carries a collection's tag registry through ``plan``.
_REGISTRY = "reader:TagRegistry"


@dataclass
class _Parsed:
    id: str
    source: str
    quote: Selector | None
    note: str
    tags: list[str]
    color: str
    created: str
    modified: str
    whole_article: bool
    #: a passage given by position only (start, end), placed in the article's text
    position: tuple[int, int] | None = None
    #: the article's own state, from our export: starred, read
    article_flags: dict[str, bool] = field(default_factory=dict)
    #: the article's title, from our export's target or a Readwise row
    title: str = ""
    #: the user's corrections of the article's metadata, from our export
    corrected: dict[str, str] = field(default_factory=dict)
    #: the page's address (a Hypothesis target, a Readwise row)
    url: str = ""
    #: the id the annotation had where it came from, if not one of ours
    canonical: str = ""


def _bodies(item: dict[str, Any]) -> tuple[str, list[str]]:
    """The note and tags an annotation carries: ``body`` (one or a list),
    ``bodyValue``, Hypothesis's ``text`` and ``tags``. A body without a
    purpose on a tagging annotation is a tag."""
    body = item.get("body", [])
    if isinstance(body, (dict, str)):
        body = [body]
    tagging = item.get("motivation") == "tagging"
    note, tags = "", []
    if isinstance(body, list):
        for b in body:
            if isinstance(b, str):  # a body given as plain text
                b = {"value": b}
            if not isinstance(b, dict) or not isinstance(b.get("value"), str):
                continue
            purpose = b.get("purpose")
            if purpose == "tagging" or (purpose is None and tagging):
                tags.append(b["value"])
            elif purpose in (None, "commenting", "describing", "replying"):
                note = (note + "\n\n" + b["value"]).strip() if note else b["value"]
    if isinstance(item.get("bodyValue"), str) and item["bodyValue"].strip():
        value = item["bodyValue"]
        note = (note + "\n\n" + value).strip() if note else value
    if isinstance(item.get("text"), str) and not note:  # Hypothesis API
        note = item["text"]
    if isinstance(item.get("tags"), list):
        tags += [t for t in item["tags"] if isinstance(t, str)]
    return note, list(dict.fromkeys(tags))


#: Hypothesis gives one annotation as "abc123" (its API) and as
#: "https://hypothes.is/a/abc123" (its JSON-LD): the same id.
_HYPOTHESIS_ID = re.compile(r"^https?://(?:[\w.-]*\.)?hypothes\.is/a/([\w-]+)/?$")


def _item_id(item: dict[str, Any]) -> str:
    raw_id = str(item.get("id") or "")
    m = _UUID.search(raw_id)
    if m:
        return m.group(0).lower()
    h = _HYPOTHESIS_ID.match(raw_id)
    if h:
        raw_id = h.group(1)
    if raw_id:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, raw_id))  # e.g. Hypothesis ids
    raise ValueError("an annotation without an id")


def _target(item: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """The annotated source and the target's selectors."""
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    if isinstance(target, str):
        return target, []
    if not isinstance(target, dict):
        raise ValueError("an annotation without a target")
    # our own export names the article itself beside the page's address
    source = str(
        target.get("reader:article")
        or target.get("urn:x-reader:ns#article")
        or target.get("source")
        or item.get("uri")
        or ""
    )
    sel = target.get("selector", [])
    return source, [s for s in (sel if isinstance(sel, list) else [sel]) if isinstance(s, dict)]


def _canonical(item: dict[str, Any]) -> str:
    """The annotation's own identity where it is not one of our ids: its
    ``canonical``, else its id (Hypothesis's "abc123" or its URL form)."""
    value = item.get("canonical") or item.get("id") or ""
    if not isinstance(value, str) or value.startswith("urn:uuid:") or _UUID.fullmatch(value):
        return ""
    h = _HYPOTHESIS_ID.match(value)
    return (f"https://hypothes.is/a/{h.group(1)}" if h else value)[:2000]


def _parse_item(item: dict[str, Any]) -> _Parsed:
    if item.get("references"):
        raise ValueError("a reply to another annotation (replies are not imported)")
    hid = _item_id(item)
    source, selectors = _target(item)
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    pos = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    note, tags = _bodies(item)
    color = str(item.get("reader:color") or item.get("urn:x-reader:ns#color") or "yellow")
    sel = None
    if quote is not None and isinstance(quote.get("exact"), str) and quote["exact"]:
        exact = quote["exact"]
        if len(exact) > MAX_QUOTE:
            raise ValueError(f"a quote of {len(exact):,} characters; refused")
        start = pos.get("start") if pos else 0
        end = pos.get("end") if pos else 0
        start = start if type(start) is int and 0 <= start < 2**40 else 0
        end = end if type(end) is int and start <= end < 2**40 else start + len(exact)
        # a selector's context is 32 characters each side: a longer one is cut
        # here, before any matching (a megabyte of prefix once took minutes)
        prefix, suffix = quote.get("prefix"), quote.get("suffix")
        sel = Selector(
            exact,
            prefix[-CONTEXT:] if isinstance(prefix, str) else "",
            suffix[:CONTEXT] if isinstance(suffix, str) else "",
            start,
            end,
        )
    if len(note) > MAX_NOTE:
        raise ValueError(f"a note of {len(note):,} characters; refused")
    position = None
    if sel is None and pos is not None:
        start, end = pos.get("start"), pos.get("end")
        if type(start) is int and type(end) is int and 0 <= start < end < 2**40:
            position = (start, end)
    created = _stamp(item.get("created")) or now()  # (never 1970 for a missing stamp)
    flags = {
        k: item[f"reader:{k}"]
        for k in ("starred", "read")
        if isinstance(item.get(f"reader:{k}"), bool)
    }
    target = item.get("target")
    title = target.get("reader:title") if isinstance(target, dict) else None
    fixed = item.get("reader:corrected")
    corrected = (
        {k: v for k, v in fixed.items() if isinstance(k, str) and isinstance(v, str)}
        if isinstance(fixed, dict)
        else {}
    )
    url = source if source.startswith(("http://", "https://")) else ""
    return _Parsed(
        id=hid,
        source=source,
        quote=sel,
        note=note,
        tags=tags,
        color=color,
        created=created,
        modified=_stamp(item.get("modified") or item.get("updated")) or created,
        whole_article=sel is None and position is None,
        position=position,
        article_flags=flags,
        corrected=corrected,
        title=title[:500] if isinstance(title, str) else "",
        url=url[:2000],
        canonical=_canonical(item),
    )


class _Locator:
    """Which local article each unknown source is, from its quotes.

    All the quotes are matched against all the texts in one pass (an
    Aho-Corasick automaton, pyahocorasick): linear in the texts and the
    quotes, where one scan per annotation took minutes at 20,000 of them.
    """

    #: quotes per source tried (its longest), and the shortest worth a search
    PER_SOURCE = 3
    MIN_QUOTE = 4

    def __init__(
        self, parsed: Sequence[_Parsed], articles: Sequence[Article], stop: Callable[[], bool]
    ) -> None:
        self.found: dict[str, Article] = {}
        by_source: dict[str, list[Selector]] = {}
        for p in parsed:
            if p.quote is not None and len(p.quote.exact) >= self.MIN_QUOTE:
                by_source.setdefault(p.source, []).append(p.quote)
        if not by_source or not articles:
            return
        import ahocorasick  # only imports with unknown sources load it

        auto = ahocorasick.Automaton()
        wanted: dict[str, list[Selector]] = {}
        for quotes in by_source.values():
            for q in sorted(quotes, key=lambda q: -len(q.exact))[: self.PER_SOURCE]:
                wanted.setdefault(q.exact, []).append(q)
        for exact in wanted:
            auto.add_word(exact, exact)
        auto.make_automaton()
        holders: dict[str, set[int]] = {}
        for n, a in enumerate(articles):
            if n % 64 == 63 and stop():
                raise ImportCancelled()
            for _end, exact in auto.iter(a.text):
                holders.setdefault(exact, set()).add(n)
        for source, quotes in by_source.items():
            art = self._one(quotes, holders, articles)
            if art is not None:
                self.found[source] = art

    def _one(
        self, quotes: list[Selector], holders: dict[str, set[int]], articles: Sequence[Article]
    ) -> Article | None:
        for q in sorted(quotes, key=lambda q: -len(q.exact))[: self.PER_SOURCE]:
            hits = sorted(holders.get(q.exact, ()))
            if len(hits) == 1:
                return articles[hits[0]]
            ctx = [i for i in hits if (q.prefix[-8:] + q.exact) in articles[i].text]
            if len(ctx) == 1:
                return articles[ctx[0]]
        return None


def _future(stamp: str) -> bool:
    """A stamp more than a day ahead of this clock (a clock that was wrong)."""
    limit = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")
    return stamp[:19] > limit


def _stamp(value: Any) -> str:
    return value[:64] if isinstance(value, str) else ""


def _update(
    p: _Parsed, existing: Highlight, tags: list[str], color: str, title: str
) -> tuple[list[Operation], bool]:
    """The operations that take an imported version of a known highlight:
    the changed fields, each replaced local value kept as a conflict."""
    changes: dict[str, Any] = {}
    if p.note != existing.note:
        changes["note"] = p.note
    if tags != existing.tags:
        changes["tags"] = tags
    if color != existing.color:
        changes["color"] = color
    if not changes:
        return [], False
    if _future(p.modified) or not (p.modified and p.modified > (existing.modified or "")):
        return [], False
    at = now()
    ops: list[Operation] = [
        RecordConflict(
            Conflict(
                id=str(uuid.uuid4()),
                kind="highlights",
                key=existing.id,
                field=name,
                kept=value,
                lost=dump(getattr(existing, name)),
                lost_at=existing.modified,
                at=at,
                title=(existing.exact or title)[:200],
            )
        )
        for name, value in changes.items()
    ]
    ops.append(EditHighlight(existing.id, **changes))
    return ops, True


class ImportCancelled(Exception):
    """The import was stopped (the app closing); nothing was changed."""


def plan(
    items: Iterable[dict[str, Any]],
    articles: Sequence[Article],
    doc: Document,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[Operation | None, ImportReport]:
    """The operation that merges ``items`` into ``doc`` (not yet applied), and its
    report. ``cancelled`` is asked now and then; when it says so, planning stops
    with ``ImportCancelled``."""
    stop = cancelled or (lambda: False)
    report = ImportReport()
    by_id = {a.id: a for a in articles}
    ops: list[Operation] = []
    parsed: list[tuple[int, _Parsed, str, list[str]]] = []
    for n, item in enumerate(items):
        if n % 256 == 255 and stop():
            raise ImportCancelled()
        if item.get("type") == _REGISTRY:
            ops += _tag_colours(item.get("tags"), doc)
            ops += _colour_meanings(item.get("colors"), doc)
            ops += _rules(item.get("rules"), doc, report)
            continue
        try:
            p = _parse_item(item)
            color = _color(p.color)
            tags = list(dict.fromkeys(normalize_tag(t) for t in p.tags))
        except (ValueError, AnnotationError) as exc:
            report.skipped.append(f"annotation {n + 1}: {exc}")
            continue
        parsed.append((n, p, color, tags))
    by_url = {a.url: a for a in articles if a.url}
    titles: dict[str, list[Article]] = {}
    for a in articles:
        titles.setdefault(a.title, []).append(a)
    by_title = {t: arts[0] for t, arts in titles.items() if len(arts) == 1}

    def named(p: _Parsed) -> Article | None:
        """The article the annotation names: our id, the page's address, or
        for a Readwise row (which names nothing else) a title no other
        article has. (Our own article ids never fall back to a title: a title
        alone never moves notes to another article.)"""
        return (
            by_id.get(_our_article_id(p.source))
            or (by_url.get(p.url) if p.url else None)
            or (by_title.get(p.title) if p.title and p.source.startswith("readwise:") else None)
        )

    unknown = [p for _n, p, _c, _t in parsed if named(p) is None]
    located = _Locator(unknown, articles, stop).found if unknown else {}
    for n, p, color, tags in parsed:
        if n % 256 == 255 and stop():
            raise ImportCancelled()
        art = named(p) or located.get(p.source)
        if p.position is not None:
            if art is None or p.position[1] > len(art.text):
                report.skipped.append(f"annotation {n + 1}: a position in an unknown text")
                continue
            p.quote = describe(art.text, *p.position)
        if p.whole_article:
            ops += _article_ops(n, p, art, tags, doc, report)
            continue
        ops += _highlight_ops(p, art, color, tags, doc, report)
    return (Batch(ops, QT_TRANSLATE_NOOP("Core", "import annotations")) if ops else None), report


def _tag_colours(entries: Any, doc: Document) -> list[Operation]:
    """Colours for tags that have none here yet (a colour set here stays)."""
    ops: list[Operation] = []
    for e in entries if isinstance(entries, list) else []:
        if not isinstance(e, dict) or not isinstance(e.get("name"), str):
            continue
        try:
            name, color = normalize_tag(e["name"]), normalize_color(str(e.get("color") or ""))
        except AnnotationError:
            continue
        local = doc.tags.get(name)
        if color != "gray" and (local is None or local.color == "gray"):
            ops.append(SetTagColor(name, color))
    return ops


def _colour_meanings(entries: Any, doc: Document) -> list[Operation]:
    """Meanings for colours that have none here yet (a meaning set here stays)."""
    ops: list[Operation] = []
    for e in entries if isinstance(entries, list) else []:
        if not isinstance(e, dict) or not isinstance(e.get("meaning"), str):
            continue
        try:
            color = normalize_color(str(e.get("color") or ""))
        except AnnotationError:
            continue
        if e["meaning"].strip() and not doc.meanings().get(color):
            ops.append(SetColorMeaning(color, e["meaning"]))
    return ops


def _rules(entries: Any, doc: Document, report: ImportReport) -> list[Operation]:
    """The exporter's corrections of the cleaner that this store does not have
    (by id; one changed here stays as it is here)."""
    ops: list[Operation] = []
    for e in entries if isinstance(entries, list) else []:
        try:
            rule = msgspec.convert(e, Rule)
        except (msgspec.ValidationError, TypeError) as exc:
            report.skipped.append(f"a correction of the cleaner: {exc}")
            continue
        if rule.id not in doc.rules and bool(rule.site) != bool(rule.article):
            ops.append(PutRule(rule, imported=True))
    return ops


def _article_ops(
    n: int, p: _Parsed, art: Article | None, tags: list[str], doc: Document, report: ImportReport
) -> list[Operation]:
    """An annotation on a whole article: its tags, its note (a page note), its
    star and read state. Tags are added; a note fills an empty one (a different
    local note stays, and the import says so); star and read are set, never
    unset."""
    aid = art.id if art else _our_article_id(p.source)
    if not aid or not (tags or p.note or p.article_flags or p.corrected):
        report.skipped.append(f"annotation {n + 1}: no passage and no article to attach to")
        return []
    title = art.title if art else ""
    st = doc.articles.get(aid)
    ops: list[Operation] = []
    new = [t for t in tags if not st or t not in st.tags]
    if new:
        ops.append(TagArticle(aid, new, title=title))
        report.article_tags += 1
    values: dict[str, Any] = {
        k: True for k, v in p.article_flags.items() if v and not (st and getattr(st, k))
    }
    if p.title and not (st and st.title) and art is None:
        values["title"] = p.title  # (what the annotations were on, while it is away)
    if p.note and p.note != (st.note if st else ""):
        if st and st.note:
            report.skipped.append(f"annotation {n + 1}: the article's note here differs; kept")
        else:
            values["note"] = p.note
    if values:
        ops.append(SetArticle(aid, **values))
    # corrections fill fields not corrected here (one made here stays)
    fixes = {k: v for k, v in p.corrected.items() if not (st and k in st.meta)}
    if fixes:
        try:
            ops.append(SetArticleMeta(aid, dict(fixes), title=title))
        except AnnotationError as exc:
            report.skipped.append(f"annotation {n + 1}: {exc}")
    if not ops:
        report.unchanged += 1
    return ops


def _highlight_ops(
    p: _Parsed,
    art: Article | None,
    color: str,
    tags: list[str],
    doc: Document,
    report: ImportReport,
) -> list[Operation]:
    """An imported highlight: an update of a known one, or a new one placed in
    its article (an orphan if its quote is not there)."""
    assert p.quote is not None
    existing = doc.highlights.get(p.id) or _same_place(p, art, doc)
    if existing is not None:
        ops, updated = _update(p, existing, tags, color, art.title if art else "")
        if updated:
            report.updated += 1
        else:
            report.unchanged += 1
        return ops
    aid = art.id if art else (_our_article_id(p.source) or p.source[:200] or "unknown")
    sel, status = p.quote, "orphaned"
    if art is not None:
        found = anchor(art.text, p.quote)
        if found.status != "orphaned":
            sel = describe(art.text, found.start, found.end)
            status = "anchored" if found.status in ("anchored", "moved") else "fuzzy"
    h = Highlight(
        id=p.id,
        article=aid,
        selector=sel,
        color=color,
        note=p.note,
        tags=tags,
        created=p.created,
        modified=now() if _future(p.modified) else p.modified,
        status=status,  # type: ignore[arg-type]
        canonical=p.canonical,
    )
    report.added += 1
    if status == "orphaned":
        report.orphaned += 1
    return [AddHighlight(h, article_title=art.title if art else "")]


def _same_place(p: _Parsed, art: Article | None, doc: Document) -> Highlight | None:
    """A local highlight on the very passage an unknown id marks (the same
    coding exported again by a QDA tool under a new id) is that highlight."""
    if art is None or p.quote is None:
        return None
    for h in doc.highlights_of(art.id):
        if h.start == p.quote.start and h.end == p.quote.end and h.exact == p.quote.exact:
            return h
    return None


def _our_article_id(source: str) -> str:
    """The article id in one of our article URIs, or ""."""
    prefix = "urn:x-reader:article:"
    return source[len(prefix) :] if source.startswith(prefix) else ""


def _color(value: str) -> str:
    try:
        return normalize_color(value)
    except AnnotationError:
        return "yellow"
