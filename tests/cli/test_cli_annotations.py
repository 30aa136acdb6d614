"""The command-line contract for tags and highlights (issue: annotation store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
HL_KEYS = [
    "id",
    "article",
    "exact",
    "color",
    "note",
    "tags",
    "status",
    "start",
    "end",
    "created",
    "modified",
]


def article_id(capsys: pytest.CaptureFixture[str], prefix: str) -> str:
    _, out, _ = run(capsys, "list", "--json")
    return next(
        json.loads(x)["id"] for x in out.splitlines() if json.loads(x)["title"].startswith(prefix)
    )


def test_highlight_by_path_and_list_json(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(next(lib.glob("004_*")))
    code, out, _ = run(
        capsys,
        "highlight",
        f,
        "--quote",
        "骆惠宁",
        "--occurrence",
        "2",
        "--color",
        "green",
        "--note",
        "第二处",
        "--tag",
        "人物",
        "--tag",
        "山西",
    )
    assert code == 0
    hid = out.strip()
    code, out, _ = run(capsys, "highlights", "--json")
    rows = [json.loads(x) for x in out.splitlines()]
    assert len(rows) == 1 and list(rows[0]) == HL_KEYS
    r = rows[0]
    assert (r["id"], r["exact"], r["color"], r["note"], r["tags"], r["status"]) == (
        hid,
        "骆惠宁",
        "green",
        "第二处",
        ["人物", "山西"],
        "anchored",
    )
    text = json.loads(run(capsys, "show", f, "--json")[1])
    joined = "\n\n".join(b["text"] for b in text["blocks"])
    assert joined[r["start"] : r["end"]] == "骆惠宁"
    assert joined.find("骆惠宁") < r["start"]  # the second occurrence


def test_quote_not_found_is_an_error(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    aid = article_id(capsys, "山西省")
    code, out, err = run(
        capsys, "highlight", aid[:6], "--quote", "不存在的句子", "--occurrence", "1"
    )
    assert code == 1 and out == "" and "quote not found" in err
    code, _, err = run(capsys, "highlight", aid, "--quote", "骆惠宁", "--occurrence", "99")
    assert code == 1 and "out of range" in err


def test_bad_colour_is_an_error(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    aid = article_id(capsys, "山西省")
    code, _, err = run(
        capsys, "highlight", aid, "--quote", "骆惠宁", "--occurrence", "1", "--color", "mauve-ish"
    )
    assert code == 1 and "unknown colour" in err


def test_note_recolor_delete(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    aid = article_id(capsys, "山西省")
    hid = run(capsys, "highlight", aid, "--quote", "骆惠宁", "--occurrence", "1")[1].strip()
    assert run(capsys, "note", hid[:8], "新的笔记")[0] == 0
    assert run(capsys, "recolor", hid, "#112233")[0] == 0
    r = json.loads(run(capsys, "highlights", aid, "--json")[1])
    assert (r["note"], r["color"]) == ("新的笔记", "#112233")
    assert run(capsys, "delete", hid)[0] == 0
    assert run(capsys, "highlights", "--json")[1] == ""
    code, _, err = run(capsys, "delete", hid)
    assert code == 1 and "no highlight" in err


def test_filters(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    aid = article_id(capsys, "山西省")
    run(
        capsys,
        "highlight",
        aid,
        "--quote",
        "骆惠宁",
        "--occurrence",
        "1",
        "--color",
        "blue",
        "--tag",
        "甲",
    )
    run(
        capsys,
        "highlight",
        aid,
        "--quote",
        "陈全国",
        "--occurrence",
        "1",
        "--color",
        "pink",
        "--tag",
        "乙",
    )

    def ids(*a: str) -> list[str]:
        out = run(capsys, "highlights", *a, "--json")[1]
        return [json.loads(x)["exact"] for x in out.splitlines()]

    assert ids("--tag", "甲") == ["骆惠宁"]
    assert ids("--color", "pink") == ["陈全国"]
    assert ids("--orphaned") == []


def test_tags_lifecycle(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    aid = article_id(capsys, "山西省")
    other = article_id(capsys, "上海市")
    assert run(capsys, "tag", aid, "援疆", "山西")[1].strip() == "援疆, 山西"
    run(capsys, "tag", other, "援疆")
    run(capsys, "highlight", aid, "--quote", "骆惠宁", "--occurrence", "1", "--tag", "援疆")
    rows = {r["name"]: r for r in map(json.loads, run(capsys, "tags", "--json")[1].splitlines())}
    assert (rows["援疆"]["articles"], rows["援疆"]["highlights"]) == (2, 1)
    assert run(capsys, "tags", "--rename", "山西", "晋")[0] == 0
    assert run(capsys, "tags", "--merge", "晋", "援疆")[0] == 0
    code, out, _ = run(capsys, "tags", "--delete", "援疆")
    assert code == 0 and "2 article(s) and 1 highlight(s)" in out
    assert run(capsys, "tags", "--json")[1] == ""
    assert run(capsys, "untag", aid, "不存在")[0] == 0


def test_list_shows_tags_and_counts(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    aid = article_id(capsys, "山西省")
    run(capsys, "tag", aid, "援疆")
    run(capsys, "highlight", aid, "--quote", "骆惠宁", "--occurrence", "1")
    row = next(
        json.loads(x)
        for x in run(capsys, "list", "--json")[1].splitlines()
        if json.loads(x)["id"] == aid
    )
    assert row["tags"] == ["援疆"] and row["highlights"] == 1


def test_store_flag_and_env(lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other" / "s.json"
    aid = article_id(capsys, "山西省")
    run(capsys, "highlight", aid, "--quote", "骆惠宁", "--occurrence", "1", "--store", str(other))
    assert other.exists()
    assert run(capsys, "highlights", "--json")[1] == ""  # READER_STORE store untouched
    assert len(run(capsys, "highlights", "--json", "--store", str(other))[1].splitlines()) == 1


def test_newer_store_is_a_clear_error(
    lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = tmp_path / "new.json"
    s.write_text('{"schema_version": 7}', "utf-8")
    code, _, err = run(capsys, "highlights", "--store", str(s))
    assert code == 1 and "newer version" in err and "Traceback" not in err
    assert s.read_text("utf-8") == '{"schema_version": 7}'


def test_corrupt_store_message_on_stderr(
    lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = tmp_path / "c.json"
    s.write_text("{{{", "utf-8")
    code, _, err = run(capsys, "highlights", "--store", str(s))
    assert code == 0 and "damaged" in err


def test_conflicts_are_listed_restored_and_dismissed(
    lib: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json
    import os

    from reader.core.annotations import EditHighlight
    from reader.core.store import Store

    aid = article_id(capsys, "山西省")
    code, hid, _ = run(
        capsys, "highlight", aid, "--quote", "骆惠宁", "--occurrence", "1", "--note", "原来的"
    )
    hid = hid.strip()
    path = Path(os.environ["READER_STORE"])
    a, b = Store.open(path), Store.open(path)
    a.apply(EditHighlight(hid, note="甲写的"))
    b.apply(EditHighlight(hid, note="乙写的"))  # later: wins
    a.save()
    b.save()
    code, out, _ = run(capsys, "conflicts", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 1
    assert (rows[0]["field"], rows[0]["kept"], rows[0]["lost"]) == ("note", "乙写的", "甲写的")
    code, out, _ = run(capsys, "conflicts", "--restore", rows[0]["id"][:8])
    assert code == 0 and "restored" in out
    assert Store.open(path).doc.highlights[hid].note == "甲写的"
    assert run(capsys, "conflicts", "--json")[1] == ""
    code, _, err = run(capsys, "conflicts", "--dismiss", "nothing-like-it")
    assert code == 1 and "no single conflict" in err


def test_a_quote_that_occurs_more_than_once_needs_an_occurrence(
    lib: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = str(next(lib.glob("004_*")))
    code, _, err = run(capsys, "highlight", f, "--quote", "骆惠宁")
    assert code == 1 and "occurs" in err and "--occurrence" in err
    code, out, _ = run(capsys, "highlight", f, "--quote", "骆惠宁", "--occurrence", "3")
    assert code == 0 and out.strip()


def test_every_option_says_what_it_does() -> None:
    import argparse

    from reader.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    missing = [
        f"{name} {'/'.join(a.option_strings) or a.dest}"
        for name, p in sub.choices.items()
        for a in p._actions
        if not isinstance(a, argparse._HelpAction) and not a.help
    ]
    assert missing == []
