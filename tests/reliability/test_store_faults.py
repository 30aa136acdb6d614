"""The store under the faults of issue 14: two writers on one record, clocks
that were wrong, failed saves, unwritable folders, symlinks and hostile values.

Each test fails on the store as it was before (record-level merge, backups
by file-name date, a line cache, loose validation)."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from reader.core import store as store_mod
from reader.core.anchoring import describe
from reader.core.annotations import (
    AddHighlight,
    DeleteHighlight,
    EditHighlight,
    Highlight,
    SetArticle,
    TagArticle,
)
from reader.core.merge import merge_record, merge_tags
from reader.core.store import Store, StoreWriteError, list_backups, parse

TEXT = "新疆维吾尔自治区对口支援工作会议在乌鲁木齐召开，各方代表出席会议并讲话。"


def hl(start: int = 0, **kw) -> Highlight:
    return Highlight.new("a1", describe(TEXT, start, start + 6), **kw)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "store.json"


def saved(path: Path) -> Store:
    return Store.open(path)


# -- two writers on one record ------------------------------------------------------


def test_two_writers_tagging_one_article_both_win(path: Path) -> None:
    a, b = Store.open(path), Store.open(path)
    a.apply(TagArticle("art", ["来自A"]))
    b.apply(TagArticle("art", ["来自B"]))
    a.save()
    b.save()  # b merges a's save: a tag each, both kept
    assert set(saved(path).doc.articles["art"].tags) == {"来自A", "来自B"}


def test_removing_one_tag_while_another_writer_adds_one(path: Path) -> None:
    s = Store.open(path)
    s.apply(TagArticle("art", ["旧", "留"]))
    s.save()
    a, b = Store.open(path), Store.open(path)
    a.apply(TagArticle("art", ["旧"], remove=True))
    b.apply(TagArticle("art", ["新"]))
    b.save()
    a.save()
    assert set(saved(path).doc.articles["art"].tags) == {"留", "新"}


def test_note_and_colour_of_one_highlight_from_two_writers(path: Path) -> None:
    s = Store.open(path)
    h = hl()
    s.apply(AddHighlight(h))
    s.save()
    a, b = Store.open(path), Store.open(path)
    a.apply(EditHighlight(h.id, note="笔记"))
    b.apply(EditHighlight(h.id, color="red"))
    a.save()
    b.save()
    final = saved(path).doc.highlights[h.id]
    assert (final.note, final.color) == ("笔记", "red")
    assert not saved(path).doc.conflicts  # different fields: no conflict


def test_a_delete_wins_over_an_older_edit(path: Path) -> None:
    s = Store.open(path)
    h = hl()
    s.apply(AddHighlight(h))
    s.save()
    a, b = Store.open(path), Store.open(path)
    b.apply(EditHighlight(h.id, note="older edit"))  # edited first …
    a.apply(DeleteHighlight(h.id))  # … deleted after
    b.save()
    a.save()
    doc = saved(path).doc
    assert h.id not in doc.highlights
    # the edit that lost is kept where the user can see and restore it
    lost = [c for c in doc.conflicts.values() if c.key == h.id]
    assert len(lost) == 1 and lost[0].lost["note"] == "older edit"


def test_a_newer_edit_wins_over_a_delete_and_says_so(path: Path) -> None:
    s = Store.open(path)
    h = hl()
    s.apply(AddHighlight(h))
    s.save()
    a, b = Store.open(path), Store.open(path)
    a.apply(DeleteHighlight(h.id))  # deleted first …
    b.apply(EditHighlight(h.id, note="newer edit"))  # … edited after
    a.save()
    b.save()
    doc = saved(path).doc
    assert doc.highlights[h.id].note == "newer edit"
    assert [c.field for c in doc.conflicts.values() if c.key == h.id] == ["deleted"]


def test_same_field_both_ways_newer_wins_and_the_other_is_kept(path: Path) -> None:
    s = Store.open(path)
    h = hl()
    s.apply(AddHighlight(h))
    s.save()
    a, b = Store.open(path), Store.open(path)
    a.apply(EditHighlight(h.id, note="A 的笔记"))
    b.apply(EditHighlight(h.id, note="B 的笔记"))  # later
    a.save()
    b.save()
    doc = saved(path).doc
    assert doc.highlights[h.id].note == "B 的笔记"
    (c,) = doc.conflicts.values()
    assert (c.field, c.kept, c.lost) == ("note", "B 的笔记", "A 的笔记")


def test_a_reading_position_never_overwrites_a_tag_from_elsewhere(path: Path) -> None:
    app, cli = Store.open(path), Store.open(path)
    app.apply(SetArticle("art", position=0.4), undoable=False)  # not yet saved
    cli.apply(TagArticle("art", ["命令行"]))
    cli.save()
    app.save()
    st = saved(path).doc.articles["art"]
    assert st.tags == ["命令行"] and st.position == 0.4


def test_merge_is_the_same_whichever_side_merges() -> None:
    base = {"tags": ["a"], "note": "", "color": "yellow", "modified": "1"}
    x = {"tags": ["a", "x"], "note": "X", "color": "yellow", "modified": "3"}
    y = {"tags": ["y"], "note": "Y", "color": "red", "modified": "2"}
    one = merge_record("articles", "k", base, x, y).value
    two = merge_record("articles", "k", base, y, x).value
    assert one["note"] == two["note"] == "X"  # the newer edit
    assert set(one["tags"]) == set(two["tags"]) == {"x", "y"}
    assert merge_tags(["a", "b"], ["a", "b", "c"], ["b", "d"]) == ["b", "d", "c"]


# -- backups ------------------------------------------------------------------------


def test_recovery_takes_the_newest_generation_whatever_the_names_say(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_mod, "BACKUP_EVERY", 0)
    s = Store.open(path)
    hs = []
    for i in range(4):
        hs.append(hl(i))
        s.apply(AddHighlight(hs[-1]))
        s.save()
    # an old backup renamed as if written by a clock years ahead
    oldest = min(list_backups(s.backup_dir), key=lambda b: b.generation)
    oldest.path.rename(s.backup_dir / "store-20991231T235959000000Z.json")
    path.write_bytes(b"{damaged")
    r = Store.open(path)
    assert set(r.doc.highlights) == {h.id for h in hs[:3]}  # the newest backup's content


def test_pruning_by_generation_keeps_history_after_failed_saves(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_mod, "BACKUP_EVERY", 0)
    s = Store.open(path)
    for i in range(3):
        s.apply(AddHighlight(hl(i)))
        s.save()
    real_replace = os.replace

    def full(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    s.apply(AddHighlight(hl(10)))
    monkeypatch.setattr(os, "replace", full)
    for _ in range(15):  # the disk is full: every save fails
        with pytest.raises(StoreWriteError):
            s.save()
    monkeypatch.setattr(os, "replace", real_replace)
    s.save()
    contents = {len(parse(b.path.read_bytes()).highlights) for b in list_backups(s.backup_dir)}
    assert contents == {1, 2, 3}  # three versions of history, not copies of one


def test_an_unwritable_backups_folder_warns_and_saves_anyway(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_mod, "BACKUP_EVERY", 0)
    s = Store.open(path)
    s.apply(AddHighlight(hl(0)))
    s.save()
    s.backup_dir.mkdir(exist_ok=True)
    os.chmod(s.backup_dir, 0o500)
    try:
        if os.access(s.backup_dir, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        h = hl(6)
        s.apply(AddHighlight(h))
        assert s.save()
        assert h.id in saved(path).doc.highlights
        assert any("Could not write a backup" in m for m in s.messages)
    finally:
        os.chmod(s.backup_dir, 0o700)


def test_an_unwritable_backups_path_warns_and_saves_anyway(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as root can see it: ``backups`` is a file, not a folder."""
    monkeypatch.setattr(store_mod, "BACKUP_EVERY", 0)
    s = Store.open(path)
    s.apply(AddHighlight(hl(0)))
    s.save()
    shutil.rmtree(s.backup_dir, ignore_errors=True)
    s.backup_dir.write_text("not a folder")
    h = hl(6)
    s.apply(AddHighlight(h))
    assert s.save()
    assert h.id in saved(path).doc.highlights
    assert any("Could not write a backup" in m for m in s.messages)


def test_a_symlinked_store_is_written_through(tmp_path: Path) -> None:
    synced = tmp_path / "Sync" / "store.json"
    link = tmp_path / "data" / "store.json"
    first = Store.open(synced)
    first.apply(AddHighlight(hl(0)))
    first.save()
    link.parent.mkdir()
    link.symlink_to(synced)
    s = Store.open(link)
    h = hl(6)
    s.apply(AddHighlight(h))
    s.save()
    assert link.is_symlink()  # still a link …
    assert h.id in parse(synced.read_bytes()).highlights  # … and the target has the change
    assert stat.S_IMODE(synced.stat().st_mode) == 0o600


# -- hostile values -----------------------------------------------------------------


def _valid(path: Path) -> dict:
    s = Store.open(path)
    h = hl()
    s.apply(AddHighlight(h, article_title="标题"))
    s.apply(TagArticle("a1", ["人物"]))
    s.save()
    return json.loads(path.read_text("utf-8"))


BAD = {
    "highlight tags of the wrong type": lambda o: o["highlights"][0].update(tags=[1, None]),
    "article tags of the wrong type": lambda o: o["articles"][0].update(tags=[1]),
    "a colour that is a number": lambda o: o["highlights"][0].update(color=5),
    "an unknown colour": lambda o: o["highlights"][0].update(color="not-a-colour"),
    "a creation time that is a number": lambda o: o["highlights"][0].update(created=5),
    "a reading position out of range": lambda o: o["articles"][0].update(position=1e999),
    "a negative offset": lambda o: o["highlights"][0]["selector"].update(start=-4),
    "an end before the start": lambda o: o["highlights"][0]["selector"].update(start=9, end=2),
    "a control character in a tag": lambda o: o["articles"][0].update(tags=["a\u0007b"]),
    "an unknown status": lambda o: o["highlights"][0].update(status="lost"),
    "two highlights with one id": lambda o: o["highlights"].append(dict(o["highlights"][0])),
    "a huge prefix": lambda o: o["highlights"][0]["selector"].update(prefix="前" * 100_000),
}


@pytest.mark.parametrize("damage", list(BAD), ids=list(BAD))
def test_a_value_of_the_wrong_type_is_kept_aside_and_recovered(path: Path, damage: str) -> None:
    obj = _valid(path)
    s = Store.open(path)  # a second save, so a good backup exists
    s.apply(AddHighlight(hl(10)))
    s.save()
    obj = json.loads(path.read_text("utf-8"))
    BAD[damage](obj)
    path.write_text(json.dumps(obj, ensure_ascii=False), "utf-8")
    r = Store.open(path)
    assert any("damaged" in m for m in r.messages)
    kept = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1  # the damaged file is kept as it was
    assert len(r.doc.highlights) == 1  # the backup before the last save
    for h in r.doc.highlights.values():  # and what is loaded is of the right types
        assert isinstance(h.color, str) and all(isinstance(t, str) for t in h.tags)
