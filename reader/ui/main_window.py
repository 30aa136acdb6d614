"""The main window: it composes the panes and connects their signals.

- ``LibraryPane`` (search, filters, the table) shows a ``LibraryController``'s
  rows; the controller loads and watches one folder (a new folder, a new
  controller).
- ``ReadingPane`` shows the open article; ``AnnotationsPanel`` its highlights.
- ``EditService`` is the one way annotations change; every view listens to
  its ``changed`` signal.

What is left here is what belongs to the window: menus, theme, layout, the
status bar, dialogs, dropping files, and closing without losing anything.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from ..core import paths
from ..core.annotations import (
    EditHighlight,
    Operation,
    SetArticle,
    set_article_tags,
)
from ..core.article import Article
from ..core.cache import open_cache
from ..core.store import Store
from . import theme as themes
from .all_highlights import AllHighlightsDialog, article_titles
from .annotations_panel import AnnotationsPanel
from .color_meanings import ColorMeaningsDialog
from .corrections import Corrections
from .dialogs import ConflictsDialog, PreferencesDialog, ShortcutsDialog, show_about
from .edit_service import ChangeSet, EditService
from .file_dialogs import add_pages, choose_import, choose_library, choose_pages
from .library_controller import LibraryController, LoadSummary
from .library_pane import LibraryPane
from .links import LinkRouter, bring_forward
from .menus import build_menus
from .reading_pane import ReadingPane
from .safe_text import plain
from .settings import Settings
from .status_bar import StatusBar
from .tags import TagManager, ask_tags
from .undo_keys import hand_undo_to_window, undo_labels
from .window_layout import WindowLayout
from .workers import Tasks

if TYPE_CHECKING:
    from .export_dialog import ExportDialog


class MainWindow(QMainWindow):
    library_loaded = Signal()

    def __init__(
        self, store: Store, settings: Settings, library: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.tasks = Tasks(self)
        self.edits = EditService(store, self.tasks, self)
        self.cache = open_cache()
        self._all_dialog: AllHighlightsDialog | None = None
        self._closing = False
        self.setWindowTitle(self.tr("Reader"))
        self.setAcceptDrops(True)
        icon = paths.resources_dir() / "icons" / "reader.svg"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.library_pane = LibraryPane(store, self.splitter, settings)
        self.corrections = Corrections(lambda: self.library, self)
        self.reading = ReadingPane(
            self.edits, lambda: str(settings.get("default_color")), self.splitter, self.corrections
        )
        self.panel = AnnotationsPanel(store, self.splitter)
        for i, stretch in enumerate((2, 4, 1)):
            self.splitter.setStretchFactor(i, stretch)
        self.setCentralWidget(self.splitter)
        self.status = StatusBar(lambda: self.library.cancel(), self)
        self.setStatusBar(self.status)
        self.layout_ctl = WindowLayout(
            self, self.splitter, self.library_pane, self.reading, self.panel, settings
        )
        self.menus = build_menus(self, self)
        self.links = LinkRouter(
            lambda hid: h.article if (h := store.doc.highlights.get(hid)) else None,
            self._show_highlight,
            self.select_article,
            self.add_files,
            lambda: bring_forward(self),
            self,
        )
        self.library_loaded.connect(self.links.library_ready)
        p = self.panel
        hand_undo_to_window(self.library_pane.search, p.article_tags, p.hl_tags, p.filter_text)
        self._connect()
        self.library = self._new_library(library)
        self.apply_theme()
        self._restore_state()
        self._update_undo_actions()

    # -- parts, for the tests and the dialogs
    @property
    def model(self) -> Any:
        return self.library_pane.model

    @property
    def reader(self) -> Any:
        return self.reading.view

    @property
    def search(self) -> Any:
        return self.library_pane.search

    @property
    def table(self) -> Any:
        return self.library_pane.table

    @property
    def current(self) -> Article | None:
        return self.reading.current

    def _connect(self) -> None:
        edits, panel, reading = self.edits, self.panel, self.reading
        edits.changed.connect(self._changed)
        edits.refused.connect(lambda m: QMessageBox.warning(self, self.tr("Reader"), plain(m)))
        edits.save_failed.connect(self.status.save_failed)
        edits.saved.connect(self.status.saved)
        edits.notice.connect(self.status.say)
        edits.imported.connect(self.status.imported)
        self.library_pane.article_selected.connect(self.open_article)
        self.library_pane.activated.connect(lambda: self.reader.setFocus())
        self.library_pane.highlights_wanted.connect(self.show_all_highlights)
        reading.status.connect(self.status.say)
        self.corrections.status.connect(self.status.say)
        reading.search_words = self.library_pane.query_words
        reading.highlight_added.connect(self._highlight_added)
        reading.view.highlight_activated.connect(panel.select)
        reading.view.note_requested.connect(self._edit_note)
        reading.view.tags_requested.connect(self._edit_tags)
        panel.highlight_selected.connect(self._goto_highlight)
        panel.operation_requested.connect(edits.apply)
        panel.export_requested.connect(self.export_dialog)
        panel.reattach_requested.connect(reading.reattach)
        panel.article_tags_edited.connect(self._article_tags)
        panel.article_flag_changed.connect(
            lambda name, on: self.current and edits.apply(SetArticle(self.current.id, **{name: on}))
        )

    # -- the library --------------------------------------------------------------------
    def _new_library(self, root: Path) -> LibraryController:
        lib = LibraryController(root, self.cache, self.edits, self.tasks, self)
        lib.progress.connect(lambda d, n: self.status.load_progress(d, n, lib.root))
        lib.index_progress.connect(self.status.index_progress)
        lib.loaded.connect(self._loaded)
        lib.ready.connect(self._library_ready)
        lib.failed.connect(self.status.load_failed)
        lib.article_replaced.connect(self._article_replaced)
        lib.article_moved.connect(self._article_moved)
        lib.model.rowsInserted.connect(lambda *_: self.library_pane.rows_changed())
        self.library_pane.set_library(lib)
        return lib

    def start_load(self) -> None:
        if not self._closing:
            self.library.load()

    def set_library(self, folder: Path) -> None:
        self.reading.clear()
        self.panel.set_article(None)
        self.library.shutdown()
        gc.unfreeze()  # the old library's articles may be collected now
        self.library = self._new_library(folder)
        paths.remember_library(folder)
        self.start_load()

    def _loaded(self, s: LoadSummary) -> None:
        self.status.loaded(s)
        self.library_pane.refresh_sources()
        self.library_pane.update_count()

    def _library_ready(self) -> None:
        if self.current is None:
            last = str(self.settings.get("last_article") or "")
            if not (last and self.library_pane.select_article(last)):
                self.library_pane.select_first()
        self.library_loaded.emit()

    def _article_replaced(self, article_id: str) -> None:
        if self.current is not None and self.current.id == article_id:
            self.open_article(article_id, keep_position=True)

    def _article_moved(self, old_id: str, new_id: str) -> None:
        """The open article's file was edited: show its new text (its notes
        follow once the library has re-attached them)."""
        if self.current is not None and self.current.id == old_id:
            self.open_article(new_id, keep_position=True)

    def open_library_dialog(self) -> None:
        folder = choose_library(self, self.library.root)
        if folder is not None:
            self.set_library(folder)

    def add_files_dialog(self) -> None:
        files = choose_pages(self)
        if files:
            self.add_files(files)

    def add_files(self, files: list[Path]) -> None:
        """Copy files into the library folder (see ``file_dialogs.add_pages``)."""
        if add_pages(self, self.library.root, files, self.library.index.articles):
            self.start_load()

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        local = [Path(u.toLocalFile()) for u in e.mimeData().urls() if u.isLocalFile()]
        folders = [p for p in local if p.is_dir()]
        if folders:
            self.set_library(folders[0])
        elif local:
            self.add_files(local)
        e.acceptProposedAction()

    # -- reading and annotating ------------------------------------------------------
    def select_article(self, article_id: str) -> None:
        if self.library_pane.select_article(article_id) and (
            self.current is None or self.current.id != article_id
        ):
            self.open_article(article_id)

    def open_article(self, article_id: str, keep_position: bool = False) -> None:
        art = self.library.model.article(article_id)
        if art is None:
            return
        if self.current is None or self.current.id != article_id:
            self.panel.commit_note()
        self.reading.open(art, keep_position=keep_position)
        self.library_pane.mark_current(article_id)
        self.panel.set_article(art.id)
        self.setWindowTitle(f"{art.title[:200]} — Reader")

    def _changed(self, change: ChangeSet) -> None:
        self.reading.on_change(change)
        self.panel.reload()
        self.library_pane.on_change(change)
        self._update_undo_actions()

    def _highlight_added(self, hid: str, mode: str) -> None:
        self.panel.select(hid, emit=False)
        self.reader.active = hid  # (N and T, with nothing selected, now edit it)
        if mode in ("note", "tag"):
            (self._edit_note if mode == "note" else self._edit_tags)(hid)

    def _edit_note(self, hid: str) -> None:
        self.panel.select(hid, emit=False)
        self.panel.focus_note()

    def _edit_tags(self, hid: str) -> None:
        h = self.store.doc.highlights.get(hid)
        if h is not None:
            tags = ask_tags(self, self.store, self.tr("Tag highlight"), list(h.tags))
            if tags is not None and tags != h.tags:
                self.edits.apply(EditHighlight(hid, tags=tags))

    def _show_highlight(self, hid: str) -> None:
        self._goto_highlight(hid)
        self.panel.select(hid, emit=False)

    def _goto_highlight(self, hid: str) -> None:
        h = self.store.doc.highlights.get(hid)
        if h is None:
            return
        self.reader.active = hid  # (N and T in the text now edit this one)
        if self.current is None or self.current.id != h.article:
            self.select_article(h.article)
        if self.current is not None and self.current.id == h.article:
            self.reading.scroll_to(h)

    def _article_tags(self, tags: list[str]) -> None:
        art = self.current
        if art is not None:
            op = set_article_tags(self.store.doc, art.id, tags, art.title)
            if op is not None:
                self.edits.apply(op)

    def apply(self, op: Operation, undoable: bool = True) -> bool:
        return self.edits.apply(op, undoable=undoable)

    def tag_article(self) -> None:
        if self.current is None:
            return
        st = self.store.doc.articles.get(self.current.id)
        tags = ask_tags(self, self.store, self.tr("Tag article"), list(st.tags) if st else [])
        if tags is not None:
            self._article_tags(tags)

    def toggle_flag(self, name: str) -> None:
        """Mark the open article read/unread or starred/not (``name``)."""
        if self.current is not None:
            st = self.store.doc.articles.get(self.current.id)
            self.edits.apply(SetArticle(self.current.id, **{name: not getattr(st, name, False)}))

    def undo(self) -> None:
        self.panel.commit_note()
        self.edits.undo()

    def redo(self) -> None:
        self.edits.redo()

    def _update_undo_actions(self) -> None:
        h, m = self.edits.history, self.menus
        m.undo.setEnabled(bool(h.done))
        m.redo.setEnabled(bool(h.undone))
        undo, redo = undo_labels(h)
        m.undo.setText(undo)
        m.redo.setText(redo)

    def color_meanings(self) -> None:
        ColorMeaningsDialog(self.store, self.edits.apply, self).exec()

    def tag_manager(self) -> None:
        TagManager(self.store, self.edits.apply_or_raise, self).exec()

    def show_all_highlights(self, query: str = "") -> None:
        model = self.library.model
        dlg = AllHighlightsDialog(
            self.store,
            article_titles(self.store, model.article),
            self,
            in_library=lambda aid: model.article(aid) is not None,
            apply=self.edits.apply,
            export=self.export_dialog,
            search=lambda q: self.library.highlight_ids(q),
        )
        dlg.text.setText(query)
        dlg.open_highlight.connect(self._goto_highlight)
        self.edits.changed.connect(lambda _c: dlg.reload() if dlg.isVisible() else None)
        self._all_dialog = dlg
        dlg.show()

    def show_conflicts(self) -> None:
        ConflictsDialog(self.store, self.edits, self).exec()

    def toggle_panel(self) -> None:
        self.panel.setVisible(not self.panel.isVisible())
        self.menus.panel.setChecked(self.panel.isVisible())

    # -- export and import ------------------------------------------------------------
    def export_dialog(self, highlights: Sequence[str] = ()) -> ExportDialog:
        self.panel.commit_note()
        pane = self.library_pane
        scopes = {
            "selected": pane.selected_articles,
            "filtered": pane.filtered_articles,
            "all": lambda: list(self.library.articles.values()),
        }
        if self.current is not None:
            cur = self.current
            scopes = {"article": lambda: [cur], **scopes}
        from .export_dialog import ExportDialog  # the exporters load when first asked for

        dlg = ExportDialog(self.store, self.tasks, scopes, self, highlights)
        dlg.show()
        return dlg

    def import_dialog(self) -> None:
        path = choose_import(self)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        self.status.say(self.tr("Importing {name}…").format(name=path.name))
        self.edits.import_file(path, list(self.library.index.articles.values()))

    # -- saving --------------------------------------------------------------------------
    def show_store_messages(self) -> None:
        st = self.store
        self.status.store_messages(st.messages, st.read_only_reason if st.read_only else None)

    # -- theme, type, layout ------------------------------------------------------------
    def apply_theme(self) -> None:
        name = str(self.settings.get("theme"))
        t = themes.resolve(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(themes.palette_for(t))
        for key, act in self.menus.themes.items():
            act.setChecked(key == name)
        family = themes.reading_font(str(self.settings.get("font_family")))
        self.reader.set_style(t, family, int(self.settings.get("font_size")))
        self.theme = t

    def set_theme(self, name: str) -> None:
        self.settings.set("theme", name)
        self.apply_theme()

    def change_size(self, delta: int) -> None:
        size = max(10, min(40, int(self.settings.get("font_size")) + delta))
        self.settings.set("font_size", size)
        self.apply_theme()

    def preferences(self) -> None:
        keys = ("theme", "font_family", "font_size", "language")
        dlg = PreferencesDialog({k: self.settings.get(k) for k in keys}, self)
        if dlg.exec():
            for k, val in dlg.values().items():
                self.settings.set(k, val)
            self.apply_theme()

    def _restore_state(self) -> None:
        self.layout_ctl.restore()
        self.library_pane.restore_header(self.settings.get_bytes("table_header"))
        self.menus.panel.setChecked(self.panel.isVisible())
        self.menus.library.setChecked(self.library_pane.isVisible())

    def save_state(self) -> None:
        self.layout_ctl.save()
        s = self.settings
        s.set("table_header", self.library_pane.header_state())
        s.set("last_article", self.current.id if self.current else "")
        s.sync()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        if not self.layout_ctl.reading_mode:
            self.layout_ctl.fit_soon()

    def toggle_reading_mode(self, on: bool | None = None) -> None:
        """Only the text (F11; Esc leaves)."""
        on = not self.layout_ctl.reading_mode if on is None else on
        self.layout_ctl.set_reading_mode(on)
        self.menus.reading.setChecked(on)
        self.menus.leave_reading.setEnabled(on)
        if on:
            self.reader.setFocus()

    def toggle_library(self) -> None:
        self.layout_ctl.set_library(not self.library_pane.isVisible())
        self.menus.library.setChecked(self.library_pane.isVisible())

    # -- help ---------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        ShortcutsDialog([a for a in self.actions() if a.shortcuts()], self).exec()

    def about(self) -> None:
        show_about(self, self.store.path)

    # -- closing ------------------------------------------------------------------------------
    def closeEvent(self, e: QCloseEvent) -> None:
        """Stop all work (cancelled, joined), save what is unsaved, then close;
        if the save fails the user chooses between losing it and staying."""
        self.panel.commit_note()
        self.reading.save_position()
        self._closing = True
        self.edits.close()
        self.library.shutdown(0)
        self.tasks.shutdown()
        error = self.edits.flush()
        if error is not None:
            answer = QMessageBox.critical(
                self,
                self.tr("Could not save annotations"),
                self.tr("{error}\n\nQuit anyway and lose the unsaved changes?").format(error=error),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                self._closing = False
                self.edits.reopen()
                self.edits.schedule_save()  # keeps trying, as before the attempt to quit
                e.ignore()
                return
        self.save_state()
        self.store.close()
        e.accept()
