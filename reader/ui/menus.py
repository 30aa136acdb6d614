"""The main window's menus and shortcuts, built from its panes' slots.

Every action is also added to the window itself, so its shortcut works
wherever the focus is, and is listed in Help ▸ Keyboard Shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from .library_pane import LibraryPane
from .reading_pane import ReadingPane

Std = QKeySequence.StandardKey


class Window(Protocol):
    """What the menus need of the window they are built for."""

    reading: ReadingPane
    library_pane: LibraryPane

    def menuBar(self) -> QMenuBar: ...
    def addAction(self, action: QAction) -> None: ...
    def close(self) -> bool: ...
    def open_library_dialog(self) -> None: ...
    def add_files_dialog(self) -> None: ...
    def start_load(self) -> None: ...
    def export_dialog(self) -> Any: ...
    def import_dialog(self) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def preferences(self) -> None: ...
    def change_size(self, delta: int) -> None: ...
    def set_theme(self, name: str) -> None: ...
    def toggle_panel(self) -> None: ...
    def toggle_library(self) -> None: ...
    def toggle_reading_mode(self, on: bool | None = None) -> None: ...
    def show_all_highlights(self) -> None: ...
    def show_conflicts(self) -> None: ...
    def tag_manager(self) -> None: ...
    def color_meanings(self) -> None: ...
    def tag_article(self) -> None: ...
    def toggle_flag(self, name: str) -> None: ...
    def show_shortcuts(self) -> None: ...
    def about(self) -> None: ...


@dataclass
class Menus:
    """The actions whose state the window changes later."""

    undo: QAction
    redo: QAction
    original: QAction
    panel: QAction
    library: QAction
    reading: QAction
    leave_reading: QAction
    themes: dict[str, QAction] = field(default_factory=dict)


class MenuBuilder(QObject):
    """Builds the menu bar (a class, so that ``self.tr`` has a translation context)."""

    def __init__(self, win: Window, owner: QObject) -> None:
        super().__init__(owner)
        self.win = win
        self.owner = owner  # the window as a QObject: the actions' parent

    def _add(
        self, menu: QMenu, text: str, slot: Callable[..., Any], keys: Any, name: str
    ) -> QAction:
        act = QAction(text, self.owner)
        if keys is not None:
            seqs = keys if isinstance(keys, list) else [keys]
            act.setShortcuts([QKeySequence(k) for k in seqs])
        act.triggered.connect(slot)
        act.setObjectName(name)
        menu.addAction(act)
        self.win.addAction(act)
        return act

    def build(self) -> Menus:
        self._file()
        undo, redo = self._edit()
        original, panel, themes = self._view()
        library, reading, leave = self._panes()
        self._library()
        self._help()
        return Menus(undo, redo, original, panel, library, reading, leave, themes)

    def _panes(self) -> tuple[QAction, QAction, QAction]:
        """View ▸ Library and Reading Mode (added after the panel toggle)."""
        w = self.win
        m = self.view_menu
        library = self._add(
            m, self.tr("&Library"), w.toggle_library, "Ctrl+Shift+B", "toggleLibrary"
        )
        library.setCheckable(True)
        library.setChecked(True)
        reading = self._add(
            m, self.tr("&Reading Mode"), lambda: w.toggle_reading_mode(), "F11", "readingMode"
        )
        reading.setCheckable(True)
        leave = QAction(self.tr("Leave Reading Mode"), self.owner)
        leave.setShortcut(QKeySequence("Esc"))
        leave.setEnabled(False)  # (Esc belongs to the find bar and dialogs otherwise)
        leave.triggered.connect(lambda: w.toggle_reading_mode(False))
        self.win.addAction(leave)
        return library, reading, leave

    def _file(self) -> None:
        w = self.win
        m = w.menuBar().addMenu(self.tr("&File"))
        self._add(
            m, self.tr("&Open Library Folder…"), w.open_library_dialog, Std.Open, "openLibrary"
        )
        self._add(m, self.tr("&Add Files…"), w.add_files_dialog, "Ctrl+Shift+O", "addFiles")
        self._add(m, self.tr("&Reload Library"), w.start_load, "F5", "reload")
        m.addSeparator()
        self._add(m, self.tr("&Export Notes…"), w.export_dialog, "Ctrl+E", "exportNotes")
        self._add(
            m, self.tr("&Import Annotations…"), w.import_dialog, "Ctrl+I", "importAnnotations"
        )
        m.addSeparator()
        self._add(m, self.tr("&Quit"), w.close, Std.Quit, "quit")

    def _edit(self) -> tuple[QAction, QAction]:
        w, r = self.win, self.win.reading
        m = w.menuBar().addMenu(self.tr("&Edit"))
        undo = self._add(m, self.tr("&Undo"), w.undo, Std.Undo, "undo")
        redo = self._add(m, self.tr("&Redo"), w.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
        m.addSeparator()
        self._add(m, self.tr("&Find in Article…"), r.find_bar.open_bar, Std.Find, "find")
        self._add(
            m, self.tr("Search &Library"), w.library_pane.focus_search, "Ctrl+L", "searchLibrary"
        )
        m.addSeparator()
        self._add(
            m,
            self.tr("&Highlight Selection"),
            lambda: r.view.request_highlight(),
            None,
            "highlight",
        )
        self._add(
            m,
            self.tr("Highlight with &Note…"),
            lambda: r.view.request_highlight(mode="note"),
            None,
            "highlightNote",
        )
        self._add(
            m,
            self.tr("Highlight with &Tag…"),
            lambda: r.view.request_highlight(mode="tag"),
            None,
            "highlightTag",
        )
        m.addSeparator()
        self._add(m, self.tr("&Preferences…"), w.preferences, Std.Preferences, "preferences")
        return undo, redo

    def _view(self) -> tuple[QAction, QAction, dict[str, QAction]]:
        w = self.win
        m = w.menuBar().addMenu(self.tr("&View"))
        self.view_menu = m
        original = self._add(
            m,
            self.tr("Show &Original"),
            lambda: w.reading.original_button.toggle(),
            "Ctrl+U",
            "showOriginal",
        )
        self._add(
            m, self.tr("&Larger Text"), lambda: w.change_size(+1), ["Ctrl+=", "Ctrl++"], "larger"
        )
        self._add(m, self.tr("&Smaller Text"), lambda: w.change_size(-1), "Ctrl+-", "smaller")
        themes = self._themes(m.addMenu(self.tr("&Theme")))
        m.addSeparator()
        panel = self._add(
            m, self.tr("&Annotations Panel"), w.toggle_panel, "Ctrl+Shift+A", "togglePanel"
        )
        panel.setCheckable(True)
        panel.setChecked(True)
        self._add(
            m, self.tr("All &Highlights…"), w.show_all_highlights, "Ctrl+Shift+H", "allHighlights"
        )
        self._add(m, self.tr("&Conflicts…"), w.show_conflicts, None, "conflicts")
        return original, panel, themes

    def _themes(self, menu: QMenu) -> dict[str, QAction]:
        group = QActionGroup(self.owner)
        out: dict[str, QAction] = {}
        for key, label in (
            ("system", self.tr("&System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
            ("sepia", self.tr("S&epia")),
        ):
            act = QAction(label, self.owner, checkable=True)
            act.setObjectName(f"theme_{key}")
            act.triggered.connect(lambda _=False, k=key: self.win.set_theme(k))
            group.addAction(act)
            menu.addAction(act)
            out[key] = act
        return out

    def _library(self) -> None:
        w = self.win
        m = w.menuBar().addMenu(self.tr("&Library"))
        self._add(m, self.tr("&Tags…"), w.tag_manager, "Ctrl+Shift+T", "tagManager")
        self._add(m, self.tr("Colour &Meanings…"), w.color_meanings, None, "colorMeanings")
        self._add(m, self.tr("Tag &Article…"), w.tag_article, "Ctrl+T", "tagArticle")
        self._add(
            m, self.tr("Article &Details…"), w.reading.edit_details, "Alt+Return", "articleDetails"
        )
        self._add(
            m, self.tr("&Corrections of the Cleaner…"), w.reading.show_rules, None, "corrections"
        )
        self._add(
            m, self.tr("Mark &Read/Unread"), lambda: w.toggle_flag("read"), "Ctrl+R", "toggleRead"
        )
        self._add(
            m, self.tr("&Star/Unstar"), lambda: w.toggle_flag("starred"), "Ctrl+D", "toggleStar"
        )

    def _help(self) -> None:
        w = self.win
        m = w.menuBar().addMenu(self.tr("&Help"))
        self._add(m, self.tr("&Keyboard Shortcuts"), w.show_shortcuts, "F1", "shortcuts")
        self._add(m, self.tr("&About Reader"), w.about, None, "about")


def build_menus(win: Window, owner: QObject) -> Menus:
    return MenuBuilder(win, owner).build()
