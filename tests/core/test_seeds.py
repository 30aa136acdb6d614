"""The five real seed pages: titles, dates, every body paragraph, no boilerplate.

The cleaner knows nothing of these pages; the test may (it checks the outcome).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.cleaning.paragraphs import split_collapsed, tidy
from reader.core.library import load_file
from reader.core.pipeline import load_folder

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(prefix + "_*"))


def blocks(a: Article) -> list[str]:
    return [b.text for b in a.blocks]


def source_paragraphs(path: Path, first: int, last: int, drop: str = "") -> list[str]:
    """Body lines ``first..last`` (1-based, inclusive) of a text seed, as paragraphs."""
    lines = path.read_text("utf-8").splitlines()[first - 1 : last]
    out: list[str] = []
    for line in lines:
        if drop:
            line = line.replace(drop, "")
        out += split_collapsed(line)
    return [p for p in out if p]


EXPECTED = {
    "000": ("民政部召开第三次全国民政系统对口支援新疆工作推进会议", "2021-09-13"),
    "001": ("上海市党政代表团来疆考察对接对口支援工作", "2023-08-30"),
    "002": ("第二次中央新疆工作座谈会(优质4篇)", None),
    "003": ("这场会议说,援疆工作这么干!", None),
    "004": ("山西省党政代表团在新疆学习考察", "2018-10-17"),
}

BOILERPLATE = [
    "当前位置",
    "首页 >",
    "微笑",
    "流汗",
    "相关文章",
    "特别关注",
    "新闻排行",
    "【责编",
    "责任编辑",
    "尽在新浪财经APP",
    "NaD速刷",
    "SUSHUAPOS",
    "本文链接",
    "声明:",
    "上一篇",
    "下一篇",
    "热门资讯",
    "推荐资讯",
    "日榜",
    "周榜",
    "月榜",
    "随系统",
    "浅色",
    "深色",
    "主题色",
    "【参考阅览】",
    "2580351",
    '");',
    "网友 分享",
    "(文/刘翔)",
    "17.10.2018",
    "2023-08-30 14:35",
]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_title_and_date(prefix: str) -> None:
    a = load_file(seed(prefix))
    title, date = EXPECTED[prefix]
    assert a.title == title
    assert a.date == date
    assert a.language == "zh-Hans"


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_no_boilerplate_left(prefix: str) -> None:
    text = load_file(seed(prefix)).text
    left = [b for b in BOILERPLATE if b in text]
    assert left == []


def test_000_front_matter_html() -> None:
    a = load_file(seed("000"))
    assert (a.time, a.source) == ("12:02", "中国民政")
    raw = seed("000").read_text("utf-8")
    paras = [
        re.sub(r"<[^>]+>", "", p).strip("\u3000 ")
        for p in re.findall(r"<p cms-style[^>]*>(.*?)</p", raw, re.S)
    ]
    assert paras[0] == "来源：中国民政"
    assert blocks(a) == [tidy(p) for p in paras[1:]]


def test_001_page_dump() -> None:
    a = load_file(seed("001"))
    assert (a.time, a.source, a.author) == ("14:35", "中国发展网", "高潮")
    assert blocks(a) == source_paragraphs(seed("001"), 7, 17)


def test_002_compilation_split_into_six_parts() -> None:
    a = load_file(seed("002"))
    sections = [b.text for b in a.blocks if b.type == "heading" and re.search(r"篇\d$", b.text)]
    assert sections == [f"第二次中央新疆工作座谈会篇{i}" for i in range(1, 7)]
    assert a.blocks[0].text == "第二次中央新疆工作座谈会篇1"
    expected = [p for p in source_paragraphs(seed("002"), 7, 234)]
    assert blocks(a) == expected


def test_003_watermarked_dump() -> None:
    a = load_file(seed("003"))
    assert (a.source, a.author) == ("新疆发布", "刘翔")
    mark = "NaD速刷资讯——每天刷点最新资讯,了解这个世界多一点SUSHUAPOS.COM"
    expected = source_paragraphs(seed("003"), 12, 74, drop=mark)
    expected[-1] = expected[-1].replace("(文/刘翔)", "")
    assert blocks(a) == expected
    headings = [b.text for b in a.blocks if b.type == "heading"]
    assert len(headings) == 7 and headings[0].startswith("1.")


def test_004_dateline_and_subtitle() -> None:
    a = load_file(seed("004"))
    assert a.time == "06:24"
    assert a.blocks[0].type == "heading" and a.blocks[0].text == "陈全国骆惠宁参加有关活动"
    assert blocks(a)[1:] == source_paragraphs(seed("004"), 6, 999)


def test_seed_library_loads_all_five() -> None:
    result = load_folder(SEEDS)
    assert len(result.articles) == 5 and result.failures == []
    assert len({a.id for a in result.articles}) == 5
