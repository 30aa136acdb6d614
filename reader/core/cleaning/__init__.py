"""The cleaning pipeline: a ``RawDocument`` in, a clean ``Article`` out.

One module per concern (see each for why it works the way it does):
``html_content`` finds the main content of full pages, ``boilerplate`` knows
the kinds of site chrome, ``watermark`` finds repeated spam, ``paragraphs``
restores paragraphs and subheadings, ``compilation`` splits multi-piece pages,
``metadata`` reads date/source/author lines. Nothing here names a site.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..article import Article, Block, Removed, content_id, detect_language
from ..formats import RawDocument
from ..version import CLEANER_VERSION
from . import boilerplate, compilation, html_content, markdown, watermark
from .dates import dateline
from .lines import Line
from .metadata import (
    Meta,
    byline,
    find_date,
    is_credit_line,
    labelled_date,
    parse_date_value,
    parse_meta_line,
    strip_trailing_credit,
)
from .paragraphs import looks_like_heading, split_collapsed, tidy

__all__ = ["CLEANER_VERSION", "clean"]


def clean(doc: RawDocument, *, library_marks: Sequence[str] = ()) -> Article:
    """Clean one document. ``library_marks`` are watermarks found across the library."""
    meta = Meta()
    removed: list[Removed] = []
    fm = doc.meta
    if fm:
        _front_matter_meta(fm, meta)

    if doc.kind == "html":
        page = _page(doc, meta, removed)
    elif doc.kind == "markdown":
        page = _Page(markdown.lines(doc.body))
    else:
        page = _Page([Line(t) for t in doc.body.split("\n")])
    lines, before, after = page.lines, page.before, page.after
    warnings = doc.warnings + page.warnings
    html_title, site_name = page.title, page.site_name

    if not meta.title and html_title:
        meta.title = _best_title(html_title, lines, before)
    if doc.kind == "html" and not meta.date:
        _labelled_page_date(before, lines, after, meta)
    if before:
        _meta_from_before(before, meta)

    blocks = _process(lines, meta, removed, library_marks, marked=doc.kind == "markdown")
    if not blocks and any(ln.text.strip() for ln in lines):
        # nothing read as an article: the page's text as it is, not nothing
        blocks = [Block("paragraph", t) for t in (tidy(ln.text) for ln in lines) if t]
        warnings += ("no article text recognised: the page's text is shown as it is",)
    if not meta.source and site_name:
        meta.source = site_name
    title = meta.title or (blocks[0].text if blocks else "") or _stem(doc.path)
    text = "\n".join(b.text for b in blocks)
    return Article(
        id=content_id(doc.text),
        path=doc.path,
        title=_bounded(tidy(title)),
        date=meta.date,
        time=meta.time if meta.date else None,
        source=meta.source,
        author=meta.author or meta.editor,
        language=detect_language(title + "\n" + text),
        blocks=tuple(blocks),
        removed=tuple(removed),
        warnings=warnings,
        categories=_categories(fm),
        url=doc.url or page.url,
    )


@dataclass
class _Page:
    """What reading the page gave: its lines, the page text around the content,
    its own title and site name."""

    lines: list[Line]
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    title: str | None = None
    site_name: str | None = None
    warnings: tuple[str, ...] = ()
    url: str | None = None


def _page(doc: RawDocument, meta: Meta, removed: list[Removed]) -> _Page:
    """An HTML page's main content; a page the parser cannot hold whole is
    read as plain text, all of it, and says so."""
    try:
        ex = html_content.extract(doc.body)
    except html_content.Unreadable as why:
        text = html_content.plain_text(doc.body)
        return _Page([Line(t) for t in text.split("\n")], warnings=(f"{why}: read as plain text",))
    if ex is None:
        return _Page([])
    removed.extend(ex.removed)
    meta.set_if_empty(
        date=ex.meta.date, time=ex.meta.time, author=ex.meta.author, source=ex.meta.source
    )
    return _Page(ex.lines, ex.before, ex.after, ex.meta_title, ex.site_name, url=ex.url)


#: A title longer than this is a paragraph taken for one (a one-line text
#: file): it is cut for display; the text itself keeps every character.
MAX_TITLE_CHARS = 300


def _bounded(title: str) -> str:
    return title if len(title) <= MAX_TITLE_CHARS else title[: MAX_TITLE_CHARS - 1] + "…"


def _categories(fm: dict[str, Any] | None) -> tuple[str, ...]:
    """Front matter ``categories`` (or ``tags``): a list, or one string."""
    cats = (fm.get("categories") or fm.get("tags")) if fm else None
    if isinstance(cats, list):
        return tuple(cats)
    if isinstance(cats, str) and cats:
        return (cats,)
    return ()


def _stem(path: str) -> str:
    name = re.split(r"[\\/]", path)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


_WIKILINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")


def _front_matter_meta(fm: dict[str, str | list[str]], meta: Meta) -> None:
    def s(key: str) -> str | None:
        v = fm.get(key)
        if isinstance(v, list):
            v = ", ".join(v)
        # Obsidian writes links to notes: "[[张三]]" names 张三
        return _WIKILINK.sub(r"\1", v).strip() or None if v else None

    meta.title = s("title")
    date_value = s("date") or s("published") or s("pubdate")
    if date_value:
        d, t = parse_date_value(date_value)
        meta.set_if_empty(date=d, time=t)
    outlet = s("source")
    if outlet and re.match(r"https?://", outlet):
        outlet = None  # (Obsidian's clipper puts the page's address there)
    meta.set_if_empty(author=s("author"), source=outlet or s("publisher") or s("site"))


def _best_title(html_title: str, lines: list[Line], before: list[str]) -> str:
    """Prefer a visible heading that the ``<title>`` contains (it lacks the site suffix)."""
    for cand in [ln.text for ln in lines[:5] if ln.heading] + before[-3:][::-1]:
        c = tidy(cand)
        # (most of the title: a channel name the title also holds is not it)
        if 4 <= len(c) <= 120 and c in html_title and len(c) * 5 >= len(html_title) * 3:
            return c
    return html_title


def _labelled_page_date(before: list[str], lines: list[Line], after: list[str], meta: Meta) -> None:
    """The publication date a page labels as such (发布时间/发表于/Posted…).

    Looked for just above the content first (under the title), then in the
    content's first and last lines (post footers), then below it.
    """
    head = before[-25:][::-1]
    content = [ln.text for ln in lines]
    for zone in (head, content, after[:40], before[:-25][::-1]):
        for text in zone:
            for piece in text.split("\n"):
                found = labelled_date(piece)
                if found:
                    meta.set_if_empty(date=found[0], time=found[1])
                    return


def _meta_from_before(before: list[str], meta: Meta) -> None:
    """Date/source/author from the lines above the content (under the title)."""
    window = before[-25:]
    title = meta.title or ""
    start = 0
    for i, line in enumerate(window):
        if title and tidy(line) == title:
            start = i + 1
    scratch = Meta()
    # under the title; where the title is not above the content, only the
    # lines just above it (a dateline), not a sidebar's list further up
    for line in window[start:] if start else window[-3:]:
        for piece in split_collapsed(line) or [line]:
            parse_meta_line(piece, scratch)
    if not scratch.date:
        # a labelled date anywhere above the content (发布时间：…)
        for line in reversed(before):
            if re.search(r"发布|发表|时间|日期|Posted|Published", line) and len(line) < 200:
                found = find_date(line)
                if found:
                    scratch.set_if_empty(date=found[0], time=found[1])
                    break
    meta.set_if_empty(
        date=scratch.date,
        time=scratch.time if not meta.date else None,
        source=scratch.source,
        author=scratch.author,
        editor=scratch.editor,
    )


def _process(
    raw: list[Line],
    meta: Meta,
    removed: list[Removed],
    library_marks: Sequence[str],
    *,
    marked: bool = False,
) -> list[Block]:
    """The line pipeline, one step a function, in this order. ``marked``: the
    source marks its headings (Markdown), so none are guessed."""
    lines = _restore_paragraphs(raw)
    lines = _drop_link_lists(lines, removed)
    lines = _strip_watermarks(lines, removed, library_marks)
    lines = _drop_related_tail(lines, removed)
    lines = _drop_boilerplate_lines(lines, meta, removed)
    lines = _take_header(lines, meta, removed, marked)
    lines = _take_top_credits(lines, meta, removed)
    lines = _take_date_lines(lines, meta, removed)
    lines, section_set = _compilation(lines, removed)
    return _blocks(lines, section_set, meta, removed, marked)


def _restore_paragraphs(raw: list[Line]) -> list[Line]:
    """1. Paragraph restoration (code stays as written)."""
    out: list[Line] = []
    for ln in raw:
        if ln.verbatim:
            out.append(ln)
            continue
        out.extend(
            Line(piece, ln.heading, ln.link_ratio, ln.junk_hint, opens_unlinked=ln.opens_unlinked)
            for piece in split_collapsed(ln.text)
        )
    return out


def _drop_link_lists(lines: list[Line], removed: list[Removed]) -> list[Line]:
    """2. Link lists."""
    kept: list[Line] = []
    for ln in lines:
        if (
            ln.link_ratio > 0.5
            and not ln.verbatim
            and not boilerplate.is_prose(ln.text)
            and not _linked_sentence(ln)
        ):
            removed.append(Removed(ln.text, "link"))
        else:
            kept.append(ln)
    return kept


def _linked_sentence(ln: Line) -> bool:
    """A line that opens with the author's words and goes on in a link ("Gijs
    <a>made the toolbar start later</a>"): a sentence, not a menu or a list
    of headlines (those open with their link)."""
    if not ln.opens_unlinked:
        return False
    text = ln.text.strip()
    return len(text.split()) >= 5 or (boilerplate.has_cjk(text) and len(text) >= 12)


def _strip_watermarks(
    lines: list[Line], removed: list[Removed], library_marks: Sequence[str]
) -> list[Line]:
    """3. Repeated watermarks (this document's own, then the library's)."""
    texts = [ln.text for ln in lines]
    marks = watermark.detect(texts)
    marks += [m for m in library_marks if m not in marks and any(m in t for t in texts)]
    if not marks:
        return lines
    marks.sort(key=len, reverse=True)
    new_texts, counts = watermark.strip(texts, marks)
    for m in marks:
        if counts[m]:
            removed.append(Removed(m, f"repeated watermark ({counts[m]}×)", "inline"))
    return [
        Line(t, ln.heading, ln.link_ratio, verbatim=ln.verbatim)
        for t, ln in zip(new_texts, lines, strict=True)
        if t.strip()
    ]


def _drop_related_tail(lines: list[Line], removed: list[Removed]) -> list[Line]:
    """4. A related-list header after the body: it and everything after go."""
    first_prose = next((i for i, ln in enumerate(lines) if boilerplate.is_prose(ln.text)), None)
    if first_prose is None:
        return lines
    for i in range(first_prose + 1, len(lines)):
        if boilerplate.is_list_header(lines[i].text):
            tail = "\n".join(t.text for t in lines[i:])[:2000]
            removed.append(Removed(tail, "related-articles list and what follows"))
            return lines[:i]
    return lines


def _drop_boilerplate_lines(lines: list[Line], meta: Meta, removed: list[Removed]) -> list[Line]:
    """5. Line rules and credit lines."""
    kept = []
    for ln in lines:
        if ln.verbatim:
            kept.append(ln)
            continue
        reason = boilerplate.line_reason(ln.text)
        if reason is None and is_credit_line(ln.text):
            parse_meta_line(ln.text, meta)
            reason = "credit line (kept as metadata)"
        if reason:
            removed.append(Removed(ln.text, reason))
        else:
            kept.append(ln)
    return kept


def _take_header(
    lines: list[Line], meta: Meta, removed: list[Removed], marked: bool = False
) -> list[Line]:
    """6. The header: title, date/source lines, subtitle."""
    # (a heading is never the first paragraph: a dateline in the headline's
    # <h1> reads as prose by its punctuation)
    first_prose = next(
        (i for i, ln in enumerate(lines) if not ln.heading and boilerplate.is_prose(ln.text)),
        len(lines),
    )
    header, body = lines[:first_prose], lines[first_prose:]
    # (with no prose after them, short lines are the text itself, a post of
    # three lines of dialogue, not a subtitle over it)
    subtitled = not marked and first_prose < len(lines)
    out_header: list[Line] = []
    title_seen = False
    rest_of_title = ""  # a title shown on two lines: what the next must hold
    for ln in header:
        if ln.verbatim:
            out_header.append(ln)
            continue
        t = tidy(ln.text)
        if meta.title and _same_title(t, meta.title):
            removed.append(Removed(ln.text, "title"))
            title_seen = True
            continue
        if meta.title and not title_seen:
            rest = _title_rest(t, rest_of_title or meta.title)
            rest_of_title = rest or ""
            if rest is not None:
                removed.append(Removed(ln.text, "title"))
                title_seen = not rest
                continue
        if parse_meta_line(t, meta):
            removed.append(Removed(ln.text, "date/source line (kept as metadata)"))
            continue
        if not meta.title and len(t) >= 2:
            meta.title = t
            title_seen = True
            removed.append(Removed(ln.text, "title"))
            continue
        if not title_seen and not out_header and len(t) <= 12 and not ln.heading:
            removed.append(Removed(ln.text, "site chrome before the title"))
            continue
        out_header.append(Line(t, heading=True if subtitled else ln.heading))
    return out_header + body


#: How far down a byline or a dateline is looked for (under a standfirst)
_TOP_LINES = 5


def _take_top_credits(lines: list[Line], meta: Meta, removed: list[Removed]) -> list[Line]:
    """6b. A byline ("By Stella Kim and Jennifer Jett") or a dateline ("Dec. 6,
    2024, 10:00 PM UTC / Updated …") among the first lines, under the title
    and a standfirst: who and when, kept as metadata, not body."""
    out = list(lines)
    for i in range(min(_TOP_LINES, len(out)) - 1, -1, -1):
        ln = out[i]
        if ln.verbatim:
            continue
        # (above the article's text: a date among a record's fields, an
        # "Effective date" of a listing, is not when the page was written)
        if not any(boilerplate.is_prose(x.text) for x in out[i + 1 : i + 4]):
            continue
        text = tidy(ln.text)
        names = byline(text)
        when = None if names else dateline(text)
        if names:
            meta.set_if_empty(author=names)
            removed.append(Removed(ln.text, "byline (kept as metadata)"))
        elif when:
            meta.set_if_empty(date=when[0], time=when[1])
            removed.append(Removed(ln.text, "date/source line (kept as metadata)"))
        else:
            continue
        del out[i]
    return out


def _take_date_lines(lines: list[Line], meta: Meta, removed: list[Removed]) -> list[Line]:
    """7. Labelled date lines ("发表于 2004-12-27 12:40 (阅读:3727)") anywhere, and
    source/date lines among the last few: metadata, not body."""
    lines = list(lines)
    for i in range(len(lines) - 1, -1, -1):
        t = lines[i].text
        if lines[i].verbatim:
            continue
        strong = _STRONG_DATE_LABEL.search(t)
        near_end = i >= len(lines) - 6 and re.search(r"发布|发表|时间|日期|来源", t)
        if len(t) < 80 and (strong or near_end) and parse_meta_line(t, meta):
            removed.append(Removed(t, "date/source line (kept as metadata)"))
            del lines[i]
    for i in range(len(lines) - 1, max(-1, len(lines) - 3), -1):
        t = lines[i].text
        if lines[i].verbatim:
            continue
        stripped = strip_trailing_credit(t, meta)
        if stripped != t:
            removed.append(
                Removed(t[len(stripped) :].strip(), "credit (kept as metadata)", "inline")
            )
            lines[i] = Line(stripped, lines[i].heading)
    return lines


def _compilation(lines: list[Line], removed: list[Removed]) -> tuple[list[Line], set[int]]:
    """8. Compilation pages: the sections, and the preamble before the first."""
    sections = compilation.find_sections([ln.text for ln in lines])
    if not sections:
        return lines, set()
    pre = lines[: sections[0]]
    if pre:
        removed.append(Removed("\n".join(ln.text for ln in pre), "preamble of a compilation page"))
    return lines[sections[0] :], {i - sections[0] for i in sections}


def _blocks(
    lines: list[Line],
    section_set: set[int],
    meta: Meta,
    removed: list[Removed],
    marked: bool = False,
) -> list[Block]:
    """9. Blocks, with subheadings."""
    blocks: list[Block] = []
    for i, ln in enumerate(lines):
        if ln.verbatim:
            if ln.text.strip():
                blocks.append(Block("paragraph", ln.text.rstrip()))
            continue
        t = ln.text.strip()
        if not t:
            continue
        if meta.title and i < 3 and _same_title(t, meta.title):
            removed.append(Removed(t, "title"))
            continue
        nxt = lines[i + 1].text if i + 1 < len(lines) else None
        guessed = not marked and (i in section_set or looks_like_heading(t, nxt))
        is_heading = guessed or (ln.heading and (marked or len(t) <= 80))
        blocks.append(Block("heading" if is_heading else "paragraph", t))
    return blocks


_STRONG_DATE_LABEL = re.compile(
    r"^\s*(?:发表于|发布于|发布时间|发表时间|发布日期|Posted|Published)"
)


def _title_rest(line: str, title: str) -> str | None:
    """Where ``line`` opens ``title`` (a headline broken over lines), what of
    the title is left ("" once it is whole); None if it does not open it."""
    a = re.sub(r"\s+", "", line)
    b = re.sub(r"\s+", "", title)
    if len(a) < 4 or not b.startswith(a) or len(a) * 10 < len(b) * 3:
        return None
    return b[len(a) :]


def _same_title(line: str, title: str) -> bool:
    a = re.sub(r"\s+", "", line)
    b = re.sub(r"\s+", "", title)
    return bool(a) and (a == b or (len(a) >= 6 and a in b and len(a) >= len(b) * 0.8))
