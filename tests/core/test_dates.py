"""Publication dates from what a page declares, and never from anything else."""

from __future__ import annotations

import pytest

from tests.core.helpers import clean_text


def _date(html: str) -> str | None:
    return clean_text(html, "page.html").date


def _page(head: str = "", body: str = "") -> str:
    story = "<p>" + "The council met on Tuesday and voted on the plan. " * 6 + "</p>"
    return (
        f"<html><head><title>Town votes on the plan</title>{head}</head>"
        f"<body>{body}<article><h1>Town votes on the plan</h1>{story}</article></body></html>"
    )


def test_json_ld_article_date_wins_over_things_it_mentions() -> None:
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"Event","startDate":"2030-01-01","datePublished":"2001-01-01"},'
        '{"@type":"NewsArticle","datePublished":"2021-03-14T09:00:00+01:00"}]}</script>'
    )
    assert _date(_page(head=ld)) == "2021-03-14"


def test_json_ld_that_is_not_valid_json_still_gives_its_date() -> None:
    ld = '<script type="application/ld+json">{"datePublished": "2020-02-18",}</script>'
    assert _date(_page(head=ld)) == "2020-02-18"


def test_an_embedded_videos_upload_date_is_the_videos() -> None:
    # an article with a video in it: the video's JSON-LD says when it was
    # uploaded, the page's own markup when the article was published
    video = (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"VideoObject","name":"Watch now","uploadDate":"2020-09-29T22:40:00-07:00"}'
        "</script>"
    )
    own = '<meta itemprop="datePublished" content="2020-09-30T02:00:07-07:00">'
    assert _date(_page(head=video + own)) == "2020-09-30"
    assert _date(_page(head=video)) == "2020-09-29"  # nothing else says when


def test_meta_published_time_beats_modified_time() -> None:
    head = (
        '<meta property="article:modified_time" content="2022-05-01">'
        '<meta property="article:published_time" content="2022-04-30T10:00:00">'
    )
    assert _date(_page(head=head)) == "2022-04-30"


def test_utc_stamp_takes_the_local_day_the_page_also_declares() -> None:
    head = (
        '<meta property="article:published_time" content="2020-04-28T22:30:00Z">'
        '<meta name="date" content="2020-04-29T00:30:00+02:00">'
    )
    assert _date(_page(head=head)) == "2020-04-29"


def test_time_element_in_the_article() -> None:
    body = ""
    html = _page(body=body).replace("</h1>", '</h1><time datetime="2019-08-06T10:00">6 Aug</time>')
    assert _date(html) == "2019-08-06"


def test_time_in_a_permalink_counts_but_a_link_to_another_page_does_not() -> None:
    own = _page().replace(
        "</h1>", '</h1><a href="/p/1" rel="bookmark"><time datetime="2020-01-20">x</time></a>'
    )
    other = _page().replace("</h1>", '</h1><a href="/p/2"><time datetime="2020-01-20">x</time></a>')
    assert _date(own) == "2020-01-20"
    assert _date(other) is None


def test_dates_in_comments_related_lists_and_footers_are_not_the_page_date() -> None:
    # a list of other stories well above the article, without a label
    body = "".join(f"<p>Story {i}</p><p>2018-01-0{i}</p>" for i in range(1, 5))
    tail = (
        '<div class="sidebar"><span class="date">2018-01-01</span></div>'
        '<ul class="related-posts"><li><time datetime="2018-02-02">2 Feb</time></li></ul>'
        '<div id="comments"><span class="comment-date">3 March 2018</span></div>'
    )
    html = _page(body=body + "<p>Home</p><p>News</p><p>World</p>")
    html = html.replace("</article>", "</article>" + tail)
    html = html.replace("</body>", "<footer>Updated 04.04.2018</footer></body>")
    assert _date(html) is None


def test_the_headlines_own_footer_block_holds_its_date() -> None:
    html = (
        "<html><head><title>Tag des Huhns</title></head><body><article>"
        '<div class="header"><h2 itemprop="headline">Tag des Huhns</h2></div>'
        '<div class="footer"><time itemprop="datePublished" datetime="2022-01-21">21.01.2022'
        "</time></div><p>" + "Seit dem 1. Januar ist vieles anders. " * 8 + "</p>"
        "</article></body></html>"
    )
    assert _date(html) == "2022-01-21"


def test_date_in_the_address() -> None:
    head = '<link rel="canonical" href="https://example.org/2019/10/16/story.html">'
    assert _date(_page(head=head)) == "2019-10-16"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<p class="date">15 августа 2016, 13:43</p>', "2016-08-15"),
        ('<span class="post-date">le 6 août 2019</span>', "2019-08-06"),
        ('<div class="datum">Veröffentlicht am 4. 2. 2022</div>', "2022-02-04"),
        ('<div class="info">发布时间：2020年4月17日</div>', "2020-04-17"),
        ('<span class="byline">By Ann Lee | 31.10.23</span>', "2023-10-31"),
    ],
)
def test_a_date_line_in_several_languages(line: str, expected: str) -> None:
    assert _date(_page().replace("</h1>", "</h1>" + line)) == expected


def test_a_labelled_date_in_the_next_element() -> None:
    credits = (
        '<ul class="credits"><li><p class="title">Mise en ligne</p>'
        '<p class="content">23 mai 2019</p></li></ul>'
    )
    assert _date(_page().replace("</article>", credits + "</article>")) == "2019-05-23"


def test_an_update_label_is_not_a_publication_label() -> None:
    credits = (
        '<p class="x">Updated</p><p class="y">24 May 2019</p>'
        '<p class="x">Published</p><p class="y">20 May 2019</p>'
    )
    assert _date(_page().replace("</article>", credits + "</article>")) == "2019-05-20"


def test_a_date_line_just_above_the_headline() -> None:
    html = _page().replace("<h1>", '<p class="subline">21. Jan 2022 // Dominik Ricker</p><h1>')
    assert _date(html) == "2022-01-21"


def test_a_masthead_h1_leaves_the_headline_to_an_h2() -> None:
    html = (
        "<html><head><title>Gedenktag in Köln</title></head><body>"
        "<h1><i>L-Mag</i></h1><h2>Gedenktag in Köln</h2><p>Von Claudia Lindner</p>"
        "<p>27.1.2022 - " + "Bei der Erinnerung an die Verfolgten. " * 6 + "</p></body></html>"
    )
    assert _date(html) == "2022-01-27"


@pytest.mark.parametrize(
    "html",
    [
        # no date at all
        _page(),
        # a date in the story is what the story is about, not when it was written
        _page().replace("Tuesday", "Tuesday 12 March 2019"),
        # a copyright year, a future date, an impossible date
        _page(body="<div>© 2019 Example</div>"),
        _page(head='<meta property="article:published_time" content="2999-01-01">'),
        _page(head='<meta property="article:published_time" content="2021-02-30">'),
    ],
)
def test_never_invents_a_date(html: str) -> None:
    assert _date(html) is None


def test_a_dateline_says_only_when() -> None:
    from reader.core.cleaning.dates import dateline

    assert dateline("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC") == (
        "2024-12-06",
        "22:00",
    )
    assert dateline("Updated 1:39 am EST, Wednesday, November 20, 2019") == ("2019-11-20", None)
    assert dateline("Published May 14, 2020 12:10 am") == ("2020-05-14", "00:10")
    assert dateline("On June 25, 2024 the council met") is None  # a sentence
    assert dateline("Dec. 6, 2024 — Reuters") is None  # (a source: not only when)
    # relative times and an "Original" label say when too
    assert dateline("November 19, 2019 / 12:21 PM / Updated 14 hours ago") == (
        "2019-11-19",
        "12:21",
    )
    assert dateline("Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET") == (
        "2019-11-19",
        "08:21",
    )
    assert dateline("Veröffentlicht am 3. März 2020, aktualisiert vor 3 Stunden") == (
        "2020-03-03",
        None,
    )
    assert dateline("November 19, 2019, 14 hours ago, he said") is None
    assert dateline("Publish date: Oct 4, 2018") == ("2018-10-04", None)
    assert dateline("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT") == (
        "2019-11-18",
        "18:54",
    )
    assert dateline("Effective Date: Saturday, July 25, 2020") is None  # a record's field


def test_a_byline_is_names_only() -> None:
    from reader.core.cleaning.metadata import byline

    assert byline("By Stella Kim and Jennifer Jett") == "Stella Kim, Jennifer Jett"
    assert byline("Von Anna Müller") == "Anna Müller"
    assert byline("By Ludwig van Beethoven") == "Ludwig van Beethoven"
    assert byline("By then the council had met") is None
    assert byline("By 2030 the city will grow") is None
    assert byline("By The Associated Press") == "The Associated Press"
    assert byline("By Design") is None and byline("By The Numbers") is None  # kickers
    assert byline("Author: Anna Müller") == "Anna Müller"  # a labelled credit
    assert byline("Autorin: Anna Müller und Jan Berg") == "Anna Müller, Jan Berg"
    assert byline("Author: me") is None
