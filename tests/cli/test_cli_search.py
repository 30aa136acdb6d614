"""`reader search QUERY [--json] [--limit N]` (issue 20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run


def test_search_json_lines(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "陈全国 李纪恒", "--json")
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and len(rows) == 1
    row = rows[0]
    assert list(row) == ["id", "title", "date", "source", "hits", "snippets", "highlights"]
    assert row["hits"] >= 2 and any("**李纪恒**" in s for s in row["snippets"])
    # the second run uses the index the first one made (only changes are indexed)
    code, out2, _ = run(capsys, "search", "陈全国 李纪恒", "--json")
    assert out2 == out


def test_search_finds_highlights_and_notes_too(
    lib: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = str(next(lib.glob("001_*")))
    code, hid, _ = run(
        capsys, "highlight", f, "--quote", "上海", "--occurrence", "1", "--note", "值得追踪的承诺"
    )
    assert code == 0
    code, out, _ = run(capsys, "search", "追踪", "--json")
    (row,) = [json.loads(x) for x in out.splitlines()]
    assert row["hits"] == 0 and [h["id"] for h in row["highlights"]] == [hid.strip()]


def test_limit_order_and_text_output(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "援疆", "--json", "--limit", "2")
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and len(rows) == 2
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    code, out, err = run(capsys, "search", "援疆")
    assert code == 0 and "**援疆**" in out and err.strip().endswith("articles")


def test_a_mistake_is_explained(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "援疆 date:2021-02-30")
    assert code == 2 and out == "" and "is not a date" in err and "at character 4" in err
