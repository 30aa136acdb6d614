"""A page's title: the headline it shows, checked against what it declares.

A page names itself three ways: the ``<title>`` (often with the site's name
after a separator), ``og:title``/``twitter:title``/JSON-LD ``headline``
(usually without it) and the ``<h1>`` a reader sees. The headline a reader
sees wins when a declared title agrees with it (so a site's masthead in an
``<h1>`` does not). Otherwise the declared title is used, and a part of it is
cut only where it is provably the site: the site's declared name, its
address, or a short channel name after a separator that sites use for that
("_", "|"). A colon or a dash inside a headline is the headline's own.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree
from rapidfuzz import fuzz

#: Separators sites put between a title and their name, in the order they
#: mark a site's name most surely.
_STRONG_SEPS = ("_", "|", "｜", "::", "»", "«", "--", "•", "·")
_DASH_SEPS = ("-", "–", "—", "——")
_SPLIT = re.compile(
    r"(\s*(?:[_|｜»«•·]|::|--|——)\s*| - | – | — |-(?=[\u4e00-\u9fff][^\s-]{1,11}$))"
)
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}", re.I)
_ONLY_DATE = re.compile(r"[\d\s./-]{6,}")
_CJK_SITE_END = re.compile(r"(?:网|报|社|台|频道|新闻|在线|中心|门户|官网|网站|日报|晚报|时报)$")
_WS = re.compile(r"\s+")
#: Words of a host name that are not the site's name.
_HOST_NOISE = frozenset("www m en zh cn news com net org gov edu co uk de html".split())


def squash(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def _text(el: etree._Element) -> str:
    raw = etree.tostring(el, method="text", encoding="unicode", with_tail=False)
    return _WS.sub(" ", str(raw)).strip()


def _site_names(site_name: str | None, url: str | None) -> list[str]:
    names = [squash(site_name)] if site_name else []
    if url:
        host = urlsplit(url).hostname or ""
        names += [squash(w) for w in host.split(".") if w and w not in _HOST_NOISE]
    return [n for n in names if len(n) >= 3]


def _names_it(sq: str, names: list[str]) -> bool:
    """Is ``sq`` (squashed) the site's name, give or take a word ("BBC News"
    for bbc.co.uk), or a part of it? A headline that mentions the site is not."""
    for n in names:
        if n in sq and len(sq) - len(n) <= max(6, len(n) // 2):
            return True
        if len(sq) >= 3 and sq in n:
            return True
    return False


def _is_site(part: str, sep: str, rest: str, names: list[str], guess: bool) -> bool:
    """Is ``part`` (cut off by ``sep`` from ``rest``) the site or a channel?
    ``guess``: the page shows no headline to check against, so a short tail
    after a dash ("… – My website") is taken for the site's name too."""
    sq = squash(part)
    if not sq or _ONLY_DATE.fullmatch(part.strip()) or _DOMAIN.fullmatch(part.strip()):
        return True
    if _names_it(sq, names):
        return True
    if sep.strip() in _STRONG_SEPS and len(part) <= 30 and len(part) <= len(rest):
        return True  # "Headline | Site", "标题_频道_网站"
    short = len(part) <= 30 and len(part) * 2 <= len(rest)
    if sep.strip() not in _DASH_SEPS or not short:
        return False
    # "… - 新华网": a Chinese outlet's name after a dash
    if _CJK_SITE_END.search(part.strip()):
        return True
    return guess and len(part.split()) <= 3 and len(part) <= 25


def strip_site(
    title: str, site_name: str | None = None, url: str | None = None, *, guess: bool = False
) -> str:
    """``title`` without the site's name and channels before or after it."""
    t = _WS.sub(" ", title).strip()
    names = _site_names(site_name, url)
    out = t
    # from the end: "Headline_Channel_Site", "Headline | Site"
    while True:
        pieces = _SPLIT.split(out)
        if len(pieces) < 3:
            break
        rest = "".join(pieces[:-2])
        # "Post - Board - Forum - powered by X": a path of three or more
        # parts, read where nothing shown confirms the title, ends in the site
        path = guess and len(pieces) >= 5 and len(pieces[0]) >= 8
        if not (path or _is_site(pieces[-1], pieces[-2], rest, names, guess)):
            break
        out = rest.strip()
    # from the start: a name the page declares, a date, or a short kicker
    # before a separator sites use for one ("Opinion | …", "图说洛阳| …")
    while True:
        pieces = _SPLIT.split(out)
        if len(pieces) < 3:
            break
        first, sep, rest = pieces[0], pieces[1], "".join(pieces[2:])
        kicker = sep.strip() in ("|", "｜") and len(first) <= 12 and len(first) * 3 <= len(rest)
        if not (_names_it(squash(first), names) or _ONLY_DATE.fullmatch(first.strip()) or kicker):
            break
        out = rest.strip()
    return out or t


def _declared(root: etree._Element, metas: dict[str, str]) -> list[str]:
    """The titles a page declares, most specific first."""
    out = [metas.get("og:title", ""), metas.get("twitter:title", ""), metas.get("headline", "")]
    el = root.find(".//title")
    out.append(_text(el) if el is not None else "")
    return [_WS.sub(" ", t).strip() for t in out if t and t.strip()]


def _shown(root: etree._Element) -> list[etree._Element]:
    """Headline candidates a reader sees: ``<h1>``s, then ``itemprop=headline``
    and ``<h2>``s (where the ``<h1>`` is the site's masthead)."""
    found: list[etree._Element] = []
    for tag in ("h1", "h2"):
        for i, el in enumerate(root.iter(tag)):
            if i >= 8:
                break
            found.append(el)
    for el in root.iter():
        if len(found) > 40:
            break
        if isinstance(el.tag, str) and (el.get("itemprop") or "").lower() == "headline":
            found.append(el)
    return found


def _least(sq: str) -> int:
    """The fewest characters a headline has: a Chinese name is two or three."""
    return 2 if sq and "\u3400" <= sq[0] <= "\u9fff" else 4


def _match(shown: str, core: str) -> str | None:
    """Which text names the article, if the headline shown and the declared
    title (without the site) agree: the shown one where it is the title or
    most of it; the declared one where the shown headline adds a kicker or a
    hidden label ("Interne Unterlagen im Netz Daten von Rheinmetall gehackt")."""
    a, b = squash(shown), squash(core)
    if len(a) < _least(a) or not b:
        return None
    if a == b or (a in b and len(a) * 5 >= len(b) * 3):
        return shown
    if b in a and len(b) * 5 >= len(a) * 3:
        return core
    if len(a) >= 12 and fuzz.ratio(a, b) >= 90:  # quotes, a word more or less
        return shown
    return None


def page_title(
    root: etree._Element, metas: dict[str, str], site_name: str | None, url: str | None
) -> str | None:
    """The page's title (see the module docstring); None if it declares none
    and shows none."""
    declared = _declared(root, metas)
    shown = [t for t in map(_text, _shown(root)) if t and len(t) <= 300]
    cores = [strip_site(d, site_name, url) for d in declared]
    for whole, core in zip(declared, cores, strict=True):
        for text in shown:
            if squash(text) == squash(whole):
                return text  # the page shows its whole title as its headline
            found = _match(text, core)
            if found:
                return found
    # a heading that is the first of the title's parts ("On Recent Events" of
    # "On Recent Events - A. Name"), unless that part names the site
    names = _site_names(site_name, url)
    firsts = {squash(_SPLIT.split(d)[0]) for d in declared if _SPLIT.search(d)}
    for text in shown:
        sq = squash(text)
        if len(sq) >= _least(sq) and sq in firsts and not _names_it(sq, names):
            return text
    # nothing shown confirms the title: a short tail after a dash is the site
    return strip_site(declared[0], site_name, url, guess=True) if declared else None
