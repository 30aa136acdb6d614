"""Write a deterministic benchmark library: ``python tests/benchmarks/make_corpus.py N OUT``.

N articles (default 10,000) in the formats users save — front matter + HTML,
full HTML pages (a third GB18030-encoded, some with no declared charset), and
page-text dumps with site chrome, reaction widgets, related lists and
repeated watermarks — 1 KB to 60 KB each, built by recombining paragraphs of
the seeds and of ../shared/datasets/zh-web-extraction; one in ten in
traditional characters (OpenCC s2t), as Taiwan and Hong Kong sites write. ``--store PATH`` also
writes an annotation store with 20,000 highlights and 2,000 tagged articles.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.core.anchoring import describe  # noqa: E402
from reader.core.annotations import PALETTE, ArticleState, Document, Highlight, Tag  # noqa: E402
from reader.core.library import load_file  # noqa: E402
from reader.core.store import Store  # noqa: E402

DATASET = ROOT.parent / "shared" / "datasets" / "zh-web-extraction" / "cleaned"
CHROME = ["首页", "新闻", "国内", "国际", "财经", "体育", "娱乐", "科技", "教育", "视频"]
TAGS = "援疆 教育 医疗 产业 文化 干部 人才 资金 会议 民生 旅游 农业 就业 基础设施 扶贫".split()


def paragraphs() -> list[str]:
    paras: list[str] = []
    for f in sorted((ROOT / "seeds").iterdir()):
        paras += [b.text for b in load_file(f).blocks if b.type == "paragraph" and len(b.text) > 30]
    if DATASET.is_dir():
        for f in sorted(DATASET.glob("*.txt")):
            text = re.sub(r"<[^>]+>", "\n", f.read_text("utf-8", "replace"))
            paras += [
                p.strip()
                for p in text.split("\n")
                if len(p.strip()) > 30 and re.search(r"[\u4e00-\u9fff]", p)
            ]
    return paras


def body(rng: random.Random, paras: list[str], target: int) -> list[str]:
    out: list[str] = []
    size = 0
    while size < target:
        p = rng.choice(paras)
        out.append(p)
        size += len(p.encode("utf-8"))
    return out


def title_of(rng: random.Random, paras: list[str], i: int) -> str:
    p = rng.choice(paras)
    return re.split(r"[，。！？,.!?；;]", p)[0][:28] + f"（{i}）"


def front_matter_html(rng: random.Random, title: str, ps: list[str], i: int) -> bytes:
    day = f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    head = (
        f"---\ntitle: '{title}'\nauthor: 某某网\ndate: {day}\ncategories:\n - 新闻\n---\n\n<div>\n"
    )
    html = "".join(f"<p>\u3000\u3000{p}</p>\n" for p in ps)
    tail = "<p class='article-editor'>责任编辑：张三</p>\n</div>\n"
    return (head + html + tail).encode("utf-8")


def full_page(rng: random.Random, title: str, ps: list[str], i: int) -> bytes:
    nav = "".join(f'<li><a href="/{c}">{c}</a></li>' for c in CHROME)
    side = "".join(f'<li><a href="/n/{k}">{rng.choice(ps)[:18]}</a></li>' for k in range(12))
    day = f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}"
    enc = "gb18030" if i % 3 == 0 else "utf-8"
    declared = "" if i % 7 == 0 else f'<meta charset="{"gb2312" if enc == "gb18030" else "utf-8"}">'
    page = (
        f"<!DOCTYPE html><html><head>{declared}<title>{title}_新闻中心_某某网</title>"
        "<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement('script'); })();</script>"
        "<style>.nav li{float:left} .content p{text-indent:2em}</style></head><body>"
        f'<div class="nav"><ul>{nav}</ul></div><div class="main"><div class="left">'
        f'<h1>{title}</h1><div class="info">{day} 来源：某某日报 作者：记者</div>'
        '<div class="content">' + "".join(f"<p>{p}</p>" for p in ps) + "</div>"
        '<div class="share">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div></div>'
        f'<div class="right"><h3>热点新闻</h3><ul>{side}</ul></div></div>'
        '<div class="footer">版权所有 © 某某网 京ICP备12345678号</div></body></html>'
    )
    return page.encode(enc, errors="replace")


def text_dump(rng: random.Random, title: str, ps: list[str], i: int) -> bytes:
    mark = "" if i % 4 else f"速读资讯{i % 5}——每天看点新鲜事WWW.EXAMPLE{i % 5}.COM"
    lines = [
        "当前位置:首页 > 新闻 > 正文",
        "",
        title,
        "",
        f"2023-0{1 + i % 9}-1{i % 9} 10:2{i % 10}     某某发展网",
        "",
    ]
    for p in ps:
        lines += [p + mark, ""]
    lines += ["【责编:李四】", "  • 微笑", "  • 流汗", "  • 难过", "相关文章"]
    lines += [f"  • {rng.choice(ps)[:20]}" for _ in range(6)]
    lines += [
        "声明:本网站为非营利性网站,本网页内容由互联网博主自发贡献,不代表本站观点。",
        "上一篇: 某篇",
        "下一篇: 另一篇",
    ]
    return "\n".join(lines).encode("utf-8")


def make(n: int, out: Path, seed: int = 20261123) -> list[Path]:
    import opencc

    to_traditional = opencc.OpenCC("s2t").convert
    rng = random.Random(seed)
    paras = paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        title = title_of(rng, paras, i)
        size = int(min(60_000, max(1_000, rng.lognormvariate(9.3, 0.7))))
        ps = body(rng, paras, int(size * 0.7))
        if i % 10 == 9:  # one in ten from a Taiwan or Hong Kong site: traditional characters
            title, ps = to_traditional(title), [to_traditional(p) for p in ps]
        kind = i % 3
        sub = out / f"{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        if kind == 0:
            p = sub / f"{i:05d}.md"
            p.write_bytes(front_matter_html(rng, title, ps, i))
        elif kind == 1:
            p = sub / (f"{i:05d}.html" if i % 5 else f"{i:05d}")  # some without an extension
            p.write_bytes(full_page(rng, title, ps, i))
        else:
            p = sub / f"{i:05d}.txt"
            p.write_bytes(text_dump(rng, title, ps, i))
        files.append(p)
    return files


def make_store(
    library: Path, store_path: Path, highlights: int = 20_000, tagged: int = 2_000
) -> None:
    """20,000 highlights over the library's articles and 2,000 tagged articles."""
    from reader.core.parallel import clean_paths

    rng = random.Random(7)
    paths = sorted(str(p) for p in library.rglob("*") if p.is_file())
    arts = [a for _, a, _m in clean_paths(paths) if not isinstance(a, str)]
    doc = Document()
    for t in TAGS:
        doc.tags[t] = Tag(
            name=t, color=rng.choice(list(PALETTE)), created="2026-01-01T00:00:00.000Z"
        )
    for a in rng.sample(arts, min(tagged, len(arts))):
        doc.articles[a.id] = ArticleState(
            id=a.id, tags=rng.sample(TAGS, rng.randint(1, 3)), title=a.title
        )
    for _ in range(highlights):
        a = rng.choice(arts)
        text = a.text
        if len(text) < 40:
            continue
        start = rng.randrange(0, len(text) - 30)
        end = start + rng.randint(8, 30)
        h = Highlight.new(
            a.id,
            describe(text, start, end),
            color=rng.choice(list(PALETTE)),
            note="笔记" * rng.randint(0, 6),
            tags=rng.sample(TAGS, rng.randint(0, 2)),
        )
        doc.highlights[h.id] = h
    s = Store(store_path)
    s.doc = doc
    s.save(force=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("out", type=Path)
    ap.add_argument("--store", type=Path)
    args = ap.parse_args()
    files = make(args.n, args.out)
    total = sum(f.stat().st_size for f in files)
    print(f"{len(files)} files, {total / 1e6:.1f} MB in {args.out}")
    if args.store:
        make_store(args.out, args.store)
        print(f"store: {args.store} ({args.store.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
