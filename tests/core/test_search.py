from __future__ import annotations

import pytest

from reader.core import search as search_mod
from reader.core.article import Article, Block
from reader.core.search import SearchIndex


def art(i: int, title: str, *paras: str) -> Article:
    return Article(
        f"id{i}",
        f"/x/{i}.txt",
        title,
        None,
        None,
        None,
        None,
        "zh-Hans",
        tuple(Block("paragraph", p) for p in paras),
    )


ARTS = [
    art(0, "援疆工作会议", "会议在乌鲁木齐召开。", "教育援疆取得成效。"),
    art(1, "山西代表团", "骆惠宁率团考察。"),
    art(2, "English Title", "Reader SEARCH works on Latin too."),
    art(3, "无关", "这篇文章什么都不提。"),
]


@pytest.mark.parametrize("chunk", [10, 2_000_000])  # tiny chunks: every article its own
def test_substring_search_over_titles_and_text(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_mod, "CHUNK_CHARS", chunk)
    idx = SearchIndex(ARTS)
    assert idx.matching_ids("援疆") == ["id0"]
    assert idx.matching_ids("骆惠宁") == ["id1"]
    assert idx.matching_ids("代表团") == ["id1"]  # in the title
    assert idx.matching_ids("search") == ["id2"]  # case-insensitive
    assert idx.matching_ids("ＳＥＡＲＣＨ") == ["id2"]  # full-width query folded
    assert idx.matching_ids("不存在") == []
    assert idx.matching_ids("") == ["id0", "id1", "id2", "id3"]
    assert idx.matching_ids("。", limit=2) == ["id0", "id1"]


def test_refinement_searches_only_previous_hits() -> None:
    idx = SearchIndex(ARTS)
    first = idx.matching_ids("会")
    assert first == ["id0"]
    assert idx.within(first, "会议") == ["id0"]
    assert idx.within(["id1", "id3"], "会议") == []


def test_hits_give_positions_and_snippets() -> None:
    idx = SearchIndex(ARTS)
    hits = idx.hits("id0", "援疆")
    assert [h.position for h in hits] == [-1, ARTS[0].text.index("援疆")]
    assert "教育援疆" in hits[1].snippet


def test_articles_added_later_are_found() -> None:
    idx = SearchIndex(ARTS[:1])
    assert idx.matching_ids("骆惠宁") == []
    idx.add(ARTS[1])
    assert idx.matching_ids("骆惠宁") == ["id1"]
