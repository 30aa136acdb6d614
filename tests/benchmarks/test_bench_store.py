"""Store load/save with 10,000 articles and 20,000 highlights (targets: 60 ms / 20 ms)."""

from __future__ import annotations

import random
from pathlib import Path

from reader.core.anchoring import Selector
from reader.core.annotations import ArticleState, Document, EditHighlight, Highlight, Tag
from reader.core.store import Store
from tests.benchmarks.common import median_ms, report

WORDS = "援疆 工作 会议 新疆 发展 民生 教育 医疗 产业 文化 干部 人才 项目 资金".split()


def big_store(path: Path, articles: int = 10_000, highlights: int = 20_000) -> None:
    rng = random.Random(0)
    doc = Document()
    ids = [f"{i:016x}" for i in range(articles)]
    for name in WORDS:
        doc.tags[name] = Tag(name=name, color="blue", created="2026-01-01T00:00:00Z")
    for aid in ids[:2000]:
        doc.articles[aid] = ArticleState(
            id=aid, tags=rng.sample(WORDS, 2), read=True, title="某篇文章的标题" * 2
        )
    for _ in range(highlights):
        exact = "".join(
            rng.choice("对口支援新疆工作会议召开各方代表出席") for _ in range(rng.randint(8, 80))
        )
        start = rng.randint(0, 20000)
        h = Highlight.new(
            rng.choice(ids),
            Selector(exact, "前文" * 16, "后文" * 16, start, start + len(exact)),
            note="一条笔记" * rng.randint(0, 10),
            tags=rng.sample(WORDS, rng.randint(0, 2)),
        )
        doc.highlights[h.id] = h
    for i, aid in enumerate(ids):
        doc.paths[f"/home/user/library/articles/{i:05d}.html"] = aid
    s = Store(path)
    s.doc = doc
    s.save(force=True)


def test_store_load_and_save(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    big_store(path)
    size = path.stat().st_size / 1e6
    load = median_ms(lambda: Store.open(path), runs=5)
    s = Store.open(path)
    hid = next(iter(s.doc.highlights))

    def one_change() -> None:
        s.apply(EditHighlight(hid, note="changed"))
        s.save()

    one_change()  # the first save encodes every record once, as a running app has done
    save = median_ms(one_change, runs=7)
    print(f"store file: {size:.1f} MB")
    report("store load (10k articles, 20k highlights)", load, "ms", "<= 60 ms")
    report("store save after one change", save, "ms", "<= 20 ms")
    assert len(s.doc.highlights) == 20_000
