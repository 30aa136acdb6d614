"""`reader meta`: correct an article's metadata (issue 19)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run


def test_meta_sets_shows_and_clears(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(next(lib.glob("001_*")))
    code, out, _ = run(capsys, "meta", f, "--json")
    before = json.loads(out)
    assert code == 0 and before["user_set"] == [] and before["title"].startswith("上海市")
    code, out, _ = run(
        capsys, "meta", f, "--title", "更正的标题", "--date", "2023-08-29", "--author", ""
    )
    assert (
        code == 0 and "title\t更正的标题\t(set by you)" in out and "author\t\t(set by you)" in out
    )
    _, listing, _ = run(capsys, "list", "--json")
    row = next(json.loads(x) for x in listing.splitlines() if json.loads(x)["id"] == before["id"])
    assert (row["title"], row["date"]) == ("更正的标题", "2023-08-29")
    _, shown, _ = run(capsys, "show", before["id"][:8], "--json")
    assert json.loads(shown)["author"] is None
    code, _, err = run(capsys, "meta", f, "--date", "2023-02-30")
    assert code == 2 and "not a day of the calendar" in err
    code, _, err = run(capsys, "meta", f, "--clear", "colour")
    assert code == 2 and "unknown field" in err
    run(capsys, "meta", f, "--clear", "date", "--clear", "author")
    after = json.loads(run(capsys, "meta", f, "--json")[1])
    assert after["user_set"] == ["title"] and after["date"] == before["date"]
    assert after["author"] == before["author"]
    # the saved file is never touched
    assert "更正的标题" not in Path(f).read_text("utf-8")
