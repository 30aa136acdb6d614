"""Corrections of the cleaner's output, for one article or a whole site (issue 19).

No cleaner is right on every page. When it keeps a line that is not the
article ("扫一扫在手机打开当前页"), drops one that is, or takes a paragraph
for a heading, the user corrects it in Show Original. A correction is a
``Rule`` in the store: for this article, or for every article of its site (the
host of the page's address, else the source's name), described in plain
words: "lines that start with 扫一扫", "everything after 相关阅读".

Rules are a separate step after the cleaner, which stays reproducible: the
library keeps the cleaner's articles and shows them with the rules applied,
and what a rule removed is reported with the rule's id ("rule:ID"), so Show
Original says which rule removed what. The article's id comes from the file,
so highlights stay attached, re-anchored where the text moved.

Restoring a line needs to know where it stood: the page's lines (``report``)
are read again for that, only for articles a restore rule touches.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import urlsplit

from .article import Article, Block, BlockType, Removed
from .messages import QT_TRANSLATE_NOOP, Message
from .records import AnnotationError, Rule, RuleAction, RuleMatch, now

#: The reason given for what a rule removed: its words (and, unshown, its id).
CORRECTION = QT_TRANSLATE_NOOP("Core", "your correction: {what}")


def site_of(article: Article) -> str:
    """The site an article belongs to: its page's host (without ``www.``), else
    the name of its source, else ""."""
    if article.url:
        host = (urlsplit(article.url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    return (article.source or "").strip()


def _key(s: str) -> str:
    return re.sub(r"\s+", "", s)


def new_rule(
    action: RuleAction,
    match: RuleMatch,
    text: str,
    *,
    site: str = "",
    article: str = "",
) -> Rule:
    """A rule, checked: some text to match, and one scope (a site or an article)."""
    text = " ".join(text.split())
    if not _key(text):
        raise AnnotationError("a correction needs the text it applies to")
    if bool(site) == bool(article):
        raise AnnotationError("a correction is for one article or for one site")
    if match == "after" and action != "remove":
        raise AnnotationError("only a removal can take everything after a line")
    return Rule(
        id=str(uuid.uuid4()),
        action=action,
        match=match,
        text=text,
        site=site,
        article=article,
        created=now(),
        modified=now(),
    )


def applies(rule: Rule, article: Article) -> bool:
    """Is the rule on, and for this article or its site?"""
    return rule.enabled and in_scope(rule, article)


def in_scope(rule: Rule, article: Article) -> bool:
    """Is the rule (on or off) for this article or its site?"""
    if rule.article:
        return rule.article == article.id
    return bool(rule.site) and rule.site == site_of(article)


def rules_for(rules: Iterable[Rule], article: Article) -> list[Rule]:
    """The enabled rules that apply to ``article``, in the order they were made."""
    return sorted((r for r in rules if applies(r, article)), key=lambda r: (r.created, r.id))


def matches(rule: Rule, line: str) -> bool:
    """Does ``line`` (a block or a page line) match the rule's text?"""
    k, t = _key(line), _key(rule.text)
    if rule.match == "starts":
        return k.startswith(t)
    return k == t  # "line", and the marker line of "after"


def describe(rule: Rule) -> Message:
    """The rule in plain words (English; the app translates the template)."""
    text = rule.text if len(rule.text) <= 60 else rule.text[:59] + "…"
    templates = {
        ("remove", "line"): QT_TRANSLATE_NOOP("Core", "remove the line “{text}”"),
        ("remove", "starts"): QT_TRANSLATE_NOOP("Core", "remove lines that start with “{text}”"),
        ("remove", "after"): QT_TRANSLATE_NOOP(
            "Core", "remove the line “{text}” and everything after it"
        ),
        ("restore", "line"): QT_TRANSLATE_NOOP("Core", "keep the line “{text}”"),
        ("restore", "starts"): QT_TRANSLATE_NOOP("Core", "keep lines that start with “{text}”"),
        ("heading", "line"): QT_TRANSLATE_NOOP("Core", "the line “{text}” is a heading"),
        ("heading", "starts"): QT_TRANSLATE_NOOP(
            "Core", "lines that start with “{text}” are headings"
        ),
        ("paragraph", "line"): QT_TRANSLATE_NOOP("Core", "the line “{text}” is not a heading"),
        ("paragraph", "starts"): QT_TRANSLATE_NOOP(
            "Core", "lines that start with “{text}” are not headings"
        ),
        ("untitle", "line"): QT_TRANSLATE_NOOP("Core", "a title that equals “{text}” is wrong"),
        ("untitle", "starts"): QT_TRANSLATE_NOOP(
            "Core", "a title that starts with “{text}” is wrong"
        ),
    }
    template = templates.get((rule.action, rule.match), "{text}")
    return Message(template, text=text)


def apply(
    article: Article,
    rules: Sequence[Rule],
    page_lines: Callable[[Article], Sequence[tuple[str, bool]]] | None = None,
) -> Article:
    """``article`` with ``rules`` applied (those that apply to it), in order.

    ``page_lines``: the page's lines in order, each with whether the cleaner
    kept it; needed only by restore rules (without it they do nothing).
    """
    mine = [r for r in rules if applies(r, article)]
    if not mine:
        return article
    blocks = list(article.blocks)
    removed = list(article.removed)
    restores = [r for r in mine if r.action == "restore"]
    if restores and page_lines is not None:
        blocks = _restore(blocks, restores, page_lines(article), removed)
    title = article.title
    for r in mine:
        if r.action == "remove":
            blocks = _remove(blocks, r, removed)
        elif r.action in ("heading", "paragraph"):
            kind: BlockType = "heading" if r.action == "heading" else "paragraph"
            blocks = [Block(kind, b.text) if matches(r, b.text) else b for b in blocks]
        elif r.action == "untitle" and matches(r, title):
            title, blocks = _retitle(title, blocks, r, removed)
    if blocks == list(article.blocks) and title == article.title:
        return article
    return dataclasses.replace(article, title=title, blocks=tuple(blocks), removed=tuple(removed))


#: A line longer than this, or ending as a sentence ends, is not taken as a headline.
_HEADLINE_MAX = 100
_SENTENCE_END = tuple("。！？.!?;；…")


def _retitle(
    title: str, blocks: list[Block], rule: Rule, removed: list[Removed]
) -> tuple[str, list[Block]]:
    """The title was wrong (a navigation bar): take the article's first line if
    it reads as a headline (a heading, or short and not ending as a sentence
    does) and drop it from the body, where it stood above the text. Else the
    title stays: no title is made up."""
    t = blocks[0].text.strip() if blocks else ""
    headline = blocks and (blocks[0].type == "heading" or not t.endswith(_SENTENCE_END))
    if headline and 0 < len(t) <= _HEADLINE_MAX and not matches(rule, t):
        removed.append(Removed(title, reason_for(rule)))
        return t, blocks[1:]
    return title, blocks


def reason_for(rule: Rule) -> Message:
    return Message(CORRECTION, what=describe(rule), id=rule.id)


def _remove(blocks: list[Block], rule: Rule, removed: list[Removed]) -> list[Block]:
    reason = reason_for(rule)
    if rule.match == "after":
        for i, b in enumerate(blocks):
            if matches(rule, b.text):
                removed += [Removed(x.text, reason) for x in blocks[i:]]
                return blocks[:i]
        return blocks
    out = []
    for b in blocks:
        if matches(rule, b.text):
            removed.append(Removed(b.text, reason))
        else:
            out.append(b)
    return out


def _restore(
    blocks: list[Block],
    rules: Sequence[Rule],
    lines: Sequence[tuple[str, bool]],
    removed: list[Removed],
) -> list[Block]:
    """Put back page lines the cleaner removed and a rule keeps, where they stood:
    after the block that holds the last kept line before them."""
    out = list(blocks)
    pos = 0  # blocks before this index hold the page's lines seen so far
    for text, kept in lines:
        k = _key(text)
        if not k:
            continue
        if kept:
            for j in range(max(0, pos - 1), len(out)):
                if k in _key(out[j].text):
                    pos = j + 1
                    break
            continue
        if any(matches(r, text) for r in rules) and not any(k == _key(b.text) for b in out):
            out.insert(pos, Block("paragraph", text.strip()))
            pos += 1
            removed[:] = [r for r in removed if _key(r.text) != k]
    return out


def reason_rule(reason: str) -> str | None:
    """The id of the rule that removed a piece (its ``Removed.reason``), or None."""
    if isinstance(reason, Message) and reason.template == CORRECTION:
        return str(reason.params.get("id") or "") or None
    return None


PageLines = Callable[[Article], Sequence[tuple[str, bool]]]


def page_lines(library_marks: Sequence[str] = ()) -> PageLines:
    """For restore rules: an article's page lines and whether the cleaner kept
    each (the file is read and cleaned again; only restore rules ask)."""

    def lines(article: Article) -> list[tuple[str, bool]]:
        from .formats import NotAnArticle, read_document
        from .report import original_view

        try:
            doc = read_document(article.path)
        except (NotAnArticle, OSError):
            return []
        _a, found = original_view(doc, library_marks)
        return [(ln.text, ln.kept) for ln in found]

    return lines


def present(
    article: Article,
    rules: Iterable[Rule],
    meta: dict[str, str] | None,
    lines: PageLines | None = None,
) -> Article:
    """The article as the user sees it: the cleaner's, with the rules that apply
    to it, then the metadata the user set (``overrides``)."""
    from . import overrides

    return overrides.apply(apply(article, rules_for(rules, article), lines), meta)


def differs(a: Article, b: Article) -> bool:
    """Do two versions of an article read differently (title, text, headings)?"""
    return (
        a.title != b.title
        or len(a.blocks) != len(b.blocks)
        or a.text != b.text
        or any(x.type != y.type for x, y in zip(a.blocks, b.blocks, strict=True))
    )


def changed_by(
    articles: Iterable[Article], rule: Rule, lines: PageLines | None = None
) -> list[tuple[Article, Article]]:
    """(before, after) of every article ``rule`` changes: the preview before saving it."""
    out = []
    for a in articles:
        if applies(rule, a):
            b = apply(a, [rule], lines)
            if b is not a and differs(a, b):
                out.append((a, b))
    return out
