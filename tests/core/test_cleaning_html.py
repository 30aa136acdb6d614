"""Main-content extraction from full HTML pages, on small pages written for it."""

from __future__ import annotations

from tests.core.helpers import P1, P2, P3, body, clean_text, reasons

SIDEBAR = "".join(f'<li><a href="/n{i}">侧栏新闻标题第{i}条很长很长</a></li>' for i in range(12))
NAV = '<div class="nav"><a href="/">首页</a><a href="/a">新闻</a><a href="/b">体育</a><a href="/c">财经</a></div>'


def page(content: str, head: str = "", extra: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{NAV}"
        f"<div class='wrap'><div class='main'>{content}</div>"
        f"<div class='sidebar'><h3>热门新闻</h3><ul>{SIDEBAR}</ul></div></div>{extra}"
        "<div class='footer'>版权所有 © 某网站 ICP备12345号</div>"
        "<script>var a = 1; document.write('广告');</script><style>.x{color:red}</style></body></html>"
    )


def test_main_content_found_and_chrome_dropped() -> None:
    html = page(
        f"<h1>会议在乌鲁木齐召开</h1><div class='info'>2023-08-30 14:35 来源：新疆日报</div>"
        f"<div class='article'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        "<div class='share'>分享到：<a>微信</a><a>微博</a></div>",
        head="<title>会议在乌鲁木齐召开_新闻中心_某某网</title>",
    )
    a = clean_text(html, "p.html")
    assert a.title == "会议在乌鲁木齐召开"
    assert [b.text for b in a.blocks] == [P1, P2, P3]
    assert (a.date, a.time, a.source) == ("2023-08-30", "14:35", "新疆日报")
    text = body(a)
    for junk in ("侧栏新闻", "首页", "版权所有", "document.write", "color:red", "微信"):
        assert junk not in text


def test_meta_published_time_wins() -> None:
    html = page(
        f"<p>{P1}</p><p>{P2}</p>",
        head='<meta property="article:published_time" content="2021-09-13T08:00:00+08:00"><title>T</title>',
    )
    a = clean_text(html, "p.html")
    assert (a.date, a.time) == ("2021-09-13", "08:00")


def test_labelled_date_in_post_footer() -> None:
    html = page(
        f"<div class='post'><h2>博文标题</h2><p>{P1}</p><p>{P2}</p><p>发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)</p></div>"
    )
    a = clean_text(html, "p.html")
    assert (a.date, a.time) == ("2004-12-27", "12:40")
    assert "发表于" not in body(a)


def test_no_date_when_page_shows_none() -> None:
    html = page(f"<p>2019年5月4日，{P1}</p><p>{P2}</p>", head="<title>标题</title>")
    a = clean_text(html, "p.html")
    assert a.date is None


def test_title_without_site_suffix() -> None:
    html = page(f"<p>{P1}</p><p>{P2}</p>", head="<title>土豆不“土” 土豆无“土”-某某网</title>")
    assert clean_text(html, "p.html").title == "土豆不“土” 土豆无“土”"


def test_link_heavy_block_inside_content_is_pruned() -> None:
    links = "".join(f'<a href="/r{i}">相关文章标题{i}号很长的</a><br>' for i in range(10))
    html = page(
        f"<div class='content'><p>{P1}</p><p>{P2}</p><div class='related'>{links}</div><p>{P3}</p></div>"
    )
    a = clean_text(html, "p.html")
    assert [b.text for b in a.blocks] == [P1, P2, P3]
    assert any("class/id" in r or "link" in r for r in reasons(a))


def test_br_separated_paragraphs_and_headings() -> None:
    html = page(f"<div id='text'>{P1}<br><br>{P2}<h3>一个小标题</h3>{P3}</div>")
    a = clean_text(html, "p.html")
    assert [(b.type, b.text) for b in a.blocks] == [
        ("paragraph", P1),
        ("paragraph", P2),
        ("heading", "一个小标题"),
        ("paragraph", P3),
    ]


def test_qr_promo_and_editor_in_fragment() -> None:
    frag = (
        "---\ntitle: 片段标题\n---\n<div><p>来源：某某部</p>"
        f"<p>{P1}</p><p>{P2}</p>"
        "<style>.appendQr_wrap{border:1px}</style><div class='appendQr_wrap'><img src='x.png'>"
        "<div>海量资讯、精准解读，尽在某某财经APP</div></div><p class='article-editor'>责任编辑：王翔 </p></div>"
    )
    a = clean_text(frag, "f.txt")
    assert [b.text for b in a.blocks] == [P1, P2]
    assert a.source == "某某部" and a.author == "王翔"


def test_comments_after_the_post_are_not_content() -> None:
    comments = "".join(
        f"<p># re: 博文标题</p><p>2005-12-2{i} 9:19</p><p>写得好，支持一下！{i}</p>"
        for i in range(8)
    )
    html = page(f"<div class='post'><p>{P1}</p><p>{P2}</p></div><h3>评论</h3>{comments}")
    a = clean_text(html, "p.html")
    assert [b.text for b in a.blocks] == [P1, P2]


def test_hidden_elements_are_dropped() -> None:
    html = page(f"<p>{P1}</p><p style='display:none'>隐藏的垃圾文字，不应出现。</p><p>{P2}</p>")
    assert "隐藏" not in body(clean_text(html, "p.html"))


def test_deeply_nested_html_does_not_crash() -> None:
    html = "<html><body>" + "<div>" * 5000 + P1 + "</div>" * 5000 + "</body></html>"
    a = clean_text(html, "deep.html")
    assert isinstance(a.blocks, tuple)


def test_empty_body_gives_no_blocks_not_an_error() -> None:
    a = clean_text("<html><head><title>空</title></head><body></body></html>", "e.html")
    assert a.blocks == () and a.title == "空"


def test_source_indentation_inside_a_paragraph_is_one_space() -> None:
    # pretty-printed markup: a link and a formula on lines of their own in the
    # source are words of the sentence, as the browser shows them
    para = (
        "<p>The council met on Tuesday\n            and voted, as\n            "
        "<a href='/r'>\n                the report\n            </a>\n            "
        "says, when\n            <math><mi>\n              a\n            </mi><mo>\n"
        "              ≠\n            </mo><mn>\n              0\n            </mn></math>"
        "\n            to extend the walk.</p>"
    )
    a = clean_text(page(para + f"<p>{P1}</p><p>{P2}</p>"), "p.html")
    texts = [b.text for b in a.blocks]
    assert (
        "The council met on Tuesday and voted, as the report says, when a ≠ 0 to extend the walk."
        in texts
    )


def test_a_dateline_with_categories_in_the_headline() -> None:
    html = page(
        "<h1>Fans return to the arenas<br><small>02.02.2022 • Association, Press, General</small></h1>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    )
    a = clean_text(html, "p.html")
    assert a.date == "2022-02-02"
    assert [b.text for b in a.blocks] == [P1, P2, P3]


def test_byline_and_dateline_under_the_standfirst_are_metadata() -> None:
    html = page(
        "<h1>Harbour walk to grow</h1><p class='dek'>The council voted to extend the walk, "
        "after years of asking by the residents.</p><p>Dec. 6, 2024, 10:00 PM UTC / Updated "
        "Dec. 7, 2024, 12:43 PM UTC</p><p>By Stella Kim and Jennifer Jett</p>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    )
    a = clean_text(html, "p.html")
    assert (a.date, a.time, a.author) == ("2024-12-06", "22:00", "Stella Kim, Jennifer Jett")
    texts = [b.text for b in a.blocks]
    assert texts[-3:] == [P1, P2, P3] and not any("Stella" in t or "UTC" in t for t in texts)


def test_a_date_among_a_records_fields_is_not_the_page_date() -> None:
    html = page(
        "<h1>MURRAYS MOWING LLC</h1><dl><dt>Type</dt><dd>Limited Liability Company</dd>"
        "<dt>Effective Date</dt><dd>Saturday, July 25, 2020</dd><dt>County</dt><dd>Kent</dd></dl>"
    )
    assert clean_text(html, "p.html").date is None


def test_a_rubys_reading_is_not_part_of_the_text() -> None:
    # furigana over Japanese (pinyin over Chinese): the base text is the text
    html = (
        "<html><head><title>法律</title></head><body><article><h1>法律</h1>"
        "<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの"
        "<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができて、"
        "親が子どもを教育するために、たたいたり蹴ったりする体罰を禁止します。</p>"
        "</article></body></html>"
    )
    text = " ".join(b.text for b in clean_text(html, "page.html").blocks)
    assert text.startswith("子どもへの虐待をなくすための法律ができて")
    assert "こ" not in text.split("子")[1][:1] and "ぎゃくたい" not in text


def test_a_line_that_only_credits_a_picture_is_not_the_text() -> None:
    credits = [
        "(Image: GETTY)",
        "Photo: Radio-Canada / Steve Bruce",
        "Foto: The Nation",
        "Photograph: Paul Ellis/AFP/Getty",
        "图片来源：新华社",
        "Image copyright Getty Images",
        "Фото:",
    ]
    kept = ["Photos: what we saw at the march.", "Image quality matters more than size, he said."]
    html = (
        "<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>"
        + "".join(f"<p>{P1}</p><p>{c}</p>" for c in credits)
        + "".join(f"<p>{k}</p>" for k in kept)
        + f"<p>{P2}</p></article></body></html>"
    )
    a = clean_text(html, "page.html")
    text = body(a)
    assert not any(c in text for c in credits)
    assert all(k in text for k in kept)
    assert "image credit" in reasons(a)


def test_an_advert_slots_label_alone_on_its_line_is_not_the_text() -> None:
    labels = ["Advertisement", "ADVERTISING", "Anzeige", "广告"]
    html = (
        "<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>"
        + "".join(f"<p>{P1}</p><div>{x}</div>" for x in labels)
        + f"<p>{P2}</p><p>Advertisement revenue fell by a tenth, the paper said.</p>"
        "</article></body></html>"
    )
    a = clean_text(html, "page.html")
    assert [b.text for b in a.blocks] == [P1] * 4 + [
        P2,
        "Advertisement revenue fell by a tenth, the paper said.",
    ]
