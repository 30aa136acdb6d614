from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchoring import (
    anchor,
    codepoint_to_utf16,
    describe,
    find_quote,
    utf16_to_codepoint,
)

TEXT = (
    "第十次全国对口支援新疆工作会议7月7日至9日在和田召开。这次会议提出了一系列新要求，"
    "为今后援疆工作绘制了清晰蓝图。对口援疆并非短期政策，而是立足国家整体发展、维护边疆稳定的长期战略部署。"
)
QUOTE = "对口援疆并非短期政策"


def sel():
    s, e = find_quote(TEXT, QUOTE)
    return describe(TEXT, s, e)


def test_describe_has_32_characters_of_context() -> None:
    s = sel()
    assert s.exact == QUOTE
    assert len(s.prefix) == 32 and TEXT[s.start - 32 : s.start] == s.prefix
    assert s.suffix == TEXT[s.end : s.end + 32]


def test_unchanged_text_is_anchored() -> None:
    a = anchor(TEXT, sel())
    assert (a.status, TEXT[a.start : a.end]) == ("anchored", QUOTE)


def test_text_inserted_before_moves_it() -> None:
    new = "【编者按】新加入的一段文字。\n\n" + TEXT
    a = anchor(new, sel())
    assert a.status == "moved" and new[a.start : a.end] == QUOTE


def test_text_changed_inside_quote_is_fuzzy() -> None:
    new = TEXT.replace("并非短期政策", "并非短期的政策")
    a = anchor(new, sel())
    assert a.status == "fuzzy"
    assert new[a.start : a.end] == "对口援疆并非短期的政策"


def test_duplicated_quote_picks_the_one_with_matching_context() -> None:
    s = sel()
    dup = "另一处也说：对口援疆并非短期政策，但上下文不同。" + "x" * 40
    new = dup + "新的开头。" + TEXT
    a = anchor(new, s)
    assert a.status == "moved"
    assert a.start == new.index("新的开头。") + len("新的开头。") + s.start


def test_quote_gone_is_orphaned() -> None:
    new = TEXT.replace("对口援疆并非短期政策，而是", "")
    assert anchor(new, sel()).status == "orphaned"


def test_completely_different_text_is_orphaned() -> None:
    assert anchor("完全不同的文章内容，与原文毫无关系。" * 5, sel()).status == "orphaned"


def test_code_points_not_utf16_units() -> None:
    text = "前言𠀀𠀁𠀂（扩展B区汉字）后面是要高亮的句子。"
    s, e = find_quote(text, "要高亮的句子")
    assert text[s:e] == "要高亮的句子"
    # Qt counts each supplementary character as two UTF-16 units
    q = codepoint_to_utf16(text, s)
    assert q == s + 3
    assert utf16_to_codepoint(text, q) == s
    sel2 = describe(text, s, e)
    assert anchor(text, sel2).status == "anchored"


def test_find_quote_occurrence() -> None:
    t = "甲乙甲乙甲"
    assert find_quote(t, "甲", 1) == (0, 1)
    assert find_quote(t, "甲", 3) == (4, 5)
    assert find_quote(t, "甲", 4) is None


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="援疆工作会议新闻，。的了在是和有我abc", min_size=30, max_size=200),
    st.data(),
)
def test_never_silently_on_different_text(text: str, data: st.DataObject) -> None:
    """A highlight lands on its exact text, or says fuzzy/orphaned (property)."""
    start = data.draw(st.integers(0, len(text) - 5))
    end = data.draw(st.integers(start + 4, min(len(text), start + 20)))
    s = describe(text, start, end)
    cut = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.text(alphabet="新插入的内容xyz", max_size=15))
    drop = data.draw(st.integers(0, 6))
    new = text[:cut] + insert + text[cut + drop :]
    a = anchor(new, s)
    if a.status in ("anchored", "moved"):
        assert new[a.start : a.end] == s.exact
    else:
        assert a.status in ("fuzzy", "orphaned")


# -- the edit distances (rapidfuzz) against their plain definitions -------------------


def _plain_similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return 1.0 - prev[-1] / max(len(a), len(b))


def _plain_best_start(text: str, quote: str, end: int, k: int) -> int | None:
    lo = max(0, end - len(quote) - k)
    rq, rw = quote[::-1], text[lo:end][::-1]
    prev = list(range(len(rq) + 1))
    best_cost, best_len = prev[-1], 0
    for i, cw in enumerate(rw, 1):
        cur = [i] + [0] * len(rq)
        for j, cq in enumerate(rq, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (cw != cq))
        prev = cur
        if cur[-1] < best_cost or (cur[-1] == best_cost and i <= len(quote)):
            best_cost, best_len = cur[-1], i
    if best_cost > k or best_len == 0:
        return None
    return end - best_len


SMALL = st.text(alphabet="援疆工作会议ab", max_size=14)


@settings(max_examples=300, deadline=None)
@given(SMALL, SMALL)
def test_similarity_is_the_normalised_edit_distance(a: str, b: str) -> None:
    from reader.core.anchoring import _similarity

    assert abs(_similarity(a, b) - _plain_similarity(a, b)) < 1e-9


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="援疆工作会议ab", min_size=1, max_size=40), st.data())
def test_best_start_is_the_best_alignment(text: str, data: st.DataObject) -> None:
    from reader.core.anchoring import _best_start

    quote = data.draw(st.text(alphabet="援疆工作会议ab", min_size=4, max_size=12))
    end = data.draw(st.integers(1, len(text)))
    k = max(1, len(quote) // 4)
    assert _best_start(text, quote, end, k) == _plain_best_start(text, quote, end, k)
