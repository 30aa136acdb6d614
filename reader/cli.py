"""The command line: a thin face on the core.

Its flags and JSON Lines output are a contract other tools script against; the
issues that introduced each command state it exactly. Heavy imports (Qt) happen
only for the commands that need them, so ``reader clean`` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO, cast

import msgspec

from . import __version__
from .core import overrides, paths, rules
from .core.anchoring import describe, find_quote
from .core.annotations import (
    AddHighlight,
    AnnotationError,
    DeleteHighlight,
    DeleteTag,
    DismissConflict,
    EditHighlight,
    Highlight,
    MergeTag,
    Operation,
    RenameTag,
    RestoreConflict,
    TagArticle,
)
from .core.article import Article
from .core.cache import ArticleCache
from .core.formats import NotAnArticle
from .core.library import load_file
from .core.parallel import clean_paths
from .core.pipeline import LoadResult, load_folder
from .core.records import Rule
from .core.store import Store, StoreError
from .core.sync import Reconcile


class CliError(Exception):
    """A user-facing error: printed as one line on stderr, exit status 1 (2 for usage)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


#: Characters a terminal acts on instead of showing (C0 but tab and newline,
#: DEL, C1): text from pages and notes must never clear a screen or set the
#: clipboard (OSC 52) when printed.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(m: re.Match[str]) -> str:
    return f"\\x{ord(m.group()):02x}"


class _Shown(io.TextIOBase):
    """A text stream that shows control characters as ``\\x1b`` instead of
    sending them to the terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, s: str) -> int:
        self.stream.write(_CONTROLS.sub(_visible, s))
        return len(s)

    def flush(self) -> None:
        self.stream.flush()


def _print_json(obj: object, out: TextIO) -> None:
    # JSON escapes C0 itself; C1 (e.g. U+009B, a terminal's CSI) as \u escapes too
    text = json.dumps(obj, ensure_ascii=False)
    out.write(_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def format_article(a: Article) -> str:
    """Plain-text rendering: title, a metadata line, then the text with headings marked."""
    meta = " · ".join(
        x
        for x in (
            a.date + (" " + a.time if a.time else "") if a.date else None,
            a.source,
            a.author,
        )
        if x
    )
    lines = [a.title, meta or "(no date, source or author)", ""]
    for b in a.blocks:
        lines.append(("## " + b.text) if b.type == "heading" else b.text)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# -- clean ------------------------------------------------------------------------


def cmd_clean(args: argparse.Namespace, out: TextIO) -> int:
    status = 0
    first = True
    for p, a, _meta in clean_paths(args.paths):
        if isinstance(a, str):
            status = 1
            if args.json:
                _print_json({"path": paths.shown(p), "error": a}, out)
            else:
                print(f"reader: {p}: {a}", file=sys.stderr)
            continue
        if args.json:
            obj = a.to_json()
            obj["path"] = paths.shown(p)
            _print_json(obj, out)
        else:
            if not first:
                out.write("\n" + "=" * 40 + "\n\n")
            out.write(format_article(a))
        first = False
    return status


# -- list / show ------------------------------------------------------------------


def _load_library(args: argparse.Namespace, lazy: bool = False) -> tuple[Path, LoadResult]:
    root = paths.resolve_library(getattr(args, "library", None))
    if not root.is_dir():
        raise CliError(f"library folder not found: {root}")
    result = load_folder(root, cache=ArticleCache(), lazy=lazy)
    # (the command line never changes which library the app opens next)
    for f in result.failures:
        print(f"reader: skipped {f.path}: {f.reason}", file=sys.stderr)
    return root, result


def find_article(ref: str, result: LoadResult) -> Article:
    """An article by id, unique id prefix, or file path."""
    by_id = {a.id: a for a in result.articles}
    if ref in by_id:
        return by_id[ref]
    p = Path(ref)
    if p.exists():
        rp = p.resolve()
        for a in result.articles:
            if Path(a.path).resolve() == rp:
                return a
        try:
            return load_file(p)  # a file outside the library is read directly
        except NotAnArticle as exc:
            raise CliError(f"{ref}: {exc}") from None
    matches = [a for i, a in by_id.items() if i.startswith(ref)] if len(ref) >= 4 else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise CliError(f"article id prefix {ref!r} is ambiguous ({len(matches)} articles)")
    raise CliError(f"no article {ref!r} in the library (give an id, a unique id prefix or a path)")


def article_row(a: Article, tags: Sequence[str] = (), highlights: int = 0) -> dict[str, object]:
    return {
        "id": a.id,
        "date": a.date,
        "source": a.source,
        "title": a.title,
        "characters": a.char_count,
        "tags": list(tags),
        "highlights": highlights,
        "path": paths.shown(a.path),
        "url": a.url,
    }


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    _root, result, store = _session(args)
    counts: dict[str, int] = {}
    for h in store.doc.highlights.values():
        counts[h.article] = counts.get(h.article, 0) + 1
    fixed = result.articles  # (corrected by _session)
    arts = sorted(fixed, key=lambda a: (a.date or "", a.title), reverse=True)
    for a in arts:
        st = store.doc.articles.get(a.id)
        row = article_row(a, st.tags if st else (), counts.get(a.id, 0))
        if args.json:
            _print_json(row, out)
        else:
            tags = ",".join(row["tags"])  # type: ignore[arg-type]
            out.write(
                f"{a.id[:12]}  {a.date or '----------'}  {(a.source or '-')[:12]:<12}  "
                f"{a.char_count:>6}  {tags or '-':<10}  {row['highlights']:>3}  {a.title}\n"
            )
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    _root, result = _load_library(args)
    a = find_article(args.article, result)
    if args.json and not a.removed:  # (the cache keeps the text, not the report: clean again)
        with contextlib.suppress(NotAnArticle):
            fresh = load_file(a.path, result.marks)
            if fresh.id == a.id:
                a = fresh
    a = _corrected(a, _open_store(args), result.marks)
    if args.json:
        _print_json(a.to_json(), out)
    else:
        out.write(format_article(a))
    return 0


def _corrected(a: Article, store: Store, marks: Sequence[str] = ()) -> Article:
    """The article with the user's corrections: of its text (``reader rule``),
    then of its metadata (``reader meta``)."""
    st = store.doc.articles.get(a.id)
    return rules.present(
        a, store.doc.rules.values(), st.meta if st else None, rules.page_lines(marks)
    )


# -- annotations ------------------------------------------------------------------


def _open_store(args: argparse.Namespace) -> Store:
    path = Path(args.store) if getattr(args, "store", None) else paths.default_store_path()
    try:
        store = Store.open(path)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    for m in store.messages:
        print(f"reader: {m}", file=sys.stderr)
    return store


def _session(args: argparse.Namespace, lazy: bool = False) -> tuple[Path, LoadResult, Store]:
    """Library + store, with annotations carried to moved/edited files."""
    root, result = _load_library(args, lazy)
    store = _open_store(args)
    result.cleaned = result.articles  # the cleaner's, before the user's corrections
    result.articles = [_corrected(a, store, result.marks) for a in result.articles]
    rec = Reconcile(result.articles)
    store.apply(rec, undoable=False)
    if store.has_unsaved and not store.read_only:
        try:
            store.save()
        except StoreError as exc:
            print(f"reader: warning: {exc}", file=sys.stderr)
    for old, new in rec.report.rekeyed:
        print(
            f"reader: annotations of {old[:12]} carried to edited file {new[:12]}", file=sys.stderr
        )
    return root, result, store


def _commit(store: Store, op: Operation) -> None:
    """Apply a write and return only once it is durable on disk."""
    try:
        store.apply(op)
        store.save()
    except AnnotationError as exc:
        raise CliError(str(exc)) from None
    except StoreError as exc:
        raise CliError(str(exc)) from None


def find_highlight(ref: str, store: Store) -> Highlight:
    hs = store.doc.highlights
    if ref in hs:
        return hs[ref]
    matches = [h for k, h in hs.items() if k.startswith(ref)] if len(ref) >= 4 else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise CliError(f"highlight id prefix {ref!r} is ambiguous ({len(matches)} highlights)")
    raise CliError(f"no highlight {ref!r}")


def cmd_tag(args: argparse.Namespace, out: TextIO) -> int:
    _root, result, store = _session(args)
    a = find_article(args.article, result)
    _commit(store, TagArticle(a.id, args.tags, remove=args.command == "untag", title=a.title))
    st = store.doc.articles.get(a.id)
    out.write(", ".join(st.tags if st else []) + "\n")
    return 0


def cmd_tags(args: argparse.Namespace, out: TextIO) -> int:
    store = _open_store(args)
    counts = store.doc.tag_counts()
    if args.rename:
        _commit(store, RenameTag(*args.rename))
        out.write(f"renamed {args.rename[0]!r} to {args.rename[1]!r}\n")
        return 0
    if args.merge:
        _commit(store, MergeTag(*args.merge))
        out.write(f"merged {args.merge[0]!r} into {args.merge[1]!r}\n")
        return 0
    if args.delete:
        n_art, n_hl = counts.get(args.delete, (0, 0))
        _commit(store, DeleteTag(args.delete))
        out.write(
            f"deleted tag {args.delete!r}: it was on {n_art} article(s) and {n_hl} highlight(s)\n"
        )
        return 0
    for name in sorted(counts, key=lambda n: (-sum(counts[n]), n)):
        n_art, n_hl = counts[name]
        tag = store.doc.tags.get(name)
        color = tag.color if tag else "gray"
        if args.json:
            _print_json({"name": name, "color": color, "articles": n_art, "highlights": n_hl}, out)
        else:
            out.write(f"{name}\t{n_art} article(s)\t{n_hl} highlight(s)\t{color}\n")
    return 0


def cmd_colors(args: argparse.Namespace, out: TextIO) -> int:
    from .core.annotations import PALETTE, SetColorMeaning, color_hex

    store = _open_store(args)
    if args.color is not None:
        if args.meaning is None:
            raise CliError("give the meaning too: reader colors COLOR MEANING ('' forgets it)", 2)
        try:
            op = SetColorMeaning(args.color, args.meaning)
        except ValueError as exc:
            raise CliError(str(exc), 2) from None
        _commit(store, op)
    meanings = store.doc.meanings()
    for color in dict.fromkeys([*PALETTE, *meanings]):
        if args.color is not None and color != op.color:
            continue
        meaning = meanings.get(color, "")
        if args.json:
            _print_json({"color": color, "hex": color_hex(color), "meaning": meaning}, out)
        else:
            out.write(f"{color}\t{color_hex(color)}\t{meaning}\n")
    return 0


def cmd_meta(args: argparse.Namespace, out: TextIO) -> int:
    from .core.annotations import AnnotationError, SetArticleMeta

    _root, result, store = _session(args)
    art = find_article(args.article, result)
    values: dict[str, str | None] = {f: getattr(args, f) for f in overrides.FIELDS}
    values = {k: v for k, v in values.items() if v is not None}
    for f in args.clear:
        if f not in overrides.FIELDS:
            raise CliError(
                f"--clear: unknown field {f!r}: use one of {', '.join(overrides.FIELDS)}", 2
            )
        values[f] = None
    if values:
        try:
            op = SetArticleMeta(art.id, values, title=art.title)
        except AnnotationError as exc:
            raise CliError(str(exc), 2) from None
        _commit(store, op)
    st = store.doc.articles.get(art.id)
    meta = st.meta if st else {}
    raw = {a.id: a for a in result.cleaned}.get(art.id, art)
    shown_art = _corrected(raw, store, result.marks)
    if args.json:
        obj: dict[str, object] = {"id": art.id}
        obj.update({f: getattr(shown_art, f) for f in overrides.FIELDS})
        obj["user_set"] = overrides.user_set(meta)
        _print_json(obj, out)
        return 0
    for f in overrides.FIELDS:
        mark = "\t(set by you)" if f in meta else ""
        out.write(f"{f}\t{getattr(shown_art, f) or ''}{mark}\n")
    return 0


# -- corrections of the cleaner (issue 19) -------------------------------------------

_ACTIONS = ("remove", "restore", "heading", "paragraph", "untitle")


def rule_row(r: Rule, changes: int | None = None) -> dict[str, object]:
    row: dict[str, object] = {
        "id": r.id,
        "description": str(rules.describe(r)),
        "action": r.action,
        "match": r.match,
        "text": r.text,
        "site": r.site or None,
        "article": r.article or None,
        "enabled": r.enabled,
        "created": r.created,
    }
    if changes is not None:
        row["articles"] = changes
    return row


def find_rule(ref: str, store: Store) -> Rule:
    found = [
        r for i, r in store.doc.rules.items() if i == ref or (len(ref) >= 4 and i.startswith(ref))
    ]
    if len(found) != 1:
        raise CliError(f"no rule {ref!r}" if not found else f"rule id prefix {ref!r} is ambiguous")
    return found[0]


def cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    _root, result, store = _session(args)
    lines = rules.page_lines(result.marks)
    for r in sorted(store.doc.rules.values(), key=lambda r: (r.created, r.id)):
        others = [x for x in store.doc.rules.values() if x.id != r.id]
        before = [
            rules.present(a, others, None, lines) for a in result.cleaned if rules.applies(r, a)
        ]
        n = len(rules.changed_by(before, r, lines)) if r.enabled else 0
        row = rule_row(r, n)
        if args.json:
            _print_json(row, out)
        else:
            scope = f"site {r.site}" if r.site else f"article {r.article[:12]}"
            off = "" if r.enabled else "  (disabled)"
            out.write(f"{r.id[:8]}  {scope}: {row['description']}  [{n} articles]{off}\n")
    return 0


def _correct(
    args: argparse.Namespace,
    out: TextIO,
    store: Store,
    result: LoadResult,
    op_rule: Rule,
    *,
    delete: bool = False,
) -> int:
    """Apply a rule change: re-clean what it changes, move highlights, report."""
    from .core.sync import CorrectText

    lines = rules.page_lines(result.marks)
    after_rules = [r for r in store.doc.rules.values() if r.id != op_rule.id]
    if not delete:
        after_rules.append(op_rule)
    changed = []
    for raw, shown_art in zip(result.cleaned, result.articles, strict=True):
        if not rules.in_scope(op_rule, raw):
            continue
        st = store.doc.articles.get(raw.id)
        new = rules.present(raw, after_rules, st.meta if st else None, lines)
        if new.text != shown_art.text or new.title != shown_art.title:
            changed.append(new)
    op = CorrectText(
        changed, put=None if delete else op_rule, delete=op_rule.id if delete else None
    )
    if getattr(args, "dry_run", False):
        out.write(f"would change {len(changed)} articles\n")
        return 0
    _commit(store, op)
    rep = {
        "rule": rule_row(op_rule, len(changed)),
        "articles": len(changed),
        "highlights": dict(op.report.statuses),
    }
    if args.json:
        _print_json(rep, out)
    else:
        out.write(f"{rules.describe(op_rule)}: {len(changed)} articles changed; ")
        out.write(_moved(op.report.statuses))
    return 0


def _moved(st: Any) -> str:
    return (
        f"highlights moved {st.get('moved', 0)}, fuzzy {st.get('fuzzy', 0)}, "
        f"orphaned {st.get('orphaned', 0)}\n"
    )


def cmd_rule(args: argparse.Namespace, out: TextIO) -> int:
    from .core.annotations import AnnotationError

    _root, result, store = _session(args)
    if args.rule_command == "add":
        action = next(a for a in _ACTIONS if getattr(args, a) is not None)
        if args.article:
            scope = {"article": find_article(args.article, result).id}
        else:
            scope = {"site": args.source.strip()}
        try:
            rule = rules.new_rule(action, args.match, getattr(args, action), **scope)  # type: ignore[arg-type]
        except AnnotationError as exc:
            raise CliError(str(exc), 2) from None
        return _correct(args, out, store, result, rule)
    rule = find_rule(args.id, store)
    if args.rule_command == "delete":
        return _correct(args, out, store, result, rule, delete=True)
    enabled = args.rule_command == "enable"
    return _correct(args, out, store, result, msgspec.structs.replace(rule, enabled=enabled))


def cmd_reclean(args: argparse.Namespace, out: TextIO) -> int:
    """Clean the library's files again (not from the cache), apply the rules and
    move highlights to the new text."""
    root = paths.resolve_library(getattr(args, "library", None))
    if not root.is_dir():
        raise CliError(f"library folder not found: {root}")
    result = load_folder(root, cache=None)
    for f in result.failures:
        print(f"reader: skipped {f.path}: {f.reason}", file=sys.stderr)
    store = _open_store(args)
    chosen = [
        a
        for a in result.articles
        if not args.source or rules.site_of(a) == args.source or (a.source or "") == args.source
    ]
    shown_arts = [_corrected(a, store, result.marks) for a in chosen]
    rec = Reconcile(shown_arts)
    _commit(store, rec)
    st_ = rec.report.statuses
    obj = {"articles": len(shown_arts), "highlights": dict(st_)}
    if args.json:
        _print_json(obj, out)
    else:
        out.write(f"re-cleaned {len(shown_arts)} articles; " + _moved(st_))
    return 0


# -- search (issue 20) ------------------------------------------------------------------


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from .core.query import QueryError, parse
    from .core.search import SearchIndex, folder_for

    try:
        query = parse(args.query)
    except QueryError as exc:
        raise CliError(f"{exc} (at character {exc.position + 1})", 2) from None
    root, result, store = _session(args, lazy=True)
    index = SearchIndex(folder_for(root))
    index.set_articles(result.articles)
    index.sync(result.bodies)  # (only what changed since the last search or the app)
    doc = store.doc
    try:
        ids = index.search(query, doc)
        marked = index.highlights(query, doc) if query.words() else []
    except QueryError as exc:
        raise CliError(f"{exc} (at character {exc.position + 1})", 2) from None
    by_article: dict[str, list[Highlight]] = {}
    for h in marked:
        if h.article in index.articles:
            by_article.setdefault(h.article, []).append(h)
    arts = [index.articles[i] for i in ids | by_article.keys()]
    arts.sort(key=lambda a: (a.date or "", a.title), reverse=True)
    for a in arts[: args.limit] if args.limit else arts:
        hits = index.hits(a, query) if a.id in ids else None
        hs = sorted(by_article.get(a.id, []), key=lambda h: h.start)
        snippets = [sn.marked() for sn in hits.snippets] if hits else []
        row = {
            "id": a.id,
            "title": a.title,
            "date": a.date,
            "source": a.source,
            "hits": hits.count if hits else 0,
            "snippets": snippets,
            "highlights": [highlight_row(h) for h in hs],
        }
        if args.json:
            _print_json(row, out)
            continue
        out.write(f"{a.id[:12]}  {a.date or '----------'}  {(a.source or '-')[:12]:<12}  "
                  f"{row['hits']:>4}  {a.title}\n")  # fmt: skip
        for sn in snippets:
            out.write(f"      {sn}\n")
        for h in hs:
            out.write(f"      ✎ {h.exact[:80]}" + (f" — {h.note[:60]}" if h.note else "") + "\n")
    if not args.json:
        print(f"reader: {len(arts)} articles", file=sys.stderr)
    return 0


def cmd_install_desktop(args: argparse.Namespace, out: TextIO) -> int:
    from .core import desktop

    try:
        paths = desktop.uninstall() if args.uninstall else desktop.install()
    except OSError as exc:
        raise CliError(f"could not write the desktop entry: {exc.strerror or exc}") from None
    verb = "removed" if args.uninstall else "wrote"
    for p in paths:
        out.write(f"{verb} {p}\n")
    return 0


def _occurrences(text: str, quote: str) -> int:
    """How many times ``quote`` occurs (overlapping ones too)."""
    n, pos = 0, text.find(quote) if quote else -1
    while pos >= 0:
        n += 1
        pos = text.find(quote, pos + 1)
    return n


def cmd_highlight(args: argparse.Namespace, out: TextIO) -> int:
    _root, result, store = _session(args)
    a = find_article(args.article, result)
    text = a.text
    count = _occurrences(text, args.quote)
    if count > 1 and args.occurrence is None:
        raise CliError(
            f"the quote occurs {count} times in {a.id[:12]}; say which with --occurrence 1…{count}"
        )
    span = find_quote(text, args.quote, args.occurrence or 1)
    if span is None:
        if count:
            raise CliError(
                f"the quote occurs {count} time(s) in {a.id[:12]}; "
                f"--occurrence {args.occurrence} is out of range"
            )
        raise CliError(f"quote not found in article {a.id[:12]} ({a.title})")
    try:
        h = Highlight.new(
            a.id, describe(text, *span), color=args.color, note=args.note or "", tags=args.tag
        )
    except AnnotationError as exc:
        raise CliError(str(exc)) from None
    _commit(store, AddHighlight(h, article_title=a.title))
    out.write(h.id + "\n")
    return 0


def highlight_row(h: Highlight) -> dict[str, object]:
    return {
        "id": h.id,
        "article": h.article,
        "exact": h.exact,
        "color": h.color,
        "note": h.note,
        "tags": list(h.tags),
        "status": h.status,
        "start": h.start,
        "end": h.end,
        "created": h.created,
        "modified": h.modified,
    }


def cmd_highlights(args: argparse.Namespace, out: TextIO) -> int:
    if args.article:
        _root, result, store = _session(args)
        hs = store.doc.highlights_of(find_article(args.article, result).id)
    else:
        store = _open_store(args)
        hs = sorted(store.doc.highlights.values(), key=lambda h: (h.article, h.start))
    for h in hs:
        if args.tag and not set(args.tag) <= set(h.tags):
            continue
        if args.color and h.color not in args.color:
            continue
        if args.orphaned and h.status != "orphaned":
            continue
        if args.json:
            _print_json(highlight_row(h), out)
        else:
            quote = h.exact.replace("\n", " ")
            quote = quote if len(quote) <= 60 else quote[:59] + "…"
            tags = " ".join("#" + t for t in h.tags)
            out.write(f"{h.id[:8]}  {h.status:<8}  {h.color:<7}  {quote}  {tags}\n")
            if h.note:
                out.write(f"          note: {h.note}\n")
    return 0


def cmd_note(args: argparse.Namespace, _out: TextIO) -> int:
    store = _open_store(args)
    h = find_highlight(args.highlight, store)
    _commit(store, EditHighlight(h.id, note=args.text))
    return 0


def cmd_delete(args: argparse.Namespace, _out: TextIO) -> int:
    store = _open_store(args)
    h = find_highlight(args.highlight, store)
    _commit(store, DeleteHighlight(h.id))
    return 0


def cmd_recolor(args: argparse.Namespace, _out: TextIO) -> int:
    store = _open_store(args)
    h = find_highlight(args.highlight, store)
    try:
        op = EditHighlight(h.id, color=args.color)
    except AnnotationError as exc:
        raise CliError(str(exc)) from None
    _commit(store, op)
    return 0


def cmd_conflicts(args: argparse.Namespace, out: TextIO) -> int:
    """Values that lost a merge: list them, restore one, or dismiss one."""
    store = _open_store(args)
    conflicts = store.doc.conflicts
    ref = args.restore or args.dismiss
    if ref:
        matches = [cid for cid in conflicts if cid.startswith(ref)] if len(ref) >= 4 else []
        if ref in conflicts:
            matches = [ref]
        if len(matches) != 1:
            raise CliError(f"no single conflict {ref!r} (give an id or a unique prefix)")
        op = RestoreConflict(matches[0]) if args.restore else DismissConflict(matches[0])
        _commit(store, op)
        out.write(("restored" if args.restore else "dismissed") + f" {matches[0][:8]}\n")
        return 0
    for c in sorted(conflicts.values(), key=lambda c: c.at):
        row = {
            "id": c.id,
            "kind": c.kind,
            "key": c.key,
            "field": c.field,
            "kept": c.kept,
            "lost": c.lost,
            "lost_at": c.lost_at,
            "at": c.at,
            "title": c.title,
        }
        if args.json:
            _print_json(row, out)
        else:
            kept = json.dumps(c.kept, ensure_ascii=False)[:60]
            lost = json.dumps(c.lost, ensure_ascii=False)[:60]
            out.write(f"{c.id[:8]}  {c.at[:16]}  {c.kind[:-1]} {c.title[:30]!r}  {c.field}: ")
            out.write(f"kept {kept}, other {lost}\n")
    return 0


# -- export / import ----------------------------------------------------------------


def _day(value: str | None, flag: str) -> Any:
    if not value:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{flag}: give a date as YYYY-MM-DD, not {value!r}", 2) from None


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from .core.export import ExportError, ExportFilter, load_template, run_export, select

    _root, result, store = _session(args)
    ids = {find_article(ref, result).id for ref in args.article}
    flt = ExportFilter(
        articles=ids,
        tags=set(args.tag),
        colors=set(args.color),
        since=_day(args.since, "--since"),
        until=_day(args.until, "--until"),
        only_with_highlights=args.only_highlighted,
        all_libraries=args.all_libraries,
        highlights={find_highlight(ref, store).id for ref in args.highlight},
    )
    try:
        template = load_template(args.template) if args.format == "md" else None
        notes = select(result.articles, store.doc, flt)
        folder = bool(args.out) and (args.out.endswith(("/", os.sep)) or Path(args.out).is_dir())
        res = run_export(
            args.format,
            notes,
            store.doc,
            Path(args.out) if args.out else None,
            template=template,
            force=args.force,
            folder=folder,
            deleted=args.deleted,
        )
    except ExportError as exc:
        raise CliError(str(exc)) from None
    if res.text is not None:
        out.write(res.text)
    else:
        print(
            f"reader: exported {res.highlights} highlight(s) from {res.articles} article(s) "
            f"to {len(res.files)} file(s)",
            file=sys.stderr,
        )
        if res.sync is not None and (res.sync.updated or res.sync.removed or res.sync.kept_edited):
            print(f"reader: notes already there: {res.sync.summary()}", file=sys.stderr)
        for p in res.skipped:
            print(f"reader: left alone (not written by Reader): {p}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from .core.export.importing import ImportError_, plan, read

    try:
        items = read(args.file)
    except ImportError_ as exc:
        raise CliError(f"{args.file}: {exc}; nothing was imported") from None
    _root, result, store = _session(args)
    op, report = plan(items, result.articles, store.doc)
    if op is not None and not args.dry_run:
        _commit(store, op)
    prefix = "would import" if args.dry_run else "imported"
    out.write(f"{prefix}: {report.summary()}\n")
    for why in report.skipped[:20]:
        print(f"reader: skipped {why}", file=sys.stderr)
    return 0


# -- gui ----------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace, _out: TextIO) -> int:
    try:
        from .ui.app import run  # Qt only when the GUI is wanted
    except ImportError as exc:
        raise CliError(f"the desktop app is not available: {exc}") from None
    return run(
        library=getattr(args, "library", None),
        store=getattr(args, "store", None),
        targets=list(getattr(args, "targets", None) or []),
    )


# -- parser -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Every command and flag in one declarative list: the command line's
    contract reads top to bottom here (long on purpose, nothing to split)."""
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read and annotate a corpus of saved web articles. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    # (also before the command: "reader --library X list")
    parser.add_argument("--library", dest="g_library", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--store", dest="g_store", metavar="PATH", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--library", metavar="DIR", help="library folder (env READER_LIBRARY)")
        p.add_argument("--store", metavar="PATH", help="annotation store (env READER_STORE)")

    p = sub.add_parser("clean", help="clean files and print the articles")
    p.add_argument("paths", nargs="+", metavar="PATH", help="saved pages to clean")
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per file")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("list", help="list the library's articles")
    common(p)
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per article")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one article (id, id prefix or path)")
    p.add_argument("article", metavar="ID|PATH", help="an article id, a unique id prefix or a path")
    common(p)
    p.add_argument(
        "--json",
        action="store_true",
        help="one JSON object (as clean --json, with what was removed)",
    )
    p.set_defaults(func=cmd_show)

    for name, helptext in (("tag", "add tags to an article"), ("untag", "remove tags")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("article", metavar="ARTICLE", help="an article id, id prefix or path")
        p.add_argument("tags", nargs="+", metavar="TAG", help="tag names")
        common(p)
        p.set_defaults(func=cmd_tag)

    p = sub.add_parser("tags", help="list tags with counts; rename, merge or delete one")
    common(p)
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per tag")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="rename tag OLD to NEW")
    g.add_argument("--merge", nargs=2, metavar=("A", "B"), help="merge tag A into tag B")
    g.add_argument("--delete", metavar="TAG", help="remove a tag from everything")
    p.set_defaults(func=cmd_tags)

    p = sub.add_parser(
        "meta",
        help="an article's title, date, source…: show them, or correct what the cleaner got wrong",
    )
    p.add_argument("article", metavar="ARTICLE", help="an article id, id prefix or path")
    for f, what in (
        ("title", "the title"),
        ("date", "the date, YYYY-MM-DD (or YYYY-MM, YYYY)"),
        ("time", "the time, HH:MM"),
        ("source", "the source (publisher)"),
        ("author", "the author"),
        ("url", "the page's address"),
    ):
        p.add_argument(f"--{f}", metavar="TEXT", help=f"set {what} ('' says: none)")
    p.add_argument(
        "--clear",
        action="append",
        default=[],
        metavar="FIELD",
        help="forget your value of FIELD: the cleaner's shows again (repeatable)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object, with user_set")
    common(p)
    p.set_defaults(func=cmd_meta)

    p = sub.add_parser(
        "install-desktop",
        help="add Reader to the desktop's application menu (and reader:// links)",
    )
    p.add_argument("--uninstall", action="store_true", help="remove it again")
    p.set_defaults(func=cmd_install_desktop)

    p = sub.add_parser("colors", help="the highlight colours and what you made each mean")
    p.add_argument("color", nargs="?", metavar="COLOR", help="a colour name or #rrggbb to set")
    p.add_argument("meaning", nargs="?", metavar="MEANING", help="what it means ('' forgets it)")
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per colour")
    common(p)
    p.set_defaults(func=cmd_colors)

    p = sub.add_parser("highlight", help="highlight a quote in an article; prints its id")
    p.add_argument("article", metavar="ARTICLE", help="an article id, id prefix or path")
    p.add_argument("--quote", required=True, metavar="TEXT", help="the exact text to highlight")
    p.add_argument(
        "--occurrence",
        type=int,
        metavar="N",
        help="which occurrence of a quote that occurs more than once (required then)",
    )
    p.add_argument("--color", default="yellow", metavar="C", help="a colour name or #rrggbb")
    p.add_argument("--note", metavar="TEXT", help="a note (Markdown)")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    common(p)
    p.set_defaults(func=cmd_highlight)

    p = sub.add_parser("highlights", help="list highlights")
    p.add_argument("article", nargs="?", metavar="ARTICLE", help="only this article's")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="with this tag")
    p.add_argument("--color", action="append", default=[], metavar="C", help="of this colour")
    p.add_argument("--orphaned", action="store_true", help="only those no longer found in the text")
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per highlight")
    common(p)
    p.set_defaults(func=cmd_highlights)

    p = sub.add_parser("note", help="set a highlight's note")
    p.add_argument("highlight", metavar="HIGHLIGHT", help="a highlight id")
    p.add_argument("text", metavar="TEXT", help="the note (Markdown; empty to clear)")
    common(p)
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("delete", help="delete a highlight")
    p.add_argument("highlight", metavar="HIGHLIGHT", help="a highlight id")
    common(p)
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("recolor", help="change a highlight's colour")
    p.add_argument("highlight", metavar="HIGHLIGHT", help="a highlight id")
    p.add_argument("color", metavar="COLOR", help="a colour name or #rrggbb")
    common(p)
    p.set_defaults(func=cmd_recolor)

    p = sub.add_parser(
        "search", help='search the library: words, "phrases", OR, -not, title: tag: date:…'
    )
    p.add_argument("query", metavar="QUERY", help="the query (the app's search box language)")
    p.add_argument("--json", action="store_true", help="JSON Lines, one article per line")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="at most N articles")
    common(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("rules", help="your corrections of the cleaner, for articles and sites")
    p.add_argument("--json", action="store_true", help="JSON Lines, one rule per line")
    common(p)
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("rule", help="add, delete, enable or disable a correction of the cleaner")
    rsub = p.add_subparsers(
        dest="rule_command",
        required=True,
        metavar="add|delete|enable|disable",
        help="what to do with a rule",
    )
    a = rsub.add_parser("add", help="correct the cleaner for a site or an article")
    g = a.add_mutually_exclusive_group(required=True)
    g.add_argument(
        "--source", metavar="SITE", help="every article of this site (host or source name)"
    )
    g.add_argument("--article", metavar="ID", help="only this article (id, prefix or path)")
    w = a.add_mutually_exclusive_group(required=True)
    w.add_argument("--remove", metavar="TEXT", help="remove this line (boilerplate)")
    w.add_argument("--restore", metavar="TEXT", help="keep this line the cleaner removed")
    w.add_argument("--heading", metavar="TEXT", help="this line is a heading")
    w.add_argument("--paragraph", metavar="TEXT", help="this line is not a heading")
    w.add_argument(
        "--untitle", metavar="TEXT", help="a title equal to this is wrong (a navigation bar)"
    )
    a.add_argument(
        "--match",
        choices=["line", "starts", "after"],
        default="line",
        help="the whole line is TEXT (default), starts with it, or: it and everything after it",
    )
    a.add_argument(
        "--dry-run", action="store_true", help="say how many articles it changes; change nothing"
    )
    a.add_argument("--json", action="store_true", help="the rule and what it changed, as JSON")
    common(a)
    for name, what in (
        ("delete", "delete a rule"),
        ("enable", "turn a rule on"),
        ("disable", "turn a rule off (kept)"),
    ):
        d = rsub.add_parser(name, help=what)
        d.add_argument("id", metavar="ID", help="the rule's id or a unique prefix")
        d.add_argument("--dry-run", action="store_true", help="say what it changes; change nothing")
        d.add_argument("--json", action="store_true", help="the rule and what it changed, as JSON")
        common(d)
    p.set_defaults(func=cmd_rule)

    p = sub.add_parser(
        "reclean", help="clean the files again (not from the cache), with your rules"
    )
    p.add_argument("--source", metavar="SITE", help="only this site's articles")
    p.add_argument("--json", action="store_true", help="what changed, as JSON")
    common(p)
    p.set_defaults(func=cmd_reclean)

    p = sub.add_parser(
        "conflicts",
        help="values two programs changed at once: list, restore or dismiss the other version",
    )
    p.add_argument("--json", action="store_true", help="JSON Lines, one conflict per line")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--restore", metavar="ID", help="put the other version back")
    g.add_argument("--dismiss", metavar="ID", help="drop it from the list")
    common(p)
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser("export", help="export highlights and notes")
    p.add_argument(
        "--format",
        required=True,
        choices=["md", "csv", "html", "json", "qdpx"],
        help="Markdown, CSV (Readwise), HTML report, W3C JSON-LD, REFI-QDA project",
    )
    p.add_argument("--out", metavar="PATH", help="file, or folder (md: one file per article)")
    p.add_argument(
        "--article",
        action="append",
        default=[],
        metavar="ID",
        help="only this article (repeatable)",
    )
    p.add_argument(
        "--highlight",
        action="append",
        default=[],
        metavar="ID",
        help="only this highlight, in whichever library (repeatable)",
    )
    p.add_argument("--tag", action="append", default=[], metavar="T", help="only with this tag")
    p.add_argument("--color", action="append", default=[], metavar="C", help="only this colour")
    p.add_argument("--since", metavar="DATE", help="articles dated on or after (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="articles dated on or before (YYYY-MM-DD)")
    p.add_argument(
        "--all-libraries",
        action="store_true",
        help="also notes on articles that are not in this library (other libraries, deleted files)",
    )
    p.add_argument("--only-highlighted", action="store_true", help="only articles with highlights")
    p.add_argument("--template", metavar="FILE", help="Markdown template (md)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument(
        "--deleted",
        choices=["remove", "mark"],
        default="remove",
        help="md into a folder of earlier notes: a deleted highlight's block is removed "
        "(default) or kept and marked",
    )
    common(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="import W3C annotation JSON (ours or Hypothesis's)")
    p.add_argument("file", metavar="FILE", help="W3C JSON, a .qdpx project, or a Readwise CSV")
    p.add_argument(
        "--dry-run", action="store_true", help="report what would change; change nothing"
    )
    common(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("gui", help="open the desktop app")
    p.add_argument(
        "targets", nargs="*", metavar="LINK|FILE", help="reader:// links or files to open"
    )
    common(p)
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser(
        "open", help="open the app at a reader://highlight/ID (or reader://article/ID) link"
    )
    p.add_argument("targets", nargs="+", metavar="LINK", help="reader:// links (or files)")
    common(p)
    p.set_defaults(func=cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("library", "store"):  # given before the command
        if getattr(args, name, None) is None and getattr(args, f"g_{name}", None) is not None:
            setattr(args, name, getattr(args, f"g_{name}"))
    if args.command is None:
        args.func = cmd_gui
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    out = cast(TextIO, _Shown(sys.stdout))
    real_stderr, sys.stderr = sys.stderr, cast(TextIO, _Shown(sys.stderr))
    try:
        return int(args.func(args, out))
    except CliError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    finally:
        sys.stderr = real_stderr


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])


def entry() -> None:
    """The ``reader`` command: ``main``, then exit without tearing the heap down
    (freeing a million loaded highlights one by one took seconds after the
    work was done; every file is written and closed by then)."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
