"""Annotations follow files that move, get re-cleaned, or are edited."""

from __future__ import annotations

import shutil
from pathlib import Path

import msgspec

from reader.core.anchoring import describe, find_quote
from reader.core.annotations import AddHighlight, Highlight, TagArticle, dump
from reader.core.pipeline import load_folder
from reader.core.store import Store
from reader.core.sync import Reconcile

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
QUOTE = "省委省政府把做好对口援疆工作作为重大政治任务"


def shift(h, by: int) -> None:
    """Move a highlight's stored start (a text that changed under it)."""
    h.selector = msgspec.structs.replace(h.selector, start=h.start + by, end=h.end + by)


def setup_library(tmp_path: Path) -> tuple[Path, Store, Highlight]:
    lib = tmp_path / "lib"
    shutil.copytree(SEEDS, lib)
    store = Store.open(tmp_path / "store.json")
    arts = load_folder(lib).articles
    store.apply(Reconcile(arts), undoable=False)
    a = next(a for a in arts if a.title.startswith("山西省"))
    h = Highlight.new(a.id, describe(a.text, *find_quote(a.text, QUOTE)), note="重点")
    store.apply(AddHighlight(h, article_title=a.title))
    store.apply(TagArticle(a.id, ["山西"]))
    store.save()
    return lib, store, h


def reconcile(lib: Path, store: Store) -> Reconcile:
    rec = Reconcile(load_folder(lib).articles)
    store.apply(rec, undoable=False)
    store.save()
    return rec


def test_moved_and_renamed_file_keeps_annotations(tmp_path: Path) -> None:
    lib, store, h = setup_library(tmp_path)
    src = next(lib.glob("004_*"))
    (lib / "sub").mkdir()
    src.rename(lib / "sub" / "renamed.txt")
    rec = reconcile(lib, store)
    assert rec.report.rekeyed == []  # same content, same id
    got = store.doc.highlights[h.id]
    assert got.status == "anchored" and got.exact == QUOTE


def test_edited_file_keeps_annotations_and_anchors(tmp_path: Path) -> None:
    lib, store, h = setup_library(tmp_path)
    f = next(lib.glob("004_*"))
    text = f.read_text("utf-8")
    edited = text.replace("10月14日至16日上午", "10月14日至16日（三天）上午")
    assert edited != text
    f.write_text(edited, "utf-8")
    rec = reconcile(lib, store)
    assert len(rec.report.rekeyed) == 1
    new_id = rec.report.rekeyed[0][1]
    got = Store.open(store.path).doc.highlights[h.id]
    assert got.article == new_id
    assert got.status in ("anchored", "moved") and got.exact == QUOTE
    assert store.doc.articles[new_id].tags == ["山西"]


def test_moved_and_edited_file_is_matched_by_title(tmp_path: Path) -> None:
    lib, store, h = setup_library(tmp_path)
    f = next(lib.glob("004_*"))
    text = f.read_text("utf-8").replace("共投入援疆资金19.39亿元", "共投入援疆资金约19.39亿元")
    f.unlink()
    (lib / "elsewhere.txt").write_text(text, "utf-8")
    rec = reconcile(lib, store)
    assert len(rec.report.rekeyed) == 1
    assert store.doc.highlights[h.id].exact == QUOTE


def test_edit_inside_quote_is_fuzzy_and_quote_gone_is_orphaned(tmp_path: Path) -> None:
    lib, store, h = setup_library(tmp_path)
    f = next(lib.glob("004_*"))
    original = f.read_text("utf-8")
    f.write_text(original.replace("作为重大政治任务", "作为一项重大政治任务"), "utf-8")
    reconcile(lib, store)
    got = store.doc.highlights[h.id]
    assert got.status == "fuzzy" and "一项重大政治任务" in got.exact and got.note == "重点"
    f.write_text(original.replace("省委省政府把做好对口援疆工作作为重大政治任务,", ""), "utf-8")
    reconcile(lib, store)
    got = store.doc.highlights[h.id]
    assert got.status == "orphaned" and got.note == "重点"
    assert h.id in Store.open(store.path).doc.highlights  # never dropped


def test_a_plan_made_earlier_skips_what_changed_meanwhile(tmp_path: Path) -> None:
    """The GUI plans on a worker and applies later: whatever the user changed in
    between stays as the user left it."""
    from reader.core.annotations import DeleteHighlight, EditHighlight
    from reader.core.sync import plan

    lib, store, h = setup_library(tmp_path)
    arts = load_folder(lib).articles
    a = next(x for x in arts if x.id == h.article)
    other = Highlight.new(a.id, describe(a.text, 5, 12))
    store.apply(AddHighlight(other))
    gone = Highlight.new(a.id, describe(a.text, 20, 26))
    store.apply(AddHighlight(gone))
    # every highlight out of place, so the plan re-anchors all three
    for hl in (h, other, gone):
        shift(store.doc.highlights[hl.id], 1)
    p = plan(store.doc, arts)
    assert {hid for hid, *_ in p.anchors} == {h.id, other.id, gone.id}
    # meanwhile: the user moves one highlight and deletes another
    store.apply(EditHighlight(other.id, note="moved by hand"))
    store.doc.touch("highlights", other.id)
    o = store.doc.highlights[other.id]
    o.selector = msgspec.structs.replace(o.selector, start=30, end=34)
    store.apply(DeleteHighlight(gone.id))
    rec = Reconcile(arts, plan=p)
    store.apply(rec, undoable=False)
    assert store.doc.highlights[h.id].exact == QUOTE
    assert (store.doc.highlights[h.id].start, store.doc.highlights[h.id].end) == find_quote(
        a.text, QUOTE
    )
    assert (store.doc.highlights[other.id].start, store.doc.highlights[other.id].end) == (30, 34)
    assert gone.id not in store.doc.highlights  # not brought back
    assert rec.report.changed == 1


def test_planning_on_a_thread_while_the_document_changes(tmp_path: Path) -> None:
    import threading

    from reader.core.annotations import DeleteHighlight
    from reader.core.sync import plan

    lib, store, h = setup_library(tmp_path)
    arts = load_folder(lib).articles
    a = next(x for x in arts if x.id == h.article)
    errors: list[BaseException] = []
    stop = threading.Event()

    def churn() -> None:
        try:
            while not stop.is_set():
                x = Highlight.new(a.id, describe(a.text, 3, 9))
                store.apply(AddHighlight(x))
                store.apply(DeleteHighlight(x.id))
        except BaseException as exc:
            errors.append(exc)

    t = threading.Thread(target=churn)
    t.start()
    try:
        for _ in range(200):
            plan(store.doc, arts)
    finally:
        stop.set()
        t.join()
    assert errors == []


def test_a_plan_applied_in_parts_gives_the_same_document(tmp_path: Path) -> None:
    from reader.core.sync import plan

    lib, store, h = setup_library(tmp_path)
    arts = load_folder(lib).articles
    whole = Store.open(store.path)
    parted = Store.open(store.path)
    for s in (whole, parted):  # a store that has never seen these paths, one quote moved
        s.doc.paths.clear()
        shift(s.doc.highlights[h.id], 1)
        s.doc.articles[h.article].title = ""
    p = plan(whole.doc, arts)
    parts = p.parts(size=2)
    assert len(parts) > 3  # the head, then paths and titles in twos
    whole.apply(Reconcile(arts, plan=p), undoable=False)
    for part in parts:
        parted.apply(Reconcile(arts, plan=part), undoable=False)
    assert parted.doc.paths == whole.doc.paths and len(whole.doc.paths) == 5
    assert dump(parted.doc.highlights[h.id]) == dump(whole.doc.highlights[h.id])
    assert parted.doc.highlights[h.id].exact == QUOTE
    assert parted.doc.articles[h.article].title == whole.doc.articles[h.article].title != ""


def test_plan_reads_the_texts_it_needs_and_no_others(tmp_path: Path) -> None:
    from reader.core.sync import plan

    lib, store, h = setup_library(tmp_path)
    arts = load_folder(lib).articles
    asked: list[list[str]] = []

    def bodies(xs):
        asked.append([a.id for a in xs])
        return {}

    plan(store.doc, arts, bodies=bodies)
    assert asked == [[h.article]]


NEWS = "新闻\n\n{body}\n"
BODY_A = "第一篇新闻的正文，讲的是援疆干部在和田开展工作的情况，内容丰富细致，值得一读。" * 3
BODY_B = "第二篇新闻的正文，讲的是乌鲁木齐召开的经济工作会议，与第一篇毫无关系，另有其事。" * 3


def test_an_absent_article_keeps_its_annotations_from_one_with_the_same_title(
    tmp_path: Path,
) -> None:
    """Two articles titled "新闻"; A (annotated) is away for one command (a moved
    folder, an unmounted drive): its highlight and tags never move to B, and
    are there again when A comes back."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.txt").write_text(NEWS.format(body=BODY_A), "utf-8")
    (lib / "b.txt").write_text(NEWS.format(body=BODY_B), "utf-8")
    store = Store.open(tmp_path / "store.json")
    reconcile(lib, store)
    arts = {a.path.rsplit("/", 1)[1]: a for a in load_folder(lib).articles}
    a, b = arts["a.txt"], arts["b.txt"]
    assert a.title == b.title == "新闻"
    h = Highlight.new(a.id, describe(a.text, 5, 15), note="A 的笔记")
    store.apply(AddHighlight(h, article_title=a.title))
    store.apply(TagArticle(a.id, ["甲"]))
    store.save()
    (lib / "a.txt").rename(tmp_path / "away.txt")
    rec = reconcile(lib, store)
    assert rec.report.rekeyed == []
    assert store.doc.highlights[h.id].article == a.id
    assert b.id not in store.doc.articles or store.doc.articles[b.id].tags == []
    (tmp_path / "away.txt").rename(lib / "a.txt")
    reconcile(lib, store)
    assert store.doc.highlights[h.id].article == a.id
    assert store.doc.highlights[h.id].status == "anchored"
    assert store.doc.articles[a.id].tags == ["甲"]


def test_a_new_file_with_the_same_title_but_other_text_is_not_matched(tmp_path: Path) -> None:
    lib, store, h = setup_library(tmp_path)
    f = next(lib.glob("004_*"))
    title = f.read_text("utf-8").split("\n", 1)[0]
    f.unlink()  # gone, and a different article with the same title appears
    (lib / "other.txt").write_text(f"{title}\n\n{BODY_B}\n", "utf-8")
    rec = reconcile(lib, store)
    assert rec.report.rekeyed == []
    assert store.doc.highlights[h.id].article == h.article  # waits for its own article
