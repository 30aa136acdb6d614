"""A page's publication date, from what the page itself declares.

In order of trust, the first that gives a date wins:

1. JSON-LD (``datePublished``, ``dateCreated``, ``uploadDate`` of the page's
   own article, not of things it mentions);
2. ``<meta>`` tags that name publication (``article:published_time``,
   ``datePublished``, ``DC.date.issued``, ``pubdate``, …);
3. an element marked ``itemprop="datePublished"``, or a ``<time>`` element,
   outside links, comments, related lists, footers and sidebars;
4. the date in the page's own address (``/2019/08/06/`` in the canonical URL);
5. a date after a publication label ("Published", "Mise en ligne",
   "发布时间："), in the label's element or the one after it;
6. a visible date in an element whose class says it is the date
   (``date``, ``time``, ``published``, ``meta``, ``byline``…), again outside
   comments and link lists, in the languages of the pages users save;
7. a short date line just above or under the headline, or opening the
   first paragraph ("Karlsruhe (12.11.2021). …");
8. a full date in the ``<title>``.

A page that declares nothing gets no date: a date is never guessed from the
file, the clock or a neighbouring article ("上一篇", a comment, a related
list). The line-based rules in ``metadata`` (labelled dates under the title)
come after these.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date as Date
from typing import Any

from lxml import etree

from .metadata import find_date, parse_date_value

#: Meta names (lower-cased ``name``/``property``/``itemprop``) that name the
#: publication, most trusted first; modification dates come last.
META_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "article:published",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_date",
    "publication_date",
    "pub_date",
    "pubdate",
    "publishtime",
    "publish_time",
    "pubtime",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "prism.publicationdate",
    "parsely-pub-date",
    "sailthru.date",
    "og:release_date",
    "weibo:article:create_at",
    "date",
    "datecreated",
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
)
_JSONLD_KEYS = ("datePublished", "dateCreated", "uploadDate")
_JSONLD_PAIR = re.compile(r'"(datePublished|dateCreated|uploadDate)"\s*:\s*"([^"]{6,40})"')
_ARTICLE_TYPES = re.compile(
    r"Article|Posting|Report|WebPage|Blog|Story|Review|Recipe|Video|Podcast|Episode", re.I
)
#: Containers whose dates are not the page's: comments, neighbours, chrome,
#: and "today" (the day the page was shown). Matched at the start of a word of
#: a class name's block part ("RightSidebar" names a layout, and in
#: "m-intro__breadcrumbnavigation" the block is the intro).
_ELSEWHERE = re.compile(
    r"(?<![a-z])(?:comment|repl(?:y|ies)|related|recommend|more-?from|read-?more|popular"
    r"|trending|sidebar|footer|widget|teaser|promo|newsletter|nav|menu|breadcrumb|archive"
    r"|calendar|prev|next|pager|pagination|rail|aside|latest|most-?read|other|today|clock"
    r"|weather|current-?date)"
)
#: The part of ``_ELSEWHERE`` that names other items (not page chrome): an
#: element marked as the article's ``datePublished`` may sit in an aside or a
#: footer of the article, but not in a comment or a neighbour's teaser.
_OTHER_ITEMS = re.compile(
    r"(?<![a-z])(?:comment|repl(?:y|ies)|related|recommend|more-?from|read-?more|popular"
    r"|trending|teaser|promo|prev|next|latest|most-?read|other)"
)
_DATE_CLASS = re.compile(
    r"date|time|publi|posted|dateline|byline|author|meta|info|stamp|created|entry-?date"
    r"|fecha|datum|zeit|veröff|heure|pubdate|发布|时间|日期",
    re.I,
)
#: Where the walk up from a date stops: the page's article or main area holds
#: no neighbours' dates beyond what its own classes say.
_ROOTS = frozenset(("article", "main", "body", "html"))
_ELSEWHERE_TAGS = frozenset(("a", "nav", "aside", "footer"))
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
    r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
)

_MONTHS = {
    # English, German, French, Spanish, Italian, Portuguese, Dutch (full and short)
    "january": 1, "jan": 1, "januar": 1, "janvier": 1, "enero": 1, "gennaio": 1,
    "janeiro": 1, "januari": 1, "jänner": 1,
    "february": 2, "feb": 2, "februar": 2, "février": 2, "fevrier": 2, "febrero": 2,
    "febbraio": 2, "fevereiro": 2, "februari": 2,
    "march": 3, "mar": 3, "märz": 3, "maerz": 3, "mars": 3, "marzo": 3, "março": 3,
    "marco": 3, "maart": 3,
    "april": 4, "apr": 4, "avril": 4, "abril": 4, "aprile": 4,
    "may": 5, "mai": 5, "mayo": 5, "maggio": 5, "maio": 5, "mei": 5,
    "june": 6, "jun": 6, "juni": 6, "juin": 6, "junio": 6, "giugno": 6, "junho": 6,
    "july": 7, "jul": 7, "juli": 7, "juillet": 7, "julio": 7, "luglio": 7, "julho": 7,
    "august": 8, "aug": 8, "août": 8, "aout": 8, "agosto": 8, "augustus": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9, "settembre": 9,
    "setembro": 9,
    "october": 10, "oct": 10, "oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10,
    "outubro": 10, "okt": 10,
    "november": 11, "nov": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
    "december": 12, "dec": 12, "dezember": 12, "décembre": 12, "decembre": 12,
    "diciembre": 12, "dicembre": 12, "dezembro": 12, "dez": 12,
    # Russian, Ukrainian and Polish, in the genitive that follows a day number
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: "August 06, 2019", "Aug. 6 2019"
_MDY = re.compile(
    rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I
)
#: "6 August 2019", "6. August 2019", "le 6 août 2019", "6 de agosto de 2019"
_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?({_MONTH_NAMES})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b",
    re.I,
)


def _valid(y: int, m: int, d: int, latest: Date) -> bool:
    try:
        day = Date(y, m, d)
    except ValueError:
        return False
    return Date(1990, 1, 1) <= day <= latest


#: "4. 2. 2022", and with ``short_years`` "31.10.23" (German and Swiss bylines)
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)(?!\d)")
_DOTTED_SHORT = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d\d)(?![\d.])")


def text_date(
    text: str, latest: Date | None = None, *, short_years: bool = False
) -> tuple[str, str | None] | None:
    """The first date written in ``text``: numeric (``find_date``, dotted) or
    with a month name in one of several languages; None if there is none.
    ``short_years``: also "31.10.23" (only where a date is expected)."""
    latest = latest or _tomorrow()
    best: tuple[int, str, str | None] | None = None
    found = find_date(text)
    if found is not None:
        y, m, d = (int(x) for x in found[0].split("-"))
        if _valid(y, m, d, latest):
            best = (found[2].start(), found[0], found[1])
    dotted = [_DOTTED, _DOTTED_SHORT] if short_years else [_DOTTED]
    for rx in dotted:
        for mm in rx.finditer(text):
            d, m, y = int(mm[1]), int(mm[2]), int(mm[3])
            y = y + 2000 if y < 100 else y
            if _valid(y, m, d, latest):
                if best is None or mm.start() < best[0]:
                    best = (mm.start(), f"{y:04d}-{m:02d}-{d:02d}", _time_after(text, mm.end()))
                break
    for rx, order in ((_MDY, "mdy"), (_DMY, "dmy")):
        for mm in rx.finditer(text):
            if order == "mdy":
                month, day, year = _MONTHS[mm[1].lower()], int(mm[2]), int(mm[3])
            else:
                day, month, year = int(mm[1]), _MONTHS[mm[2].lower()], int(mm[3])
            if _valid(year, month, day, latest):
                if best is None or mm.start() < best[0]:
                    best = (
                        mm.start(),
                        f"{year:04d}-{month:02d}-{day:02d}",
                        _time_after(text, mm.end()),
                    )
                break
    return (best[1], best[2]) if best else None


#: What a dateline says besides its dates: times, zones, weekdays, labels.
_DATELINE_WORDS = re.compile(
    r"\b\d{1,2}[:h.]\d{2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?"
    r"|\b(?:UTC|GMT|CET|CEST|BST|EST|EDT|CST|CDT|PST|PDT|ET|PT|IST|JST|HKT)\b(?:[+-]\d{1,2})?"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b\.?"
    r"|\b\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b"
    r"|\bvor\s+\d{1,3}\s+(?:sekunden|minuten|stunden|tagen|wochen)\b"
    r"|\bil y a\s+\d{1,3}\s+(?:secondes?|minutes?|heures?|jours?|semaines?)\b"
    r"|\bhace\s+\d{1,3}\s+(?:segundos?|minutos?|horas?|días?|semanas?)\b"
    r"|\b(?:updated?|published|publish date|date published|date|datum|fecha|posted"
    r"|last updated|last modified|first published|modified|original|on|at"
    r"|aktualisiert|veröffentlicht|am|um|publié|mis à jour|le|publicado|actualizado|el"
    r"|pubblicato|aggiornato|il)\b:?",
    re.I,
)


def dateline(text: str) -> tuple[str, str | None] | None:
    """The date of a line that says nothing but when ("Dec. 6, 2024, 10:00 PM
    UTC / Updated Dec. 7, 2024", "Published May 14, 2020 1:34 pm"): its first
    date; None for a line that says anything else, or no date."""
    s = text.strip()
    if not s or len(s) > 100:
        return None
    found = text_date(s)
    if found is None:
        return None
    rest = s
    for rx in (_MDY, _DMY, _DOTTED):
        rest = rx.sub(" ", rest)
    while (m := find_date(rest)) is not None:
        rest = rest[: m[2].start()] + " " + rest[m[2].end() :]
    rest = _DATELINE_WORDS.sub(" ", rest)
    return None if any(ch.isalnum() for ch in rest) else found


def _time_after(text: str, pos: int) -> str | None:
    m = re.match(
        r"[,\s|·/-]*(?:um|at|à|a las|alle|às|om)?\s*(\d{1,2})[:h.](\d{2})\b"
        r"(?:\s*([ap])\.?m\b\.?)?",
        text[pos : pos + 30],
        re.I,
    )
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return None
    hour = int(m[1])
    if m[3] and hour <= 12:  # "1:34 pm" is 13:34, "12:10 am" 00:10
        hour = hour % 12 + (12 if m[3].lower() == "p" else 0)
    return f"{hour:02d}:{m[2]}"


def _tomorrow() -> Date:
    # a bound, not a source: no date after tomorrow is a publication date
    return Date.fromordinal(Date.today().toordinal() + 1)


def _checked(value: str | None, latest: Date) -> tuple[str, str | None] | None:
    if not value:
        return None
    d, t = parse_date_value(value)
    if not d:
        found = text_date(value, latest)
        return found
    y, m, dd = (int(x) for x in d.split("-"))
    return (d, t) if _valid(y, m, dd, latest) else None


# -- the sources ----------------------------------------------------------------------


def _jsonld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        raw = script.text or ""
        if "ld+json" not in (script.get("type") or "").lower() and not (
            raw.lstrip()[:1] in ("{", "[") and '"@context"' in raw[:300]
        ):
            continue  # (some pages put JSON-LD in a script with no type)
        if not raw.strip() or len(raw) > 2_000_000:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            # invalid JSON (trailing commas, raw line breaks): the keys, as written
            data = {k: v for k, v in _JSONLD_PAIR.findall(raw)}
        stack: list[Any] = [data]
        seen = 0
        while stack and seen < 500:
            seen += 1
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


#: A video, a picture or a sound in the page: its date is when it was made or
#: uploaded, which says when the page was written only if nothing else does.
_MEDIA_TYPES = re.compile(r"^(?:Video|Image|Audio|Media)Object$|^Clip$", re.I)


def _jsonld_values(root: etree._Element, media: bool = False) -> Iterator[str]:
    """The page's JSON-LD date strings, best first: by key (``datePublished``
    before its kin), an Article/WebPage… object before others. ``media``: of
    the videos and pictures in it instead."""
    objects = [
        o
        for o in _jsonld_objects(root)
        if bool(_MEDIA_TYPES.match(str(o.get("@type", "")))) == media
    ]
    ranked = sorted(
        objects,
        key=lambda o: 0 if _ARTICLE_TYPES.search(str(o.get("@type", ""))) else 1,
    )
    for key in _JSONLD_KEYS:
        for o in ranked:
            v = o.get(key)
            if isinstance(v, str):
                yield v


def jsonld_raw(root: etree._Element) -> str | None:
    """The raw ``datePublished`` (or kin) of the page's article."""
    return next((v for v in _jsonld_values(root) if v.strip()), None)


def jsonld_date(
    root: etree._Element, latest: Date, media: bool = False
) -> tuple[str, str | None] | None:
    """``datePublished`` of the page's article (an Article/WebPage… object first)."""
    return next(filter(None, (_checked(v, latest) for v in _jsonld_values(root, media))), None)


def meta_date(metas: dict[str, str], latest: Date) -> tuple[str, str | None] | None:
    for key in META_PUBLISHED:
        found = _checked(metas.get(key), latest)
        if found:
            return found
    return None


def _block(word: str) -> str:
    """A class name without its BEM element and modifier parts."""
    return word.split("__", 1)[0].split("--", 1)[0]


def _elsewhere(
    el: etree._Element,
    layout: frozenset[etree._Element] = frozenset(),
    *,
    others_only: bool = False,
) -> bool:
    """Inside a link, a comment, a related list or page chrome (up to the
    article or main area, a dozen levels at most)? ``layout``: the elements
    around the headline, whose class names describe the page's layout
    ("zen-one-sidebar-second", "with-navigation"), not a sidebar of it.
    ``others_only``: only inside other items (comments, neighbours' teasers,
    links to other pages), for a date the page marks as its own."""
    pattern = _OTHER_ITEMS if others_only else _ELSEWHERE
    node: etree._Element | None = el
    depth = 0
    while node is not None and depth < 12:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _ROOTS:
            return False
        if (tag == "a" or (tag in _ELSEWHERE_TAGS and not others_only)) and not _own_link(node):
            return True
        if node in layout:
            node = node.getparent()
            depth += 1
            continue
        hint = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if (
            hint.strip()
            and any(pattern.search(_block(w)) for w in hint.split())
            and not _follows_headline(node)
        ):
            return True
        node = node.getparent()
        depth += 1
    return False


def _own_link(node: etree._Element) -> bool:
    """A permalink to the article itself (``<a rel="bookmark">`` round a post's
    ``<time>``), unlike a link to another page."""
    return node.tag == "a" and "bookmark" in (node.get("rel") or "").lower().split()


def _follows_headline(node: etree._Element) -> bool:
    """The block right after the article's headline block ("header", then a
    "footer" with the date): the headline's own metadata, not the page's footer."""
    prev = node.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None:
        return False
    found = False
    for i, h in enumerate(prev.iter()):
        if i > 20:  # a headline block is small; this is the article itself
            return False
        found = found or h.tag == "h1" or (h.get("itemprop") or "").lower() == "headline"
    return found and len(_own_text(prev)) <= 300


def _layout(root: etree._Element) -> frozenset[etree._Element]:
    """The headline's ancestors (see ``_elsewhere``)."""
    h1 = next(root.iter("h1"), None)
    return frozenset(h1.iterancestors()) if h1 is not None else frozenset()


def element_date(
    root: etree._Element, latest: Date, layout: frozenset[etree._Element] = frozenset()
) -> tuple[str, str | None] | None:
    """``itemprop="datePublished"``, then ``<time>`` elements, in page order."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.get("itemprop") or "").lower() == "datepublished":
            value = el.get("content") or el.get("datetime") or _own_text(el)
            found = _checked(value, latest)
            if found and not _elsewhere(el, layout, others_only=True):
                return found
    for el in root.iter("time"):
        if _elsewhere(el, layout):
            continue
        found = _checked(el.get("datetime"), latest) or text_date(_own_text(el), latest)
        if found:
            return found
    return None


def url_date(url: str | None, latest: Date) -> tuple[str, str | None] | None:
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m is None:
        return None
    y, mo, d = (int(x) for x in (m.group(1, 2, 3) if m[1] else m.group(4, 5, 6)))
    if not _valid(y, mo, d, latest):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}", None


def class_date(
    root: etree._Element, latest: Date, layout: frozenset[etree._Element] = frozenset()
) -> tuple[str, str | None] | None:
    """A short element whose class or id says "date", showing one."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "a"):
            continue
        hint = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not hint.strip() or not _DATE_CLASS.search(hint):
            continue
        text = _own_text(el)
        if len(text) > 120 or _elsewhere(el, layout):
            continue  # a date line or a byline is short
        found = text_date(text, latest, short_years=True) if text else None
        for attr in ("datetime", "content", "title", "data-date", "data-time", "data-timestamp"):
            if found:
                break
            found = _checked(el.get(attr), latest)
        if found:
            return found
    return None


#: A label that says the date after it is the publication's ("Published on",
#: "Mise en ligne", "发布时间："); "Updated" and its kin are not among them.
_PUBLISHED_LABEL = re.compile(
    r"^\W{0,2}(?:first\s+)?(?:published|posted|publication\s+date|date\s+published"
    r"|veröffentlicht|erschienen|publiziert|publié|mise?\s+en\s+ligne|publicado"
    r"|pubblicato|gepubliceerd|opublikowano|опубликовано|发布时间|发布日期|发表时间"
    r"|发表日期|发布于|发表于|发稿时间)"
    r"(?:\s+(?:on|am|le|el|il|op|em|at))?\s*[:：]?\s*",
    re.I,
)


def labelled_date(
    root: etree._Element, latest: Date, layout: frozenset[etree._Element] = frozenset()
) -> tuple[str, str | None] | None:
    """A date after a publication label, in the same short element or in the
    element right after the label ("Mise en ligne" / "23 mai 2019")."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        head = (el.text or "").strip()
        m = _PUBLISHED_LABEL.match(head) if head else None
        if m is None or _elsewhere(el, layout):
            continue
        own = _own_text(el)
        if len(own) <= 120:
            rest = _PUBLISHED_LABEL.sub("", own, count=1)
            found = text_date(rest[:40], latest, short_years=True) if rest else None
            if found:
                return found
            if m.end() < len(head):
                continue  # the label is followed by other words, not by a date
        nxt = el.getnext()
        if nxt is not None and isinstance(nxt.tag, str):
            text = _own_text(nxt)
            found = text_date(text, latest, short_years=True) if len(text) <= 60 else None
            if found:
                return found
    return None


def title_date(root: etree._Element, latest: Date) -> tuple[str, str | None] | None:
    """A full date in the page's ``<title>`` ("23.01.2022 - Wierer jubelt")."""
    el = root.find(".//title")
    return text_date(_own_text(el), latest) if el is not None else None


def headline_date(
    root: etree._Element, latest: Date, layout: frozenset[etree._Element] = frozenset()
) -> tuple[str, str | None] | None:
    """A date written just under the headline: within the next few hundred
    characters of the page's text, outside links. The headline is the first
    ``<h1>`` that is the page's title (a site's masthead is not)."""
    h1 = _headline(root)
    if h1 is None:
        return None
    kicker = h1.getprevious()  # a date line just above the headline
    if kicker is not None and isinstance(kicker.tag, str) and not _elsewhere(kicker, layout):
        text = _own_text(kicker)
        found = text_date(text, latest, short_years=True) if len(text) <= 120 else None
        if found:
            return found
    seen = 0
    started = False
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if el is h1:
            if event == "end":
                started = True
                tail = el.tail or ""
                found = text_date(tail, latest) if tail.strip() else None
                if found:
                    return found
                seen += len(tail.strip())
            continue
        if not started or not isinstance(el.tag, str) or event != "start":
            continue
        if el.tag in ("script", "style") or _elsewhere(el, layout):
            continue
        text = " ".join(f"{el.text or ''} {el.tail or ''}".split())
        if not text:
            continue
        found = text_date(text, latest, short_years=True)
        # a short dateline, or a date opening the first paragraph ("Karlsruhe,
        # (12.11.2021). Traditionell …"); not a date inside the article's story
        if found and (len(_own_text(el)) <= 120 or _starts_with_date(text, latest)):
            return found
        seen += len(text)
        if seen > 400:
            return None
    return None


def _starts_with_date(text: str, latest: Date) -> bool:
    head = text[:40]
    found = text_date(head, latest)
    return found is not None and bool(re.match(r"^\W{0,3}(?:\w+\W{1,3}){0,2}\W*\d", head))


def _squash(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def _headline(root: etree._Element) -> etree._Element | None:
    title_el = root.find(".//title")
    title = _squash(_own_text(title_el)) if title_el is not None else ""
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
            title = title or _squash(meta.get("content") or "")
    if not title:
        return None
    for tag in ("h1", "h2"):  # (where the h1 is the site's masthead, an h2)
        for h in root.iter(tag):
            text = _squash(_own_text(h))
            # the title holds the headline and maybe a site name; a site name
            # alone (a masthead) is a small part of it
            whole = title in text or (text in title and len(text) * 5 >= len(title) * 2)
            if len(text) >= 4 and whole:
                return h
    return None


def _own_text(el: etree._Element) -> str:
    return " ".join(
        str(etree.tostring(el, method="text", encoding="unicode", with_tail=False)).split()
    )


def page_date(
    root: etree._Element, metas: dict[str, str], url: str | None
) -> tuple[str, str | None] | None:
    """The publication date the page declares (see the module docstring)."""
    latest = _tomorrow()
    layout = _layout(root)
    first = jsonld_date(root, latest)
    raw = jsonld_raw(root) if first else None
    if first is None:
        first = meta_date(metas, latest)
        raw = next((metas[k] for k in META_PUBLISHED if k in metas), None) if first else None
    if first is not None:
        return _local_day(first, raw, metas, latest)
    return (
        element_date(root, latest, layout)
        or url_date(url, latest)
        or labelled_date(root, latest, layout)
        or class_date(root, latest, layout)
        or headline_date(root, latest, layout)
        or title_date(root, latest)
        # an embedded video's upload date, only when nothing else says when
        or jsonld_date(root, latest, media=True)
    )


_UTC = re.compile(r"(?:Z|[+-]00:?00|GMT|UTC)\s*$", re.I)


def _local_day(
    found: tuple[str, str | None],
    raw: str | None,
    metas: dict[str, str],
    latest: Date,
) -> tuple[str, str | None]:
    """A declared timestamp in UTC names the day in London: where the page also
    declares its own local day (a meta date with an offset or none), one day
    apart, that is the day."""
    if not raw or not found[1] or not _UTC.search(raw.strip()):
        return found
    local = [
        v
        for k in META_PUBLISHED
        if (v := metas.get(k)) and not _UTC.search(v.strip()) and re.search(r"\d", v)
    ]
    others = [_checked(v, latest) for v in local]
    day = Date.fromisoformat(found[0])
    for other in others:
        if other and abs((Date.fromisoformat(other[0]) - day).days) == 1:
            return other
    return found
