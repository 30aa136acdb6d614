"""Folding text for search: what a reader means as "the same letters".

Search matches text that differs only in ways a reader does not count:
simplified and traditional characters (and common variant forms: 裡/裏/里,
綫/線/线, 峯/峰), full- and half-width forms, case, and accents on Latin
letters ("Ürümqi" and "urumqi"). The text is always shown as written: only
the index and the query are folded.

Folding maps every character to exactly one character, so a position in the
folded text is the same position in the original: hits found in folded text
are marked and scrolled to in the text as written. Characters whose fold
would be longer (a ligature "ﬁ", "ß" → "ss") stay as they are.

The Chinese table comes from OpenCC (its own t2s, tw2s and hk2s conversions
of every CJK character, 30 ms); the rest from Unicode's normalisation (NFKC,
case folding, decomposition). Built once, on first use.
"""

from __future__ import annotations

import threading
import unicodedata

#: The ranges whose characters can fold (others are left as they are).
_RANGES = (
    (0x0000, 0x0250),  # Latin, Latin-1, Latin Extended-A/B
    (0x0370, 0x0530),  # Greek, Cyrillic
    (0x1E00, 0x2000),  # Latin Extended Additional, Greek Extended
    (0x2000, 0x2C00),  # punctuation, letterlike and enclosed forms, symbols
    (0x3000, 0x3100),  # CJK punctuation (the ideographic space), kana
    (0x3400, 0xA000),  # CJK Unified Ideographs and Extension A
    (0xF900, 0xFB00),  # CJK compatibility ideographs, Latin ligatures
    (0xFE30, 0xFE50),  # CJK compatibility forms
    (0xFF00, 0xFFF0),  # full- and half-width forms
)

_table: dict[int, str] | None = None
_lock = threading.Lock()


def _one(c: str) -> str:
    """``c`` folded by Unicode's rules, if that stays one character."""
    f = unicodedata.normalize("NFKC", c)
    if len(f) != 1:
        return c
    low = f.casefold()
    f = low if len(low) == 1 else f.lower() if len(f.lower()) == 1 else f
    d = unicodedata.normalize("NFD", f)
    if len(d) > 1 and d[0].isalpha() and all(unicodedata.combining(x) for x in d[1:]):
        f = d[0]  # é → e, Ü → u (a base letter with accents)
    return f


def _chinese() -> dict[str, str]:
    """Traditional and variant characters → simplified, from OpenCC."""
    import opencc

    converters = [opencc.OpenCC(name).convert for name in ("t2s", "tw2s", "hk2s")]
    out: dict[str, str] = {}
    for lo, hi in ((0x3400, 0xA000), (0xF900, 0xFB00)):
        chars = "".join(chr(c) for c in range(lo, hi))
        for convert in converters:
            converted = convert(chars)
            if len(converted) != len(chars):  # (a phrase rule changed the length)
                converted = "".join(convert(c) if len(convert(c)) == 1 else c for c in chars)
            for a, b in zip(chars, converted, strict=True):
                if a != b and a not in out:
                    out[a] = b
    return out


def table() -> dict[int, str]:
    """The ``str.translate`` table (built on first use, then shared)."""
    global _table
    if _table is not None:
        return _table
    with _lock:
        if _table is None:
            t: dict[int, str] = {}
            for lo, hi in _RANGES:
                for code in range(lo, hi):
                    if 0xD800 <= code < 0xE000:
                        continue
                    c = chr(code)
                    f = _one(c)
                    if f != c:
                        t[code] = f
            for a, b in _chinese().items():
                f = _one(b)  # (a compatibility ideograph: NFKC first, then simplified)
                t[ord(a)] = f
            for code, f in list(t.items()):  # one step reaches the end: 乾 → 干 both ways
                g = t.get(ord(f))
                if g is not None and len(g) == 1:
                    t[code] = g
            _table = t
    return _table


def fold(text: str) -> str:
    """``text`` as search compares it; the same length, position for position."""
    return text.translate(table())
