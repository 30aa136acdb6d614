from __future__ import annotations

from reader.core.article import Article
from reader.core.cleaning import clean
from reader.core.formats import document_from_bytes


def clean_text(text: str, name: str = "page.txt", **kw: object) -> Article:
    return clean(document_from_bytes(name, text.encode("utf-8")), **kw)  # type: ignore[arg-type]


def body(a: Article) -> str:
    return "\n".join(b.text for b in a.blocks)


def reasons(a: Article) -> set[str]:
    return {r.reason for r in a.removed}


P1 = "第一段正文，讲述了援疆工作的具体情况，内容翔实，数据准确，值得一读。各方代表认真听取了报告。"
P2 = "第二段正文，记者在现场看到，工人们正在紧张施工，一派繁忙景象，项目预计年底完工并投入使用。"
P3 = "第三段正文，当地群众表示，新建的学校和医院让大家的生活更加便利，孩子们上学也不用再走远路了。"
