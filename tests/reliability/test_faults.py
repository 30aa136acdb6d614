"""Faults around the store and the app: full disks, read-only folders, several
writers at once, and closing while work runs."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core import files as files_mod
from reader.core.anchoring import describe
from reader.core.annotations import AddHighlight, Highlight
from reader.core.store import Store, StoreReadOnly, StoreWriteError

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
TEXT = "新疆维吾尔自治区对口支援工作会议在乌鲁木齐召开，各方代表出席会议并讲话。"


def hl(start: int = 0) -> Highlight:
    return Highlight.new("a1", describe(TEXT, start, start + 6))


@pytest.mark.parametrize(
    "failure",
    [
        ("os", "replace", errno.EROFS, "Read-only file system"),
        ("os", "fsync", errno.ENOSPC, "No space left on device"),
        ("tempfile", "mkstemp", errno.EACCES, "Permission denied"),
    ],
    ids=["read-only-folder", "disk-full", "no-permission"],
)
def test_failed_save_is_loud_keeps_everything_and_recovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure
) -> None:
    module, name, code, text = failure
    path = tmp_path / "store.json"
    s = Store.open(path)
    first = hl(0)
    s.apply(AddHighlight(first))
    s.save()
    before = path.read_bytes()
    second = hl(8)
    s.apply(AddHighlight(second))

    def broken(*_a: object, **_k: object) -> None:
        raise OSError(code, text)

    target = files_mod.os if module == "os" else files_mod.tempfile
    monkeypatch.setattr(target, name, broken)
    with pytest.raises(StoreWriteError, match=text):
        s.save()
    assert path.read_bytes() == before  # the previous store is intact
    assert second.id in s.doc.highlights and s.has_unsaved  # memory kept
    monkeypatch.undo()
    assert s.save() is True  # space is back: the change lands
    assert set(Store.open(path).doc.highlights) == {first.id, second.id}


def test_two_apps_and_a_cli_writer_lose_nothing(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    lib = tmp_path / "lib"
    shutil.copytree(SEEDS, lib)
    store_path = tmp_path / "data" / "store.json"
    monkeypatch.setattr("reader.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    a = MainWindow(Store.open(store_path, instance=True), Settings(str(tmp_path / "a.ini")), lib)
    b = MainWindow(Store.open(store_path, instance=True), Settings(str(tmp_path / "b.ini")), lib)
    for w in (a, b):
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.library_loaded, timeout=20000):
            w.start_load()
    assert not a.store.read_only and b.store.read_only
    art = next(x for x in a.model.articles if x.title.startswith("山西省"))
    mine = Highlight.new(art.id, describe(art.text, 10, 20), note="app A")
    a.edits._timer.stop()
    a.store.apply(AddHighlight(mine))  # not yet saved when the CLI writes
    env = dict(
        os.environ, READER_STORE=str(store_path), READER_LIBRARY=str(lib), PYTHONPATH=str(ROOT)
    )
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "highlight",
            art.path,
            "--quote",
            "骆惠宁",
            "--occurrence",
            "1",
            "--note",
            "CLI",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    cli_id = out.stdout.strip()
    b.store.apply(AddHighlight(Highlight.new(art.id, describe(art.text, 30, 40))))
    with pytest.raises(StoreReadOnly):
        b.store.save()  # the second window cannot write, and says why
    a.store.save()
    final = Store.open(store_path).doc.highlights
    assert {mine.id, cli_id} <= set(final)
    assert final[cli_id].note == "CLI" and final[mine.id].note == "app A"
    a.close()
    b.close()


def test_closing_during_an_export_leaves_nothing_half_written(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.export import ExportFilter, select
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings
    from reader.ui.workers import Job

    lib = tmp_path / "lib"
    shutil.copytree(SEEDS, lib)
    win = MainWindow(
        Store.open(tmp_path / "s.json", instance=True), Settings(str(tmp_path / "s.ini")), lib
    )
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.library_loaded, timeout=20000):
        win.start_load()
    out = tmp_path / "export" / "notes"
    started = []

    def slow_export(job: Job) -> None:
        from reader.core.export import run_export

        notes = select(list(win.model.all.values()), win.store.doc, ExportFilter())
        started.append(True)

        def step(done: int, total: int) -> bool:
            while not job.cancelled:  # a very long export, until the window closes
                job.progress(done, total)
                import time

                time.sleep(0.01)
            return False

        run_export("md", notes * 50, win.store.doc, out, folder=True, progress=step)

    win.tasks.run("export", slow_export)
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    win.close()
    assert win.tasks.running() == 0
    written = list(out.iterdir()) if out.exists() else []
    assert [p for p in written if p.name.endswith(".tmp")] == []
    assert written == []  # cancelled before the first file


def test_store_and_backups_are_private(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "d" / "store.json")
    for i in range(3):
        s.apply(AddHighlight(hl(i)))
        s.save()
    files = [s.path, *(s.backup_dir.iterdir())]
    assert files and all(oct(p.stat().st_mode & 0o777) == "0o600" for p in files)
    assert oct(s.path.parent.stat().st_mode & 0o777) == "0o700"
    assert json.loads(s.path.read_text("utf-8"))["schema_version"] >= 1
