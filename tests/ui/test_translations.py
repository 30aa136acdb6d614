"""Every string the user sees exists in English and Simplified Chinese (issue 18 #6)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


def test_every_user_visible_string_has_a_chinese_translation(tmp_path: Path) -> None:
    """lupdate over the code (UI and the core's marked messages) finds nothing new."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    ts = tmp_path / "zh.ts"
    shutil.copy(ROOT / "resources/translations/reader_zh_CN.ts", ts)
    sources = sorted(str(p) for d in ("reader/ui", "reader/core") for p in (ROOT / d).rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(ts)], check=True, capture_output=True)
    missing = [
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in ET.parse(ts).getroot().iter("context")
        for m in ctx.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert missing == []
    # and the file is not emptied by a bad run: the core's messages are in it
    assert len(list(ET.parse(ts).getroot().iter("message"))) > 300


def test_the_cores_messages_show_in_chinese(qapp, tmp_path: Path) -> None:
    from reader.core.export.importing import ImportReport
    from reader.core.store import Store
    from reader.ui.app import install_translations
    from reader.ui.core_text import tr_core

    app = QApplication.instance()
    install_translations(app, "zh_CN")
    try:
        report = ImportReport(added=2, updated=1, skipped=["x"])
        assert report.summary() == "2 added, 1 updated, 0 unchanged, 0 orphaned, 1 skipped"
        assert tr_core(report.summary()) == "新增 2 条，更新 1 条，未变 0 条，孤立 0 条，跳过 1 条"
        first = Store.open(tmp_path / "s.json", instance=True)
        second = Store.open(tmp_path / "s.json", instance=True)  # another window has it
        assert second.read_only
        assert "another Reader window" in second.messages[0]  # English for the CLI and logs
        assert tr_core(second.messages[0]).startswith("已以只读方式打开：另一个 Reader 窗口")
        first.close()
        second.close()
        assert tr_core("a plain string") == "a plain string"
    finally:
        install_translations(app, "en")
        QLocale.setDefault(QLocale("en_US"))


def test_an_import_error_is_told_in_chinese(make_window, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.app import install_translations

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    app = QApplication.instance()
    install_translations(app, "zh_CN")
    try:
        win = make_window()
        bad = tmp_path / "notes.json"
        bad.write_text('{"type": "Something"}', "utf-8")
        win.import_file(bad)
        from pytestqt.qtbot import QtBot

        QtBot(win).waitUntil(lambda: bool(said), timeout=10000)
        assert "不是 W3C 批注" in said[0] and "Nothing" not in said[0]
    finally:
        install_translations(app, "en")
        QLocale.setDefault(QLocale("en_US"))


def test_a_message_survives_a_process_boundary() -> None:
    import pickle

    from reader.core.messages import Message

    m = Message("the project has no {name}", name="{braces}.qde")
    back = pickle.loads(pickle.dumps(m))
    assert isinstance(back, Message) and back == m and back.params == {"name": "{braces}.qde"}


def test_every_reason_the_cleaner_gives_shows_in_chinese(qapp) -> None:
    # a page that makes the cleaner give each kind of reason it has, and the
    # seeds: nothing the user reads in Show Original stays in English
    from reader.core.cleaning import clean
    from reader.core.formats import read_document
    from reader.ui.app import install_translations
    from reader.ui.reasons import reason_label
    from tests.core.helpers import clean_text

    story = "".join(
        f"<p>The council met on day {i} and voted to extend the harbour walk by two miles.</p>"
        for i in range(8)
    )
    page = (
        "<html><head><title>Harbour walk</title></head><body>"
        "<article><h1>Harbour walk</h1><p>By Stella Kim and Jennifer Jett</p>"
        f"{story[:300]}<figure><img src='a.jpg'><figcaption>The walk at dawn.</figcaption>"
        "</figure><p>(Image: GETTY)</p><figure>"
        f"</figure>{story[300:]}<aside>Read more about the council and its plans.</aside>"
        "<nav><a href='/a'>Previous story</a></nav><div class='share'>Share on Facebook</div>"
        "<footer>Filed under harbour news</footer></article></body></html>"
    )
    reasons = {r.reason for r in clean_text(page, "page.html").removed}
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    for f in sorted(seeds.iterdir()):
        reasons |= {r.reason for r in clean(read_document(f)).removed}
    assert {"image caption", "sidebar", "page footer", "navigation"} <= reasons
    assert {"byline (kept as metadata)", "image credit"} <= reasons
    app = QApplication.instance()
    install_translations(app, "zh_CN")
    try:
        untranslated = sorted(r for r in reasons if reason_label(r) == r)
        assert untranslated == []
    finally:
        install_translations(app, "en")
        QLocale.setDefault(QLocale("en_US"))
