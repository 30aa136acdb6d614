"""Paragraph restoration and subheadings.

Copying text out of a browser often collapses paragraph breaks into runs of
spaces, ideographic spaces (U+3000) or no-break spaces. Those runs are split
back into paragraphs. A short line standing alone between paragraphs that
does not end a sentence reads as a subheading.
"""

from __future__ import annotations

import re

#: A paragraph break that collapsed into whitespace: a run of 3+ spaces,
#: no-break or ideographic spaces, or 2+ ideographic spaces (a paragraph's
#: indentation) right after a sentence ends. Two no-break spaces after a dateline
#: ("新华社讯\xa0\xa0据…") are not a break.
_COLLAPSED_BREAK = re.compile(
    r"[ \t\u3000\u00a0\u2002\u2003]{3,}|(?<=[。！？!?”」』])[ \t]*\u3000[ \t\u3000\u00a0]+"
)
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_HEADING_END = re.compile(r"[。！？!?；;…，,、：:]$|[。！？!?][”」』\"’）)]$")
_NUMBERED = re.compile(
    r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．:：]\s*\S|^\s*[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]\s*\S|^\s*第[一二三四五六七八九十百\d]{1,4}[章节部分篇]"
)

HEADING_MAX = 40


def normalize_space(text: str) -> str:
    """Remove zero-width characters and trim; keep inner whitespace runs."""
    return _ZERO_WIDTH.sub("", text).strip(" \t\u3000\u00a0\u2002\u2003\r\n")


def split_collapsed(line: str) -> list[str]:
    """Split one line at collapsed paragraph breaks."""
    s = normalize_space(line)
    if not s:
        return []
    parts = [p.strip() for p in _COLLAPSED_BREAK.split(s)]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return [tidy(s)]
    # Don't split a short "label   value" line (dates, sources, bylines):
    # only a line that holds prose is a collapsed run of paragraphs.
    if len(s) < 60 and not re.search(r"[。！？]", s):
        return [tidy(s)]
    return [tidy(p) for p in parts]


def tidy(text: str) -> str:
    """Collapse inner whitespace runs that remain to one space."""
    return re.sub(r"[ \t\u3000\u00a0\u2002\u2003]+", " ", text).strip()


def looks_like_heading(text: str, nxt: str | None) -> bool:
    """A short line between paragraphs that does not end a sentence."""
    s = text.strip()
    if not s or len(s) > HEADING_MAX or nxt is None:
        return False
    if len(nxt) < max(len(s) * 1.2, 15):
        return False
    if _NUMBERED.match(s):
        return True
    if _HEADING_END.search(s):
        return False
    # a heading is a phrase, not sentences: no full stop inside, at most one comma
    if re.search(r"[。！？；]", s) or len(re.findall(r"[，,]", s)) > 1:
        return False
    if re.match(r"^[\d\W_]+$", s):
        return False
    # a caption or a byline is not a heading
    return not re.search(r"摄|图片来源|图/|供图|记者|编辑|来源", s)
