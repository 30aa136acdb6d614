"""How the window's three panes share its width: saved and restored, fitted
to small windows, a library that folds away, and a reading mode.

- Down to 800×600 the text keeps a readable column: when the window narrows,
  the annotations panel gives way first, then the library, each down to its
  minimum; the library can be folded away entirely (View ▸ Library).
- Reading mode (F11, Esc to leave) shows the text alone, at the width, font
  and theme as set; leaving it restores the panes as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from .settings import Settings

#: Below these widths a pane stops being useful (px).
MIN_LIBRARY = 180
MIN_READING = 320
MIN_PANEL = 220


class WindowLayout(QObject):
    def __init__(
        self,
        win: QMainWindow,
        splitter: QSplitter,
        library: QWidget,
        reading: QWidget,
        panel: QWidget,
        settings: Settings,
    ) -> None:
        super().__init__(win)
        self.win, self.splitter = win, splitter
        self.library, self.reading, self.panel = library, reading, panel
        self.settings = settings
        self.reading_mode = False
        self._before: tuple[bool, ...] | None = None
        # (hard minimums are low: below the soft ones ``fit`` folds a pane away)
        library.setMinimumWidth(120)
        reading.setMinimumWidth(240)
        panel.setMinimumWidth(160)
        splitter.setChildrenCollapsible(False)
        self.auto_hidden: list[QWidget] = []  # panes ``fit`` folded for lack of room
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self.fit)

    # -- saved state
    def restore(self) -> None:
        s = self.settings
        geo = s.get_bytes("geometry")
        if geo is not None:
            self.win.restoreGeometry(geo)
        else:
            self.win.resize(1400, 860)
        split = s.get_bytes("splitter")
        if split is not None:
            self.splitter.restoreState(split)
        else:
            self.fit(initial=True)
        self.panel.setVisible(bool(s.get("show_annotations")))
        self.library.setVisible(s.get("show_library") is not False)

    def save(self) -> None:
        s = self.settings
        if self.reading_mode:
            self.set_reading_mode(False)  # (save the panes as the user set them)
        s.set("geometry", self.win.saveGeometry())
        s.set("splitter", self.splitter.saveState())
        # (a pane folded for lack of room is still one the user wants)
        s.set("show_annotations", self.panel.isVisible() or self.panel in self.auto_hidden)
        s.set("show_library", self.library.isVisible() or self.library in self.auto_hidden)

    # -- fitting
    def fit_soon(self) -> None:
        """Fit once the splitter has its new width (after this resize's layout)."""
        if not self._fit_timer.isActive():
            self._fit_timer.start()

    def fit(self, initial: bool = False) -> None:
        """Share the width so the text keeps a readable column: the panel
        gives way first, then the library, each down to its minimum; when the
        window is narrower still, the panel, then the library, fold away (and
        come back when there is room again). ``initial``: no saved sizes yet."""
        total = self.splitter.width() or self.win.width()
        for pane in list(self.auto_hidden):  # room again?
            need = MIN_PANEL if pane is self.panel else MIN_LIBRARY
            if total - self._others(pane) - need >= MIN_READING:
                pane.setVisible(True)
                self.auto_hidden.remove(pane)
        for pane in (self.panel, self.library):
            if pane.isVisible() and total - self._others(pane) - self._min(pane) < MIN_READING:
                pane.setVisible(False)
                self.auto_hidden.append(pane)
        sizes = self.splitter.sizes()
        lib = int(total * 0.30) if initial else sizes[0]
        panel = int(total * 0.20) if initial else sizes[2]
        lib = max(MIN_LIBRARY, lib) if self.library.isVisible() else 0
        panel = max(MIN_PANEL, panel) if self.panel.isVisible() else 0
        want = min(640, max(MIN_READING, total // 2))
        short = want - (total - lib - panel)
        if short > 0 and panel:
            give = min(short, panel - MIN_PANEL)
            panel -= give
            short -= give
        if short > 0 and lib:
            lib -= min(short, lib - MIN_LIBRARY)
        self.splitter.setSizes([lib, max(MIN_READING, total - lib - panel), panel])

    def _min(self, pane: QWidget) -> int:
        return MIN_PANEL if pane is self.panel else MIN_LIBRARY

    def _others(self, pane: QWidget) -> int:
        """The soft minimum of the other side pane, if shown."""
        other = self.library if pane is self.panel else self.panel
        return self._min(other) if other.isVisible() and other not in self.auto_hidden else 0

    # -- reading mode and the library
    def set_reading_mode(self, on: bool) -> None:
        if on == self.reading_mode:
            return
        self.reading_mode = on
        bars = (self.win.menuBar(), self.win.statusBar(), getattr(self.reading, "bar", self.win))
        if on:
            self._before = tuple(w.isVisible() for w in (self.library, self.panel, *bars))
            for w in (self.library, self.panel, *bars):
                w.setVisible(False)
        elif self._before is not None:
            for w, vis in zip((self.library, self.panel, *bars), self._before, strict=True):
                w.setVisible(vis)
            self._before = None

    def set_library(self, on: bool) -> None:
        self.library.setVisible(on)
        if on:
            self.fit()
