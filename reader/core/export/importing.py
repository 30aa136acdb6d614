"""Import W3C Web Annotation JSON (ours, or Hypothesis's) into the store.

Merging is by annotation id: an unknown id is added; a known one is updated
only if the imported ``modified`` is newer (nothing local is ever lost);
otherwise it is unchanged. Each imported highlight is re-anchored against the
local article by quote and context, so it lands right even if the local text
differs; one that cannot be placed is kept as an orphan. Importing the same
file twice changes nothing.

Hostile files are refused before they are parsed: over ``MAX_IMPORT_BYTES``,
or nested deeper than ``MAX_DEPTH`` (checked with a scan of the raw bytes, so a
"billion brackets" file never reaches the JSON parser's recursion).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..anchoring import Selector, anchor, describe
from ..annotations import (
    AddHighlight,
    AnnotationError,
    Batch,
    Document,
    EditHighlight,
    Highlight,
    Operation,
    TagArticle,
    normalize_color,
    normalize_tag,
)
from ..article import Article

MAX_IMPORT_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64
MAX_ITEMS = 200_000
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
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
        s = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.orphaned} orphaned"
        )
        if self.article_tags:
            s += f", tags of {self.article_tags} article(s) merged"
        if self.skipped:
            s += f", {len(self.skipped)} skipped"
        return s


def check_depth(data: bytes, limit: int = MAX_DEPTH) -> None:
    depth = 0
    for m in re.finditer(rb"[\[\]{}]", _STRING.sub(b'""', data)):
        if m.group() in (b"[", b"{"):
            depth += 1
            if depth > limit:
                raise ImportError_(f"the file is nested more than {limit} levels deep; refused")
        else:
            depth -= 1


def read(path: str | Path) -> list[dict[str, Any]]:
    """The annotations in a file, or ``ImportError_`` with the reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise ImportError_(f"cannot read {p}: {exc.strerror}") from None
    if size > MAX_IMPORT_BYTES:
        raise ImportError_(
            f"the file is {size / 1048576:.0f} MB; the limit is {MAX_IMPORT_BYTES // 1048576} MB"
        )
    data = p.read_bytes()
    return parse(data)


def parse(data: bytes) -> list[dict[str, Any]]:
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportError_("the file is too large")
    check_depth(data)
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise ImportError_(f"not JSON: {exc}") from None
    items = _items(obj)
    if len(items) > MAX_ITEMS:
        raise ImportError_(f"more than {MAX_ITEMS} annotations; refused")
    return items


def _items(obj: Any) -> list[dict[str, Any]]:
    if isinstance(obj, list):
        items = obj
    elif isinstance(obj, dict):
        t = obj.get("type")
        if t == "AnnotationCollection":
            first = obj.get("first")
            if not isinstance(first, dict):
                raise ImportError_("the collection's first page is not embedded in the file")
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
            raise ImportError_("not a W3C annotation, page or collection")
    else:
        raise ImportError_("not a W3C annotation, page or collection")
    if not all(isinstance(i, dict) for i in items):
        raise ImportError_("an annotation in the file is not a JSON object")
    return items


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


def _bodies(item: dict[str, Any]) -> tuple[str, list[str]]:
    body = item.get("body", [])
    if isinstance(body, dict):
        body = [body]
    note, tags = "", []
    if isinstance(body, list):
        for b in body:
            if not isinstance(b, dict) or not isinstance(b.get("value"), str):
                continue
            purpose = b.get("purpose")
            if purpose == "tagging":
                tags.append(b["value"])
            elif purpose in (None, "commenting", "describing", "replying"):
                note = (note + "\n\n" + b["value"]).strip() if note else b["value"]
    if isinstance(item.get("text"), str) and not note:  # Hypothesis API
        note = item["text"]
    if isinstance(item.get("tags"), list):
        tags += [t for t in item["tags"] if isinstance(t, str)]
    return note, list(dict.fromkeys(tags))


def _parse_item(item: dict[str, Any]) -> _Parsed:
    raw_id = str(item.get("id") or "")
    m = _UUID.search(raw_id)
    if m:
        hid = m.group(0).lower()
    elif raw_id:
        import uuid  # noqa: PLC0415

        hid = str(uuid.uuid5(uuid.NAMESPACE_URL, raw_id))  # e.g. Hypothesis ids
    else:
        raise ValueError("an annotation without an id")
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    source = ""
    selectors: list[dict[str, Any]] = []
    if isinstance(target, str):
        source = target
    elif isinstance(target, dict):
        source = str(target.get("source") or item.get("uri") or "")
        sel = target.get("selector", [])
        selectors = [s for s in (sel if isinstance(sel, list) else [sel]) if isinstance(s, dict)]
    else:
        raise ValueError("an annotation without a target")
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    pos = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    note, tags = _bodies(item)
    color = str(item.get("reader:color") or item.get("urn:x-reader:ns#color") or "yellow")
    sel = None
    if quote is not None and isinstance(quote.get("exact"), str) and quote["exact"]:
        start = pos.get("start") if pos else 0
        end = pos.get("end") if pos else 0
        start = start if isinstance(start, int) and start >= 0 else 0
        end = end if isinstance(end, int) and end >= start else start + len(quote["exact"])
        sel = Selector(
            quote["exact"],
            str(quote.get("prefix") or ""),
            str(quote.get("suffix") or ""),
            start,
            end,
        )
    return _Parsed(
        id=hid,
        source=source,
        quote=sel,
        note=note,
        tags=tags,
        color=color,
        created=str(item.get("created") or ""),
        modified=str(item.get("modified") or item.get("updated") or item.get("created") or ""),
        whole_article=sel is None,
    )


def _article_for(
    p: _Parsed, by_id: dict[str, Article], articles: Sequence[Article]
) -> Article | None:
    art = by_id.get(_our_article_id(p.source))
    if art is not None:
        return art
    if p.quote is None:
        return None
    # an unknown source (a Hypothesis URL, an article since edited): find the quote
    hits = [a for a in articles if p.quote.exact in a.text]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        ctx = [a for a in hits if (p.quote.prefix[-8:] + p.quote.exact) in a.text]
        return ctx[0] if len(ctx) == 1 else None
    return None


def plan(
    items: Iterable[dict[str, Any]], articles: Sequence[Article], doc: Document
) -> tuple[Operation | None, ImportReport]:
    """The operation that merges ``items`` into ``doc`` (not yet applied), and its report."""
    report = ImportReport()
    by_id = {a.id: a for a in articles}
    ops: list[Operation] = []
    for n, item in enumerate(items):
        try:
            p = _parse_item(item)
            color = _color(p.color)
            tags = [normalize_tag(t) for t in p.tags]
        except (ValueError, AnnotationError) as exc:
            report.skipped.append(f"annotation {n + 1}: {exc}")
            continue
        art = _article_for(p, by_id, articles)
        if p.whole_article:
            aid = art.id if art else _our_article_id(p.source)
            if not aid or not tags:
                report.skipped.append(f"annotation {n + 1}: no passage and no article to attach to")
                continue
            st = doc.articles.get(aid)
            new = [t for t in tags if not st or t not in st.tags]
            if new:
                ops.append(TagArticle(aid, new, title=art.title if art else ""))
                report.article_tags += 1
            else:
                report.unchanged += 1
            continue
        assert p.quote is not None
        existing = doc.highlights.get(p.id)
        if existing is not None:
            same = (existing.note, existing.tags, existing.color) == (p.note, tags, color)
            if same or not (p.modified and p.modified > (existing.modified or "")):
                report.unchanged += 1
                continue
            ops.append(EditHighlight(p.id, note=p.note, tags=tags, color=color))
            report.updated += 1
            continue
        aid = art.id if art else (_our_article_id(p.source) or p.source)
        sel, status = p.quote, "orphaned"
        if art is not None:
            found = anchor(art.text, p.quote)
            if found.status != "orphaned":
                sel = describe(art.text, found.start, found.end)
                status = "anchored" if found.status in ("anchored", "moved") else "fuzzy"
        h = Highlight(
            id=p.id,
            article=aid,
            exact=sel.exact,
            prefix=sel.prefix,
            suffix=sel.suffix,
            start=sel.start,
            end=sel.end,
            color=color,
            note=p.note,
            tags=tags,
            created=p.created,
            modified=p.modified,
            status=status,
        )
        ops.append(AddHighlight(h, article_title=art.title if art else ""))
        report.added += 1
        if status == "orphaned":
            report.orphaned += 1
    return (Batch(ops, "import annotations") if ops else None), report


def _our_article_id(source: str) -> str:
    """The article id in one of our article URIs, or ""."""
    prefix = "urn:x-reader:article:"
    return source[len(prefix) :] if source.startswith(prefix) else ""


def _color(value: str) -> str:
    try:
        return normalize_color(value)
    except AnnotationError:
        return "yellow"
