from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from reader.core.formats import NotAnArticle, document_from_bytes, parse_front_matter, read_document


def test_front_matter_scalars_lists_and_quotes() -> None:
    meta = parse_front_matter(
        "title: 'It''s 标题'\nauthor: \"某人\"\ncategories: \n - 金融\n - 新闻\ntags: [a, b]\ndate: 2021-09-13"
    )
    assert meta["title"] == "It's 标题"
    assert meta["author"] == "某人"
    assert meta["categories"] == ["金融", "新闻"]
    assert meta["tags"] == ["a", "b"]
    assert meta["date"] == "2021-09-13"


def test_front_matter_with_html_body() -> None:
    doc = document_from_bytes(
        "x.md", "\n---\ntitle: T\n---\n<div><p>正文。</p><p>第二段。</p></div>".encode()
    )
    assert doc.meta["title"] == "T" and doc.kind == "html" and not doc.full_page


def test_front_matter_with_text_body() -> None:
    doc = document_from_bytes("x.txt", "---\ntitle: T\n---\n第一段。\n\n第二段。\n".encode())
    assert doc.kind == "text" and doc.body.startswith("第一段")


def test_full_page_is_sniffed_whatever_the_extension(tmp_path: Path) -> None:
    p = tmp_path / "noext"
    p.write_text("<!DOCTYPE html><html><body><p>你好。</p></body></html>", "utf-8")
    doc = read_document(p)
    assert doc.kind == "html" and doc.full_page


def test_html_in_a_txt_file_is_html(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("<p>第一段。</p><p>第二段。</p>", "utf-8")
    assert read_document(p).kind == "html"


def test_plain_text_in_an_html_file_is_text(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text("标题\n\n第一段，正文。\n", "utf-8")
    assert read_document(p).kind == "text"


@pytest.mark.parametrize(
    "data,needle",
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"\x00" * 5000, "NUL"),
        (b"PK\x03\x04" + zlib.compress(b"<html>" * 1000), "ZIP"),
        (b"\x1f\x8b\x08\x00" + b"x" * 50, "gzip"),
    ],
)
def test_not_an_article_has_one_line_reason(data: bytes, needle: str) -> None:
    with pytest.raises(NotAnArticle) as exc:
        document_from_bytes("f", data)
    msg = str(exc.value)
    assert needle in msg and "\n" not in msg


def test_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.html"
    p.write_bytes(b"<p>" + b"a" * 2000 + b"</p>")
    with pytest.raises(NotAnArticle, match="too large"):
        read_document(p, max_bytes=1000)


def test_missing_file_reason(tmp_path: Path) -> None:
    with pytest.raises(NotAnArticle, match="cannot read"):
        read_document(tmp_path / "nope.txt")


def test_mixed_line_endings_are_normalised() -> None:
    doc = document_from_bytes("f.txt", "第一段。\r\n第二段。\r第三段。\n".encode())
    assert doc.text == "第一段。\n第二段。\n第三段。\n"


def test_front_matter_folded_and_literal_scalars() -> None:
    fm = parse_front_matter(
        "title: >-\n  援疆工作\n  新进展\nsummary: |\n  第一行\n  第二行\nurl: https://example.com/a?b=1#c\n"
    )
    assert fm["title"] == "援疆工作 新进展"
    assert fm["summary"] == "第一行\n第二行\n"
    assert fm["url"] == "https://example.com/a?b=1#c"


def test_front_matter_values_stay_text() -> None:
    fm = parse_front_matter("date: 2021-09-13\nid: 007\nflag: yes\ntags:\n  - 援疆\n  - 2021\n")
    assert fm == {"date": "2021-09-13", "id": "007", "flag": "yes", "tags": ["援疆", "2021"]}


def test_front_matter_aliases_are_not_expanded() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    fm = parse_front_matter(bomb + "title: 标题\n")
    assert fm.get("title") == "标题"  # read line by line instead, nothing expanded
    assert all(len(str(v)) < 200 for v in fm.values())


def test_front_matter_that_is_not_yaml_is_read_line_by_line() -> None:
    fm = parse_front_matter("title: 援疆: 新进展\nsource: 新华网\n")
    assert fm == {"title": "援疆: 新进展", "source": "新华网"}
