"""Every operation, and undo/redo of each, on the document."""

from __future__ import annotations

import pytest

from reader.core.anchoring import describe
from reader.core.annotations import (
    AddHighlight,
    AnnotationError,
    Batch,
    DeleteHighlight,
    DeleteTag,
    Document,
    EditHighlight,
    Highlight,
    History,
    MergeTag,
    Operation,
    RenameTag,
    SetArticle,
    SetTagColor,
    TagArticle,
    dump,
    load,
    normalize_color,
)

TEXT = "第一段正文，讲述了援疆工作的具体情况。第二段正文，记者在现场看到。"


def snapshot(doc: Document) -> dict:
    return {
        "h": {k: dump(v) for k, v in doc.highlights.items()},
        "a": {k: dump(v) for k, v in doc.articles.items()},
        "t": {k: dump(v) for k, v in doc.tags.items()},
    }


def hl(start: int = 0, end: int = 5, **kw) -> Highlight:
    return Highlight.new("art1", describe(TEXT, start, end), **kw)


def roundtrip(doc: Document, op: Operation) -> None:
    """apply → undo gives the start state; redo gives the applied state again."""
    hist = History()
    before = snapshot(doc)
    op.apply(doc)
    hist.push(op)
    after = snapshot(doc)
    assert after != before
    hist.undo(doc)
    assert snapshot(doc) == before
    hist.redo(doc)
    assert snapshot(doc) == after


def doc_with(*ops: Operation) -> Document:
    d = Document()
    for op in ops:
        op.apply(d)
    return d


def test_add_highlight_registers_its_tags_and_undoes_cleanly() -> None:
    d = Document()
    h = hl(tags=["人物", "#地点"], color="green", note="**注**")
    roundtrip(d, AddHighlight(h, article_title="标题"))
    assert set(d.tags) == {"人物", "地点"}
    assert d.highlights[h.id].note == "**注**" and d.articles["art1"].title == "标题"


def test_overlapping_and_nested_highlights_coexist() -> None:
    a, b, c = hl(0, 10), hl(5, 15), hl(2, 4)
    d = doc_with(AddHighlight(a), AddHighlight(b), AddHighlight(c))
    assert [h.id for h in d.highlights_of("art1")] == [a.id, c.id, b.id]


def test_delete_highlight() -> None:
    h = hl()
    d = doc_with(AddHighlight(h))
    roundtrip(d, DeleteHighlight(h.id))
    with pytest.raises(AnnotationError):
        DeleteHighlight("nope").apply(d)


@pytest.mark.parametrize(
    "change", [{"color": "#AABBCC"}, {"note": "新笔记"}, {"tags": ["甲", "乙"]}]
)
def test_edit_highlight(change: dict) -> None:
    h = hl()
    d = doc_with(AddHighlight(h))
    roundtrip(d, EditHighlight(h.id, **change))


def test_bad_colour_is_refused() -> None:
    with pytest.raises(AnnotationError, match="unknown colour"):
        normalize_color("chartreuse-ish")
    assert normalize_color("Blue") == "blue"


def test_tag_and_untag_article() -> None:
    d = Document()
    roundtrip(d, TagArticle("art1", ["新疆", "援疆"]))
    roundtrip(d, TagArticle("art1", ["新疆"], remove=True))
    assert d.articles["art1"].tags == ["援疆"]


def test_article_fields() -> None:
    d = Document()
    roundtrip(d, SetArticle("art1", read=True, position=0.4, starred=True, note="整篇笔记"))
    with pytest.raises(AnnotationError):
        SetArticle("art1", colour="x")


def test_rename_tag_updates_every_carrier() -> None:
    h = hl(tags=["旧"])
    d = doc_with(AddHighlight(h), TagArticle("art2", ["旧", "别的"]))
    roundtrip(d, RenameTag("旧", "新"))
    assert d.highlights[h.id].tags == ["新"] and d.articles["art2"].tags == ["新", "别的"]
    assert "旧" not in d.tags and "新" in d.tags


def test_rename_onto_existing_tag_is_refused() -> None:
    d = doc_with(TagArticle("a", ["甲", "乙"]))
    with pytest.raises(AnnotationError, match="merge"):
        RenameTag("甲", "乙").apply(d)


def test_merge_tags_dedupes() -> None:
    h = hl(tags=["甲", "乙"])
    d = doc_with(AddHighlight(h), TagArticle("a", ["甲"]))
    roundtrip(d, MergeTag("甲", "乙"))
    assert d.highlights[h.id].tags == ["乙"] and d.articles["a"].tags == ["乙"]
    assert "甲" not in d.tags


def test_delete_tag_reports_counts_and_removes_everywhere() -> None:
    h = hl(tags=["甲"])
    d = doc_with(AddHighlight(h), TagArticle("a", ["甲"]), TagArticle("b", ["甲", "乙"]))
    assert d.tag_counts()["甲"] == (2, 1)
    roundtrip(d, DeleteTag("甲"))
    assert d.highlights[h.id].tags == [] and d.articles["b"].tags == ["乙"]


def test_tag_colour() -> None:
    d = doc_with(TagArticle("a", ["甲"]))
    roundtrip(d, SetTagColor("甲", "red"))
    assert d.tags["甲"].color == "red"


def test_batch_undoes_as_one() -> None:
    h = hl()
    d = Document()
    roundtrip(d, Batch([AddHighlight(h), EditHighlight(h.id, note="n"), TagArticle("art1", ["t"])]))


def test_history_undo_redo_sequence() -> None:
    d = Document()
    hist = History()
    start = snapshot(d)
    ops: list[Operation] = [
        AddHighlight(hl()),
        TagArticle("art1", ["a"]),
        SetArticle("art1", read=True),
    ]
    for op in ops:
        op.apply(d)
        hist.push(op)
    end = snapshot(d)
    while hist.undo(d):
        pass
    assert snapshot(d) == start
    while hist.redo(d):
        pass
    assert snapshot(d) == end
    assert hist.undo(Document()) is not None and hist.redo(d) is not None


def _by_scan(doc: Document) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for h in doc.highlights.values():
        out.setdefault(h.article, []).append(h.id)
    return {k: sorted(v) for k, v in out.items()}


def _by_index(doc: Document, articles: list[str]) -> dict[str, list[str]]:
    out = {a: sorted(h.id for h in doc.highlights_of(a)) for a in articles}
    assert all(doc.highlight_count(a) == len(v) for a, v in out.items())
    return {a: v for a, v in out.items() if v}


def test_per_article_index_follows_every_kind_of_change() -> None:
    doc = Document()
    hist = History()
    arts = ["art1", "art2"]
    assert _by_index(doc, arts) == {}  # the index exists from here on
    ops: list[Operation] = [
        AddHighlight(hl(0, 3)),
        AddHighlight(hl(4, 8)),
        AddHighlight(Highlight.new("art2", describe(TEXT, 2, 6))),
    ]
    for op in ops:
        op.apply(doc)
        hist.push(op)
        assert _by_index(doc, arts) == _by_scan(doc)
    first = next(iter(doc.highlights))
    for op in (DeleteHighlight(first), EditHighlight(ops[1].highlight.id, note="笔记")):
        op.apply(doc)
        hist.push(op)
        assert _by_index(doc, arts) == _by_scan(doc)
    while hist.undo(doc) is not None:
        assert _by_index(doc, arts) == _by_scan(doc)
    while hist.redo(doc) is not None:
        assert _by_index(doc, arts) == _by_scan(doc)
    # moved to another article (a rekey), through touch
    hid = ops[1].highlight.id
    doc.touch("highlights", hid)
    doc.highlights[hid].article = "art2"
    assert _by_index(doc, arts) == _by_scan(doc)
    # added without touch (a test or a loader writing the dict): noticed by the count
    extra = Highlight.new("art1", describe(TEXT, 10, 14))
    doc.highlights[extra.id] = extra
    assert _by_index(doc, arts) == _by_scan(doc)
    # replaced without touch: only after reindex(), as the store's merge does
    doc.highlights[extra.id] = load("highlights", {**dump(extra), "article": "art2"})
    doc.reindex()
    assert _by_index(doc, arts) == _by_scan(doc)


def test_index_built_from_a_snapshot_is_taken_only_if_nothing_changed() -> None:
    arts = ["art1", "art2"]

    def doc_with_two() -> Document:
        d = Document()
        AddHighlight(hl(0, 3)).apply(d)
        AddHighlight(Highlight.new("art2", describe(TEXT, 2, 6))).apply(d)
        d.reindex()  # a freshly loaded document: no index yet
        return d

    doc = doc_with_two()
    snap = doc.groups_snapshot()
    assert snap is not None
    assert doc.adopt_groups(Document.build_groups(snap))  # as a worker would
    assert doc.groups_snapshot() is None  # built: nothing more to do
    assert _by_index(doc, arts) == _by_scan(doc)
    AddHighlight(hl(4, 8)).apply(doc)  # and kept up to date from here
    assert _by_index(doc, arts) == _by_scan(doc)

    for change in (
        lambda d: AddHighlight(hl(5, 9)).apply(d),  # a change while the worker built
        lambda d: d.reindex(),  # a merge from another process
    ):
        doc = doc_with_two()
        snap = doc.groups_snapshot()
        assert snap is not None
        built = Document.build_groups(snap)
        change(doc)
        assert not doc.adopt_groups(built)
        assert _by_index(doc, arts) == _by_scan(doc)  # built here, with the change
