"""The content scorer's one-pass tally against the plain two-pass definition.

``html_content._tally`` fuses what used to be three walks (block units, subtree
sums, sums again with chrome valued negative) into one walk plus a correction
added up the ancestors of each chrome subtree. These properties compare it on
random trees with the direct definition written the slow, obvious way.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from reader.core.cleaning import html_content as hc
from reader.core.cleaning.boilerplate import punct_count

TEXTS = st.sampled_from(
    ["", "  ", "新闻标题", "援疆项目稳步推进，成效显著。", "首页", "more, text. ", "\n"]
)
TAGS = st.sampled_from(["div", "p", "a", "span", "li", "ul", "b", "h2", "section"])


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(TAGS)
    inner = draw(TEXTS)
    if depth < 4:
        for child in draw(st.lists(trees(depth + 1), max_size=4)):  # type: ignore[call-arg]
            inner += child + draw(TEXTS)
    return f"<{tag}>{inner}</{tag}>"


def _units_slow(el: etree._Element) -> tuple[int, int, int] | None:
    """A block's own inline text (text, inline children's text, children's tails)."""
    if el.tag not in hc._BLOCK:
        return None

    def inline(e: etree._Element) -> tuple[int, int, int]:
        chars, punct, link = hc._nows(e.text), punct_count(e.text or ""), 0
        for c in e:
            if c.tag not in hc._BLOCK:
                cc, cl, cp = inline(c)
                chars, link, punct = chars + cc, link + cl, punct + cp
            chars += hc._nows(c.tail)
            punct += punct_count(c.tail or "")
        return chars, (chars if e.tag == "a" else link), punct

    return inline(el)


def _sub_slow(
    el: etree._Element, neg: dict[etree._Element, bool] | None, positive_only: bool = False
) -> float:
    total = 0.0
    for d in el.iter():
        u = _units_slow(d)
        if u is not None:
            v = hc._value(*u, negative=bool(neg and neg[d]))
            total += max(v, 0.0) if positive_only else v
    return total


@settings(max_examples=150, deadline=None)
@given(html=trees(), marks=st.lists(st.integers(min_value=0, max_value=200), max_size=5))
def test_tally_matches_the_direct_definition(html: str, marks: list[int]) -> None:
    root = hc.parse(f"<html><body>{html}</body></html>")
    assert root is not None
    body = root.find("body")
    assert body is not None
    elements = list(body.iter())
    tally = hc._tally(elements)
    for el in elements:
        assert math.isclose(tally.sub[el], _sub_slow(el, None), abs_tol=1e-6)
        assert math.isclose(tally.pos[el], _sub_slow(el, None, True), abs_tol=1e-6)
    # chrome marks whole subtrees: an element is negative under a marked one
    marked = {elements[i % len(elements)] for i in marks}
    neg = {el: any(a in marked for a in [el, *el.iterancestors()]) for el in elements}
    sub = tally.with_negatives(elements, neg)
    for el in elements:
        assert math.isclose(sub[el], _sub_slow(el, neg), abs_tol=1e-6)
