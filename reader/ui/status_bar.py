"""The window's status bar: one line of news, loading progress with Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QWidget,
)

from .core_text import tr_core
from .library_controller import LoadSummary
from .safe_text import plain


class StatusBar(QStatusBar):
    def __init__(self, cancel: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages name files and pages
        self.addWidget(self.label, 1)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName(self.tr("Loading progress"))
        self.progress.hide()
        self.addPermanentWidget(self.progress)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel loading"))
        self.cancel_button.clicked.connect(cancel)
        self.cancel_button.hide()
        self.addPermanentWidget(self.cancel_button)
        self._unsaved = False  # a save failed and none has succeeded since

    def say(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def load_progress(self, done: int, total: int, folder: Path) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()
        self.cancel_button.show()
        if total:
            msg = self.tr("Cleaning articles: {done} of {total}").format(done=done, total=total)
        else:
            msg = self.tr("Loading {folder}…").format(folder=folder)
        self.say(msg)

    def index_progress(self, done: int, total: int) -> None:
        """Indexing the library for search (in the background); (0, 0): done."""
        if not total:
            if self.progress.isVisible() and self.label.text().startswith(self._indexing):
                self._idle()
                self.say(self.tr("Search index up to date"))
            return
        if total < 500:  # (a few changed articles: seconds at most, and the line
            return  # keeps what it said, such as a correction's report)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()
        self.cancel_button.show()
        self.say(self._indexing + self.tr(": {done} of {total}").format(done=done, total=total))

    @property
    def _indexing(self) -> str:
        return self.tr("Indexing for search")

    def _idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def loaded(self, s: LoadSummary) -> None:
        self._idle()
        msg = self.tr("{n} articles").format(n=s.articles)
        if s.failures:
            msg += " · " + self.tr("{k} files could not be read (hover for why)").format(
                k=len(s.failures)
            )
            why = [f"{Path(f.path).name}: {f.reason}" for f in s.failures[:60]]
            self.label.setToolTip(plain("\n".join(why)))
        if s.cancelled:
            msg += " · " + self.tr("loading cancelled")
        self.say(msg + f" · {s.seconds:.1f} s")

    def load_failed(self, message: str) -> None:
        self._idle()
        self.say(self.tr("Loading failed: {error}").format(error=message))

    def save_failed(self, message: str, first: bool = False) -> None:
        """A save failed; the first of a run is also said in a message box."""
        self._unsaved = True
        self.say(self.tr("Not saved: {error} — will retry").format(error=message))
        if first:
            QMessageBox.warning(
                self.window(),
                self.tr("Could not save annotations"),
                plain(
                    self.tr(
                        "{error}\n\nYour changes are kept in memory and Reader will keep "
                        "trying to save them."
                    ).format(error=message)
                ),
            )

    def imported(self, report: Any) -> None:
        """An import's result (an ``ImportReport``), in the status bar and a box."""
        summary = tr_core(report.summary())
        self.say(self.tr("Import: {summary}").format(summary=summary))
        QMessageBox.information(self.window(), self.tr("Import Annotations"), plain(summary))

    def store_messages(self, messages: list[str], read_only_reason: str | None) -> None:
        """What opening the store had to say (a recovery, read-only), once."""
        for m in messages:
            QMessageBox.warning(self.window(), self.tr("Annotation store"), plain(tr_core(m)))
        if read_only_reason is not None:
            self.say(self.tr("Read-only: {why}").format(why=tr_core(read_only_reason)))

    def saved(self) -> None:
        if self._unsaved:
            self._unsaved = False
            self.say(self.tr("Saved."))
