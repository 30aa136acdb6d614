"""`reader export` / `reader import` (exact contract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_highlights(capsys: pytest.CaptureFixture[str], lib: Path) -> None:
    f = str(next(lib.glob("001_*")))
    run(
        capsys,
        "highlight",
        f,
        "--quote",
        "陈吉宁",
        "--occurrence",
        "1",
        "--color",
        "green",
        "--note",
        "笔记一",
        "--tag",
        "人物",
    )
    run(capsys, "highlight", f, "--quote", "马兴瑞", "--occurrence", "1", "--color", "blue")
    run(capsys, "tag", f, "援疆")


def test_export_text_formats_to_stdout(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed_highlights(capsys, lib)
    code, out, _ = run(capsys, "export", "--format", "md")
    assert code == 0 and "> 陈吉宁" in out and "#人物" in out
    code, out, _ = run(capsys, "export", "--format", "json", "--color", "blue")
    items = json.loads(out)["first"]["items"]
    assert [i["target"]["selector"][0]["exact"] for i in items if i["motivation"] != "tagging"] == [
        "马兴瑞"
    ]
    code, out, _ = run(capsys, "export", "--format", "csv", "--tag", "人物")
    assert out.startswith("\ufeffHighlight,Title") and "陈吉宁" in out and "马兴瑞" not in out
    code, out, _ = run(
        capsys, "export", "--format", "html", "--since", "2023-01-01", "--until", "2023-12-31"
    )
    assert code == 0 and "<mark" in out


def test_export_files_and_force(
    lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_highlights(capsys, lib)
    out = tmp_path / "notes.qdpx"
    assert run(capsys, "export", "--format", "qdpx", "--out", str(out))[0] == 0
    code, _, err = run(capsys, "export", "--format", "qdpx", "--out", str(out))
    assert code == 1 and "--force" in err
    assert run(capsys, "export", "--format", "qdpx", "--out", str(out), "--force")[0] == 0
    folder = tmp_path / "md"
    assert run(capsys, "export", "--format", "md", "--out", str(folder) + "/")[0] == 0
    assert [p.suffix for p in folder.iterdir()] == [".md"]
    code, _, err = run(capsys, "export", "--format", "qdpx")
    assert code == 1 and "--out" in err


def test_export_bad_date_and_template(
    lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "export", "--format", "md", "--since", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err
    tpl = tmp_path / "t.md"
    tpl.write_text("{% if x %}", "utf-8")
    code, _, err = run(capsys, "export", "--format", "md", "--template", str(tpl))
    assert code == 1 and "template" in err


def test_import_round_trip_dry_run_and_idempotence(
    lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_highlights(capsys, lib)
    exported = tmp_path / "a.json"
    run(capsys, "export", "--format", "json", "--out", str(exported))
    before = run(capsys, "highlights", "--json")[1]
    monkeypatch.setenv("READER_STORE", str(tmp_path / "other" / "store.json"))
    code, out, _ = run(capsys, "import", str(exported), "--dry-run")
    assert code == 0 and out.startswith("would import: 2 added")
    assert run(capsys, "highlights", "--json")[1] == ""
    code, out, _ = run(capsys, "import", str(exported))
    assert out.startswith("imported: 2 added, 0 updated, 0 unchanged, 0 orphaned")

    def strip(s: str) -> list[tuple[object, ...]]:
        rows = map(json.loads, s.splitlines())
        return sorted(
            (r["id"], r["exact"], r["color"], r["note"], tuple(r["tags"]), r["start"]) for r in rows
        )

    assert strip(run(capsys, "highlights", "--json")[1]) == strip(before)
    code, out, _ = run(capsys, "import", str(exported))
    assert out.startswith("imported: 0 added, 0 updated, 3 unchanged")


def test_import_hostile_file_changes_nothing(
    lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_highlights(capsys, lib)
    before = run(capsys, "highlights", "--json")[1]
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"[" * 5000)
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1 and "nothing was imported" in err and "Traceback" not in err
    assert run(capsys, "highlights", "--json")[1] == before


def test_export_is_of_this_library_unless_asked(
    lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text(
        "别的文章\n\n另一个库里的一篇文章，内容足够长，可以算作正文段落了。\n", "utf-8"
    )
    run(
        capsys,
        "highlight",
        str(other / "x.txt"),
        "--quote",
        "另一个库里的一篇文章",
        "--library",
        str(other),
    )
    _, out, _ = run(capsys, "export", "--format", "csv")
    assert "另一个库里的一篇文章" not in out
    _, out, _ = run(capsys, "export", "--format", "csv", "--all-libraries")
    assert "另一个库里的一篇文章" in out


def test_export_only_the_highlights_named(
    lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_highlights(capsys, lib)
    rows = [json.loads(x) for x in run(capsys, "highlights", "--json")[1].splitlines()]
    assert len(rows) >= 2
    one = rows[0]
    _, out, _ = run(capsys, "export", "--format", "csv", "--highlight", one["id"][:8])
    assert one["exact"] in out
    assert all(r["exact"] not in out for r in rows[1:] if r["exact"] != one["exact"])
    code, _, err = run(capsys, "export", "--format", "csv", "--highlight", "nosuchid")
    assert code != 0 and "no highlight" in err
