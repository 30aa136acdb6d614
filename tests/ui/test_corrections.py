"""Issue 19: correcting the cleaner from Show Original, for an article or a site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from tests.ui.test_app_flows import open_article, select_text

DATA = Path(__file__).resolve().parents[1] / "data" / "rules"
HOTLINE = "本网新闻热线：0991-5551234 投稿邮箱见网站底部"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    d = tmp_path / "library"
    shutil.copytree(DATA, d)
    return d


def _menu_texts(menu) -> list[str]:
    out = []
    for act in menu.actions():
        out.append(act.text())
        if act.menu() is not None:
            out += ["  " + t for t in _menu_texts(act.menu())]
    return out


def _line_pos(win, text: str):
    """Viewport point on the line of Show Original that holds ``text``."""
    doc = win.reader.document()
    block = next(b for b in _blocks(doc) if text in b.text())
    cur = QTextCursor(block)
    return win.reader.cursorRect(cur).center()


def _blocks(doc):
    b = doc.begin()
    while b.isValid():
        yield b
        b = b.next()


def _shown(win, name: str):
    return next(a for a in win.model.articles if Path(a.path).name == name)


def test_a_site_rule_from_show_original_cleans_every_page_and_undo_takes_it_back(
    make_window, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.ui.corrections import RulePreview

    win = make_window()
    qtbot.waitUntil(lambda: not win.tasks.active, timeout=20000)  # (start-up work done)
    open_article(win, "援疆新闻第2篇")
    select_text(win, "惠及群众2万余人")
    win.reading.view.request_highlight("yellow")
    (hid,) = list(win.store.doc.highlights)
    before = win.store.doc.highlights[hid].selector
    win.reading.original_button.setChecked(True)
    assert win.reader.showing_original
    menu = win.reader.context_menu(_line_pos(win, HOTLINE))
    texts = _menu_texts(menu)
    assert "Remove as boilerplate" in texts and "  On every page of 天山网…" in texts
    assert "Make it a paragraph" in texts  # (the cleaner took it for a heading)
    shown = []
    monkeypatch.setattr(RulePreview, "exec", lambda self: shown.append(self) or 1)
    win.reading._correct("remove", "line", HOTLINE, True)
    qtbot.waitUntil(lambda: bool(win.store.doc.rules), timeout=10000)
    # the preview said how many articles, and showed one of them
    assert shown[0].count.text().startswith("It changes 2 article(s).")
    assert f"− {HOTLINE}" in shown[0].preview.toPlainText()
    s1, s2, o1 = _shown(win, "s1.txt"), _shown(win, "s2.txt"), _shown(win, "o1.txt")
    assert HOTLINE not in s1.text and HOTLINE not in s2.text and HOTLINE in o1.text
    h = win.store.doc.highlights[hid]
    assert h.status == "moved" and s2.text[h.start : h.end] == "惠及群众2万余人"
    # still in Show Original, the line now struck with the user's reason
    assert win.reader.showing_original
    plain = win.reader.toPlainText()
    assert f"{HOTLINE}  [removed: your correction: remove the line “{HOTLINE}”]" in plain
    assert (
        "2 article(s) changed; highlights moved 1, approximate 0, orphaned 0" in win.status.text()
    )
    # take it back from the same line's menu: offered, since the user's rule struck it
    texts = _menu_texts(win.reader.context_menu(_line_pos(win, HOTLINE)))
    assert "Take back this correction" in texts
    win.undo()
    assert not win.store.doc.rules
    assert HOTLINE in _shown(win, "s1.txt").text and HOTLINE in _shown(win, "s2.txt").text
    assert win.store.doc.highlights[hid].selector == before
    assert win.store.doc.highlights[hid].status == "anchored"


def test_an_article_correction_and_the_rules_dialog(make_window, qtbot: QtBot) -> None:
    from reader.ui.rules_dialog import RulesDialog

    win = make_window()
    qtbot.waitUntil(lambda: not win.tasks.active, timeout=20000)  # (start-up work done)
    open_article(win, "援疆新闻第1篇")
    win.reading.original_button.setChecked(True)
    win.reading._correct("restore", "line", "2023-05-11 10:30 来源：天山网", False)
    qtbot.waitUntil(lambda: bool(win.store.doc.rules), timeout=10000)
    s1 = _shown(win, "s1.txt")
    assert s1.blocks[0].text == "2023-05-11 10:30 来源：天山网"
    assert "2023-05-12" not in _shown(win, "s2.txt").text  # (only this article)
    dlg = RulesDialog(win.reading.corrections, win)
    assert dlg.tree.topLevelItemCount() == 1
    item = dlg.tree.topLevelItem(0)
    assert item.text(0) == f"“{s1.title}”" and item.text(2) == "on"
    assert item.text(1) == "keep the line “2023-05-11 10:30 来源：天山网”"
    dlg.tree.setCurrentItem(item)
    assert dlg.widen.isEnabled()
    dlg.toggle.click()  # off: the article reads as the cleaner made it
    qtbot.waitUntil(lambda: not next(iter(win.store.doc.rules.values())).enabled, timeout=10000)
    assert _shown(win, "s1.txt").blocks[0].text != "2023-05-11 10:30 来源：天山网"
    assert dlg.tree.topLevelItem(0).text(2) == "off"
    dlg.reject()


def test_a_navigation_bar_title_is_corrected_from_show_original(make_window, qtbot: QtBot) -> None:
    win = make_window()
    qtbot.waitUntil(lambda: not win.tasks.active, timeout=20000)  # (start-up work done)
    open_article(win, "本站首页")  # the cleaner took the navigation bar for the title
    win.reading.original_button.setChecked(True)
    texts = _menu_texts(win.reader.context_menu(_line_pos(win, "本站首页 | 新闻中心")))
    assert "This is not the title" in texts and "Restore as article text" in texts
    win.reading._correct("untitle", "line", "本站首页 | 新闻中心 | 图片", False)
    qtbot.waitUntil(lambda: bool(win.store.doc.rules), timeout=10000)
    n1 = _shown(win, "n1.txt")
    assert n1.title == "援疆干部助力乡村振兴" and n1.blocks[0].text.startswith("近日")
    assert win.current.title == "援疆干部助力乡村振兴"
