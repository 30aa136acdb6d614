"""Selectors and re-anchoring: keeping a highlight on its passage when text changes.

A highlight is stored as a W3C TextQuoteSelector (``exact`` with 32 characters
of ``prefix``/``suffix`` context) plus a TextPositionSelector (``start``/``end``
in Unicode code points of the article's clean text). When the clean text
changes (a better cleaner, an edited file) it is placed again, in this order,
as Hypothesis does:

1. the exact quote still sits at the stored position → ``anchored``;
2. the exact quote elsewhere, the occurrence best matching the context and
   nearest the old position → ``moved``;
3. an approximate match within a bounded edit distance, scored
   ``(50·quote + 20·prefix + 20·suffix + 2·position) / 92`` → ``fuzzy``;
4. nothing good enough → ``orphaned`` (kept with its quote and note, never dropped).

Only 1 and 2 ever report the highlight as sitting on its own text; an
approximate placement always says ``fuzzy`` so the user can check it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from .records import CONTEXT, Selector, Status

__all__ = ["CONTEXT", "Anchor", "Selector", "Status", "anchor", "describe", "find_quote"]

#: Minimum combined score for an approximate match.
FUZZY_THRESHOLD = 0.7


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    status: Status
    score: float = 1.0


def describe(text: str, start: int, end: int) -> Selector:
    """Selectors for ``text[start:end]`` (code-point offsets)."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"bad range {start}..{end} for a text of {len(text)} characters")
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
    )


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Position of the ``occurrence``-th (1-based) exact match of ``quote``."""
    if not quote or occurrence < 1:
        return None
    pos = -1
    for _ in range(occurrence):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(quote)


def utf16_to_codepoint(text: str, offset16: int) -> int:
    """Convert a UTF-16 code-unit offset (Qt's) to a code-point offset."""
    n = 0
    units = 0
    for ch in text:
        if units >= offset16:
            break
        units += 2 if ord(ch) > 0xFFFF else 1
        n += 1
    return n


def codepoint_to_utf16(text: str, offset: int) -> int:
    """Convert a code-point offset to a UTF-16 code-unit offset (Qt's)."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def _similarity(a: str, b: str) -> float:
    """1 - normalised edit distance (0..1), rapidfuzz's Levenshtein in C."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return float(Levenshtein.normalized_similarity(a, b))


def _context_score(text: str, start: int, end: int, sel: Selector) -> float:
    pre = text[max(0, start - len(sel.prefix)) : start]
    suf = text[end : end + len(sel.suffix)]
    # compare the context near the quote (the tail of the prefix, head of the suffix)
    p = _similarity(pre[-CONTEXT:], sel.prefix[-CONTEXT:]) if sel.prefix else 1.0
    s = _similarity(suf[:CONTEXT], sel.suffix[:CONTEXT]) if sel.suffix else 1.0
    return (p + s) / 2


def _position_score(pos: int, expected: int, length: int) -> float:
    return 1.0 - min(1.0, abs(pos - expected) / max(length, 1))


def anchor(text: str, sel: Selector) -> Anchor:
    """Place a selector in ``text``; see the module docstring for the order."""
    exact = sel.exact
    if not exact:
        return Anchor(sel.start, sel.end, "orphaned", 0.0)
    if text[sel.start : sel.end] == exact:
        return Anchor(sel.start, sel.end, "anchored")

    # 2. exact quote elsewhere: best by context, then by distance
    hits: list[int] = []
    pos = text.find(exact)
    while pos >= 0 and len(hits) < 1000:
        hits.append(pos)
        pos = text.find(exact, pos + 1)
    if hits:
        best = max(
            hits,
            key=lambda p: (
                _context_score(text, p, p + len(exact), sel) if len(hits) > 1 else 1.0,
                -abs(p - sel.start),
            ),
        )
        return Anchor(best, best + len(exact), "moved")

    # 3. approximate match
    found = approximate(text, sel)
    if found is not None:
        return found
    return Anchor(sel.start, sel.end, "orphaned", 0.0)


def max_errors(quote: str) -> int:
    """The edit distance an approximate match may have: a quarter of the quote."""
    return max(1, len(quote) // 4)


def approximate(text: str, sel: Selector) -> Anchor | None:
    quote = sel.exact
    k = max_errors(quote)
    if len(quote) < 4:
        return None
    candidates = _myers_candidates(text, quote, k)
    best: Anchor | None = None
    for end, errors in candidates:
        start = _best_start(text, quote, end, k)
        if start is None:
            continue
        q = 1.0 - errors / len(quote)
        ctx_p = (
            _similarity(text[max(0, start - CONTEXT) : start], sel.prefix) if sel.prefix else 1.0
        )
        ctx_s = _similarity(text[end : end + CONTEXT], sel.suffix) if sel.suffix else 1.0
        p = _position_score(start, sel.start, len(text))
        score = (50 * q + 20 * ctx_p + 20 * ctx_s + 2 * p) / 92
        if score >= FUZZY_THRESHOLD and (best is None or score > best.score):
            best = Anchor(start, end, "fuzzy", score)
    return best


def _myers_candidates(text: str, pattern: str, k: int, limit: int = 20) -> list[tuple[int, int]]:
    """End offsets (exclusive) where ``pattern`` matches a substring with <= k edits.

    Myers' bit-parallel algorithm (J. ACM 1999) with Python's big integers as
    bit vectors: one pass over the text, each step a handful of big-int
    operations regardless of pattern length. Returns local minima, best first.
    """
    m = len(pattern)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    peq: dict[str, int] = {}
    for i, c in enumerate(pattern):
        peq[c] = peq.get(c, 0) | (1 << i)
    pv, mv, score = mask, 0, m
    found: list[tuple[int, int]] = []
    for j, c in enumerate(text):
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        if score <= k:
            if found and found[-1][0] == j and found[-1][1] > score:
                found[-1] = (j + 1, score)
            elif found and found[-1][0] == j:
                pass
            else:
                found.append((j + 1, score))
    # keep the best end in each run of consecutive ends
    runs: list[tuple[int, int]] = []
    for end, s in found:
        if runs and end - runs[-1][0] <= k + 1:
            if s < runs[-1][1]:
                runs[-1] = (end, s)
        else:
            runs.append((end, s))
    runs.sort(key=lambda t: t[1])
    return runs[:limit]


def _best_start(text: str, quote: str, end: int, k: int) -> int | None:
    """The start that gives the smallest edit distance for a match ending at ``end``.

    Only suffixes of ``text[:end]`` within ``k`` of the quote's length can be
    within ``k`` edits; each is measured by rapidfuzz (bit-parallel, in C).
    Among equally good ones the longest no longer than the quote wins, else
    the shortest.
    """
    m = len(quote)
    best_cost, best_len = k + 1, 0
    for n in range(max(1, m - k), min(end, m + k) + 1):
        cost = Levenshtein.distance(quote, text[end - n : end], score_cutoff=k)
        if cost < best_cost or (cost == best_cost and n <= m):
            best_cost, best_len = cost, n
    if best_cost > k or best_len == 0:
        return None
    return end - best_len
