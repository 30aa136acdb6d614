"""The store keeps every change: atomic saves, backups, recovery, locking, merging."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core import store as store_mod
from reader.core.anchoring import describe
from reader.core.annotations import (
    AddHighlight,
    DeleteHighlight,
    EditHighlight,
    Highlight,
    TagArticle,
    dump,
)
from reader.core.store import (
    Backup,
    Store,
    StoreReadOnly,
    StoreTooNew,
    StoreWriteError,
    backups_to_keep,
    list_backups,
    parse,
)

TEXT = "第一段正文，讲述了援疆工作的具体情况。第二段正文，记者在现场看到。"


def new_h(article: str = "a1", start: int = 0, end: int = 5, **kw) -> Highlight:
    return Highlight.new(article, describe(TEXT, start, end), **kw)


def add(store: Store, **kw) -> Highlight:
    h = new_h(**kw)
    store.apply(AddHighlight(h))
    store.save()
    return h


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "store.json"


def test_save_and_reload_roundtrip(path: Path) -> None:
    s = Store.open(path)
    h = add(s, note="笔记 **粗体**", tags=["人物"], color="blue")
    s.apply(TagArticle("a1", ["援疆"]))
    s.save()
    again = Store.open(path)
    assert dump(again.doc.highlights[h.id]) == dump(h)
    assert again.doc.articles["a1"].tags == ["援疆"]
    assert again.messages == []
    # human-readable: one record per line, UTF-8 not escaped
    text = path.read_text("utf-8")
    assert '"schema_version": 3' in text and "笔记" in text
    assert sum(1 for line in text.splitlines() if h.id in line) == 1


def test_files_are_private(path: Path) -> None:
    s = Store.open(path)
    add(s)
    add(s)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for b in list_backups(s.backup_dir):
        assert stat.S_IMODE(b.path.stat().st_mode) == 0o600


def test_nothing_to_save_writes_nothing(path: Path) -> None:
    s = Store.open(path)
    add(s)
    mtime = path.stat().st_mtime_ns
    assert s.save() is False
    assert path.stat().st_mtime_ns == mtime


def test_failed_write_keeps_old_file_and_memory(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = Store.open(path)
    h1 = add(s)
    before = path.read_bytes()
    h2 = new_h(start=6, end=10)
    s.apply(AddHighlight(h2))

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_mod.os, "fsync", full)
    with pytest.raises(StoreWriteError, match="No space left"):
        s.save()
    assert path.read_bytes() == before
    assert h2.id in s.doc.highlights and s.has_unsaved
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    assert s.save() is True
    assert set(Store.open(path).doc.highlights) == {h1.id, h2.id}


def test_backups_rotate(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_mod, "BACKUP_EVERY", 0)
    s = Store.open(path)
    for i in range(15):
        add(s, start=i % 10, end=i % 10 + 3)
    backups = list_backups(s.backup_dir)
    assert len(backups) == 10
    newest = parse(backups[0].path.read_text("utf-8"))
    assert len(newest.highlights) == 14  # the version before the last save


def test_a_burst_of_saves_makes_one_backup(path: Path) -> None:
    s = Store.open(path)
    for i in range(6):
        add(s, start=i, end=i + 3)
    backups = list_backups(s.backup_dir)
    assert len(backups) == 1 and len(parse(backups[0].path.read_bytes()).highlights) == 1


def test_backup_policy_keeps_ten_recent_and_one_per_day() -> None:
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    backups = [Backup(Path(f"h{i}"), 100 - i, now - timedelta(minutes=i)) for i in range(12)]
    backups += [
        Backup(Path(f"d{i}"), 80 - i, now - timedelta(days=i, hours=1)) for i in range(1, 20)
    ]
    backups.sort(key=lambda b: b.generation, reverse=True)
    keep = backups_to_keep(backups, now)
    assert {f"h{i}" for i in range(10)} <= {p.name for p in keep}
    assert "h11" not in {p.name for p in keep}
    assert {f"d{i}" for i in range(1, 14)} <= {p.name for p in keep}
    assert "d15" not in {p.name for p in keep}


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b"this is not json",
        lambda b: json.dumps({"schema_version": 1, "highlights": {"x": {"selector": 5}}}).encode(),
        lambda b: b"",
    ],
    ids=["truncated", "not-json", "fails-validation", "empty"],
)
def test_damaged_store_is_kept_and_backup_restored(path: Path, damage) -> None:
    s = Store.open(path)
    h1 = add(s)
    h2 = add(s, start=6, end=9)
    bad = damage(path.read_bytes())
    path.write_bytes(bad)
    r = Store.open(path)
    kept = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == bad
    assert h1.id in r.doc.highlights and h2.id not in r.doc.highlights  # newest good backup
    assert any("damaged" in m and "Restored the backup" in m for m in r.messages)
    assert parse(path.read_text("utf-8")).highlights.keys() == r.doc.highlights.keys()


def test_corrupt_backup_is_skipped_for_an_older_one(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_mod, "BACKUP_EVERY", 0)
    s = Store.open(path)
    h1 = add(s)
    add(s, start=2, end=4)
    add(s, start=3, end=6)
    backups = list_backups(s.backup_dir)
    newest = backups[0].path.read_bytes()
    newest_bytes = newest[: len(newest) - 40]  # cut short: its header still says its generation
    os.unlink(backups[0].path)
    backups[0].path.write_bytes(newest_bytes)
    path.write_bytes(b"garbage")
    r = Store.open(path)
    assert h1.id in r.doc.highlights
    assert any("damaged too" in m for m in r.messages)
    assert backups[0].path.read_bytes() == newest_bytes  # evidence kept


def test_damaged_without_backup_starts_empty_and_says_so(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("{not json", "utf-8")
    r = Store.open(path)
    assert r.doc.highlights == {}
    assert any("no good backup" in m for m in r.messages)
    assert [p.read_text("utf-8") for p in path.parent.iterdir() if ".corrupt-" in p.name] == [
        "{not json"
    ]


def test_newer_schema_is_refused_and_untouched(path: Path) -> None:
    path.parent.mkdir(parents=True)
    raw = json.dumps({"schema_version": 99, "highlights": {}}).encode()
    path.write_bytes(raw)
    with pytest.raises(StoreTooNew, match="newer version"):
        Store.open(path)
    assert path.read_bytes() == raw
    assert sorted(p.name for p in path.parent.iterdir()) == ["store.json"]


V1 = {
    "schema_version": 1,
    "saved": "20261101T101010000000Z",
    "tags": {"人物": {"color": "blue", "created": "2026-11-01T10:00:00.000Z"}},
    "articles": {
        "a1": {
            "tags": ["人物"],
            "read": True,
            "position": 0.5,
            "starred": False,
            "note": "整篇笔记",
            "title": "标题",
            "modified": "",
        }
    },
    "highlights": {
        "h1": {
            "article": "a1",
            "selector": {
                "exact": "援疆",
                "prefix": "前" * 500,
                "suffix": "后" * 500,
                "start": 9,
                "end": 11,
            },
            "color": "blue",
            "note": "笔记",
            "tags": ["人物"],
            "created": "2026-11-01T10:00:00.000Z",
            "modified": "2026-11-01T10:00:00.000Z",
            "status": "anchored",
        }
    },
    "paths": {"/lib/a.txt": "a1"},
}


def test_schema_1_is_migrated_after_a_backup(path: Path) -> None:
    path.parent.mkdir(parents=True)
    old_bytes = json.dumps(V1, ensure_ascii=False, indent=1).encode()
    path.write_bytes(old_bytes)
    r = Store.open(path)
    h = r.doc.highlights["h1"]
    assert (h.exact, h.note, h.tags, h.color, h.start, h.end) == (
        "援疆",
        "笔记",
        ["人物"],
        "blue",
        9,
        11,
    )
    assert h.prefix == "前" * 32 and h.suffix == "后" * 32  # a selector's context, no more
    st = r.doc.articles["a1"]
    assert (st.tags, st.read, st.position, st.note) == (["人物"], True, 0.5, "整篇笔记")
    assert r.doc.tags["人物"].color == "blue" and r.doc.paths == {"/lib/a.txt": "a1"}
    assert any("upgraded from schema 1 to 3" in m for m in r.messages)
    pre = [b for b in list_backups(r.backup_dir) if b.path.name.endswith("-v1.json")]
    assert len(pre) == 1 and pre[0].path.read_bytes() == old_bytes
    assert json.loads(path.read_text("utf-8"))["schema_version"] == 3


def test_read_only_store_says_so_and_refuses_saves(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = Store.open(path)
    h = add(s)
    real_access = os.access
    monkeypatch.setattr(
        store_mod.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    r = Store.open(path)
    assert r.read_only and any("read-only" in m for m in r.messages)
    assert h.id in r.doc.highlights
    r.apply(EditHighlight(h.id, note="x"))
    with pytest.raises(StoreReadOnly):
        r.save()


def test_second_app_instance_opens_read_only(path: Path) -> None:
    first = Store.open(path, instance=True)
    second = Store.open(path, instance=True)
    assert not first.read_only
    assert second.read_only and "another Reader window" in second.read_only_reason
    first.close()
    third = Store.open(path, instance=True)
    assert not third.read_only
    third.close()


def test_concurrent_writers_lose_nothing(path: Path) -> None:
    app = Store.open(path, instance=True)
    cli = Store.open(path)
    h_app = new_h(start=0, end=3)
    app.apply(AddHighlight(h_app))  # not yet saved
    h_cli = add(cli, start=4, end=8)  # the CLI saves meanwhile
    app.save()
    final = Store.open(path).doc.highlights
    assert set(final) == {h_app.id, h_cli.id}
    assert h_cli.id in app.doc.highlights  # the app now sees the CLI's highlight
    app.close()


def test_external_delete_and_edit_are_taken_in(path: Path) -> None:
    app = Store.open(path)
    h1 = add(app)
    h2 = add(app, start=6, end=9)
    cli = Store.open(path)
    cli.apply(DeleteHighlight(h1.id))
    cli.apply(EditHighlight(h2.id, note="from cli"))
    cli.save()
    assert app.refresh() is True
    assert h1.id not in app.doc.highlights
    assert app.doc.highlights[h2.id].note == "from cli"


def test_both_edit_same_highlight_newer_wins(path: Path) -> None:
    a = Store.open(path)
    h = add(a)
    b = Store.open(path)
    a.apply(EditHighlight(h.id, note="older"))
    b.apply(EditHighlight(h.id, note="newer"))
    b.save()
    a.save()
    assert Store.open(path).doc.highlights[h.id].note == "newer"


def test_undo_redo_through_the_store_is_saved(path: Path) -> None:
    s = Store.open(path)
    h = add(s)
    s.undo()
    s.save()
    assert h.id not in Store.open(path).doc.highlights
    s.redo()
    s.save()
    assert h.id in Store.open(path).doc.highlights


def test_a_save_after_one_change_encodes_one_record(path: Path, monkeypatch) -> None:
    s = Store.open(path)
    hs = [add(s, start=i % 25, end=i % 25 + 5, note=f"n{i}") for i in range(40)]
    encoded: list[str] = []
    real = store_mod._record_line
    monkeypatch.setattr(
        store_mod,
        "_record_line",
        lambda kind, key, rec: encoded.append(key) or real(kind, key, rec),
    )
    s.apply(EditHighlight(hs[3].id, note="改过"))
    assert s.save()
    assert encoded == [hs[3].id]
    # a store just opened reuses the file's own lines at its first save too
    again = Store.open(path)
    encoded.clear()
    again.apply(EditHighlight(hs[4].id, note="也改过"))
    assert again.save()
    assert encoded == [hs[4].id]
    assert Store.open(path).doc.highlights[hs[4].id].note == "也改过"
    doc = Store.open(path).doc
    assert doc.highlights[hs[3].id].note == "改过"
    assert [doc.highlights[h.id].note for h in hs[5:]] == [f"n{i}" for i in range(5, 40)]


@pytest.mark.parametrize("layout", ["indent0", "indent2", "two_per_line", "one_line"])
def test_a_hand_formatted_store_is_read_and_written_whole(path: Path, layout: str) -> None:
    """Any valid JSON layout of the document is read, and the next save writes
    valid JSON with every record (the old line cache once took a fragment)."""
    s = Store.open(path)
    hs = [add(s, start=i, end=i + 4, note=f"n{i}", tags=["人物"]) for i in range(6)]
    obj = json.loads(path.read_text("utf-8"))
    if layout == "indent0":
        text = json.dumps(obj, ensure_ascii=False, indent=0)
    elif layout == "indent2":
        text = json.dumps(obj, ensure_ascii=False, indent=2)
    elif layout == "one_line":
        text = json.dumps(obj)
    else:  # the first two highlights on one line
        text = path.read_text("utf-8").replace("},\n{", "}, {", 1)
    path.write_text(text, "utf-8")
    again = Store.open(path)
    assert again.messages == []
    again.apply(AddHighlight(new_h(start=20, end=24, note="新的")))
    again.apply(EditHighlight(hs[5].id, note="改过"))
    again.save()
    data = path.read_text("utf-8")
    json.loads(data)  # valid JSON
    doc = parse(data)
    assert [doc.highlights[h.id].note for h in hs] == [f"n{i}" for i in range(5)] + ["改过"]
    assert len(doc.highlights) == 7
    for h in hs:  # one record per line again
        assert sum(1 for line in data.splitlines() if h.id in line) == 1
    lines = data.splitlines()
    first = lines.index('"highlights": [') + 1
    assert lines[first + 7] == "],"  # seven highlights, each on a line of its own
    assert all(json.loads(line.rstrip(","))["id"] for line in lines[first : first + 7])


def test_changed_articles_names_what_each_change_touched(path: Path) -> None:
    from reader.core.annotations import SetTagColor

    s = Store.open(path)
    h = add(s, article="a1")
    assert s.changed_articles == {"a1"}
    s.apply(TagArticle("a2", ["援疆"]))
    assert s.changed_articles is None  # a new tag: the tag lists change too
    s.apply(TagArticle("a3", ["援疆"]))
    assert s.changed_articles == {"a3"}
    s.apply(DeleteHighlight(h.id))  # gone, but it was on a1
    assert s.changed_articles == {"a1"}
    s.undo()
    assert s.changed_articles == {"a1"}
    s.apply(SetTagColor("援疆", "blue"))  # a tag's colour shows wherever it is used
    assert s.changed_articles is None


def test_schema_2_gains_colour_meanings_and_an_older_reader_cannot_drop_them(
    path: Path,
) -> None:
    from reader.core.annotations import SetColorMeaning

    path.parent.mkdir(parents=True)
    s = Store.open(path)
    s.apply(SetColorMeaning("yellow", "观点\n（论证）"))
    s.save()
    text = path.read_text("utf-8")
    v2 = json.loads(text)
    assert v2["schema_version"] == 3 and v2["colors"][0]["meaning"] == "观点 （论证）"
    # a schema-2 file (as Reader wrote it before colours had meanings) opens and upgrades
    del v2["colors"]
    v2["schema_version"] = 2
    path.write_text(json.dumps(v2, ensure_ascii=False), "utf-8")
    r = Store.open(path)
    assert r.doc.colors == {} and any("from schema 2 to 3" in m for m in r.messages)
    assert json.loads(path.read_text("utf-8"))["schema_version"] == 3
    r.apply(SetColorMeaning("red", "问题"))
    r.save()
    assert Store.open(path).doc.meanings() == {"red": "问题"}
    r.apply(SetColorMeaning("red", ""))
    assert r.doc.meanings() == {}


def test_colour_meanings_from_two_writers_merge(path: Path) -> None:
    from reader.core.annotations import SetColorMeaning

    path.parent.mkdir(parents=True)
    a = Store.open(path)
    a.save(force=True)
    b = Store.open(path)
    a.apply(SetColorMeaning("yellow", "观点"))
    a.save()
    b.apply(SetColorMeaning("red", "问题"))
    b.save()
    assert Store.open(path).doc.meanings() == {"yellow": "观点", "red": "问题"}
