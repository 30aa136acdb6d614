"""Each cleaning concern on small page-text dumps written for the purpose."""

from __future__ import annotations

from tests.core.helpers import P1, P2, P3, body, clean_text, reasons


def dump(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_plain_article_keeps_every_paragraph_as_its_own_block() -> None:
    a = clean_text(dump("一个标题", P1, P2, P3))
    assert a.title == "一个标题"
    assert [b.text for b in a.blocks] == [P1, P2, P3]
    assert a.date is None and a.time is None


def test_breadcrumb_is_removed() -> None:
    a = clean_text(dump("您的位置：首页 > 新闻 > 正文", "标题", P1, P2))
    assert "首页" not in body(a) and a.title == "标题"
    assert "breadcrumb trail" in reasons(a)


def test_breadcrumb_without_label() -> None:
    a = clean_text(dump("首页 > 国内新闻 > 社会", "标题", P1, P2))
    assert "国内新闻" not in body(a)


def test_settings_chrome_before_the_title() -> None:
    a = clean_text(
        dump("设置", "  • 日夜间", "    随系统", "    浅色", "    深色", "标题在这里", P1)
    )
    assert a.title == "标题在这里"
    assert "浅色" not in body(a) and "site chrome" in reasons(a)


def test_date_and_source_line_become_metadata() -> None:
    a = clean_text(dump("标题", "2023-08-30 14:35     某某新闻网", P1, P2))
    assert (a.date, a.time, a.source) == ("2023-08-30", "14:35", "某某新闻网")
    assert "2023-08-30" not in body(a)


def test_labelled_empty_date_line_gives_no_date() -> None:
    a = clean_text(dump("标题", "发布时间: 来源: 某发布", P1, P2))
    assert a.date is None and a.source == "某发布"


def test_day_first_date_line() -> None:
    a = clean_text(dump("标题", "17.10.2018  06:24", P1))
    assert (a.date, a.time) == ("2018-10-17", "06:24")


def test_date_in_body_text_is_never_taken() -> None:
    a = clean_text(dump("标题", "2019年5月4日，会议在北京召开，" + P1, P2))
    assert a.date is None


def test_reaction_widget_and_related_list_and_everything_after() -> None:
    a = clean_text(
        dump(
            "标题",
            P1,
            P2,
            "• 微笑",
            "• 流汗",
            "• 难过",
            "相关文章",
            "另一篇文章的标题",
            "  • 1/3",
            "又一篇文章，这里有一些描述文字，看起来像正文但只是推荐。",
            "新闻排行",
        )
    )
    assert [b.text for b in a.blocks] == [P1, P2]
    assert {"reaction widget", "related-articles list and what follows"} <= reasons(a)


def test_hot_list_with_teasers_is_cut() -> None:
    a = clean_text(
        dump(
            "标题",
            P1,
            P2,
            "热门资讯",
            "  • 某条热门新闻",
            "    " + P3[:40],
            "推荐资讯",
            "  • 日榜",
            "  • 周榜",
        )
    )
    assert [b.text for b in a.blocks] == [P1, P2]


def test_prev_next_permalink_disclaimer() -> None:
    a = clean_text(
        dump(
            "标题",
            P1,
            P2,
            "本文链接:标题http://www.example.com/show-1.html",
            "声明:本网站为非营利性网站,本网页内容由互联网博主自发贡献,不代表本站观点。",
            "上一篇: 别的文章",
            "下一篇: 又一篇",
        )
    )
    assert [b.text for b in a.blocks] == [P1, P2]
    assert {"permalink", "site disclaimer", "previous/next link"} <= reasons(a)


def test_ranking_tabs_and_code_fragments() -> None:
    a = clean_text(
        dump(
            "标题",
            P1,
            "日榜 周榜 月榜",
            P2,
            "70 2580351",
            '");',
            "var x = document.getElementById('a');",
        )
    )
    assert [b.text for b in a.blocks] == [P1, P2]
    assert {"ranking tabs", "code or counter fragment"} <= reasons(a)


def test_editor_credit_lines_become_metadata() -> None:
    a = clean_text(dump("标题", P1, P2, "【责编:高潮】"))
    assert a.author == "高潮" and "高潮" not in body(a)
    b = clean_text(dump("标题", P1, "责任编辑：王翔"))
    assert b.author == "王翔"


def test_an_interviewers_question_is_not_a_credit_line() -> None:
    # "记者：" opens the reporter's questions in an interview, and a credit
    q1 = "记者：你通过什么渠道最快地获取这些信息？"
    q2 = "记者：据你了解，农民通过什么渠道来获取农业政策、农机之类的信息？"
    a = clean_text(dump("标题", "记者：王建宏 张文攀", P1, q1, P2, q2, P3))
    assert [b.text for b in a.blocks] == [P1, q1, P2, q2, P3]
    assert a.author == "王建宏 张文攀"


def test_a_reporters_line_without_a_colon_is_a_credit() -> None:
    a = clean_text(dump("标题", "光明日报记者 王建宏 张文攀", P1, "本报记者在乌鲁木齐采访", P2))
    assert [b.text for b in a.blocks] == [P1, "本报记者在乌鲁木齐采访", P2]
    assert a.author == "王建宏 张文攀"


def test_a_sites_mandated_footer_lines_are_not_the_article() -> None:
    footer = [
        "云南省互联网违法和不良信息举报电话：0871-64166935；举报邮箱： jubao@yunnan.cn",
        "互联网新闻信息服务许可证编号：53120170001",
    ]
    a = clean_text(dump("标题", P1, P2, *footer))
    assert [b.text for b in a.blocks] == [P1, P2]


def test_author_credit_glued_to_last_paragraph() -> None:
    a = clean_text(dump("标题", P1, P2 + "(文/刘翔)"))
    assert a.author == "刘翔"
    assert a.blocks[-1].text == P2


def test_author_line_preferred_over_editor() -> None:
    a = clean_text(dump("标题", "作者：张三", P1, "责任编辑：李四"))
    assert a.author == "张三"


def test_suffix_watermark_removed_everywhere() -> None:
    mark = "XX资讯——每天看点新闻WWW.EXAMPLE.COM"
    a = clean_text(dump("标题", P1 + mark, "小标题" + mark, P2 + mark, P3 + mark))
    assert mark not in body(a)
    assert [b.text for b in a.blocks] == [P1, "小标题", P2, P3]
    assert any(r.reason.startswith("repeated watermark") and r.text == mark for r in a.removed)


def test_prefix_watermark() -> None:
    mark = "【转自某某网 www.x.cn】"
    a = clean_text(dump("标题", mark + P1, mark + P2, mark + P3))
    assert [b.text for b in a.blocks] == [P1, P2, P3]


def test_infix_watermark() -> None:
    mark = "【本内容来自互联网，转载请注明出处，谢谢合作】"  # a unit of its own, mid-sentence
    paras = [P1[:20] + mark + P1[20:], P2[:15] + mark + P2[15:], P3[:30] + mark + P3[30:]]
    a = clean_text(dump("标题", *paras))
    assert [b.text for b in a.blocks] == [P1, P2, P3]
    assert all(r.where == "inline" for r in a.removed if r.reason.startswith("repeated"))


def test_infix_between_sentences_is_a_watermark() -> None:
    mark = "本内容来自互联网转载请注明出处谢谢合作"
    cut = [P1.index("，") + 1, P2.index("，") + 1, P3.index("，") + 1]
    paras = [p[:i] + "。" + mark + p[i:] for p, i in zip((P1, P2, P3), cut, strict=True)]
    a = clean_text(dump("标题", *paras))
    assert mark not in body(a)


def test_a_long_name_repeated_inside_sentences_is_kept() -> None:
    name = (
        "新疆维吾尔自治区党委统战部干部培训中心"  # sixteen characters and more, in every paragraph
    )
    paras = [P1[:20] + name + P1[20:], P2[:15] + name + P2[15:], P3[:30] + name + P3[30:]]
    a = clean_text(dump("标题", *paras))
    assert [b.text for b in a.blocks] == paras


EN = [
    "Samsung said on Tuesday that its new phone would ship in March, ahead of rivals.",
    "Samsung also reported a drop in profit, citing weak demand for memory chips.",
    "Samsung shares rose 2 percent in Seoul after the announcement, analysts said.",
    "Samsung declined to comment on the report about its plans for a foldable tablet.",
]


def test_a_name_opening_many_sentences_is_not_a_watermark() -> None:
    a = clean_text(dump("Samsung phones", *EN))
    assert [b.text for b in a.blocks] == EN


def test_a_mark_is_never_cut_out_of_a_word() -> None:
    word = "Nachrichtendienst"
    paras = [f"Der {word} meldete am Montag neue Zahlen, sagte ein Sprecher {i}." for i in range(5)]
    paras = [p.replace(word, word, 1) + " Der Bundesnachrichtendienst widersprach." for p in paras]
    a = clean_text(dump("Titel", *paras))
    assert all(word in b.text for b in a.blocks)


def test_an_english_suffix_mark_after_the_last_sentence_goes() -> None:
    mark = "Read more news at SpamSite dot example"
    paras = [p + " " + mark for p in EN]
    a = clean_text(dump("Samsung phones", *paras))
    assert [b.text for b in a.blocks] == EN


def test_repeated_phrase_in_real_text_is_not_a_watermark() -> None:
    phrase = "第二次中央新疆工作座谈会"
    paras = [
        phrase + "召开以来，" + P1,
        "自" + phrase + "以后，" + P2,
        "学习" + phrase + "精神，" + P3,
    ]
    a = clean_text(dump("标题", *paras))
    assert [b.text for b in a.blocks] == paras


def test_library_watermark_applies_to_a_single_occurrence() -> None:
    mark = "某某速刷资讯——每天刷点最新资讯"
    a = clean_text(dump("标题", P1 + mark, P2), library_marks=(mark,))
    assert [b.text for b in a.blocks] == [P1, P2]


def test_collapsed_paragraphs_are_split() -> None:
    line = P1 + "   " + P2 + "\u3000\u3000" + P3
    a = clean_text(dump("标题", line))
    assert [b.text for b in a.blocks] == [P1, P2, P3]


def test_nbsp_runs_split_but_dateline_gap_does_not() -> None:
    a = clean_text(dump("标题", P1 + "\xa0\xa0\xa0" + P2))
    assert [b.text for b in a.blocks] == [P1, P2]
    b = clean_text(dump("标题", "新华社讯\xa0\xa0" + P1))
    assert len(b.blocks) == 1


def test_short_line_between_paragraphs_is_a_heading() -> None:
    a = clean_text(
        dump("标题", P1, "新观念引领新风尚", P2, "1. 对口援疆是国家战略,必须长期坚持。", P3)
    )
    types = [(b.type, b.text) for b in a.blocks]
    assert types == [
        ("paragraph", P1),
        ("heading", "新观念引领新风尚"),
        ("paragraph", P2),
        ("heading", "1. 对口援疆是国家战略,必须长期坚持。"),
        ("paragraph", P3),
    ]


def test_short_sentence_is_not_a_heading() -> None:
    a = clean_text(dump("标题", P1, "这是一句短话。", P2))
    assert a.blocks[1].type == "paragraph"


def test_compilation_is_split_into_sections_without_preamble() -> None:
    a = clean_text(
        dump(
            "工作总结(精选3篇)",
            "网友 分享 时间:",
            "【参考阅览】此篇精品资料由网友整理分享，轻松写作尽在某范文网，喜欢就复制下载支持吧！",
            "工作总结篇1",
            P1,
            "工作总结篇2",
            P2,
            "工作总结篇3",
            P3,
        )
    )
    assert a.title == "工作总结(精选3篇)"
    assert [(b.type, b.text) for b in a.blocks] == [
        ("heading", "工作总结篇1"),
        ("paragraph", P1),
        ("heading", "工作总结篇2"),
        ("paragraph", P2),
        ("heading", "工作总结篇3"),
        ("paragraph", P3),
    ]
    assert "preamble of a compilation page" in reasons(a)


def test_chinese_numbered_compilation() -> None:
    a = clean_text(dump("心得体会", "第一篇", P1, "第二篇", P2))
    assert [b.type for b in a.blocks] == ["heading", "paragraph", "heading", "paragraph"]


def test_every_removal_has_a_reason_and_nothing_is_invented() -> None:
    src = dump("您的位置：首页 > 新闻", "标题", "2020-01-02 来源：某报", P1, P2, "相关阅读", "别的")
    a = clean_text(src)
    assert all(r.reason and r.text for r in a.removed)
    for b in a.blocks:
        assert b.text in src


def test_front_matter_metadata() -> None:
    src = (
        "---\ntitle: '前置标题'\nauthor: 某作者\ndate: Mon, 13 Sep 2021 12:02:28 GMT\ncategories:\n - 新闻\n---\n"
        + P1
        + "\n"
    )
    a = clean_text(src)
    assert (a.title, a.author, a.date, a.time) == ("前置标题", "某作者", "2021-09-13", "12:02")
    assert a.categories == ("新闻",)


def test_language_detection() -> None:
    assert clean_text(dump("标题", P1)).language == "zh-Hans"
    assert (
        clean_text(
            dump(
                "標題",
                "這是一個關於新疆的報導，我們的記者在現場採訪了許多人，他們說這個項目對當地發展很重要。",
            )
        ).language
        == "zh-Hant"
    )
    assert (
        clean_text(
            dump(
                "A title", "This is an English paragraph, with enough words to count as prose here."
            )
        ).language
        == "en"
    )


def test_a_paragraph_that_ends_in_a_disclaimer_phrase_is_the_articles() -> None:
    tail = "转载请注明出处。"
    a = clean_text(dump("标题", P1 + tail, P2, P3))
    assert [b.text for b in a.blocks][0] == P1 + tail
    # a line that is all disclaimer goes
    b = clean_text(dump("标题", P1, P2, P3, "声明：本站文章不代表本站观点。若有侵权，请联系删除。"))
    assert [x.text for x in b.blocks] == [P1, P2, P3]


def test_a_passage_repeated_after_several_paragraphs_is_the_authors() -> None:
    # two whole sentences at the end of every paragraph: a refrain or a
    # quotation the page repeats, not a slogan glued on
    refrain = (
        "This phase of matter is called quark-gluon plasma.[81] The exact conditions "
        "needed to give rise to it are unknown."
    )
    paras = [
        f"Regarding item {i}, under sufficiently extreme conditions, quarks may become "
        "deconfined and exist as free particles. In the course of asymptotic freedom, the "
        "strong interaction becomes weaker at higher temperatures, and colour confinement "
        f"would be lost in a plasma of freely moving quarks and gluons. {refrain}"
        for i in range(3)
    ]
    a = clean_text(dump("Quarks", *paras))
    assert [b.text for b in a.blocks] == paras
    assert not any(r.reason.startswith("repeated watermark") for r in a.removed)
