"""Hostile input: every file gets a one-line reason or a best-effort article, quickly,
and never stops the rest of the library from loading.

Bounds (stated, and checked here): each file is refused or cleaned in under
5 s; a file over 20 MB is refused before it is read (``formats.MAX_FILE_BYTES``);
the whole set loads with the resident memory of the process growing by less
than 300 MB.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from reader.core import formats
from reader.core.article import Article
from reader.core.pipeline import load_folder

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
GOOD = "正常的文章\n\n这是一篇正常的文章，它应该和那些有问题的文件一起被读出来，一个都不能少。\n"

#: file name → a substring of the one-line reason, or ARTICLE for a best-effort article
ARTICLE = object()
EXPECTED: dict[str, object] = {
    "png_renamed.txt": "PNG image",
    "report.pdf": "PDF document",
    "empty.txt": "empty file",
    "zero.html": "empty file",
    "nul_bytes.txt": "only NUL bytes",
    "bad_utf8.html": ARTICLE,
    "gbk_declared_utf8.html": ARTICLE,
    "mixed_endings.txt": ARTICLE,
    "script_only.html": ARTICLE,
    "binary_garbage": "binary data",
    "big.txt": "too large",
    "bomb.html": "ZIP archive",
    "deep.html": ARTICLE,
    "unreadable.txt": "cannot read",
    "loop": "link",
    "outside.txt": "outside the library",
    "good.txt": ARTICLE,
}


@pytest.fixture
def hostile_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    lib = tmp_path / "lib"
    shutil.copytree(HOSTILE, lib)
    (lib / "README").unlink()
    (lib / "good.txt").write_text(GOOD, "utf-8")
    with open(lib / "big.txt", "wb") as fh:  # 250 MB (over any page), sparse: costs no disk
        fh.truncate(250 * 1024 * 1024)
    buf = lib / "bomb.html"
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:  # 200 MB of zeros in ~200 KB
        z.writestr("a.html", b"\0" * (200 * 1024 * 1024))
    (lib / "deep.html").write_text(
        "<html><body>"
        + "<div>" * 10_000
        + "深处的文字，内容在一万层嵌套之下。"
        + "</div>" * 10_000
        + "</body></html>",
        "utf-8",
    )
    unreadable = lib / "unreadable.txt"
    unreadable.write_text(GOOD, "utf-8")
    os.chmod(unreadable, 0)
    if os.geteuid() == 0:  # root reads anything: make the permission error happen anyway
        real_open = Path.open

        def guarded(self: Path, *a: object, **k: object):
            if self.name == "unreadable.txt":
                raise PermissionError(13, "Permission denied")
            return real_open(self, *a, **k)  # type: ignore[arg-type]

        monkeypatch.setattr(formats.Path, "open", guarded)
    (lib / "loop").symlink_to(lib / "loop")
    (lib / "sub").mkdir()
    (lib / "sub" / "back").symlink_to(lib, target_is_directory=True)
    outside = tmp_path / "secret.txt"
    outside.write_text("外面的文件不应该被读进来，这是库外的内容。" * 3, "utf-8")
    (lib / "outside.txt").symlink_to(outside)
    return lib


def test_every_hostile_file_has_an_outcome(hostile_library: Path) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    result = load_folder(hostile_library)
    secs = time.perf_counter() - t
    grew_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    by_name: dict[str, object] = {Path(a.path).name: a for a in result.articles}
    by_name.update({Path(f.path).name: f.reason for f in result.failures})
    for name, expected in EXPECTED.items():
        got = by_name.get(name)
        assert got is not None, f"{name}: no outcome at all"
        if expected is ARTICLE:
            assert isinstance(got, Article), f"{name}: expected an article, got {got!r}"
        else:
            assert isinstance(got, str) and expected in got, f"{name}: {got!r}"  # type: ignore[operator]
            assert "\n" not in got and "Traceback" not in got
    assert "back" not in by_name or "loop" in str(by_name.get("back"))
    assert secs < 5 * len(EXPECTED)
    assert grew_mb < 300
    good = by_name["good.txt"]
    assert isinstance(good, Article) and good.title == "正常的文章"
    gbk = by_name["gbk_declared_utf8.html"]
    assert isinstance(gbk, Article) and "乌鲁木齐" in gbk.text and gbk.warnings
    bad = by_name["bad_utf8.html"]
    assert isinstance(bad, Article) and "后面的文字仍然可以读出来" in bad.text and bad.warnings
    assert "外面的文件" not in "".join(a.text for a in result.articles)


def test_each_file_alone_is_quick(hostile_library: Path) -> None:
    from reader.core.formats import NotAnArticle
    from reader.core.library import load_file

    for p in sorted(hostile_library.iterdir()):
        if p.is_symlink() or p.is_dir():
            continue
        t = time.perf_counter()
        with contextlib.suppress(NotAnArticle):
            load_file(p)
        assert time.perf_counter() - t < 5, p.name


def test_app_loads_the_hostile_library(hostile_library: Path, qtbot, tmp_path: Path) -> None:
    from reader.core.store import Store
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    win = MainWindow(
        Store.open(tmp_path / "s.json"), Settings(str(tmp_path / "s.ini")), hostile_library
    )
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.library_loaded, timeout=60_000):
        win.start_load()
    titles = [a.title for a in win.model.articles]
    assert "正常的文章" in titles
    assert "could not be read" in win.status.text()
    for article in list(win.model.articles):
        win.open_article(article.id)  # every article that loaded also opens
    win.close()
