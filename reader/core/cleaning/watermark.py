"""Repeated watermarks: spam strings glued onto many paragraphs.

Scraper sites append (or prepend, or insert) the same slogan to every
paragraph. Nothing about the string itself is known in advance; it is found by
repetition: the same suffix, prefix or long infix across a large share of a
document's paragraphs. Real article text repeats short phrases (a meeting's
name, a slogan in quotes) but not a 16+ character run across a third of its
paragraphs, and not the same 6+ characters at the end of most paragraphs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

MIN_AFFIX = 6  # shortest prefix/suffix watermark
MIN_INFIX = 16  # shortest watermark found in the middle of paragraphs
_SEED = 6
_KEEP_PUNCT = '。！？!?.;；，,、：:…”’"」』）)】 \u3000'


def _threshold(n: int) -> int:
    return max(3, (n * 3 + 9) // 10)  # at least 3 and 30% of the paragraphs


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
        # a watermark is glued onto paragraphs that otherwise differ
        rest = {(p[: -len(affix)] if suffix else p[len(affix) :]) for p in group}
        distinct = {r for r in rest if len(r.strip()) >= 4}
        if len(affix) >= MIN_AFFIX and len(distinct) >= need and _glued(affix, group):
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
    return [r for r, c in runs.items() if c >= need and _glued(r, pool)]


def _glued(mark: str, paragraphs: Sequence[str]) -> bool:
    """A mark is small beside the text it is glued to: in most paragraphs that
    carry it, the paragraph's own text is longer than the mark. (A sentence a
    page repeats in several paragraphs is most of those paragraphs.)"""
    carriers = [p for p in paragraphs if mark in p]
    longer = sum(1 for p in carriers if len(p) - len(mark) * p.count(mark) > len(mark))
    return longer * 2 >= len(carriers)


def detect(paragraphs: Sequence[str]) -> list[str]:
    """Watermark strings in this document's paragraphs, longest first.

    Only *different* paragraphs count: a page that repeats a paragraph (or lists
    a teaser of it) repeats text, it does not glue a mark onto it.
    """
    paragraphs = list(dict.fromkeys(p.strip() for p in paragraphs if p.strip()))
    found = set(_common_affix(paragraphs, suffix=True))
    found |= set(_common_affix(paragraphs, suffix=False))
    remaining = [_remove_all(p, found) for p in paragraphs]
    found |= set(_common_infixes(remaining))
    return sorted(found, key=len, reverse=True)


def _remove_all(text: str, marks: Iterable[str]) -> str:
    for m in sorted(marks, key=len, reverse=True):
        if m in text:
            text = text.replace(m, "")
    return text


def strip(paragraphs: Sequence[str], marks: Sequence[str]) -> tuple[list[str], Counter[str]]:
    """Remove every occurrence of ``marks``; return new paragraphs and counts."""
    counts: Counter[str] = Counter()
    out = []
    for p in paragraphs:
        q = p
        for m in marks:
            n = q.count(m)
            if n:
                counts[m] += n
                q = q.replace(m, "")
        out.append(q.strip() if q != p else q)
    return out, counts
