"""Issue 19: corrections of the cleaner, for one article or a whole site."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import msgspec
import pytest

from reader.core import rules
from reader.core.anchoring import describe
from reader.core.annotations import AddHighlight, AnnotationError, Document
from reader.core.article import Article, Block
from reader.core.formats import read_document
from reader.core.pipeline import load_folder
from reader.core.records import Highlight
from reader.core.report import original_lines
from reader.core.sync import CorrectText

DATA = Path(__file__).resolve().parents[1] / "data" / "rules"
HOTLINE = "本网新闻热线：0991-5551234 投稿邮箱见网站底部"


@pytest.fixture()
def library(tmp_path: Path) -> list[Article]:
    d = tmp_path / "lib"
    shutil.copytree(DATA, d)
    (d / "n1.txt").unlink()  # (another site's page, for the app's test)
    return sorted(load_folder(d).articles, key=lambda a: Path(a.path).name)  # o1, s1, s2


def _shown(arts: list[Article], doc: Document) -> list[Article]:
    lines = rules.page_lines()
    return [rules.present(a, doc.rules.values(), None, lines) for a in arts]


def _correct(doc: Document, arts: list[Article], rule, **kw) -> CorrectText:
    """What the app and the CLI do: the articles the rule changes, then one op."""
    before = _shown(arts, doc)
    after_rules = [*doc.rules.values(), rule]
    lines = rules.page_lines()
    changed = [
        b
        for a, old in zip(arts, before, strict=True)
        if (b := rules.present(a, after_rules, None, lines)).text != old.text
        or b.title != old.title
    ]
    op = CorrectText(changed, put=rule, **kw)
    op.apply(doc)
    return op


def _highlight(doc: Document, art: Article, quote: str) -> str:
    start = art.text.index(quote)
    h = Highlight.new(art.id, describe(art.text, start, start + len(quote)))
    AddHighlight(h).apply(doc)
    return h.id


def test_site_of_is_the_host_else_the_source() -> None:
    a = Article("x", "p", "t", None, None, "天山网", None, "zh", (), url=None)
    assert rules.site_of(a) == "天山网"
    b = dataclasses.replace(a, url="https://www.Example.com/news/1.html")
    assert rules.site_of(b) == "example.com"


def test_a_removal_made_on_one_page_cleans_the_sites_other_pages_only(library) -> None:
    o1, s1, s2 = library
    assert all(HOTLINE in a.text for a in library)  # the cleaner kept it everywhere
    doc = Document()
    h_other = _highlight(doc, s2, "惠及群众2万余人")
    rule = rules.new_rule("remove", "line", HOTLINE, site=rules.site_of(s1))
    op = _correct(doc, library, rule)
    o1b, s1b, s2b = _shown(library, doc)
    assert HOTLINE not in s1b.text and HOTLINE not in s2b.text
    assert o1b.text == o1.text  # another site's page: untouched
    # each removal is reported, with the rule that made it
    gone = [r for r in s2b.removed if r.text == HOTLINE]
    assert len(gone) == 1 and rules.reason_rule(gone[0].reason) == rule.id
    assert str(gone[0].reason) == f"your correction: remove the line “{HOTLINE}”"
    # the highlight below the removed line moved with its text: not orphaned
    h = doc.highlights[h_other]
    assert h.status == "moved" and s2b.text[h.start : h.end] == "惠及群众2万余人"
    assert op.report.orphaned == 0
    # undo: the rule is gone and the highlight is exactly where it was
    op.revert(doc)
    assert not doc.rules and doc.highlights[h_other].status == "anchored"
    assert s2.text[doc.highlights[h_other].start : doc.highlights[h_other].end] == "惠及群众2万余人"


def test_starts_and_after_and_heading_rules(library) -> None:
    _o1, s1, _s2 = library
    site = rules.site_of(s1)
    heading = rules.new_rule("paragraph", "starts", "本网新闻热线", site=site)
    fixed = rules.apply(s1, [heading])
    assert [b.type for b in fixed.blocks if b.text == HOTLINE] == ["paragraph"]
    after = rules.new_rule("remove", "after", HOTLINE, site=site)
    cut = rules.apply(s1, [after])
    assert cut.blocks[-1].text.startswith("援疆干部表示") and len(cut.blocks) == 2
    assert {r.text for r in cut.removed} >= {HOTLINE, s1.blocks[-1].text}
    off = msgspec.structs.replace(after, enabled=False)
    assert rules.apply(s1, [off]) is s1  # a disabled rule does nothing


def test_restore_brings_text_back_in_place_and_leaves_other_highlights(library) -> None:
    _o1, s1, _s2 = library
    doc = Document()
    removed = [r.text for r in s1.removed]
    assert "2023-05-11 10:30 来源：天山网" in removed  # the cleaner took it as metadata
    hid = _highlight(doc, s1, "惠及群众1万余人")
    before = doc.highlights[hid].selector
    rule = rules.new_rule("restore", "starts", "2023-05-11", article=s1.id)
    op = _correct(doc, library, rule)
    s1b = _shown(library, doc)[1]
    assert s1b.blocks[0].text == "2023-05-11 10:30 来源：天山网"  # where it stood: first
    assert s1b.blocks[1:] == tuple(s1.blocks)
    h = doc.highlights[hid]
    assert s1b.text[h.start : h.end] == "惠及群众1万余人" and op.report.orphaned == 0
    op.revert(doc)
    assert doc.highlights[hid].selector == before and not doc.rules


def test_a_wrong_title_is_replaced_by_the_headline(library) -> None:
    _o1, s1, _s2 = library
    nav = dataclasses.replace(
        s1, title="首页 新闻 财经", blocks=(Block("heading", "真正的标题"), *s1.blocks)
    )
    rule = rules.new_rule("untitle", "line", "首页 新闻 财经", site=rules.site_of(s1))
    fixed = rules.apply(nav, [rule])
    assert fixed.title == "真正的标题" and tuple(fixed.blocks) == tuple(s1.blocks)
    # no headline to take: the title stays (nothing is made up)
    bare = dataclasses.replace(s1, title="首页 新闻 财经")
    assert rules.apply(bare, [rule]).title == "首页 新闻 财经"


def test_show_original_says_which_rule_removed_what(library) -> None:
    _o1, s1, _s2 = library
    rule = rules.new_rule("remove", "line", HOTLINE, site=rules.site_of(s1))
    fixed = rules.apply(s1, [rule])
    lines = original_lines(read_document(s1.path), fixed)
    hot = next(ln for ln in lines if ln.text.strip() == HOTLINE)
    assert not hot.kept and rules.reason_rule(hot.reason or "") == rule.id


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("remove", "line", "  "), "needs the text"),
        (("restore", "after", "x"), "only a removal"),
    ],
)
def test_bad_rules_are_refused(args, error) -> None:
    with pytest.raises(AnnotationError, match=error):
        rules.new_rule(*args, site="天山网")
    with pytest.raises(AnnotationError, match="one article or for one site"):
        rules.new_rule("remove", "line", "x")


def test_rules_are_kept_merged_and_travel_in_the_w3c_export(tmp_path: Path, library) -> None:
    from reader.core.annotations import PutRule
    from reader.core.export import render, select
    from reader.core.export.importing import parse, plan
    from reader.core.store import Store

    _o1, s1, _s2 = library
    site = rules.site_of(s1)
    path = tmp_path / "s.json"
    a = Store.open(path)
    a.save(force=True)
    b = Store.open(path)  # a second writer (the CLI, another machine)
    mine = rules.new_rule("remove", "line", HOTLINE, site=site)
    theirs = rules.new_rule("heading", "starts", "援疆干部", article=s1.id)
    a.apply(PutRule(mine))
    a.save()
    b.apply(PutRule(theirs))
    b.save()
    doc = Store.open(path).doc
    assert set(doc.rules) == {mine.id, theirs.id}  # neither writer lost the other's
    # exported with the highlights of that site's articles, and imported back
    h = _highlight(doc, s1, "惠及群众1万余人")
    data = json.loads(render("json", select(library, doc), doc))
    assert {r["id"] for r in data["reader:rules"]} == {mine.id, theirs.id}
    empty = Document()
    op, _report = plan(parse(json.dumps(data).encode()), library, empty)
    assert op is not None
    op.apply(empty)
    assert empty.rules == {mine.id: doc.rules[mine.id], theirs.id: doc.rules[theirs.id]}
    assert h in empty.highlights
