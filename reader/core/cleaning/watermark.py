"""Repeated watermarks: spam strings glued onto many paragraphs.

Scraper sites append (or prepend, or insert) the same slogan to every
paragraph. Nothing about the string itself is known in advance; it is found by
repetition: the same suffix, prefix or long infix across a large share of a
document's paragraphs.

Repetition alone proves nothing: an English article names "Samsung" or
"Nelson Mandela" in half its paragraphs, a Chinese one repeats an office's
sixteen-character name. So an occurrence is removed only where it is
provably not part of the author's sentence (``glued_at``):

- in alphabetic scripts it never starts or ends inside a word (no
  "achrichtendienst" out of "Nachrichtendienst");
- it is delimited as a unit of its own (a bracketed ``【…】`` or a web
  address), or it is long (16 characters or more) and sits outside the
  sentences: after the paragraph's last sentence ended, or between two
  sentences;
- a short repeated suffix ("(Lucy Akins)", a credit) and any undelimited
  prefix ("Samsung said …", "Prof. Carlos: …") are the page's own text.

When unsure the text stays: the reader sees it and can mark it as boilerplate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

MIN_AFFIX = 6  # shortest prefix/suffix watermark
MIN_INFIX = 16  # shortest watermark found in the middle of paragraphs
_SEED = 6
_KEEP_PUNCT = '。！？!?.;；，,、：:…”’"」』）)】 \u3000'

#: What ends a sentence (a glued mark may follow it).
_SENTENCE_END = frozenset('。！？!?…；;.」』”’"）)】]》')
#: A mark that closes with one of these ends as a unit of its own.
_UNIT_END = frozenset("。！？!?…」』”）)】]》>|｜:：—-")
_URL = re.compile(r"(?:https?://|www\.|\.(?:com|cn|net|org|cc|info|top|xyz)\b)", re.I)
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]")


def _word(ch: str) -> bool:
    """A letter or digit of an alphabetic script (CJK has no word boundaries)."""
    return ch.isalnum() and not _CJK.match(ch)


def _threshold(n: int) -> int:
    return max(3, (n * 3 + 9) // 10)  # at least 3 and 30% of the paragraphs


def _delimited(mark: str) -> bool:
    """A unit of its own whatever surrounds it: it carries a web address, or
    it is wrapped in lenticular brackets (【…】, the label brackets of Chinese
    pages; parentheses are not: "(Lucy Akins)" is a photo credit of the page)."""
    return bool(_URL.search(mark)) or (mark.startswith("【") and mark.endswith("】"))


def _prev_visible(p: str, i: int) -> str:
    j = i - 1
    while j >= 0 and p[j].isspace():
        j -= 1
    return p[j] if j >= 0 else ""


def glued_at(p: str, i: int, mark: str) -> bool:
    """Is the occurrence of ``mark`` at ``p[i:]`` provably not the author's text?

    Never inside a word. Delimited marks (``_delimited``) go wherever they
    sit. Others only if long (``MIN_INFIX``: a short one after a sentence is a
    credit or a signature as often as spam) and outside the sentences: after
    the paragraph's last sentence, or between two sentences. A mark opening
    the paragraph ("Samsung said …", "Prof. Carlos: …") is kept.
    """
    end = i + len(mark)
    left = p[i - 1] if i > 0 else ""
    right = p[end] if end < len(p) else ""
    if (left and _word(left) and _word(mark[0])) or (right and _word(right) and _word(mark[-1])):
        return False  # inside a word
    if _delimited(mark):
        return True
    before = _prev_visible(p, i)
    if len(mark) < MIN_INFIX or not before or before not in _SENTENCE_END:
        return False
    if end >= len(p.rstrip()):  # a suffix, after the last sentence
        return True
    return mark[-1] in _UNIT_END or not _word(right)  # between two sentences


def _glued_count(mark: str, paragraphs: Iterable[str]) -> int:
    """Paragraphs holding ``mark`` at least once where it is glued on."""
    n = 0
    for p in paragraphs:
        i = p.find(mark)
        while i >= 0:
            if glued_at(p, i, mark):
                n += 1
                break
            i = p.find(mark, i + 1)
    return n


def _common_affix(paras: Sequence[str], suffix: bool) -> list[str]:
    found: list[str] = []
    pool = [p for p in paras if len(p) > _SEED]
    need = _threshold(len(pool))
    if len(pool) < 3:
        return found
    seeds = Counter(p[-_SEED:] if suffix else p[:_SEED] for p in pool)
    for seed, count in seeds.most_common():
        if count < need:
            break
        group = [p for p in pool if (p.endswith(seed) if suffix else p.startswith(seed))]
        affix = seed
        # extend while every paragraph of the group still shares it
        while True:
            k = len(affix) + 1
            cands = {(p[-k:] if suffix else p[:k]) for p in group if len(p) >= k}
            if len(cands) != 1 or any(len(p) < k for p in group):
                break
            affix = cands.pop()
        # keep the paragraphs' own punctuation: "…。MARK" loses only "MARK"
        affix = affix.lstrip(_KEEP_PUNCT) if suffix else affix.rstrip()
        affix = _trim_to_boundary(affix.strip(), suffix)
        if len(affix) < MIN_AFFIX:
            continue
        # a watermark is glued onto paragraphs that otherwise differ
        rest = {(p[: -len(affix)] if suffix else p[len(affix) :]) for p in group}
        distinct = {r for r in rest if len(r.strip()) >= 4}
        if len(distinct) >= need and _glued(affix, group) and _glued_count(affix, group) >= need:
            found.append(affix)
    return found


_OPEN = "【[（(《<—-:：|｜ "
_CLOSE = "】]）)》>—-:：|｜ "


def _trim_to_boundary(affix: str, suffix: bool) -> str:
    """Give back characters the paragraphs happen to share beyond the mark.

    "【转自某网】第一段…", "【转自某网】第二段…" share "【转自某网】第"; a
    bracket or dash a few characters from the edge is where the mark ends.
    """
    if suffix:
        idx = next((i for i, ch in enumerate(affix[:4]) if ch in _OPEN), None)
        return affix[idx:] if idx else affix
    for i in range(len(affix) - 1, max(-1, len(affix) - 5), -1):
        if affix[i] in _CLOSE:
            return affix[: i + 1]
    return affix


def _common_infixes(paras: Sequence[str]) -> list[str]:
    pool = [p for p in paras if len(p) >= MIN_INFIX]
    need = _threshold(len(pool))
    if len(pool) < 3:
        return []
    df: Counter[str] = Counter()
    for p in pool:
        df.update({p[i : i + MIN_INFIX] for i in range(0, len(p) - MIN_INFIX + 1)})
    grams = {g for g, c in df.items() if c >= need}
    if not grams:
        return []
    # merge overlapping frequent grams into maximal runs, per paragraph
    runs: Counter[str] = Counter()
    for p in pool:
        i, n = 0, len(p)
        seen: set[str] = set()
        while i <= n - MIN_INFIX:
            if p[i : i + MIN_INFIX] in grams:
                j = i
                while j + 1 <= n - MIN_INFIX and p[j + 1 : j + 1 + MIN_INFIX] in grams:
                    j += 1
                seen.add(p[i : j + MIN_INFIX])
                i = j + MIN_INFIX
            else:
                i += 1
        runs.update(seen)
    found: list[str] = []
    for r, c in runs.items():
        if c < need:
            continue
        # text the paragraphs share by chance before the mark is theirs
        # ("第一段正文，。MARK", "第二段正文，。MARK" share "段正文，。MARK"):
        # the mark may start after any punctuation in the run
        cuts = [0] + [i + 1 for i, ch in enumerate(r) if ch in _KEEP_PUNCT]
        for k in cuts:
            mark = r[k:].lstrip(_KEEP_PUNCT)
            if len(mark) < MIN_INFIX:
                break
            if _glued(mark, pool) and _glued_count(mark, pool) >= need:
                found.append(mark)
                break
    return found


def _glued(mark: str, paragraphs: Sequence[str]) -> bool:
    """A mark is small beside the text it is glued to: in most paragraphs that
    carry it, the paragraph's own text is longer than the mark. (A sentence a
    page repeats in several paragraphs is most of those paragraphs.)"""
    carriers = [p for p in paragraphs if mark in p]
    longer = sum(1 for p in carriers if len(p) - len(mark) * p.count(mark) > len(mark))
    return longer * 2 >= len(carriers)


_INNER_END = re.compile(r"[.!?。！？](?:\[\d+\])?[\"'”’」』)）]?\s*(?=\w)")


def _passage(mark: str) -> bool:
    """Two sentences or more, undelimited: a passage the page repeats (a
    refrain, a quotation), never a slogan glued on (those are a phrase or one
    sentence)."""
    return len(mark) >= 60 and not _delimited(mark) and bool(_INNER_END.search(mark.rstrip()))


def detect(paragraphs: Sequence[str]) -> list[str]:
    """Watermark strings in this document's paragraphs, longest first.

    Only *different* paragraphs count: a page that repeats a paragraph (or lists
    a teaser of it) repeats text, it does not glue a mark onto it.
    """
    paragraphs = list(dict.fromkeys(p.strip() for p in paragraphs if p.strip()))
    found = set(_common_affix(paragraphs, suffix=True))
    found |= set(_common_affix(paragraphs, suffix=False))
    # (a repeated passage is taken out before the infixes are looked for, so
    # that no sentence of it is found as a mark; it is kept in the text below)
    remaining = [_remove_all(p, found) for p in paragraphs]
    found |= set(_common_infixes(remaining))
    return sorted((m for m in found if not _passage(m)), key=len, reverse=True)


def _remove_all(text: str, marks: Iterable[str]) -> str:
    for m in sorted(marks, key=len, reverse=True):
        if m in text:
            text = _strip_one(text, m)[0]
    return text


def _strip_one(text: str, mark: str) -> tuple[str, int]:
    """``text`` without the occurrences of ``mark`` that are glued on."""
    cuts = []
    i = text.find(mark)
    while i >= 0:
        if glued_at(text, i, mark):
            cuts.append(i)
            i = text.find(mark, i + len(mark))
        else:
            i = text.find(mark, i + 1)
    if not cuts:
        return text, 0
    out, pos = [], 0
    for i in cuts:
        out.append(text[pos:i])
        pos = i + len(mark)
    out.append(text[pos:])
    return "".join(out), len(cuts)


def strip(paragraphs: Sequence[str], marks: Sequence[str]) -> tuple[list[str], Counter[str]]:
    """Remove the glued-on occurrences of ``marks``; new paragraphs and counts."""
    counts: Counter[str] = Counter()
    out = []
    for p in paragraphs:
        q = p
        for m in marks:
            if m in q:
                q, n = _strip_one(q, m)
                counts[m] += n
        out.append(q.strip() if q != p else q)
    return out, counts
