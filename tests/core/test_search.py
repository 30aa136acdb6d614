"""Issue 20: the query language, Chinese-aware matching, hits and snippets."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.core.anchoring import describe
from reader.core.annotations import (
    AddHighlight,
    Document,
    SetArticle,
    SetColorMeaning,
    TagArticle,
)
from reader.core.article import Article, Block
from reader.core.query import QueryError, parse
from reader.core.records import Highlight
from reader.core.search import SearchIndex


def art(i: int, title: str, *paras: str, **kw: str | None) -> Article:
    return Article(
        f"{i:016x}",
        f"/x/{i}.txt",
        title,
        kw.get("date"),
        None,
        kw.get("source"),
        kw.get("author"),
        "zh-Hans",
        tuple(Block("paragraph", p) for p in paras),
    )


ARTS = [
    art(
        0,
        "援疆工作会议",
        "会议在乌鲁木齐召开。",
        "教育援疆取得成效。",
        date="2021-09-15",
        source="天山网",
    ),
    art(
        1,
        "山西代表团",
        "骆惠宁率团考察，陈全国会见。",
        "李纪恒出席。",
        date="2022-03-01",
        source="新疆日报",
    ),
    art(
        2,
        "English Title",
        "Reader SEARCH works in Ürümqi too.",
        date="2019-05-05",
        author="Jane Doe",
    ),
    art(3, "無關", "這篇文章在烏魯木齊，什麼都不提。", date=None, source="中央社"),
]
ID = [a.id for a in ARTS]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    idx = SearchIndex()  # (in memory)
    idx.set_articles(ARTS)
    idx.sync()
    return idx


def found(index: SearchIndex, q: str, doc: Document | None = None) -> set[int]:
    return {ID.index(i) for i in index.search(q, doc)}


def test_words_must_all_match_anywhere(index: SearchIndex) -> None:
    assert found(index, "陈全国 李纪恒") == {1}  # (two paragraphs: AND is per article)
    assert found(index, "援疆") == {0}
    assert found(index, "代表团") == {1}  # in the title
    assert found(index, "援疆 骆惠宁") == set()
    assert found(index, "") == {0, 1, 2, 3}
    assert found(index, "援") == {0}  # one character
    assert found(index, "search") == {2} == found(index, "ＳＥＡＲＣＨ")  # case and width


def test_phrases_or_and_not(index: SearchIndex) -> None:
    assert found(index, '"教育援疆"') == {0}
    assert found(index, '"援疆教育"') == set()  # its characters, not in that order
    assert found(index, '"works in"') == {2}
    assert found(index, '"works  in"') == {2}  # (spaces as one)
    assert found(index, '"works on"') == set()
    assert found(index, "援疆 OR 骆惠宁") == {0, 1}
    assert found(index, "会议 OR 骆惠宁 召开") == {0}  # (a OR b) AND c
    assert found(index, "乌鲁木齐 -援疆") == {3}
    assert found(index, "-乌鲁木齐") == {1, 2}


def test_simplified_and_traditional_match_and_text_is_shown_as_written(index: SearchIndex) -> None:
    assert found(index, "乌鲁木齐") == {0, 3}
    assert found(index, "烏魯木齊") == {0, 3}
    assert found(index, "无关") == {3}  # the title 無關
    hits = index.hits(ARTS[3], "乌鲁木齐")
    assert hits.count == 1 and hits.snippets[0].marked() == "這篇文章在**烏魯木齊**，什麼都不提。"
    assert found(index, "urumqi") == {2}  # accents do not count either


def test_fields(index: SearchIndex) -> None:
    assert found(index, "title:会议") == {0}
    assert found(index, "title:召开") == set()  # (only in the text)
    assert found(index, "source:新疆") == {1}
    assert found(index, "source:中央社 OR author:jane") == {2, 3}
    assert found(index, "date:2021") == {0}
    assert found(index, "date:2021-09..2022-03") == {0, 1}
    assert found(index, "date:..2020") == {2}
    assert found(index, "date:2022-03-01") == {1}
    assert found(index, "-date:2021") == {1, 2, 3}  # (undated: not in 2021)


def _doc() -> Document:
    doc = Document()
    text = ARTS[1].text
    s = text.index("骆惠宁")
    h = Highlight.new(
        ARTS[1].id, describe(text, s, s + 3), color="red", note="关键人物", tags=["人物/领导"]
    )
    AddHighlight(h).apply(doc)
    s = ARTS[2].text.index("Reader")
    h2 = Highlight.new(ARTS[2].id, describe(ARTS[2].text, s, s + 6), color="yellow")
    AddHighlight(h2).apply(doc)
    doc.highlights[h2.id].status = "orphaned"
    TagArticle(ARTS[0].id, ["教育"]).apply(doc)
    SetArticle(ARTS[0].id, starred=True).apply(doc)
    SetArticle(ARTS[3].id, read=True, note="待核实的说法").apply(doc)
    SetColorMeaning("red", "观点").apply(doc)
    return doc


def test_fields_from_the_annotations(index: SearchIndex) -> None:
    doc = _doc()
    assert found(index, "tag:教育", doc) == {0}
    assert found(index, "tag:人物", doc) == {1}  # a highlight's tag, nested under 人物
    assert found(index, "tag:人物/领导", doc) == {1}
    assert found(index, "color:red", doc) == {1} == found(index, "color:红色", doc)
    assert found(index, "color:观点", doc) == {1}  # the meaning the user gave red
    assert found(index, "note:关键", doc) == {1}
    assert found(index, "note:核实", doc) == {3}  # an article's note
    assert found(index, "has:note", doc) == {1, 3}
    assert found(index, "has:highlight", doc) == {1, 2}
    assert found(index, "has:tag", doc) == {0, 1}
    assert found(index, "is:starred", doc) == {0}
    assert found(index, "is:read", doc) == {3}
    assert found(index, "is:unread", doc) == {0, 1, 2}
    assert found(index, "is:orphaned", doc) == {2}
    assert found(index, "乌鲁木齐 -is:read", doc) == {0}


def test_what_is_remembered_of_the_store_follows_its_changes(index: SearchIndex) -> None:
    doc = _doc()
    assert found(index, "tag:人物", doc) == {1}
    TagArticle(ARTS[2].id, ["人物"]).apply(doc)  # (a change between two queries)
    assert found(index, "tag:人物", doc) == {1, 2}
    assert found(index, "has:tag", doc) == {0, 1, 2}


def test_a_result_is_a_mask_that_gives_the_places_in_any_order(index: SearchIndex) -> None:
    got = index.find("乌鲁木齐")
    assert len(got) == 2 and set(got) == {ID[0], ID[3]} == got.ids()
    assert ID[3] in got and ID[1] not in got and "not an id" not in got
    stranger = art(99, "new", "乌鲁木齐")  # (in the table, not yet in the index)
    order = [ARTS[3], ARTS[2], stranger, ARTS[1], ARTS[0]]
    assert got.places_in(order) == [0, 4]
    assert got.places_in(order[::-1]) == [0, 4]
    u = got.universe
    assert [u.place_in(order, a.id) for a in order] == [
        0,
        1,
        None,
        3,
        4,
    ]  # (the stranger: not here)
    assert u.place_in(order, "not an id") is None
    assert got.places_in([]) == []


def test_articles_whose_ids_are_not_index_numbers_are_still_found_by_fields() -> None:
    odd = dataclasses.replace(ARTS[0], id="not-hex")
    idx = SearchIndex()
    idx.set_articles([odd, ARTS[1]])
    idx.sync()
    doc = Document()
    TagArticle("not-hex", ["教育"]).apply(doc)
    assert idx.search("tag:教育", doc) == {"not-hex"}
    assert idx.search("date:2021", doc) == {"not-hex"}
    assert idx.search("-tag:教育", doc) == {ARTS[1].id}


def test_highlights_match_their_text_note_and_fields(index: SearchIndex) -> None:
    doc = _doc()

    def hl(q: str) -> set[str]:
        return {h.exact for h in index.highlights(q, doc)}

    assert hl("骆惠宁") == {"骆惠宁"}
    assert hl("关键") == {"骆惠宁"}  # in its note
    assert hl("color:yellow") == {"Reader"}
    assert hl("is:orphaned") == {"Reader"}
    assert hl("source:新疆日报") == {"骆惠宁"}  # its article's field
    assert hl("-tag:人物") == {"Reader"}
    assert hl("") == {"骆惠宁", "Reader"}


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ("titel:援疆", "unknown field “titel:”", 0),
        ("援疆 date:2021-13", "is not a date", 3),
        ("date:2022..2021", "run backwards", 0),
        ("援疆 OR", "OR needs a word on each side", 3),
        ("OR 援疆", "OR needs a word on each side", 0),
        ("is:maybe", "is: takes", 0),
        ("tag:", "needs a value", 0),
    ],
)
def test_mistakes_say_what_and_where(query: str, message: str, position: int) -> None:
    with pytest.raises(QueryError) as err:
        parse(query)
    assert message in str(err.value.args[0]) and err.value.position == position


def test_an_unknown_colour_is_a_mistake_too(index: SearchIndex) -> None:
    with pytest.raises(QueryError, match="no colour “teal”"):
        index.search("color:teal", _doc())


def test_urls_times_and_quoted_fields_are_words(index: SearchIndex) -> None:
    assert parse("http://example.com 10:30").clauses[0][0].field is None
    assert parse('"titel:x"').clauses[0][0].field is None
    q = parse('title:"援疆 工作" -"a b" 喀什 OR 和田')
    assert [(t.field, t.value, t.negated) for t in q.terms()] == [
        ("title", "援疆 工作", False),
        (None, "a b", True),
        (None, "喀什", False),
        (None, "和田", False),
    ]


def test_snippets_mark_every_hit_with_context(index: SearchIndex) -> None:
    long = art(
        9, "长文", "前" * 100 + "援疆" + "中" * 10 + "援疆" + "后" * 200 + "援疆" + "尾" * 50
    )
    h = index.hits(long, "援疆")
    assert h.count == 3 and len(h.snippets) == 2
    first = h.snippets[0]
    assert first.text.startswith("…") and first.marked().count("**援疆**") == 2
    assert [long.text[s:e] for s, e in h.spans] == ["援疆"] * 3


def test_the_index_on_disk_follows_the_library(tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    idx = SearchIndex(folder)
    idx.set_articles(ARTS)
    idx.sync()
    again = SearchIndex(folder)  # the next start: nothing to index
    again.set_articles(ARTS)
    assert again.text.stale(ARTS) == ([], [])
    assert found(again, "骆惠宁") == {1}
    changed = dataclasses.replace(ARTS[1], blocks=(Block("paragraph", "改写后的正文"),))
    again.set_articles([ARTS[0], changed])  # one changed (a correction), two gone
    todo, gone = again.text.stale(again.articles.values())
    assert [a.id for a in todo] == [ARTS[1].id] and sorted(gone) == sorted(ID[2:])
    again.sync()
    assert again.search("骆惠宁") == set() and again.search("改写") == {ARTS[1].id}
    assert again.text.ids("ürümqi") == set()  # (the gone article's text is gone)


def test_what_is_indexed_is_written_in_steps_and_read_back(tmp_path: Path) -> None:
    from reader.core.courtesy import STEP
    from reader.core.search import TextIndex

    ti = TextIndex(tmp_path / "ix")
    ti._open()
    ti.known = {f"{i:016x}": f"9:{i}:1:00ff" for i in range(2 * STEP + 5)}
    ti._save()
    again = TextIndex(tmp_path / "ix")
    again._open()
    assert again.known == ti.known
