"""The hostile inputs of issue 14 that are not the store's: odd file names, big
and deep pages, terminal escapes, spreadsheet formulas, XML-breaking
characters, hostile imports. Each case failed before (a traceback, a hang, a
lost article or a live formula); each now has a clear outcome."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from reader.core.anchoring import describe
from reader.core.annotations import AddHighlight, Document, Highlight, TagArticle
from reader.core.cleaning import clean
from reader.core.export import render, select
from reader.core.export.common import safe_name
from reader.core.export.importing import MAX_IMPORT_BYTES, check_depth, parse, plan
from reader.core.formats import document_from_bytes
from reader.core.library import load_file
from reader.core.pipeline import load_folder

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PARA = "援疆工作取得新进展，各方代表出席会议并讲话，会议要求进一步做好对口支援工作。"


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    e = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        env=e,
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- file names and folders ---------------------------------------------------------


def test_a_file_name_that_is_not_utf8_breaks_nothing(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    for f in sorted(SEEDS.iterdir())[:2]:
        shutil.copy(f, lib)
    odd = os.path.join(os.fsencode(lib), b"\xb9\xfa\xbc\xd2.txt")  # GBK bytes, as unzipped
    shutil.copy(sorted(SEEDS.iterdir())[2], odd)
    env = {"READER_STORE": str(tmp_path / "s.json"), "READER_CACHE_DIR": str(tmp_path / "c")}
    for _ in range(2):  # the second run reads the cache and the store it wrote
        out = _cli("list", "--json", "--library", str(lib), env=env)
        assert out.returncode == 0, out.stderr
        rows = [json.loads(line) for line in out.stdout.splitlines()]
        assert len(rows) == 3 and "Traceback" not in out.stderr
        assert any("\\xb9\\xfa" in r["path"] for r in rows)  # shown, not lost


def test_a_cache_folder_that_cannot_be_made_is_no_error(tmp_path: Path) -> None:
    env = {"READER_STORE": str(tmp_path / "s.json"), "READER_CACHE_DIR": "/dev/null/cache"}
    out = _cli("list", "--library", str(SEEDS), env=env)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == 5 and "Traceback" not in out.stderr


# -- big and deep pages ---------------------------------------------------------------


def test_a_one_line_text_file_keeps_its_text_and_gets_a_short_title() -> None:
    line = (PARA * 40_000).replace("。", "，")  # ~1.5 million characters, no line break
    a = clean(document_from_bytes("one.txt", line.encode()))
    assert len(a.title) <= 300
    assert a.char_count == len(line)


def test_a_text_node_over_10_mb_is_read() -> None:
    text = PARA * 160_000  # 6.4 million characters, ~19 MB in UTF-8
    html = f"<html><body><p>{text}</p></body></html>".encode()
    a = clean(document_from_bytes("big.html", html))
    assert a.char_count == len(text)


def test_html_nested_too_deep_is_read_as_plain_text_and_says_so() -> None:
    html = "<html><body>" + "<div>" * 200_000 + PARA + "</div>" * 200_000 + "</body></html>"
    a = clean(document_from_bytes("deep.html", html.encode()))
    assert PARA in a.text
    assert any("nested too deeply" in w for w in a.warnings)


def test_a_page_of_a_million_elements_is_read_as_text_within_bounds() -> None:
    html = "<html><body>" + "<span>字</span>" * 1_000_000 + f"<p>{PARA}</p></body></html>"
    tracemalloc.start()
    try:
        a = clean(document_from_bytes("many.html", html.encode()))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert PARA in a.text and any("elements" in w for w in a.warnings)
    assert peak < 300 * 1024 * 1024, f"{peak / 1e6:.0f} MB"


@pytest.mark.parametrize("encoding", ["utf-32-be", "utf-32-le", "utf-16-be", "utf-16-le"])
def test_utf16_and_utf32_with_a_bom_are_text(encoding: str) -> None:
    bom = "\ufeff".encode(encoding)
    data = bom + f"标题\n\n{PARA}\n".encode(encoding)
    a = clean(document_from_bytes("wide.txt", data))
    assert a.title == "标题" and PARA in a.text


# -- what is printed and exported -----------------------------------------------------


ESCAPES = "\x1b[2J\x1b]52;c;ZXZpbA==\x07\x9b31m"


def test_terminal_escapes_in_pages_and_notes_are_never_printed(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.txt").write_text(f"标题{ESCAPES}标题\n\n{PARA}{ESCAPES}\n", "utf-8")
    env = {"READER_STORE": str(tmp_path / "s.json"), "READER_CACHE_DIR": str(tmp_path / "c")}
    aid = json.loads(_cli("list", "--json", "--library", str(lib), env=env).stdout)["id"]
    hid = _cli(
        "highlight", aid, "--quote", "援疆工作", "--occurrence", "1", "--note", f"笔记{ESCAPES}",
        "--library", str(lib), env=env,
    ).stdout.strip()  # fmt: skip
    assert hid
    for args in (
        ["list"],
        ["list", "--json"],
        ["show", aid],
        ["show", aid, "--json"],
        ["clean", str(lib / "a.txt")],
        ["clean", "--json", str(lib / "a.txt")],
        ["highlights"],
        ["highlights", "--json"],
    ):
        out = _cli(*args, "--library", str(lib), env=env) if args[0] != "clean" else _cli(*args)
        assert out.returncode == 0, (args, out.stderr)
        for stream in (out.stdout, out.stderr):
            assert not any(c in stream for c in "\x1b\x07\x9b"), args
        if "--json" in args:  # and the JSON still says exactly what is there
            for line in out.stdout.splitlines():
                json.loads(line)


def _notes_with(text: str) -> tuple[list, Document]:
    arts = load_folder(SEEDS).articles
    art = arts[0]
    doc = Document()
    h = Highlight.new(art.id, describe(art.text, 0, 6), note=text)
    AddHighlight(h, article_title=art.title).apply(doc)
    TagArticle(art.id, ["标签"]).apply(doc)
    return select(arts, doc), doc


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_never_start_a_formula(formula: str) -> None:
    notes, doc = _notes_with(formula)
    data = render("csv", notes, doc).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    note = rows[1][4]
    assert note == "'" + formula  # shown as the text it is


def test_qdpx_is_well_formed_with_control_characters_in_notes() -> None:
    notes, doc = _notes_with("笔记\x01\x08\x0b 中间 \x1f结尾")
    data = render("qdpx", notes, doc)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ET.fromstring(z.read("project.qde"))  # raises on malformed XML
    texts = [e.text for e in root.iter() if e.tag.endswith("PlainTextContent")]
    assert texts == ["笔记 中间 结尾"]


@pytest.mark.parametrize("title", ["../../etc/x", "..", ". .hidden", "/abs/path", "..\\win"])
def test_export_file_names_are_never_hidden_or_outside(title: str) -> None:
    name = safe_name(title, set())
    assert not name.startswith(".") and "/" not in name and "\\" not in name
    assert ".." not in name


# -- hostile imports -----------------------------------------------------------------


def _w3c(item_count: int, *, prefix: str = "", source: str = "https://x.example/a") -> bytes:
    items = [
        {
            "type": "Annotation",
            "id": f"urn:uuid:00000000-0000-4000-8000-{i:012d}",
            "target": {
                "source": source if i % 2 else f"{source}/{i}",
                "selector": [
                    {"type": "TextQuoteSelector", "exact": f"不在文中的引文{i}", "prefix": prefix}
                ],
            },
        }
        for i in range(item_count)
    ]
    return json.dumps({"type": "AnnotationPage", "items": items}, ensure_ascii=False).encode()


def test_a_megabyte_of_prefix_is_cut_before_any_matching() -> None:
    items = parse(_w3c(3, prefix="前" * 1_000_000))
    op, report = plan(items, load_folder(SEEDS).articles, Document())
    assert report.added == 3
    doc = Document()
    op.apply(doc)
    assert all(len(h.prefix) <= 32 for h in doc.highlights.values())


def test_the_depth_check_copies_nothing() -> None:
    data = b'{"a": "' + b"x" * (40 * 1024 * 1024) + b'"}'
    assert len(data) < MAX_IMPORT_BYTES
    tracemalloc.start()
    try:
        check_depth(data)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024, f"{peak / 1e6:.0f} MB"


def test_unknown_sources_are_located_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """20,000 annotations from unknown pages against the library: each article's
    text is read once (one pass), not once per annotation."""
    from reader.core.article import Article

    arts = load_folder(SEEDS).articles
    reads = {"n": 0}
    real = Article.text

    def counted(self: Article) -> str:
        reads["n"] += 1
        return real.__get__(self)  # type: ignore[attr-defined, no-any-return]

    monkeypatch.setattr(Article, "text", property(counted))
    op, report = plan(parse(_w3c(20_000)), arts, Document())
    assert report.added == 20_000 and report.orphaned == 20_000
    assert reads["n"] <= 3 * len(arts)


def test_a_file_name_that_is_not_utf8_loads_in_the_library(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    odd = os.path.join(os.fsencode(lib), b"\xff\xfe.txt")
    shutil.copy(sorted(SEEDS.iterdir())[0], odd)
    result = load_folder(lib)
    assert len(result.articles) == 1 and not result.failures
    assert load_file(result.articles[0].path).id == result.articles[0].id
