"""Property tests (hypothesis): the cleaner on arbitrary input, the store on arbitrary operations."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchoring import describe
from reader.core.annotations import (
    AddHighlight,
    DeleteHighlight,
    Document,
    EditHighlight,
    Highlight,
    Operation,
    SetArticle,
    TagArticle,
    dump,
)
from reader.core.cleaning import clean
from reader.core.formats import NotAnArticle, document_from_bytes
from reader.core.store import Store

TEXT = "新疆维吾尔自治区对口支援工作会议在乌鲁木齐召开，各方代表出席会议并讲话。" * 3
ZH = st.text(
    alphabet=st.sampled_from(list("新疆援工作会议，。！？的了在是和 abc123\n\u3000")), max_size=400
)


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _check_invents_nothing(data: bytes, name: str) -> None:
    try:
        doc = document_from_bytes(name, data)
    except NotAnArticle as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    article = clean(doc)
    source = _squash(html.unescape(doc.text))
    for b in article.blocks:
        assert _is_subsequence(_squash(b.text), source), b.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_cleaner_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    _check_invents_nothing(data, "x.txt")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            ZH,
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<div class='nav'>",
                    "</div>",
                    "<br>",
                    "<a href='x'>",
                    "</a>",
                    "<script>",
                    "</script>",
                    "<h2>",
                    "</h2>",
                    "<!--",
                    "-->",
                    "&amp;",
                    "&nbsp;",
                    "<title>",
                    "</title>",
                    "<table><tr><td>",
                    "</td></tr></table>",
                    "<style>",
                    "<",
                ]
            ),
        ),
        max_size=60,
    )
)
def test_cleaner_never_raises_on_arbitrary_html_and_invents_nothing(parts: list[str]) -> None:
    page = "<!DOCTYPE html><html><body>" + "".join(parts) + "</body></html>"
    _check_invents_nothing(page.encode("utf-8"), "x.html")


@settings(max_examples=150, deadline=None)
@given(st.lists(ZH, min_size=1, max_size=20))
def test_cleaner_on_text_dumps_invents_nothing(lines: list[str]) -> None:
    _check_invents_nothing("\n".join(lines).encode("utf-8"), "x.txt")


# -- the store ----------------------------------------------------------------------------


def _ops(draw: st.DrawFn) -> list[Operation]:
    ops: list[Operation] = []
    ids: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["add", "edit", "delete", "tag", "article"]))
        if kind == "add" or not ids:
            s = draw(st.integers(0, len(TEXT) - 10))
            e = draw(st.integers(s + 1, min(len(TEXT), s + 30)))
            h = Highlight.new(
                "a1",
                describe(TEXT, s, e),
                color=draw(st.sampled_from(["yellow", "blue", "#123456"])),
            )
            ids.append(h.id)
            ops.append(AddHighlight(h))
        elif kind == "edit":
            ops.append(
                EditHighlight(
                    draw(st.sampled_from(ids)),
                    note=draw(ZH),
                    tags=draw(st.lists(st.sampled_from(["甲", "乙", "丙"]), max_size=2)),
                )
            )
        elif kind == "delete":
            hid = draw(st.sampled_from(ids))
            ids.remove(hid)
            ops.append(DeleteHighlight(hid))
        elif kind == "tag":
            ops.append(
                TagArticle(
                    draw(st.sampled_from(["a1", "a2"])),
                    draw(st.lists(st.sampled_from(["甲", "乙"]), min_size=1, max_size=2)),
                    remove=draw(st.booleans()),
                )
            )
        else:
            ops.append(SetArticle("a1", read=draw(st.booleans()), note=draw(ZH)))
    return ops


def _state(doc: Document) -> dict:
    return {
        "h": {k: dump(v) for k, v in doc.highlights.items()},
        "a": {k: dump(v) for k, v in doc.articles.items()},
        "t": {k: dump(v) for k, v in doc.tags.items()},
    }


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_store_saves_reloads_and_undoes_any_sequence(tmp_path_factory, data: st.DataObject) -> None:
    path = Path(tmp_path_factory.mktemp("p")) / "store.json"
    store = Store.open(path)
    start = _state(store.doc)
    for op in data.draw(st.composite(lambda draw: _ops(draw))()):
        store.apply(op)
    store.save()
    assert _state(Store.open(path).doc) == _state(store.doc)
    while store.undo() is not None:
        pass
    assert _state(store.doc) == start
    store.save(force=True)
    assert _state(Store.open(path).doc) == start


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_two_writers_merged_keep_every_change_of_each(
    tmp_path_factory, data: st.DataObject
) -> None:
    """Two writers change one store from the same start, with tags on the same
    articles and edits of their own highlights; whoever saves last, the file
    holds every tag either added (and none either removed) and each writer's
    own highlights as that writer left them."""
    path = Path(tmp_path_factory.mktemp("p")) / "store.json"
    Store.open(path).save(force=True)
    a, b = Store.open(path), Store.open(path)
    for op in data.draw(st.composite(lambda draw: _ops(draw))()):
        a.apply(op)
    for op in data.draw(st.composite(lambda draw: _ops(draw))()):
        b.apply(op)
    before = [{k: dump(v) for k, v in w.doc.highlights.items()} for w in (a, b)]
    tags = [{k: set(v.tags) for k, v in w.doc.articles.items()} for w in (a, b)]
    first, second = (a, b) if data.draw(st.booleans()) else (b, a)
    first.save()
    second.save()
    final = Store.open(path).doc
    assert set(final.highlights) == set(before[0]) | set(before[1])
    for state in before:  # each writer's highlights exactly as it left them
        for hid, rec in state.items():
            assert dump(final.highlights[hid]) == rec
    for aid in ("a1", "a2"):
        tags_a, tags_b = tags[0].get(aid, set()), tags[1].get(aid, set())
        got = set(final.articles[aid].tags) if aid in final.articles else set()
        assert got == tags_a | tags_b  # neither had tags at the start: nothing to remove
