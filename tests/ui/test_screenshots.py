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
