"""What the structure of a page says is not the article: lists of teasers for
other pages, footers and cookie notices whatever else their classes say,
sidebars by their tag, link spam pushed off the screen; and what it says is
the article even where the words look alike (a list of linked sentences, a
paywalled part)."""

from __future__ import annotations

from tests.core.helpers import clean_text

ARTICLE = [
    "The council met on Tuesday and voted to extend the harbour walk by two miles.",
    "Residents had asked for the extension for years, the mayor said after the vote.",
    "Work is due to start in spring, and the path should open before the summer season.",
]


def _page(inner: str, around: str = "") -> str:
    story = "".join(f"<p>{p}</p>" for p in ARTICLE)
    return (
        "<html><head><title>Harbour walk to grow</title></head><body>"
        f"<article><h1>Harbour walk to grow</h1>{story}{inner}</article>{around}</body></html>"
    )


def _blocks(html: str) -> list[str]:
    return [b.text for b in clean_text(html, "page.html").blocks]


def _teasers(n: int = 6) -> str:
    items = "".join(
        f'<li class="card"><h3><a href="/s/{i}">Another story about town number {i}</a></h3>'
        f'<time>Nov {i}, 2019</time><p class="dek">A line of summary for story {i}, '
        "which reads much like prose does.</p></li>"
        for i in range(n)
    )
    return f'<ul class="river">{items}</ul>'


def test_a_list_of_teasers_after_the_article_is_not_the_article() -> None:
    assert _blocks(_page("", around=_teasers())) == ARTICLE


def test_a_list_of_linked_sentences_in_the_article_is_the_article() -> None:
    # "10 things in tech": each item opens with a linked sentence, then goes on
    items = "".join(
        f"<li><strong><a href='/n/{i}'>Company {i} is investigating its rival.</a></strong> "
        f"The company confirmed it had been contacted on day {i}, a spokesman said.</li>"
        for i in range(6)
    )
    blocks = _blocks(_page(f"<ul>{items}</ul>"))
    assert blocks[:3] == ARTICLE and len(blocks) == 9


def test_footer_and_cookie_notice_lose_even_when_longer_than_a_short_article() -> None:
    legal = (
        '<div class="footer-bottom-text">'
        + "Our customer service center can be contacted with any questions, requests. " * 8
        + "</div>"
        '<div class="cli-modal-content">'
        + "This website uses cookies to improve your experience, as you navigate. " * 8
        + "</div>"
    )
    assert _blocks(_page("", around=legal)) == ARTICLE


def test_a_paywalled_part_is_the_article() -> None:
    more = "<div class='paywall'><p>The plan was approved by seven votes to two, with one abstention.</p></div>"
    assert (
        _blocks(_page(more))[-1]
        == "The plan was approved by seven votes to two, with one abstention."
    )


def test_a_sidebar_of_excerpts_beside_a_short_post() -> None:
    excerpts = "".join(
        f"<p>Sometimes people ask me why this or that thing happens, and today, number {i}, "
        "I want to tell you about another important change we made. […]</p>"
        for i in range(6)
    )
    assert _blocks(_page("", around=f"<aside class='sidebar'>{excerpts}</aside>")) == ARTICLE


def test_link_spam_pushed_off_the_screen_is_dropped() -> None:
    spam = "".join(
        f'<div style="position:absolute; top:0; left:-9999px;"><a href="https://x{i}.example">'
        "Download Premium WordPress Themes Free</a></div>"
        for i in range(8)
    )
    blocks = _blocks(_page(spam))
    assert blocks == ARTICLE


def test_a_data_table_in_the_article_is_read_row_by_row() -> None:
    rows = "".join(
        f"<tr><td><a href='/f/{y}'>Film number {y}</a></td><td>{y}</td><td>Remake</td></tr>"
        for y in range(1990, 1996)
    )
    table = f"<table><tr><th>Title</th><th>Year</th><th>Notes</th></tr>{rows}</table>"
    blocks = _blocks(_page(table))
    assert blocks[:3] == ARTICLE
    assert blocks[3:5] == ["Title | Year | Notes", "Film number 1990 | 1990 | Remake"]
    assert len(blocks) == 3 + 7


def test_a_page_with_nothing_like_an_article_still_shows_its_text() -> None:
    a = clean_text(
        "<html><body><a href='javascript:'><p>abc</p><p>def</p></a></body></html>", "p.html"
    )
    assert [b.text for b in a.blocks] == ["abc", "def"]
    assert any("no article text" in w for w in a.warnings)


def test_code_in_the_article_is_kept_as_written() -> None:
    code = '<pre>var content = "Hello";\n}\n  res.headers.set("Origin", x);</pre>'
    blocks = _blocks(_page(code))
    assert blocks[3:] == ['var content = "Hello";', "}", '  res.headers.set("Origin", x);']


def test_a_signup_form_and_related_posts_are_not_the_article() -> None:
    # (a form that is most of a page is the page: an ASP.NET page is one form)
    form = "<form><p>Get our breaking news alerts in your inbox, for free.</p></form>"
    related = (
        '<div class="jp-relatedposts-post"><p>Another post about the harbour, a while ago, '
        "with its own summary line.</p></div>"
    )
    assert _blocks(_page(form + related)) == ARTICLE


def test_a_section_anchor_naming_a_topic_is_not_a_role() -> None:
    sec = (
        '<div id="sharing-with-multiple-developers-code-review"><h2>Sharing with developers</h2>'
        "<p>When several developers share a repository, each of them amends changesets, "
        "and the tool keeps track of what replaced what.</p></div>"
    )
    assert "Sharing with developers" in _blocks(_page(sec))


def test_a_linked_sentence_in_the_article_stays_but_a_menu_goes() -> None:
    inner = (
        "<p><a href='/review'>Here is our whole Year in Review, with all the numbers!</a></p>"
        "<ul><li><a href='/a'>Home</a></li><li><a href='/b'>News</a></li>"
        "<li><a href='/c'>Sport</a></li><li><a href='/d'>Weather</a></li></ul>"
    )
    blocks = _blocks(_page(inner))
    assert "Here is our whole Year in Review, with all the numbers!" in blocks
    assert "Home" not in blocks and "Weather" not in blocks


def test_reply_threads_are_not_the_article() -> None:
    replies = "".join(
        f'<div class="reply-border"><p class="first-text">I love this idea number {i}, '
        "and I tried it last weekend with some friends of mine, it worked.</p></div>"
        for i in range(3)
    )
    assert _blocks(_page("", around=f'<section class="js_replies">{replies}</section>')) == ARTICLE


def test_a_feed_of_teasers_with_empty_advert_slots_is_not_the_article() -> None:
    # a "latest news" feed beside the article: cards of several kinds, and
    # the empty slots an advert fills at run time
    cards = "".join(
        f'<div class="box-{i}"><a href="/t/{i}"><div class="label">{i} minutes ago</div></a>'
        f'<a href="/t/{i}"><h3>Another story about the town, number {i}</h3>'
        f"<div class='desc'>A few lines of summary for story {i}, which read much like prose "
        "does: the council, the harbour and the people who live along it, all of it told "
        "again in brief.</div></a></div>" + ('<div class="advert"></div>' if i < 2 else "")
        for i in range(3)
    )
    feed = f'<div class="timeline">{cards}</div>'
    assert _blocks(_page("", around=feed)) == ARTICLE


def test_a_caption_inside_a_paragraph_is_a_line_of_its_own() -> None:
    inner = (
        '<p><span class="storyimage"><img src="x.jpg" alt=""><span class="caption">'
        "© Provided by Example Photos</span></span>"
        "The mayor opened the first part of the walk on a windy morning, to applause.</p>"
    )
    blocks = _blocks(_page(inner))
    assert "The mayor opened the first part of the walk on a windy morning, to applause." in blocks


def test_microdata_values_written_as_text_are_not_the_article() -> None:
    data = (
        '<span itemprop="image" itemscope><span itemprop="url">http://example.com/a.jpg</span>'
        '<span itemprop="width">960</span><span itemprop="height">540</span></span>'
        '<span itemprop="publisher">Harbour Desk</span>'
    )
    blocks = _blocks(_page(data))
    assert blocks[:3] == ARTICLE
    assert not any("example.com" in b or "960" in b for b in blocks)


def test_a_list_of_the_authors_sentences_with_links_is_the_article() -> None:
    # a weekly-notes post: each item names who did what, the deed linked
    items = "".join(
        f"<li>{who} <a href='/bug/{i}'>{what}</a>{rest}</li>"
        for i, (who, what, rest) in enumerate(
            [
                ("Gijs", "made the toolbar initialization occur later in the startup window", ""),
                ("Emma", "fixed a performance issue with the screenshots feature", ", and more"),
                ("bigiri has", "a patch to move the shared data map off the old file library", ""),
                ("Dana", "re-enabled the tab animation tests", ""),
                (
                    "mconley fixed",
                    "an asynchronous shutdown hang caused by the home page cache",
                    "",
                ),
            ]
        )
    )
    more = [p.replace("harbour walk", "cycle path") for p in ARTICLE]
    html = _page(f"<h4>Performance</h4><ul>{items}</ul>" + "".join(f"<p>{p}</p>" for p in more))
    blocks = _blocks(html)
    assert "Gijs made the toolbar initialization occur later in the startup window" in blocks
    assert "Dana re-enabled the tab animation tests" in blocks
    assert blocks[-3:] == more


def test_a_listing_of_links_with_names_and_times_is_not_the_article() -> None:
    rows = "".join(
        f"<li><a href='/t/{i}'>topic number {i}</a> user{i} 09:0{i}:51 5/23/06 (no text)</li>"
        for i in range(6)
    )
    blocks = _blocks(_page(f"<ul>{rows}</ul>"))
    assert not any("topic number" in b for b in blocks)


def _feed(n: int, sentences: int) -> str:
    """A news front page's feed: cards with a kicker, a source, a headline
    link and a summary of several sentences."""
    summary = " ".join(
        f"Officials said on day {k} that the work on the district's roads would go on."
        for k in range(sentences)
    )
    items = "".join(
        f'<li class="stream-item"><div class="kicker">World</div><div class="src">Wire</div>'
        f'<h3><a href="/s/{i}">Another story about town number {i}</a></h3><p>{summary}</p></li>'
        for i in range(n)
    )
    return f'<ul class="stream">{items}</ul>'


def test_a_feed_of_cards_with_long_summaries_is_not_the_article() -> None:
    # each card is ~600 characters: a headline and a summary of eight
    # sentences; together they hold more text than the article
    story = "".join(f"<p>{p}</p>" for p in ARTICLE * 4)
    html = (
        "<html><head><title>Harbour walk to grow</title></head><body>"
        f"<article><h1>Harbour walk to grow</h1>{story}</article>"
        f"<div>{_feed(4, 8)}</div></body></html>"
    )
    assert _blocks(html) == ARTICLE * 4


def test_an_article_shown_in_an_overlay_beside_a_feed_is_the_article() -> None:
    # A news site opens the story over its front page: the overlay's class
    # says "modal", the feed beside it holds more text than the story.
    story = "".join(f"<p>{p}</p>" for p in ARTICLE * 6)
    html = (
        "<html><head><title>Harbour walk to grow</title></head><body>"
        f'<div class="front">{_feed(6, 3)}</div>'
        '<div class="render-target-modal"><div class="modal-canvas">'
        f"<article><h1>Harbour walk to grow</h1>{story}</article></div></div></body></html>"
    )
    assert _blocks(html) == ARTICLE * 6


def test_a_cookie_dialog_is_still_not_the_article() -> None:
    dialog = (
        '<div class="modal-dialog"><div class="modal-body">'
        + "<p>We and our partners use cookies to store and access information on your device.</p>"
        * 3
        + "</div></div>"
    )
    blocks = _blocks(_page("", around=dialog))
    assert blocks == ARTICLE


def _gallery(n: int) -> str:
    legends = "".join(
        f"<li><h2><span>{i}/{n}</span> Market news {i}</h2>"
        f"<p>Shares in company {i} rose by a tenth after the results, traders said on the day.</p></li>"
        for i in range(1, n + 1)
    )
    return (
        f'<div class="widget-wrapper type-gallery"><h2>Business news in pictures</h2>'
        f'<ul class="legends">{legends}</ul></div>'
    )


def test_a_gallery_set_between_the_articles_paragraphs_is_not_the_article() -> None:
    # 15 captions of other news: longer than the article, set into it
    first, second, third = ARTICLE
    html = (
        "<html><head><title>Harbour walk to grow</title></head><body><article>"
        f"<h1>Harbour walk to grow</h1><p>{first}</p><p>{second}</p>{_gallery(15)}"
        f"<p>{third}</p></article></body></html>"
    )
    result = clean_text(html, "page.html")
    assert [b.text for b in result.blocks] == ARTICLE
    assert any("Market news 2" in r.text and "gallery" in r.reason for r in result.removed)


def test_a_page_that_is_a_gallery_keeps_its_captions() -> None:
    # an introduction, the pictures, a closing line: the gallery is the article
    for after in ("", f"<p>{ARTICLE[2]}</p>"):
        html = (
            "<html><head><title>Markets in pictures</title></head><body><article>"
            f"<h1>Markets in pictures</h1><p>{ARTICLE[0]}</p>{_gallery(10)}{after}"
            "</article></body></html>"
        )
        text = " ".join(_blocks(html))
        assert "Shares in company 7 rose" in text


def test_a_posts_own_chrome_is_chrome_though_its_name_says_post() -> None:
    # "post-pagination", "entry-share": a word of content, then one of chrome
    inner = (
        '<p class="entry-share-text">Sharing is caring!</p>'
        '<div class="post-pagination"><div><span>previous post</span>'
        '<a href="/a">Save time and money on the trail</a></div>'
        '<div><span>next post</span><a href="/b">Ten snacks for a long walk</a></div></div>'
    )
    html = _page(inner).replace("<article>", '<article class="post-entry entry-content">')
    assert _blocks(html) == ARTICLE


def test_an_element_left_open_in_a_noscript_does_not_swallow_the_page() -> None:
    # a browser running scripts reads a noscript's content as text; the HTML
    # parser parses it, and the open <div> took in the whole article
    story = "".join(f"<p>{p}</p>" for p in ARTICLE * 4)
    html = (
        "<html><head><title>Harbour walk to grow</title></head><body>"
        '<noscript><div id="nojs"></noscript>'
        f"<div><h1>Harbour walk to grow</h1>{story}</div>"
        "<noscript></div></noscript></body></html>"
    )
    assert _blocks(html) == ARTICLE * 4


def test_a_post_of_three_short_lines_is_found_by_its_entry_markup() -> None:
    # so little text that the share buttons inside the post outweigh it; the
    # page marks its entry (hAtom's hentry), and that is taken
    lines = ["„Ich weiß, ich sollte das nicht sagen …“", "– „Dann sag es nicht“", "– „Ok.“"]
    share = "".join(
        f'<li class="share-{n}"><a href="/s/{n}">{n}</a></li>'
        for n in ("Twitter", "Facebook", "LinkedIn", "Pinterest", "Telegram", "WhatsApp")
    )
    html = (
        "<html><head><title>Die Möglichkeit</title></head><body><div id='content'>"
        '<div class="post type-post hentry"><h2><a href="/p">Die Möglichkeit</a></h2>'
        + "".join(f"<p>{t}</p>" for t in lines)
        + f'<div class="sharedaddy"><h3>Teilen mit:</h3><ul>{share}</ul></div></div>'
        '<div class="likes-widget"><div class="likes-text">%d Bloggern gefällt das:</div></div>'
        "</div></body></html>"
    )
    blocks = clean_text(html, "page.html").blocks
    assert [b.text for b in blocks] == lines
    assert all(b.type == "paragraph" for b in blocks)  # lines of text, not subtitles


def test_a_list_of_terms_and_values_is_read_pair_by_pair() -> None:
    # a registry's record: a value alone on a line read as a stray number
    record = (
        "<dl><dt>Company Name</dt><dd>MURRAYS MOWING LLC</dd><dt>Charter #</dt><dd>4513257</dd>"
        "<dt>Document #</dt><dd>202020701296</dd><dt>Type</dt><dd>Limited Liability Company</dd>"
        "</dl>"
    )
    blocks = _blocks(_page(record))
    assert blocks[:3] == ARTICLE
    assert blocks[3:] == [
        "Company Name: MURRAYS MOWING LLC",
        "Charter #: 4513257",
        "Document #: 202020701296",
        "Type: Limited Liability Company",
    ]


def test_a_glossary_of_long_definitions_keeps_its_lines() -> None:
    definition = "A path along the shore, open to walkers and cyclists, kept by the council. " * 2
    glossary = (
        f"<dl><dt>Harbour walk</dt><dd>{definition}</dd><dt>Spring</dt><dd>{definition}</dd></dl>"
    )
    blocks = _blocks(_page(glossary))
    assert "Harbour walk" in blocks and definition.strip() in blocks


def test_a_labelled_author_and_date_in_a_list_are_credits() -> None:
    credits = (
        "<dl><dt>Author:</dt><dd>Practical Horseman Editorial Staff</dd>"
        "<dt>Publish date:</dt><dd>Oct 4, 2018</dd></dl>"
    )
    html = (
        "<html><head><title>Harbour walk to grow</title></head><body><article>"
        "<h1>Harbour walk to grow</h1><p class='dek'>The council's plans for the shore.</p>"
        f"{credits}" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article></body></html>"
    )
    result = clean_text(html, "page.html")
    assert [b.text for b in result.blocks][-3:] == ARTICLE
    assert not any("Author" in b.text or "Publish" in b.text for b in result.blocks)
    assert result.author == "Practical Horseman Editorial Staff"
    assert result.date == "2018-10-04"


def test_a_section_worth_less_than_its_buttons_keeps_its_paragraph() -> None:
    # a chart's page: its one sentence sits among share and download links
    links = "".join(
        f'<a href="/x/{i}">{label}</a> '
        for i, label in enumerate(
            ["Artikel teilen", "Text herunterladen", "Grafik herunterladen", "Facebook", "Twitter"]
            * 4
        )
    )
    sentence = (
        "Weil es zu viele sind und viele nur in wenigen Ländern antreten, "
        "haben wir uns auf die größten beschränkt."
    )
    story = "".join(f"<p>{p}</p>" for p in ARTICLE * 4)
    html = (
        "<html><head><title>Harbour walk to grow</title></head><body><article>"
        f"<h1>Harbour walk to grow</h1>{story}"
        f'<section class="content-article"><div>{links}</div><p>{sentence}</p></section>'
        "</article></body></html>"
    )
    assert _blocks(html) == [*ARTICLE * 4, sentence]


def test_an_article_spread_over_many_children_beats_a_box_above_it() -> None:
    # A Wikipedia article: its prose in a hundred small children, a huge
    # collapsed navigation box among them, a maintenance notice on top.
    notice = (
        '<table class="ambox"><tr><td>'
        + "This article needs additional citations for verification, please help. " * 5
        + "</td></tr></table>"
    )
    sections = "".join(
        f"<h2>Section {i}</h2><p>{ARTICLE[i % 3]}</p><p>{ARTICLE[(i + 1) % 3]}</p>"
        for i in range(12)
    )
    nav = (
        '<div class="NavFrame collapsed">'
        + "".join(f'<a href="/wiki/{i}">Related page number {i}</a> ' for i in range(500))
        + "</div>"
    )
    html = (
        "<html><head><title>Harbour walk</title></head><body><div class='mw-parser-output'>"
        f"{notice}<p>{ARTICLE[0]}</p>{sections[: len(sections) // 2]}{nav}"
        f"{sections[len(sections) // 2 :]}</div></body></html>"
    )
    text = " ".join(_blocks(html))
    assert text.count(ARTICLE[1]) >= 8  # the sections, on both sides of the box
    assert "Related page number" not in text


def test_a_class_that_says_what_a_block_lacks_does_not_name_it() -> None:
    # BuzzFeed's standfirst sits in an item "no_caption": it has no caption
    dek = "The mother of a student has described how her daughter was burning up from within."
    html = _page("").replace(
        "<h1>Harbour walk to grow</h1>",
        f'<h1>Harbour walk to grow</h1><div class="superlist_item no_caption"><h2>{dek}</h2></div>',
    )
    assert _blocks(html)[0] == dek


def test_a_slider_of_captions_beside_the_article_does_not_outweigh_it() -> None:
    # caritas.de: the story in a tab, a photo slider with more text beside it
    slides = "".join(
        f'<div class="slide"><h3>Delegates meeting {i}</h3>'
        f"<p>Delegates from all over the country came to the hall on day {i} of the meeting.</p></div>"
        for i in range(14)
    )
    story = "".join(f"<p>{p}</p>" for p in ARTICLE * 4)
    menu = "".join(f'<a href="/m/{i}">Menu entry number {i}</a> ' for i in range(60))
    html = (
        f"<html><head><title>Harbour walk to grow</title></head><body><nav>{menu}</nav>"
        f'<div class="multimedia"><div class="slider slider-b5b2">{slides}</div></div>'
        f'<div class="tab-content"><div class="article accordion__content">{story}</div></div>'
        f"<footer>{menu}</footer></body></html>"
    )
    assert _blocks(html) == ARTICLE * 4


def test_a_rail_of_teasers_in_a_slider_between_paragraphs_is_an_insert() -> None:
    # The Sun: "Most read" in a swiper, wrapped in a row and a column, its
    # headlines outside links (an empty anchor over each card links it)
    cards = "".join(
        f'<div class="rail__item swiper-slide"><h3>KICKER {i}</h3>'
        f"<span>Another story about town number {i} and what the people there said</span>"
        f'<a href="/s/{i}" class="rail__item-anchor"></a></div>'
        for i in range(8)
    )
    rail = (
        '<div class="sun-row"><div class="col"><div class="rail rail--trending">'
        '<div class="rail__header"><h3>Most read in world news</h3></div>'
        f'<div class="swiper-container"><div class="swiper-wrapper">{cards}</div></div>'
        "</div></div></div>"
    )
    first, second, third = ARTICLE
    html = (
        "<html><head><title>Harbour walk to grow</title></head><body><article>"
        f"<h1>Harbour walk to grow</h1><p>{first}</p><p>{second}</p>{rail}<p>{third}</p>"
        "</article></body></html>"
    )
    assert _blocks(html) == ARTICLE
