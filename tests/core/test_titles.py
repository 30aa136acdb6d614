"""Titles: the headline a page shows, a site's name cut only where it is one;
and the chrome lines of copied text that are never a title or an author."""

from __future__ import annotations

import pytest

from reader.core.cleaning.boilerplate import is_nav_bar, is_tool_bar, line_reason
from reader.core.cleaning.titles import strip_site
from tests.core.helpers import P1, P2, P3, clean_text

STORY = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"


def _title(head: str, body: str) -> str:
    html = f"<html><head><meta charset='utf-8'>{head}</head><body>{body}{STORY}</body></html>"
    return clean_text(html, "page.html").title


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("会议在乌鲁木齐召开_新闻中心_某某网", None, None, "会议在乌鲁木齐召开"),
        ("Town votes on the plan | The Daily Bugle", None, None, "Town votes on the plan"),
        ("Town votes on the plan - BBC News", None, "https://www.bbc.co.uk/news/1", "Town votes on the plan"),
        ("Rasende Polizisten - strafprozess.ch", None, None, "Rasende Polizisten"),
        ("援疆干部开展义诊 - 新华网", None, None, "援疆干部开展义诊"),
        ("23.01.2022 - Wierer darf noch jubeln", None, None, "Wierer darf noch jubeln"),
        ("Opinion | The case for a four-day week", None, None, "The case for a four-day week"),
        # a colon, a hyphen or a dash inside a headline is the headline's own
        ("Samsung Galaxy Unpacked: everything announced", None, None, "Samsung Galaxy Unpacked: everything announced"),
        ("1Password generiert Einmal-Passwörter", None, None, "1Password generiert Einmal-Passwörter"),
        ("Lakers hold off OKC 112-107", None, None, "Lakers hold off OKC 112-107"),
        ("Samsung Galaxy Unpacked – everything announced", None, None, "Samsung Galaxy Unpacked – everything announced"),
        # a headline that mentions the site is not the site
        ("Hochauflösende Schneekarten auf Gipfelbuch.ch", "gipfelbuch.ch", None, "Hochauflösende Schneekarten auf Gipfelbuch.ch"),
    ],
)  # fmt: skip
def test_strip_site(title: str, site: str | None, url: str | None, expected: str) -> None:
    assert strip_site(title, site, url) == expected


def test_a_short_dash_tail_is_cut_only_when_nothing_shown_confirms_the_title() -> None:
    assert strip_site("Lorem ipsum dolor sit amet – My website", guess=True) == (
        "Lorem ipsum dolor sit amet"
    )
    assert strip_site("Lorem ipsum dolor sit amet – My website") == (
        "Lorem ipsum dolor sit amet – My website"
    )


def test_the_headline_shown_wins_when_the_title_agrees() -> None:
    head = "<title>Samsung Galaxy Unpacked: everything announced | TechSite</title>"
    body = "<h1>Samsung Galaxy Unpacked: everything announced</h1>"
    assert _title(head, body) == "Samsung Galaxy Unpacked: everything announced"


def test_a_masthead_h1_is_not_the_title() -> None:
    head = "<title>Rasende Polizisten - strafprozess.ch</title>"
    body = "<h1>strafprozess.ch</h1><h2>Rasende Polizisten</h2>"
    assert _title(head, body) == "Rasende Polizisten"


def test_a_kicker_inside_the_h1_is_left_to_the_declared_title() -> None:
    head = '<meta property="og:title" content="Daten von Rheinmetall gehackt">'
    body = "<h1><span>Interne Unterlagen im Netz</span> <span>Daten von Rheinmetall gehackt</span></h1>"
    assert _title(head, body) == "Daten von Rheinmetall gehackt"


def test_a_heading_that_is_the_titles_first_part() -> None:
    head = "<title>On Recent Controversial Events - Bradley M. Kuhn ( Brad ) ( bkuhn )</title>"
    body = "<h1>On Recent Controversial Events</h1>"
    assert _title(head, body) == "On Recent Controversial Events"


@pytest.mark.parametrize(
    "line",
    ["首页 新闻 财经 体育 娱乐 科技 登录 注册", "Home | News | Sport | Weather | Sign in | Search"],
)
def test_navigation_bars(line: str) -> None:
    assert is_nav_bar(line)
    assert line_reason(line) == "navigation bar"


@pytest.mark.parametrize(
    "line",
    [
        "Learn English Fast With These Five Tips",
        "Home Secretary Says Police Need More Powers",
        "习近平 在 新疆 考察 调研",
        "首页 | 新闻 | 援疆",
    ],
)
def test_headlines_are_not_navigation_bars(line: str) -> None:
    assert not is_nav_bar(line)


def test_tool_bars_and_qr_prompts() -> None:
    assert is_tool_bar("【打印本页】【关闭窗口】")
    assert is_tool_bar("【字体：大 中 小】 【打印】 【关闭】")
    assert not is_tool_bar("【新华社】")
    assert not is_tool_bar("【关闭】援疆干部开展义诊")
    assert line_reason("扫一扫在手机打开当前页") is not None


def test_copied_text_with_navigation_tools_and_author_junk() -> None:
    text = "\n".join(
        [
            "首页 新闻 财经 体育 娱乐 科技 登录 注册",
            "当前位置：首页 > 新闻 > 正文",
            "援疆干部在和田开展义诊活动",
            "2023-08-30 14:35 来源：新疆日报 作者：张三 【字体：大 中 小】 【打印】 【关闭】",
            "扫一扫在手机打开当前页",
            P1,
            P2,
            "【打印本页】【关闭窗口】",
        ]
    )
    a = clean_text(text, "copied.txt")
    assert a.title == "援疆干部在和田开展义诊活动"
    assert a.author == "张三"
    assert a.source == "新疆日报"
    assert a.date == "2023-08-30"
    assert [b.text for b in a.blocks] == [P1, P2]


def test_a_headline_broken_over_two_lines_is_taken_whole() -> None:
    head = "<title>内蒙古延续税收优惠政策助企纾困预计4年减负180亿元_某某政府门户网站</title>"
    body = "<div class='t'><p>内蒙古延续税收优惠政策助企纾困</p><p>预计4年减负180亿元</p></div>"
    a = clean_text(
        f"<html><head><meta charset='utf-8'>{head}</head><body>{body}{STORY}</body></html>",
        "page.html",
    )
    assert a.title == "内蒙古延续税收优惠政策助企纾困预计4年减负180亿元"
    assert [b.text for b in a.blocks] == [P1, P2, P3]


def test_a_forum_path_title_keeps_the_post() -> None:
    title = "再就业研究(页 1) - 学术前沿 - 社会学论坛 - powered by Discuz! Archiver"
    assert strip_site(title, guess=True) == "再就业研究(页 1)"
