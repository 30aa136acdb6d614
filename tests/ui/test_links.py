"""reader:// links: from an exported note back to the passage, one window answering."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.anchoring import describe, find_quote
from reader.core.annotations import AddHighlight, Highlight
from reader.ui.links import LinkServer, hand_over, parse, server_name
from tests.ui.test_app_flows import open_article


def test_parse_links() -> None:
    assert parse("reader://highlight/0000AAAA-0000-4000-8000-000000000001") == (
        "highlight",
        "0000aaaa-0000-4000-8000-000000000001",
    )
    assert parse("reader://article/735131be3cbd5735/") == ("article", "735131be3cbd5735")
    for bad in (
        "reader://highlight/",
        "http://x/highlight/1",
        "reader://highlight/a b",
        "reader://x/1",
    ):
        assert parse(bad) is None


def test_a_link_opens_the_article_at_the_highlight(make_window, qtbot: QtBot) -> None:
    win = make_window()
    art = next(a for a in win.model.articles if a.title.startswith("山西省"))
    quote = "骆惠宁指出"
    h = Highlight.new(art.id, describe(art.text, *find_quote(art.text, quote)))
    win.edits.apply(AddHighlight(h, art.title))
    open_article(win, "上海市")
    win.links.take(f"reader://highlight/{h.id}")
    assert win.current is not None and win.current.id == art.id
    assert win.panel.list.currentIndex().isValid()
    win.links.take(f"reader://article/{win.model.articles[0].id}")
    assert win.current.id == win.model.articles[0].id


def test_links_before_the_library_loads_wait_for_it(make_window) -> None:
    win = make_window()
    win.links.ready = False
    first = win.model.articles[-1]
    win.links.take(f"reader://article/{first.id}")
    assert win.links.pending
    win.links.library_ready()
    assert not win.links.pending and win.current.id == first.id


def test_a_second_run_hands_its_link_to_the_running_app(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(tmp_path / "store.json")
    got: list[str] = []
    server = LinkServer(name)
    server.received.connect(got.append)
    assert hand_over(name, ["reader://article/735131be3cbd5735"])
    qtbot.waitUntil(lambda: got == ["reader://article/735131be3cbd5735"], timeout=3000)
    assert not hand_over(server_name(tmp_path / "other.json"), ["x"], timeout_ms=200)
