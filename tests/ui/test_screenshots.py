"""Screenshots of the main window, light and dark, with a seed article and highlights.

Every run renders them and checks they are not blank; `make screenshots`
(READER_SCREENSHOTS=DIR) also writes them where the README shows them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from reader.core.anchoring import describe, find_quote
from reader.core.annotations import AddHighlight, Highlight, TagArticle

QUOTES = [
    (
        "对口援疆并非短期政策,而是立足国家整体发展",
        "yellow",
        "**长期**战略，不是阶段性任务",
        ["战略"],
    ),
    ("19个援疆省市持续投入资金、人才、技术等资源", "green", "", ["资金"]),
    ("持续投入资金、人才", "blue", "与上一条重叠", []),
    ("粤伽新梅产业园", "pink", "", ["产业"]),
]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_main_window_screenshot(make_window, qtbot, tmp_path: Path, theme: str) -> None:
    win = make_window(theme)
    win.resize(1400, 860)
    art = next(a for a in win.model.articles if a.title.startswith("这场会议说"))
    win.select_article(art.id)
    last = None
    for q, color, note, tags in QUOTES:
        span = find_quote(art.text, q)
        assert span is not None
        last = Highlight.new(art.id, describe(art.text, *span), color=color, note=note, tags=tags)
        win.apply(AddHighlight(last, art.title))
    win.apply(TagArticle(art.id, ["援疆", "会议"], title=art.title))
    win.panel.select(QUOTES and last.id)
    qtbot.wait(50)
    image: QImage = win.grab().toImage()
    assert image.width() >= 800
    # not blank: many distinct colours, and the highlight yellow is on screen
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 13)
    }
    assert len(colours) > 20
    out_dir = os.environ.get("READER_SCREENSHOTS")
    target = Path(out_dir) if out_dir else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    assert image.save(str(target / f"main-{theme}.png"))
    yellow = QColor("#ffd43b")
    assert any(
        abs(QColor(image.pixel(x, y)).hue() - yellow.hue()) < 8
        and QColor(image.pixel(x, y)).saturation() > 60
        for x in range(400, 1100, 3)
        for y in range(100, 500, 3)
    )


def _save(image: QImage, tmp_path: Path, name: str) -> None:
    out_dir = os.environ.get("READER_SCREENSHOTS")
    target = Path(out_dir) if out_dir else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    assert image.save(str(target / name))


def _not_blank(image: QImage) -> bool:
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 11) for y in range(0, image.height(), 7)
    }
    return len(colours) > 8


def test_the_states_of_issue_18_and_19_screenshots(make_window, qtbot, tmp_path: Path) -> None:
    """Small windows in Chinese and sepia, reading mode, colour meanings, All
    Highlights with several chosen, Article Details (README and closing notes)."""
    from PySide6.QtWidgets import QApplication

    from reader.core.annotations import SetColorMeaning
    from reader.ui.app import install_translations
    from reader.ui.article_details import ArticleDetailsDialog
    from reader.ui.color_meanings import ColorMeaningsDialog

    app = QApplication.instance()
    install_translations(app, "zh_CN")
    try:
        win = make_window("sepia")
        win.resize(800, 600)
        art = next(a for a in win.model.articles if a.title.startswith("这场会议说"))
        win.select_article(art.id)
        for q, color, note, tags in QUOTES:
            h = Highlight.new(
                art.id,
                describe(art.text, *find_quote(art.text, q)),
                color=color,
                note=note,
                tags=tags,
            )
            win.apply(AddHighlight(h, art.title))
        for color, meaning in (("yellow", "观点"), ("green", "证据"), ("blue", "数据")):
            win.apply(SetColorMeaning(color, meaning))
        qtbot.wait(50)
        shots = {"zh-sepia-800x600.png": win.grab().toImage()}
        win.toggle_reading_mode(True)
        qtbot.wait(50)
        shots["reading-mode.png"] = win.grab().toImage()
        win.toggle_reading_mode(False)
        win.resize(1300, 800)
        dlg = ColorMeaningsDialog(win.store, win.edits.apply, win)
        dlg.show()
        qtbot.wait(20)
        shots["colour-meanings.png"] = dlg.grab().toImage()
        dlg.close()
        win.show_all_highlights()
        all_dlg = win._all_dialog
        all_dlg.view.selectAll()
        qtbot.wait(20)
        shots["all-highlights.png"] = all_dlg.grab().toImage()
        all_dlg.close()
        raw = win.library.index.articles[art.id]
        details = ArticleDetailsDialog(raw, {}, win.edits.apply, win)
        details.fields["date"].setText("2024-03-01")
        details.show()
        qtbot.wait(20)
        shots["article-details.png"] = details.grab().toImage()
        details.close()
        for name, image in shots.items():
            assert _not_blank(image), name
            _save(image, tmp_path, name)
    finally:
        install_translations(app, "en")
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale("en_US"))
