"""Exports per format (golden files), the validators, import round trip and hostile input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import uuid
import zipfile
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from reader.core.anchoring import describe, find_quote
from reader.core.annotations import (
    AddHighlight,
    Document,
    EditHighlight,
    Highlight,
    TagArticle,
    dump,
)
from reader.core.export import ExportError, ExportFilter, load_template, render, run_export, select
from reader.core.export.common import inside, safe_name
from reader.core.export.importing import ImportError_, parse, plan
from reader.core.pipeline import load_folder

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "golden"
VALIDATION = ROOT / "tests" / "data" / "validation"  # (copied from shared/, see its README)
VALIDATOR = VALIDATION / "validate_export.py"
UPDATE = bool(os.environ.get("READER_UPDATE_GOLDEN"))

SPECS = [  # (article title prefix, quote, colour, note, tags)
    ("上海市", "陈吉宁率上海市党政代表团", "yellow", "上海**书记**带队", ["人物", "上海"]),
    ("上海市", "上海市党政代表团来新疆考察", "green", "", ["行程"]),  # overlaps the first
    ("上海市", "马兴瑞代表自治区党委", "blue", "", []),
    ("这场会议说", "对口援疆并非短期政策", "pink", "长期战略\n\n- 要点一\n- 要点二", ["战略"]),
    ("第二次中央", "新观念引领新风尚", "purple", "小标题", []),
    ("第二次中央", "盼望已久的", "orange", "", ["篇6"]),
]


@pytest.fixture(scope="module")
def articles():
    return load_folder(ROOT / "seeds").articles


@pytest.fixture
def doc(articles) -> Document:
    d = Document()
    for i, (prefix, quote, color, note, tags) in enumerate(SPECS):
        a = next(x for x in articles if x.title.startswith(prefix))
        h = Highlight.new(
            a.id, describe(a.text, *find_quote(a.text, quote)), color=color, note=note, tags=tags
        )
        h.id = f"00000000-0000-4000-8000-{i:012d}"
        h.created = h.modified = f"2026-01-0{i + 1}T08:00:00.000Z"
        AddHighlight(h, a.title).apply(d)
    shanghai = next(x for x in articles if x.title.startswith("上海市"))
    TagArticle(shanghai.id, ["援疆", "会议"]).apply(d)
    for t in d.tags.values():
        t.created = "2026-01-01T00:00:00.000Z"
    return d


def golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_bytes(data)
    assert data == path.read_bytes(), (
        f"{name} differs from the golden file (READER_UPDATE_GOLDEN=1 to accept)"
    )


def _portable(data: bytes) -> bytes:
    return data.replace(str(ROOT).encode(), b"<ROOT>")


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "json"])
def test_golden_per_format(fmt: str, articles, doc) -> None:
    data = render(fmt, select(articles, doc), doc)
    golden(f"export.{fmt}", _portable(data))


def test_markdown_content(articles, doc) -> None:
    text = render("md", select(articles, doc), doc).decode("utf-8")
    # reading order, blockquotes with colour and #tags, note below, section headings
    assert text.index("陈吉宁率上海市党政代表团") < text.index("马兴瑞代表自治区党委")
    assert "> — yellow #人物 #上海" in text and "上海**书记**带队" in text
    # each highlight under the section heading it falls in
    assert text.index("## 第二次中央新疆工作座谈会篇6") < text.index("> 盼望已久的")
    assert text.index("## 1. 对口援疆是国家战略") < text.index("> 对口援疆并非短期政策")


def test_markdown_folder_has_front_matter(tmp_path: Path, articles, doc) -> None:
    res = run_export("md", select(articles, doc), doc, tmp_path / "notes", folder=True)
    assert len(res.files) == 3
    text = next(p for p in res.files if p.name.startswith("上海市")).read_text("utf-8")
    assert text.startswith('---\ntitle: "上海市党政代表团来疆考察对接对口支援工作"\n')
    assert 'tags: ["援疆", "会议"]' in text and "article_id: " in text and "path: " in text


def test_user_template(tmp_path: Path, articles, doc) -> None:
    tpl = tmp_path / "t.md"
    tpl.write_text(
        "{{ title }}\n{% for h in highlights %}\n* {{ h.quote }} ({{ h.color }})\n{% endfor %}\n",
        "utf-8",
    )
    text = render(
        "md", select(articles, doc, ExportFilter(colors={"blue"})), doc, load_template(tpl)
    ).decode()
    assert text == "上海市党政代表团来疆考察对接对口支援工作\n* 马兴瑞代表自治区党委 (blue)\n"
    bad = tmp_path / "bad.md"
    bad.write_text("{% for h in highlights %}", "utf-8")
    with pytest.raises(ExportError, match="not valid"):
        load_template(bad)


@pytest.mark.parametrize(
    "source, line",
    [
        ("{{ title }}\n\n{% for h in highlights %}\n{{ h.quote }}\n", 3),  # no endfor
        ("{{ title }}\n{% if title %}\n{{ title | nosuchfilter }}\n{% endif %}\n", "2-3"),
        ("a\nb\n{% frobnicate %}\n", "3-4"),
    ],
)
def test_template_errors_name_the_line(
    tmp_path: Path, source: str, line: object, articles, doc
) -> None:
    tpl = tmp_path / "t.md"
    tpl.write_text(source, "utf-8")
    with pytest.raises(ExportError, match=f"line {line}"):
        render("md", select(articles, doc), doc, load_template(tpl))


def test_hostile_templates_fail_with_a_message(tmp_path: Path, articles, doc) -> None:
    tpl = tmp_path / "deep.md"
    tpl.write_text("{% if title %}" * 5000 + "x" + "{% endif %}" * 5000, "utf-8")
    with pytest.raises(ExportError, match="nested too deeply|not valid"):
        load_template(tpl)
    # the sandbox: no way from a value to Python internals
    probe = tmp_path / "probe.md"
    probe.write_text("{{ title.__class__.__mro__[1].__subclasses__() }}", "utf-8")
    with pytest.raises(ExportError):
        render("md", select(articles, doc), doc, load_template(probe))


def test_jinja_filters_work_too(tmp_path: Path, articles, doc) -> None:
    tpl = tmp_path / "t.md"
    tpl.write_text("{{ title | upper | default('?') }} {{ missing | default('none') }}\n", "utf-8")
    notes = select(articles, doc, ExportFilter(colors={"blue"}))
    text = render("md", notes, doc, load_template(tpl)).decode()
    assert text == "上海市党政代表团来疆考察对接对口支援工作 none\n"


def test_csv_has_bom_and_readwise_columns(articles, doc) -> None:
    data = render("csv", select(articles, doc), doc)
    assert data.startswith(b"\xef\xbb\xbf")
    header = data[3:].decode().splitlines()[0]
    assert header == "Highlight,Title,Author,URL,Note,Location,Date,Tags,Color,Color Meaning"


def test_html_is_self_contained_and_escaped(articles, doc) -> None:
    d = doc
    a = next(x for x in articles if x.title.startswith("上海市"))
    EditHighlight("00000000-0000-4000-8000-000000000002", note="<script>alert(1)</script>").apply(d)
    text = render("html", select(articles, d), d).decode()
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "src=" not in text and "http" not in text.replace("http-equiv", "")
    assert a.title in text


def _validate(kind: str, path: Path) -> str:
    r = subprocess.run(
        [sys.executable, str(VALIDATOR), kind, str(path), "--schemas", str(VALIDATION / "schemas")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def test_w3c_passes_every_must(tmp_path: Path, articles, doc) -> None:
    p = tmp_path / "a.json"
    run_export("json", select(articles, doc), doc, p)
    out = _validate("w3c", p)
    assert "0 failures" in out and "7 annotations" in out


def test_qdpx_validates_and_holds_everything(tmp_path: Path, articles, doc) -> None:
    p = tmp_path / "a.qdpx"
    run_export("qdpx", select(articles, doc), doc, p)
    out = _validate("qdpx", p)
    assert "3 sources" in out and "6 selections" in out and "0 failures" in out
    with zipfile.ZipFile(p) as z:
        qde = z.read("project.qde").decode()
        texts = [z.read(n).decode() for n in z.namelist() if n.startswith("Sources/")]
    assert "上海**书记**带队" in qde and 'name="人物"' in qde
    a = next(x for x in articles if x.title.startswith("上海市"))
    assert a.text in texts
    s = a.text.index("陈吉宁率上海市党政代表团")
    assert f'startPosition="{s}"' in qde


def test_filters(articles, doc) -> None:
    def hl(flt: ExportFilter) -> list[str]:
        return sorted(h.exact for n in select(articles, doc, flt) for h in n.highlights)

    assert hl(ExportFilter(colors={"pink", "blue"})) == [
        "对口援疆并非短期政策",
        "马兴瑞代表自治区党委",
    ]
    assert hl(ExportFilter(tags={"战略"})) == ["对口援疆并非短期政策"]
    assert len(hl(ExportFilter(tags={"援疆"}))) == 3  # an article tag selects its highlights
    assert hl(ExportFilter(since=date(2023, 1, 1))) == sorted(s[1] for s in SPECS[:3])
    assert hl(ExportFilter(until=date(2020, 1, 1))) == []
    sh = next(x for x in articles if x.title.startswith("上海市"))
    assert len(select(articles, doc, ExportFilter(articles={sh.id}))) == 1
    assert len(select(articles, doc, ExportFilter(only_with_highlights=True))) == 3


def test_destination_is_never_overwritten_without_force(tmp_path: Path, articles, doc) -> None:
    p = tmp_path / "x.csv"
    p.write_text("keep", "utf-8")
    with pytest.raises(ExportError, match="exists"):
        run_export("csv", select(articles, doc), doc, p)
    assert p.read_text("utf-8") == "keep"
    run_export("csv", select(articles, doc), doc, p, force=True)
    assert p.read_bytes().startswith(b"\xef\xbb\xbf")
    # a folder: files of the user's are never overwritten (nor counted as ours)
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "other.txt").write_text("x", "utf-8")
    notes = select(articles, doc)
    mine = folder / (notes[0].title + ".md")
    mine.write_text("my own note", "utf-8")
    res = run_export("md", notes, doc, folder, folder=True)
    assert mine.read_text("utf-8") == "my own note" and mine not in res.files
    assert (folder / "other.txt").read_text("utf-8") == "x" and len(res.files) == len(notes)
    assert (folder / (notes[0].title + " (2).md")) in res.files  # written beside it


@pytest.mark.parametrize(
    "title",
    [
        "../../x",
        "/etc/passwd",
        "CON",
        "con.txt",
        "a/b\\c:d*e?f",
        "..",
        "",
        "标题" * 80,
        "\x00\x01ok",
    ],
)
def test_safe_names_stay_inside(tmp_path: Path, title: str) -> None:
    used: set[str] = set()
    name = safe_name(title, used)
    assert "/" not in name and "\\" not in name and ".." not in name.replace("...", "")
    assert len(name.encode()) <= 120 and name.endswith(".md")
    assert name.split(".")[0].lower() not in {"con", "prn", "aux", "nul"}
    assert inside(tmp_path, name).parent == tmp_path.resolve()
    again = safe_name(title, used)
    assert again != name  # unique


# -- import -------------------------------------------------------------------------------------


def export_json(articles, doc) -> bytes:
    return render("json", select(articles, doc), doc)


def test_round_trip_into_an_empty_store(articles, doc) -> None:
    items = parse(export_json(articles, doc))
    empty = Document()
    op, report = plan(items, articles, empty)
    op.apply(empty)
    assert (report.added, report.orphaned, report.article_tags) == (6, 0, 1)
    key = lambda h: (h.id, h.article, h.exact, h.start, h.end, h.color, h.note, h.tags)  # noqa: E731
    assert sorted(map(key, empty.highlights.values())) == sorted(map(key, doc.highlights.values()))
    sh = next(x for x in articles if x.title.startswith("上海市"))
    assert set(empty.articles[sh.id].tags) == {"援疆", "会议"}


def test_import_twice_changes_nothing(articles, doc) -> None:
    items = parse(export_json(articles, doc))
    target = Document()
    op, _ = plan(items, articles, target)
    op.apply(target)
    before = {k: dump(v) for k, v in target.highlights.items()}
    op2, report = plan(items, articles, target)
    assert op2 is None and report.added == report.updated == 0 and report.unchanged == 7
    assert {k: dump(v) for k, v in target.highlights.items()} == before


def _in(hours: float) -> str:
    from datetime import UTC, datetime, timedelta

    t = datetime.now(UTC) + timedelta(hours=hours)
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_newer_modified_wins_and_local_newer_is_kept(articles, doc) -> None:
    data = json.loads(export_json(articles, doc))
    item = data["first"]["items"][1]
    hid = item["id"].split(":")[-1]
    local_note = doc.highlights[hid].note
    item["body"] = [{"type": "TextualBody", "value": "改过的笔记", "purpose": "commenting"}]
    item["modified"] = _in(1)
    op, report = plan([item], articles, doc)
    op.apply(doc)
    assert report.updated == 1 and doc.highlights[hid].note == "改过的笔记"
    # the local value it replaced is kept, to be restored from the conflicts list
    kept = [c for c in doc.conflicts.values() if c.key == hid and c.field == "note"]
    assert len(kept) == 1 and kept[0].lost == local_note and kept[0].kept == "改过的笔记"
    op.revert(doc)  # one step: undo brings the note back and drops the conflict
    assert doc.highlights[hid].note == local_note and not doc.conflicts
    op.apply(doc)
    item["body"] = [{"type": "TextualBody", "value": "更旧的", "purpose": "commenting"}]
    item["modified"] = "2000-01-01T00:00:00.000Z"
    op, report = plan([item], articles, doc)
    assert op is None and report.unchanged == 1 and doc.highlights[hid].note == "改过的笔记"


def test_an_import_dated_in_the_future_replaces_nothing(articles, doc) -> None:
    data = json.loads(export_json(articles, doc))
    item = data["first"]["items"][1]
    hid = item["id"].split(":")[-1]
    local = doc.highlights[hid].note
    item["body"] = [{"type": "TextualBody", "value": "来自未来", "purpose": "commenting"}]
    item["modified"] = "2999-01-01T00:00:00.000Z"  # a clock far ahead
    op, report = plan([item], articles, doc)
    assert op is None and report.unchanged == 1 and doc.highlights[hid].note == local


def test_an_import_that_fails_half_way_changes_nothing(articles, doc) -> None:
    from reader.core.annotations import AnnotationError

    items = parse(export_json(articles, doc))
    target = Document()
    op, _ = plan(items, articles, target)
    before = (dict(target.highlights), dict(target.articles), dict(target.tags))
    op.ops.append(EditHighlight("no-such-highlight", note="x"))  # fails at the end
    with pytest.raises(AnnotationError):
        op.apply(target)
    assert (dict(target.highlights), dict(target.articles), dict(target.tags)) == before


def test_hypothesis_style_annotation_is_found_by_quote(articles) -> None:
    item = {
        "id": "hyp-abc123",
        "created": "2024-01-01T00:00:00Z",
        "updated": "2024-01-02T00:00:00Z",
        "text": "来自 Hypothesis 的笔记",
        "tags": ["外部"],
        "uri": "https://example.org/article",
        "target": [
            {
                "source": "https://example.org/article",
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": "马兴瑞代表自治区党委",
                        "prefix": "",
                        "suffix": "",
                    }
                ],
            }
        ],
    }
    d = Document()
    op, report = plan([item], articles, d)
    op.apply(d)
    (h,) = d.highlights.values()
    a = next(x for x in articles if x.id == h.article)
    assert a.text[h.start : h.end] == "马兴瑞代表自治区党委" and h.note == "来自 Hypothesis 的笔记"
    assert report.added == 1 and report.orphaned == 0


def test_unplaceable_import_is_kept_as_orphan(articles, doc) -> None:
    data = json.loads(export_json(articles, doc))
    item = data["first"]["items"][1]
    item["target"]["selector"][0]["exact"] = "这段文字在任何文章里都找不到"
    d = Document()
    op, report = plan([item], articles, d)
    op.apply(d)
    assert report.orphaned == 1 and next(iter(d.highlights.values())).status == "orphaned"


@pytest.mark.parametrize(
    "data,needle",
    [
        (b"not json at all", "not JSON"),
        (b'{"hello": "world"}', "not a W3C"),
        (b"[1, 2, 3]", "not a JSON object"),
        (b"[" * 10000 + b"]" * 10000, "nested"),
        (b'{"type": "AnnotationCollection", "first": "http://x/page1"}', "not embedded"),
    ],
)
def test_hostile_import_is_refused(data: bytes, needle: str) -> None:
    with pytest.raises(ImportError_, match=needle):
        parse(data)


def test_oversized_import_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    from reader.core.export import importing

    p = tmp_path / "big.json"
    p.write_bytes(b"[" + b'{"id": "x"},' * 1000 + b"{}]")
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1000)
    with pytest.raises(ImportError_, match="limit"):
        importing.read(p)


def test_the_pages_address_travels_to_csv_w3c_and_back(tmp_path: Path, articles, doc) -> None:
    import csv
    import dataclasses
    import io

    url = "https://news.example.cn/2023/0830/1.html"
    with_url = [
        dataclasses.replace(a, url=url) if a.title.startswith("上海市") else a for a in articles
    ]
    rows = list(
        csv.DictReader(io.StringIO(render("csv", select(with_url, doc), doc).decode("utf-8-sig")))
    )
    assert {r["URL"] for r in rows if r["Title"].startswith("上海市")} == {url}
    assert {r["URL"] for r in rows if not r["Title"].startswith("上海市")} == {""}

    data = json.loads(render("json", select(with_url, doc), doc))
    items = data["first"]["items"]
    sh = next(a for a in with_url if a.url)
    targets = [i["target"] for i in items if isinstance(i["target"], dict)]
    ours = [t for t in targets if t.get("source") == url]
    assert ours and all(t["reader:article"] == f"urn:x-reader:article:{sh.id}" for t in ours)
    # back into an empty store: every highlight on its own article, none orphaned
    empty = Document()
    op, report = plan(parse(json.dumps(data).encode()), with_url, empty)
    op.apply(empty)
    assert (report.added, report.orphaned, report.article_tags) == (6, 0, 1)
    assert set(empty.articles[sh.id].tags) == {"援疆", "会议"}
    p = tmp_path / "a.json"
    p.write_text(json.dumps(data), "utf-8")
    assert "0 failures" in _validate("w3c", p)


def _qdpx_bytes(articles, doc) -> bytes:
    from reader.core.export.qdpx import build

    return build(select(articles, doc), doc)


def test_qdpx_round_trip_into_an_empty_store(tmp_path: Path, articles, doc) -> None:
    from reader.core.export.importing import read

    p = tmp_path / "a.qdpx"
    p.write_bytes(_qdpx_bytes(articles, doc))
    empty = Document()
    op, report = plan(read(p), articles, empty)
    op.apply(empty)
    assert (report.added, report.orphaned, report.article_tags) == (6, 0, 1)
    key = lambda h: (h.id, h.article, h.exact, h.start, h.end, h.color, h.note, sorted(h.tags))  # noqa: E731
    assert sorted(map(key, empty.highlights.values())) == sorted(map(key, doc.highlights.values()))
    sh = next(x for x in articles if x.title.startswith("上海市"))
    assert set(empty.articles[sh.id].tags) == {"援疆", "会议"}
    # the same project again changes nothing
    op2, report2 = plan(read(p), articles, empty)
    assert op2 is None and report2.added == 0


def test_qdpx_as_a_qda_tool_reads_it(articles, doc) -> None:
    """What QualCoder's importer reads: a coding's memo from the selection's
    Description, the codes' colours, document attributes from VariableValue
    elements of the source, document groups from Sets."""
    data = _qdpx_bytes(articles, doc)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ET.fromstring(z.read("project.qde"))
        texts = {n: z.read(n).decode() for n in z.namelist() if n.startswith("Sources/")}
    ns = "{urn:QDA-XML:project:1.0}"
    sels = list(root.iter(ns + "PlainTextSelection"))
    memos = {s.findtext(ns + "Description") for s in sels} - {None}
    assert memos == {h.note for h in doc.highlights.values() if h.note}
    codes = {c.get("guid"): c for c in root.iter(ns + "Code")}
    for s in sels:
        names = {
            codes[c.find(ns + "CodeRef").get("targetGUID")].get("name")
            for c in s.iter(ns + "Coding")
        }
        h = doc.highlights[s.get("guid")]
        assert names == {*h.tags, h.color}  # every highlight keeps its colour, tags or not
    for src in root.iter(ns + "TextSource"):
        text = texts["Sources/" + src.get("plainTextPath")[len("internal://") :]]
        for s in src.iter(ns + "PlainTextSelection"):
            h = doc.highlights[s.get("guid")]
            assert text[int(s.get("startPosition")) : int(s.get("endPosition"))] == h.exact
    variables = {v.get("guid"): v.get("name") for v in root.iter(ns + "Variable")}
    attrs = [
        {
            variables[vv.find(ns + "VariableRef").get("targetGUID")]: vv[1].text
            for vv in src.iter(ns + "VariableValue")
        }
        for src in root.iter(ns + "TextSource")
    ]
    assert any(a.get("Date") == "2023-08-30" and a.get("Source") == "中国发展网" for a in attrs)
    sets = {s.get("name"): len(list(s.iter(ns + "MemberSource"))) for s in root.iter(ns + "Set")}
    assert sets == {"援疆": 1, "会议": 1}


def test_qdpx_offsets_with_astral_characters(tmp_path: Path) -> None:
    import dataclasses

    from reader.core.article import Article, Block
    from reader.core.export.importing import read

    text = "𠮷野家的𡃁仔说😀：援疆工作要长期坚持，𠮷祥如意。"
    art = Article("astral", "a.txt", "T", None, None, None, None, "zh", (Block("paragraph", text),))
    d = Document()
    q = "援疆工作要长期坚持"
    h = Highlight.new(art.id, describe(art.text, *find_quote(art.text, q)), color="green", note="n")
    AddHighlight(h, art.title).apply(d)
    data = _qdpx_bytes([art], d)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        qde = z.read("project.qde").decode()
    start = text.index(q)
    assert f'startPosition="{start}"' in qde  # code points, as QualCoder (Python) counts
    p = tmp_path / "a.qdpx"
    p.write_bytes(data)
    empty = Document()
    op, _ = plan(read(p), [dataclasses.replace(art)], empty)
    op.apply(empty)
    (back,) = empty.highlights.values()
    assert (back.exact, back.start, back.color, back.note) == (q, start, "green", "n")


def test_qdpx_coded_further_elsewhere_comes_back(tmp_path: Path, articles, doc) -> None:
    """A QDA tool exports the project again with its own guids, a new code on
    a passage and a new passage with a memo: the existing highlights are
    updated in place (no duplicates) and the new passage is added."""
    from reader.core.export.importing import read

    data = _qdpx_bytes(articles, doc)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    ns = "urn:QDA-XML:project:1.0"
    ET.register_namespace("", ns)
    root = ET.fromstring(parts["project.qde"])
    q = lambda t: f"{{{ns}}}{t}"  # noqa: E731
    codebook = root.find(q("CodeBook")).find(q("Codes"))
    new_code = ET.SubElement(
        codebook,
        q("Code"),
        {"guid": "11111111-2222-4333-8444-555555555555", "name": "新代码", "isCodable": "true"},
    )
    first_src = next(root.iter(q("TextSource")))
    for sel in first_src.findall(q("PlainTextSelection")):
        sel.set("guid", str(uuid.uuid4()).upper())  # the tool's own ids
        sel.set("modifiedDateTime", "2026-06-01T00:00:00Z")
    sel = first_src.find(q("PlainTextSelection"))
    coding = ET.SubElement(sel, q("Coding"), {"guid": str(uuid.uuid4())})
    ET.SubElement(coding, q("CodeRef"), {"targetGUID": new_code.get("guid")})
    text = parts["Sources/" + first_src.get("plainTextPath")[len("internal://") :]].decode()
    added = ET.Element(
        q("PlainTextSelection"),
        {
            "guid": str(uuid.uuid4()),
            "startPosition": "0",
            "endPosition": "5",
            "creationDateTime": "2026-02-01T00:00:00Z",
        },
    )
    ET.SubElement(added, q("Description")).text = "在工具里写的备注"
    c2 = ET.SubElement(added, q("Coding"), {"guid": str(uuid.uuid4())})
    ET.SubElement(c2, q("CodeRef"), {"targetGUID": new_code.get("guid")})
    first_src.insert(0, added)
    parts["project.qde"] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)
    p = tmp_path / "coded.qdpx"
    p.write_bytes(buf.getvalue())
    before = len(doc.highlights)
    op, report = plan(read(p), articles, doc)
    op.apply(doc)
    assert len(doc.highlights) == before + 1 and report.added == 1
    new = next(h for h in doc.highlights.values() if h.note == "在工具里写的备注")
    assert new.exact == text[:5] and new.tags == ["新代码"]
    assert sum("新代码" in h.tags for h in doc.highlights.values()) == 2


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"PK\x03\x04garbage", "not a .qdpx"),
        ("zip-without-qde", "no project.qde"),
        ("entity", "DTD or entities"),
    ],
)
def test_hostile_qdpx_is_refused(tmp_path: Path, data: object, needle: str) -> None:
    from reader.core.export.importing import read

    if data == "zip-without-qde":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("x.txt", "x")
        data = buf.getvalue()
    elif data == "entity":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(
                "project.qde", '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><p>&a;</p>'
            )
        data = buf.getvalue()
    p = tmp_path / "bad.qdpx"
    p.write_bytes(data)  # type: ignore[arg-type]
    with pytest.raises(ImportError_, match=needle):
        read(p)


def test_json_round_trip_keeps_every_piece_of_user_data(articles, doc) -> None:
    from reader.core.annotations import SetArticle, SetTagColor

    sh = next(x for x in articles if x.title.startswith("上海市"))
    other = next(x for x in articles if x.title.startswith("这场会议说"))
    SetArticle(sh.id, note="整篇文章的笔记 **重要**", starred=True, read=True).apply(doc)
    SetArticle(other.id, read=True).apply(doc)
    SetTagColor("人物", "#ff8800").apply(doc)
    SetTagColor("援疆", "green").apply(doc)
    data = render("json", select(articles, doc), doc)
    empty = Document()
    op, report = plan(parse(data), articles, empty)
    op.apply(empty)
    hl = lambda d: sorted(  # noqa: E731
        (
            h.id,
            h.article,
            h.exact,
            h.prefix,
            h.suffix,
            h.start,
            h.end,
            h.color,
            h.note,
            tuple(h.tags),
            h.created,
            h.modified,
        )
        for h in d.highlights.values()
    )
    assert hl(empty) == hl(doc)
    for aid in (sh.id, other.id):
        a, b = doc.articles[aid], empty.articles[aid]
        assert (a.tags, a.note, a.starred, a.read) == (b.tags, b.note, b.starred, b.read)
    assert {t: empty.tags[t].color for t in ("人物", "援疆")} == {
        "人物": "#ff8800",
        "援疆": "green",
    }
    # each annotation on an article carries its metadata for whoever reads it
    whole = [i for i in json.loads(data)["first"]["items"] if i.get("reader:starred")]
    assert (
        whole[0]["target"]["reader:date"] == sh.date
        and whole[0]["target"]["reader:title"] == sh.title
    )


@pytest.mark.parametrize(
    ("item", "expect"),
    [
        # bodyValue is the comment
        (
            {
                "id": "a1",
                "bodyValue": "a comment",
                "target": {
                    "source": "S",
                    "selector": {"type": "TextQuoteSelector", "exact": "陈吉宁率上海市党政代表团"},
                },
            },
            ("note", "a comment"),
        ),
        # a tagging annotation's body without a purpose is a tag
        (
            {
                "id": "a2",
                "motivation": "tagging",
                "body": {"type": "TextualBody", "value": "会议"},
                "target": {
                    "source": "S",
                    "selector": {"type": "TextQuoteSelector", "exact": "陈吉宁率上海市党政代表团"},
                },
            },
            ("tags", ["会议"]),
        ),
    ],
)
def test_import_reads_the_models_other_shapes(articles, item: dict, expect: tuple) -> None:
    empty = Document()
    op, report = plan([item], articles, empty)
    op.apply(empty)
    (h,) = empty.highlights.values()
    assert (
        getattr(h, expect[0]) == expect[1] and h.created > "2000"
    )  # (no 1970 for a missing stamp)


def test_import_a_position_only_target_and_hypothesis_in_both_forms(articles) -> None:
    sh = next(x for x in articles if x.title.startswith("上海市"))
    s = sh.text.index("陈吉宁率上海市党政代表团")
    uri = f"urn:x-reader:article:{sh.id}"
    pos_only = {
        "id": "p1",
        "target": {
            "source": uri,
            "selector": {"type": "TextPositionSelector", "start": s, "end": s + 5},
        },
    }
    api = {
        "id": "hYp0tH3s1s",
        "uri": uri,
        "text": "n",
        "target": [
            {
                "source": uri,
                "selector": [{"type": "TextQuoteSelector", "exact": "陈吉宁率上海市党政代表团"}],
            }
        ],
    }
    ld = {
        "id": "https://hypothes.is/a/hYp0tH3s1s",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "n"}],
        "target": {
            "source": uri,
            "selector": [{"type": "TextQuoteSelector", "exact": "陈吉宁率上海市党政代表团"}],
        },
    }
    reply = {
        "id": "r1",
        "references": ["hYp0tH3s1s"],
        "text": "I agree",
        "target": [{"source": uri}],
    }
    page_note = {"id": "pn", "text": "a note on the whole page", "target": [{"source": uri}]}
    d = Document()
    op, report = plan([pos_only, api, ld, reply, page_note], articles, d)
    op.apply(d)
    exacts = sorted(h.exact for h in d.highlights.values())
    assert exacts == sorted(
        [sh.text[s : s + 5], "陈吉宁率上海市党政代表团"]
    )  # the two forms are one
    assert d.articles[sh.id].note == "a note on the whole page"
    assert any("reply" in why for why in report.skipped)


def _hostile_doc(articles) -> tuple[Document, Any]:
    sh = next(x for x in articles if x.title.startswith("上海市"))
    d = Document()
    quotes = ["陈吉宁率上海市党政代表团", "马兴瑞代表自治区党委"]
    notes = ["# 不是标题\n\n1. 也不是列表\n\n*强调* 照常", "普通笔记"]
    tags = [["to read", "上海 Shanghai", "C++/odd#tag", "1984"], []]
    colors = ["#ff8800", "yellow"]
    for i, (q, note, tg, c) in enumerate(zip(quotes, notes, tags, colors, strict=True)):
        h = Highlight.new(
            sh.id, describe(sh.text, *find_quote(sh.text, q)), color=c, note=note, tags=tg
        )
        h.id = f"00000000-0000-4000-8000-{i:012d}"
        AddHighlight(h, sh.title).apply(d)
    TagArticle(sh.id, ["to read"]).apply(d)
    return d, sh


def test_markdown_reads_in_a_commonmark_parser_as_written(tmp_path: Path, articles) -> None:
    import dataclasses

    import yaml
    from markdown_it import MarkdownIt

    d, sh = _hostile_doc(articles)
    # a quote full of Markdown syntax must come out as its characters
    art = dataclasses.replace(sh, title="Title with *stars* and #hash")
    q = "陈吉宁率上海市党政代表团"
    res = run_export("md", select([art], d), d, tmp_path / "notes", folder=True)
    text = res.files[0].read_text("utf-8")
    _, fm, body = text.split("---\n", 2)
    meta = yaml.safe_load(fm)
    assert meta["article_id"] == sh.id and isinstance(meta["article_id"], str)
    assert meta["tags"] == ["to_read"]
    assert str(meta["date"]) == "2023-08-30"
    assert meta["highlight_colors"] == ["#ff8800", "yellow"]
    tokens = MarkdownIt("commonmark").parse(body)
    h1 = [
        t
        for i, t in enumerate(tokens)
        if t.type == "inline" and tokens[i - 1].tag == "h1" and tokens[i - 1].level == 0
    ]
    assert [t.content for t in h1] == ["Title with \\*stars\\* and \\#hash"]  # the title only
    rendered = MarkdownIt("commonmark").render(body)
    assert "<em>stars</em>" not in rendered and "Title with *stars* and #hash" in rendered
    assert q in rendered
    # the note's "# " and "1. " stay inside the note's callout
    top = [t for t in tokens if t.level == 0 and t.type in ("heading_open", "ordered_list_open")]
    assert [t.tag for t in top] == ["h1"]
    # tags in the body are the same as in the front matter, colours are not tags
    assert (
        "#to_read" in body
        and "#上海_Shanghai" in body
        and "#C_/odd_tag" in body
        and "#_1984" in body
    )
    assert "`#ff8800`" in body and " #ff8800" not in body.replace("`#ff8800`", "")


def test_markdown_quote_with_syntax_renders_as_its_text(articles) -> None:
    from markdown_it import MarkdownIt

    from reader.core.export.template import md_escape

    for s in [
        "a ***b*** c",
        "\n\n1. not a list",
        "# not a heading",
        "<b>no html</b>",
        "[x](y) ![i](j)",
        "C# #tag | a | b |",
        "- item\n+ item",
        "`code`",
    ]:
        html = MarkdownIt("commonmark").render(md_escape(s))
        inner = (
            html.replace("<p>", "")
            .replace("</p>", "")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", '"')
            .replace("&amp;", "&")
        )
        assert " ".join(inner.split()) == " ".join(s.split()), (s, html)


def test_html_report_renders_notes_as_markdown_safely(articles, doc) -> None:
    sh = next(x for x in articles if x.title.startswith("上海市"))
    h = next(h for h in doc.highlights.values() if h.article == sh.id and h.note)
    EditHighlight(h.id, note="**粗体** <script>alert(1)</script> ![x](http://e.com/i.png)").apply(
        doc
    )
    html = render("html", select(articles, doc), doc).decode()
    assert "<strong>粗体</strong>" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img" not in html


def test_readwise_csv_import_matches_by_url_or_title(tmp_path: Path, articles, doc) -> None:
    import dataclasses

    from reader.core.export.importing import read

    sh = next(x for x in articles if x.title.startswith("上海市"))
    other = next(x for x in articles if x.title.startswith("这场会议说"))
    arts = [
        dataclasses.replace(a, url="https://news.example.cn/1") if a is sh else a for a in articles
    ]
    csv_text = (
        "Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at\n"
        '陈吉宁率上海市党政代表团,Some other title,,,"my note\n.援疆 .to_read",yellow,"人物, 上海",,,2026-01-05 10:00:00\n'
        f'对口援疆并非短期政策,"{other.title}",,,,blue,,,,2026-01-05 10:00:00\n'
        "a quote found nowhere,Unknown,,,,,,,,\n"
    )
    # (the first row names its page by address in our column layout)
    ours = "Highlight,Title,Author,URL,Note,Location,Date,Tags,Color\n" + (
        '陈吉宁率上海市党政代表团,x,,https://news.example.cn/1,"my note\n.援疆 .to_read",,2026-01-05 10:00:00,"人物\n上海",green\n'
    )
    for name, text in (("readwise.csv", csv_text), ("ours.csv", ours)):
        p = tmp_path / name
        p.write_text(text, "utf-8")
        d = Document()
        op, report = plan(read(p), arts, d)
        op.apply(d)
        first = next(h for h in d.highlights.values() if h.exact == "陈吉宁率上海市党政代表团")
        assert first.article == sh.id and first.note == "my note"
        assert set(first.tags) == {"援疆", "to_read", "人物", "上海"}
        if name == "readwise.csv":
            second = next(h for h in d.highlights.values() if h.exact == "对口援疆并非短期政策")
            assert second.article == other.id and second.color == "blue"
            assert report.orphaned == 1  # the quote found nowhere is kept, as an orphan


def test_our_csv_export_comes_back_whole(tmp_path: Path, articles, doc) -> None:
    from reader.core.export.importing import read

    p = tmp_path / "a.csv"
    p.write_bytes(render("csv", select(articles, doc), doc))
    d = Document()
    op, report = plan(read(p), articles, d)
    op.apply(d)
    got = sorted(
        (h.article, h.exact, h.color, h.note, sorted(h.tags)) for h in d.highlights.values()
    )
    want = sorted(
        (h.article, h.exact, h.color, h.note, sorted(h.tags)) for h in doc.highlights.values()
    )
    assert got == want


def test_export_again_keeps_the_users_edits(tmp_path: Path, articles, doc) -> None:
    from reader.core.annotations import DeleteHighlight

    folder = tmp_path / "vault"
    run_export("md", select(articles, doc), doc, folder, folder=True)
    note = next(folder.glob("上海市*.md"))
    first = doc.highlights["00000000-0000-4000-8000-000000000000"]
    second = doc.highlights["00000000-0000-4000-8000-000000000001"]
    third = doc.highlights["00000000-0000-4000-8000-000000000002"]
    text = note.read_text("utf-8")
    # the user writes around the blocks, inside one block, and a property
    text = text.replace("article_id:", "my_rating: 5\narticle_id:")
    text = text.replace(
        "<!-- reader:article", "My thoughts before everything.\n\n<!-- reader:article"
    )
    text = text.replace(
        "> 上海市党政代表团来新疆考察\n", "> 上海市党政代表团来新疆考察\n\nMY EDIT INSIDE\n", 1
    )
    text += "\nMy closing paragraph.\n"
    note.write_text(text, "utf-8")
    # then in Reader: one note changed, one highlight deleted, one added
    EditHighlight(first.id, note="新的笔记").apply(doc)
    DeleteHighlight(third.id).apply(doc)
    sh = next(x for x in articles if x.title.startswith("上海市"))
    new = Highlight.new(sh.id, describe(sh.text, *find_quote(sh.text, "马兴瑞")), color="red")
    new.id = "00000000-0000-4000-8000-000000000099"
    AddHighlight(new, sh.title).apply(doc)
    res = run_export("md", select(articles, doc), doc, folder, folder=True)
    after = note.read_text("utf-8")
    assert res.sync is not None and res.sync.kept_edited == [second.id]
    assert (res.sync.updated, res.sync.added, res.sync.removed) == (1, 1, 1)
    for mine in (
        "My thoughts before everything.",
        "MY EDIT INSIDE",
        "My closing paragraph.",
        "my_rating: 5",
    ):
        assert mine in after
    assert "新的笔记" in after and "马兴瑞" in after
    assert third.id not in after
    assert (
        after.index(f"reader:{first.id}")
        < after.index(f"reader:{new.id}")
        < after.index("My closing")
    )
    # once more with nothing changed: nothing is written
    res2 = run_export("md", select(articles, doc), doc, folder, folder=True)
    assert note not in res2.files and note.read_text("utf-8") == after


def test_export_again_can_mark_deleted_highlights(tmp_path: Path, articles, doc) -> None:
    from reader.core.annotations import DeleteHighlight

    folder = tmp_path / "vault"
    run_export("md", select(articles, doc), doc, folder, folder=True)
    gone = doc.highlights["00000000-0000-4000-8000-000000000002"]
    DeleteHighlight(gone.id).apply(doc)
    run_export("md", select(articles, doc), doc, folder, folder=True, deleted="mark")
    text = next(folder.glob("上海市*.md")).read_text("utf-8")
    assert "**Deleted in Reader.**" in text and gone.exact in text


def test_an_imported_annotation_keeps_its_own_id_on_export(articles) -> None:
    sh = next(x for x in articles if x.title.startswith("上海市"))
    uri = f"urn:x-reader:article:{sh.id}"
    api = {
        "id": "hYp0tH3s1s",
        "text": "n",
        "target": [
            {
                "source": uri,
                "selector": [{"type": "TextQuoteSelector", "exact": "陈吉宁率上海市党政代表团"}],
            }
        ],
    }
    d = Document()
    op, _ = plan([api], articles, d)
    op.apply(d)
    out = json.loads(render("json", select(articles, d), d))
    (item,) = [
        i for i in out["first"]["items"] if i.get("type") == "Annotation" and "canonical" in i
    ]
    assert item["canonical"] == "hYp0tH3s1s"  # its own id, as given
    op2, report = plan(parse(json.dumps(out).encode()), articles, d)
    assert op2 is None and report.unchanged >= 1


def test_json_ld_expands_in_a_json_ld_processor(articles, doc) -> None:
    """pyld, with the official context shipped in tests/data (no network): every
    annotation expands, and our extension properties become triples."""
    from pyld import jsonld

    context = json.loads((VALIDATION / "schemas" / "web-annotation" / "anno.jsonld").read_text())

    def loader(url: str, options: object = None) -> dict:
        assert url == "http://www.w3.org/ns/anno.jsonld", url
        return {"contextUrl": None, "documentUrl": url, "document": context}

    jsonld.set_document_loader(loader)
    data = json.loads(render("json", select(articles, doc), doc))
    expanded = jsonld.expand(data)
    flat = json.dumps(expanded, ensure_ascii=False)
    assert "http://www.w3.org/ns/oa#hasTarget" in flat and "urn:x-reader:ns#color" in flat
    items = data["first"]["items"]
    nquads = jsonld.to_rdf(data, {"format": "application/n-quads"})
    for item in items:
        assert item["id"] in nquads
    for h in doc.highlights.values():
        assert json.dumps(h.exact, ensure_ascii=False)[1:-1] in nquads


def test_colour_meanings_travel_in_every_export_and_come_back(
    tmp_path: Path, articles, doc
) -> None:
    """Feature A of issue 18: the legend in Markdown, CSV, HTML, W3C and REFI-QDA."""
    import csv as csvmod

    from reader.core.annotations import SetColorMeaning
    from reader.core.export.importing import read

    SetColorMeaning("yellow", "观点").apply(doc)
    SetColorMeaning("blue", "*问题*").apply(doc)
    notes = select(articles, doc)
    md = render("md", notes, doc, load_template(None)).decode()
    assert "> — yellow (观点) #人物 #上海" in md and r"> — blue (\*问题\*)" in md
    assert "> — green #行程" in md  # no meaning: as before
    rows = list(csvmod.DictReader(io.StringIO(render("csv", notes, doc).decode("utf-8-sig"))))
    assert {r["Color"]: r["Color Meaning"] for r in rows}["yellow"] == "观点"
    page = render("html", notes, doc).decode()
    assert '<p class="legend">' in page and '<span class="meaning">观点</span>' in page
    assert 'title="blue (*问题*)"' in page
    data = json.loads(export_json(articles, doc))
    assert {"color": "yellow", "meaning": "观点"} in data["reader:colors"]
    yellow = next(i for i in data["first"]["items"] if i.get("reader:color") == "yellow")
    assert yellow["reader:colorMeaning"] == "观点"
    qdpx = tmp_path / "m.qdpx"
    qdpx.write_bytes(_qdpx_bytes(articles, doc))
    with zipfile.ZipFile(qdpx) as z:
        names = {
            c.get("name") for c in ET.fromstring(z.read("project.qde")).iter() if c.get("name")
        }
    assert {"观点 (yellow)", "*问题* (blue)", "green"} <= names
    for items in (parse(export_json(articles, doc)), read(qdpx)):
        empty = Document()
        SetColorMeaning("blue", "mine").apply(empty)  # a meaning set here stays
        op, _ = plan(items, articles, empty)
        op.apply(empty)
        assert empty.meanings() == {"yellow": "观点", "blue": "mine"}
        assert sorted(h.color for h in empty.highlights.values()) == sorted(
            h.color for h in doc.highlights.values()
        )
