"""Every common way of saving a page opens as the page it is: SingleFile pages
with their images inside, MHTML archives, Markdown clippings, UTF-16 files."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from reader.core.cleaning import clean
from reader.core.formats import NotAnArticle, document_from_bytes, read_document
from tests.core.helpers import P1, P2, P3

PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>援疆医疗队开展义诊_新闻中心</title>"
    "<link rel='canonical' href='https://news.example.cn/2023/0830/1.html'></head><body>"
    "<h1>援疆医疗队开展义诊</h1>"
    f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></body></html>"
)


def _blocks(doc: object) -> list[str]:
    return [b.text for b in clean(doc).blocks]  # type: ignore[arg-type]


def test_a_singlefile_page_over_20_mb_is_read_for_its_text(tmp_path: Path) -> None:
    blob = base64.b64encode(b"\x89PNG" + b"\x00\xff" * (11 * 1024 * 1024)).decode()
    html = PAGE.replace("<h1>", f"<img src='data:image/png;base64,{blob}'><h1>")
    p = tmp_path / "singlefile.html"
    p.write_text(html, "utf-8")
    assert p.stat().st_size > 20 * 1024 * 1024
    doc = read_document(p)
    assert doc.size == p.stat().st_size  # (the file's, for change detection)
    a = clean(doc)
    assert a.title == "援疆医疗队开展义诊"
    assert [b.text for b in a.blocks] == [P1, P2, P3]
    assert a.url == "https://news.example.cn/2023/0830/1.html"


def test_a_page_too_large_even_without_its_images_is_refused_with_a_reason(
    tmp_path: Path,
) -> None:
    p = tmp_path / "huge.txt"
    p.write_text("第一段。" * (8 * 1024 * 1024), "utf-8")  # 96 MB of text
    with pytest.raises(NotAnArticle, match="too large.*of text"):
        read_document(p)


def test_a_file_over_200_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    p = tmp_path / "video.html"
    with p.open("wb") as fh:
        fh.truncate(201 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(NotAnArticle, match="too large"):
        read_document(p)


def _mhtml(part_headers: str, payload: bytes) -> bytes:
    b = "----MultipartBoundary--xyz----"
    return (
        (
            "From: <Saved by Blink>\r\n"
            "Snapshot-Content-Location: https://news.example.cn/2023/0830/1.html\r\n"
            "Subject: =?utf-8?Q?x?=\r\n"
            "MIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
            f'\tboundary="{b}"\r\n\r\n\r\n'
            f"--{b}\r\n"
            "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Location: https://news.example.cn/logo.png\r\n\r\n"
            "iVBORw0KGgo=\r\n"
            f"--{b}\r\n{part_headers}\r\n\r\n"
        ).encode()
        + payload
        + f"\r\n--{b}--\r\n".encode()
    )


def test_mhtml_quoted_printable() -> None:
    qp = quopri.encodestring(PAGE.encode("utf-8"))
    data = _mhtml(
        "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://news.example.cn/2023/0830/1.html",
        qp,
    )
    doc = document_from_bytes("page.mhtml", data)
    assert doc.kind == "html"
    assert doc.url == "https://news.example.cn/2023/0830/1.html"
    assert _blocks(doc) == [P1, P2, P3]


def test_mhtml_base64_in_the_charset_its_part_declares() -> None:
    page = PAGE.replace("<meta charset='utf-8'>", "")
    data = _mhtml(
        'Content-Type: text/html; charset="gb18030"\r\nContent-Transfer-Encoding: base64',
        base64.encodebytes(page.encode("gb18030")),
    )
    doc = document_from_bytes("page.mht", data)
    a = clean(doc)
    assert a.title == "援疆医疗队开展义诊"
    assert [b.text for b in a.blocks] == [P1, P2, P3]


def test_mhtml_without_a_page_says_so() -> None:
    data = _mhtml("Content-Type: text/css", b"body{}")
    with pytest.raises(NotAnArticle, match="MHTML"):
        document_from_bytes("style.mhtml", data)


CLIPPING = """---
title: >-
  Folded title
  on two lines
source: "https://example.org/story"
author:
  - "[[Ann Lee]]"
published: 2023-08-30
---
# Folded title on two lines

Some **bold** text and [a link](https://example.org/a), then a
soft break.

![A harbour at dawn](https://example.org/img.jpg)

## Section

- item *one*
- item two

3. third
4. fourth

> A quoted line.

```
def f():
    return 1
```
"""


def test_markdown_clipping_reads_as_text_not_syntax() -> None:
    doc = document_from_bytes("clip.md", CLIPPING.encode())
    assert doc.kind == "markdown"
    a = clean(doc)
    assert a.title == "Folded title on two lines"
    assert a.author == "Ann Lee"
    assert a.date == "2023-08-30"
    assert a.url == "https://example.org/story"
    assert a.source is None  # the address is not the outlet's name
    assert [(b.type, b.text) for b in a.blocks] == [
        ("paragraph", "Some bold text and a link, then a soft break."),
        ("paragraph", "A harbour at dawn"),
        ("heading", "Section"),
        ("paragraph", "• item one"),
        ("paragraph", "• item two"),
        ("paragraph", "3. third"),
        ("paragraph", "4. fourth"),
        ("paragraph", "A quoted line."),
        ("paragraph", "def f():"),
        ("paragraph", "    return 1"),
    ]


def test_markdown_without_its_extension_is_recognised() -> None:
    body = "## Heading\n\nText with [a link](https://x.org) and **bold**.\n\n- a\n- b\n"
    assert document_from_bytes("clip.txt", body.encode()).kind == "markdown"


def test_text_copied_from_a_page_is_not_markdown() -> None:
    body = "Heading\n\n- one\n- two\n\nA paragraph of text, with a comma.\n"
    assert document_from_bytes("copied.txt", body.encode()).kind == "text"


def test_a_blogs_md_file_holding_html_is_html() -> None:
    data = "---\ntitle: T\n---\n<div><p>正文。</p><p>第二段。</p></div>".encode()
    assert document_from_bytes("post.md", data).kind == "html"


def test_cjk_soft_breaks_join_without_a_space() -> None:
    doc = document_from_bytes("c.md", "# 标题\n\n为当地群众\n提供免费医疗服务。\n".encode())
    assert [b.text for b in clean(doc).blocks] == ["为当地群众提供免费医疗服务。"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_a_bom(codec: str) -> None:
    doc = document_from_bytes("p.html", PAGE.encode(codec))
    assert _blocks(doc) == [P1, P2, P3]


def test_front_matter_url_reaches_the_article() -> None:
    data = f"---\ntitle: T\nurl: https://example.org/p\n---\n{P1}\n\n{P2}\n".encode()
    assert clean(document_from_bytes("p.txt", data)).url == "https://example.org/p"
