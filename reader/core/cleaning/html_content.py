"""Main-content extraction from full HTML pages, scored for Chinese.

Word-count heuristics (readability, boilerpipe) undercount Chinese, which has
no spaces. Here every text run is valued by characters: prose with Chinese
sentence punctuation (，。！？；：) counts fully, link text and unpunctuated
labels count against. The content is the element whose subtree has the
highest total: the tightest container that holds most of the prose and little
else. Inside it, sub-blocks that are net junk (link lists, share bars, blocks
with chrome class names) are pruned.

lxml's own parser is used, not BeautifulSoup: on the 44 KB pages of the
evaluation set building a BeautifulSoup tree costs ~27 ms against ~1 ms for
lxml, and the whole cleaner must stay faster than readability-lxml. All tree
walks are iterative, so a hostile page nested 10,000 deep cannot overflow the
stack.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

from ..article import Removed
from . import dates, titles
from .boilerplate import punct_count
from .lines import Line
from .metadata import Meta, byline

_BLOCK = frozenset(
    "p div td th tr table tbody thead tfoot li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre "
    "section article main header footer nav aside form center figure figcaption address details "
    "summary body html hr fieldset caption legend".split()
)
_JUNK = frozenset(
    "script style noscript template iframe frame frameset object embed svg canvas button select "
    "option textarea input map audio video source track link meta head title base param applet "
    "marquee rt rp".split()  # (rt, rp: a ruby's reading over its characters, not the text)
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
#: Elements whose tag says they are not the article; they are chrome even
#: when they hold much of a page's prose (a sidebar of excerpts beside a
#: short post).
_STRUCTURAL_JUNK = {
    "nav": "navigation",
    "aside": "sidebar",
    "footer": "page footer",
    "figcaption": "image caption",
}

_NEG_RE = re.compile(
    r"comment|share|social|footer|copyright|\bnav|menu|breadcrumb|crumb|sidebar"
    r"|related|recommend|\bhot|rank|advert|\bads?\b|\bad[-_]|banner|sponsor|promo|qrcode|\bqr\b|erweima"
    r"|login|toolbar|jiathis|bdshare|bshare|pagination|pager|keyword"
    r"|subscribe|popup|modal|weixin|wechat|disclaimer|shengming|friendlink"
    r"|caption|\bcredits?\b|\bbio\b|\bcta\b|byline|author-?info|about-?the-?author|donat",
    re.I,
)
#: Words that never name an article's text, whatever else a class says
#: ("cli-modal-content", "footer-bottom-text", "cookie-notice__body").
_STRONG_NEG_RE = re.compile(
    r"(?<![a-z])(?:footer|copyright|cookies?|consent|gdpr|modal|popup|newsletter|subscribe"
    r"|signup|sign-up|disclaimer|comments?|repl(?:y|ies)|related(?:posts?|-?articles?|-?stories)?"
    r"|sharing|sharedaddy|social|sponsored|outbrain|taboola)(?![a-z])",
    re.I,
)
#: Words of how a block is shown, not of what it holds: an overlay may show
#: a cookie notice, or the article itself (a news site opening a story over
#: its front page).
_OVERLAY_RE = re.compile(r"modal|popup|overlay|lightbox", re.I)
#: Words of a component set into a page (a slideshow of other stories, a
#: player): set between an article's paragraphs, it is an insert into them
#: whatever its size.
_PACKAGED_RE = re.compile(r"(?<![a-z])(?:gallery|slideshow|carousel|slider|swiper)(?![a-z])", re.I)
_PROSE_TAGS = frozenset("p h2 h3 h4 h5 h6 blockquote".split())
_POS_RE = re.compile(
    r"article|content|entry|\bmain|post|\btext|\bbody|story|detail|news_?txt|zhengwen|\bcon\b|\bcont\b"
    r"|\bartic|\bzw\b|\bmsg|message",
    re.I,
)
#: Hidden, or put far off the screen (link spam for search engines).
_HIDDEN_RE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden"
    r"|(?:left|top|text-indent)\s*:\s*-\d{4,}(?:\.\d+)?px",
    re.I,
)
_WS = re.compile(r"\s+")
#: The whitespace HTML collapses into one space when it lays out text (the
#: page's own indentation of its source); no-break and ideographic spaces are
#: visible and stay.
_SOURCE_WS = re.compile(r"[ \t\n\r\f]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_STYLED = etree.XPath(".//*[@style or @hidden]")
#: Microdata values written out as text for machines (an image's address,
#: its width and height), which pages hide by style: a value, never prose.
_ITEMPROP = etree.XPath(".//*[@itemprop]")  # (a test of each value in XPath cost 0.5 ms a page)
_VALUE_PROPS = frozenset("url image logo width height thumbnailUrl contentUrl".split())


@dataclass
class HtmlExtract:
    lines: list[Line]
    before: list[str]  # page text lines just before the content (title, date line…)
    after: list[str]
    meta: Meta
    meta_title: str | None
    site_name: str | None
    url: str | None
    removed: list[Removed] = field(default_factory=list)


def _nows(s: str | None) -> int:
    """Characters that are not whitespace (what a reader sees)."""
    if not s:
        return 0
    return len("".join(s.split()))  # str.split's whitespace is re's \s


def _text_of(el: etree._Element) -> str:
    return str(etree.tostring(el, method="text", encoding="unicode", with_tail=False))


def _hint(el: etree._Element) -> str:
    """Its class and id: the words a page names a block by. An id that is a
    heading made into an anchor ("sharing-with-multiple-developers") names
    the text, not the block's role, and is left out."""
    ident = el.get("id") or ""
    if ident.count("-") + ident.count("_") >= 3:
        ident = ""
    return f"{el.get('class') or ''} {ident}"


def _strong_chrome(hint: str) -> bool:
    """A class/id word of something that is never the article (a footer, a
    cookie notice, a newsletter box), even beside "content" or "text"."""
    return bool(_STRONG_NEG_RE.search(_CAMEL.sub(r"\1-\2", hint)))


_CAMEL = re.compile(r"([a-z])([A-Z])")


def _chrome_hint(hint: str) -> bool:
    """Class/id words of page chrome and none of content (pages repeat them);
    or a name that says whose chrome it is ("post-pagination", "entry-share":
    a word of content, then one of chrome)."""
    if not _NEG_RE.search(hint):
        return False
    if not _POS_RE.search(hint):
        return True
    return any(_qualified_chrome(word) for word in hint.split())


def _qualified_chrome(word: str) -> bool:
    pos = _POS_RE.search(word)
    if pos is None:
        return False
    neg = _NEG_RE.search(word, pos.end())
    return neg is not None


#: Above this many elements a page is read as plain text: scoring each
#: element costs memory (a million took 867 MB), and no article needs it.
MAX_ELEMENTS = 200_000


class Unreadable(Exception):
    """The HTML parser could not hold this page whole; the reason says why."""


def parse(text: str) -> etree._Element | None:
    """Parse HTML text into an lxml tree; None if there is no document."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    # etree's parser, not lxml.html's: lxml.html picks each element's Python
    # class through a Python callback, run for every element the walks touch.
    # huge_tree: without it libxml2 silently drops a text node over 10 MB.
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True
    )
    try:
        return etree.fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None


_SCRIPTS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_BREAKS = re.compile(r"<(?:/?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article)\b)[^>]*>", re.I)


def plain_text(html_text: str) -> str:
    """The text of an HTML page without parsing it (tags dropped, block tags
    as line breaks): for a page the parser cannot hold whole."""
    s = _SCRIPTS.sub(" ", html_text)
    s = _BREAKS.sub("\n", s)
    s = html.unescape(_TAG.sub("", s))
    lines = (" ".join(line.split()) for line in s.split("\n"))
    return "\n".join(line for line in lines if line)


def check_whole(root: etree._Element, source: str) -> None:
    """Raise ``Unreadable`` when the tree is not the page: too many elements to
    score, or text the parser dropped (it caps nesting at 2,047 levels)."""
    n = int(cast(float, root.xpath("count(//*)")))
    if n > MAX_ELEMENTS:
        raise Unreadable(f"the page has {n:,} elements")
    have = sum(map(len, root.itertext()))
    if have < len(source) // 20:  # little text for its size: make sure none went missing
        wanted = len(plain_text(source).replace("\n", ""))
        if have < wanted // 2:
            raise Unreadable("the page is nested too deeply for the HTML parser")


def _meta_values(root: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def page_url(root: etree._Element, metas: dict[str, str]) -> str | None:
    """The page's own address, as it declares it (canonical link, og:url)."""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = (link.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                return href
    url = metas.get("og:url", "").strip()
    return url if url.startswith(("http://", "https://")) else None


def _head(root: etree._Element) -> tuple[Meta, str, str | None, str | None]:
    """What the page's head says: date and author (as metadata), its title
    (``og:title``, else ``<title>``) and the site's name."""
    metas = _meta_values(root)
    meta = Meta()
    url = page_url(root, metas)
    found = dates.page_date(root, metas, url)
    if found:
        meta.set_if_empty(date=found[0], time=found[1])
    author = metas.get("author") or metas.get("article:author") or metas.get("byl")
    if author and not re.match(r"https?://", author) and len(author) <= 40:
        meta.author = author
    site_name = metas.get("og:site_name") or metas.get("application-name")
    title = titles.page_title(root, metas, site_name, url)
    return meta, title or "", site_name, url


def _swallowed(root: etree._Element) -> bool:
    """Did a ``<noscript>`` swallow the page? A browser running scripts reads
    a noscript's content as text; libxml2 parses it, and an element left open
    in it ("<noscript><div id=nojs></noscript>") takes in all that follows."""
    total = 0
    for ns in root.iter("noscript"):
        inside = sum(map(len, ns.itertext())) if len(ns) else 0
        if inside > 200:
            total = total or sum(map(len, root.itertext()))
            if inside * 2 > total:
                return True
    return False


_NOSCRIPT = re.compile(r"<noscript\b[^>]*>.*?</noscript\s*>", re.I | re.S)


def extract(text: str) -> HtmlExtract | None:
    """The main content of an HTML page, or None if it has no document.
    Raises ``Unreadable`` for a page the parser cannot hold whole."""
    root = parse(text)
    if root is not None and _swallowed(root):
        text = _NOSCRIPT.sub(" ", text)
        root = parse(text)
    if root is None:
        return None
    check_whole(root, text)
    meta, raw_title, site_name, url = _head(root)

    body = root.find("body")
    if body is None:
        body = root
    removed: list[Removed] = []

    # 1. Drop what is never content (the tag filters run in C).
    for el in list(body.iter(*_JUNK, etree.Comment, etree.ProcessingInstruction, etree.Entity)):
        _drop(el)
    for el in cast(list[etree._Element], _STYLED(body)):
        if el.get("hidden") is not None or _HIDDEN_RE.search(el.get("style") or ""):
            _drop(el)
    for el in cast(list[etree._Element], _ITEMPROP(body)):
        value = (el.text or "").strip()
        if (
            el.get("itemprop") in _VALUE_PROPS
            and el.tag not in ("a", "img")
            and len(el) == 0
            and value
            and " " not in value
            and len(value) < 2000
        ):
            _drop(el)

    # 2. Score every element bottom-up, then again with chrome marked; the
    # article is the best element and the prose right beside it.
    best, sub, neg = _choose(body)
    marked = _marked_entry(body, sub, neg) if sub.get(best, 0.0) < _WEAK else None
    span = _span(best, sub, neg) if marked is None else [marked]

    # 3. Prune net-junk blocks inside the content.
    pruned: set[etree._Element] = set()
    tables: set[etree._Element] = set()
    for el in span:
        pruned |= _prune(el, sub, neg, removed)
        tables |= _kept_tables(el, neg, pruned)

    # 4. Render lines: before the content, the content itself, after it.
    before, content, after = _render(body, span, pruned, tables)
    return HtmlExtract(
        lines=content,
        before=[ln.text for ln in before],
        after=[ln.text for ln in after],
        meta=meta,
        meta_title=raw_title or None,
        site_name=site_name,
        url=url,
        removed=removed,
    )


#: A best element worth less than this is a guess (a post of three short
#: lines beside its share buttons): the page's own markup of its entry, where
#: it has one, says more.
_WEAK = 100.0
#: The markup standards have for "this is the entry": schema.org's
#: articleBody, hAtom's entry-content and hentry.
_ENTRY_MARKS = etree.XPath(
    "(.//*[@itemprop='articleBody'] | .//*[contains(concat(' ', normalize-space(@class), ' '),"
    " ' entry-content ')] | .//*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ')])"
)


def _marked_entry(
    body: etree._Element, sub: dict[etree._Element, float], neg: dict[etree._Element, bool]
) -> etree._Element | None:
    """The one element the page marks as its entry, if it holds prose."""
    found = cast(list[etree._Element], _ENTRY_MARKS(body))
    for mark in ("articleBody", "entry-content", "hentry"):
        marked = [
            el
            for el in found
            if mark == el.get("itemprop") or mark in (el.get("class") or "").split()
        ]
        if len(marked) == 1 and any(
            sub.get(e, 0.0) > 0 and not neg.get(e) for e in marked[0].iter()
        ):
            return marked[0]
    return None


def _choose(
    body: etree._Element,
) -> tuple[etree._Element, dict[etree._Element, float], dict[etree._Element, bool]]:
    """The element holding the article (the best net score), every element's
    net score, and which are chrome."""
    elements = list(body.iter())
    tally = _tally(elements, _letters_per_word(body))
    pos = tally.pos
    # Class/id hints mark chrome, but a hint never outweighs the text: a block
    # holding a third of the page's prose is not a sidebar whatever its class.
    total = pos.get(body, 0.0) or 1.0
    neg: dict[etree._Element, bool] = {}
    teasers = _teaser_lists(elements, tally.chars)
    inserts: set[etree._Element] = set()
    packaged: list[etree._Element] = []
    for el in elements:
        parent = el.getparent()
        inherited = neg.get(parent, False) if parent is not None else False
        tagged = el.tag in _STRUCTURAL_JUNK
        # a form is a sign-up box or a search; a page wrapped whole in one
        # (ASP.NET), or a page that is a form, holds much of the prose in it
        form = el.tag == "form"
        flags = 0
        if not tagged and (el.get("class") or el.get("id")):
            hint = _hint(el)
            flags = _hint_flags(hint)
            if flags & _OVERLAY and _shows_article(el, pos):
                flags = _hint_flags(_OVERLAY_RE.sub(" ", hint))  # (shown over the page: no chrome)
        own, strong = bool(flags & _OWN), bool(flags & _STRONG)
        # how sure each kind of evidence is: up to which share of the page's
        # prose it may call chrome (a page is never all chrome)
        share = pos.get(el, 0.0) / total
        neg[el] = (
            inherited
            or (tagged and share < 0.9)
            or (form and share < 0.25)
            or (el in teasers and share < 0.8)
            or (strong and share < 0.6)
            or (own and share < 0.3)
        )
        if flags & _PACKAGED and not neg[el]:
            packaged.append(el)
    # a slider set between the article's paragraphs (or a block that only
    # wraps it, its title and frame) is an insert, whatever its size
    for el in packaged:
        insert = _insert_of(el, tally)
        if insert is not None and not neg[insert] and pos.get(insert, 0.0) / total < 0.9:
            inserts.add(insert)
            for x in insert.iter():
                neg[x] = True
    sub = tally.with_negatives(elements, neg, inserts)
    _halve(packaged, sub, neg)
    best = max(elements, key=sub.__getitem__) if elements else body
    if sub.get(best, 0.0) <= 0:
        best = body
    return best, sub, neg


_OWN, _STRONG, _OVERLAY, _PACKAGED = 1, 2, 4, 8
#: A class that says what a block lacks ("no_caption", "no-sidebar",
#: "without-comments") does not name it as that.
_NEGATED = re.compile(r"(?<![a-z0-9])(?:no|without|has-no|hide)[-_][a-z]+", re.I)


@functools.lru_cache(maxsize=8192)
def _hint_flags(hint: str) -> int:
    """What a class/id says, as bits: chrome, chrome for sure, an overlay's
    words beside chrome, a packaged component's. One cache lookup an element
    (a page's ids make most hints new, so each miss runs every test once)."""
    hint = _NEGATED.sub(" ", hint)
    own, strong = _chrome_hint(hint), _strong_chrome(hint)
    flags = (_OWN if own else 0) | (_STRONG if strong else 0)
    if (own or strong) and _OVERLAY_RE.search(hint):
        flags |= _OVERLAY
    if _PACKAGED_RE.search(hint):
        flags |= _PACKAGED
    return flags


def _holds_slides(el: etree._Element) -> bool:
    """Is ``el`` a slider or a gallery, or does it hold one (captions beside
    the article, not more of it)?"""
    for x in el.iter():
        cls = x.get("class") if isinstance(x.tag, str) else None
        if (cls or x.get("id")) and _hint_flags(_hint(x)) & _PACKAGED:
            return True
    return False


def _halve(
    packaged: list[etree._Element],
    sub: dict[etree._Element, float],
    neg: dict[etree._Element, bool],
) -> None:
    """A slider's or a gallery's text is captions: it counts half, so that a
    slideshow of pictures beside an article does not outweigh it (a page that
    is a gallery still has nothing else to choose)."""
    seen = set(packaged)
    for el in packaged:
        if any(a in seen for a in el.iterancestors()):
            continue
        d = -0.5 * sub[el]
        if d >= 0:
            continue
        for a in itertools.chain((el,), el.iterancestors()):
            if a in sub and not neg.get(a, False):
                sub[a] += d


def _insert_of(el: etree._Element, tally: _Tally) -> etree._Element | None:
    """The block that sets the slider or gallery ``el`` into the article: ``el``
    or a block that only wraps it (holding 80% of its text or more, four
    levels at most), the first of them set between the article's paragraphs."""
    chars = tally.chars
    node = el
    for _ in range(5):
        if _between_prose(node, tally):
            return node
        parent = node.getparent()
        if parent is None or parent.tag == "body" or parent not in chars:
            return None
        if chars[parent] * 4 > chars.get(el, 0) * 5:
            return None
        node = parent
    return None


def _between_prose(el: etree._Element, tally: _Tally) -> bool:
    """Is ``el`` set into the article's text: the nearest sibling with text
    on each side a paragraph or a heading of prose, and three paragraphs of
    prose or more beside it (an introduction and a closing line around a
    gallery are a gallery's page)?"""
    for step in (etree._Element.getprevious, etree._Element.getnext):
        near = step(el)
        while near is not None and (not isinstance(near.tag, str) or not tally.chars.get(near)):
            near = step(near)
        if near is None or near.tag not in _PROSE_TAGS or tally.sub.get(near, 0.0) <= 0:
            return False
    parent = el.getparent()
    if parent is None:
        return False
    beside = (c for c in parent if c.tag == "p" and tally.sub.get(c, 0.0) > 0)
    return sum(1 for _ in itertools.islice(beside, 3)) >= 3


def _shows_article(el: etree._Element, pos: dict[etree._Element, float]) -> bool:
    """Does ``el`` (an overlay) show an article: most of its prose in one
    ``<article>`` whose own class names no chrome?"""
    mine = pos.get(el, 0.0)
    for art in el.iter("article"):
        if pos.get(art, 0.0) * 2 > mine > 0 and not _chrome_hint(_hint(art)):
            return True
    return False


_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’」』)）]?\s*$")


def _linked_sentence(el: etree._Element) -> bool:
    """A short block that is a sentence, linked ("Here's our Year in
    Review!"): the author's words with a link on them, not a menu."""
    text = _WS.sub(" ", _text_of(el)).strip()
    return 15 <= len(text) <= 300 and bool(_SENTENCE_END.search(text)) and len(text.split()) >= 3


def _span(
    best: etree._Element, sub: dict[etree._Element, float], neg: dict[etree._Element, bool]
) -> list[etree._Element]:
    """``best`` and the siblings right before and after it that are prose too
    (an article's introduction beside the table it leads to, paragraphs a
    page splits over several containers): outwards until a sibling that is
    chrome or worth nothing as text."""
    parent = best.getparent()
    if parent is None or best.tag in ("body", "html"):
        return [best]
    top = sub.get(best, 0.0)
    siblings = [c for c in parent if isinstance(c.tag, str)]
    i = j = siblings.index(best)

    def joins(el: etree._Element) -> bool:
        value = sub.get(el, 0.0)
        return (
            not neg.get(el, False)
            and value > 0
            and (value * 10 >= top or value >= 40)
            and not _holds_slides(el)
        )

    while i > 0 and joins(siblings[i - 1]):
        i -= 1
    while j + 1 < len(siblings) and joins(siblings[j + 1]):
        j += 1
    return siblings[i : j + 1]


def _prune(
    best: etree._Element,
    sub: dict[etree._Element, float],
    neg: dict[etree._Element, bool],
    removed: list[Removed],
) -> set[etree._Element]:
    """Net-junk blocks inside the content, in document order (nothing under a
    pruned block is looked at again); each is reported in ``removed``."""
    pruned: set[etree._Element] = set()
    best_neg = neg.get(best, False)
    stack = list(reversed(best))
    strict: set[etree._Element] = set()  # inside a net-junk section: only prose stays
    while stack:
        el = stack.pop()
        if el in strict:
            if _prose_paragraph(el, sub, neg):
                continue
            if _holds_prose(el, sub, neg):
                strict.update(el)
                stack.extend(reversed(el))
                continue
            _prune_one(el, pruned, removed)
            continue
        if el.tag == "table" and not neg[el] and _data_table(el):
            continue  # the article's own table: short cells are its data
        if sub[el] < -15 and not neg[el] and _linked_prose_list(el, neg):
            # the author's list, its items sentences with links: its items are
            # kept (what is chrome inside them still goes)
            inside = [x for c in el for x in ([c] if neg[c] else list(c))]  # (in page order)
            stack.extend(reversed(inside))
            continue
        junk = sub[el] < -15 and not (not neg[el] and _linked_sentence(el))
        if junk and not neg[el] and _holds_prose(el, sub, neg):
            # a section of the article with its share buttons: worth less
            # than nothing as a whole, but its paragraph is the author's
            strict.update(el)
            stack.extend(reversed(el))
            continue
        if el.tag in _BLOCK and (junk or (neg[el] and not best_neg and sub[el] < 40)):
            _prune_one(el, pruned, removed)
            continue
        stack.extend(reversed(el))
    return pruned


def _prune_one(el: etree._Element, pruned: set[etree._Element], removed: list[Removed]) -> None:
    pruned.add(el)
    txt = _WS.sub(" ", _text_of(el)).strip()
    if txt:
        removed.append(Removed(txt[:500], _prune_reason(el)))


def _prose_paragraph(
    el: etree._Element, sub: dict[etree._Element, float], neg: dict[etree._Element, bool]
) -> bool:
    return el.tag in ("p", "blockquote") and sub.get(el, 0.0) >= _PROSE_MIN and not neg.get(el)


def _holds_prose(
    el: etree._Element, sub: dict[etree._Element, float], neg: dict[etree._Element, bool]
) -> bool:
    """Does ``el`` hold a paragraph of prose (not chrome)?"""
    return any(p is not el and _prose_paragraph(p, sub, neg) for p in el.iter("p", "blockquote"))


#: What a paragraph of prose is worth at least (a sentence of 15 words).
_PROSE_MIN = 40.0


def _linked_prose_list(el: etree._Element, neg: dict[etree._Element, bool]) -> bool:
    """A list of the author's sentences with links in them ("Gijs <a>fixed
    some flicker</a> that occurred when …"): at least half its items open
    with the author's own words, not with a link as a menu's or a list of
    headlines' items do."""
    if el.tag not in ("ul", "ol"):
        return False
    items = [li for li in el if li.tag == "li" and _nows(_text_of(li)) > 0]
    if len(items) < 2:
        return False
    prose = sum(
        1
        for li in items
        if _opens_with_words(li, neg) and _unlinked_chars(li) >= 8 and not _opens_with_link(li)
    )
    return prose * 2 >= len(items)


def _opens_with_words(block: etree._Element, neg: dict[etree._Element, bool]) -> bool:
    """Does ``block``'s text begin with words outside a link and outside chrome
    (a link first, then a name and a time, is a listing's row; a caption
    first is a gallery's)?"""
    for el in block.iter():
        if isinstance(el.tag, str) and el.text and el.text.strip():
            return not _in_link(el, block) and not neg.get(el, False)
        parent = el.getparent()
        if el is not block and parent is not None and el.tail and el.tail.strip():
            return not neg.get(parent, False)  # (a tail follows its element, in its parent)
    return False


def _unlinked_chars(el: etree._Element) -> int:
    """Characters of ``el``'s text outside links."""
    linked = 0
    for a in el.iter("a"):
        parent = a.getparent()
        if parent is not None and not _in_link(parent, el):  # (not a link in a link)
            linked += _nows(_text_of(a))
    return _nows(_text_of(el)) - linked


#: A teaser: a small block (a list item, a card) whose text opens with a link.
_TEASER_MAX_CHARS = 800


def _teaser_lists(
    elements: list[etree._Element], chars: dict[etree._Element, int]
) -> set[etree._Element]:
    """Lists of teasers for other pages: three or more sibling blocks built
    alike (same tag and class), each small and opening with a link of a
    headline's length ("What made Joker so popular?", its author, date and a
    line of summary). The summaries read as prose, so only the structure
    tells them from the article (whose paragraphs do not open with links)."""
    found: set[etree._Element] = set()
    for el in elements:
        if len(el) < 3 or el.tag not in _BLOCK or chars.get(el, 0) < 30:
            continue
        groups: dict[tuple[str, str], list[etree._Element]] = {}
        for c in el:
            # (rows of a table are data or layout: see _data_table)
            # (an empty slot among the cards, an advert's, is not one)
            if isinstance(c.tag, str) and c.tag in _BLOCK and c.tag != "tr" and chars.get(c, 0):
                groups.setdefault((c.tag, c.get("class") or ""), []).append(c)
                groups.setdefault((c.tag, "*"), []).append(c)  # (a feed of mixed cards)
        for members in groups.values():
            # the list is most of its parent (not a few links among paragraphs)
            if len(members) < 3 or sum(chars.get(m, 0) for m in members) * 2 < chars.get(el, 0):
                continue
            small = [m for m in members if 0 < chars.get(m, 0) <= _TEASER_MAX_CHARS]
            if len(small) * 4 < len(members) * 3:
                continue
            if sum(map(_opens_with_link, small)) * 10 >= len(members) * 7:
                found.add(el)
                break
    return found


def _opens_with_link(block: etree._Element) -> bool:
    """Does ``block`` open with a headline that links elsewhere: its first
    text (ten characters or more) a link's, standing as a line of its own
    (a paragraph that opens with a linked sentence, "<a>X is investigating
    WeWork.</a> The company confirmed …", is prose)?"""
    labels = 0  # a kicker, a date or a time may stand before the headline
    for el in block.iter():
        text = el.text
        if not isinstance(el.tag, str) or not text or text.isspace():
            continue
        if el is block and sum(ch.isalnum() for ch in text.lstrip()[:8]) >= 2:
            return False  # its own words first, the link after: a sentence ("Gijs <a>fixed …")
        if el.tag != "a" and _nows(text) < 25 and not _in_link(el, block):
            labels += 1
            if labels > 2:
                return False
            continue
        node: etree._Element | None = el
        while node is not None and node is not block:
            if node.tag == "a":
                return _headline_link(node, block)
            node = node.getparent()
        return False
    return False


def _in_link(el: etree._Element, block: etree._Element) -> bool:
    node: etree._Element | None = el
    while node is not None and node is not block:
        if node.tag == "a":
            return True
        node = node.getparent()
    return False


def _headline_link(link: etree._Element, block: etree._Element) -> bool:
    """A link of a headline's length, not a sentence, ending its line."""
    words = _text_of(link).strip()
    if _nows(words) < 10 or words.endswith((".", "。")):
        return False
    node = link
    while node is not block:
        if _nows(node.tail) >= 3:
            return False  # the line goes on after the link
        nxt = node.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        if nxt is not None:
            return True  # another element follows: a summary, a date, a break
        parent = node.getparent()
        if parent is None or parent.tag in _BLOCK:
            return True
        node = parent
    return True


def _kept_tables(
    best: etree._Element, neg: dict[etree._Element, bool], pruned: set[etree._Element]
) -> set[etree._Element]:
    """The data tables in the article (each read row by row), and its lists
    of short terms and values (each read pair by pair)."""
    out: set[etree._Element] = set()
    for t in best.iter("table", "dl"):
        if neg.get(t) or not (_data_table(t) if t.tag == "table" else _data_list(t)):
            continue
        if any(a in pruned or a in out for a in t.iterancestors()):
            continue
        out.add(t)
    return out


def _table_rows(table: etree._Element) -> list[Line]:
    """One line a row, its cells apart: a row of data is read across."""
    rows: list[Line] = []
    for tr in table.iter("tr"):
        cells = [_WS.sub(" ", _text_of(c)).strip() for c in tr if c.tag in ("td", "th")]
        cells = [c for c in cells if c]
        if cells:
            rows.append(Line(" | ".join(cells), verbatim=True))
    cap = table.find("caption")
    if cap is not None and _text_of(cap).strip():
        rows.insert(0, Line(_WS.sub(" ", _text_of(cap)).strip()))
    return rows


#: Above this a term or a value of a definition list is prose (a glossary's
#: definition), and keeps its own line.
_PAIR_MAX = 100


def _data_list(dl: etree._Element) -> bool:
    """A definition list of short terms and values ("Charter # 4513257"): data,
    read a pair a line. A value alone on a line reads as a stray number."""
    items = [c for c in dl if isinstance(c.tag, str)]
    if sum(c.tag == "dt" for c in items) < 2 or any(c.tag not in ("dt", "dd") for c in items):
        return False
    return all(
        _nows(_text_of(c)) <= _PAIR_MAX and not any(x.tag in _BLOCK for x in c.iterdescendants())
        for c in items
    )


def _list_pairs(dl: etree._Element) -> list[Line]:
    """One line a term, its values after it: data, kept as written, but for
    a pair that says who wrote the page or when ("Author: …", "Publish date:
    …"), which is left for the credits to take."""
    pairs: list[str] = []
    for c in dl:
        text = _WS.sub(" ", _text_of(c)).strip() if isinstance(c.tag, str) else ""
        if c.tag == "dt" or not pairs:
            pairs.append(text)
        elif text:
            term = pairs[-1]
            sep = " " if term.endswith((":", "：")) else (", " if ": " in term else ": ")
            pairs[-1] = f"{term}{sep}{text}"
    return [Line(p, verbatim=not (byline(p) or dates.dateline(p))) for p in pairs if p]


def _data_table(table: etree._Element) -> bool:
    """A table of data (headers, or a grid of three rows and two columns or
    more, mostly not links), not a layout table holding a page's blocks."""
    if table.find(".//table") is not None:
        return False  # tables inside tables: layout
    rows = [r for r in table.iter("tr")]
    widths = [sum(1 for c in r if c.tag in ("td", "th")) for r in rows]
    if sum(w >= 2 for w in widths) * 2 < len(rows):
        return False  # one cell a row: a layout column
    if table.find(".//th") is None and table.find("caption") is None and len(rows) < 3:
        return False
    # data sits in short cells; a layout table holds a title, a date line and
    # paragraphs of prose
    sizes = [_nows(_text_of(c)) for r in rows for c in r if c.tag in ("td", "th")]
    if not sizes or max(sizes) > 600 or sum(sizes) > 80 * len(sizes):
        return False
    text = _nows(_text_of(table))
    linked = sum(_nows(_text_of(a)) for a in table.iter("a"))
    return text > 0 and linked * 4 < text * 3  # (a table of links is navigation)


def _prune_reason(el: etree._Element) -> str:
    tag = str(el.tag)
    if tag in _STRUCTURAL_JUNK:
        return _STRUCTURAL_JUNK[tag]
    h = _hint(el)
    m = _NEG_RE.search(h) or _PACKAGED_RE.search(h)
    if m:
        return f"page chrome (class/id '{m.group(0).strip()}')"
    return "link list or labels inside the content area"


#: The most a chrome block counts against the element holding it: as much
#: as a long article's prose. Chrome beside an article makes its container
#: lose to the article; but a container whose prose is spread over a hundred
#: children (a Wikipedia article, none of them the article alone) is not
#: outweighed by one collapsed navigation box of 10,000 characters.
_CHROME_WEIGHT_MAX = 1500.0


@dataclass
class _Tally:
    """Subtree totals of every element, from one bottom-up pass.

    ``sub`` sums the unit values (see ``_value``) of the blocks in a subtree,
    ``pos`` only the positive ones, ``chars`` their visible characters.
    """

    sub: dict[etree._Element, float]
    pos: dict[etree._Element, float]
    chars: dict[etree._Element, int]

    def with_negatives(
        self,
        elements: list[etree._Element],
        neg: dict[etree._Element, bool],
        quiet: Collection[etree._Element] = (),
    ) -> dict[etree._Element, float]:
        """``sub`` again, with every block under chrome valued -0.5 a character,
        and the ``quiet`` chrome (inserts into the article) valued nothing.

        Chrome marks whole subtrees, so instead of a second full pass each
        chrome root's change is added to its ancestors: a few hundred steps
        where a pass costs one per child of every element.
        """
        sub, chars = self.sub, self.chars
        delta: dict[etree._Element, float] = {}
        for el in elements:
            if not neg[el]:
                continue
            parent = el.getparent()
            if parent is not None and neg.get(parent, False):
                continue
            d = -sub[el] if el in quiet else -min(0.5 * chars[el], _CHROME_WEIGHT_MAX) - sub[el]
            while parent is not None:
                delta[parent] = delta.get(parent, 0.0) + d
                parent = parent.getparent()
        out = {el: -0.5 * chars[el] if neg[el] else sub[el] + delta.get(el, 0.0) for el in elements}
        for el in quiet:
            out[el] = 0.0
        return out


def _letters_per_word(body: etree._Element) -> float:
    """How many visible characters a word takes on this page: 1 where Han
    characters dominate (each is a word), about 5.5 in alphabetic scripts.
    Sentence punctuation is counted against words, so that English prose
    (a comma or a stop every ten words) weighs as much as Chinese."""
    sample = "".join(str(t) for t in itertools.islice(body.itertext(), 400))
    letters = _nows(sample)
    if not letters:
        return 1.0
    han = len(_HAN.findall(sample))
    return 1.0 if han * 2 >= letters else 5.5


def _tally(elements: list[etree._Element], per_word: float = 1.0) -> _Tally:
    """One reverse pass (children before parents) over ``elements``.

    A block's unit is its own inline text: its text, its inline children's
    and every child's tail; the link characters and sentence punctuation
    among them decide its value.
    """
    inline: dict[etree._Element, tuple[int, int, int]] = {}
    sub: dict[etree._Element, float] = {}
    pos: dict[etree._Element, float] = {}
    chars_in: dict[etree._Element, int] = {}
    for el in reversed(elements):
        text = el.text
        chars = punct = link = 0
        if text and not text.isspace():
            chars = _nows(text)
            punct = punct_count(text)
        s = p = 0.0
        n = 0
        for c in el:
            tag = c.tag
            if not isinstance(tag, str):
                continue
            s += sub[c]
            p += pos[c]
            n += chars_in[c]
            if tag not in _BLOCK:
                cc, cl, cp = inline[c]
                chars += cc
                link += cl
                punct += cp
            tail = c.tail
            if tail and not tail.isspace():
                chars += _nows(tail)
                punct += punct_count(tail)
        tag = el.tag
        if tag == "a":
            link = chars
        if tag in _BLOCK:
            inline[el] = (0, 0, 0)
            if chars > 0:
                v = _value(chars, link, punct, negative=False, per_word=per_word)
                s += v
                if v > 0:
                    p += v
                n += chars
        else:
            inline[el] = (chars, link, punct)
        sub[el] = s
        pos[el] = p
        chars_in[el] = n
    return _Tally(sub, pos, chars_in)


def _value(chars: int, link: int, punct: int, negative: bool, per_word: float = 1.0) -> float:
    if chars <= 0:
        return 0.0
    if negative:
        return -0.5 * chars
    plain = chars - link
    if link > chars * 0.5:
        return -0.6 * chars
    if plain < 10 and punct == 0:
        return -0.3 * plain
    density = punct * per_word / max(plain, 1)
    factor = min(1.0, density * 15)
    return plain * (0.2 + factor) - link


def _drop(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


_SET_APART_RE = re.compile(r"caption|credit|attribution", re.I)
#: inline tags a caption comes in (the others are never looked at: a class
#: test of every element cost ~0.2 ms a page)
_INLINE_BOXES = frozenset("span small em i b strong cite font label".split())


@functools.lru_cache(maxsize=4096)
def _set_apart(cls: str) -> bool:
    """Is an inline element of this class shown on a line of its own? An
    image's caption or credit inside a paragraph ("<p><span class=caption>©
    Reuters</span> The storm …") is never a part of its sentence."""
    return _SET_APART_RE.search(cls) is not None


class _Lines:
    """The lines being written while ``_render`` walks: the buffer of the
    line in progress and the zone (before, content, after) it goes to."""

    def __init__(self) -> None:
        self.zones: list[list[Line]] = [[], [], []]
        self.zone = self.zones[0]
        self.buf: list[str] = []
        self.link_chars = 0
        self.heading = False
        self.in_pre = 0
        self.lead: bool | None = None  # did the line begin outside a link?

    def end(self) -> None:
        """End the line in progress (if any text is pending)."""
        if not self.buf:
            return
        text = "".join(self.buf)
        if self.in_pre and self.zone is self.zones[1]:
            # code as written: a line of the page a line, never judged as chrome
            self.zone.extend(Line(t.rstrip(), verbatim=True) for t in text.split("\n") if t.strip())
        elif text.strip():
            if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
                text = _SOURCE_WS.sub(" ", text)
            n = max(_nows(text), 1)
            ratio = min(1.0, self.link_chars / n)
            self.zone.append(
                Line(text, heading=self.heading, link_ratio=ratio, opens_unlinked=bool(self.lead))
            )
        self.buf.clear()  # (the walk holds this list)
        self.link_chars, self.heading, self.lead = 0, False, None


def _render(
    body: etree._Element,
    span: list[etree._Element],
    pruned: set[etree._Element],
    tables: set[etree._Element] | frozenset[etree._Element] = frozenset(),
) -> tuple[list[Line], list[Line], list[Line]]:
    """Walk the tree once, iteratively; lines before, inside and after the
    ``span`` of sibling elements that holds the article.

    A line ends at every block boundary and ``<br>``. Most boundaries have
    nothing pending, so the buffer is only joined when it holds text (the
    walk visits ~600 boundaries a page).
    """
    out = _Lines()
    skipped = pruned | tables
    first, last = span[0], span[-1]
    in_link = in_heading = skip_depth = 0
    buf = out.buf
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag
        start = event == "start"
        step = 1 if start else -1
        edge = (start and el is first) or (not start and el is last)
        if (
            edge
            or tag in _BLOCK
            or (start and tag == "br")
            or (tag in _INLINE_BOXES and (cls := el.get("class")) is not None and _set_apart(cls))
        ):
            if buf:  # (most boundaries have nothing pending)
                out.end()
            if edge:
                out.zone = out.zones[1] if start else out.zones[2]
        if skipped and el in skipped:
            if start and not skip_depth and el in tables:
                # read across, row by row (a list of terms: pair by pair)
                out.zone.extend(_table_rows(el) if el.tag == "table" else _list_pairs(el))
            skip_depth += step
        if tag == "pre":
            out.in_pre += step
        elif tag == "a":
            in_link += step
        elif tag in _HEADINGS:
            in_heading += step
        s = el.text if start else (el.tail if el is not body else None)
        if s and not skip_depth:
            if out.lead is None and not s.isspace():
                out.lead = not in_link
            buf.append(s)
            if in_link:
                out.link_chars += _nows(s)
            if in_heading:
                out.heading = True
    out.end()
    return out.zones[0], out.zones[1], out.zones[2]
