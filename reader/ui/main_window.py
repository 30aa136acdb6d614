"""The main window: library, reader and annotations, composed; actions and shortcuts.

It receives its services (store, settings) and owns only what it creates.
Annotation changes go through the store as undoable operations and are saved
by a short-delay background save; library loading runs in the background and
fills the table as articles are cleaned.
"""

from __future__ import annotations

import gc
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import paths
from ..core.anchoring import describe
from ..core.annotations import (
    AddHighlight,
    AnnotationError,
    DeleteHighlight,
    EditHighlight,
    Highlight,
    Operation,
    SetArticle,
    TagArticle,
)
from ..core.article import Article
from ..core.cache import ArticleCache
from ..core.courtesy import checkpoint
from ..core.formats import NotAnArticle, read_document
from ..core.library import FileState, LibraryIndex, Loader
from ..core.parallel import BACKGROUND_NICE
from ..core.search import SearchIndex
from ..core.store import Store, StoreError
from ..core.sync import Reconcile, ReconcilePlan
from ..core.sync import plan as plan_reconcile
from . import theme as themes
from .annotations_panel import AnnotationsPanel
from .dialogs import AllHighlightsDialog, FindBar, PreferencesDialog, ShortcutsDialog
from .library_model import ArticleFilterProxy, ArticleTableModel, TagChipsDelegate
from .reader_view import ReaderView
from .settings import Settings
from .tags import TagManager, ask_tags
from .workers import Job, Tasks

if TYPE_CHECKING:
    from .export_dialog import ExportDialog

BATCH_SECONDS = 0.15
#: A batch is taken in by the GUI thread in one go (~30-90 µs an article): from
#: the cache a worker reads thousands in 150 ms, and one such batch held the
#: window for 140 ms during a warm start. 400 made the warm start slower
#: (median 1.69 s against 1.27 s uncapped, interleaved runs): more batches,
#: more table repaints.
BATCH_MAX = 2000
#: Above this many files only folders are watched (inotify watches are a shared,
#: limited resource); edits are then found by the periodic rescan.
MAX_WATCHED_FILES = 4000


def load_job(index: LibraryIndex, loader: Loader, known: list[Article], job: Job) -> dict[str, Any]:
    """Background: find changed files, take them from the cache or clean them, in batches.

    A window's first load starts with the articles the cache remembers for
    this folder, shown before the folder is read: the ~10,000 ``stat`` calls
    that find what changed (a quarter of a warm start) come after, and only
    what changed or went is applied then.
    """
    remembered: dict[str, FileState] = {}
    shown: list[Article] = []
    if not index.files and not index.failures and not known:
        outcomes = loader.remembered(index.root)
        remembered = {p: FileState(m.mtime_ns, m.size) for p, _a, m in outcomes}
        shown = [a for _p, a, _m in outcomes]
        for i in range(0, len(outcomes), BATCH_MAX):
            chunk = [(p, a, remembered[p]) for p, a, _m in outcomes[i : i + BATCH_MAX]]
            job.progress(i + len(chunk), len(outcomes), chunk)
    plan = index.plan(remembered or None)
    total = len(plan.to_clean)
    batch: list[tuple[str, Article | str, FileState | None]] = []
    fresh: dict[str, Article] = {}
    last = time.monotonic()
    done = 0
    for path, outcome, _meta in loader.run(
        plan.to_clean, cancelled=lambda: job.cancelled, lazy=True
    ):
        done += 1
        if done % 16 == 0:
            checkpoint()  # step aside while the window repaints
        batch.append((path, outcome, plan.states.get(path)))
        if isinstance(outcome, Article):
            fresh[path] = outcome
        if len(batch) >= BATCH_MAX or time.monotonic() - last > BATCH_SECONDS or done == total:
            job.progress(done, total, batch)
            batch, last = [], time.monotonic()
    if job.cancelled:
        return {"batch": batch, "gone": [], "skipped": plan.skipped, "cancelled": True, "dirs": []}
    loader.forget(plan.gone)
    # watermarks found in some pages, applied to all (same result as the CLI)
    gone = set(plan.gone)
    everything = list(fresh.values()) + [
        a for a in known + shown if a.path not in fresh and a.path not in gone
    ]
    batch += [(p, a, None) for p, a, _m in loader.finish_marks(everything)]
    # from the plan, not from ``index.files``, which the GUI thread may be filling
    dirs = sorted({os.path.dirname(p) for p in plan.present})
    return {
        "batch": batch,
        "gone": plan.gone,
        "skipped": plan.skipped,
        "cancelled": False,
        "dirs": dirs,
    }


class MainWindow(QMainWindow):
    library_loaded = Signal()

    def __init__(
        self, store: Store, settings: Settings, library: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.tasks = Tasks(self)
        self.library_root = library
        self.index = LibraryIndex(library)
        self.loader = Loader(ArticleCache(), nice=BACKGROUND_NICE)
        self.search_index = SearchIndex()
        self._last_search: tuple[str, list[str] | None] = ("", None)
        self.current: Article | None = None
        self._reload_again = False
        self._load_handle: Any = None
        self._save_again = False
        self._save_error: str | None = None
        self._closing = False
        self._load_started = 0.0
        self.setWindowTitle(self.tr("Reader"))
        self.setAcceptDrops(True)
        icon = Path(__file__).resolve().parents[2] / "resources" / "icons" / "reader.svg"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))

        self.model = ArticleTableModel(store, self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_ui()
        self._build_actions()
        self._save_timer = QTimer(self, singleShot=True, interval=300)
        self._save_timer.timeout.connect(self._save_now)
        self._prepare_timer = QTimer(self, singleShot=True, interval=0)
        self._prepare_timer.timeout.connect(self._save_now)
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self._run_search)
        self._reload_timer = QTimer(self, singleShot=True, interval=600)
        self._reload_timer.timeout.connect(self.start_load)
        self._store_timer = QTimer(self, singleShot=True, interval=300)
        self._store_timer.timeout.connect(self._store_changed_on_disk)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self._reload_timer.start())
        self.watcher.fileChanged.connect(lambda _p: self._reload_timer.start())
        # edits that no watcher reports (network folders, huge libraries) are found
        # by a periodic look: a stat of each file, cleaning only what changed
        self._poll_timer = QTimer(self, interval=60_000)
        self._poll_timer.timeout.connect(self.start_load)
        self.store_watcher = QFileSystemWatcher([str(store.path.parent)], self)
        self.store_watcher.directoryChanged.connect(lambda _p: self._store_timer.start())
        self.apply_theme()
        self._restore_state()

    # -- building ----------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)

        left = QWidget(self.splitter)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(6, 6, 0, 6)
        self.search = QLineEdit(left)
        self.search.setPlaceholderText(self.tr("Search titles and text (Ctrl+L)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_table)
        ll.addWidget(self.search)
        frow = QHBoxLayout()
        self.tag_filter = QToolButton(left)
        self.tag_filter.setText(self.tr("Tags ▾"))
        self.tag_filter.setAccessibleName(self.tr("Filter by tags"))
        self.tag_filter.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tag_menu = QMenu(self.tag_filter)
        self.tag_menu.aboutToShow.connect(self._fill_tag_menu)
        self.tag_filter.setMenu(self.tag_menu)
        self.source_filter = QComboBox(left)
        self.source_filter.setAccessibleName(self.tr("Filter by source"))
        self.source_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_source(self.source_filter.currentData())
        )
        self.match_label = QLabel(left)
        self.match_label.setAccessibleName(self.tr("Number of articles shown"))
        frow.addWidget(self.tag_filter)
        frow.addWidget(self.source_filter, 1)
        frow.addWidget(self.match_label)
        ll.addLayout(frow)
        self.table = QTableView(left)
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ArticleTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setAccessibleName(self.tr("Articles"))
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(ArticleTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        hh.setStretchLastSection(False)
        hh.setMinimumSectionSize(28)
        for col, w in ((1, 86), (2, 76), (3, 54), (4, 92), (5, 70), (6, 40)):
            hh.resizeSection(col, w)
        self.table.setItemDelegateForColumn(
            ArticleTableModel.TAGS, TagChipsDelegate(self.store, self.table)
        )
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._header_menu)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda _i: self.reader.setFocus())
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._keep_current_selected)
        self.proxy.layoutChanged.connect(self._update_count)
        ll.addWidget(self.table, 1)

        center = QWidget(self.splitter)
        cl = QVBoxLayout(center)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        self.toc = QToolButton(center)
        self.toc.setText(self.tr("Contents ▾"))
        self.toc.setAccessibleName(self.tr("Table of contents"))
        self.toc.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toc_menu = QMenu(self.toc)
        self.toc.setMenu(self.toc_menu)
        self.toc.hide()
        bar.addWidget(self.toc)
        bar.addStretch(1)
        self.original_button = QPushButton(self.tr("Show original"), center)
        self.original_button.setCheckable(True)
        self.original_button.setAccessibleName(
            self.tr("Show the original page with removed parts marked")
        )
        self.original_button.toggled.connect(self.toggle_original)
        bar.addWidget(self.original_button)
        cl.addLayout(bar)
        self.find_bar = FindBar(center)
        cl.addWidget(self.find_bar)
        self.reader = ReaderView(center)
        cl.addWidget(self.reader, 1)
        self.find_bar.search.connect(self._find)
        self.find_bar.step.connect(self._find_step)
        self.find_bar.closed.connect(self.reader.clear_find)

        self.panel = AnnotationsPanel(self.store, self.splitter)
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([560, 580, 280])
        self.setCentralWidget(self.splitter)

        self.reader.highlight_requested.connect(self._highlight_requested)
        self.reader.highlight_activated.connect(self.panel.select)
        self.reader.delete_requested.connect(lambda hid: self.apply(DeleteHighlight(hid)))
        self.reader.recolor_requested.connect(
            lambda hid, c: self.apply(EditHighlight(hid, color=c))
        )
        self.panel.highlight_selected.connect(self._goto_highlight)
        self.panel.note_edited.connect(lambda hid, t: self.apply(EditHighlight(hid, note=t)))
        self.panel.tags_edited.connect(lambda hid, tags: self.apply(EditHighlight(hid, tags=tags)))
        self.panel.color_changed.connect(lambda hid, c: self.apply(EditHighlight(hid, color=c)))
        self.panel.delete_requested.connect(lambda hid: self.apply(DeleteHighlight(hid)))
        self.panel.reattach_requested.connect(self._reattach)
        self.panel.article_tags_edited.connect(self._article_tags)
        self.panel.article_flag_changed.connect(self._article_flag)

        sb = self.statusBar()
        self.status = QLabel(sb)
        sb.addWidget(self.status, 1)
        self.progress = QProgressBar(sb)
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName(self.tr("Loading progress"))
        self.progress.hide()
        sb.addPermanentWidget(self.progress)
        self.cancel_button = QPushButton(self.tr("Cancel"), sb)
        self.cancel_button.setAccessibleName(self.tr("Cancel loading"))
        self.cancel_button.clicked.connect(lambda: self.tasks.cancel("load"))
        self.cancel_button.hide()
        sb.addPermanentWidget(self.cancel_button)

    def _header_menu(self, pos: Any) -> None:
        """Right-click on the header: show or hide columns (the title always shows)."""
        hh = self.table.horizontalHeader()
        menu = QMenu(self)
        for col in range(1, self.model.columnCount()):
            act = menu.addAction(self.model.headers[col])
            act.setCheckable(True)
            act.setChecked(not hh.isSectionHidden(col))
            act.toggled.connect(lambda on, c=col: hh.setSectionHidden(c, not on))
        menu.exec(hh.mapToGlobal(pos))

    def _action(
        self, menu: QMenu, text: str, slot: Callable[..., Any], keys: Any = None, name: str = ""
    ) -> QAction:
        act = QAction(text, self)
        if keys is not None:
            seqs = keys if isinstance(keys, list) else [keys]
            act.setShortcuts([QKeySequence(k) for k in seqs])
        act.triggered.connect(slot)
        if name:
            act.setObjectName(name)
        menu.addAction(act)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu(self.tr("&File"))
        self._action(
            f,
            self.tr("&Open Library Folder…"),
            self.open_library_dialog,
            QKeySequence.StandardKey.Open,
            "openLibrary",
        )
        self._action(f, self.tr("&Add Files…"), self.add_files_dialog, "Ctrl+Shift+O", "addFiles")
        self._action(f, self.tr("&Reload Library"), self.start_load, "F5", "reload")
        f.addSeparator()
        self._action(f, self.tr("&Export Notes…"), self.export_dialog, "Ctrl+E", "exportNotes")
        self._action(
            f, self.tr("&Import Annotations…"), self.import_dialog, "Ctrl+I", "importAnnotations"
        )
        f.addSeparator()
        self._action(f, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit")

        e = mb.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(
            e, self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo, "undo"
        )
        self.redo_action = self._action(
            e, self.tr("&Redo"), self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "redo"
        )
        e.addSeparator()
        self._action(
            e,
            self.tr("&Find in Article…"),
            self.find_bar.open_bar,
            QKeySequence.StandardKey.Find,
            "find",
        )
        self._action(e, self.tr("Search &Library"), self.focus_search, "Ctrl+L", "searchLibrary")
        e.addSeparator()
        self._action(
            e,
            self.tr("&Highlight Selection"),
            lambda: self.reader.request_highlight(),
            None,
            "highlight",
        )
        self._action(
            e,
            self.tr("Highlight with &Note…"),
            lambda: self.reader.request_highlight(mode="note"),
            None,
            "highlightNote",
        )
        self._action(
            e,
            self.tr("Highlight with &Tag…"),
            lambda: self.reader.request_highlight(mode="tag"),
            None,
            "highlightTag",
        )
        e.addSeparator()
        self._action(
            e,
            self.tr("&Preferences…"),
            self.preferences,
            QKeySequence.StandardKey.Preferences,
            "preferences",
        )

        v = mb.addMenu(self.tr("&View"))
        self.original_action = self._action(
            v,
            self.tr("Show &Original"),
            lambda: self.original_button.toggle(),
            "Ctrl+U",
            "showOriginal",
        )
        self._action(
            v, self.tr("&Larger Text"), lambda: self.change_size(+1), ["Ctrl+=", "Ctrl++"], "larger"
        )
        self._action(v, self.tr("&Smaller Text"), lambda: self.change_size(-1), "Ctrl+-", "smaller")
        tm = v.addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in (
            ("system", self.tr("&System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
            ("sepia", self.tr("S&epia")),
        ):
            act = QAction(label, self, checkable=True)
            act.setObjectName(f"theme_{key}")
            act.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            group.addAction(act)
            tm.addAction(act)
            self.theme_actions[key] = act
        v.addSeparator()
        self.panel_action = self._action(
            v, self.tr("&Annotations Panel"), self.toggle_panel, "Ctrl+Shift+A", "togglePanel"
        )
        self.panel_action.setCheckable(True)
        self.panel_action.setChecked(True)
        self._action(
            v,
            self.tr("All &Highlights…"),
            self.show_all_highlights,
            "Ctrl+Shift+H",
            "allHighlights",
        )

        lib = mb.addMenu(self.tr("&Library"))
        self._action(lib, self.tr("&Tags…"), self.tag_manager, "Ctrl+Shift+T", "tagManager")
        self._action(lib, self.tr("Tag &Article…"), self.tag_article, "Ctrl+T", "tagArticle")
        self._action(lib, self.tr("Mark &Read/Unread"), self.toggle_read, "Ctrl+R", "toggleRead")

        h = mb.addMenu(self.tr("&Help"))
        self._action(h, self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "F1", "shortcuts")
        self._action(h, self.tr("&About Reader"), self.about, None, "about")
        self._update_undo_actions()

    # -- state -------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geo = self.settings.get_bytes("geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1400, 860)
        split = self.settings.get_bytes("splitter")
        if split is not None:
            self.splitter.restoreState(split)
        else:
            w = self.width()
            self.splitter.setSizes([int(w * 0.38), int(w * 0.42), int(w * 0.2)])
        header = self.settings.get_bytes("table_header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        else:  # a narrow pane reads better with fewer columns; right-click the header for more
            for col in (ArticleTableModel.LENGTH, ArticleTableModel.READ):
                self.table.horizontalHeader().setSectionHidden(col, True)
        show_panel = bool(self.settings.get("show_annotations"))
        self.panel.setVisible(show_panel)
        self.panel_action.setChecked(show_panel)

    def save_state(self) -> None:
        self.settings.set("geometry", self.saveGeometry())
        self.settings.set("splitter", self.splitter.saveState())
        self.settings.set("table_header", self.table.horizontalHeader().saveState())
        self.settings.set("last_article", self.current.id if self.current else "")
        self.settings.set("show_annotations", self.panel.isVisible())
        self.settings.sync()

    # -- theme and type ------------------------------------------------------------------
    def apply_theme(self) -> None:
        name = str(self.settings.get("theme"))
        t = themes.resolve(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(themes.palette_for(t))
        for key, act in self.theme_actions.items():
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
        dlg = PreferencesDialog(
            {k: self.settings.get(k) for k in ("theme", "font_family", "font_size", "language")},
            self,
        )
        if dlg.exec():
            for k, val in dlg.values().items():
                self.settings.set(k, val)
            self.apply_theme()

    # -- library ----------------------------------------------------------------------------
    def start_load(self) -> None:
        if self._closing:
            return
        if self._load_handle is not None and self._load_handle in self.tasks.active:
            self._reload_again = True
            return
        self._load_started = time.monotonic()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(self.tr("Loading {folder}…").format(folder=self.library_root))
        self._index_highlights()
        known = list(self.index.articles.values())
        index, loader = self.index, self.loader
        handle = self.tasks.run("load", lambda job: load_job(index, loader, known, job))

        # results of a load for a library that was replaced meanwhile are dropped
        def current() -> bool:
            return handle is self._load_handle

        handle.finished.connect(lambda r: self._load_done(r) if current() else None)
        handle.failed.connect(lambda m, t: self._load_failed(m, t) if current() else None)
        handle.progressed.connect(
            lambda d, n, b: self._load_progress(d, n, b) if current() else None
        )
        self._load_handle = handle

    def _index_highlights(self) -> None:
        """Highlights by article (the table's counts) built on a worker, not in
        the first repaint that asks for a count (30-50 ms for 20,000)."""
        doc = self.store.doc
        snapshot = doc.groups_snapshot()
        if snapshot is None:
            return
        self.tasks.run(
            "highlight index",
            lambda _job: doc.build_groups(snapshot),
            on_result=lambda built: doc.adopt_groups(built) if doc is self.store.doc else None,
        )

    def _load_progress(self, done: int, total: int, batch: list[Any]) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._apply_batch(batch)
        # Articles live as long as the library: keep the cyclic GC from scanning
        # the growing heap again and again (full collections took 100-300 ms on
        # the GUI thread during a 10,000-article load).
        gc.freeze()
        self.status.setText(
            self.tr("Cleaning articles: {done} of {total}").format(done=done, total=total)
        )

    def _apply_batch(self, batch: list[tuple[str, Article | str, FileState | None]]) -> None:
        added: list[Article] = []
        gone: list[str] = []
        for path, outcome, state in batch:
            art, old = self.index.apply(path, outcome, state)
            if art is not None:
                added.append(art)
            if old:
                gone.append(old)
        if gone:
            self.model.remove_ids(gone)
        if added:
            replaced = [a for a in added if a.id in self.model.all]
            self.model.add_articles(added, keep_order=self._load_handle is not None)
            if replaced:
                if self.current and any(a.id == self.current.id for a in replaced):
                    self.open_article(self.current.id, keep_position=True)
            else:
                for a in added:
                    self.search_index.add(a)
            if self.search.text():
                self._search_timer.start()

    def _load_done(self, result: dict[str, Any]) -> None:
        self._apply_batch(result["batch"])
        gone = [aid for aid in map(self.index.remove, result["gone"]) if aid]
        if gone:
            self.model.remove_ids(gone)  # rebuilds the rows, sorted
        gc.freeze()
        self.progress.hide()
        self.cancel_button.hide()
        n = len(self.index.articles)
        failures = len(self.index.failures) + len(result["skipped"])
        secs = time.monotonic() - self._load_started
        msg = self.tr("{n} articles").format(n=n)
        if failures:
            msg += " · " + self.tr("{k} files could not be read (hover for why)").format(k=failures)
            reasons = [f"{Path(p).name}: {r}" for p, r in list(self.index.failures.items())[:30]]
            reasons += [f"{Path(f.path).name}: {f.reason}" for f in result["skipped"][:30]]
            self.status.setToolTip("\n".join(reasons))
        if result["cancelled"]:
            msg += " · " + self.tr("loading cancelled")
        self.status.setText(msg + f" · {secs:.1f} s")
        self._watch(result["dirs"])
        # the rest in later turns of the event loop: each step is short, and
        # the window repaints and answers in between
        handle = self._load_handle
        self._sort_rows(lambda: self._after_load(handle), needed=not gone)

    def _sort_rows(self, then: Callable[[], None], *, needed: bool = True) -> None:
        """Sort the rows that came in load order, comparing keys on a worker
        (30-50 ms for 10,000 rows on the GUI thread), then call ``then``."""
        job = self.model.sorting_job() if needed else None
        if job is None:
            QTimer.singleShot(0, then)
            return

        def done(result: Any) -> None:
            if not self.model.apply_sorted(result):
                self.model.resort()  # the rows changed meanwhile
            then()

        self.tasks.run(
            "sort",
            lambda _job: job(),
            on_result=done,
            on_error=lambda *_: (self.model.resort(), then()),
        )

    def _after_load(self, handle: Any) -> None:
        if handle is not self._load_handle:
            return  # another library was opened meanwhile
        self._refresh_sources()
        self._update_count()
        # one background job after the other: each running beside the GUI
        # thread takes a share of the interpreter lock its repaints need (the
        # first article opens before the search index is built beside it)
        self._reconcile(lambda: (self._finish_load(handle), self._reindex()))

    def _finish_load(self, handle: Any) -> None:
        if handle is not self._load_handle:
            return
        self._load_handle = None
        if self.current is None:
            self._open_initial()
        self.library_loaded.emit()
        if self._reload_again:
            self._reload_again = False
            self._reload_timer.start()

    def _reindex(self) -> None:
        """Build the search corpus off the GUI thread; searches use the old one meanwhile."""
        articles = list(self.model.all.values())
        loader = self.loader

        def build(job: Job) -> SearchIndex:
            loader.prefetch(articles)  # the texts of articles loaded lazily, in bulk
            return SearchIndex(articles).build()

        self.tasks.run("index", build, on_result=self._indexed)

    def _indexed(self, index: SearchIndex) -> None:
        self.search_index = index
        self._last_search = ("", None)
        if self.search.text().strip():
            self._run_search()

    def _load_failed(self, message: str, _tb: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(self.tr("Loading failed: {error}").format(error=message))

    def _watch(self, dirs: list[str]) -> None:
        """Watch the folders (files added/removed) and, up to a limit, the files (edits)."""
        current = set(self.watcher.directories()) | set(self.watcher.files())
        wanted = set(dirs) | {str(self.library_root)}
        if len(self.index.files) <= MAX_WATCHED_FILES:
            wanted |= set(self.index.files)
        if wanted - current:
            self.watcher.addPaths(sorted(wanted - current))
        if current - wanted:
            self.watcher.removePaths(sorted(current - wanted))
        self._poll_timer.start()

    def _reconcile(self, then: Callable[[], None]) -> None:
        """Re-anchor highlights and follow edited files: planned on a worker (it
        reads the texts of every annotated article: 0.7 s at 20,000 highlights
        on the GUI thread), applied here in short steps, then ``then``."""
        articles = list(self.index.articles.values())
        doc, loader = self.store.doc, self.loader

        def work(job: Job) -> ReconcilePlan:
            return plan_reconcile(doc, articles, prefetch=loader.prefetch)

        def apply(p: ReconcilePlan) -> None:
            step(p.parts())

        def step(parts: list[ReconcilePlan]) -> None:
            # one part per turn of the event loop: the window repaints between
            if self._closing:
                return  # nothing more to start: the tasks are shut down
            if self.store.doc is doc and parts:
                self.store.apply(Reconcile(articles, plan=parts[0]), undoable=False)
                if len(parts) > 1:
                    QTimer.singleShot(0, lambda: step(parts[1:]))
                    return
                if self.store.has_unsaved:
                    self.schedule_save()
                self.after_change()
            then()

        def failed(message: str, _tb: str) -> None:
            self.status.setText(
                self.tr("Could not update annotations for changed files: {error}").format(
                    error=message
                )
            )
            if not self._closing:
                then()

        self.tasks.run("reconcile", work, on_result=apply, on_error=failed)

    def _open_initial(self) -> None:
        last = str(self.settings.get("last_article") or "")
        if last and last in self.model.all:
            self.select_article(last)
        elif self.proxy.rowCount() > 0:
            self.table.selectRow(0)

    def set_library(self, folder: Path) -> None:
        self.tasks.cancel("load")
        self.tasks.wait(10000)
        self._load_handle = None  # whatever it still delivers is for the old library
        self._reload_again = False
        self._save_position()
        self.library_root = folder
        self.index = LibraryIndex(folder)
        self.loader = Loader(self.loader.cache, nice=BACKGROUND_NICE)
        self.model.clear()
        gc.unfreeze()  # the old library's articles may be collected now
        self.search_index = SearchIndex()
        self.current = None
        self.reader.clear_article()
        self.panel.set_article(None)
        paths.remember_library(folder)
        self.start_load()

    def open_library_dialog(self) -> None:
        d = QFileDialog.getExistingDirectory(
            self, self.tr("Open Library Folder"), str(self.library_root)
        )
        if d:
            self.set_library(Path(d))

    def add_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add Files to the Library"),
            str(Path.home()),
            self.tr("Saved pages (*.html *.htm *.txt *.md);;All files (*)"),
        )
        if files:
            self.add_files([Path(f) for f in files])

    def add_files(self, files: list[Path]) -> None:
        """Copy files into the library folder (never overwriting one there)."""
        copied = 0
        for src in files:
            if not src.is_file():
                continue
            target = self.library_root / src.name
            n = 1
            while target.exists():
                target = self.library_root / f"{src.stem} ({n}){src.suffix}"
                n += 1
            try:
                shutil.copy2(src, target)
                copied += 1
            except OSError as exc:
                QMessageBox.warning(
                    self,
                    self.tr("Add Files"),
                    self.tr("Could not copy {name}: {error}").format(
                        name=src.name, error=exc.strerror
                    ),
                )
        if copied:
            self.start_load()

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        local = [Path(u.toLocalFile()) for u in e.mimeData().urls() if u.isLocalFile()]
        folders = [p for p in local if p.is_dir()]
        files = [p for p in local if p.is_file()]
        if folders:
            self.set_library(folders[0])
        elif files:
            self.add_files(files)
        e.acceptProposedAction()

    # -- search and filters ----------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _run_search(self) -> None:
        q = self.search.text()
        if not q.strip():
            self.proxy.set_matching(None)
            self._last_search = ("", None)
        else:
            prev_q, prev_ids = self._last_search
            if prev_ids is not None and prev_q and q.startswith(prev_q):
                ids = self.search_index.within(prev_ids, q)  # a refinement: search the hits only
            else:
                ids = self.search_index.matching_ids(q)
            self._last_search = (q, ids)
            self.proxy.set_matching(set(ids))
        self._update_count()

    def _update_count(self, *_: Any) -> None:
        shown, total = self.proxy.rowCount(), len(self.model.all)
        if shown == total:
            self.match_label.setText(self.tr("{n} articles").format(n=total))
        else:
            self.match_label.setText(self.tr("{shown} of {total}").format(shown=shown, total=total))

    def _fill_tag_menu(self) -> None:
        self.tag_menu.clear()
        counts = self.store.doc.tag_counts()
        if not counts:
            a = self.tag_menu.addAction(self.tr("No tags yet"))
            a.setEnabled(False)
            return
        clear = self.tag_menu.addAction(self.tr("Show all"))
        clear.triggered.connect(lambda: self._set_tag_filter(set()))
        self.tag_menu.addSeparator()
        for name in sorted(counts):
            n_art, _ = counts[name]
            act = self.tag_menu.addAction(f"{name} ({n_art})")
            act.setCheckable(True)
            act.setChecked(name in self.proxy.tags)
            act.toggled.connect(lambda on, t=name: self._toggle_tag(t, on))

    def _toggle_tag(self, tag: str, on: bool) -> None:
        tags = set(self.proxy.tags)
        (tags.add if on else tags.discard)(tag)
        self._set_tag_filter(tags)

    def _set_tag_filter(self, tags: set[str]) -> None:
        self.proxy.set_tags(tags)
        label = (
            self.tr("Tags ▾")
            if not tags
            else self.tr("Tags: {tags} ▾").format(tags=", ".join(sorted(tags)))
        )
        self.tag_filter.setText(label)
        self._update_count()

    def _refresh_sources(self) -> None:
        cur = self.source_filter.currentData()
        self.source_filter.blockSignals(True)
        self.source_filter.clear()
        self.source_filter.addItem(self.tr("All sources"), None)
        for s in self.model.sources():
            self.source_filter.addItem(s, s)
        self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(cur)))
        self.source_filter.blockSignals(False)

    # -- reading ------------------------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        a = self.proxy.mapToSource(current)
        art = self.model.articles[a.row()]
        if self.current is None or art.id != self.current.id:
            self.open_article(art.id)

    def _keep_current_selected(self) -> None:
        """After the rows were rebuilt (filter, new files), the open article stays selected."""
        if self.current is None:
            return
        row = self.model.row_of(self.current.id)
        if row is None:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        sel = self.table.selectionModel()
        sel.blockSignals(True)
        self.table.setCurrentIndex(idx)
        sel.blockSignals(False)

    def select_article(self, article_id: str) -> None:
        if article_id not in self.model.all:
            return
        if self.model.row_of(article_id) is None:  # filtered out: clear filters to show it
            self.search.clear()
            self._set_tag_filter(set())
            self.source_filter.setCurrentIndex(0)
            self._run_search()
        row = self.model.row_of(article_id)
        if row is None:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(idx)
        self.table.scrollTo(idx)
        if self.current is None or self.current.id != article_id:
            self.open_article(article_id)

    def open_article(self, article_id: str, keep_position: bool = False) -> None:
        art = self.model.article(article_id)
        if art is None:
            return
        pos = self.reader.reading_position() if keep_position else None
        self._save_position()
        self.panel.commit_note()
        self.current = art
        self.original_button.blockSignals(True)
        self.original_button.setChecked(False)
        self.original_button.blockSignals(False)
        self.reader.show_article(art, self.store.doc.highlights_of(art.id))
        st = self.store.doc.articles.get(art.id)
        self.reader.set_reading_position(pos if pos is not None else (st.position if st else 0.0))
        self.panel.set_article(art.id)
        self._fill_toc(art)
        self.setWindowTitle(f"{art.title} — Reader")
        if self.find_bar.isVisible():
            self._find(self.find_bar.edit.text())

    def _save_position(self) -> None:
        if self.current is None or self.reader.showing_original:
            return
        pos = round(self.reader.reading_position(), 4)
        st = self.store.doc.articles.get(self.current.id)
        if st is None and pos < 0.01:
            return
        if st is None or abs(st.position - pos) > 0.005:
            self.store.apply(SetArticle(self.current.id, position=pos), undoable=False)
            self.schedule_save()

    def _fill_toc(self, art: Article) -> None:
        self.toc_menu.clear()
        heads = [(i, b.text) for i, b in enumerate(art.blocks) if b.type == "heading"]
        self.toc.setVisible(len(heads) >= 2)
        offsets = art.block_offsets()
        for i, text in heads:
            label = text if len(text) <= 40 else text[:39] + "…"
            start = offsets[i][0]
            self.toc_menu.addAction(label, lambda s=start: self._goto_offset(s))

    def _goto_offset(self, clean: int) -> None:
        from PySide6.QtGui import QTextCursor  # noqa: PLC0415

        cur = QTextCursor(self.reader.document())
        cur.setPosition(self.reader.to_doc(clean))
        rect = self.reader.cursorRect(cur)
        sb = self.reader.verticalScrollBar()
        sb.setValue(sb.value() + rect.top() - 20)

    def toggle_original(self, on: bool) -> None:
        if self.current is None:
            return
        if on:
            from ..core.report import original_lines  # noqa: PLC0415 - loads the cleaner

            try:
                doc = read_document(self.current.path)
            except NotAnArticle as exc:
                QMessageBox.warning(self, self.tr("Show original"), str(exc))
                return
            lines = original_lines(doc, self.current)
            self.reader.show_original(self.current, lines)
            removed = sum(1 for ln in lines if not ln.kept)
            self.status.setText(
                self.tr(
                    "Original page: {n} pieces removed by the cleaner, struck through with the reason"  # noqa: E501
                ).format(n=removed)
            )
        else:
            self.open_article(self.current.id)

    def toggle_panel(self) -> None:
        self.panel.setVisible(not self.panel.isVisible())
        self.panel_action.setChecked(self.panel.isVisible())

    def _find(self, text: str) -> None:
        n = self.reader.find_all(text)
        self.find_bar.set_count(0, n)
        if n:
            self.find_bar.set_count(self.reader.find_step(True), n)

    def _find_step(self, forward: bool) -> None:
        self.find_bar.set_count(self.reader.find_step(forward), len(self.reader._find))

    # -- annotating ------------------------------------------------------------------------
    def apply(self, op: Operation, undoable: bool = True) -> bool:
        try:
            self.store.apply(op, undoable=undoable)
        except AnnotationError as exc:
            QMessageBox.warning(self, self.tr("Reader"), str(exc))
            return False
        self.after_change()
        self.schedule_save()
        return True

    def after_change(self, everywhere: bool = False) -> None:
        """Show the store's last change (``everywhere``: a change from elsewhere,
        which may concern any article)."""
        if self.current is not None and not self.reader.showing_original:
            self.reader.set_highlights(self.store.doc.highlights_of(self.current.id))
        self.panel.reload()
        self.model.annotations_changed(None if everywhere else self.store.changed_articles)
        if self.model.tags:  # tags may have changed under an active tag filter
            self.proxy.refilter()
        if getattr(self, "_all_dialog", None) is not None and self._all_dialog.isVisible():
            self._all_dialog.reload()
        self._update_undo_actions()

    def _highlight_requested(self, start: int, end: int, color: str, mode: str) -> None:
        art = self.current
        if art is None:
            return
        color = color or str(self.settings.get("default_color"))
        h = Highlight.new(art.id, describe(art.text, start, end), color=color)
        if not self.apply(AddHighlight(h, article_title=art.title)):
            return
        self.panel.select(h.id, emit=False)
        if mode == "note":
            self.panel.focus_note()
        elif mode == "tag":
            tags = ask_tags(self, self.store, self.tr("Tag highlight"))
            if tags:
                self.apply(EditHighlight(h.id, tags=tags))

    def _goto_highlight(self, hid: str) -> None:
        h = self.store.doc.highlights.get(hid)
        if h is None:
            return
        if self.current is None or self.current.id != h.article:
            self.select_article(h.article)
        if h.status != "orphaned":
            self.reader.scroll_to_highlight(h)

    def _reattach(self, hid: str) -> None:
        art = self.current
        rng = self.reader.selected_range()
        if art is None or rng is None:
            QMessageBox.information(
                self,
                self.tr("Re-attach highlight"),
                self.tr("First select, in the text, the passage this highlight belongs to."),
            )
            return
        self.apply(
            EditHighlight(hid, selector=describe(art.text, *rng), status="anchored", article=art.id)
        )

    def _article_tags(self, tags: list[str]) -> None:
        if self.current is None:
            return
        st = self.store.doc.articles.get(self.current.id)
        old = set(st.tags) if st else set()
        new = set(tags)
        ops: list[Operation] = []
        if new - old:
            ops.append(TagArticle(self.current.id, sorted(new - old), title=self.current.title))
        if old - new:
            ops.append(TagArticle(self.current.id, sorted(old - new), remove=True))
        for op in ops:
            self.apply(op)

    def _article_flag(self, name: str, value: bool) -> None:
        if self.current is not None:
            self.apply(SetArticle(self.current.id, **{name: value}))

    def tag_article(self) -> None:
        if self.current is None:
            return
        st = self.store.doc.articles.get(self.current.id)
        tags = ask_tags(self, self.store, self.tr("Tag article"), list(st.tags) if st else [])
        if tags is not None:
            self._article_tags(tags)

    def toggle_read(self) -> None:
        if self.current is not None:
            st = self.store.doc.articles.get(self.current.id)
            self.apply(SetArticle(self.current.id, read=not (st and st.read)))

    def undo(self) -> None:
        self.panel.commit_note()
        if self.store.undo() is not None:
            self.after_change()
            self.schedule_save()

    def redo(self) -> None:
        if self.store.redo() is not None:
            self.after_change()
            self.schedule_save()

    def _update_undo_actions(self) -> None:
        h = self.store.history
        self.undo_action.setEnabled(bool(h.done))
        self.redo_action.setEnabled(bool(h.undone))
        self.undo_action.setText(
            self.tr("&Undo {what}").format(what=h.done[-1].label) if h.done else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {what}").format(what=h.undone[-1].label)
            if h.undone
            else self.tr("&Redo")
        )

    def tag_manager(self) -> None:
        TagManager(self.store, lambda op: self._apply_or_raise(op), self).exec()

    def _apply_or_raise(self, op: Operation) -> None:
        self.store.apply(op)
        self.after_change()
        self.schedule_save()

    def show_all_highlights(self) -> None:
        def title(aid: str) -> str:
            a = self.model.article(aid)
            if a is not None:
                return a.title
            st = self.store.doc.articles.get(aid)
            return (
                (st.title if st and st.title else aid[:12]) + " " + self.tr("(not in this library)")
            )

        dlg = AllHighlightsDialog(self.store, title, self)
        dlg.open_highlight.connect(self._goto_highlight)
        self._all_dialog = dlg
        dlg.show()

    # -- export and import ------------------------------------------------------------
    def selected_articles(self) -> list[Article]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.articles[r] for r in sorted(rows)]

    def filtered_articles(self) -> list[Article]:
        return [
            self.model.articles[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
            for r in range(self.proxy.rowCount())
        ]

    def export_dialog(self) -> ExportDialog:
        self.panel.commit_note()
        scopes: dict[str, Callable[[], list[Article]]] = {
            "selected": self.selected_articles,
            "filtered": self.filtered_articles,
            "all": lambda: list(self.model.all.values()),
        }
        if self.current is not None:
            cur = self.current
            scopes = {"article": lambda: [cur], **scopes}
        # the exporters load when first asked for, not with the window (~25 ms)
        from .export_dialog import ExportDialog  # noqa: PLC0415

        dlg = ExportDialog(self.store, self.tasks, scopes, self)
        dlg.show()
        return dlg

    def import_dialog(self) -> None:
        f, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Annotations"),
            str(Path.home()),
            self.tr("W3C annotations (*.json *.jsonld);;All files (*)"),
        )
        if f:
            self.import_file(Path(f))

    def import_file(self, path: Path) -> None:
        from ..core.export.importing import plan, read  # noqa: PLC0415

        articles = list(self.index.articles.values())
        with self.store.mutex:
            snapshot = self.store.doc.copy()
        self.status.setText(self.tr("Importing {name}…").format(name=path.name))
        self.tasks.run(
            "import",
            lambda job: plan(read(path), articles, snapshot),
            on_result=self._imported,
            on_error=lambda msg, _tb: QMessageBox.warning(
                self,
                self.tr("Import Annotations"),
                self.tr("{error}\n\nNothing was imported.").format(error=msg.split(": ", 1)[-1]),
            ),
        )

    def _imported(self, result: tuple[Operation | None, Any]) -> None:
        op, report = result
        if op is not None:
            self.apply(op)
        self.status.setText(self.tr("Import: {summary}").format(summary=report.summary()))
        self.import_report = report
        QMessageBox.information(self, self.tr("Import Annotations"), report.summary())

    # -- saving ----------------------------------------------------------------------------
    def schedule_save(self) -> None:
        if not self.store.read_only:
            self._save_timer.start()

    def _save_now(self) -> None:
        if self.tasks.busy("save"):
            self._save_again = True
            return
        self.tasks.run(
            "save", lambda job: self.store.save(), on_result=self._saved, on_error=self._save_failed
        )

    def _saved(self, _result: Any) -> None:
        if self._save_error:
            self._save_error = None
            self.status.setText(self.tr("Saved."))
        if self._save_again or self.store.has_unsaved:
            self._save_again = False
            self._save_timer.start()

    def _save_failed(self, message: str, _tb: str) -> None:
        first = self._save_error != message
        self._save_error = message
        self.status.setText(self.tr("Not saved: {error} — will retry").format(error=message))
        if first:
            QMessageBox.warning(
                self,
                self.tr("Could not save annotations"),
                self.tr(
                    "{error}\n\nYour changes are kept in memory and Reader will keep trying to save them."  # noqa: E501
                ).format(error=message),
            )
        QTimer.singleShot(5000, self._save_now)

    def _store_changed_on_disk(self) -> None:
        try:
            if self.store.refresh():
                self.after_change(everywhere=True)
                self.status.setText(self.tr("Annotations changed by another program were loaded."))
        except StoreError as exc:
            self.status.setText(str(exc))

    def show_store_messages(self) -> None:
        for m in self.store.messages:
            QMessageBox.warning(self, self.tr("Annotation store"), m)
        if self.store.read_only:
            self.status.setText(self.tr("Read-only: {why}").format(why=self.store.read_only_reason))

    # -- help ---------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        extra = [
            (self.tr("Highlight selection in a colour"), "1 … 6"),
            (self.tr("Highlight in the default colour"), "H"),
            (self.tr("Highlight and write a note"), "N"),
            (self.tr("Highlight and tag"), "T"),
            (self.tr("Next / previous match (find bar)"), "Enter / Shift+Enter"),
            (self.tr("Move through articles"), "Up / Down"),
            (self.tr("Open the article (move to the text)"), "Enter"),
            (self.tr("Save the note"), "Ctrl+Enter"),
        ]
        ShortcutsDialog([a for a in self.actions() if a.shortcuts()], extra, self).exec()

    def about(self) -> None:
        from .. import __version__  # noqa: PLC0415

        QMessageBox.about(
            self,
            self.tr("About Reader"),
            self.tr(
                "<b>Reader</b> {v}<p>Read and annotate saved web articles.</p><p>Annotations: {store}</p>"  # noqa: E501
            ).format(v=__version__, store=self.store.path),
        )

    # -- closing ------------------------------------------------------------------------------
    def closeEvent(self, e: QCloseEvent) -> None:
        self.panel.commit_note()
        self._save_position()
        self._closing = True
        self._save_timer.stop()
        self._prepare_timer.stop()
        self._reload_timer.stop()
        self._poll_timer.stop()
        watched = self.watcher.directories() + self.watcher.files()
        if watched:
            self.watcher.removePaths(watched)
        self.tasks.shutdown()
        if not self.store.read_only and self.store.has_unsaved:
            try:
                self.store.save()
            except StoreError as exc:
                answer = QMessageBox.critical(
                    self,
                    self.tr("Could not save annotations"),
                    self.tr("{error}\n\nQuit anyway and lose the unsaved changes?").format(
                        error=exc
                    ),
                    QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                )
                if answer != QMessageBox.StandardButton.Discard:
                    self._closing = False
                    e.ignore()
                    return
        self.save_state()
        self.store.close()
        e.accept()
