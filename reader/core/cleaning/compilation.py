"""Compilation pages: one page holding several numbered pieces.

Essay-collection sites publish "X(精选6篇)" pages: a marketing preamble, then
"X篇1", "X篇2"… (or 第一篇, 篇一, 范文1). Each piece becomes a section with
its own heading; the preamble before the first piece is not article text.
"""

from __future__ import annotations

import re

_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_SECTION_RE = re.compile(
    r"^(?P<stem>.{0,60}?)(?:篇|范文|例文|文章|材料|稿)\s*(?P<n>" + _NUM + r")\s*[:：]?$"
    r"|^(?:第\s*(?P<n2>" + _NUM + r")\s*(?:篇|部分))(?P<rest>.{0,50})$"
)
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)}


def _to_int(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGITS.get(s[1], 0)
    if len(s) == 2 and s.endswith("十"):
        return _CN_DIGITS.get(s[0], 0) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN_DIGITS.get(s[0], 0) * 10 + _CN_DIGITS.get(s[2], 0)
    return _CN_DIGITS.get(s, -1)


def section_number(line: str) -> tuple[str, int] | None:
    """(stem, number) if ``line`` is a numbered section heading of a compilation."""
    s = line.strip()
    if len(s) > 70:
        return None
    m = _SECTION_RE.match(s)
    if not m:
        return None
    if m.group("n") is not None:
        return m.group("stem").strip(), _to_int(m.group("n"))
    return "第篇", _to_int(m.group("n2"))


def find_sections(lines: list[str]) -> list[int]:
    """Indexes of section headings, if the lines form a compilation (>= 2 pieces)."""
    found = [(i, section_number(line)) for i, line in enumerate(lines)]
    hits = [(i, sn) for i, sn in found if sn is not None]
    if len(hits) < 2:
        return []
    # the pieces share a stem and are numbered 1, 2, 3… in order
    by_stem: dict[str, list[tuple[int, int]]] = {}
    for i, (stem, n) in hits:
        by_stem.setdefault(stem, []).append((i, n))
    best: list[int] = []
    for seq in by_stem.values():
        nums = [n for _, n in seq]
        if (
            len(seq) >= 2
            and nums[0] in (0, 1)
            and all(b == a + 1 for a, b in zip(nums, nums[1:], strict=False))
        ) and len(seq) > len(best):
            best = [i for i, _ in seq]
    return best
