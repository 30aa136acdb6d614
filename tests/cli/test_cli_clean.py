"""The command-line contract of `reader clean/list/show` (other tools script against it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from tests.cli.helpers import run

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CLEAN_KEYS = [
    "path",
    "id",
    "title",
    "date",
    "time",
    "source",
    "author",
    "url",
    "language",
    "blocks",
    "removed",
    "warnings",
]


def test_clean_json_lines_keys_and_order(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in sorted(SEEDS.iterdir())]
    code, out, _ = run(capsys, "clean", *paths, "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in rows] == paths
    for r in rows:
        assert list(r) == CLEAN_KEYS
        assert all(
            set(b) == {"type", "text"} and b["type"] in ("heading", "paragraph")
            for b in r["blocks"]
        )
        assert all(
            set(x) == {"text", "reason", "where"} and x["where"] in ("inline", "block")
            for x in r["removed"]
        )
        assert r["date"] is None or len(r["date"]) == 10


def test_clean_failure_is_a_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    good = str(next(SEEDS.glob("004_*")))
    code, out, _ = run(capsys, "clean", str(bad), good, "--json")
    assert code == 1
    first, second = (json.loads(x) for x in out.splitlines())
    assert first == {"path": str(bad), "error": "not an article: a PNG image"}
    assert second["title"] == "山西省党政代表团在新疆学习考察"


def test_clean_plain_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "clean", str(next(SEEDS.glob("004_*"))))
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "山西省党政代表团在新疆学习考察"
    assert lines[1] == "2018-10-17 06:24"
    assert "## 陈全国骆惠宁参加有关活动" in lines


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--library", str(SEEDS), "--json")
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and len(rows) == 5
    for r in rows:
        assert {"id", "date", "source", "title", "characters", "tags", "highlights"} <= set(r)
        assert r["characters"] > 500


def test_the_command_line_never_changes_the_apps_next_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.core import paths

    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.txt").write_text(
        "标题\n\n正文第一段，内容充实，足够长，可以算作正文段落了。\n", "utf-8"
    )
    paths.remember_library(SEEDS)  # the app's last library
    code, out, _ = run(capsys, "list", "--library", str(lib), "--json")
    assert code == 0 and [json.loads(x)["title"] for x in out.splitlines()] == ["标题"]
    assert paths.resolve_library(None) == SEEDS.resolve() or paths.resolve_library(None) == SEEDS
    # and the global options may come before the command
    code, out, _ = run(capsys, "--library", str(lib), "list", "--json")
    assert code == 0 and [json.loads(x)["title"] for x in out.splitlines()] == ["标题"]


def test_show_json_reports_what_was_removed(capsys: pytest.CaptureFixture[str]) -> None:
    f = next(SEEDS.glob("003_*"))
    _, cleaned, _ = run(capsys, "clean", str(f), "--json")
    run(capsys, "list", "--library", str(SEEDS))  # (the library's cache is filled)
    _, shown, _ = run(capsys, "show", str(f), "--library", str(SEEDS), "--json")
    assert json.loads(shown)["removed"] == json.loads(cleaned)["removed"] != []


def test_show_by_prefix_and_path(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "list", "--library", str(SEEDS), "--json")
    row = next(json.loads(x) for x in out.splitlines() if json.loads(x)["date"] == "2018-10-17")
    code, out, _ = run(capsys, "show", row["id"][:8], "--library", str(SEEDS), "--json")
    assert code == 0 and json.loads(out)["id"] == row["id"]
    path = str(next(SEEDS.glob("004_*")))
    code, out, _ = run(capsys, "show", path, "--library", str(SEEDS))
    assert code == 0 and out.startswith("山西省党政代表团在新疆学习考察\n")


def test_show_unknown_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "zzzzzzzz", "--library", str(SEEDS))
    assert code == 1 and "no article" in err and "Traceback" not in err


def test_show_file_outside_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "x.txt"
    f.write_text("外部标题\n\n外部文章的正文，读取时不需要属于资料库，内容足够长。\n", "utf-8")
    code, out, _ = run(capsys, "show", str(f), "--library", str(SEEDS))
    assert code == 0 and out.startswith("外部标题")


def test_version_and_help_via_subprocess() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "reader", "--version"], capture_output=True, text=True
    )
    assert r.returncode == 0 and r.stdout.strip() == f"reader {__version__}"
    r = subprocess.run([sys.executable, "-m", "reader", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "clean" in r.stdout and "list" in r.stdout


def test_missing_library_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "list", "--library", str(tmp_path / "nope"))
    assert code == 1 and "library folder not found" in err


def test_gui_and_open_take_links_and_files() -> None:
    from reader.cli import build_parser

    p = build_parser()
    args = p.parse_args(["gui", "reader://highlight/abc", "/tmp/page.html"])
    assert args.targets == ["reader://highlight/abc", "/tmp/page.html"]
    assert p.parse_args(["open", "reader://article/x"]).targets == ["reader://article/x"]
    assert p.parse_args(["gui"]).targets == []
