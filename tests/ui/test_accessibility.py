"""Issue 18, feature D: keyboard, focus, names for screen readers, contrast."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.test_app_flows import open_article, select_text


def _unnamed(root: QWidget) -> list[str]:
    """Focusable controls a screen reader could not name."""
    out = []
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit, QPlainTextEdit)
    for w in root.findChildren(QWidget):
        if not isinstance(w, kinds) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if w.window() is not root:
            continue  # a popup of its own (a completer's list), named by its field
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox | QAbstractSpinBox):
            w = w.parent()  # a combo's or spin box's own line edit: the box carries the name
        iface = QAccessible.queryAccessibleInterface(w)  # what a screen reader is told
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.replace("&", "").strip():
            out.append(f"{type(w).__name__} {w.objectName() or ''} in {type(w.parent()).__name__}")
    return out


def test_every_control_of_the_window_has_a_name(make_window) -> None:
    win = make_window()
    open_article(win, "山西省")
    assert _unnamed(win) == []


def test_every_control_of_the_dialogs_has_a_name(make_window) -> None:
    from reader.ui.color_meanings import ColorMeaningsDialog
    from reader.ui.dialogs import PreferencesDialog

    win = make_window()
    open_article(win, "山西省")
    win.show_all_highlights()
    export = win.export_dialog()
    dialogs = [
        win._all_dialog,
        export,
        ColorMeaningsDialog(win.store, win.edits.apply, win),
        PreferencesDialog({"theme": "light", "font_family": "", "font_size": 17}, win),
    ]
    for d in dialogs:
        assert _unnamed(d) == [], type(d).__name__
        d.close()


def test_a_highlight_can_be_made_and_edited_with_the_keyboard_alone(
    make_window, qtbot: QtBot, monkeypatch
) -> None:
    import reader.ui.main_window as mw

    win = make_window()
    open_article(win, "山西省")
    view = win.reader
    view.setFocus()
    select_text(win, "骆惠宁")  # (as Shift+arrows leave it)
    assert view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    cur = view.textCursor()
    cur.clearSelection()
    view.setTextCursor(cur)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() is not None  # the keyboard selects
    qtbot.keyClick(view, Qt.Key.Key_3)
    (h,) = win.store.doc.highlights.values()
    assert h.color == "blue" and len(h.exact) == 2
    monkeypatch.setattr(mw, "ask_tags", lambda *a, **k: ["键盘"])
    qtbot.keyClick(view, Qt.Key.Key_T)  # no selection now: T edits the new highlight
    assert win.store.doc.highlights[h.id].tags == ["键盘"]
    # the panel: Enter on a highlight goes to it in the text
    win.panel.list.setFocus()
    win.panel.list.setCurrentIndex(win.panel.proxy.index(0, 0))
    went: list[str] = []
    win.panel.highlight_selected.connect(went.append)
    qtbot.keyClick(win.panel.list, Qt.Key.Key_Return)
    assert went == [h.id]


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_text_on_every_highlight_colour_meets_wcag_aa(theme: str) -> None:
    """Highlights are painted over the page with the theme's alpha; the text on
    them keeps a contrast of at least 4.5:1 (WCAG 2 AA for body text)."""
    from reader.core.records import PALETTE
    from reader.ui.theme import THEMES

    def rgb(h: str) -> list[int]:
        return [int(h[i : i + 2], 16) for i in (1, 3, 5)]

    def lum(c: list[int]) -> float:
        def ch(v: float) -> float:
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        r, g, b = map(ch, c)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    t = THEMES[theme]
    a = t.highlight_alpha / 255
    for name, hexa in PALETTE.items():
        bg = [round(f * a + b * (1 - a)) for f, b in zip(rgb(hexa), rgb(t.base), strict=True)]
        hi, lo = sorted([lum(bg), lum(rgb(t.text))], reverse=True)
        ratio = (hi + 0.05) / (lo + 0.05)
        assert ratio >= 4.5, f"{theme}: text on {name} has contrast {ratio:.2f}"
        assert bg != rgb(t.base)  # and the highlight shows at all


def test_the_highlight_bar_goes_with_escape_and_when_the_text_moves(
    make_window, qtbot: QtBot
) -> None:
    win = make_window()
    win.show()
    open_article(win, "山西省")
    view = win.reader
    select_text(win, "骆惠宁")
    view._show_toolbar()
    assert view.toolbar.isVisible()
    win.resize(win.width() - 120, win.height())  # the text reflows under the bar
    qtbot.waitUntil(lambda: not view.toolbar.isVisible(), timeout=3000)
    view._show_toolbar()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.toolbar.isVisible() and not view.textCursor().hasSelection()
    assert not win.layout_ctl.reading_mode  # Escape closed the bar, nothing else
