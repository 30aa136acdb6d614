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
    assert again.doc.highlights[h.id].to_json() == h.to_json()
    assert again.doc.articles["a1"].tags == ["援疆"]
    assert again.messages == []
    # human-readable: one record per line, UTF-8 not escaped
    text = path.read_text("utf-8")
    assert '"schema_version": 1' in text and "笔记" in text
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


def test_backups_rotate(path: Path) -> None:
    s = Store.open(path)
    for i in range(15):
        add(s, start=i % 10, end=i % 10 + 3)
    backups = list_backups(s.backup_dir)
    assert len(backups) == 10
    newest = parse(backups[0].path.read_text("utf-8"))
    assert len(newest.highlights) == 14  # the version before the last save


def test_backup_policy_keeps_ten_recent_and_one_per_day() -> None:
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    backups = [Backup(Path(f"h{i}"), now - timedelta(minutes=i)) for i in range(12)]
    backups += [Backup(Path(f"d{i}"), now - timedelta(days=i, hours=1)) for i in range(1, 20)]
    backups.sort(key=lambda b: b.when, reverse=True)
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


def test_corrupt_backup_is_skipped_for_an_older_one(path: Path) -> None:
    s = Store.open(path)
    h1 = add(s)
    add(s, start=2, end=4)
    add(s, start=3, end=6)
    backups = list_backups(s.backup_dir)
    newest_bytes = b"{broken"
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


def test_older_schema_is_migrated_after_a_backup(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = Store.open(path)
    h = add(s)
    old_bytes = path.read_bytes()

    def step(obj: dict) -> dict:
        obj = dict(obj)
        obj["schema_version"] = 2
        for rec in obj["highlights"].values():
            rec["note"] = rec["note"] + " (migrated)"
        return obj

    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store_mod.MIGRATIONS, 1, step)
    r = Store.open(path)
    assert r.doc.highlights[h.id].note.endswith("(migrated)")
    assert any("upgraded from schema 1 to 2" in m for m in r.messages)
    pre = [b for b in list_backups(r.backup_dir) if b.path.name.endswith("-v1.json")]
    assert len(pre) == 1 and pre[0].path.read_bytes() == old_bytes
    assert json.loads(path.read_text("utf-8"))["schema_version"] == 2


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


def test_sliced_preparation_leaves_only_the_write(path: Path) -> None:
    s = Store.open(path)
    hs = [add(s, start=i % 25, end=i % 25 + 5, note=f"n{i}") for i in range(40)]
    again = Store.open(path)  # the file's lines are reused, not re-encoded
    again.apply(EditHighlight(hs[3].id, note="改过"))
    encoded: list[str] = []
    real = store_mod._encode_line
    store_mod._encode_line = lambda k, v: encoded.append(k) or real(k, v)  # type: ignore[assignment]
    try:
        slices = 1
        while not again.prepare_save(budget=0):
            slices += 1
        assert slices > 4  # the work really was cut into slices
        assert encoded == [hs[3].id]  # the file's lines reused for all the others
        assert again.save()
    finally:
        store_mod._encode_line = real  # type: ignore[assignment]
    assert encoded == [hs[3].id]  # the save itself had nothing left to encode
    doc = Store.open(path).doc
    assert doc.highlights[hs[3].id].note == "改过"
    assert [doc.highlights[h.id].note for h in hs[4:]] == [f"n{i}" for i in range(4, 40)]


def test_file_lines_are_not_reused_after_taking_in_another_save(path: Path) -> None:
    s = Store.open(path)
    h1, h2 = add(s), add(s, start=6, end=9)
    app = Store.open(path)  # holds the file's lines for its first save
    cli = Store.open(path)
    cli.apply(EditHighlight(h1.id, note="from cli"))
    cli.save()
    app.apply(EditHighlight(h2.id, note="from app"))
    app.save()
    final = Store.open(path).doc.highlights
    assert final[h1.id].note == "from cli"
    assert final[h2.id].note == "from app"


@pytest.mark.parametrize("layout", ["indented", "two_per_line"])
def test_hand_edited_layout_is_encoded_afresh(path: Path, layout: str) -> None:
    s = Store.open(path)
    hs = [add(s, start=i, end=i + 4, note=f"n{i}") for i in range(6)]
    text = path.read_text("utf-8")
    if layout == "indented":
        text = json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    else:  # the first two highlights on one line
        text = text.replace(",\n" + json.dumps(hs[1].id), ", " + json.dumps(hs[1].id), 1)
    path.write_text(text, "utf-8")
    again = Store.open(path)
    again.apply(EditHighlight(hs[5].id, note="改过"))
    while not again.prepare_save(budget=0):
        pass
    again.save()
    data = path.read_text("utf-8")
    doc = parse(data)
    assert [doc.highlights[h.id].note for h in hs] == [f"n{i}" for i in range(5)] + ["改过"]
    # one record per line again
    for h in hs:
        assert sum(1 for line in data.splitlines() if h.id in line) == 1


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
