"""File ▸ Export Notes… and Import Annotations… in the app."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.anchoring import describe, find_quote
from reader.core.annotations import AddHighlight, Highlight


def add(win, title: str, quote: str, color: str, note: str = "") -> Highlight:
    a = next(x for x in win.model.articles if x.title.startswith(title))
    h = Highlight.new(a.id, describe(a.text, *find_quote(a.text, quote)), color=color, note=note)
    win.apply(AddHighlight(h, a.title))
    return h


def test_export_dialog_preview_scope_and_export(
    make_window, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("reader.ui.export_dialog.QMessageBox.information", lambda *a, **k: None)
    win = make_window()
    add(win, "上海市", "陈吉宁", "green", "笔记")
    add(win, "山西省", "骆惠宁", "blue")
    win.select_article(next(a.id for a in win.model.articles if a.title.startswith("山西省")))
    dlg = win.export_dialog()
    assert (
        "> 陈吉宁" in dlg.preview.toPlainText()
        and "2 highlights from 2 articles" in dlg.summary.text()
    )
    article_button = next(b for b in dlg.scope.buttons() if b.property("scope") == "article")
    article_button.setChecked(True)
    dlg.update_preview()
    assert "陈吉宁" not in dlg.preview.toPlainText() and "骆惠宁" in dlg.preview.toPlainText()
    dlg.format.setCurrentIndex(dlg.format.findData("csv"))
    dlg.update_preview()
    assert dlg.preview.toPlainText().startswith("Highlight,Title")
    out = tmp_path / "x.csv"
    dlg.dest.setText(str(out))
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        dlg.start()
    data = out.read_bytes()
    assert (
        data.startswith(b"\xef\xbb\xbf")
        and "骆惠宁".encode() in data
        and "陈吉宁".encode() not in data
    )


def test_export_colour_filter_in_dialog(make_window) -> None:
    win = make_window()
    add(win, "上海市", "陈吉宁", "green")
    add(win, "上海市", "马兴瑞", "pink")
    dlg = win.export_dialog()
    dlg.color_boxes["pink"].setChecked(True)
    dlg.update_preview()
    text = dlg.preview.toPlainText()
    assert "马兴瑞" in text and "陈吉宁" not in text
    dlg.close()


def test_import_shows_report_and_can_be_undone(
    make_window, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "reader.ui.main_window.QMessageBox.information", lambda _p, _t, m, *a, **k: shown.append(m)
    )
    win = make_window()
    art = next(a for a in win.model.articles if a.title.startswith("上海市"))
    item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:11111111-2222-4333-8444-555555555555",
        "type": "Annotation",
        "created": "2025-01-01T00:00:00Z",
        "modified": "2025-01-01T00:00:00Z",
        "body": [{"type": "TextualBody", "value": "导入的笔记", "purpose": "commenting"}],
        "target": {
            "source": f"urn:x-reader:article:{art.id}",
            "selector": [{"type": "TextQuoteSelector", "exact": "陈吉宁"}],
        },
    }
    f = tmp_path / "in.json"
    f.write_text(json.dumps([item], ensure_ascii=False), "utf-8")
    win.import_file(f)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0].startswith("1 added")
    assert win.store.doc.highlights["11111111-2222-4333-8444-555555555555"].note == "导入的笔记"
    win.undo()
    assert not win.store.doc.highlights


def test_import_of_bad_file_says_why(
    make_window, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "reader.ui.main_window.QMessageBox.warning", lambda _p, _t, m, *a, **k: shown.append(m)
    )
    win = make_window()
    f = tmp_path / "bad.json"
    f.write_text("{{{{", "utf-8")
    win.import_file(f)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "not JSON" in shown[0] and "Nothing was imported" in shown[0]
