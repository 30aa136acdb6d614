"""Issue 19: the user's corrections of an article's metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core import overrides
from reader.core.annotations import AnnotationError, Document, SetArticleMeta
from reader.core.export import render, select
from reader.core.export.importing import parse, plan
from reader.core.pipeline import load_folder
from reader.core.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def articles():
    return load_folder(ROOT / "seeds").articles


def _shanghai(articles):
    return next(a for a in articles if a.title.startswith("上海市"))


def test_a_correction_overrides_the_cleaner_and_undo_takes_it_back(articles) -> None:
    a = _shanghai(articles)
    doc = Document()
    op = SetArticleMeta(a.id, {"title": "  上海代表团\n考察 ", "date": "2023-08-29", "author": ""})
    op.apply(doc)
    fixed = overrides.apply(a, doc.articles[a.id].meta)
    assert (fixed.title, fixed.date, fixed.author, fixed.source) == (
        "上海代表团 考察",  # (spaces and line breaks as one space)
        "2023-08-29",
        None,  # "" = the user says: no author
        a.source,
    )
    assert fixed.text == a.text and fixed.id == a.id  # the text is the cleaner's, untouched
    assert overrides.user_set(doc.articles[a.id].meta) == ["title", "date", "author"]
    op.revert(doc)
    assert not (doc.articles.get(a.id) and doc.articles[a.id].meta)
    SetArticleMeta(a.id, {"date": "2023-08-29"}).apply(doc)
    SetArticleMeta(a.id, {"date": None}).apply(doc)  # back to the cleaner's
    assert overrides.apply(a, doc.articles[a.id].meta).date == a.date


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", "2023-13-01"),
        ("date", "30/08/2023"),
        ("time", "25:00"),
        ("url", "javascript:x"),
        ("colour", "x"),
    ],
)
def test_bad_values_are_refused_with_the_reason(field: str, value: str) -> None:
    with pytest.raises(AnnotationError) as err:
        SetArticleMeta("a", {field: value})
    assert field in str(err.value) or "unknown field" in str(err.value)


def test_a_correction_survives_a_new_cleaner_and_an_export_import(tmp_path: Path, articles) -> None:
    a = _shanghai(articles)
    path = tmp_path / "store" / "s.json"
    path.parent.mkdir()
    s = Store.open(path)
    s.apply(SetArticleMeta(a.id, {"title": "更正的标题", "source": "新疆日报"}))
    s.save()
    # the library cleaned again from scratch (a new cleaner version, no cache): the id
    # comes from the file's text, so the correction still finds its article
    again = load_folder(ROOT / "seeds").articles
    b = next(x for x in again if x.id == a.id)
    st = Store.open(path).doc.articles[a.id]
    assert overrides.apply(b, st.meta).title == "更正的标题"
    notes = select(again, s.doc)
    md = render("md", notes, s.doc).decode()
    assert "# 更正的标题" in md and "新疆日报" in md
    data = json.loads(render("json", notes, s.doc))
    empty = Document()
    op, report = plan(parse(json.dumps(data).encode()), again, empty)
    op.apply(empty)
    assert empty.articles[a.id].meta == {"title": "更正的标题", "source": "新疆日报"}
    # importing it again changes nothing; a correction made here stays
    SetArticleMeta(a.id, {"title": "我的标题"}).apply(empty)
    op2, _ = plan(parse(json.dumps(data).encode()), again, empty)
    assert op2 is None or empty.articles[a.id].meta["title"] == "我的标题"


def test_two_writers_correct_the_same_article(tmp_path: Path) -> None:
    from reader.core.annotations import RestoreConflict

    path = tmp_path / "s.json"
    a = Store.open(path)
    a.save(force=True)
    b = Store.open(path)
    a.apply(SetArticleMeta("x1", {"title": "A's title", "author": "A"}))
    a.save()
    b.apply(SetArticleMeta("x1", {"date": "2020-01-02", "author": "B"}))
    b.save()  # (b is later: its author wins; A's is kept as a conflict)
    doc = Store.open(path).doc
    assert doc.articles["x1"].meta == {"title": "A's title", "date": "2020-01-02", "author": "B"}
    (c,) = doc.conflicts.values()
    assert (c.field, c.kept, c.lost) == ("meta", {"author": "B"}, {"author": "A"})
    RestoreConflict(c.id).apply(doc)
    assert doc.articles["x1"].meta["author"] == "A" and doc.articles["x1"].meta["title"]
